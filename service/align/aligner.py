"""Aligns the claims of two articles: which claim of B reports the same fact as a claim of A.

Cosine similarity proposes a few candidates per claim (cheap); the learned scorer decides (precise).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, Sequence

import numpy as np

from service.align.features import profile, profile_features
from service.align.scorer import PairScorer
from service.records import Extraction


@dataclass(frozen=True)
class AlignedPair:
    a: int  # index into texts_a
    b: int  # index into texts_b
    score: float  # the scorer's probability that both claims state the same fact
    cosine: float
    best: bool = True  # the best counterpart of a or of b (not only a near-best one)
    # how sure the pair is one claim told twice, which is what a difference between them needs to be called a
    # discrepancy; None: `score` says it
    discrepancy_score: float | None = None


class ClaimAligner(Protocol):
    """Which claims of article B report the same fact as claims of article A (rows of the embeddings are the
    articles' claims, in order)."""

    def align(self, a: Extraction, emb_a: np.ndarray, b: Extraction, emb_b: np.ndarray) -> list[AlignedPair]: ...


def align_claims(
    texts_a: Sequence[str],
    emb_a: np.ndarray,
    texts_b: Sequence[str],
    emb_b: np.ndarray,
    scorer: PairScorer,
    *,
    candidates: int = 5,
) -> list[AlignedPair]:
    """Pairs above the scorer's threshold that are the best match of at least one of their two claims.

    Requiring "best for a or best for b" keeps one-to-many alignments (a long claim matched by two short
    ones, each of which has it as its best match) without emitting every weak pair above the threshold.
    Sorted by (a, b).
    """
    if not texts_a or not texts_b:
        return []
    cosines = np.asarray(emb_a, dtype=np.float64) @ np.asarray(emb_b, dtype=np.float64).T
    k = min(candidates, len(texts_b))
    profiles_a = [profile(t) for t in texts_a]
    profiles_b = [profile(t) for t in texts_b]

    scored: dict[tuple[int, int], float] = {}
    for i in range(len(texts_a)):
        # stable sort on -cosine, then index, so ties resolve the same way on every run
        for j in np.argsort(-cosines[i], kind="stable")[:k]:
            scored[(i, int(j))] = 0.0
    # candidates from B's side too, so a short claim of B can find the long claim of A that contains it
    for j in range(len(texts_b)):
        for i in np.argsort(-cosines[:, j], kind="stable")[: min(candidates, len(texts_a))]:
            scored[(int(i), j)] = 0.0

    keys = sorted(scored)
    features = np.stack([profile_features(profiles_a[i], profiles_b[j], float(cosines[i, j])) for i, j in keys])
    for key, probability in zip(keys, scorer.score(features)):
        scored[key] = float(probability)

    best_for_a: dict[int, float] = {}
    best_for_b: dict[int, float] = {}
    for (i, j), probability in scored.items():
        best_for_a[i] = max(best_for_a.get(i, 0.0), probability)
        best_for_b[j] = max(best_for_b.get(j, 0.0), probability)

    return [
        AlignedPair(a=i, b=j, score=probability, cosine=float(cosines[i, j]))
        for (i, j), probability in sorted(scored.items())
        if probability >= scorer.threshold and (probability == best_for_a[i] or probability == best_for_b[j])
    ]


@dataclass(frozen=True)
class ParaphraseAligner:
    """Claims linked when the MRPC-trained scorer calls them paraphrases of each other.

    Kept as the reference the fact aligner is measured against, and for callers that want near-verbatim
    matches only."""

    scorer: PairScorer

    def align(self, a: Extraction, emb_a: np.ndarray, b: Extraction, emb_b: np.ndarray) -> list[AlignedPair]:
        return align_claims([c.text for c in a.claims], emb_a, [c.text for c in b.claims], emb_b, self.scorer)
