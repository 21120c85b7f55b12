"""Expressions that point back at a date named earlier in the text, not at the publication date: "the
quarter" after "the fiscal first quarter", "a year earlier" in a report on the fourth quarter, "the following
year" after "1995", "that day" after "Oct. 23". For years, months and days the most recent mention wins
(HeidelTime's rule). Quarters differ: an earnings report names the quarter it reports first, then mentions
comparisons and forecasts ("the year-ago quarter", "fourth-quarter profit will fall"), so its quarter is the
first one named that could be reported on the publication date."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from service.records import PartialDate, Span, TimeType
from service.timex.calendar import add_months
from service.timex.reading import Reading

# Kinds of back-reference a rule can ask for (`Reading.anaphor`).
QUARTER = "quarter"  # "the quarter", "the latest period": the quarter the report is about
QUARTER_OF_YEAR = "quarter_of_year"  # "the 1988 period": the reported quarter, moved into the given year
QUARTER_YEAR_AGO = "quarter_year_ago"  # "a year earlier" in an earnings report: that quarter a year before
FOLLOWING = "following_"  # + unit: "the following year" is the year after the last one named
PREVIOUS = "previous_"  # + unit: "the previous month"
SAME = "same_"  # + unit: "that year", "that day"
_STEPS = {FOLLOWING: 1, PREVIOUS: -1, SAME: 0}

_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|-|T)")


@dataclass(frozen=True, slots=True)
class _Mentions:
    quarter: tuple[int, int] | None = None
    year: int | None = None
    month: tuple[int, int] | None = None
    day: str | None = None  # ISO date


def resolve(chosen: Iterable[tuple[Span, Reading]], anchor: PartialDate | None) -> list[tuple[Span, Reading]]:
    """The readings in text order with back-references resolved; unresolvable ones without a fallback dropped."""
    mentions = _Mentions()
    resolved: list[tuple[Span, Reading]] = []
    for span, reading in chosen:
        if reading.anaphor:
            value = _value(reading, mentions) or reading.value
            if not value:
                continue
            if value != reading.value:
                reading = replace(reading, type=TimeType.DATE, value=value, vague=False, relative=True)
        mentions = _remember(mentions, reading, anchor)
        resolved.append((span, reading))
    return resolved


def _value(reading: Reading, seen: _Mentions) -> str:
    anaphor = reading.anaphor
    if anaphor == QUARTER and seen.quarter:
        return f"{seen.quarter[0]:04d}-Q{seen.quarter[1]}"
    if anaphor == QUARTER_YEAR_AGO and seen.quarter:
        return f"{seen.quarter[0] - 1:04d}-Q{seen.quarter[1]}"
    if anaphor == QUARTER_OF_YEAR and seen.quarter and re.fullmatch(r"\d{4}", reading.value):
        return f"{reading.value}-Q{seen.quarter[1]}"
    prefix = next((p for p in _STEPS if anaphor.startswith(p)), "")
    if not prefix:
        return ""
    unit, step = anaphor.removeprefix(prefix), _STEPS[prefix]
    if unit == "year" and seen.year is not None:
        return f"{seen.year + step:04d}"
    if unit == "month" and seen.month is not None:
        year, month = add_months(*seen.month, step)
        return f"{year:04d}-{month:02d}"
    if unit == "day" and seen.day is not None and step == 0:
        return seen.day
    return ""


def _remember(seen: _Mentions, reading: Reading, anchor: PartialDate | None) -> _Mentions:
    if reading.vague or reading.type not in (TimeType.DATE, TimeType.TIME):
        return seen
    if m := _QUARTER.match(reading.value):
        quarter = (int(m[1]), int(m[2]))
        if seen.quarter is None and reading.anaphor != QUARTER_YEAR_AGO and _reportable(quarter, anchor):
            seen = replace(seen, quarter=quarter)
        return replace(seen, year=quarter[0])
    if m := _DATE.match(reading.value):
        month = (int(m[1]), int(m[2])) if m[2] else seen.month
        day = f"{m[1]}-{m[2]}-{m[3]}" if m[3] else seen.day
        return replace(seen, year=int(m[1]), month=month, day=day)
    return seen


_REPORTING_LAG_QUARTERS = 4  # results come out within a year of a quarter's end; an older quarter is history


def _reportable(quarter: tuple[int, int], anchor: PartialDate | None) -> bool:
    """Could a report published on the anchor be about this quarter? Not one still to come (a forecast) nor
    one long past ("the third quarter of 1984")."""
    if anchor is None or anchor.year is None or anchor.month is None:
        return True
    behind = (anchor.year * 4 + (anchor.month - 1) // 3) - (quarter[0] * 4 + quarter[1] - 1)
    return 0 <= behind <= _REPORTING_LAG_QUARTERS
