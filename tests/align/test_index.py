import numpy as np
import pytest

from service.align.index import ExactIndex, IVFIndex


def _unit_rows(n: int, d: int = 16, seed: int = 0) -> np.ndarray:
    rows = np.random.default_rng(seed).standard_normal((n, d)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def _make(kind: str):
    # exact_below=200 makes the IVF index train its cells inside the test
    return ExactIndex(16) if kind == "exact" else IVFIndex(16, exact_below=200, nprobe=64)


@pytest.fixture(params=["exact", "ivf"])
def filled(request):
    index = _make(request.param)
    rows = _unit_rows(400)
    index.add([f"v{i}" for i in range(400)], rows)
    return index, rows


def test_a_stored_vector_is_its_own_nearest_neighbour(filled):
    index, rows = filled
    hits = index.search(rows[[3, 250]], 3)
    assert [h[0][0] for h in hits] == ["v3", "v250"]
    assert hits[0][0][1] == pytest.approx(1.0, abs=1e-5)
    assert hits[0][0][1] >= hits[0][1][1] >= hits[0][2][1]


def test_allowed_restricts_candidates_as_a_set_or_a_predicate(filled):
    index, rows = filled
    allowed = {"v10", "v20", "v30"}
    by_set = index.search(rows[[3]], 5, allowed=allowed)[0]
    by_predicate = index.search(rows[[3]], 5, allowed=lambda i: i in allowed)[0]
    assert {i for i, _ in by_set} == allowed
    assert by_set == by_predicate


def test_removed_ids_are_never_returned(filled):
    index, rows = filled
    index.remove(["v3", "unknown"])
    assert len(index) == 399
    assert all(i != "v3" for i, _ in index.search(rows[[3]], 10)[0])


def test_re_adding_an_id_replaces_its_vector(filled):
    index, rows = filled
    index.add(["v3"], rows[[7]])
    assert len(index) == 400
    top_two = {i for i, _ in index.search(rows[[7]], 2)[0]}
    assert top_two == {"v3", "v7"}


@pytest.mark.parametrize("kind", ["exact", "ivf"])
def test_empty_index_returns_empty_hits(kind):
    assert _make(kind).search(_unit_rows(2), 3) == [[], []]


def test_ivf_cells_are_retrained_as_the_store_grows_and_old_vectors_stay_findable():
    index = IVFIndex(16, exact_below=100, nprobe=8, retrain_growth=4.0)
    rows = _unit_rows(900, seed=1)
    index.add([f"v{i}" for i in range(100)], rows[:100])
    first_cells = index.cells
    index.add([f"v{i}" for i in range(100, 300)], rows[100:300])
    assert index.cells == first_cells  # grown 3x: not yet
    index.add([f"v{i}" for i in range(300, 900)], rows[300:])
    assert index.cells > first_cells
    index.remove(["v5"])
    assert len(index) == 899
    hits = index.search(rows[[7, 850]], 1)
    assert [h[0][0] for h in hits] == ["v7", "v850"]
    assert all(i != "v5" for i, _ in index.search(rows[[5]], 10)[0])
