"""Fact alignment: which claims of two articles report the same fact, not which sentences paraphrase each other.

Two outlets rarely paraphrase each other; they report the same event with a shared participant, time, place or
count in different sentences with different context around them. So every claim pair of the article pair is a
candidate, and the decision weighs what the pair shares in the context of the two articles:

- the embeddings, and how a pair's cosine ranks among each claim's candidates (the best counterpart of a claim
  is far more often the same fact than a pair of the same absolute cosine that each claim beats elsewhere);
- the words shared, weighted by how rare they are across the two articles' claims (a word both articles use in
  every sentence names the event, not the fact);
- the slots already extracted: people, organisations and places by canonical name, dates by interval, quantities
  by value and what they count;
- position: headlines and leads state the main fact of the story in both articles;
- how close the two articles are as a whole.

The decision is a logistic regression over these features, each event weighted alike, trained on ECB+ topics 1-12 by
`scripts/train_aligner.py` and committed as coefficients (`facts.json`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import numpy as np

from service.align.aligner import AlignedPair
from service.align.features import TextProfile, profile
from service.align.scorer import PairScorer, load_scorer
from service.records import Claim, EntityKind, Extraction, TimeType
from service.timex import relate

DEFAULT_FACT_MODEL_PATH = Path(__file__).with_name("facts.json")
DEFAULT_DISCREPANCY_MODEL_PATH = Path(__file__).with_name("facts_discrepancy.json")

FACT_FEATURES: tuple[str, ...] = (
    "cosine",
    "cosine_rank_a",  # 1 / (1 + rank of b among a's candidates by cosine)
    "cosine_rank_b",
    "stem_jaccard",
    "stem_containment",
    "shared_stems",  # log(1 + count)
    "rare_overlap",  # idf-weighted share of the shorter side's words that the other side has
    "rare_shared",  # log(1 + idf mass shared)
    "char3_jaccard",
    "bigram_jaccard",
    "shared_names",  # log(1 + people, organisations and places named by both)
    "name_conflict",
    "shared_dates",  # a date of one is compatible with a date of the other
    "shared_numbers",  # the same value (and thing counted, when both say)
    "lead_both",  # both claims open their article (headline or first sentences)
    "lead_either",
    "log_length_short",
    "log_length_ratio",
    "articles_cosine",  # mean cosine of all claim pairs of the two articles
)
# How close the two articles are as a whole sets the prior of any of their pairs: two reports that stay on the
# event share most facts, while in a report that wanders into the background (earlier trials, other quakes) a
# pair of the same cosine is less often one fact.
# No feature compares a pair's cosine with the claims' best cosines elsewhere: on two near-copies every claim has
# a near-perfect counterpart, and such a feature would score every other pair of them as one fact.
# Values that disagree (a date, a figure, a denial) are not features: two claims of one fact that differ there are
# what a discrepancy is, so the aligner must not hold the difference against their being one fact.

_F = {name: index for index, name in enumerate(FACT_FEATURES)}

# The features of the scorer that decides whether a difference between two linked claims is called a
# discrepancy: all but how close the two articles are as a whole, which raises the prior of every pair of two
# articles that stay on one event - right for linking them, but two sentences of such articles that tell two
# facts of the event are just where a difference is no discrepancy.
DISCREPANCY_FEATURES: tuple[str, ...] = tuple(f for f in FACT_FEATURES if f != "articles_cosine")
_DISCREPANCY_COLUMNS = [_F[name] for name in DISCREPANCY_FEATURES]

LEAD_SENTENCES = 2
_KINDS = (EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.PLACE)
_NAME_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True)
class _ClaimView:
    profile: TextProfile
    names: frozenset[str]
    dates: tuple
    numbers: frozenset[tuple[float, str]]
    lead: bool


def _names(claim: Claim) -> frozenset[str]:
    names = set()
    for entity in claim.entities:
        if entity.kind in _KINDS:
            tokens = _NAME_TOKEN.findall((entity.canonical or entity.text).lower())
            if tokens:
                # The last word identifies a person ("Lohan" for "Lindsay Lohan"); a place keeps its full name.
                names.add(tokens[-1] if entity.kind is EntityKind.PERSON else " ".join(tokens))
    return frozenset(names)


def _view(claim: Claim, lead_cut: int) -> _ClaimView:
    dates = tuple(t for t in claim.times if t.type in (TimeType.DATE, TimeType.TIME) and not t.vague)
    numbers = frozenset((float(q.value), q.counts) for q in claim.quantities)
    return _ClaimView(profile(claim.text), _names(claim), dates, numbers, claim.sentence < lead_cut)


def _idf(views: Sequence[_ClaimView]) -> dict[str, float]:
    frequency = Counter(stem for v in views for stem in v.profile.stems)
    n = len(views)
    return {stem: math.log((n + 1) / (count + 0.5)) for stem, count in frequency.items()}


def _shared_dates(a: _ClaimView, b: _ClaimView) -> float:
    """1 when a date of one is compatible with a date of the other."""
    for ta in a.dates:
        for tb in b.dates:
            relation = relate(ta, tb)
            if relation is not None and relation.compatible:
                return 1.0
    return 0.0


def _shared_numbers(a: _ClaimView, b: _ClaimView) -> float:
    """1 when both give the same value (of the same thing counted, when both say what they count)."""
    for va, ca in a.numbers:
        for vb, cb in b.numbers:
            if va == vb and (not ca or not cb or ca == cb):
                return 1.0
    return 0.0


def pair_matrix(a: Extraction, emb_a: np.ndarray, b: Extraction, emb_b: np.ndarray) -> np.ndarray:
    """Features of every claim pair, shape (len(a.claims), len(b.claims), len(FACT_FEATURES)).

    Computed for all pairs at once: set overlaps are counted by a product of sparse 0/1 integer matrices (exact)
    and every logarithm is taken with `math` from a table, so each value is the one a loop over pairs computes
    with Python's sets and `math`, to the last bit. Only the few features that need the sets themselves (the
    idf mass of the shared stems, compatible dates, shared numbers) are computed pair by pair, and only for
    pairs where they can be non-zero."""
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
    stems_a, stems_b = [v.profile.stems for v in views_a], [v.profile.stems for v in views_b]
    shared, size_a, size_b = _overlaps(stems_a, stems_b)
    union = size_a + size_b - shared
    smaller = np.minimum(size_a, size_b)
    char3 = _jaccards([v.profile.char3 for v in views_a], [v.profile.char3 for v in views_b])
    bigrams = _jaccards([v.profile.bigrams for v in views_a], [v.profile.bigrams for v in views_b])
    names, names_a, names_b = _overlaps([v.names for v in views_a], [v.names for v in views_b])
    log1p = _table(math.log1p, int(max(shared.max(), names.max())))
    length_a = np.array([max(v.profile.length, 1) for v in views_a])[:, None]
    length_b = np.array([max(v.profile.length, 1) for v in views_b])[None, :]
    shorter, longer = np.minimum(length_a, length_b), np.maximum(length_a, length_b)
    lead_a = np.array([v.lead for v in views_a])[:, None]
    lead_b = np.array([v.lead for v in views_b])[None, :]

    out[..., _F["cosine"]] = cosines
    out[..., _F["articles_cosine"]] = cosines.mean()
    out[..., _F["cosine_rank_a"]] = 1.0 / (1.0 + rank_a)
    out[..., _F["cosine_rank_b"]] = 1.0 / (1.0 + rank_b)
    out[..., _F["stem_jaccard"]] = _ratio(shared, union)
    out[..., _F["stem_containment"]] = np.where((size_a > 0) & (size_b > 0), _ratio(shared, smaller), 0.0)
    out[..., _F["shared_stems"]] = log1p[shared]
    out[..., _F["char3_jaccard"]] = char3
    out[..., _F["bigram_jaccard"]] = bigrams
    out[..., _F["shared_names"]] = log1p[names]
    out[..., _F["name_conflict"]] = ((names_a - names) > 0) & ((names_b - names) > 0)
    out[..., _F["lead_both"]] = lead_a & lead_b
    out[..., _F["lead_either"]] = lead_a | lead_b
    out[..., _F["log_length_short"]] = _table(math.log, int(shorter.max()), first=1)[shorter]
    ratios = {(l, s): math.log(l / s) for l, s in set(zip(longer.ravel().tolist(), shorter.ravel().tolist()))}
    out[..., _F["log_length_ratio"]] = np.vectorize(lambda l, s: ratios[l, s], otypes=[np.float64])(longer, shorter)

    # summed in sorted order: a set's order changes from process to process, and float sums with it
    mass_a = [sum(idf[s] for s in sorted(stems)) for stems in stems_a]
    mass_b = [sum(idf[s] for s in sorted(stems)) for stems in stems_b]
    for i, j in zip(*np.nonzero(shared)):
        shared_mass = sum(idf[s] for s in sorted(stems_a[i] & stems_b[j]))
        smaller_mass = min(mass_a[i], mass_b[j])
        out[i, j, _F["rare_overlap"]] = shared_mass / smaller_mass if smaller_mass > 0 else 0.0
        out[i, j, _F["rare_shared"]] = math.log1p(shared_mass)
    dated_b = [j for j, v in enumerate(views_b) if v.dates]
    counted_b = [j for j, v in enumerate(views_b) if v.numbers]
    for i, va in enumerate(views_a):
        if va.dates:
            for j in dated_b:
                out[i, j, _F["shared_dates"]] = _shared_dates(va, views_b[j])
        if va.numbers:
            for j in counted_b:
                out[i, j, _F["shared_numbers"]] = _shared_numbers(va, views_b[j])
    return out


def _incidence(sets: Sequence[frozenset], vocabulary: dict):
    """Which members each set holds: a sparse 0/1 matrix, a row per set and a column per member."""
    from scipy.sparse import csr_matrix

    columns = [vocabulary[m] for members in sets for m in members]
    starts = np.cumsum([0] + [len(members) for members in sets])
    return csr_matrix((np.ones(len(columns), dtype=np.int64), columns, starts),
                      shape=(len(sets), max(1, len(vocabulary))))


def _overlaps(sets_a: Sequence[frozenset], sets_b: Sequence[frozenset]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """|a & b| for every pair (ints, exact), and the sizes of the sets of a (a column) and of b (a row)."""
    vocabulary: dict = {}
    for members in (*sets_a, *sets_b):
        for m in members:
            vocabulary.setdefault(m, len(vocabulary))
    shared = (_incidence(sets_a, vocabulary) @ _incidence(sets_b, vocabulary).T).toarray().astype(np.int64)
    return shared, np.array([len(s) for s in sets_a])[:, None], np.array([len(s) for s in sets_b])[None, :]


def _ratio(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """numerator / denominator, 0 where the denominator is 0 (each quotient of two ints correctly rounded, as
    Python's int division gives it)."""
    safe = np.where(denominator > 0, denominator, 1)
    return np.where(denominator > 0, numerator / safe, 0.0)


def _jaccards(sets_a: Sequence[frozenset], sets_b: Sequence[frozenset]) -> np.ndarray:
    shared, size_a, size_b = _overlaps(sets_a, sets_b)
    return _ratio(shared, size_a + size_b - shared)


def _table(function, largest: int, first: int = 0) -> np.ndarray:
    """function(k) at index k for k in first..largest (0 below first), each computed by `math`: numpy's own
    logarithms may differ from it in the last bit."""
    return np.array([0.0] * first + [function(k) for k in range(first, largest + 1)], dtype=np.float64)


def _lead_cut(extraction: Extraction) -> int:
    """Claims of sentences below this index open the article."""
    indexes = sorted({c.sentence for c in extraction.claims})
    return indexes[min(LEAD_SENTENCES, len(indexes)) - 1] + 1 if indexes else 0


# A claim's links are the pairs scoring within this of its best counterpart: a fact one article tells in two
# sentences and the other in one is two links, while a claim about the story in general, which scores well
# against everything of the event, is not linked to whatever else happens to clear the threshold.
LINK_MARGIN = 0.1


@dataclass(frozen=True)
class FactAligner:
    """Claim pairs whose probability of reporting the same fact clears the model's threshold and is within
    LINK_MARGIN of the best counterpart of one of their two claims.

    Links are many-to-many (a long sentence holding two facts is matched by two short ones; a fact told twice
    is matched twice); each pair says whether it is the best counterpart of one of its claims, which is what a
    discrepancy needs: a difference between a claim and its second-best match is mostly two facts, not one
    fact told two ways."""

    model: PairScorer
    discrepancy_model: PairScorer = field(default_factory=lambda: load_discrepancy_model())

    def align(self, a: Extraction, emb_a: np.ndarray, b: Extraction, emb_b: np.ndarray) -> list[AlignedPair]:
        if not a.claims or not b.claims:
            return []
        features = pair_matrix(a, emb_a, b, emb_b)
        rows = features.reshape(-1, len(FACT_FEATURES))
        probabilities = self.model.score(rows).reshape(len(a.claims), len(b.claims))
        best_for_a = probabilities.max(axis=1, keepdims=True)
        best_for_b = probabilities.max(axis=0, keepdims=True)
        twins, has_twin = _twins(a, b)
        best = ((probabilities == best_for_a) | (probabilities == best_for_b)) & ~has_twin | twins
        near_best = (probabilities >= best_for_a - LINK_MARGIN) | (probabilities >= best_for_b - LINK_MARGIN)
        chosen = (probabilities >= self.model.threshold) & near_best
        picked = np.argwhere(chosen)
        certainty = self.discrepancy_model.score(features[picked[:, 0], picked[:, 1]][:, _DISCREPANCY_COLUMNS])
        return [
            AlignedPair(a=int(i), b=int(j), score=float(probabilities[i, j]),
                        cosine=float(features[i, j, _F["cosine"]]), best=bool(best[i, j]),
                        discrepancy_score=float(sure))
            for (i, j), sure in zip(picked, certainty)
        ]


def _twins(a: Extraction, b: Extraction) -> tuple[np.ndarray, np.ndarray]:
    """The pairs of claims written word for word alike, and the pairs one of whose claims has such a copy. A claim
    with a copy in the other article has that copy as its best counterpart, whatever another pair scores: "Sales
    rose 6.2% to $1.45 billion" of a quarter may outscore its own copy against "Sales rose 6.7% to $4.27 billion"
    of the nine months by a hair, and the difference between those two is two periods, not one figure reported
    two ways."""
    where_b: dict[str, list[int]] = {}
    for j, claim in enumerate(b.claims):
        where_b.setdefault(" ".join(claim.text.split()), []).append(j)
    twins = np.zeros((len(a.claims), len(b.claims)), dtype=bool)
    for i, claim in enumerate(a.claims):
        twins[i, where_b.get(" ".join(claim.text.split()), [])] = True
    return twins, twins.any(axis=1, keepdims=True) | twins.any(axis=0, keepdims=True)


def load_fact_model(path: Path | None = None) -> PairScorer:
    return load_scorer(path or DEFAULT_FACT_MODEL_PATH, FACT_FEATURES)


def load_discrepancy_model(path: Path | None = None) -> PairScorer:
    return load_scorer(path or DEFAULT_DISCREPANCY_MODEL_PATH, DISCREPANCY_FEATURES)
