"""Vector indexes over claim embeddings (L2-normalised rows, so inner product = cosine).

`ExactIndex` is numpy brute force: exact, and fast enough below about 100k vectors. `IVFIndex` (faiss-cpu
IndexIVFFlat) partitions the space into k-means cells and scans only the nearest few: it stays exact-like below
`exact_below` vectors and trains its cells the first time the store grows past that. Chosen by measurement,
see tests/bench/scale.py. Restricting candidates (a story, a topic, a time window) goes through `allowed`:
a set of ids or a predicate on an id; for large partitions keep one index per partition instead.
"""

from __future__ import annotations

from typing import Callable, Protocol, Sequence

import numpy as np

Allowed = Callable[[str], bool] | set[str] | frozenset[str] | None
Hits = list[list[tuple[str, float]]]


class VectorIndex(Protocol):
    def add(self, ids: Sequence[str], vectors: np.ndarray) -> None: ...

    def search(self, vectors: np.ndarray, k: int, allowed: Allowed = None) -> Hits: ...

    def remove(self, ids: Sequence[str]) -> None: ...

    def __len__(self) -> int: ...


def _permits(allowed: Allowed) -> Callable[[str], bool]:
    if allowed is None:
        return lambda _id: True
    if callable(allowed):
        return allowed
    return allowed.__contains__


