"""Rules for expressions read from the publication date: "yesterday", "on Saturday", "last week",
"two days ago", "earlier this year", "early next year", "year-earlier"."""

from __future__ import annotations

import re
from dataclasses import replace

from service.records import TimeType
from service.timex.anaphora import FOLLOWING, PREVIOUS, QUARTER_YEAR_AGO, SAME
from service.timex.explicit import EDGE_MODIFIER
from service.timex.lexicon import DAY_PARTS, WEEKDAYS
from service.timex.patterns import COUNT, HEDGE, PART_OF_DAY, UNIT, WEEKDAY, compile_rule, number_value, unit_name
from service.timex.reading import Context, Reading, Rule
from service.timex.relative import SHIFTS, shift_days, shift_quarters, shift_years, weekday

_DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
              "the day before yesterday": -2, "the day after tomorrow": 2}
_SHIFT_WORDS = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1,
                "this": 0, "current": 0, "the current": 0, "full": 0, "latest": -1}
_SPAN_MODIFIER = {"earlier": "", "later": "", **EDGE_MODIFIER}
HEDGE_MODIFIER = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX",
    "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN", "fewer than": "LESS_THAN",
    "under": "LESS_THAN", "barely": "LESS_THAN", "more than": "MORE_THAN", "over": "MORE_THAN",
    "well over": "MORE_THAN", "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
    "little more than": "APPROX",
}


def day_word(m: re.Match[str], ctx: Context) -> Reading | None:
    words = m["word"].lower()
    value = shift_days(ctx.anchor, _DAY_WORDS[" ".join(words.split())])
    part = (m["part"] or "").lower()
    if words == "tonight":
        part = "night"
    if part:
        return Reading(TimeType.TIME, f"{value}T{DAY_PARTS[part]}", relative=True)
    return Reading(TimeType.DATE, value, modifier=EDGE_MODIFIER.get((m["edge"] or "").lower(), ""), relative=True)


def part_of_this_day(m: re.Match[str], ctx: Context) -> Reading | None:
    value = shift_days(ctx.anchor, -1 if m["rel"].lower() == "last" else 0)
    return Reading(TimeType.TIME, f"{value}T{DAY_PARTS[m['part'].lower()]}", relative=True)


def weekday_rule(m: re.Match[str], ctx: Context) -> Reading | None:
    iso = WEEKDAYS[m["wd"].rstrip(".").lower()]
    rel = (m["rel"] or "").lower()
    if rel in ("next", "coming"):
        direction = "future"
    elif rel in ("last", "past"):
        direction = "last"
    elif rel == "this":
        direction = "this"
    else:
        direction = "future" if ctx.future(m.start(), m.end()) else "past"
    value = weekday(ctx.anchor, iso, direction)
    if m["part"]:
        return Reading(TimeType.TIME, f"{value}T{DAY_PARTS[m['part'].lower()]}", relative=True)
    return Reading(TimeType.DATE, value, relative=True)


def clock_on_weekday(m: re.Match[str], ctx: Context) -> Reading | None:
    """'9 a.m. Tuesday', 'noon Saturday': the clock time on the day the weekday rule picks."""
    if m["named"]:
        clock = "12:00" if m["named"].lower() == "noon" else "24:00"
    else:
        hour, minute = int(m["h"]), int(m["min"] or 0)
        meridiem = m["ampm"].lower().replace(".", "")
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
        if hour > 23 or minute > 59:
            return None
        clock = f"{hour:02d}:{minute:02d}"
    day = weekday(ctx.anchor, WEEKDAYS[m["wd"].rstrip(".").lower()],
                  "future" if ctx.future(m.start(), m.end()) else "past")
    return Reading(TimeType.TIME, f"{day}T{clock}", relative=True)


def this_unit(m: re.Match[str], ctx: Context) -> Reading | None:
    unit = unit_name(m["unit"])
    shift = _SHIFT_WORDS[" ".join(m["rel"].lower().split())]
    edge = (m["edge"] or "").lower()
    if m["rel"].lower() == "latest":
        # "the latest fiscal year" is the last one completed, not a year's length
        return Reading(TimeType.DATE, SHIFTS[unit](ctx.anchor, -1), relative=True) if unit in SHIFTS else None
    if m["the"] and shift != 0 and not edge:
        # "the past year", "the next decade": a stretch of time counted from now, not a calendar unit;
        # but "the following year" after "1995" is 1996
        reading = _duration(1, unit, "", vague=False)
        sequel = {"following": FOLLOWING, "previous": PREVIOUS}.get(m["rel"].lower(), "")
        return replace(reading, anaphor=sequel + unit) if sequel else reading
    if unit == "weekend":
        value = SHIFTS["week"](ctx.anchor, shift)
        value = value + "-WE" if "X" not in value else "XXXX-WXX-WE"
    else:
        value = SHIFTS[unit](ctx.anchor, shift)
    return Reading(TimeType.DATE, value, modifier=_SPAN_MODIFIER.get(edge, ""), relative=True)


