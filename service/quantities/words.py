"""Number words: "six", "twenty-one", "a dozen", "two-thirds", "hundreds of".

Ordinals ("first", "third" on its own) are deliberately absent: they rank, they do not count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "mn": 1e6, "mln": 1e6, "bn": 1e9, "tn": 1e12, "trn": 1e12,
}
# Suffixes glued to a digit ("$5bn", "€300m", "20k", "$160MM" in the trade press's "MM" for millions); "m",
# "mm" and "k" only count when glued.
GLUED_SCALES: dict[str, float] = {
    "k": 1e3, "m": 1e6, "mm": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12,
}

DENOMINATORS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
    "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10,
}


@dataclass(frozen=True, slots=True)
class VagueAmount:
    """A plural scale word used as an amount: "hundreds of" is at least two hundred and below a thousand."""

    low: float
    high: float


# "dozens of" starts at two dozen; "hundreds of" at two hundred; each stops below the next order of magnitude.
VAGUE_PLURALS: dict[str, VagueAmount] = {
    "dozens": VagueAmount(24, 99),
    "scores": VagueAmount(40, 199),
    "hundreds": VagueAmount(200, 999),
    "thousands": VagueAmount(2_000, 9_999),
    "tens of thousands": VagueAmount(20_000, 99_999),
    "hundreds of thousands": VagueAmount(200_000, 999_999),
    "millions": VagueAmount(2e6, 999e6),
    "billions": VagueAmount(2e9, 999e9),
}

CARDINAL_WORD = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
# "twenty-one", "twenty one", "one hundred and twenty", "a dozen", "two million"
NUMBER_WORDS_PATTERN = (
    rf"(?:(?:{CARDINAL_WORD})(?:[- ](?:{CARDINAL_WORD}))*"
    rf"(?:\s+(?:hundred|thousand)(?:\s+and)?(?:\s+(?:{CARDINAL_WORD})(?:[- ](?:{CARDINAL_WORD}))?)?)*"
    r"|a\s+dozen|half\s+a\s+dozen|a\s+hundred|a\s+thousand)"
)
FRACTION_PATTERN = (
    rf"(?:(?:{CARDINAL_WORD}|a|one)[- ](?:{'|'.join(DENOMINATORS)})|half)"
)

_TOKEN = re.compile(r"[a-z]+")


def parse_number_words(phrase: str) -> float | None:
    """The value of a cardinal phrase ("twenty-one" -> 21, "a dozen" -> 12), or None when it is not one."""
    words = _TOKEN.findall(phrase.lower())
    if not words:
        return None
    if words == ["a", "dozen"]:
        return 12.0
    if words == ["half", "a", "dozen"]:
        return 6.0
    total = 0.0
    current = 0.0
    seen_number = False
    for index, word in enumerate(words):
        if word == "and":
            continue
        if word == "a" and index == 0:
            current = 1.0
            seen_number = True
        elif word in UNITS:
            current += UNITS[word]
            seen_number = True
        elif word in TENS:
            current += TENS[word]
            seen_number = True
        elif word == "hundred":
            current = (current or 1.0) * 100
        elif word in ("thousand", "million", "billion", "trillion"):
            total += (current or 1.0) * SCALES[word]
            current = 0.0
        else:
            return None
    return total + current if seen_number else None


def parse_fraction(phrase: str) -> float | None:
    """The value of a fraction phrase ("two-thirds" -> 0.667, "a quarter" -> 0.25, "half" -> 0.5)."""
    words = _TOKEN.findall(phrase.lower())
    if words == ["half"]:
        return 0.5
    if len(words) != 2 or words[1] not in DENOMINATORS:
        return None
    numerator = 1 if words[0] in ("a", "one") else UNITS.get(words[0], TENS.get(words[0]))
    if numerator is None:
        return None
    return numerator / DENOMINATORS[words[1]]
