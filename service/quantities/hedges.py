"""Hedges turn a written figure into the interval of values a reader would accept.

Widths, and why:
- about / around / roughly / approximately / some / an estimated: x ± 10%. Round-number reporting rarely
  strays further; "about 100" for 130 would be called wrong by a reader.
- nearly / almost / close to / just under: [0.9x, x). The figure is an upper bound that is close.
- more than / over / above / upwards of: (x, 1.5x]. Past one and a half times the figure a writer would
  round up to the larger figure instead ("nearly 200", not "more than 100").
- at least / no fewer than: [x, 1.5x], the same reasoning with the bound included.
- fewer than / less than / under / below: [0, x). Up to / as many as / at most / no more than: [0, x].
- just over / slightly more than: (x, 1.1x].
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class HedgeRule:
    low_factor: float
    high_factor: float
    low_open: bool = False  # "more than x" excludes x itself
    high_open: bool = False


ABOUT = HedgeRule(0.9, 1.1)
NEARLY = HedgeRule(0.9, 1.0, high_open=True)
MORE_THAN = HedgeRule(1.0, 1.5, low_open=True)
AT_LEAST = HedgeRule(1.0, 1.5)
LESS_THAN = HedgeRule(0.0, 1.0, high_open=True)
UP_TO = HedgeRule(0.0, 1.0)
JUST_OVER = HedgeRule(1.0, 1.1, low_open=True)

HEDGES: dict[str, HedgeRule] = {
    "about": ABOUT, "around": ABOUT, "roughly": ABOUT, "approximately": ABOUT, "approx.": ABOUT, "some": ABOUT,
    "an estimated": ABOUT, "estimated": ABOUT, "circa": ABOUT, "some estimated": ABOUT,
    "nearly": NEARLY, "almost": NEARLY, "close to": NEARLY, "just under": NEARLY, "just shy of": NEARLY,
    "more than": MORE_THAN, "over": MORE_THAN, "above": MORE_THAN, "upwards of": MORE_THAN,
    "in excess of": MORE_THAN, "greater than": MORE_THAN,
    "at least": AT_LEAST, "no fewer than": AT_LEAST, "no less than": AT_LEAST, "a minimum of": AT_LEAST,
    "fewer than": LESS_THAN, "less than": LESS_THAN, "under": LESS_THAN, "below": LESS_THAN,
    "up to": UP_TO, "as many as": UP_TO, "as much as": UP_TO, "at most": UP_TO, "no more than": UP_TO,
    "a maximum of": UP_TO,
    "just over": JUST_OVER, "slightly more than": JUST_OVER, "just above": JUST_OVER,
}

# Longest first so that "no more than" wins over "more than".
HEDGE_BEFORE = re.compile(
    r"(?<![\w-])(?P<hedge>"
    + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(HEDGES, key=len, reverse=True))
    + r")\s*$",
    re.IGNORECASE,
)


def find_hedge(text_before: str) -> tuple[str, int] | None:
    """The hedge that ends `text_before` (lower case) and its offset in it, if any."""
    match = HEDGE_BEFORE.search(text_before[-40:])
    if match is None:
        return None
    offset = len(text_before) - len(text_before[-40:]) + match.start("hedge")
    return " ".join(match.group("hedge").lower().split()), offset


def apply_hedge(hedge: str, low: float, high: float) -> tuple[float, float]:
    """Widen [low, high] by the hedge's rule; open bounds step to the next representable float."""
    rule = HEDGES[hedge]
    new_low = low * rule.low_factor
    new_high = high * rule.high_factor
    if rule.low_open:
        new_low = math.nextafter(new_low, math.inf)
    if rule.high_open:
        new_high = math.nextafter(new_high, -math.inf)
    return new_low, new_high
