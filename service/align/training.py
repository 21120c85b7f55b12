"""Training data for the pair scorer (MRPC, STS-B news) and the pieces shared by training and evaluation.

Embedding the corpora takes about a minute, so embeddings may be cached in a directory outside the repository,
keyed by the model name and the sha256 of the texts.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Sequence

import numpy as np

from service.align.features import profile, profile_features
from service.align.scorer import PairScorer, best_threshold, fit_scorer

SEED = 13
# STS-B scores are 0..5; at 4 and above annotators call the pair "mostly equivalent", the MRPC notion.
STS_PARAPHRASE_MIN = 4.0
STS_UNRELATED_MAX = 2.0


@dataclass(frozen=True)
class LabelledPairs:
    texts_a: tuple[str, ...]
    texts_b: tuple[str, ...]
    labels: np.ndarray  # 1 = same fact (paraphrase), 0 = not


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_mrpc(path: Path) -> LabelledPairs:
    """msr_paraphrase_train.txt: quality, id1, id2, string1, string2 (tab-separated; header optional)."""
    a: list[str] = []
    b: list[str] = []
    labels: list[int] = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        fields = line.split("\t")
        if len(fields) != 5 or fields[0] not in ("0", "1"):
            continue
        labels.append(int(fields[0]))
        a.append(fields[3])
        b.append(fields[4])
    return LabelledPairs(tuple(a), tuple(b), np.array(labels, dtype=int))


def load_sts_news(path: Path) -> LabelledPairs:
    """STS-B news rows, kept only where the score is clearly high or clearly low."""
    a: list[str] = []
    b: list[str] = []
    labels: list[int] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) < 7 or fields[0] != "main-news":
            continue
        score = float(fields[4])
        if STS_UNRELATED_MAX < score < STS_PARAPHRASE_MIN:
            continue
        labels.append(int(score >= STS_PARAPHRASE_MIN))
        a.append(fields[5])
        b.append(fields[6])
    return LabelledPairs(tuple(a), tuple(b), np.array(labels, dtype=int))


def embed_cached(texts: Sequence[str], embedder, cache_dir: Path | None) -> np.ndarray:
    digest = hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest()[:24]
    cache = cache_dir / f"{embedder.name}-{digest}.npy" if cache_dir else None
    if cache is not None and cache.exists():
        return np.load(cache)
    rows = embedder.embed(list(texts))
    if cache is not None:
        cache_dir.mkdir(parents=True, exist_ok=True)
        np.save(cache, rows)
    return rows


def pair_cosines(pairs: LabelledPairs, embedder, cache_dir: Path | None) -> np.ndarray:
    unique = sorted(set(pairs.texts_a) | set(pairs.texts_b))
    rows = embed_cached(unique, embedder, cache_dir)
    where = {text: i for i, text in enumerate(unique)}
    ea = rows[[where[t] for t in pairs.texts_a]].astype(np.float64)
    eb = rows[[where[t] for t in pairs.texts_b]].astype(np.float64)
    return np.sum(ea * eb, axis=1)


def feature_matrix(pairs: LabelledPairs, cosines: np.ndarray) -> np.ndarray:
    return np.stack(
        [profile_features(profile(a), profile(b), float(c)) for a, b, c in zip(pairs.texts_a, pairs.texts_b, cosines)]
    )


def out_of_fold_scores(features: np.ndarray, labels: np.ndarray, folds: int = 5, seed: int = SEED) -> np.ndarray:
    from sklearn.model_selection import StratifiedKFold

    scores = np.zeros(len(labels))
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    for train, held in splitter.split(features, labels):
        scores[held] = fit_scorer(features[train], labels[train]).score(features[held])
    return scores


def train_with_cv_threshold(features: np.ndarray, labels: np.ndarray, seed: int = SEED) -> PairScorer:
    """Fits on all rows; the threshold maximises accuracy of out-of-fold probabilities."""
    threshold = best_threshold(out_of_fold_scores(features, labels, seed=seed), labels)
    return replace(fit_scorer(features, labels), threshold=threshold)