def _as_rows(vectors: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(np.atleast_2d(np.asarray(vectors, dtype=np.float32)))


def _top_k(scores: np.ndarray, k: int) -> np.ndarray:
    """Indexes of the k highest scores, best first, ties by lower index (deterministic)."""
    if k >= len(scores):
        return np.lexsort((np.arange(len(scores)), -scores))
    part = np.argpartition(-scores, k - 1)[:k]
    return part[np.lexsort((part, -scores[part]))]


class ExactIndex:
    """Brute force over a growing float32 matrix; removed rows are tombstoned and compacted lazily."""

    def __init__(self, dimensions: int) -> None:
        self.dimensions = dimensions
        self._matrix = np.zeros((0, dimensions), dtype=np.float32)
        self._ids: list[str] = []
        self._row_of: dict[str, int] = {}
        self._live = np.zeros(0, dtype=bool)

    def __len__(self) -> int:
        return len(self._row_of)

    def add(self, ids: Sequence[str], vectors: np.ndarray) -> None:
        rows = _as_rows(vectors)
        if len(ids) != len(rows):
            raise ValueError("ids and vectors differ in length")
        self.remove([i for i in ids if i in self._row_of])  # re-adding an id replaces its vector
        start = len(self._ids)
        self._matrix = np.concatenate([self._matrix, rows])
        self._ids.extend(ids)
        self._live = np.concatenate([self._live, np.ones(len(ids), dtype=bool)])
        for offset, item in enumerate(ids):
            self._row_of[item] = start + offset

    def remove(self, ids: Sequence[str]) -> None:
        for item in ids:
            row = self._row_of.pop(item, None)
            if row is not None:
                self._live[row] = False
        if len(self._ids) > 1024 and len(self._row_of) < len(self._ids) // 2:
            self._compact()

    def _compact(self) -> None:
        keep = np.flatnonzero(self._live)
        self._matrix = self._matrix[keep]
        self._ids = [self._ids[i] for i in keep]
        self._live = np.ones(len(keep), dtype=bool)
        self._row_of = {item: row for row, item in enumerate(self._ids)}

    def search(self, vectors: np.ndarray, k: int, allowed: Allowed = None) -> Hits:
        queries = _as_rows(vectors)
        mask = self._live.copy()
        if allowed is not None:
            permits = _permits(allowed)
            mask &= np.fromiter((permits(i) for i in self._ids), dtype=bool, count=len(self._ids))
        candidates = np.flatnonzero(mask)
        if len(candidates) == 0 or k <= 0:
            return [[] for _ in range(len(queries))]
        # gathering rows copies the matrix; skip it when every row takes part
        matrix = self._matrix if len(candidates) == len(self._ids) else self._matrix[candidates]
        scores = queries @ matrix.T
        results: Hits = []
        for row in scores:
            best = _top_k(row, min(k, len(candidates)))
            results.append([(self._ids[candidates[j]], float(row[j])) for j in best])
        return results


class IVFIndex:
    """faiss IndexIVFFlat on inner product, with string ids mapped to int64 labels.

    Below `exact_below` vectors it searches exhaustively (a flat index); past it, it trains 4·sqrt(n) k-means
    cells on the vectors it holds and scans `nprobe` cells per query. Cells trained on a small store route a
    large one badly (recall@10 fell to 0.74 at 1M with cells from 100k), so they are retrained whenever the
    store has grown `retrain_growth` times since the last training: amortised, each vector is trained on a
    bounded number of times. Filters are applied by over-fetching and widening until k allowed hits are found.
    """

    def __init__(self, dimensions: int, *, exact_below: int = 50_000, nprobe: int = 64, retrain_growth: float = 4.0,
                 seed: int = 13) -> None:
        import faiss

        self._faiss = faiss
        self.dimensions = dimensions
        self.exact_below = exact_below
        self._nprobe = nprobe
        self.retrain_growth = retrain_growth
        self.seed = seed
        self._index = faiss.IndexIDMap2(faiss.IndexFlatIP(dimensions))
        self._trained_at = 0  # store size at the last training of the cells; 0 while still flat
        self._label_of: dict[str, int] = {}
        self._id_of: dict[int, str] = {}
        self._next_label = 0

    def __len__(self) -> int:
        return len(self._label_of)

    @property
    def nprobe(self) -> int:
        """Cells scanned per query: recall against speed once the cells are trained."""
        return self._nprobe

    @nprobe.setter
    def nprobe(self, value: int) -> None:
        self._nprobe = value
        if self._trained_at:
            self._index.nprobe = value

    @property
    def cells(self) -> int:
        """Number of k-means cells, 0 while the index is still flat."""
        return int(self._index.nlist) if self._trained_at else 0

    def add(self, ids: Sequence[str], vectors: np.ndarray) -> None:
        rows = _as_rows(vectors)
        if len(ids) != len(rows):
            raise ValueError("ids and vectors differ in length")
        self.remove([i for i in ids if i in self._label_of])
        labels = np.arange(self._next_label, self._next_label + len(ids), dtype=np.int64)
        self._next_label += len(ids)
        for item, label in zip(ids, labels):
            self._label_of[item] = int(label)
            self._id_of[int(label)] = item
        self._index.add_with_ids(rows, labels)
        if self._trained_at == 0 and len(self) >= self.exact_below:
            self._train_cells()
        elif self._trained_at and len(self) >= self.retrain_growth * self._trained_at:
            self._train_cells()

    def _stored(self) -> tuple[np.ndarray, np.ndarray]:
        faiss = self._faiss
        labels = np.array(sorted(self._id_of), dtype=np.int64)
        if not self._trained_at:
            flat = faiss.downcast_index(self._index.index)
            return flat.reconstruct_n(0, flat.ntotal), faiss.vector_to_array(self._index.id_map).astype(np.int64)
        return self._index.reconstruct_batch(labels), labels

    def _train_cells(self) -> None:
        faiss = self._faiss
        vectors, labels = self._stored()
        # 4·sqrt(n) cells: faiss's rule of thumb; fewer, larger cells made the true neighbours of a query
        # spill over many more cells than nprobe reaches
        cells = int(4 * np.sqrt(len(labels)))
        quantizer = faiss.IndexFlatIP(self.dimensions)
        ivf = faiss.IndexIVFFlat(quantizer, self.dimensions, cells, faiss.METRIC_INNER_PRODUCT)
        # k-means on a fixed-seed sample of 16 points per cell and 10 iterations: k-means time grows with
        # sample x cells, and cells only route queries, so rough centroids cost recall that nprobe buys back
        rng = np.random.default_rng(self.seed)
        sample = vectors[rng.choice(len(vectors), size=min(len(vectors), 16 * cells), replace=False)]
        ivf.cp.seed = self.seed
        ivf.cp.niter = 10
        ivf.cp.min_points_per_centroid = 16
        ivf.train(sample)
        ivf.nprobe = self.nprobe
        # IVF lists keep their own ids (an IndexIDMap around them would break remove_ids); the hashtable
        # direct map lets filtered searches reconstruct vectors by id
        ivf.set_direct_map_type(faiss.DirectMap.Hashtable)
        ivf.add_with_ids(vectors, labels)
        self._index = ivf
        self._trained_at = len(labels)

    def remove(self, ids: Sequence[str]) -> None:
        labels = [self._label_of.pop(i) for i in ids if i in self._label_of]
        for label in labels:
            del self._id_of[label]
        if labels:
            self._index.remove_ids(np.array(labels, dtype=np.int64))

    def search(self, vectors: np.ndarray, k: int, allowed: Allowed = None) -> Hits:
        queries = _as_rows(vectors)
        if len(self) == 0 or k <= 0:
            return [[] for _ in range(len(queries))]
        permits = _permits(allowed)
        fetch = min(len(self), k if allowed is None else 4 * k)
        while True:
            results = self._search_filtered(queries, fetch, permits, k)
            if allowed is None or all(len(r) == min(k, len(self)) for r in results):
                return results
            if fetch >= min(len(self), self._FILTER_FETCH_LIMIT):
                # the allowed ids are too rare among the nearest cells: score them exactly
                return self._exact(queries, [i for i in self._label_of if permits(i)], k)
            fetch = min(len(self), fetch * 4)

    _FILTER_FETCH_LIMIT = 4096

    def _search_filtered(self, queries: np.ndarray, fetch: int, permits: Callable[[str], bool], k: int) -> Hits:
        scores, labels = self._index.search(queries, fetch)
        return [
            [(self._id_of[int(l)], float(s)) for s, l in zip(row_s, row_l) if l >= 0 and permits(self._id_of[int(l)])][:k]
            for row_s, row_l in zip(scores, labels)
        ]

    def _exact(self, queries: np.ndarray, ids: list[str], k: int) -> Hits:
        if not ids:
            return [[] for _ in range(len(queries))]
        flat = ExactIndex(self.dimensions)
        flat.add(ids, np.stack([self._vector(i) for i in ids]))
        return flat.search(queries, k)

    def _vector(self, item: str) -> np.ndarray:
        return self._index.reconstruct(self._label_of[item])
