"""Values of expressions read relative to the anchor (the publication date), which may lack its year.

With an unknown year, day arithmetic runs in a common (non-leap) reference year and only month and day
are kept: "yesterday" of XXXX-04-23 is XXXX-04-22. Weeks and weekdays cannot be placed without a year,
so they stay as TIMEX3 leaves them: "XXXX-WXX", and a weekday as "XXXX-WXX-1" (a Monday).
"""

from __future__ import annotations

import datetime as dt

from service.records import PartialDate
from service.timex.calendar import add_months, interval, week_value

_REFERENCE_YEAR = 2001  # not a leap year: Feb 29 cannot appear from arithmetic on an unknown year


def full(anchor: PartialDate | None) -> dt.date | None:
    return anchor.complete if anchor else None


def shift_days(anchor: PartialDate | None, days: int) -> str:
    if (day := full(anchor)) is not None:
        return (day + dt.timedelta(days=days)).isoformat()
    if anchor and anchor.month and anchor.day:
        moved = dt.date(_REFERENCE_YEAR, anchor.month, min(anchor.day, 28 if anchor.month == 2 else 31))
        moved += dt.timedelta(days=days)
        return f"XXXX-{moved.month:02d}-{moved.day:02d}"
    return "XXXX-XX-XX"


def shift_weeks(anchor: PartialDate | None, weeks: int) -> str:
    if (day := full(anchor)) is not None:
        return week_value(day + dt.timedelta(weeks=weeks))
    return "XXXX-WXX"


def shift_months(anchor: PartialDate | None, months: int) -> str:
    if anchor and anchor.month:
        if anchor.year is not None:
            year, month = add_months(anchor.year, anchor.month, months)
            return f"{year:04d}-{month:02d}"
        return f"XXXX-{(anchor.month - 1 + months) % 12 + 1:02d}"
    return "XXXX-XX"


def shift_years(anchor: PartialDate | None, years: int) -> str:
    return f"{anchor.year + years:04d}" if anchor and anchor.year is not None else "XXXX"


def shift_quarters(anchor: PartialDate | None, quarters: int) -> str:
    if anchor and anchor.year is not None and anchor.month:
        index = anchor.year * 4 + (anchor.month - 1) // 3 + quarters
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    return "XXXX-QX"


def shift_decades(anchor: PartialDate | None, decades: int) -> str:
    return f"{anchor.year // 10 + decades:03d}" if anchor and anchor.year is not None else "XXX"


def shift_centuries(anchor: PartialDate | None, centuries: int) -> str:
    return f"{anchor.year // 100 + centuries:02d}" if anchor and anchor.year is not None else "XX"


SHIFTS = {
    "day": shift_days, "week": shift_weeks, "month": shift_months, "quarter": shift_quarters,
    "year": shift_years, "decade": shift_decades, "century": shift_centuries,
}


def weekday(anchor: PartialDate | None, iso_weekday: int, direction: str) -> str:
    """direction: "past" = most recent such day, today included; "last" = strictly before today;
    "future" = strictly after today; "this" = within the anchor's ISO week."""
    day = full(anchor)
    if day is None:
        return f"XXXX-WXX-{iso_weekday}"
    today = day.isoweekday()
    if direction == "this":
        delta = iso_weekday - today
    elif direction == "future":
        delta = (iso_weekday - today) % 7 or 7
    elif direction == "last":
        delta = -((today - iso_weekday) % 7 or 7)
    else:
        delta = -((today - iso_weekday) % 7)
    return (day + dt.timedelta(days=delta)).isoformat()


def closest_year(anchor: PartialDate | None, month: int, day: int | None, future: bool) -> int | None:
    """The year that puts month(/day) nearest the anchor; a date on the wrong side of the anchor for the
    tense (a future date in past-tense reporting) counts three times as far, so "in December" of a January
    article is last December but "will meet in May" of a March article is this May."""
    base = full(anchor)
    if anchor is None or anchor.year is None:
        return None
    if base is None:
        return anchor.year
    best: tuple[float, int] | None = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        value = f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
        bounds = interval(value)
        if bounds is None:
            continue
        begin, end, _ = bounds
        if begin <= base <= end:
            distance = 0.0
        elif end < base:
            distance = (base - end).days * (3.0 if future else 1.0)
        else:
            distance = (begin - base).days * (1.0 if future else 3.0)
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else anchor.year