def ago(m: re.Match[str], ctx: Context) -> Reading | None:
    unit = unit_name(m["unit"])
    count = number_value(m["num"]) if m["num"] else None
    direction = -1 if m["dir"].lower() in ("ago", "earlier", "before") else 1
    modifier = HEDGE_MODIFIER.get((m["hedge"] or "").lower(), "")
    if count is None and m["dir"].lower() in ("earlier", "later"):
        # "a few days later" counts from another event: only the vague length is known
        return _duration(None, unit, modifier, vague=True)
    if count is None or count != int(count) or unit not in SHIFTS:
        return Reading(TimeType.DATE, "PAST_REF" if direction < 0 else "FUTURE_REF", modifier, vague=True,
                       relative=True)
    if unit == "year" and count == 1 and direction < 0 and _reports_quarter(ctx, m.start()):
        return Reading(TimeType.DATE, _year_ago_quarter(ctx), modifier, relative=True, anaphor=QUARTER_YEAR_AGO)
    return Reading(TimeType.DATE, SHIFTS[unit](ctx.anchor, direction * int(count)), modifier, relative=True)


def _reports_quarter(ctx: Context, start: int) -> bool:
    """Earnings reports compare a quarter with the same quarter a year before: "a year ago" in a sentence
    about a quarter's results is that quarter, not the whole year. The quarter is often named in the
    sentence before ("Profit rose in the third quarter. A year earlier, ...")."""
    previous_stop = ctx.text.rfind(". ", 0, start)
    sentence_start = max(ctx.text.rfind(". ", 0, max(previous_stop, 0)), 0)
    sentence_end = ctx.text.find(". ", start)
    sentence = ctx.text[sentence_start : sentence_end if sentence_end >= 0 else len(ctx.text)]
    return bool(re.search(r"\bquarter\b", sentence, re.IGNORECASE))


def _year_ago_quarter(ctx: Context) -> str:
    # Unless the text names the quarter reported (see anaphora), it is the last one completed before
    # publication; a year before it is five quarters back.
    return shift_quarters(ctx.anchor, -5)


def year_earlier(m: re.Match[str], ctx: Context) -> Reading | None:
    what = (m["what"] or "").lower()
    if what == "quarter" or _reports_quarter(ctx, m.start()):
        return Reading(TimeType.DATE, _year_ago_quarter(ctx), relative=True, anaphor=QUARTER_YEAR_AGO)
    # "the year-earlier period" is a quarter when the text reports one, else the year before
    anaphor = QUARTER_YEAR_AGO if what == "period" else ""
    return Reading(TimeType.DATE, shift_years(ctx.anchor, -1), relative=True, anaphor=anaphor)


_UNIT_LETTER = {"second": "TS", "minute": "TM", "hour": "TH", "day": "D", "week": "W", "weekend": "WE",
                "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE"}


def year_end(m: re.Match[str], ctx: Context) -> Reading | None:
    """'by year-end' is the end of the year in progress; 'since year-end' the end of the last one."""
    lead = m["lead"].lower()
    year = shift_years(ctx.anchor, -1 if lead == "since" else 0)
    if lead in ("around", "near"):  # a hedge belongs to the expression
        return Reading(TimeType.DATE, f"{year}-12-31", "APPROX", relative=True)
    return Reading(TimeType.DATE, f"{year}-12-31", relative=True, start_offset=len(lead) + 1)


def same_unit(m: re.Match[str], ctx: Context) -> Reading | None:
    """'that year', 'that same day': the year or day last named; untagged when none was."""
    return Reading(TimeType.DATE, "", relative=True, anaphor=SAME + m["unit"].lower())


def _amount(count: float) -> str:
    return str(int(count)) if count == int(count) else f"{count:g}"


