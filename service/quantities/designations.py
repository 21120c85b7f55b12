"""Figures that are part of a model or product name: "AK-47", "AK 47", "F-16", "G8", "Boeing 737", "Windows 7".

Such a figure counts nothing ("six AK-47 rifles" are six rifles, not 47), and the count before the name is of
the noun after it. Tokenised corpora write the hyphen with spaces ("six AK - 47 rifles"); that spaced form is
a name only after a model-like prefix (a short capitalised or upper-case word: "AK", "F", "MiG", "Su") inside
a sentence, so a range or a score between figures ("ages 5 - 7", "won 10 - 2") and a dateline ("ROME - 12
people") are never taken for one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.quantities.units import CURRENCY_SIGNS, GLUED_CURRENCY_WORDS

# Words that are capitalised before a figure without naming a product: a date ("March 5", "Jan - 5"), a day.
_NOT_NAMES = frozenset(
    """
    jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august
    september october november december mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday
    thursday friday saturday sunday
    """.split()
)
# A currency glued to its figure is a sum, not a model: "euro110 billion", "USD5".
_CURRENCIES = frozenset(k for k in (*CURRENCY_SIGNS, *GLUED_CURRENCY_WORDS) if k.isalpha())
# A model-like prefix before a spaced hyphen: "AK", "F", "SU", "MiG", "Su", "Tu" (up to five letters,
# upper-case, or capitalised and short).
_SPACED_PREFIX = r"(?:[A-Z]{1,5}|[A-Z][a-z]{1,2}|[A-Z][a-z]?[A-Z][a-z]?)"
# The figure of a name, with a variant joined by a hyphen ("Boeing 737-800", "Tu-154M").
_FIGURE = r"\d+(?:-\d+)?[A-Za-z]?(?![\d,.]\d)"
_DESIGNATION = re.compile(
    rf"(?<![\w-])(?P<spaced>{_SPACED_PREFIX}) - (?P<spaced_figure>{_FIGURE})(?![\w-])"
    rf"|(?<![\w-])(?P<hyphened>[A-Za-z]{{1,8}})-(?P<hyphened_figure>{_FIGURE})(?![\w-])"
    rf"|(?<![\w-])(?P<glued>[A-Za-z]{{1,8}})(?P<glued_figure>{_FIGURE})(?![\w-])"
    rf"|(?<![\w-])(?P<named>[A-Z][a-z]+|[A-Z]{{2,5}}) (?P<named_figure>\d{{1,4}}(?:-\d+)?s?)(?![\w,.:/-]?\d)(?![\w-])"
)
# Before a capitalised name followed by a figure, or a short capitalised word and a spaced hyphen, a sentence or
# a dateline may be starting ("Police 5, Fire 3" in a table, "ROME - 12 people died"): only a name inside
# running text is read as one.
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n\"'“”‘’(\[]\s*)$")


@dataclass(frozen=True, slots=True)
class Designation:
    """A model or product name with its figure; offsets are into the text searched."""

    start: int
    end: int
    figure_start: int  # where the name's figure begins: it is part of the name, not an amount
    plural: bool  # "seven AK-47s", "nine Boeing 737-700s": the name itself is what is counted


def find_designations(text: str) -> list[Designation]:
    """Every model or product name with a figure in `text`, left to right."""
    found = []
    for match in _DESIGNATION.finditer(text):
        prefix_group = next(g for g in ("spaced", "hyphened", "glued", "named") if match.group(g))
        prefix = match.group(prefix_group)
        if prefix.lower() in _NOT_NAMES or prefix.lower() in _CURRENCIES:
            continue
        if prefix_group in ("named", "spaced") and _SENTENCE_START.search(text[: match.start()]):
            continue  # "Police 5": a table line; "ROME - 12 people were killed": a dateline, not an "AK - 47"
        figure = match.group(f"{prefix_group}_figure")
        found.append(Designation(match.start(), match.end(), match.start(f"{prefix_group}_figure"),
                                 plural=figure.endswith("s") and figure[-2:-1].isdigit()))
    return found


def designation_at(designations: list[Designation], start: int, end: int) -> Designation | None:
    """The name the characters [start, end) lie inside, or None."""
    return next((d for d in designations if d.start <= start and end <= d.end), None)


def designation_figure(designations: list[Designation], start: int) -> bool:
    """Whether a figure starting at `start` is the figure of one of the names."""
    return any(d.figure_start <= start < d.end for d in designations)
