"""Claim alignment: pair features, the learned pair scorer, the aligner and the vector indexes."""

from service.align.aligner import AlignedPair, ClaimAligner, ParaphraseAligner, align_claims
from service.align.facts import FactAligner, load_fact_model
from service.align.features import FEATURE_NAMES, pair_features
from service.align.index import ExactIndex, IVFIndex, VectorIndex
from service.align.scorer import PairScorer, load_scorer

__all__ = [
    "FEATURE_NAMES", "AlignedPair", "ClaimAligner", "FactAligner", "ParaphraseAligner", "ExactIndex", "IVFIndex", "PairScorer", "VectorIndex", "align_claims",
    "load_fact_model", "load_scorer", "pair_features",
]
