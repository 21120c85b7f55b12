"""The fact aligner's pair features computed for all pairs at once equal, bit for bit, those of the plain loop over
pairs they replaced (kept here as the reference)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from service.align.facts import FACT_FEATURES, _idf, _lead_cut, _shared_dates, _shared_numbers, _view, pair_matrix
from service.articles import build_article
from service.extract import extract_many
from service.records import ArticleInput
from tests.fakes import FakeEmbedder
from tests.harness import SEEDS


def reference_pair_matrix(a: Extraction, emb_a: np.ndarray, b: Extraction, emb_b: np.ndarray) -> np.ndarray:
    """Features of every claim pair, shape (len(a.claims), len(b.claims), len(FACT_FEATURES))."""
    claims_a, claims_b = a.claims, b.claims
    cut_a = _lead_cut(a)
    cut_b = _lead_cut(b)
    views_a = [_view(c, cut_a) for c in claims_a]
    views_b = [_view(c, cut_b) for c in claims_b]
    idf = _idf(views_a + views_b)
    cosines = np.asarray(emb_a, dtype=np.float64) @ np.asarray(emb_b, dtype=np.float64).T
    rank_a = np.argsort(np.argsort(-cosines, axis=1, kind="stable"), axis=1, kind="stable")
    rank_b = np.argsort(np.argsort(-cosines, axis=0, kind="stable"), axis=0, kind="stable")
    out = np.zeros((len(claims_a), len(claims_b), len(FACT_FEATURES)), dtype=np.float64)
    mass_a = [sum(idf[s] for s in sorted(v.profile.stems)) for v in views_a]
    mass_b = [sum(idf[s] for s in sorted(v.profile.stems)) for v in views_b]
    for i, va in enumerate(views_a):
        pa = va.profile
        for j, vb in enumerate(views_b):
            pb = vb.profile
            shared = pa.stems & pb.stems
            union = pa.stems | pb.stems
            # summed in sorted order: a set's order changes from process to process, and float sums with it
            shared_mass = sum(idf[s] for s in sorted(shared))
            smaller_mass = min(mass_a[i], mass_b[j])
            shorter, longer = sorted((max(pa.length, 1), max(pb.length, 1)))
            shared_dates = _shared_dates(va, vb)
            shared_numbers = _shared_numbers(va, vb)
            out[i, j] = (
                cosines[i, j],
                1.0 / (1.0 + rank_a[i, j]),
                1.0 / (1.0 + rank_b[i, j]),
                len(shared) / len(union) if union else 0.0,
                len(shared) / min(len(pa.stems), len(pb.stems)) if pa.stems and pb.stems else 0.0,
                math.log1p(len(shared)),
                shared_mass / smaller_mass if smaller_mass > 0 else 0.0,
                math.log1p(shared_mass),
                _jaccard(pa.char3, pb.char3),
                _jaccard(pa.bigrams, pb.bigrams),
                math.log1p(len(va.names & vb.names)),
                float(bool(va.names - vb.names and vb.names - va.names)),
                shared_dates,
                shared_numbers,
                float(va.lead and vb.lead),
                float(va.lead or vb.lead),
                math.log(shorter),
                math.log(longer / shorter),
                cosines.mean(),
            )
    return out



def _jaccard(a: frozenset, b: frozenset) -> float:
    union = a | b
    return len(a & b) / len(union) if union else 0.0


@pytest.fixture(scope="module")
def seeds():
    articles = [build_article(ArticleInput(text=p.read_text(encoding="utf-8")), 1_000_000)
                for p in sorted(SEEDS.glob("*.txt"))]
    extractions = extract_many(articles)
    embedder = FakeEmbedder()
    return [(e, embedder.embed([c.text for c in e.claims])) for e in extractions]


def test_pair_features_equal_the_loop_over_pairs_bit_for_bit(seeds):
    compared = 0
    for k, (a, emb_a) in enumerate(seeds):
        for b, emb_b in seeds[k:]:
            fast = pair_matrix(a, emb_a, b, emb_b)
            slow = reference_pair_matrix(a, emb_a, b, emb_b)
            assert fast.shape == slow.shape
            assert np.array_equal(fast, slow), np.argwhere(fast != slow)[:5]
            compared += fast.shape[0] * fast.shape[1]
    assert compared > 1000  # enough pairs that every feature takes several values


def test_pair_features_of_claims_with_nothing_in_common():
    (a,) = extract_many([build_article(ArticleInput(text="Rain fell on Tuesday in Oslo, officials said."), 1000)])
    (b,) = extract_many([build_article(ArticleInput(text="Quarterly profits rose 4 percent at the bank."), 1000)])
    emb = FakeEmbedder()
    ea, eb = emb.embed([c.text for c in a.claims]), emb.embed([c.text for c in b.claims])
    assert np.array_equal(pair_matrix(a, ea, b, eb), reference_pair_matrix(a, ea, b, eb))
