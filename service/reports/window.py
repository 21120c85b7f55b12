"""Report windows are whole publication days: a window is canonicalised to UTC midnights of its first day and of
the first day it does not include, so the nightly job and a caller asking for the same days share one report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from service.errors import InvalidInput


@dataclass(frozen=True, slots=True)
class DayWindow:
    first_day: dt.date  # included
    end_day: dt.date  # the first day not included

    @property
    def since(self) -> dt.datetime:
        return dt.datetime.combine(self.first_day, dt.time(), tzinfo=dt.timezone.utc)

    @property
    def until(self) -> dt.datetime:
        return dt.datetime.combine(self.end_day, dt.time(), tzinfo=dt.timezone.utc)


def require_after(since: dt.date, until: dt.date) -> None:
    """The one check that a window is not empty or reversed (dates or datetimes; the message names both)."""
    if until <= since:
        raise InvalidInput(f"until ({until.isoformat()}) must be after since ({since.isoformat()})")


# A window ends at the midnight after its last day, and report ids write both ends in UTC: the last day that
# leaves room for both is two days before the calendar runs out.
LAST_DAY = dt.date.max - dt.timedelta(days=2)


def day_window(since: dt.datetime, until: dt.datetime) -> DayWindow:
    """Days are read in each bound's own time zone (a naive bound is taken as UTC): publication dates carry no
    zone, so the calendar day the caller meant is the one on its clock. An `until` past midnight includes its day."""
    for name, bound in (("since", since), ("until", until)):
        if bound.date() > LAST_DAY:
            raise InvalidInput(f"{name} ({bound.isoformat()}) is past the last day a window can include "
                               f"({LAST_DAY.isoformat()})")
    first = since.date()
    end = until.date()
    if until.timetz().replace(tzinfo=None) != dt.time():
        end += dt.timedelta(days=1)
    if end <= first:
        end = first + dt.timedelta(days=1)
    return DayWindow(first, end)


def single_day(day: dt.date) -> DayWindow:
    return DayWindow(day, day + dt.timedelta(days=1))
