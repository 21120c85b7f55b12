"""The page's own day for a declared timestamp written in UTC near midnight.

Publishing systems often declare the publication time in UTC ("2020-12-05T23:15:00Z") or with no zone at all,
while the outlet's readers saw the article on their own calendar day: 23:15 UTC is already the next day in Rome,
00:30 UTC still the previous day in New York. Such a timestamp is ambiguous about the day only when it lies
within a few hours of midnight; then the day the page marks as its publication date without a time (an
itemprop="datePublished" element showing "06 Dicembre 2020", a <time pubdate datetime="2020-12-06">) says which
day it is, provided that day is the adjacent one on the side the time zone could move it to. A marked day that is
neither the written day nor that neighbour is not a time zone at all, and changes nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from service.ingest.page_dates import parse_day

# Time zones in use run from UTC-12 to UTC+14; news outlets sit mostly within UTC-8..UTC+10. A time this many
# hours from midnight is the only one a zone can move to another day on a page we should correct.
NEAR_MIDNIGHT_HOURS = 4

_TIMESTAMP = re.compile(
    r"^\s*(?P<date>(?:19|20)\d\d-\d{1,2}-\d{1,2})[T ](?P<hour>\d{1,2}):(?P<minute>\d{1,2})(?::\d{1,2}(?:\.\d+)?)?"
    r"\s*(?P<zone>Z|UTC|GMT|[+-]00:?00)?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class AmbiguousDay:
    written: dt.date  # the calendar day the timestamp names in UTC (or in no zone)
    neighbour: dt.date  # the day a time zone on the near side of midnight makes of it


def ambiguous_day(value: str) -> AmbiguousDay | None:
    """The written day and its neighbour when `value` is a UTC (or zone-less) timestamp near midnight."""
    m = _TIMESTAMP.match(value)
    if m is None:
        return None
    try:
        written = dt.date.fromisoformat("-".join(f"{int(p):02d}" for p in m["date"].split("-")))
    except ValueError:
        return None
    hour = int(m["hour"])
    if hour >= 24 - NEAR_MIDNIGHT_HOURS:
        return AmbiguousDay(written, written + dt.timedelta(days=1))  # east of Greenwich it is already tomorrow
    if hour < NEAR_MIDNIGHT_HOURS:
        return AmbiguousDay(written, written - dt.timedelta(days=1))  # west of it, still yesterday
    return None


def local_day(declared: str, marked_days: Iterable[dt.date]) -> dt.date | None:
    """The neighbouring day when the page marks that day, and only that day, as its publication date."""
    ambiguous = ambiguous_day(declared)
    if ambiguous is None:
        return None
    days = set(marked_days)
    # Several different marked days are a list of other articles' dates, not this article's day.
    return ambiguous.neighbour if days == {ambiguous.neighbour} else None


# A date shown by a marked element is short ("06 Dicembre 2020", "Sunday 6 December 2020 | 00:36"); longer text
# is an element that wraps more than the date.
MAX_SHOWN_CHARS = 60
_LETTERS = re.compile(r"[^\W\d_]{3,}")
_MARKED = '//*[@itemprop="datePublished"][not(self::meta)] | //time[@pubdate]'


def marked_days(tree: Any, today: dt.date | None = None) -> list[dt.date]:
    """The days the page's elements marked as the publication date show or carry without a UTC time."""
    days = []
    for element in tree.xpath(_MARKED)[:10]:
        value = element.get("datetime") or element.get("content")
        if value:
            # The same UTC timestamp repeated in markup is no evidence of the local day.
            day = None if ambiguous_day(value) else parse_day(value, today)
        else:
            day = shown_day(element.text_content(), today)
        if day is not None:
            days.append(day)
    return days


def shown_day(text: str, today: dt.date | None = None) -> dt.date | None:
    """The day a short visible date names, in any language dateparser reads, when it names a month by its name
    (all-number dates are day-month in some countries and month-day in others)."""
    text = " ".join(text.split())
    if not text or len(text) > MAX_SHOWN_CHARS:
        return None
    if (day := parse_day(text, today)) is not None:
        return day
    if not _LETTERS.search(text):
        return None
    import dateparser  # htmldate's own dependency; loaded only for the rare page that needs it

    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True}
    try:
        found = dateparser.parse(text, settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    if found is None:
        return None
    day = found.date()
    return day if parse_day(day.isoformat(), today) == day else None
