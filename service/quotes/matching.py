"""Lining up the same quote, and the same speaker, across sources."""

from __future__ import annotations

import difflib

from service.people.names import same_person
from service.quotes.tokens import spoken_keys


def quote_overlap(a: str, b: str) -> float:
    """The share of the shorter quote's words that the longer contains in the same order, in [0, 1]; words
    are compared folded for case, punctuation, brackets and US/UK spelling, so a fragment of a longer quote
    scores 1."""
    matched, size = _shared(a, b)
    return matched / size if size else 0.0


# Two renderings of one utterance share a run of its words: at least this many in order, unless the shorter
# is wholly inside the longer. Three or four shared words ("The man is frightened" / "The man is a wreck") are
# the common frame of two different remarks; with five a one-word change in a six-word quote still pairs.
MIN_SHARED_WORDS = 5
# ... and at least this share of the shorter quote's words (a fragment of a longer quote scores 1).
MIN_SHARED_SHARE = 0.6


def _shared(a: str, b: str) -> tuple[int, int]:
    """(words of the shorter quote found in order in the longer, words of the shorter quote), the speaker's
    words only: a name an editor put in brackets is in many quotes about a story, and no sign that two of them
    are one utterance."""
    ka, kb = spoken_keys(a), spoken_keys(b)
    short, long_ = sorted((ka, kb), key=len)
    if not short:
        return 0, 0
    matcher = difflib.SequenceMatcher(a=short, b=long_, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()), len(short)


def same_utterance(a: str, b: str) -> bool:
    """Whether two quotes are renderings of one utterance: enough of the shorter's words, in order, in the
    longer, and either all of them or at least MIN_SHARED_WORDS."""
    matched, size = _shared(a, b)
    if not size or matched / size < MIN_SHARED_SHARE:
        return False
    return matched == size or matched >= MIN_SHARED_WORDS


def same_speaker(a: str, b: str) -> bool:
    """Whether two speaker names denote the same person ("Antonov" / "Anatoly Antonov"); an empty name
    never matches."""
    return bool(a.strip()) and bool(b.strip()) and same_person(a, b)
