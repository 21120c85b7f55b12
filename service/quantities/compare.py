"""Whether two quantities are the same measure of the same thing, and whether their intervals can both be right.

Two levels of sameness. A quantity is *comparable* with another when nothing says they measure different
things: the same dimension (units converted: 200 feet against 61 metres), the same counted noun, and event
roles that do not conflict (killed against injured). It is the *same measure* when, beyond that, what narrows
it agrees too: its modifiers ("$10 billion in cash" is not the deal's $30 billion), its holder ("Smith's 120
yards" are not Jones's) and its role when both give one. An agreement may rest on comparable quantities; a
mismatch needs the same measure, because a false NUMBER_MISMATCH costs a reader more than a missed agreement.
"""

from __future__ import annotations

from dataclasses import dataclass

from service.people.names import same_person
from service.quantities.measure import ROLE_SYNONYMS
from service.quantities.units import in_base_unit
from service.records import Quantity

# Roles that name a part in the event (a toll, a depth): two different ones are two different measures even
# for an agreement. Other roles are the governing verb, which outlets word differently ("held" / "took place").
EVENT_ROLES = frozenset(ROLE_SYNONYMS.values())
# A figure converted from another unit is rounded by the writer ("500 feet (150 metres)" is 1.6% off).
CONVERSION_TOLERANCE = 0.05
# Hedges that bound from one side: two figures under the same one ("up to 100" / "up to 150") are two
# different bounds, so their figures, not their intervals, are compared.
_ONE_SIDED = frozenset("up to|as many as|as much as|at most|no more than|a maximum of|fewer than|less than|under|"
                       "below|more than|over|above|upwards of|in excess of|greater than|at least|no fewer than|"
                       "no less than|a minimum of".split("|"))


@dataclass(frozen=True, slots=True)
class QuantityRelation:
    comparable: bool  # nothing says they measure different things
    compatible: bool  # comparable and both can be right
    explanation: str
    same_measure: bool = False  # comparable, and modifiers, holder and role agree too


def relate_quantities(a: Quantity, b: Quantity) -> QuantityRelation:
    """Compare two quantities; quantities of different things are never compared."""
    dimension_a, _ = in_base_unit(a.unit, 1.0)
    dimension_b, _ = in_base_unit(b.unit, 1.0)
    if dimension_a != dimension_b:
        return QuantityRelation(False, False, f"different units: {_describe(a)} vs {_describe(b)}")
    if a.counts and b.counts and a.counts != b.counts:
        return QuantityRelation(False, False, f"different things counted: {a.counts} vs {b.counts}")
    if a.role != b.role and a.role in EVENT_ROLES and b.role in EVENT_ROLES:
        return QuantityRelation(False, False, f"different roles: {a.role} vs {b.role}")
    if not a.unit and not (a.counts and b.counts) and not (a.role and a.role == b.role and a.role in EVENT_ROLES):
        return QuantityRelation(False, False, "a plain number without the thing it counts")
    same = _same_measure(a, b)
    low_a, high_a = _interval(a, b)
    low_b, high_b = _interval(b, a)
    if a.bounded and b.bounded:
        # Two ranges state their bounds: "#130 million to #135 million" and "#130 million to #202 million"
        # overlap, but are two different estimates; each bound must fall within the other's bound's tolerance.
        if _within(a.low, b.low, a, b) and _within(a.high, b.high, a, b):
            return QuantityRelation(True, True, f"{_describe(a)} agrees with {_describe(b)}", same)
        return QuantityRelation(True, False, f"{_describe(a)} vs {_describe(b)}: different ranges", same)
    if low_a <= high_b and low_b <= high_a:
        return QuantityRelation(True, True, f"{_describe(a)} agrees with {_describe(b)}", same)
    return QuantityRelation(True, False, f"{_describe(a)} vs {_describe(b)}: different figures, even allowing for rounding and hedges", same)


def _within(bound_a: float, bound_b: float, a: Quantity, b: Quantity) -> bool:
    """Whether two stated bounds are one figure (up to a conversion's rounding when the units differ)."""
    _, x = in_base_unit(a.unit, bound_a)
    _, y = in_base_unit(b.unit, bound_b)
    tolerance = CONVERSION_TOLERANCE if a.unit != b.unit else 1e-9
    return abs(x - y) <= tolerance * max(abs(x), abs(y), 1e-9)


def _same_measure(a: Quantity, b: Quantity) -> bool:
    if set(a.modifiers) != set(b.modifiers):
        return False
    if a.holder and b.holder and not same_person(a.holder, b.holder) and a.holder.lower() != b.holder.lower():
        return False
    return not (a.role and b.role and a.role != b.role)


def _interval(q: Quantity, other: Quantity) -> tuple[float, float]:
    """q's interval in its dimension's base unit, widened for a conversion when the other's unit differs."""
    if q.hedge and q.hedge == other.hedge and q.hedge in _ONE_SIDED:
        low, high = q.value, q.value
    else:
        low, high = q.low, q.high
    _, low = in_base_unit(q.unit, low)
    _, high = in_base_unit(q.unit, high)
    if q.unit != other.unit:
        low, high = low * (1 - CONVERSION_TOLERANCE), high * (1 + CONVERSION_TOLERANCE)
    return low, high


def relative_gap(a: Quantity, b: Quantity) -> float:
    """How far apart two comparable quantities are, as a share of the larger (0 when they overlap)."""
    low_a, high_a = _interval(a, b)
    low_b, high_b = _interval(b, a)
    gap = max(low_a - high_b, low_b - high_a, 0.0)
    scale = max(abs(high_a), abs(high_b), 1e-9)
    return gap / scale if scale != float("inf") else 0.0


def _describe(quantity: Quantity) -> str:
    what = quantity.unit if quantity.unit else quantity.counts or quantity.role
    return f'"{quantity.text}" ({_number(quantity.low)}–{_number(quantity.high)} {what})'.replace("  ", " ")


def _number(value: float) -> str:
    if value == float("inf"):
        return "∞"
    return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:.4g}"
