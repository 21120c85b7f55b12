"""Regular-expression pieces of the temporal grammar (HeidelTime-style: explicit patterns, no learning)."""

from __future__ import annotations

import re

from service.timex.lexicon import NUMBER_WORDS

_MONTH_FULL = r"January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_ABBR = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
# A month name before a day or year: case-insensitive enough for headlines in capitals. Tokenised text spaces
# the abbreviation's dot ("Nov . 22"); a spaced dot is the month's only when a figure follows, else it ends
# the sentence.
MONTH = (
    rf"(?P<mon>(?:{_MONTH_FULL}|{_MONTH_FULL.upper()})"
    rf"|(?:{_MONTH_ABBR}|{_MONTH_ABBR.upper()})(?:\.|\s\.(?=\s*\d))?)"
)
# A month on its own must be a capitalised full name or a dotted abbreviation ("march" is a verb).
BARE_MONTH = rf"(?P<mon>{_MONTH_FULL}|(?:{_MONTH_ABBR})\.)"
# A month abbreviated as in the day-month-year dates of military, Indian and British usage ("10 Nov 11",
# "3 Jan 09", "10-Nov-11"), where no full name is written; May is its own abbreviation.
SHORT_MONTH = rf"(?P<mon>(?:{_MONTH_ABBR}|May|{_MONTH_ABBR.upper()}|MAY)\.?)"
WEEKDAY = (
    r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.)"
)
DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:%]|\.\d|,\d{3})"
# The comma between the parts of a date, as written ("November 22, 2013") or with a space before it too, as
# tokenised text and some typed text write it ("November 22 , 2013", "Monday , November 22").
DATE_COMMA = r"\s*,?\s+"
YEAR4 = r"(?P<year>1[6-9]\d\d|20\d\d)(?![\d%]|[.,]\d|-\d|:\d)"
PART_OF_DAY = r"(?P<part>morning|afternoon|evening|night)"
EDGE = r"(?P<edge>early|mid|late|the end of|the beginning of|the start of|the middle of|the close of)"

_UNIT_WORDS = r"seconds?|minutes?|hours?|days?|weeks?|weekends?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies)"
UNIT = rf"(?P<unit>{_UNIT_WORDS})"

_TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SMALL = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen"
)
_NUMBER_WORD = rf"(?:(?:{_TENS})(?:[- ](?:{_SMALL}))?|{_SMALL}|a hundred|hundred|a dozen|dozen|a couple of|half a|an?)"
NUMBER = rf"(?:\d+(?:\.\d+)?(?: \d/\d)?|{_NUMBER_WORD})"
COUNT = rf"(?P<num>{NUMBER}(?:\s*(?:to|-|or|and)\s*{NUMBER})?|several|a few|few|many|some)"
HEDGE = (
    r"(?P<hedge>about|around|approximately|roughly|nearly|almost|some|more than|less than|fewer than|"
    r"over|under|at least|at most|up to|just|only|barely|little more than|well over)"
)

def number_value(word: str) -> float | None:
    """'twenty-four' -> 24, '2.5' -> 2.5, 'a' -> 1; None for 'several'."""
    word = word.lower().strip()
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    if m := re.fullmatch(r"(\d+)(?:\.(\d+))?(?: (\d)/(\d))?", word):
        value = float(f"{m[1]}.{m[2] or 0}")
        return value + int(m[3]) / int(m[4]) if m[3] else value
    parts = re.split(r"[- ]", word)
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    return None


def unit_name(word: str) -> str:
    word = word.lower()
    if word.startswith("centur"):
        return "century"
    return word[:-1] if word.endswith("s") else word


def compile_rule(pattern: str, ignore_case: bool = False) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w$€£#/.-]){pattern}(?![\w/-])", re.IGNORECASE if ignore_case else 0)
