"""TIMEX3 values as calendar intervals: "2013-W12" -> 2013-03-18..2013-03-24 at week granularity."""

from __future__ import annotations

import calendar as _cal
import datetime as dt
import re

from service.records import Granularity

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}  # meteorological, northern

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, _cal.monthrange(year, month)[1])


def iso_week_start(year: int, week: int) -> dt.date:
    return dt.date.fromisocalendar(year, week, 1)


def week_value(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def interval(value: str) -> tuple[dt.date, dt.date, Granularity] | None:
    """The closed day interval and granularity a TIMEX3 date value denotes; None when it is not a
    calendar date (unknown year, durations, vague references)."""
    try:
        return _interval(value)
    except ValueError:  # a month 13 or week 54 slipped through: no interval rather than a wrong one
        return None


def _interval(value: str) -> tuple[dt.date, dt.date, Granularity] | None:
    if m := _DAY.match(value):
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        grain = Granularity.DAY
        if m[4]:
            grain = Granularity.MINUTE if ":" in m[4] else Granularity.HOUR
        return day, day, grain
    if m := _MONTH.match(value):
        year, month = int(m[1]), int(m[2])
        return dt.date(year, month, 1), month_end(year, month), Granularity.MONTH
    if m := _YEAR.match(value):
        year = int(m[1])
        return dt.date(year, 1, 1), dt.date(year, 12, 31), Granularity.YEAR
    if m := _WEEK.match(value):
        start = iso_week_start(int(m[1]), int(m[2]))
        if m[3]:
            return start + dt.timedelta(days=5), start + dt.timedelta(days=6), Granularity.WEEK
        return start, start + dt.timedelta(days=6), Granularity.WEEK
    if m := _QUARTER.match(value):
        year, quarter = int(m[1]), int(m[2])
        return dt.date(year, 3 * quarter - 2, 1), month_end(year, 3 * quarter), Granularity.QUARTER
    if m := _HALF.match(value):
        year, half = int(m[1]), int(m[2])
        return dt.date(year, 6 * half - 5, 1), month_end(year, 6 * half), Granularity.HALF
    if m := _SEASON.match(value):
        year = int(m[1])
        first, last = _SEASON_MONTHS[m[2]]
        end_year = year + 1 if last < first else year
        return dt.date(year, first, 1), month_end(end_year, last), Granularity.SEASON
    if m := _DECADE.match(value):
        start = int(m[1]) * 10
        return dt.date(start, 1, 1), dt.date(start + 9, 12, 31), Granularity.DECADE
    if m := _CENTURY.match(value):
        start = int(m[1]) * 100
        return dt.date(max(start, 1), 1, 1), dt.date(start + 99, 12, 31), Granularity.CENTURY
    return None


def narrow(begin: dt.date, end: dt.date, modifier: str) -> tuple[dt.date, dt.date]:
    """Early/mid/late: the matching third of the interval ("mid-2012" is May to August)."""
    span = (end - begin).days + 1
    third = span // 3
    if third == 0:
        return begin, end  # "late yesterday" is still yesterday: a day has no thirds to pick from
    if modifier == "START":
        return begin, begin + dt.timedelta(days=third - 1)
    if modifier == "MID":
        return begin + dt.timedelta(days=third), end - dt.timedelta(days=third)
    if modifier == "END":
        return end - dt.timedelta(days=third - 1), end
    return begin, end
