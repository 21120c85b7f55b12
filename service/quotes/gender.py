"""Which pronoun, "he" or "she", an article uses for each person it names.

A "she said" should not resolve to the last man quoted. No lexicon of first names is needed: an article is
consistent with itself, and the pronouns that follow a person's mentions closely ("Clinton said she would …",
"Mrs. Clinton … her campaign") say which one it uses. Honorifics settle it outright.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from service.quotes.people import Mention

MALE = "he"
FEMALE = "she"
_PRONOUNS = re.compile(r"\b(?:(?P<male>[Hh]e|[Hh]is|[Hh]im|[Hh]imself)|(?P<female>[Ss]he|[Hh]er|[Hh]ers|[Hh]erself))\b")
_HONORIFIC = re.compile(r"\b(?:(?P<male>Mr)|(?P<female>Mrs|Ms|Miss|Madam))\.?\s+$")
# how far after a mention its pronouns are looked for: the rest of a typical clause or short sentence
_WINDOW = 120
# one pronoun of the other kind in a window is common ("Trump said she …"), so a person's gender needs a
# clear majority of the pronouns that follow their mentions
_MIN_SHARE = 0.7


def pronoun_genders(text: str, persons: Sequence[Mention], last_name: Mapping[str, str]) -> dict[str, str]:
    """MALE or FEMALE for each person, keyed by `last_name[m.name]` (the form that identifies the person
    across mentions); persons with no clear evidence are left out."""
    votes: dict[str, Counter[str]] = {}
    ordered = sorted(persons, key=lambda m: m.span.start)
    for i, mention in enumerate(ordered):
        key = last_name.get(mention.name, mention.name)
        tally = votes.setdefault(key, Counter())
        honorific = _HONORIFIC.search(text[max(0, mention.span.start - 6) : mention.span.start])
        if honorific:
            tally[MALE if honorific.group("male") else FEMALE] += 3
        end = min(mention.span.end + _WINDOW, ordered[i + 1].span.start if i + 1 < len(ordered) else len(text))
        found = _PRONOUNS.search(text, mention.span.end, max(end, mention.span.end))
        if found:
            tally[MALE if found.group("male") else FEMALE] += 1
    genders = {}
    for key, tally in votes.items():
        total = tally[MALE] + tally[FEMALE]
        for gender in (MALE, FEMALE):
            if total and tally[gender] / total >= _MIN_SHARE:
                genders[key] = gender
    return genders


def pronoun_gender(word: str) -> str | None:
    lowered = word.lower()
    if lowered in ("he", "his", "him"):
        return MALE
    if lowered in ("she", "her"):
        return FEMALE
    return None
