"""Where the ONNX exports of all-MiniLM-L6-v2 live and how they are checked before the model is loaded.

The export is deterministic: with the pinned torch, onnx and onnxruntime it gives the same bytes on every run, in
every process, so each file's sha256 is pinned here like the weights' own (service/embed.py). A file that does
not match (corrupted, truncated, built by another toolchain) is never loaded: ModelError says which file and how
to rebuild it.
"""

from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from service.errors import ModelError

# Bumped whenever the export recipe (wrapper module, opset, quantisation options) changes, so an old cache is
# never mistaken for a new one.
RECIPE = 1
OPSET = 17


@dataclass(frozen=True, slots=True)
class OnnxVariant:
    backend: str  # the setting's value: "onnx" or "onnx-int8"
    file_name: str
    sha256: str  # of the file as `python -m service.model_export` builds it from the pinned weights
    model_name: str  # what the embedding cache stores its vectors under: never mixed with another backend's


FP32 = OnnxVariant("onnx", "model.onnx",
                   "3828c7f974ec3c3f26a657960bf00529ffc460ddc897186cb0bbbd5464484f25",
                   "all-MiniLM-L6-v2+onnx")
INT8 = OnnxVariant("onnx-int8", "model-int8.onnx",
                   "cf164c3baf66a141031a14161c02f157d01b2e3fc59b48fc6ddf99f6d0dbd312",
                   "all-MiniLM-L6-v2+onnx-int8")
VARIANTS = {v.backend: v for v in (FP32, INT8)}


def default_cache_dir() -> Path:
    """Inside the virtual environment when there is one (a fresh install builds its own, and removing the venv
    removes it), else the user's XDG cache."""
    if sys.prefix != sys.base_prefix:
        return Path(sys.prefix) / "var" / "crosscheck" / "models"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "crosscheck" / "models"


def export_dir(cache_dir: Path | None, weights_sha256: str) -> Path:
    """One folder per (weights, recipe): other weights or another recipe never reuse these files."""
    root = Path(cache_dir) if cache_dir else default_cache_dir()
    return root / f"all-MiniLM-L6-v2-{weights_sha256[:12]}-r{RECIPE}"


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


REBUILD = "crosscheck-server build-model --force"


def verify_export(path: Path, variant: OnnxVariant) -> None:
    """Raises ModelError unless `path` is the pinned export."""
    if not path.is_file():
        raise ModelError(f"no {variant.backend} model at {path}: build it with `crosscheck-server build-model`")
    found = file_sha256(path)
    if found != variant.sha256:
        raise ModelError(f"{path}: sha256 {found} does not match the pinned {variant.sha256} (a corrupted or "
                         f"foreign file); rebuild it with `{REBUILD}`")
