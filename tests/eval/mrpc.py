"""MRPC train, 10-fold stratified cross-validation: the learned pair scorer beside a plain cosine threshold.

    python -m tests.eval.mrpc ../shared/data [--cache-dir /tmp/crosscheck_embeddings] [--backend torch|onnx|onnx-int8]

Every threshold is chosen inside the training folds only. "+ STS-B news" adds STS-B train's clear news rows to
each training fold (never to the test fold). Anchor: BERT-base reaches about 84% accuracy / 88 F1 on MRPC.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

import numpy as np

from service.align.scorer import best_threshold, fit_scorer
from service.align.training import (
    SEED,
    feature_matrix,
    load_mrpc,
    load_sts_news,
    out_of_fold_scores,
    pair_cosines,
)

FOLDS = 10


def _accuracy_f1(predicted: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    tp = float(np.sum(predicted & (labels == 1)))
    fp = float(np.sum(predicted & (labels == 0)))
    fn = float(np.sum(~predicted & (labels == 1)))
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return float(np.mean(predicted == (labels == 1))), f1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--cache-dir", type=Path, default=Path("/tmp/crosscheck_embeddings"))
    parser.add_argument("--backend", default="torch", help="model backend: torch, onnx or onnx-int8 (cached per "
                        "backend: the cache file is named by the model's name)")
    args = parser.parse_args(argv)
    mrpc_path = args.data_dir / "mrpc" / "msr_paraphrase_train.txt"
    if not mrpc_path.exists():
        print(f"skipped: {mrpc_path} not found")
        return 0

    from sklearn.model_selection import StratifiedKFold

    from service.embed import open_embedder

    embedder = open_embedder(args.backend)
    mrpc = load_mrpc(mrpc_path)
    cosines = pair_cosines(mrpc, embedder, args.cache_dir)
    features = feature_matrix(mrpc, cosines)
    labels = mrpc.labels
    sts_path = args.data_dir / "stsbenchmark" / "sts-train.csv"
    extra_x = extra_y = None
    if sts_path.exists():
        sts = load_sts_news(sts_path)
        extra_x = feature_matrix(sts, pair_cosines(sts, embedder, args.cache_dir))
        extra_y = sts.labels

    methods = ["cosine threshold", "learned scorer"] + (["learned scorer + STS-B news"] if extra_x is not None else [])
    predictions = {name: np.zeros(len(labels), dtype=bool) for name in methods}
    splitter = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    for train, test in splitter.split(features, labels):
        cut = best_threshold(cosines[train], labels[train])
        predictions["cosine threshold"][test] = cosines[test] >= cut
        x, y = features[train], labels[train]
        scorer = replace(fit_scorer(x, y), threshold=best_threshold(out_of_fold_scores(x, y), y))
        predictions["learned scorer"][test] = scorer.accepts(features[test])
        if extra_x is not None:
            x2, y2 = np.concatenate([x, extra_x]), np.concatenate([y, extra_y])
            scorer2 = replace(fit_scorer(x2, y2), threshold=best_threshold(out_of_fold_scores(x2, y2), y2))
            predictions["learned scorer + STS-B news"][test] = scorer2.accepts(features[test])

    print(f"MRPC train, {len(labels)} pairs, {FOLDS}-fold stratified CV (seed {SEED}), model {embedder.name}\n")
    print("| method | accuracy | F1 |")
    print("| --- | --- | --- |")
    for name, predicted in predictions.items():
        accuracy, f1 = _accuracy_f1(predicted, labels)
        print(f"| {name} | {100 * accuracy:.1f} | {100 * f1:.1f} |")
    print("| BERT-base (published anchor) | ~84 | ~88 |")
    print(f"\ncosine threshold chosen on all of MRPC train: {best_threshold(cosines, labels):.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
