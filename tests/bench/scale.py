"""Time to check one new article (30 claims, top-10 each) against stores of 10k, 100k and 1M claim vectors.

    python -m tests.bench.scale [--sizes 10000,100000,1000000] [--queries 30] [--k 10]

Synthetic 384-d L2-normalised vectors in clusters (one cluster per ~50 claims: a story's worth), queries drawn
near existing clusters so that the true neighbours are a tight group, as for real claims. Compares the IVF
index (faiss; cells retrained as the store grows) with numpy brute force in the same run, at its default nprobe
and at the `--nprobes` values, and usearch HNSW when it is installed (sizes up to 100k:
its build is the slow part). Memory is the growth of the process's resident set while building.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from service.align.index import ExactIndex, IVFIndex

DIMENSIONS = 384
CLAIMS_PER_CLUSTER = 50


def _rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * 4096 / 2**20


def clustered_vectors(n: int, rng: np.random.Generator) -> np.ndarray:
    centres = rng.standard_normal((max(1, n // CLAIMS_PER_CLUSTER), DIMENSIONS), dtype=np.float32)
    assignment = rng.integers(0, len(centres), size=n)
    # noise of this size puts members at cosine ~0.6-0.7 to each other, like paraphrases across outlets
    vectors = centres[assignment] + 0.8 * rng.standard_normal((n, DIMENSIONS), dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors


def _recall(found: list[list[tuple[str, float]]], truth: list[list[tuple[str, float]]]) -> float:
    hits = sum(len({i for i, _ in f} & {i for i, _ in t}) for f, t in zip(found, truth))
    return hits / max(1, sum(len(t) for t in truth))


def _timed_search(index, queries, k, truth):
    index.search(queries[:1], k)  # warm-up
    start = time.perf_counter()
    found = index.search(queries, k)
    return time.perf_counter() - start, (_recall(found, truth) if truth is not None else 1.0), found


def _bench(index, ids, vectors, queries, k, truth):
    before, start = _rss_mb(), time.perf_counter()
    step = 100_000
    for offset in range(0, len(ids), step):
        index.add(ids[offset : offset + step], vectors[offset : offset + step])
    build = time.perf_counter() - start
    memory = _rss_mb() - before
    search, recall, found = _timed_search(index, queries, k, truth)
    return build, search, memory, recall, found


class _UsearchIndex:
    def __init__(self) -> None:
        from usearch.index import Index

        self._index = Index(ndim=DIMENSIONS, metric="ip", dtype="f32")
        self._ids: list[str] = []

    def add(self, ids, vectors) -> None:
        keys = np.arange(len(self._ids), len(self._ids) + len(ids), dtype=np.uint64)
        self._ids.extend(ids)
        self._index.add(keys, vectors, threads=2)

    def search(self, queries, k):
        matches = self._index.search(queries, k, threads=2)
        keys, distances = np.atleast_2d(matches.keys), np.atleast_2d(matches.distances)
        return [[(self._ids[int(key)], 1 - float(d)) for key, d in zip(row_k, row_d)] for row_k, row_d in zip(keys, distances)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--queries", type=int, default=30)
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--nprobes", type=lambda s: [int(p) for p in s.split(",") if p], default=[32, 128],
                        help="further nprobe values to search the trained IVF index with")
    args = parser.parse_args(argv)
    print(f"{args.queries} queries, top-{args.k}, {DIMENSIONS}-d, clusters of ~{CLAIMS_PER_CLUSTER}\n")
    print("| store size | index | build s | search ms (all queries) | recall@k vs brute force | memory MB |")
    print("| --- | --- | --- | --- | --- | --- |")
    for size in (int(s) for s in args.sizes.split(",")):
        rng = np.random.default_rng(size)
        vectors = clustered_vectors(size, rng)
        ids = [f"c{i}" for i in range(size)]
        picks = rng.integers(0, size, size=args.queries)
        # rows are unit vectors: noise of norm ~0.5 keeps each query a paraphrase of a stored claim
        queries = vectors[picks] + (0.5 / np.sqrt(DIMENSIONS)) * rng.standard_normal((args.queries, DIMENSIONS), dtype=np.float32)
        queries /= np.linalg.norm(queries, axis=1, keepdims=True)
        candidates = [("numpy brute force (ExactIndex)", lambda: ExactIndex(DIMENSIONS)),
                      ("faiss IVFFlat (IVFIndex)", lambda: IVFIndex(DIMENSIONS, exact_below=min(size, 50_000)))]
        if size <= 100_000:
            try:
                import usearch  # noqa: F401

                candidates.append(("usearch HNSW (default M)", _UsearchIndex))
            except ImportError:
                pass
        truth = None
        for name, make in candidates:
            index = make()
            build, search, memory, recall, found = _bench(index, ids, vectors, queries, args.k, truth)
            if truth is None:
                truth = found
            if isinstance(index, IVFIndex):
                name = f"{name[:-1]}, {index.cells} cells, nprobe {index.nprobe})"
            print(f"| {size:,} | {name} | {build:.1f} | {1000 * search:.1f} | {recall:.3f} | {memory:.0f} |", flush=True)
            if isinstance(index, IVFIndex) and index.cells:
                for nprobe in args.nprobes:  # same cells, other trade-offs of recall against time
                    index.nprobe = nprobe
                    search, recall, _ = _timed_search(index, queries, args.k, truth)
                    print(f"| {size:,} | {name.split(', nprobe')[0]}, nprobe {nprobe}) | (same) "
                          f"| {1000 * search:.1f} | {recall:.3f} | |", flush=True)
        del vectors
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
