"""Finding written amounts in a stretch of text, without the thing they count.

An amount is an optional currency sign, a figure in digits or words, an optional scale ("million", "bn"),
an optional second figure making a range, and an optional unit ("%", "dollars", "km"). Figures that are
really dates, years, times, scores, ordinals, phone numbers, references or parts of names are dropped
here: a wrong amount becomes a false NUMBER_MISMATCH further down.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.quantities.designations import Designation, designation_figure, find_designations
from service.quantities.hedges import apply_hedge, find_hedge
from service.quantities.units import (
    ASCII_POUND,
    CURRENCY_SIGN_PATTERN,
    UNIT_AFTER,
    currency_of_sign,
    currency_of_word,
    measure_of_word,
)
from service.quantities.words import (
    FRACTION_PATTERN,
    GLUED_SCALES,
    NUMBER_WORDS_PATTERN,
    SCALES,
    VAGUE_PLURALS,
    parse_fraction,
    parse_number_words,
)

# Thousands separators may come with spaces: tokenised text writes "20 , 000" and typed text sometimes "20, 000".
# A spaced group is only a separator when it is exactly three digits and no list goes on around the figure
# ("rooms 101, 102 and 103" are three figures): a figure before it or after it ("5, 10, 15") makes it a list.
_SPACED_GROUPS = r"(?<!\d,)(?<!\d ,)(?<!\d, )(?<!\d , )\d{1,3}(?: ?, ?\d{3}(?!\d))+(?!\s?,\s?\d|\s+(?:and|or|to)\s+\d)"
# Tokenised text also spaces the decimal point: "magnitude 6 . 1" is 6.1 (one space on each side, as the
# sentence splitter reads it too).
_DIGITS = rf"(?:\d{{1,3}}(?:,\d{{3}})+|{_SPACED_GROUPS}|\d+)(?:(?:\.| \. )\d+)?"
_VAGUE = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in sorted(VAGUE_PLURALS, key=len, reverse=True))
_SCALE_WORD = r"hundred|thousand|million|billion|trillion|mln|mn|bn|trn|tn"
AMOUNT = re.compile(
    rf"(?:(?<![A-Za-z])(?P<sign>{CURRENCY_SIGN_PATTERN})\s?)?"
    rf"(?:(?P<mixed>(?<![\d/.,])\d+(?:[\s-](?:1/2|1/4|3/4|1/3|2/3)|[½¼¾⅓⅔])(?![\d/]))"
    rf"|(?P<digits>{_DIGITS})(?P<glued>(?:bn|tn|trn|mn|mm|m|k|b)(?![\w-]))?"
    rf"|(?P<fraction>(?<![\w-]){FRACTION_PATTERN}(?![\w-]))"
    rf"|(?P<vague>(?<![\w-])(?:{_VAGUE})(?=\s+(?:of|were|are|have|had|died|dead|killed|injured|wounded|more)\b))"
    rf"|(?P<words>(?<![\w-]){NUMBER_WORDS_PATTERN}(?![\w-])))"
    rf"(?:\s+(?P<scale>{_SCALE_WORD})(?![\w-]))?",
    re.IGNORECASE,
)
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude[\s-]*$", re.IGNORECASE)
_SPACED_DECIMAL = re.compile(r"(?<![\d.])(\d+) \. (?=\d)")


def join_spaced_decimals(text: str) -> str:
    """`text` with each spaced decimal point closed up and the figure moved right to keep every offset:
    "plunged 5 . 4 per cent" becomes "plunged   5.4 per cent", which a parser reads as one number (it reads the
    spaced "." as a sentence end)."""
    return _SPACED_DECIMAL.sub(lambda m: "  " + m.group(1) + ".", text)


RANGE_JOINER = re.compile(r"^\s*(?:-|–|—|to|or|and)\s*", re.IGNORECASE)
BETWEEN_BEFORE = re.compile(r"(?<![\w-])(?:between|from)\s+$", re.IGNORECASE)

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
MONTH_BEFORE = re.compile(rf"(?<![\w-]){_MONTH}\.?\s+$", re.IGNORECASE)
MONTH_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b", re.IGNORECASE)
# "5 years ago", "two days later": a point in time, which the time extractor reads, not an amount.
TIME_OFFSET_AFTER = re.compile(
    r"^\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\s+(?:ago|later|earlier|before|after)\b",
    re.IGNORECASE,
)
CLOCK_AFTER = re.compile(r"^\s*(?:[ap]\.\s?m\.|[ap]m\b|gmt\b|utc\b|[ecmp][sd]t\b|hrs\b|o'clock)", re.IGNORECASE)
PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?|\d{2,4}[\s.-])\d{3}[\s.-]\d{3,4}(?!\d)")
# A figure right after one of these words is a label, not an amount: "page 3", "Resolution 1441", "No. 5".
REFERENCE_WORDS = frozenset(
    "no no. nos. # number article page p. pp. chapter section paragraph item room route flight line version "
    "grade level phase block exit gate channel resolution category vol. volume tier model type class stage "
    "round step part act annex amendment unit apartment suite highway road street avenue platform".split()
)
_PREVIOUS_WORD = re.compile(r"(?P<word>[\w.#]+)\s+$")
_SENTENCE_BOUNDARY = re.compile(r"(?:^|[.!?:;\n\"'“”‘’(\[]\s*)$")


_FRACTIONS = {"1/2": 0.5, "1/4": 0.25, "3/4": 0.75, "1/3": 1 / 3, "2/3": 2 / 3, "½": 0.5, "¼": 0.25, "¾": 0.75,
              "⅓": 1 / 3, "⅔": 2 / 3}
# A unit glued to the figure ("10km", "55km", "20%") or joined by a hyphen ("a 30-month sentence") is a
# measure, not a label; "-year-old" is an age, which the reader takes as a description.
_GLUED_UNIT = re.compile(r"^-?(?:km|m|cm|kg|mph|ft|%|mw|gw|(?:year|month|week|day|hour|minute|mile|metre|meter|"
                         r"kilometre|kilometer|foot|feet|tonne|ton|magnitude)s?)(?![\w/-])", re.IGNORECASE)


# Plurals without an s, after the figure they count ("1500 people", "1370 pence").
_IRREGULAR_PLURAL = re.compile(r"^\s+(?:people|men|women|children|pence|feet|teeth|mice|geese)\b")
# ... except after the prepositions that date a clause: "In 1998 women won the vote", "since 2005 doctors have".
_YEAR_PREPOSITION = re.compile(r"\b(?:in|since|until|till|during)\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Amount:
    """A written amount; offsets are into the text it was found in."""

    start: int
    end: int
    figure_start: int  # where the first figure itself begins (after hedge, "between" and sign)
    figure_end: int  # where the last figure (and its scale) ends, before any unit
    value: float
    low: float
    high: float
    unit: str
    hedge: str
    approximate: bool
    kind: str  # "digits", "words", "fraction" or "vague": how the first figure was written
    figure_text: str
    scale: float = 1.0  # the scale written with the figures: 1e6 for "3 million", "$2bn"
    bounded: bool = False  # a range with both bounds written ("12-15", "#130 million to #135 million")


@dataclass(frozen=True, slots=True)
class _Figure:
    start: int
    end: int
    value: float
    low: float
    high: float
    has_scale: bool
    kind: str
    sign: str
    decimals: int
    scale: float


def find_amounts(text: str) -> list[Amount]:
    """Every amount written in `text`, left to right, non-overlapping."""
    masked = _mask(text, PHONE)
    names = find_designations(masked)
    amounts: list[Amount] = []
    position = 0
    while True:
        match = AMOUNT.search(masked, position)
        if match is None:
            return amounts
        position = match.end()
        first = _figure(masked, match, names)
        if first is None:
            continue
        amount, consumed = _complete(masked, text, first, match.end(), names)
        position = max(position, consumed)
        if amount is not None:
            amounts.append(amount)


def _mask(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(lambda m: "#" * len(m.group()), text)


def _figure(text: str, match: re.Match[str], names: list[Designation], range_sign: str = "") -> _Figure | None:
    """The figure a match reads, or None when the figure is a date, year, time, label or part of a name.
    `range_sign` is the currency sign of the first bound when the match is the second bound of a range: in
    "$140-150M" the sign is written once, and makes the "M" of the second bound a scale as it would on its own."""
    sign = match.group("sign") or range_sign
    if TIME_OFFSET_AFTER.match(text[match.end() :]):
        return None
    scale_word = (match.group("scale") or "").lower()
    glued = (match.group("glued") or "").lower()
    before = text[: match.start()]
    after = text[match.end() :]
    if match.group("mixed"):
        whole, fraction = re.match(r"(\d+)[\s-]?(.*)", match.group("mixed")).groups()  # type: ignore[union-attr]
        value = int(whole) + _FRACTIONS[fraction]
        scale = SCALES.get(scale_word, 1.0)
        # "2½ years" is written to the half: it is neither 2 nor 3, so it keeps the precision of a decimal.
        return _Figure(match.start(), match.end(), value * scale, value * scale, value * scale, scale != 1.0,
                       "digits", sign, 2, scale)
    if match.group("digits"):
        raw = match.group("digits")
        if glued in ("m", "mm", "k", "b") and not sign:
            return None  # "300m" could be metres, "4k" a resolution, "150mm" millimetres: only money makes the
            # suffix a scale
        if designation_figure(names, match.start("digits")):
            return None  # "AK - 47", "F-16", "Boeing 737": the figure of a name
        # A label glues letters to its figure ("G8"); a currency glued as a sign ("euro110") does too, and is a sum.
        if not (sign.isalpha() or sign == ASCII_POUND) and _looks_like_label(text, match.start("digits"), match.end(),
                                                                              before, after):
            return None
        value = float(raw.replace(",", "").replace(" ", ""))
        decimals = len(raw.split(".")[1].strip()) if "." in raw else 0
        is_year_shaped = not sign and not glued and not scale_word and "," not in raw and "." not in raw
        # "1050 seats" counts seats: a year is never followed by the plural noun it would count, whether the
        # plural ends in s or not ("1500 people", "1370 pence")
        counts_after = (re.match(r"^\s+(?!years\b)[a-z]{3,}s\b", after) is not None
                        or _IRREGULAR_PLURAL.match(after) is not None) and not _YEAR_PREPOSITION.search(before)
        if is_year_shaped and len(raw) == 4 and 1000 <= value <= 2100 and not UNIT_AFTER.match(after) \
                and not counts_after:
            return None
        kind = "digits"
    else:
        if MONTH_BEFORE.search(before) or MONTH_AFTER.match(after):
            return None
        decimals = 0
        if match.group("fraction"):
            fraction = parse_fraction(match.group("fraction"))
            if fraction is None:
                return None
            value, kind = fraction, "fraction"
        elif match.group("vague"):
            vague = VAGUE_PLURALS[" ".join(match.group("vague").lower().split())]
            return _Figure(match.start(), match.end(), vague.low, vague.low, vague.high, False, "vague", sign, 0, 1.0)
        else:
            parsed = parse_number_words(match.group("words"))
            if parsed is None:
                return None
            value, kind = parsed, "words"
    scale = GLUED_SCALES.get(glued, 1.0) * SCALES.get(scale_word, 1.0)
    value *= scale
    return _Figure(match.start(), match.end(), value, value, value, scale != 1.0, kind, sign, decimals, scale)


def _looks_like_label(text: str, digits_start: int, end: int, before: str, after: str) -> bool:
    previous = text[digits_start - 1] if digits_start > 0 else " "
    previous2 = text[digits_start - 2] if digits_start > 1 else " "
    following = text[end] if end < len(text) else " "
    if previous.isalpha() or previous in "_#":
        return True  # "G8", "#5"
    if _MAGNITUDE_BEFORE.search(before):
        return False  # "a magnitude-7.0 quake"
    if previous == "-" and previous2.isalpha():
        return True  # "SM-3", "F-35"
    if previous in "/." and previous2.isalnum():
        return True  # "1/2", "v.2"
    if _GLUED_UNIT.match(after) and not re.match(r"^-\w+-old\b", after):
        return False
    if following.isalpha() or following == "_":
        return True  # "3rd", "1990s", "4G"
    if following == "-" and end + 1 < len(text) and text[end + 1].isalpha():
        return True  # "14-year-old", "5-member": a modifier, not a count of its own
    if re.match(r"^\s*[:/]\s*\d", after) or re.search(r"\d\s*[:/]\s*$", before):
        return True  # "11:37", "0 : 0", "3/4"
    if CLOCK_AFTER.match(after) or MONTH_BEFORE.search(before) or MONTH_AFTER.match(after):
        return True
    previous_word = _PREVIOUS_WORD.search(before[-30:])
    if previous_word:
        word = previous_word.group("word")
        if word.lower() in REFERENCE_WORDS:
            return True
        text_before_word = before[: len(before) - len(before[-30:]) + previous_word.start()]
        starts_sentence = bool(_SENTENCE_BOUNDARY.search(text_before_word))
        if word[:1].isupper() and word[1:].islower() and not starts_sentence:
            return True  # "Resolution 1441", "Boeing 737": a capitalised name followed by a figure
    return False


def _complete(masked: str, original: str, first: _Figure, end: int,
              names: list[Designation]) -> tuple[Amount | None, int]:
    """Extend a figure to its range partner, unit, hedge and leading "between"; also return where it ends."""
    low, high, value = first.low, first.high, first.value
    figure_end = end
    last = first
    joiner = RANGE_JOINER.match(masked[end:])
    if joiner:
        second_match = AMOUNT.match(masked, end + joiner.end())
        second = _figure(masked, second_match, names, first.sign) if second_match else None
        word = joiner.group().strip().lower()
        between = BETWEEN_BEFORE.search(masked[: first.start])
        allowed = word != "and" or between is not None
        countable = ("digits", "words")
        if second is not None and allowed and first.kind in countable and second.kind in countable:
            first_low = first.low
            if not first.has_scale and second.has_scale:
                first_low *= second.scale  # "$1-2 billion", "1 to 2 million": the scale is shared
            if first_low < second.high:
                low, high = first_low, second.high
                value = (low + high) / 2
                figure_end = second_match.end()
                end = figure_end
                last = second
            elif word in ("-", "–", "—"):
                return None, second_match.end()  # "15-10": a score, not a range
    unit = ""
    sign = first.sign or last.sign
    if sign:
        unit = currency_of_sign(sign)
    rest = masked[end:]
    # "a 30-month sentence": the hyphen stands where a space would (same length, so offsets hold)
    unit_match = UNIT_AFTER.match(" " + rest[1:]) if rest[:1] == "-" else UNIT_AFTER.match(rest)
    if unit_match:
        if unit_match.group("percent") or unit_match.group("percent_word"):
            unit = "%"
        elif unit_match.group("currency") and not unit:
            unit = currency_of_word(unit_match.group("currency"))
        elif unit_match.group("measure") and not unit:
            unit = measure_of_word(unit_match.group("measure"))
        end += unit_match.end()
    if not unit and _MAGNITUDE_BEFORE.search(masked[: first.start]):
        unit = "magnitude"  # "a magnitude 6.1 earthquake" is the "6.1-magnitude quake" of another report
    if first.kind == "fraction":
        # A fraction reads as a share: "two-thirds" sits beside "67%"; writers round shares to the nearest
        # simple fraction, so it stands for its value ± 3 points.
        unit = unit or "%"
        value = value * 100
        low, high = value - 3, value + 3
    elif low == high and (unit or first.has_scale or first.decimals):
        # Money, shares, measures and scaled or decimal figures are rounded as written: "$1.2 trillion"
        # stands for anything that rounds to it.
        half_step = 0.5 * 10 ** (-first.decimals) * first.scale
        low, high = value - half_step, value + half_step
    start = first.start
    between = BETWEEN_BEFORE.search(masked[:start])
    if between and last is not first:
        start = between.start()
    hedge = ""
    found = find_hedge(masked[:start])
    if found is not None:
        hedge, start = found
        point_low, point_high = (value, value) if first.low == first.high and last is first else (low, high)
        low, high = apply_hedge(hedge, point_low, point_high)
    approximate = bool(hedge) or first.kind in ("fraction", "vague")
    figure_start = first.start + (len(masked[first.start :]) - len(masked[first.start :].lstrip()))
    amount = Amount(
        start=start,
        end=end,
        figure_start=figure_start,
        figure_end=figure_end,
        value=value,
        low=low,
        high=high,
        unit=unit,
        hedge=hedge,
        approximate=approximate,
        kind=first.kind,
        figure_text=original[first.start : figure_end],
        scale=max(first.scale, last.scale),
        bounded=last is not first and not hedge,
    )
    return amount, end