def _duration(count: float | None, unit: str, modifier: str, vague: bool, upper: float | None = None) -> Reading:
    letter = _UNIT_LETTER[unit]
    if unit == "fortnight" and count is not None:
        count *= 2
    prefix = "PT" if letter.startswith("T") else "P"
    letter = letter.lstrip("T")
    if count is None:
        return Reading(TimeType.DURATION, f"{prefix}X{letter}", modifier, vague=vague)
    value = f"{prefix}{_amount(count)}{letter}"
    if upper is not None:  # "10 to 15 years": TIMEX3 has no range value; the bounds are kept as lower/upper
        value = f"{value}/{prefix}{_amount(upper)}{letter}"
    return Reading(TimeType.DURATION, value, modifier, vague=vague)


def duration(m: re.Match[str], ctx: Context) -> Reading | None:
    unit = unit_name(m["unit"])
    words = m["num"].lower() if m["num"] else ""
    hedge = (m["hedge"] or "").lower()
    lead = " ".join((m["lead"] or "").lower().split())
    start_offset = 0
    if hedge == "over" and lead:
        # "over the next decade": "over" is the preposition, not "more than"
        start_offset, hedge = len(m["hedge"]) + 1, ""
    modifier = HEDGE_MODIFIER.get(hedge, "")
    if unit == "quarter" and "-" in m[0] and m["unit"].lower().endswith("s"):
        return None  # "three-quarters" is a fraction
    if _AGE.match(ctx.text, m.end()):
        return None  # "52 years old" is a person's age, not a stretch of time the text speaks of
    if unit == "second" and words in ("a", "an") and _ORDINAL_NOUN.match(ctx.text, m.end()):
        return None  # "a second group", "a second betrayal": the ordinal, not a clock second
    if _is_title(m):
        return None  # "CBS's 60 Minutes" is a programme
    pieces = re.split(r"\s*(?:\bto\b|-|\bor\b|\band\b)\s*", words) if words else []
    if len(pieces) == 2 and all(number_value(p) is not None for p in pieces):
        low, high = (number_value(p) for p in pieces)
        return _shifted(_duration(low, unit, modifier, vague=False, upper=high), start_offset)
    count = number_value(words) if words else None
    if words in ("a", "an") and not hedge and not lead and _is_rate(ctx, m.start()):
        return None  # "$30 million a year" is a rate
    if not words:
        if lead == "the":
            reading = _the_unit(m, ctx, unit)
            return _shifted(reading, start_offset) if reading else None
        if not lead and not hedge:
            return None
        if not m["unit"].lower().endswith("s"):
            count = 1  # "the past year", "over the next decade"
    return _shifted(_duration(count, unit, modifier, vague=count is None), start_offset)


def _shifted(reading: Reading, start_offset: int) -> Reading:
    if not start_offset:
        return reading
    return Reading(reading.type, reading.value, reading.modifier, reading.vague, reading.relative, start_offset)


_AGE = re.compile(r"\s+old\b", re.IGNORECASE)
_ORDINAL_NOUN = re.compile(r"\s+(?!(?:later|ago|earlier|before|after|or|and|longer|more)\b)[a-z]")


def _is_title(m: re.Match[str]) -> bool:
    """A capitalised unit after a number in lowercase prose names something ("CBS's 60 Minutes"); a unit
    that opens the expression ("Days later") or a headline in capitals is an ordinary word."""
    unit = m["unit"]
    return m.start("unit") > m.start() and unit[:1].isupper() and unit[1:].islower()

_CALENDAR_INTRODUCER = re.compile(r"\b(?:in|of|during|through|throughout|since|until|by)\s+$", re.IGNORECASE)


def _the_unit(m: re.Match[str], ctx: Context, unit: str) -> Reading | None:
    """'the year' is the current calendar year after "in"/"of" ("earlier in the year"), else a year's length;
    'the weekend' is the nearest weekend; 'the day', 'the second' are too ambiguous to tag."""
    if m["unit"].lower().endswith("s") or unit in ("second", "minute", "hour", "day", "fortnight"):
        return None
    if unit == "weekend":
        value = SHIFTS["week"](ctx.anchor, 1 if ctx.future(m.start(), m.end()) else -1)
        value = value + "-WE" if "X" not in value else "XXXX-WXX-WE"
        return Reading(TimeType.DATE, value, relative=True)
    if _CALENDAR_INTRODUCER.search(ctx.text[max(0, m.start() - 20) : m.start()]):
        return Reading(TimeType.DATE, SHIFTS[unit](ctx.anchor, 0), relative=True)
    return _duration(1, unit, "", vague=False)


