"""Builds the ONNX files of all-MiniLM-L6-v2 from the packaged, verified weights (never from a hub).

    crosscheck-server build-model [--model-cache DIR] [--model-path DIR] [--force]
    python -m service.model_export   (the same)

`model.onnx` is the whole sentence-transformers pipeline in one graph (BERT, mean pooling over the attention
mask, L2 normalisation), exported by torch's TorchScript-based exporter with the eager attention implementation:
onnxruntime recognises that graph's attention and fuses it (the SDPA export is left unfused and runs a third
slower). `model-int8.onnx` is that graph with its MatMul weights dynamically quantised to int8, per output
channel (per tensor loses too much: cosine to fp32 about 0.96). Each file is written under a temporary name,
checked against its pinned sha256 and only then renamed into place, so a reader never sees half a file.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
import time
import warnings
from pathlib import Path

from service.errors import ModelError
from service.onnx_files import FP32, INT8, OPSET, RECIPE, OnnxVariant, export_dir, file_sha256, verify_export


def _export_fp32(model_dir: Path, target: Path) -> None:
    import torch
    from transformers import AutoModel

    bert = AutoModel.from_pretrained(str(model_dir), attn_implementation="eager").eval()

    class SentenceEmbedding(torch.nn.Module):
        """Token embeddings -> mean over the real tokens -> unit length: what the sentence-transformers
        modules (Transformer, Pooling mean, Normalize) of all-MiniLM-L6-v2 compute."""

        def __init__(self, encoder: torch.nn.Module) -> None:
            super().__init__()
            self.encoder = encoder

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            tokens = self.encoder(input_ids=input_ids, attention_mask=attention_mask,
                                  token_type_ids=torch.zeros_like(input_ids)).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(tokens.dtype)
            pooled = (tokens * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2.0, dim=1)

    example = torch.ones((2, 8), dtype=torch.long)
    axes = {0: "batch", 1: "tokens"}
    with warnings.catch_warnings(), torch.no_grad():
        # The TorchScript exporter warns that it is deprecated in favour of the dynamo one, which needs
        # onnxscript and gives a graph onnxruntime fuses less well; the pinned torch still ships it.
        warnings.simplefilter("ignore")
        torch.onnx.export(
            SentenceEmbedding(bert), (example, example), str(target), dynamo=False, opset_version=OPSET,
            input_names=["input_ids", "attention_mask"], output_names=["embeddings"],
            dynamic_axes={"input_ids": axes, "attention_mask": axes, "embeddings": {0: "batch"}},
        )


def _quantise_int8(source: Path, target: Path) -> None:
    from onnx import TensorProto
    from onnxruntime.quantization import QuantType, quantize_dynamic

    # The quantiser logs a suggestion to pre-process through the root logger on every run; it does not apply
    # to dynamic quantisation of MatMul weights, so it is held back for the call's duration.
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)
    try:
        quantize_dynamic(str(source), str(target), weight_type=QuantType.QInt8, per_channel=True,
                         op_types_to_quantize=["MatMul"],
                         # shape inference cannot type some exported intermediate tensors; they are all float
                         extra_options={"DefaultTensorType": TensorProto.FLOAT})
    finally:
        root.setLevel(level)


def _install(build, variant: OnnxVariant, folder: Path, *sources: Path) -> Path:
    """Builds `variant` into a temporary file beside its final name, checks it, renames it into place."""
    final = folder / variant.file_name
    handle, name = tempfile.mkstemp(dir=folder, prefix=f".{variant.file_name}.", suffix=".tmp")
    os.close(handle)
    temporary = Path(name)
    try:
        build(*sources, temporary)
        found = file_sha256(temporary)
        if found != variant.sha256:
            raise ModelError(
                f"the {variant.backend} export came out with sha256 {found}, not the pinned {variant.sha256}: "
                "the installed torch/onnx/onnxruntime are not the pinned ones (bash scripts/setup.sh)")
        temporary.chmod(0o644)  # mkstemp makes it private; the model is not a secret
        os.replace(temporary, final)
    finally:
        temporary.unlink(missing_ok=True)
    return final


def build(model_dir: Path | None = None, cache_dir: Path | None = None, *, force: bool = False,
          variants: tuple[OnnxVariant, ...] = (FP32, INT8), log=None) -> Path:
    """Exports what is missing (everything with `force`); returns the folder. Files already there are
    verified, and a mismatching one is an error unless `force` rebuilds it."""
    from service.embed import WEIGHTS_SHA256, default_model_path, verify_weights

    model_dir = Path(model_dir) if model_dir else default_model_path()
    verify_weights(model_dir)
    folder = export_dir(cache_dir, WEIGHTS_SHA256)
    folder.mkdir(parents=True, exist_ok=True)
    say = log or (lambda message: None)
    fp32 = folder / FP32.file_name
    timings = {}
    for variant in variants:
        path = folder / variant.file_name
        if path.exists() and not force:
            verify_export(path, variant)
            say(f"{path}: present, sha256 verified")
            continue
        started = time.perf_counter()
        if variant is FP32:
            _install(lambda target: _export_fp32(model_dir, target), FP32, folder)
        else:
            if not fp32.exists() or (force and FP32 not in variants):
                _install(lambda target: _export_fp32(model_dir, target), FP32, folder)
            verify_export(fp32, FP32)
            _install(_quantise_int8, variant, folder, fp32)
        timings[variant.backend] = round(time.perf_counter() - started, 1)
        say(f"{path}: built in {timings[variant.backend]} s, sha256 {variant.sha256}")
    _write_manifest(folder, model_dir, timings)
    return folder


def ensure(backend: str, model_dir: Path | None = None, cache_dir: Path | None = None, log=None) -> Path | None:
    """Before a server loads `backend`: an export missing from the cache is built (from the verified weights;
    the export is deterministic, so this gives the pinned file or an error). Returns the file, None for torch.
    A file that is there is left as it is: loading verifies it, and one that does not match is an error, never
    silently replaced, so that a corrupted cache is noticed."""
    from service.embed import BACKENDS, WEIGHTS_SHA256
    from service.onnx_files import VARIANTS

    if backend not in BACKENDS:
        raise ModelError(f"model backend {backend!r} is not one of {', '.join(BACKENDS)}")
    if backend not in VARIANTS:
        return None
    variant = VARIANTS[backend]
    path = export_dir(cache_dir, WEIGHTS_SHA256) / variant.file_name
    if not path.exists():
        started = time.perf_counter()
        if log is not None:
            log(f"{path} is missing: building it from the packaged weights")
        build(model_dir, cache_dir, variants=(variant,))
        if log is not None:
            log(f"{path} built in {time.perf_counter() - started:.1f} s")
    return path


def _write_manifest(folder: Path, model_dir: Path, timings: dict[str, float]) -> None:
    """What the files were built from, for a person reading the folder; loading trusts only the pins."""
    from importlib.metadata import version

    from service.embed import WEIGHTS_SHA256

    manifest = {
        "recipe": RECIPE, "opset": OPSET, "weights_sha256": WEIGHTS_SHA256, "model_dir": str(model_dir),
        "files": {v.file_name: v.sha256 for v in (FP32, INT8) if (folder / v.file_name).exists()},
        "versions": {name: version(name) for name in ("torch", "transformers", "onnx", "onnxruntime")},
        "build_seconds": timings,
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="crosscheck-server build-model",
        description="Export all-MiniLM-L6-v2 to ONNX (fp32 and int8) from the packaged weights, into the model "
                    "cache, each file checked against its pinned sha256.",
        epilog="Example: crosscheck-server build-model --model-cache /var/cache/crosscheck",
    )
    parser.add_argument("--model-cache", default=os.environ.get("CROSSCHECK_MODEL_CACHE", ""),
                        help="folder of the exported files (env CROSSCHECK_MODEL_CACHE; default: inside the venv)")
    parser.add_argument("--model-path", default=os.environ.get("CROSSCHECK_MODEL_PATH", ""),
                        help="all-MiniLM-L6-v2 directory (env CROSSCHECK_MODEL_PATH; default: the package's copy)")
    parser.add_argument("--force", action="store_true", help="rebuild files that are already there")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        build(Path(args.model_path) if args.model_path else None,
              Path(args.model_cache) if args.model_cache else None, force=args.force, log=print)
    except ModelError as exc:
        print(f"crosscheck-server build-model: {exc.message}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
