"""Lining up the same quote, and the same speaker, across sources."""

from __future__ import annotations

import difflib

from service.quotes.people import same_person
from service.quotes.tokens import word_keys


def quote_overlap(a: str, b: str) -> float:
    """The share of the shorter quote's words that the longer contains in the same order, in [0, 1]; words
    are compared folded for case, punctuation, brackets and US/UK spelling, so a fragment of a longer quote
    scores 1."""
    ka, kb = word_keys(a), word_keys(b)
    if not ka or not kb:
        return 0.0
    short, long_ = sorted((ka, kb), key=len)
    matcher = difflib.SequenceMatcher(a=short, b=long_, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matched / len(short)


def same_speaker(a: str, b: str) -> bool:
    """Whether two speaker names denote the same person ("Antonov" / "Anatoly Antonov"); an empty name
    never matches."""
    return bool(a.strip()) and bool(b.strip()) and same_person(a, b)