def _is_rate(ctx: Context, start: int) -> bool:
    before = ctx.text[max(0, start - 30) : start]
    return bool(re.search(r"\d|\b(?:million|billion|thousand|hundred|times|once|twice)\b", before))


def bare_units(m: re.Match[str], ctx: Context) -> Reading | None:
    return _duration(None, unit_name(m["unit"]), "", vague=True)


_VAGUE = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "at present": "PRESENT_REF", "at the moment": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF", "in the past": "PAST_REF",
    "soon": "FUTURE_REF", "as soon as possible": "FUTURE_REF", "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF",
    "the foreseeable future": "FUTURE_REF", "shortly": "FUTURE_REF", "current": "PRESENT_REF",
}


# "soon after the bombing", "as soon as trading opened", "was soon released": these count from another
# event or from the story's own past, not from the publication date, and TimeML leaves them untagged.
_RELATIONAL_AFTER = re.compile(r"\s+(?:after|afterwards?|before|as|thereafter)\b", re.IGNORECASE)
_RELATIONAL_BEFORE = re.compile(r"\b(?:as|was|were|had|been)\s+$", re.IGNORECASE)
_PAST_VERB_AFTER = re.compile(r"\s+(?:\w+ed|became|began|came|went|found|took|left|gave|made|fell|rose)\b",
                              re.IGNORECASE)


def _relates_to_other_event(m: re.Match[str], ctx: Context) -> bool:
    before = ctx.text[max(0, m.start() - 10) : m.start()]
    return bool(_RELATIONAL_AFTER.match(ctx.text, m.end()) or _RELATIONAL_BEFORE.search(before)
                or _PAST_VERB_AFTER.match(ctx.text, m.end()))


def vague_ref(m: re.Match[str], ctx: Context) -> Reading | None:
    phrase = " ".join(m[0].lower().split())
    if phrase in ("soon", "shortly") and _relates_to_other_event(m, ctx):
        return None
    if phrase == "in the past":
        return Reading(TimeType.DATE, "PAST_REF", vague=True, start_offset=3)
    return Reading(TimeType.DATE, _VAGUE[phrase], vague=True)


def long_lasting(m: re.Match[str], ctx: Context) -> Reading | None:
    return Reading(TimeType.DURATION, "PX", vague=True)


_SET_UNITS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
              "nightly": "P1D", "hourly": "PT1H"}


def frequency_word(m: re.Match[str], ctx: Context) -> Reading | None:
    if m[0].lower() in ("annually", "yearly") and _is_rate(ctx, m.start()):
        return None  # "rise 8.5% annually", "10,000 units annually": a rate, which TimeBank leaves untagged
    return Reading(TimeType.SET, _SET_UNITS[m[0].lower()])


def every(m: re.Match[str], ctx: Context) -> Reading | None:
    if m["wd"]:
        return Reading(TimeType.SET, f"XXXX-WXX-{WEEKDAYS[m['wd'].rstrip('.').lower()]}")
    unit = unit_name(m["unit"])
    count = number_value(m["num"]) if m["num"] else 1
    letter = _UNIT_LETTER[unit]
    prefix = "PT" if letter.startswith("T") else "P"
    return Reading(TimeType.SET, f"{prefix}{_amount(count or 1)}{letter.lstrip('T')}")


def per_unit(m: re.Match[str], ctx: Context) -> Reading | None:
    if not _is_rate(ctx, m.start()):
        return None  # a rate needs an amount before it: "$30 million a year"
    letter = _UNIT_LETTER[unit_name(m["unit"])]
    prefix = "PT" if letter.startswith("T") else "P"
    return Reading(TimeType.SET, f"{prefix}1{letter.lstrip('T')}", start_offset=0)


_REL = r"(?P<rel>(?i:last|next|this|past|coming|previous|following|current|the current|latest))"
_EDGE_OPT = rf"(?:(?P<edge>(?i:earlier|later|early|late|mid|the end of|the beginning of|the start of|the middle of)"
_EDGE_OPT += r")[-\s]\s*)?"
_UNIT_SINGLE = r"(?P<unit>week|weekend|month|year|decade|century|quarter)"
# "before"/"after" are left out: "30 days before the vote" counts from the vote, not from the anchor.
_DIRECTION = r"(?P<dir>ago|earlier|later|from now|hence)"
_LEAD = r"(?P<lead>the\s+(?:past|last|next|previous|coming|first|final|latest|following|same|other)\s+|the\s+)"

