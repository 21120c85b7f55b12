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


# Quotes of different people about one subject share its phrases ("for decades", "the Endangered Species Act")
# with other words between them; two renderings of one remark share nearly every word of the stretch both quote.
# Saying two outlets gave one remark to two people needs at least this share of the words in that stretch, on
# both sides, to be the same: at most about one word in five changed.
MIN_SAME_WORDS_SHARE = 0.8


def _shared_stretch(a: str, b: str) -> tuple[int, int, int]:
    """(words shared in order, words of `a`, words of `b`), both counted from the first shared word to the
    last: what one quote leaves out at either end is a partial quotation, not a sign of another remark."""
    ka, kb = spoken_keys(a), spoken_keys(b)
    blocks = [m for m in difflib.SequenceMatcher(a=ka, b=kb, autojunk=False).get_matching_blocks() if m.size]
    if not blocks:
        return 0, len(ka), len(kb)
    first, last = blocks[0], blocks[-1]
    return sum(m.size for m in blocks), last.a + last.size - first.a, last.b + last.size - first.b


def nearly_same_words(a: str, b: str) -> bool:
    """Whether two quotes say nearly the same words where both quote: the shared words are at least
    MIN_SAME_WORDS_SHARE of the stretch they span in each quote, together (a Dice coefficient). Unlike
    `same_utterance`, words one quote has between the shared ones count against it, as do the other's; "For
    more than three decades, the Endangered Species Act has successfully protected our nation's most threatened
    wildlife" and "For decades, the Endangered Species Act has protected threatened species" share 9 of 13 of
    the shorter's words but only 9 of the 15 between the first and last shared word of the longer."""
    matched, span_a, span_b = _shared_stretch(a, b)
    return bool(matched) and 2 * matched / (span_a + span_b) >= MIN_SAME_WORDS_SHARE


def same_speaker(a: str, b: str) -> bool:
    """Whether two speaker names denote the same person ("Antonov" / "Anatoly Antonov"); an empty name
    never matches."""
    return bool(a.strip()) and bool(b.strip()) and same_person(a, b)
