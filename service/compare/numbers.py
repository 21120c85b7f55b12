"""Which quantity of one claim answers which quantity of the other, and how much a difference matters.

Quantities are paired one to one. Pairs that agree are taken first, closest first, so that "5.7% bonds ...
to yield 5.75%" against "5.7% bonds ... to yield 8.62%" pairs 5.7 with 5.7 and leaves 5.75 facing 8.62. Of the
rest, a quantity is held against another only when they are the same measure (see
`service.quantities.compare`) and the pairing is unambiguous: the only candidate on both sides, or, when each
side has the same number left, the one in the same position. The same words on both sides of two figures make
them one measure whatever the parser attached them to: the parse of a sentence can change with a figure alone
("with 82 armed men" hangs from "landed", "with 123 armed men" in the same sentence from "waved").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from service.quantities import QuantityRelation, relate_quantities
from service.quantities.compare import relative_gap
from service.records import Claim, Quantity, Severity

# Roles whose figures are the news itself: a different toll is never a detail.
GRAVE_ROLES = frozenset({"killed", "injured", "missing", "arrested", "sentenced"})
# Below this share of the larger figure a difference is rounding or an update ("1.92 billion" / "1.9 billion"
# falls inside rounding already; "$1.95 billion" / "$2 billion" is 2.5% apart): worth noting, not a dispute.
MINOR_GAP = 0.05


# Words each side of a figure that, the same in both claims, say it is the same measure.
CONTEXT_WORDS = 4
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _surroundings(claim: Claim, quantity: Quantity) -> tuple[tuple[str, ...], tuple[str, ...]]:
    start, end = quantity.span.start - claim.span.start, quantity.span.end - claim.span.start  # article offsets
    before = _WORD.findall(claim.text[: max(start, 0)].lower())[-CONTEXT_WORDS:]
    after = _WORD.findall(claim.text[max(end, 0):].lower())[:CONTEXT_WORDS]
    return tuple(before), tuple(after)


def _in_same_words(claim_a: Claim, qa: Quantity, claim_b: Claim, qb: Quantity) -> bool:
    before_a, after_a = _surroundings(claim_a, qa)
    before_b, after_b = _surroundings(claim_b, qb)
    return len(before_a) + len(after_a) >= CONTEXT_WORDS and (before_a, after_a) == (before_b, after_b)


def pair_quantities(
    a: Sequence[Quantity], b: Sequence[Quantity], claim_a: Claim | None = None, claim_b: Claim | None = None
) -> list[tuple[Quantity, Quantity, QuantityRelation]]:
    """`claim_a` and `claim_b`, when given, are the claims the quantities come from."""
    relations = {(i, j): relate_quantities(qa, qb) for i, qa in enumerate(a) for j, qb in enumerate(b)}
    if claim_a is not None and claim_b is not None:
        relations = {
            k: replace(r, same_measure=True)
            if r.comparable and not r.same_measure and _in_same_words(claim_a, a[k[0]], claim_b, b[k[1]]) else r
            for k, r in relations.items()
        }
    pairs: list[tuple[int, int]] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    agreeing = sorted(
        (k for k, r in relations.items() if r.compatible),
        key=lambda k: (not relations[k].same_measure, abs(a[k[0]].value - b[k[1]].value), k),
    )
    for i, j in agreeing:
        if i not in used_a and j not in used_b:
            pairs.append((i, j))
            used_a.add(i)
            used_b.add(j)
    rest_a = [i for i in range(len(a)) if i not in used_a]
    rest_b = [j for j in range(len(b)) if j not in used_b]
    same = {(i, j) for i in rest_a for j in rest_b if relations[i, j].same_measure}
    for i in rest_a:
        candidates = [j for j in rest_b if (i, j) in same]
        if len(candidates) == 1 and sum((k, candidates[0]) in same for k in rest_a) == 1:
            pairs.append((i, candidates[0]))
    taken_a = {i for i, _ in pairs}
    left_a = [i for i in rest_a if i not in taken_a and any((i, j) in same for j in rest_b)]
    left_b = [j for j in rest_b if j not in {j for _, j in pairs} and any((i, j) in same for i in rest_a)]
    if len(left_a) == len(left_b):
        pairs += [(i, j) for i, j in zip(left_a, left_b) if (i, j) in same]
    return [(a[i], b[j], relations[i, j]) for i, j in sorted(pairs)]


def number_severity(a: Quantity, b: Quantity) -> Severity:
    if a.role in GRAVE_ROLES or b.role in GRAVE_ROLES:
        return Severity.MAJOR
    return Severity.MINOR if relative_gap(a, b) <= MINOR_GAP else Severity.MAJOR
