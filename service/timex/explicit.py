"""Rules for dates written out on the calendar: "March 25, 2013", "25 March", "2013-03-25", "the 1990s",
"mid-2012", "the third quarter", "fall 2009", "11:37 PM"."""

from __future__ import annotations

import datetime as dt
import re

from service.records import PartialDate, TimeType
from service.timex.anaphora import QUARTER, QUARTER_OF_YEAR
from service.timex.lexicon import MONTHS, ORDINALS, SEASONS
from service.timex.patterns import (
    BARE_MONTH, DATE_COMMA, DAY, EDGE, MONTH, SHORT_MONTH, WEEKDAY, YEAR4, compile_rule,
)
from service.timex.reading import Context, Reading, Rule
from service.timex.relative import closest_year, full, shift_quarters, shift_years

EDGE_MODIFIER = {
    "early": "START", "the beginning of": "START", "the start of": "START", "mid": "MID",
    "the middle of": "MID", "late": "END", "the end of": "END", "the close of": "END",
}
# "May" the month vs "may" the modal at a sentence start: alone it is a month only after these words.
_MONTH_INTRODUCERS = re.compile(
    r"(?:\b(?:in|of|since|until|till|by|from|through|to|during|before|after|last|next|this|early|late|mid|"
    r"and|or|between)[-\s]+)$",
    re.IGNORECASE,
)
_SEASON_AS_NOUN = re.compile(r"\s+(?:of|in)\s")
_SEASON_INTRODUCERS = re.compile(r"\b(?:in|during|by|until|since|over|through|this|the)\s+(?:the\s+)?$", re.I)
# Counted things after a bare number that looks like a year: "2000 troops" is not the year 2000.
_COUNTED_NOUN = re.compile(
    r"\s+(?:people|persons|troops|soldiers|men|women|children|workers|jobs|units|shares|cars|vehicles|tons|"
    r"tonnes|feet|foot|meters|metres|miles|kilometers|km|dollars|euros|yuan|rubles|roubles|barrels|votes|"
    r"deaths|cases|members|employees|residents|students|points|pounds|acres|homes|houses|flights|"
    r"passengers|rounds|missiles|interceptors|pages|words|calories|hp|mph|kg|m)\b"
)


def month_number(token: str) -> int:
    return MONTHS[token.rstrip(". ").lower()]


def _date_value(ctx: Context, start: int, end: int, month: int, day: int | None, year: str | None) -> str:
    if year is None:
        guessed = closest_year(ctx.anchor, month, day, ctx.future(start, end))
        year = f"{guessed:04d}" if guessed is not None else "XXXX"
    value = f"{year}-{month:02d}"
    return value + f"-{day:02d}" if day is not None else value


# A day written just before a month ("10 Nov 11", "5 November 12 people"): the number after the month is then
# not the month's day, but a year or the next phrase's count.
_DAY_BEFORE = re.compile(r"(?<![\w.,:/-])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?:\s+of)?\s+$")


def month_day(m: re.Match[str], ctx: Context) -> Reading | None:
    month, day = month_number(m["mon"]), int(m["day"])
    if day > 31:
        return None
    if m.start() == m.start("mon") and _DAY_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()):
        return None
    value = _date_value(ctx, m.start(), m.end(), month, day, m["year"])
    return Reading(TimeType.DATE, value, relative=m["year"] is None)


_YEAR_SHIFT = {"last": -1, "this": 0, "next": 1}


