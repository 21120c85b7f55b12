"""The learned claim-pair scorer: a logistic regression over `features.FEATURE_NAMES`, stored as plain JSON.

The artifact holds coefficients, never a pickle, so it loads without scikit-learn and diffs cleanly in review.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from service.align.features import FEATURE_NAMES
from service.errors import ModelError

DEFAULT_SCORER_PATH = Path(__file__).with_name("scorer.json")


@dataclass(frozen=True)
class PairScorer:
    """P(same fact | features) = sigmoid(((x - means) / scales) . coefficients + intercept)."""

    feature_names: tuple[str, ...]
    means: tuple[float, ...]
    scales: tuple[float, ...]
    coefficients: tuple[float, ...]
    intercept: float
    threshold: float

    def score(self, features: np.ndarray) -> np.ndarray:
        rows = np.atleast_2d(np.asarray(features, dtype=np.float64))
        if rows.shape[1] != len(self.coefficients):
            raise ValueError(f"expected {len(self.coefficients)} features, got {rows.shape[1]}")
        z = (rows - np.asarray(self.means)) / np.asarray(self.scales)
        logits = z @ np.asarray(self.coefficients) + self.intercept
        return 1.0 / (1.0 + np.exp(-logits))

    def accepts(self, features: np.ndarray) -> np.ndarray:
        return self.score(features) >= self.threshold


def scorer_to_dict(scorer: PairScorer) -> dict[str, Any]:
    return {
        "feature_names": list(scorer.feature_names),
        "means": list(scorer.means),
        "scales": list(scorer.scales),
        "coefficients": list(scorer.coefficients),
        "intercept": scorer.intercept,
        "threshold": scorer.threshold,
    }


def scorer_from_dict(data: dict[str, Any], expected: tuple[str, ...] = FEATURE_NAMES) -> PairScorer:
    names = tuple(data["feature_names"])
    if names != expected:
        raise ModelError(f"scorer was trained on features {names}, this code computes {expected}")
    return PairScorer(
        feature_names=names,
        means=tuple(float(v) for v in data["means"]),
        scales=tuple(float(v) for v in data["scales"]),
        coefficients=tuple(float(v) for v in data["coefficients"]),
        intercept=float(data["intercept"]),
        threshold=float(data["threshold"]),
    )


def load_scorer(path: Path | None = None, expected: tuple[str, ...] = FEATURE_NAMES) -> PairScorer:
    path = Path(path) if path else DEFAULT_SCORER_PATH
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read the pair scorer {path}: {exc}") from exc
    return scorer_from_dict(data, expected)


def fit_scorer(
    features: np.ndarray, labels: np.ndarray, threshold: float = 0.5, c: float = 1.0,
    names: tuple[str, ...] = FEATURE_NAMES, class_weight: str | None = None,
    sample_weight: np.ndarray | None = None,
) -> PairScorer:
    """Fits the logistic regression; `threshold` is chosen by the caller (by cross-validation)."""
    from sklearn.linear_model import LogisticRegression

    x = np.asarray(features, dtype=np.float64)
    means = x.mean(axis=0)
    scales = x.std(axis=0)
    scales[scales == 0] = 1.0  # a constant feature carries no information; keep it inert
    model = LogisticRegression(C=c, max_iter=2000, solver="lbfgs", class_weight=class_weight)
    model.fit((x - means) / scales, np.asarray(labels, dtype=int), sample_weight=sample_weight)
    return PairScorer(
        feature_names=names,
        means=tuple(float(v) for v in means),
        scales=tuple(float(v) for v in scales),
        coefficients=tuple(float(v) for v in model.coef_[0]),
        intercept=float(model.intercept_[0]),
        threshold=threshold,
    )


def best_threshold(scores: np.ndarray, labels: np.ndarray) -> float:
    """The cut that maximises accuracy; ties go to the highest cut so that fewer weak pairs are emitted."""
    order = np.argsort(-scores, kind="stable")
    sorted_scores = scores[order]
    sorted_labels = np.asarray(labels, dtype=int)[order]
    positives_above = np.cumsum(sorted_labels)
    negatives_below = (len(labels) - np.sum(sorted_labels)) - (np.arange(1, len(labels) + 1) - positives_above)
    correct = positives_above + negatives_below  # cutting just below sorted_scores[i]
    best = int(np.flatnonzero(correct == correct.max())[0])
    if best + 1 < len(sorted_scores):
        return float((sorted_scores[best] + sorted_scores[best + 1]) / 2)
    return float(sorted_scores[best])
