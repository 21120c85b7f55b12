"""Trains the claim-pair scorer and writes service/align/scorer.json.

    python scripts/train_scorer.py ../shared/data [--output PATH] [--cache-dir /tmp/crosscheck_embeddings]

Training pairs: MRPC train. STS-B train's clear news rows can be added with --with-sts; measured by
tests/eval/mrpc.py they do not help (76.2 vs 76.3 accuracy), so they are left out by default.
The threshold maximises the accuracy of 5-fold out-of-fold probabilities. The output is reproducible bit for
bit: fixed seeds, deterministic ordering, floats written with 10 significant digits.
"""

from __future__ import annotations

import argparse
import json
import sys
from importlib import metadata
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from service.align.scorer import DEFAULT_SCORER_PATH, scorer_to_dict  # noqa: E402
from service.align.training import (  # noqa: E402
    SEED,
    STS_PARAPHRASE_MIN,
    STS_UNRELATED_MAX,
    LabelledPairs,
    feature_matrix,
    file_sha256,
    load_mrpc,
    load_sts_news,
    pair_cosines,
    train_with_cv_threshold,
)

MRPC = Path("mrpc/msr_paraphrase_train.txt")
STS_TRAIN = Path("stsbenchmark/sts-train.csv")


def _stable(value):
    if isinstance(value, float):
        return float(f"{value:.10g}")
    if isinstance(value, (list, tuple)):
        return [_stable(v) for v in value]
    if isinstance(value, dict):
        return {k: _stable(v) for k, v in value.items()}
    return value


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--output", type=Path, default=DEFAULT_SCORER_PATH)
    parser.add_argument("--cache-dir", type=Path, default=Path("/tmp/crosscheck_embeddings"))
    parser.add_argument("--with-sts", action="store_true", help="add STS-B train's clear news rows")
    args = parser.parse_args(argv)

    from service.embed import SentenceTransformerEmbedder

    embedder = SentenceTransformerEmbedder()
    sources = [MRPC, STS_TRAIN] if args.with_sts else [MRPC]
    parts: list[tuple[LabelledPairs, np.ndarray]] = []
    for source in sources:
        loader = load_mrpc if source == MRPC else load_sts_news
        pairs = loader(args.data_dir / source)
        parts.append((pairs, feature_matrix(pairs, pair_cosines(pairs, embedder, args.cache_dir))))
    features = np.concatenate([f for _, f in parts])
    labels = np.concatenate([p.labels for p, _ in parts])
    scorer = train_with_cv_threshold(features, labels)

    artifact = {
        **scorer_to_dict(scorer),
        "model": "logistic regression on standardised features; threshold by 5-fold out-of-fold accuracy",
        "seed": SEED,
        "training_data": [
            {"file": str(source), "sha256": file_sha256(args.data_dir / source), "pairs": int(len(p.labels))}
            for source, (p, _) in zip(sources, parts)
        ],
        "embedding_model": embedder.name,
        "library_versions": {
            name: _version(name) for name in ("numpy", "scikit-learn", "sentence-transformers", "torch")
        },
    }
    if args.with_sts:
        artifact["sts_labels"] = {"paraphrase_min": STS_PARAPHRASE_MIN, "unrelated_max": STS_UNRELATED_MAX}
    args.output.write_text(json.dumps(_stable(artifact), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.output}: threshold {scorer.threshold:.4f} on {len(labels)} pairs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