def month_alone(m: re.Match[str], ctx: Context) -> Reading | None:
    edge = (m["edge"] or "").lower()
    if m["mon"] == "May" and not edge and not m["rel"] and not _MONTH_INTRODUCERS.search(ctx.text[: m.start()]):
        return None
    month = month_number(m["mon"])
    rel = (m["rel"] or "").lower()
    year_shift = _YEAR_SHIFT.get((m.groupdict().get("yrel") or "").lower())
    if m["year"]:
        value = f"{m['year']}-{month:02d}"
    elif year_shift is not None and ctx.anchor and ctx.anchor.year is not None:
        value = f"{ctx.anchor.year + year_shift:04d}-{month:02d}"  # "in February this year", "July last year"
    elif rel and ctx.anchor and ctx.anchor.year is not None:
        year = closest_year(ctx.anchor, month, None, rel == "next")
        assert year is not None
        if rel == "last" and ctx.anchor.month is not None and month >= ctx.anchor.month:
            year = ctx.anchor.year - 1
        elif rel == "next" and ctx.anchor.month is not None and month <= ctx.anchor.month:
            year = ctx.anchor.year + 1
        elif rel == "this":
            year = ctx.anchor.year
        value = f"{year:04d}-{month:02d}"
    else:
        value = _date_value(ctx, m.start(), m.end(), month, None, None)
    return Reading(TimeType.DATE, value, modifier=EDGE_MODIFIER.get(edge, ""), relative=not m["year"])


# What a two-digit figure after "10 Nov" is when it is not a year: the hour of a time ("10 Nov 11 am"), or a
# count ("10 Nov 11 people") as `_COUNTED_NOUN` knows them; "10 Nov" alone is then the date.
_CLOCK_AFTER = re.compile(r"\s*(?i:a\.m\.|p\.m\.|am\b|pm\b|o'clock\b|hours?\b|hrs?\b)")


def two_digit_year(digits: str, anchor: PartialDate | None) -> int:
    """'11' -> 2011: the year of that ending nearest the anchor's year, or past the 1950/2049 pivot without one."""
    short = int(digits)
    if anchor is None or anchor.year is None:
        return short + (1900 if short >= 50 else 2000)
    century = anchor.year - anchor.year % 100
    return min((century - 100 + short, century + short, century + 100 + short), key=lambda y: abs(y - anchor.year))


def day_month_short_year(m: re.Match[str], ctx: Context) -> Reading | None:
    """'10 Nov 11', '3 Jan 09', '10-Nov-11': day, abbreviated month and a two-digit (or four-digit) year."""
    month, day = month_number(m["mon"]), int(m["day"])
    if m["yy"] and (_CLOCK_AFTER.match(ctx.text, m.end()) or _COUNTED_NOUN.match(ctx.text, m.end())):
        return None
    year = int(m["year"]) if m["year"] else two_digit_year(m["yy"], ctx.anchor)
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return Reading(TimeType.DATE, f"{year:04d}-{month:02d}-{day:02d}")


def numeric_date(m: re.Match[str], ctx: Context) -> Reading | None:
    year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if len(m["y"]) == 2:
        year += 1900 if year >= 50 else 2000
    return Reading(TimeType.DATE, f"{year:04d}-{month:02d}-{day:02d}")


def year_alone(m: re.Match[str], ctx: Context) -> Reading | None:
    if _COUNTED_NOUN.match(ctx.text, m.end()):
        return None
    edge = (m["edge"] or "").lower()
    return Reading(TimeType.DATE, m["year"], modifier=EDGE_MODIFIER.get(edge, ""))


def decade(m: re.Match[str], ctx: Context) -> Reading | None:
    if m["century"]:
        value = f"{m['century']}{m['decade']}"
    else:
        digit = int(m["short"])
        value = f"{19 if digit >= 3 else 20}{digit}"
    edge = (m["edge"] or "").lower()
    return Reading(TimeType.DATE, value, modifier=EDGE_MODIFIER.get(edge, ""))


def century(m: re.Match[str], ctx: Context) -> Reading | None:
    return Reading(TimeType.DATE, f"{int(m['n']) - 1:02d}")


def quarter(m: re.Match[str], ctx: Context) -> Reading | None:
    n = ORDINALS[m["ord"].lower()]
    if m["year"] or m["year0"]:
        return Reading(TimeType.DATE, f"{m['year'] or m['year0']}-Q{n}")
    anchor = ctx.anchor
    if anchor is None or anchor.year is None or anchor.month is None:
        return Reading(TimeType.DATE, f"XXXX-Q{n}", relative=True)
    # Quarterly results are reported after the quarter: one that has not begun yet is last year's.
    year = anchor.year if 3 * n - 2 <= anchor.month else anchor.year - 1
    if (m["rel"] or "").lower() == "next":
        year = anchor.year if 3 * n - 2 > anchor.month else anchor.year + 1
    return Reading(TimeType.DATE, f"{year:04d}-Q{n}", relative=True)


