"""Slot-by-slot comparison of two claims already aligned as reporting the same fact."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from service.compare.confidence import calibrated
from service.compare.dated_events import same_dated_event
from service.compare.evidence import evidence
from service.compare.numbers import number_severity, pair_quantities
from service.compare.own_day import separate_occurrences
from service.polarity import contradiction_cue
from service.records import (
    Claim,
    Extraction,
    Finding,
    FindingKind,
    Granularity,
    Quantity,
    Severity,
    TimeExpression,
    TimeType,
)
from service.timex import relate

# Dates are only held against dates given at a similar grain: "Monday" is never weighed against "2011" in the
# same claim pair (they are different events of one sentence), but "March 12" against "March 14" is.
_GRAIN_CLASS = {
    Granularity.MINUTE: 0,
    Granularity.HOUR: 0,
    Granularity.DAY: 0,
    Granularity.WEEK: 0,
    Granularity.MONTH: 1,
    Granularity.QUARTER: 1,
    Granularity.SEASON: 1,
    Granularity.HALF: 1,
    Granularity.YEAR: 2,
    Granularity.DECADE: 3,
    Granularity.CENTURY: 3,
}


@dataclass(frozen=True, slots=True)
class AlignedClaims:
    a: Extraction
    claim_a: Claim
    b: Extraction
    claim_b: Claim
    score: float  # the pair scorer's probability that the two claims report the same fact
    best: bool = True  # the best counterpart of one of the two claims, not only a near-best one
    discrepancy_score: float | None = None  # the aligner's certainty that a difference is a discrepancy; None: score


# These cuts apply to the aligner's discrepancy score (`AlignedClaims.discrepancy_score`), not to its link score.
# A difference is only reported between claims the aligner is nearly sure report one fact: a loose link may
# still show what two outlets agree on, but calling it a discrepancy would cry wolf. Claims that differ in one
# figure or date score above 0.93; two outlets' different sentences about one event mostly between the aligner's
# threshold and 0.9. A claim's second-best link (near the best, but not it) is mostly a second fact of the same
# event: what differs between them is no discrepancy, only what agrees is worth saying.
DISCREPANCY_MIN_SCORE = 0.9
# How sure the link must be depends on how much the difference itself says the claims are one fact. Two explicit
# dates of one event ("on Friday" / "on Thursday", both dating the verb the parse hangs them on) or two figures of
# the same measure, in the same unit or of the same counted noun, are two values of one slot, and the slot
# comparison already refuses dates of different events and figures of different measures: such a conflict needs
# only a best counterpart that the discrepancy scorer rates at 0.8 (on its own, that scorer's cut for 0.9
# precision of the links on the tuning events). Two outlets' differently worded
# sentences about one event ("foiled a five-boat pirate attack ... on Friday" / "on Thursday intercepted three
# boats ... and foiled an attack") score between 0.8 and 0.9. A contradiction cue or a deictic date ("today",
# whose day depends on when the article was written) says nothing of which fact it is, so it keeps the stricter
# gate. A constant, not the model's threshold, so retraining the aligner does not move it unmeasured.
SLOT_MIN_SCORE = 0.8


@dataclass(frozen=True, slots=True)
class _Raised:
    finding: Finding
    explicit: bool  # an explicit value of one slot (see SLOT_MIN_SCORE), not a cue or a deictic date

    def passes(self, score: float) -> bool:
        return score >= (SLOT_MIN_SCORE if self.explicit else DISCREPANCY_MIN_SCORE)


def describe_time(t: TimeExpression) -> str:
    # A week number or a resolved "last week" means little to a reader without its days; "2011" is its own range.
    if t.begin and t.end and t.begin != t.end and (t.relative or t.granularity is Granularity.WEEK):
        return f"{t.value} ({t.begin.isoformat()}..{t.end.isoformat()})"
    return t.value


def _day_text(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def said_time(t: TimeExpression) -> str:
    """A date as an editor reads it: the article's own words, then the days they denote when the words alone do
    not say (\u201clast week\u201d (the week of 18-24 March 2013))."""
    words = f"\u201c{' '.join(t.text.split())}\u201d"
    if not (t.begin and t.end):
        return words
    if t.begin == t.end:
        days = _day_text(t.begin)
    elif t.granularity is Granularity.WEEK or (t.end - t.begin).days == 6:
        days = f"the week of {t.begin.day}-{_day_text(t.end)}" if t.begin.month == t.end.month else \
            f"the week of {_day_text(t.begin)} to {_day_text(t.end)}"
    elif t.granularity is Granularity.MONTH:
        days = f"{t.begin:%B %Y}"
    elif t.granularity is Granularity.YEAR:
        days = str(t.begin.year)
    else:
        days = f"{_day_text(t.begin)} to {_day_text(t.end)}"
    return words if days in words else f"{words} ({days})"


def describe_quantity(q: Quantity) -> str:
    # The half-unit a figure is rounded to ("11 hours" is 10.5 to 11.5) is no news to a reader; a hedge's is.
    if q.low == q.high or not q.approximate:
        amount = f"{q.value:g}"
    else:
        amount = f"{q.value:g} [{q.low:g}, {q.high:g}]"
    unit = f" {q.unit}" if q.unit else ""
    counts = f" {q.counts}" if q.counts else ""
    return f"{amount}{unit}{counts}"


def _dates(claim: Claim) -> list[TimeExpression]:
    # A relative date inside a direct quote counts from the day it was said, which the article may not give
    # ("We can grow our economy today," in a report dated the next morning): the quote's wording is compared
    # as a quote, not as a date.
    quoted = [q.span for q in claim.quotes]
    return [t for t in claim.times if t.type in (TimeType.DATE, TimeType.TIME) and not t.vague
            and not (_deictic(t) and any(q.contains(t.span) for q in quoted))]


# A date named by the moment of speaking alone ("today", "last week"), not by a weekday, month or figure.
_NAMED_DAY = re.compile(r"\d|\b(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
                        re.IGNORECASE)


def _deictic(t: TimeExpression) -> bool:
    return t.relative and not _NAMED_DAY.search(t.text)


def _same_grain_pairs(dates_a: list[TimeExpression], dates_b: list[TimeExpression]) -> dict[int, int]:
    """Index pairs (a -> b) of dates given at exactly the same grain: agreeing pairs first, the rest in order."""
    same = {(i, j) for i, ta in enumerate(dates_a) for j, tb in enumerate(dates_b)
            if ta.granularity is tb.granularity and relate(ta, tb) is not None}
    pairs: dict[int, int] = {}
    for i, j in sorted((k for k in same if relate(dates_a[k[0]], dates_b[k[1]]).compatible),  # type: ignore[union-attr]
                       key=lambda k: (abs(k[0] - k[1]), k)):
        if i not in pairs and j not in pairs.values():
            pairs[i] = j
    left_a = [i for i in range(len(dates_a)) if i not in pairs and any((i, j) in same for j in range(len(dates_b)))]
    left_b = [j for j in range(len(dates_b)) if j not in pairs.values() and any((i, j) in same for i in left_a)]
    if len(left_a) == len(left_b):
        pairs.update((i, j) for i, j in zip(left_a, left_b) if (i, j) in same)
    return pairs


def _one_date_of_grain(dates: list[TimeExpression], t: TimeExpression) -> bool:
    return sum(d.granularity is t.granularity for d in dates) == 1


def _date_findings(pair: AlignedClaims, agreed: list[str]) -> list[_Raised]:
    findings = []
    dates_a, dates_b = _dates(pair.claim_a), _dates(pair.claim_b)
    # A day is answered by a day first: "said on Friday he met Trump earlier this week" against "said on Monday
    # ... earlier this week" must not let the week absorb the changed day. Dates of the same grain are paired one
    # to one, agreeing pairs first, then in order.
    answered = _same_grain_pairs(dates_a, dates_b)
    anchored = any(relate(dates_a[i], dates_b[j]).compatible for i, j in answered.items())  # type: ignore[union-attr]
    for index_a, ta in enumerate(dates_a):
        if index_a in answered:
            tb = dates_b[answered[index_a]]
            relations = [(tb, relate(ta, tb))]
        else:
            relations = [(tb, relate(ta, tb)) for j, tb in enumerate(dates_b) if j not in answered.values()]
        relations = [(tb, r) for tb, r in relations if r is not None]
        compatible = [(tb, r) for tb, r in relations if r.compatible]
        if compatible:
            tb, r = compatible[0]
            specific = {"a": f" ({pair.a.article.source} is more specific)",
                        "b": f" ({pair.b.article.source} is more specific)"}.get(r.more_specific, "")
            agreed.append(f"date {describe_time(ta)} ~ {describe_time(tb)}{specific}")
            continue
        same_grain = [
            (tb, r) for tb, r in relations
            if _GRAIN_CLASS.get(ta.granularity, -1) == _GRAIN_CLASS.get(tb.granularity, -2)
        ]
        several = not _one_date_of_grain(dates_a, ta) or not _one_date_of_grain(dates_b, same_grain[0][0]) \
            if same_grain else True
        if not same_grain or (several and not (anchored and index_a in answered)):
            # a claim giving several dates of one grain tells a sequence of events ("voted on 15 December after
            # registration closed on 16 October"): which of them the other claim dates is not known, unless some
            # dates agree and the rest pair off one to one ("on Monday and Tuesday nights from March 30"
            # against "on Monday and Friday nights from March 30")
            continue
        tb, r = min(same_grain, key=lambda item: item[1].gap_days)
        if not same_dated_event(pair.claim_a, ta, pair.claim_b, tb):
            continue  # two dates of one story's calendar ("planned for December 15" / "announced on October 5")
        if separate_occurrences(ta, pair.a.article, tb, pair.b.article):
            continue  # each article's news of its own day, weeks apart: the story happened twice
        findings.append(_Raised(
            Finding(
                kind=FindingKind.DATE_MISMATCH,
                # A day apart is often a time-zone or dateline effect; more is a different date.
                severity=Severity.MINOR if r.gap_days <= 1 else Severity.MAJOR,
                confidence=calibrated(FindingKind.DATE_MISMATCH, Severity.MINOR if r.gap_days <= 1 else Severity.MAJOR),
                explanation=(
                    f"{pair.a.article.source} says {said_time(ta)}, {pair.b.article.source} says "
                    f"{said_time(tb)}: {r.gap_days} {'day' if r.gap_days == 1 else 'days'} apart"
                ),
                evidence=(
                    evidence(pair.a, pair.claim_a, ta.span, describe_time(ta)),
                    evidence(pair.b, pair.claim_b, tb.span, describe_time(tb)),
                ),
            ),
            explicit=not (_deictic(ta) or _deictic(tb)),
        ))
    return findings


def _one_slot(a: Quantity, b: Quantity) -> bool:
    """Two figures of one slot: the same measure (`pair_quantities` pairs no other for a mismatch), counting the
    same noun or in the same unit, each a figure as written rather than a hedged range."""
    same_thing = bool(a.counts and a.counts == b.counts) or bool(a.unit and a.unit == b.unit)
    return same_thing and not (a.hedge or b.hedge)


def _number_findings(pair: AlignedClaims, agreed: list[str]) -> list[_Raised]:
    findings = []
    for qa, qb, relation in pair_quantities(pair.claim_a.quantities, pair.claim_b.quantities,
                                           pair.claim_a, pair.claim_b):
        if relation.compatible:
            agreed.append(f"{describe_quantity(qa)} ~ {describe_quantity(qb)}")
            continue
        severity = number_severity(qa, qb)
        findings.append(_Raised(
            Finding(
                kind=FindingKind.NUMBER_MISMATCH,
                severity=severity,
                confidence=calibrated(FindingKind.NUMBER_MISMATCH, severity),
                explanation=(
                    f"{pair.a.article.source} says \u201c{qa.text}\u201d, {pair.b.article.source} says \u201c{qb.text}\u201d: "
                    f"{relation.explanation}"
                ),
                evidence=(
                    evidence(pair.a, pair.claim_a, qa.span, describe_quantity(qa)),
                    evidence(pair.b, pair.claim_b, qb.span, describe_quantity(qb)),
                ),
            ),
            explicit=_one_slot(qa, qb),
        ))
    return findings


def _contradiction(pair: AlignedClaims) -> list[_Raised]:
    found = contradiction_cue(pair.claim_a.text, pair.claim_b.text)
    if found is None or (found.quoted and (pair.claim_a.quotes or pair.claim_b.quotes)):
        # a negation inside a quote is the quote's wording, which the quote comparison reports with its diff
        return []
    return [_Raised(
        Finding(
            kind=FindingKind.CONTRADICTION,
            severity=Severity.MAJOR,
            confidence=calibrated(FindingKind.CONTRADICTION, Severity.MAJOR),
            explanation=f"{pair.a.article.source} and {pair.b.article.source} report opposite things: {found.explanation}",
            evidence=(
                evidence(pair.a, pair.claim_a, pair.claim_a.span, pair.claim_a.text, cue=found.cue_a),
                evidence(pair.b, pair.claim_b, pair.claim_b.span, pair.claim_b.text, cue=found.cue_b),
            ),
        ), explicit=False)
    ]


def compare_aligned(pair: AlignedClaims, *, agreement: bool = True) -> list[Finding]:
    """Findings for one aligned pair; an AGREEMENT (listing the slots that agree) when nothing differs."""
    agreed: list[str] = []
    raised = _date_findings(pair, agreed) + _number_findings(pair, agreed) + _contradiction(pair)
    certainty = pair.score if pair.discrepancy_score is None else pair.discrepancy_score
    findings = [r.finding for r in raised if pair.best and r.passes(certainty)]
    if raised and not findings:
        return []  # differing claims too loosely linked to call a discrepancy are no agreement either
    if findings or not agreement:
        return findings
    what = "; ".join(agreed) if agreed else "the same claim"
    return [
        Finding(
            kind=FindingKind.AGREEMENT,
            severity=Severity.INFO,
            confidence=round(pair.score, 3),
            explanation=f"{pair.a.article.source} and {pair.b.article.source} agree: {what}",
            evidence=(
                evidence(pair.a, pair.claim_a, pair.claim_a.span, pair.claim_a.text),
                evidence(pair.b, pair.claim_b, pair.claim_b.span, pair.claim_b.text),
            ),
        )
    ]
