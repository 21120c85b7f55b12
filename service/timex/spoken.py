"""Years said aloud, as broadcast transcripts write them: "nineteen ninety-six", "January nineteen
ninety-seven", "the winter of nineteen ninety-four", "the year two thousand", "the nineties"."""

from __future__ import annotations

import re

from service.records import TimeType
from service.timex.lexicon import MONTHS, NUMBER_WORDS, SEASONS
from service.timex.patterns import compile_rule
from service.timex.reading import Context, Reading, Rule

_TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = r"one|two|three|four|five|six|seven|eight|nine"
_TEENS = r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
# "nineteen ninety-six", "nineteen oh five", "eighteen hundred": a century word, then the year within it.
_CENTURY_YEAR = (
    rf"(?P<century>eighteen|nineteen)\s+(?:(?P<hundred>hundred)(?:\s+and\s+(?P<after>(?:{_TENS})(?:[- ](?:{_ONES}))?"
    rf"|{_TEENS}|{_ONES}))?|oh[- ](?P<oh>{_ONES})|(?P<within>(?:{_TENS})(?:[- ](?:{_ONES}))?|{_TEENS}))"
)
# "two thousand" alone is usually a count ("two thousand troops"): only "the year two thousand" is a year.
_MILLENNIUM_YEAR = rf"the\s+year\s+two\s+thousand(?:\s+(?:and\s+)?(?P<millennium_after>{_TEENS}|{_ONES}))?"
# "the nineties" is a decade of the twentieth century; "in his nineties" (an age) lacks the "the".
_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}
_DECADE_EDGES = {"early": "START", "mid": "MID", "late": "END"}
_MONTH_NAMES = "|".join(name.capitalize() for name in MONTHS if len(name) > 4 or name in ("may", "june", "july"))
_SEASON_NAMES = "|".join(SEASONS)


def _words_value(words: str) -> int:
    parts = re.split(r"[- ]", words.lower())
    return int(sum(NUMBER_WORDS[part] for part in parts))


def _year(m: re.Match[str]) -> int:
    if m["millennium"]:
        return 2000 + (_words_value(m["millennium_after"]) if m["millennium_after"] else 0)
    base = 100 * _words_value(m["century"])
    if m["hundred"]:
        return base + (_words_value(m["after"]) if m["after"] else 0)
    if m["oh"]:
        return base + _words_value(m["oh"])
    return base + _words_value(m["within"])


def spoken_year(m: re.Match[str], ctx: Context) -> Reading | None:
    year = _year(m)
    if m["mon"]:
        return Reading(TimeType.DATE, f"{year:04d}-{MONTHS[m['mon'].lower()]:02d}")
    if m["season"]:
        return Reading(TimeType.DATE, f"{year:04d}-{SEASONS[m['season'].lower()]}")
    return Reading(TimeType.DATE, f"{year:04d}")


def spoken_decade(m: re.Match[str], ctx: Context) -> Reading | None:
    modifier = _DECADE_EDGES.get((m["edge"] or "").lower(), "")
    return Reading(TimeType.DATE, f"19{_DECADE_WORDS[m['decade'].lower()]}", modifier)


RULES: tuple[Rule, ...] = (
    Rule("spoken_year", compile_rule(
        rf"(?:(?P<mon>{_MONTH_NAMES}),?\s+|(?i:(?:the\s+)?(?P<season>{_SEASON_NAMES})\s+of\s+))?"
        rf"(?i:(?P<millennium>{_MILLENNIUM_YEAR})|{_CENTURY_YEAR})"), spoken_year),
    Rule("spoken_decade", compile_rule(
        rf"(?i:the\s+(?:(?P<edge>early|mid|late)[-\s]+)?(?P<decade>{'|'.join(_DECADE_WORDS)}))"), spoken_decade),
)