def half(m: re.Match[str], ctx: Context) -> Reading | None:
    n = 1 if m["ord"].lower() in ("first", "1st") else 2
    if m["year"]:
        return Reading(TimeType.DATE, f"{m['year']}-H{n}")
    year = shift_years(ctx.anchor, 0)
    if ctx.anchor and ctx.anchor.year is not None and ctx.anchor.month is not None:
        if n == 2 and ctx.anchor.month <= 6 and not ctx.future(m.start(), m.end()):
            year = shift_years(ctx.anchor, -1)
    return Reading(TimeType.DATE, f"{year}-H{n}", relative=True)


def this_quarter(m: re.Match[str], ctx: Context) -> Reading | None:
    rel = (m["rel"] or "").lower()
    shift = {"next": 1, "this": 0, "current": 0, "coming": 1}.get(rel, -1)
    # "the quarter" of an earnings report is the one it has named ("the fiscal first quarter"); without
    # such a mention it is the last quarter completed before publication.
    anaphor = QUARTER if rel in ("", "latest") else ""
    return Reading(TimeType.DATE, shift_quarters(ctx.anchor, shift), relative=True, anaphor=anaphor)


def reported_period(m: re.Match[str], ctx: Context) -> Reading | None:
    """'the latest period', 'the 1988 period': the reporting period named before, usually a quarter. With
    no quarter named, "the 1988 period" is the year and "the latest period" is too vague to tag."""
    if m["year"]:
        return Reading(TimeType.DATE, m["year"], anaphor=QUARTER_OF_YEAR)
    return Reading(TimeType.DATE, "", relative=True, anaphor=QUARTER)


def season(m: re.Match[str], ctx: Context) -> Reading | None:
    code = SEASONS[m["season"].lower()]
    rel = (m["rel"] or "").lower()
    edge = EDGE_MODIFIER.get((m["edge"] or "").lower(), "")
    if m["year"]:
        return Reading(TimeType.DATE, f"{m['year']}-{code}", modifier=edge)
    if not rel and not edge and not _SEASON_INTRODUCERS.search(ctx.text[: m.start()]):
        return None  # "prices fall", "a spring in his step"
    if not rel and _SEASON_AS_NOUN.match(ctx.text, m.end()):
        return None  # "the fall in prices", "the spring of discontent"; "last fall in Buffalo" stays
    shift = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(rel, 0)
    return Reading(TimeType.DATE, f"{shift_years(ctx.anchor, shift)}-{code}", modifier=edge, relative=True)


def clock(m: re.Match[str], ctx: Context) -> Reading | None:
    hour, minute = int(m["h"]), int(m["min"] or 0)
    if m["min"] is None and m["ampm2"] is None:
        return None  # a bare number is not a time
    meridiem = (m["ampm"] or m["ampm2"] or "").lower().replace(".", "")
    if meridiem == "pm" and hour < 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        return None
    day = full(ctx.anchor)
    prefix = day.isoformat() if day else ""
    return Reading(TimeType.TIME, f"{prefix}T{hour:02d}:{minute:02d}", relative=bool(day))


def named_clock(m: re.Match[str], ctx: Context) -> Reading | None:
    day = full(ctx.anchor)
    prefix = day.isoformat() if day else ""
    return Reading(TimeType.TIME, f"{prefix}T{'12:00' if m[0].lower().endswith('noon') or m[0].lower() == 'midday' else '24:00'}")


_WD = rf"(?:{WEEKDAY}{DATE_COMMA})?"
_ORD = r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)"
_EDGE_OPT = rf"(?:(?i:{EDGE})[-\s]\s*)?"

