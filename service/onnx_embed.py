"""all-MiniLM-L6-v2 through onnxruntime: the exported graph (service/model_export.py) behind the Embedder protocol.

Tokenisation is the model's own fast tokenizer (tokenizer.json beside the weights) with the model's 256-token
limit; texts are batched in order of token length, so a batch pads to about its own length. Needs neither torch
nor transformers at run time.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Sequence

import numpy as np

from service.embed import DIMENSIONS, WEIGHTS_SHA256, normalise_rows, default_model_path, verify_weights
from service.errors import ModelError
from service.onnx_files import VARIANTS, export_dir, verify_export


def default_threads() -> int:
    """The cores this process may run on. One model call runs at a time (a lock), so it may use them all; more
    threads than cores only make them take turns."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class OnnxEmbedder:
    """The exported model, verified against its pinned sha256 before the session opens."""

    dimensions = DIMENSIONS

    def __init__(self, backend: str = "onnx", model_dir: Path | None = None, cache_dir: Path | None = None, *,
                 batch_size: int = 64, verify: bool = True, threads: int = 0) -> None:
        if backend not in VARIANTS:
            raise ModelError(f"backend {backend!r} is not one of {', '.join(VARIANTS)}")
        variant = VARIANTS[backend]
        model_dir = Path(model_dir) if model_dir else default_model_path()
        if verify:
            verify_weights(model_dir)
        path = export_dir(cache_dir, WEIGHTS_SHA256) / variant.file_name
        verify_export(path, variant)
        import onnxruntime
        from tokenizers import Tokenizer

        self.name = variant.model_name
        self.backend = backend
        self.path = path
        self.batch_size = batch_size
        self._tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self._tokenizer.enable_truncation(max_length=_max_tokens(model_dir))
        self._tokenizer.no_padding()  # each batch is padded to its own longest text below
        self._pad_id = self._tokenizer.token_to_id("[PAD]") or 0
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads or default_threads()
        # One operator at a time: the graph is a chain, and parallel operators would only compete for the cores.
        options.inter_op_num_threads = 1
        options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
        # Idle pool threads would otherwise spin for a while after each operator, burning the cores that the
        # parser of the next article (another pipeline thread) needs.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3  # errors only: its warnings go to stderr, where the log is JSON lines
        try:
            self._session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        except Exception as exc:  # onnxruntime raises its own exception types for a file it cannot load
            raise ModelError(f"{path}: onnxruntime cannot load it ({exc})") from exc
        self._lock = threading.Lock()  # one call at a time: each uses every core already

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        encodings = self._tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        rows = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        with self._lock:
            for start in range(0, len(order), self.batch_size):
                batch = order[start:start + self.batch_size]
                width = max(len(encodings[i].ids) for i in batch)
                ids = np.full((len(batch), width), self._pad_id, dtype=np.int64)  # the mask hides the padding
                mask = np.zeros((len(batch), width), dtype=np.int64)
                for row, i in enumerate(batch):
                    n = len(encodings[i].ids)
                    ids[row, :n] = encodings[i].ids
                    mask[row, :n] = 1
                rows[batch] = self._session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
        # The graph normalises already; this keeps the protocol's promise for an all-padding edge case too.
        return normalise_rows(rows)


def _max_tokens(model_dir: Path) -> int:
    """The model's own sequence limit, as sentence-transformers reads it (sentence_bert_config.json)."""
    config = model_dir / "sentence_bert_config.json"
    try:
        return int(json.loads(config.read_text())["max_seq_length"])
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError(f"{config}: no max_seq_length ({exc})") from exc
