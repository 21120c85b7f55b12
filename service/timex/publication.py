"""The publication date of an article that came without one: a date line in the header or footer,
a dateline ("MOSCOW, April 23 (RIA Novosti)", "(Nov. 21) -"), or a date in the URL (/2013/03/25/)."""

from __future__ import annotations

import re

from service.records import PartialDate, Span
from service.timex.explicit import month_number
from service.timex.patterns import DAY, MONTH, WEEKDAY, YEAR4

_HEADER_LINES = 15  # publication dates sit near the top or bottom of a page, not in the body
_FOOTER_LINES = 15
_MAX_DATE_LINE = 80  # "March 25, 2013 / 11:37 PM / 5 years ago" and the like; longer lines are prose

_PREFIX = r"(?:(?i:published|updated|posted|date)(?:\s+on)?\s*:?\s*)?"
# Tokenised text spaces its commas ("Fri , 11 Nov 2011", "April 27 , 2009").
# A weekday's abbreviation goes without its dot before a comma ("Fri, 11 Nov 2011").
_WEEKDAY = rf"(?:{WEEKDAY}|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?=\s?,))"
FULL_DATE = re.compile(
    rf"(?:{_WEEKDAY}\s?,?\s+)?(?:{MONTH}\s*{DAY}\s?,?\s+{YEAR4}|{DAY.replace('day>', 'day2>')}\s+"
    rf"{MONTH.replace('mon>', 'mon2>')}\s?,?\s+{YEAR4.replace('year>', 'year2>')}|"
    r"(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))"
)
# A date line may open with its place or wire code in capitals ("WASHINGTON , DC , April 28 , 2009",
# "TNN Nov 12 , 2011 , 05 . 51AM IST").
_PLACE_PREFIX = r"(?:[A-Z][A-Z.'/-]+\s?,?\s+)*"
_DATE_LINE = re.compile(
    rf"^\s*{_PLACE_PREFIX}{_PREFIX}(?P<date>{FULL_DATE.pattern})(?:\s*(?:[/|·•,–—-]|\bat\b).*)?\s*$")
# A dateline's place (in capitals, or a state's abbreviation) is set off by commas or a dash: "MOSCOW, April 23
# (RIA Novosti) -", "WASHINGTON - April 27 -", "SAN FRANCISCO, Calif. - May 3 -".
_DATELINE = re.compile(
    rf"^\s*(?:(?:[A-Z][A-Z.'/-]*(?:\s+[A-Z][A-Z.'/-]*)*|[A-Z][a-z]{{1,4}}\.)(?:\s*,|\s+[-–—])\s+){{0,3}}\(?(?P<date>{MONTH}\s*{DAY}(?:,?\s+{YEAR4})?)\)?\s*(?:\([^)]*\)\s*)?[-–—]"
)
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|\b)")


def detect_publication_date(text: str, url: str = "") -> tuple[PartialDate, Span | None] | None:
    """The article's publication date and the span it was read from (None when read from the URL);
    the year stays None when only month and day are given."""
    lines = _lines(text)
    edges = lines[:_HEADER_LINES] + lines[-_FOOTER_LINES:] if len(lines) > _HEADER_LINES else lines
    for start, line in edges:
        if (len(line.strip()) <= _MAX_DATE_LINE and (m := _DATE_LINE.match(line))
                and on_calendar(day := full_date(m))):
            return day, Span(start + m.start("date"), start + m.end("date"))
    if (m := _URL_DATE.search(url)) and on_calendar(day := PartialDate(int(m[1]), int(m[2]), int(m[3]))):
        return day, None
    for start, line in lines[:_HEADER_LINES * 2]:
        if m := _DATELINE.match(line):
            # "WASHINGTON, March 25, 2013 -" gives the year; "MOSCOW, April 23 (RIA Novosti) -" does not.
            year = int(m["year"]) if m["year"] else None
            day = PartialDate(year, month_number(m["mon"]), int(m["day"]))
            if on_calendar(day):
                return day, Span(start + m.start("date"), start + m.end("date"))
    return None


def on_calendar(date: PartialDate) -> bool:
    """Whether the date exists ("April 31, 2013" and "2013/02/29" in a page or URL do not: a typo, not a date
    to read relative dates against)."""
    return date.problem() is None


def _lines(text: str) -> list[tuple[int, str]]:
    result, offset = [], 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            result.append((offset, line.rstrip("\r\n")))
        offset += len(line)
    return result


def full_date(m: re.Match[str]) -> PartialDate:
    if m["iy"]:
        return PartialDate(int(m["iy"]), int(m["im"]), int(m["id"]))
    if m["mon"]:
        return PartialDate(int(m["year"]), month_number(m["mon"]), int(m["day"]))
    return PartialDate(int(m["year2"]), month_number(m["mon2"]), int(m["day2"]))
