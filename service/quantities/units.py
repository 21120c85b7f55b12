"""Currencies and units of measure, written before or after a figure, normalised to one code each."""

from __future__ import annotations

import re

# "$" is read as US dollars: the news this service reads overwhelmingly means USD by a bare "$".
CURRENCY_SIGNS: dict[str, str] = {
    "us$": "USD", "$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
    "₽": "RUB", "rub": "RUB", "¥": "JPY", "jpy": "JPY", "c$": "CAD", "a$": "AUD",
}
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD", "dollars": "USD", "us dollars": "USD", "u.s. dollars": "USD", "euro": "EUR", "euros": "EUR",
    "pounds sterling": "GBP", "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB", "yen": "JPY",
    "yuan": "CNY",
}
PERCENT_WORDS = ("%", "percent", "per cent", "pct")

MEASURES: dict[str, str] = {
    "km": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
    "mile": "mile", "miles": "mile", "metre": "m", "metres": "m", "meter": "m", "meters": "m",
    "kg": "kg", "kilogram": "kg", "kilograms": "kg", "tonne": "tonne", "tonnes": "tonne", "ton": "ton",
    "tons": "ton", "barrel": "barrel", "barrels": "barrel", "feet": "foot", "foot": "foot", "ft": "foot",
    "acre": "acre", "acres": "acre", "hectare": "hectare", "hectares": "hectare", "mph": "mph", "km/h": "km/h",
    "mw": "MW", "megawatts": "MW", "gw": "GW", "gigawatts": "GW", "percentage points": "percentage point",
    "percentage point": "percentage point", "cm": "cm", "centimetres": "cm", "centimeters": "cm", "yards": "yard",
    "yard": "yard", "inches": "inch", "inch": "inch", "lb": "lb", "lbs": "lb",
    "years": "year", "year": "year", "months": "month", "month": "month", "weeks": "week", "week": "week",
    "days": "day", "day": "day", "hours": "hour", "hour": "hour", "minutes": "minute", "minute": "minute",
    "magnitude": "magnitude",
}

# Units of one dimension convert to each other: (dimension, size in the dimension's base unit). A measure in a
# unit absent here is only compared with the same unit.
DIMENSIONS: dict[str, tuple[str, float]] = {
    "m": ("length", 1.0), "km": ("length", 1000.0), "cm": ("length", 0.01), "mile": ("length", 1609.344),
    "foot": ("length", 0.3048), "yard": ("length", 0.9144), "inch": ("length", 0.0254),
    "kg": ("mass", 1.0), "tonne": ("mass", 1000.0), "ton": ("mass", 907.18474), "lb": ("mass", 0.45359237),
    "day": ("duration", 1.0), "week": ("duration", 7.0), "month": ("duration", 30.436875),
    "year": ("duration", 365.2425), "hour": ("duration", 1 / 24), "minute": ("duration", 1 / 1440),
    "km/h": ("speed", 1.0), "mph": ("speed", 1.609344), "MW": ("power", 1.0), "GW": ("power", 1000.0),
    "hectare": ("area", 1.0), "acre": ("area", 0.40468564224),
}


def in_base_unit(unit: str, value: float) -> tuple[str, float]:
    """(dimension, value in the dimension's base unit); a unit of no known dimension is its own dimension."""
    dimension, size = DIMENSIONS.get(unit, (unit, 1.0))
    return dimension, value * size


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


# Currency words that agencies glue to the figure as a sign ("a euro110 billion loan", AP style): read as a sign
# only when glued, so "Euro 2012" (a championship) is no sum.
GLUED_CURRENCY_WORDS: dict[str, str] = {"euro": "EUR", "euros": "EUR"}
# ASCII news text (the Wall Street Journal of the Penn Treebank, wire feeds without "£") writes the pound
# sterling as "#": read so only before a sum in millions or more ("#130.6 million"), never before a hashtag or
# a rank ("#5", "the #1 song").
ASCII_POUND = "#"
_ASCII_POUND_SIGN = r"\#(?=\d[\d,.]*\s+(?:million|billion|trillion)\b)"
CURRENCY_SIGN_PATTERN = (
    rf"(?:{_alternation(list(CURRENCY_SIGNS))}|(?:{_alternation(list(GLUED_CURRENCY_WORDS))})(?=\d)"
    rf"|{_ASCII_POUND_SIGN})"
)
UNIT_AFTER = re.compile(
    rf"^(?:\s*(?P<percent>%)|\s+(?P<percent_word>percent|per\s+cent|pct)\b"
    rf"|\s+(?P<currency>{_alternation(list(CURRENCY_WORDS))})\b"
    rf"|\s*(?P<measure>{_alternation(list(MEASURES))})(?![\w/]))",
    re.IGNORECASE,
)


def currency_of_sign(sign: str) -> str:
    key = sign.lower().replace(" ", "")
    if key == ASCII_POUND:
        return "GBP"
    return CURRENCY_SIGNS.get(key) or GLUED_CURRENCY_WORDS[key]


def currency_of_word(word: str) -> str:
    return CURRENCY_WORDS[" ".join(word.lower().split())]


def measure_of_word(word: str) -> str:
    return MEASURES[" ".join(word.lower().split())]
