"""Comparing two temporal expressions: do they denote overlapping days, and if not, how far apart are they?"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from service.records import TimeExpression, TimeType

_REFERENCE_YEAR = 2001  # for month/day comparisons when the year is unknown; not a leap year


@dataclass(frozen=True)
class TimeRelation:
    compatible: bool  # the two can denote the same day(s)
    gap_days: int  # days between them when disjoint, 0 when compatible
    more_specific: str  # "a" or "b": the narrower of two compatible expressions; "" when as specific


def relate(a: TimeExpression, b: TimeExpression) -> TimeRelation | None:
    """None when the two cannot be compared: durations, sets, vague references, or unknown dates."""
    if not (_comparable(a) and _comparable(b)):
        return None
    if a.begin and a.end and b.begin and b.end:
        return _relate_intervals(a.begin, a.end, b.begin, b.end)
    if a.month is None or b.month is None:
        return None
    return _relate_month_day((a.month, a.day), (b.month, b.day))


def _comparable(t: TimeExpression) -> bool:
    return t.type in (TimeType.DATE, TimeType.TIME) and not t.vague


def _relate_intervals(a_begin: dt.date, a_end: dt.date, b_begin: dt.date, b_end: dt.date) -> TimeRelation:
    if a_begin <= b_end and b_begin <= a_end:
        a_len, b_len = (a_end - a_begin).days, (b_end - b_begin).days
        more = "a" if a_len < b_len else "b" if b_len < a_len else ""
        return TimeRelation(True, 0, more)
    gap = (b_begin - a_end).days if a_end < b_begin else (a_begin - b_end).days
    return TimeRelation(False, gap, "")


def _relate_month_day(a: tuple[int, int | None], b: tuple[int, int | None]) -> TimeRelation:
    (a_month, a_day), (b_month, b_day) = a, b
    if a_day is None or b_day is None:
        if a_month == b_month:
            more = "a" if a_day is not None else "b" if b_day is not None else ""
            return TimeRelation(True, 0, more)
        a_day_or_edge = a_day or 1
        b_day_or_edge = b_day or 1
        return TimeRelation(False, _days_apart(a_month, a_day_or_edge, b_month, b_day_or_edge), "")
    if (a_month, a_day) == (b_month, b_day):
        return TimeRelation(True, 0, "")
    return TimeRelation(False, _days_apart(a_month, a_day, b_month, b_day), "")


def _days_apart(a_month: int, a_day: int, b_month: int, b_day: int) -> int:
    """Days between two month/days of an unknown year, the shorter way round the calendar."""
    first = dt.date(_REFERENCE_YEAR, a_month, min(a_day, 28 if a_month == 2 else a_day))
    second = dt.date(_REFERENCE_YEAR, b_month, min(b_day, 28 if b_month == 2 else b_day))
    days = abs((second - first).days)
    return min(days, 365 - days)
