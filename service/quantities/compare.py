"""Whether two quantities count the same thing, and whether their intervals can both be right."""

from __future__ import annotations

from dataclasses import dataclass

from service.records import Quantity


@dataclass(frozen=True, slots=True)
class QuantityRelation:
    comparable: bool  # both count the same thing in the same unit
    compatible: bool  # comparable and their [low, high] intervals overlap
    explanation: str


def relate_quantities(a: Quantity, b: Quantity) -> QuantityRelation:
    """Compare two quantities; quantities of different things are never compared."""
    if a.unit != b.unit:
        return QuantityRelation(False, False, f"different units: {_describe(a)} vs {_describe(b)}")
    if a.counts and b.counts and a.counts != b.counts:
        return QuantityRelation(False, False, f"different things counted: {a.counts} vs {b.counts}")
    if not a.unit and not (a.counts and b.counts):
        return QuantityRelation(False, False, "a plain number without the thing it counts")
    if a.low <= b.high and b.low <= a.high:
        return QuantityRelation(True, True, f"{_describe(a)} agrees with {_describe(b)}")
    return QuantityRelation(True, False, f"{_describe(a)} vs {_describe(b)}: the intervals do not overlap")


def _describe(quantity: Quantity) -> str:
    what = quantity.unit if quantity.unit else quantity.counts
    return f'"{quantity.text}" ({_number(quantity.low)}–{_number(quantity.high)} {what})'.replace("  ", " ")


def _number(value: float) -> str:
    if value == float("inf"):
        return "∞"
    return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:.4g}"
