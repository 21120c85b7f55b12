"""A cheap name finder for story clustering when no entity extraction is at hand (evaluation corpora)."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
_SENTENCE_END = ".!?:\n"
# Capitalised words that are not names: sentence openers and calendar words carry no story identity.
_NOT_NAMES = frozenset(
    """the a an and but or in on at of for to from by with as it its he she they we i this that these those there
    his her their our my you your monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december mr mrs ms dr""".split()
)


def capitalised_names(text: str) -> tuple[str, ...]:
    """Lower-cased capitalised words that do not open a sentence, in order of first appearance."""
    found: dict[str, None] = {}
    for match in _WORD.finditer(text):
        word = match.group(0).rstrip(".")
        before = text[max(0, match.start() - 8) : match.start()].rstrip(" \t\"“‘'(")
        if not word or not word[0].isupper() or not before or before[-1] in _SENTENCE_END:
            continue
        lowered = word.lower()
        if lowered not in _NOT_NAMES and len(lowered) > 1:
            found.setdefault(lowered, None)
    return tuple(found)
