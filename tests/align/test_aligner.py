import numpy as np

from service.align.aligner import align_claims
from service.align.features import FEATURE_NAMES
from service.align.scorer import PairScorer
from tests.fakes import FakeEmbedder

# A transparent scorer on the cosine alone, so these tests pin down the aligner's pairing rules.
COSINE_ONLY = PairScorer(
    feature_names=FEATURE_NAMES,
    means=(0.0,) * len(FEATURE_NAMES),
    scales=(1.0,) * len(FEATURE_NAMES),
    coefficients=(20.0,) + (0.0,) * (len(FEATURE_NAMES) - 1),
    intercept=-10.0,  # probability 0.5 at cosine 0.5
    threshold=0.5,
)


def _align(a, b, **kwargs):
    embedder = FakeEmbedder(256)
    return align_claims(a, embedder.embed(a), b, embedder.embed(b), COSINE_ONLY, **kwargs)


def test_matching_claims_align_and_unrelated_ones_stay_unaligned():
    a = ["six meetings were held in 2011", "the weather was sunny in paris today"]
    b = ["fourteen interceptors will be stationed in alaska", "in 2011 six meetings were held"]
    pairs = _align(a, b)
    assert [(p.a, p.b) for p in pairs] == [(0, 1)]
    assert pairs[0].score >= 0.5 and pairs[0].cosine > 0.9


def test_one_long_claim_can_align_with_two_short_ones():
    a = ["shoigu offered to restart talks and hagel assured him talks would continue"]
    b = ["shoigu offered to restart talks", "hagel assured him talks would continue", "alaska interceptors"]
    assert [(p.a, p.b) for p in _align(a, b)] == [(0, 0), (0, 1)]


def test_weaker_second_match_is_dropped_when_both_sides_prefer_others():
    a = ["shoigu offered to restart talks", "hagel assured shoigu talks would continue"]
    b = ["shoigu offered to restart talks", "hagel assured shoigu talks would continue"]
    assert [(p.a, p.b) for p in _align(a, b)] == [(0, 0), (1, 1)]


def test_empty_inputs():
    assert _align([], ["x"]) == [] and _align(["x"], []) == []


def test_result_is_deterministic():
    a = ["alpha beta gamma", "delta epsilon", "beta gamma delta"]
    b = ["gamma beta alpha", "epsilon delta zeta", "beta delta"]
    assert _align(a, b, candidates=2) == _align(a, b, candidates=2)
