"""The ONNX model path, with the real exported files: the same vectors as PyTorch, pinned and verified files, a
server that refuses a corrupted cache, and both backends through a real server."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from service.embed import MODEL_NAME, WEIGHTS_SHA256, open_embedder
from service.errors import ModelError
from service.onnx_files import FP32, INT8, export_dir, file_sha256

pytestmark = pytest.mark.model

TEXTS = [
    "The Pentagon said on Monday that six meetings were held in 2011.",
    "Anatoly Antonov, a deputy of Shoigu, was quoted as saying by Russian news agency RIA.",
    "Short.",
    "“We are very interested in further developments on European missile defense,” he said. " * 30,  # > 256 tokens
    "Ümlauts, émoji 🎉 and 東京 in one claim",
]


@pytest.fixture(scope="module")
def torch_rows():
    return open_embedder("torch").embed(TEXTS)


@pytest.fixture(scope="module")
def built_cache(tmp_path_factory) -> Path:
    """A cache built from scratch in this run, as a fresh machine's first start would: the fp32 export only
    (the int8 one is checked in the venv's cache)."""
    from service.model_export import ensure

    cache = tmp_path_factory.mktemp("models")
    assert ensure("onnx", cache_dir=cache) == export_dir(cache, WEIGHTS_SHA256) / FP32.file_name
    return cache


def test_the_export_is_reproducible_so_its_checksum_can_be_pinned(built_cache):
    assert file_sha256(export_dir(built_cache, WEIGHTS_SHA256) / FP32.file_name) == FP32.sha256


def test_onnx_fp32_gives_pytorchs_vectors(torch_rows):
    model = open_embedder("onnx")
    rows = model.embed(TEXTS)
    assert rows.shape == (len(TEXTS), 384) and rows.dtype == np.float32
    assert np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-5)
    # Measured: max elementwise difference 2.4e-7, cosine 0.9999999 (float rounding of another kernel order).
    assert np.min(np.sum(rows * torch_rows, axis=1)) > 0.99999
    assert model.name == "all-MiniLM-L6-v2+onnx" != MODEL_NAME


def test_a_row_does_not_depend_on_its_batch(torch_rows):
    """Texts are batched by length and padded: the padding must not leak into a row."""
    model = open_embedder("onnx", batch_size=2)
    alone = np.stack([model.embed([text])[0] for text in TEXTS])
    together = model.embed(TEXTS)
    assert np.allclose(alone, together, atol=1e-5)
    assert model.embed([]).shape == (0, 384)


def test_onnx_int8_stays_close_to_pytorch(torch_rows):
    model = open_embedder("onnx-int8")
    rows = model.embed(TEXTS)
    assert rows.shape == (len(TEXTS), 384)
    assert np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-5)
    cosines = np.sum(rows * torch_rows, axis=1)
    # Quantised weights move the vectors a little (see the README's table for the claim-level figures).
    assert cosines.min() > 0.95 and cosines.mean() > 0.98
    assert model.name == "all-MiniLM-L6-v2+onnx-int8"


def _corrupted_copy(built_cache: Path, tmp_path: Path, how: str) -> Path:
    cache = tmp_path / "models"
    shutil.copytree(built_cache, cache)
    path = export_dir(cache, WEIGHTS_SHA256) / FP32.file_name
    data = bytearray(path.read_bytes())
    if how == "flip":
        data[len(data) // 2] ^= 0x01
    else:
        data = data[: len(data) // 3]
    path.write_bytes(bytes(data))
    return cache


@pytest.mark.parametrize("how", ["flip", "truncate"])
def test_a_corrupted_export_is_refused_naming_the_file(built_cache, tmp_path, how):
    cache = _corrupted_copy(built_cache, tmp_path, how)
    with pytest.raises(ModelError, match=r"model\.onnx: sha256 [0-9a-f]{64} does not match the pinned .*build-model"):
        open_embedder("onnx", cache_dir=cache)


def test_the_server_refuses_to_start_on_a_corrupted_export(built_cache, tmp_path):
    cache = _corrupted_copy(built_cache, tmp_path, "flip")
    done = subprocess.run([sys.executable, "-m", "service.server", "--address", "localhost:0", "--database",
                           "memory:", "--model-cache", str(cache)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("crosscheck-server: cannot load the model: ") and "does not match the pinned" in last
    assert "Traceback" not in done.stderr


def test_an_unknown_backend_is_refused(tmp_path):
    done = subprocess.run([sys.executable, "-m", "service.server", "--address", "localhost:0", "--database",
                           "memory:", "--model-backend", "tensorrt"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "model backend 'tensorrt' is not one of torch, onnx, onnx-int8" in done.stderr


def test_a_build_that_does_not_reproduce_the_pin_installs_nothing(tmp_path, monkeypatch):
    from service import model_export

    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(ModelError, match="not the pinned"):
        model_export._install(lambda target: target.write_bytes(b"not a model"), FP32, folder)
    assert list(folder.iterdir()) == []  # neither the final name nor the temporary file


def test_the_venv_cache_holds_both_pinned_files():
    """What scripts/setup.sh builds, and the server loads by default."""
    folder = export_dir(None, WEIGHTS_SHA256)
    assert file_sha256(folder / FP32.file_name) == FP32.sha256
    assert file_sha256(folder / INT8.file_name) == INT8.sha256


@pytest.mark.parametrize("backend", ["torch", "onnx"])
def test_each_backend_serves_ingest_through_a_real_server(tmp_path, backend):
    from client import CrosscheckClient, article_from_path
    from service.server import default_engine
    from service.settings import Settings
    from tests.harness import SEEDS, RunningServer

    database = tmp_path / "c.db"
    server = RunningServer(Settings(database=str(database), log_format="text", model_backend=backend),
                           default_engine)
    try:
        assert server.engine.embedder.name == ("all-MiniLM-L6-v2" if backend == "torch" else "all-MiniLM-L6-v2+onnx")
        with CrosscheckClient(server.address, timeout=120) as client:
            results = client.ingest([article_from_path(p) for p in sorted(SEEDS.glob("00[01]_*.txt"))])
            assert all(r.created and r.claim_count > 5 for r in results)
            findings = client.check(article_ids=[r.article_id for r in results]).findings
        from crosscheck_proto import crosscheck_pb2 as pb

        # The demo's finding: Antonov's quote, worded differently by the two outlets.
        assert "FINDING_KIND_QUOTE_WORDING" in {pb.FindingKind.Name(f.kind) for f in findings}
    finally:
        server.stop()
    import sqlite3

    with sqlite3.connect(database) as db:
        models = {r[0] for r in db.execute("SELECT DISTINCT model FROM embedding_cache")}
    assert models == {server.engine.embedder.name}
