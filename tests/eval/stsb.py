"""STS-B: how well the embedding cosine ranks sentence pairs by their graded similarity, per model backend.

    python -m tests.eval.stsb ../shared/data [--backends torch,onnx,onnx-int8]

Spearman's rank correlation x 100 between each pair's cosine and its gold score (0-5), on STS-B train and dev
(the test split is not used), over all rows and over the news rows the pair scorer also reads. Nothing is tuned
here: this is the model's own accuracy, so the backends (PyTorch fp32, onnxruntime fp32 and int8) can be held
to the same table. Anchor: all-MiniLM-L6-v2's published STS-B score is about 82 (on the test split).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np


def load_rows(path: Path) -> tuple[list[str], list[str], list[str], np.ndarray]:
    genres, first, second, scores = [], [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) < 7:
            continue
        genres.append(fields[0])
        scores.append(float(fields[4]))
        first.append(fields[5])
        second.append(fields[6])
    return genres, first, second, np.array(scores)


def spearman(cosines: np.ndarray, scores: np.ndarray) -> float:
    from scipy.stats import spearmanr

    return 100 * float(spearmanr(cosines, scores).statistic)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--backends", default="torch,onnx,onnx-int8", help="comma-separated model backends")
    args = parser.parse_args(argv)
    folder = args.data_dir / "stsbenchmark"
    splits = [(name, folder / f"sts-{name}.csv") for name in ("train", "dev")]
    if not all(path.exists() for _, path in splits):
        print(f"skipped: no STS-B train and dev under {folder}")
        return 0

    from service.embed import open_embedder

    data = {name: load_rows(path) for name, path in splits}
    print("| split | rows | " + " | ".join(f"Spearman x100, {b}" for b in args.backends.split(",")) + " |")
    print("|---|---|" + "---|" * len(args.backends.split(",")))
    results: dict[tuple[str, str], float] = {}
    for backend in args.backends.split(","):
        embedder = open_embedder(backend)
        for name, (genres, first, second, scores) in data.items():
            cosines = np.sum(embedder.embed(first).astype(np.float64) * embedder.embed(second), axis=1)
            news = np.array([g == "main-news" for g in genres])
            results[(name, backend)] = spearman(cosines, scores)
            results[(name + " (news rows)", backend)] = spearman(cosines[news], scores[news])
            results[("rows", name)] = len(scores)
            results[("rows", name + " (news rows)")] = int(news.sum())
    for name in ("train", "train (news rows)", "dev", "dev (news rows)"):
        cells = " | ".join(f"{results[(name, b)]:.2f}" for b in args.backends.split(","))
        print(f"| {name} | {results[('rows', name)]} | {cells} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