RULES: tuple[Rule, ...] = (
    Rule("day_word", compile_rule(
        rf"(?:(?P<edge>(?i:early|late))\s+)?(?P<word>(?i:today|tonight|yesterday|tomorrow|"
        rf"the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)))(?:\s+(?i:{PART_OF_DAY}))?"), day_word),
    Rule("part_of_day", compile_rule(rf"(?i:(?P<rel>this|last)\s+{PART_OF_DAY})"), part_of_this_day),
    Rule("weekday", compile_rule(
        rf"(?:(?P<rel>(?i:last|next|this|past|coming))\s+)?{WEEKDAY}(?:\s+(?i:{PART_OF_DAY}))?"), weekday_rule),
    Rule("clock_on_weekday", compile_rule(
        rf"(?:(?P<h>1[0-2]|0?[1-9])(?::(?P<min>[0-5]\d))?\s*(?P<ampm>(?i:a\.m\.|p\.m\.|am\b|pm\b))"
        rf"|(?P<named>(?i:noon|midnight)))(?:\s+(?:[ECMP][SD]T|GMT))?,?\s+(?:(?i:on)\s+)?{WEEKDAY}"),
        clock_on_weekday),
    Rule("this_unit", compile_rule(
        rf"{_EDGE_OPT}(?P<the>(?i:the)\s+)?{_REL}\s+(?:(?i:fiscal)\s+)?(?i:{_UNIT_SINGLE})"), this_unit),
    # "the full year" of an earnings report is the year in progress
    Rule("full_year", compile_rule(r"(?P<the>(?i:the)\s+)(?P<rel>(?i:full))\s+(?P<edge>)(?P<unit>(?i:year))"),
         this_unit),
    Rule("year_end", compile_rule(
        r"(?i:(?P<lead>by|since|at|until|before|after|around|near)\s+(?:the\s+)?year[-\s]end)"), year_end),
    Rule("same_unit", compile_rule(r"(?i:that\s+(?:same\s+|very\s+)?(?P<unit>day|month|year))"), same_unit),
    Rule("ago", compile_rule(
        rf"(?i:(?:{HEDGE}\s+)?{COUNT}\s+{UNIT}\s+{_DIRECTION})(?!\s+(?:the|a|an|his|her|its|their|this|that)\b)"),
        ago),
    Rule("year_earlier", compile_rule(
        r"(?i:(?:the\s+)?year[-\s](?:earlier|ago)(?:\s+(?P<what>quarter|period))?)"), year_earlier),
    Rule("duration", compile_rule(
        rf"(?i:(?:{HEDGE}\s+)?{_LEAD}?(?:{COUNT}(?:\s+(?:more|additional|straight|consecutive|full))?[-\s]+)?"
        rf"{UNIT}(?:-long)?)"), duration),
    Rule("bare_units", compile_rule(
        r"(?i:(?<=for )|(?<=in )|(?<=within )|(?<=over )|(?<=recent )|(?<=coming ))"
        r"(?i:(?P<unit>days|weeks|months|years|decades|centuries))"),
        bare_units),
    Rule("vague", compile_rule(
        r"(?i:right now|now|currently|nowadays|these days|at present|at the moment|recently|lately|in the past|"
        r"the past|as soon as possible|soon|the near future|the foreseeable future|the future|shortly|"
        r"current(?!\s+(?:account|accounts|affairs|events|assets|liabilities|prices|dollars|law|rules|system)\b))"
        r"(?!\s*-)"), vague_ref),
    # "long-stalled" says only that a long time passed; the hyphen that follows is part of the compound.
    Rule("long_lasting", re.compile(r"(?<![\w-])(?i:long)(?=-(?:stalled|standing|running|awaited|delayed|time)\b)"),
         long_lasting),
    Rule("frequency", compile_rule(r"(?i:daily|weekly|monthly|annually|yearly|nightly|hourly)"),
         frequency_word),
    Rule("every", compile_rule(
        rf"(?i:(?:every|each)\s+(?:(?P<num>other|\w+)\s+)?(?:{UNIT}|{WEEKDAY}))"), every),
    Rule("per_unit", compile_rule(r"(?i:(?:a|per|an)\s+(?P<unit>day|week|month|year))"), per_unit),
)