RULES: tuple[Rule, ...] = (
    # Spaced or hyphenated alike on both sides ("10 Nov 11", "10-Nov-11", tokenised "10 - Nov - 11"), so that
    # "10 Nov-11" and "scores 10-Nov" are not read as dates.
    Rule("day_month_short_year", compile_rule(
        rf"{_WD}{DAY}(?P<sep>\s+|\s?-\s?){SHORT_MONTH}(?P=sep)"
        rf"(?:(?P<yy>\d\d)(?![\d:%]|[.,]\d)|{YEAR4})"), day_month_short_year),
    Rule("month_day", compile_rule(rf"{_WD}{MONTH}\s*{DAY}(?:{DATE_COMMA}{YEAR4})?"), month_day),
    Rule("day_month", compile_rule(rf"{_WD}(?:the\s+)?{DAY}(?:\s+of)?\s+{MONTH}(?:{DATE_COMMA}{YEAR4})?"), month_day),
    Rule("month", compile_rule(rf"{_EDGE_OPT}(?:(?P<rel>(?i:last|next|this|early|late))\s+)?{BARE_MONTH}"
                               rf"(?:{DATE_COMMA}(?:of\s+)?{YEAR4}|\s+(?P<yrel>last|this|next)\s+year)?"), month_alone),
    Rule("month_year", compile_rule(rf"{_EDGE_OPT}(?P<rel>){MONTH}{DATE_COMMA}(?:of\s+)?{YEAR4}"), month_alone),
    Rule("iso_date", compile_rule(r"(?P<y>\d{4})([-/.])(?P<m>\d{1,2})\2(?P<d>\d{1,2})"), numeric_date),
    Rule("us_date", compile_rule(r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})"), numeric_date),
    Rule("year", compile_rule(rf"{_EDGE_OPT}(?:(?i:fiscal|calendar|the year|year)\s+)?{YEAR4}"), year_alone),
    Rule("decade", compile_rule(
        rf"(?i:the\s+)?{_EDGE_OPT}(?:(?P<century>1[6-9]|20)(?P<decade>\d)0|'(?P<short>\d)0)s"), decade),
    Rule("century", compile_rule(r"(?i:the\s+)?(?P<n>1\d|2[01]|[1-9])(?:st|nd|rd|th)[-\s](?i:century)"), century),
    Rule("quarter", compile_rule(
        rf"(?i:(?:the\s+)?(?:(?P<rel>next|last|this)\s+)?(?:year's\s+)?)(?:(?P<year0>1[6-9]\d\d|20\d\d)\s+)?"
        rf"(?i:{_ORD}[-\s](?:fiscal[-\s])?quarter)"
        rf"(?:{DATE_COMMA}(?:of\s+)?(?:(?i:fiscal)\s+)?{YEAR4})?"), quarter),
    Rule("half", compile_rule(
        rf"(?i:(?:the\s+)?(?P<ord>first|second)[-\s]half)(?:\s+of\s+(?:(?i:fiscal)\s+)?{YEAR4})?"), half),
    Rule("this_quarter", compile_rule(
        r"(?i:the\s+(?P<rel>latest|last|previous|past|current|this|next|coming|same)?\s*quarter)"
        r"(?!\s+(?:of|century))"), this_quarter),
    Rule("reported_period", compile_rule(rf"(?i:the\s+(?:latest|most\s+recent|{YEAR4})\s+period)"),
         reported_period),
    Rule("season", compile_rule(
        rf"(?i:{_EDGE_OPT}(?:(?P<rel>this|last|next|past|coming)\s+)?(?P<season>spring|summer|fall|autumn|winter))"
        rf"(?:\s+(?:of\s+)?{YEAR4})?"), season),
    Rule("clock", compile_rule(
        r"(?P<h>[01]?\d|2[0-3])(?::(?P<min>[0-5]\d)(?::\d\d)?\s*(?P<ampm>(?i:a\.m\.|p\.m\.|am\b|pm\b))?"
        r"|\s*(?P<ampm2>(?i:a\.m\.|p\.m\.|am\b|pm\b)))(?:\s+(?:[ECMP][SD]T|GMT|UTC))?"), clock),
    Rule("named_clock", compile_rule(r"(?i:noon|midnight|midday)"), named_clock),
)
