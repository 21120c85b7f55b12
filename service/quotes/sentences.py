"""Sentence boundaries inside a paragraph, ignoring punctuation inside quoted stretches.

Only the attribution search needs them (how far before and after a quote its speaker may be named), so a
punctuation rule with an abbreviation list is enough; boundaries inside quotes are skipped because a quote of
several sentences is attributed as a whole.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence

from service.abbreviations import NO_SENTENCE_END
from service.records import Span
from service.segment import spaced_decimal_point

# Titles and ranks (one table for every splitter), months, and the abbreviations of bodies and places.
_ABBREVIATIONS = NO_SENTENCE_END | frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec no vs inc corp co ltd dept est ft mt".split()
)
_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")


def _is_abbreviation(text: str, period: int) -> bool:
    word_start = period
    while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:period].lower().rstrip(".")
    if not word:
        return False
    # initials and dotted acronyms: "J.", "U.S.", "D.C."
    if len(word) == 1 or "." in word:
        return True
    return word in _ABBREVIATIONS


def sentence_spans(text: str, paragraph: Span, protected: Sequence[Span] = ()) -> list[Span]:
    """The sentences of `paragraph`; no boundary is placed inside a `protected` span (a quote)."""
    bounds: list[Span] = []
    start = paragraph.start
    # A boundary is inside a protected span when one starting before it ends after it: the furthest end among
    # the spans that start before a point answers that for every point at once.
    ordered = sorted(protected, key=lambda p: p.start)
    starts = [p.start for p in ordered]
    furthest = list(itertools.accumulate((p.end for p in ordered), max))
    for match in _END.finditer(text, paragraph.start, paragraph.end):
        cut = match.end()
        before = bisect.bisect_left(starts, match.start())
        if before and furthest[before - 1] > match.end():
            continue
        if text[match.start()] == "." and match.group().rstrip("\"”’')]") == "." and _is_abbreviation(text, match.start()):
            continue
        if match.group() == "." and spaced_decimal_point(text, match.start()):
            continue  # "magnitude 6 . 1" in tokenised text
        bounds.append(Span(start, cut))
        start = cut
    if start < paragraph.end:
        bounds.append(Span(start, paragraph.end))
    return [b for b in bounds if text[b.start : b.end].strip()]
