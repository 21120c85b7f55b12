"""Extracted text blocks put back onto the page: which characters of the submitted page each block is.

An extractor returns text, not offsets, and its text differs from the page's visible text in small ways
(whitespace, an entity decoded differently, an inline element it dropped). Both are compared as sequences of
word tokens: each block is anchored where its first words occur at or after the previous block, then followed
token by token, resynchronising over small differences. Page words the block does not have (a dropped inline
ad, a caption) split the block's span, so they are not kept with it; a few such words inside one of the block's
sentences and on its line (a link's text the extractor dropped) are the sentence's own and are kept.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from service.records import Span

_WORD = re.compile(r"\w+")
# How far ahead, in tokens, a resynchronisation looks on either side before giving a token up as unmatched.
RESYNC_WINDOW = 6
# A run of this many page tokens the block does not have is something the extractor dropped: the span splits.
SPLIT_GAP = 3
# A block is placed only when this share of its tokens is found in order on the page.
MIN_MATCHED_SHARE = 0.6
# How many of a block's first words may be missing from the page before it is given up.
MAX_ANCHOR_SKIP = 40
# How far ahead, in tokens, the rest of a block is looked for past a stretch of page words it does not have.
REANCHOR_WINDOW = 400
# The first words looked up to anchor a block.
ANCHOR_TOKENS = 3
# Punctuation that belongs to the words next to it: kept with a block though it is not a word token.
_TRAILING = set(".!?…,;:\"'”’»)]*%")
_LEADING = set("\"'“‘«([¿¡$€£#")


class _Token(NamedTuple):  # a tuple: a page has tens of thousands, and a frozen dataclass is slow to build
    key: str
    start: int
    end: int


def _tokens(text: str, base: int = 0) -> list[_Token]:
    return [_Token(m.group().casefold(), base + m.start(), base + m.end()) for m in _WORD.finditer(text)]


class PageTokens:
    """The visible text's word tokens, with where each distinct token occurs."""

    def __init__(self, visible: str) -> None:
        self.visible = visible
        self.tokens = _tokens(visible)
        self._positions: dict[str, list[int]] = {}
        for i, token in enumerate(self.tokens):
            self._positions.setdefault(token.key, []).append(i)

    def anchors(self, keys: Sequence[str], after: int, limit: int = 20, until: int | None = None) -> list[int]:
        """Up to `limit` positions where the first ANCHOR_TOKENS of `keys` occur: those at or after `after`
        first, then (unless `until` bounds the search) those before it."""
        head = list(keys[:ANCHOR_TOKENS])
        positions = self._positions.get(head[0], [])
        split = bisect_left(positions, after)
        if until is not None:
            candidates: Iterable[int] = positions[split:bisect_right(positions, until)]
        else:
            candidates = itertools.chain(positions[split:], positions[:split])
        found: list[int] = []
        for p in candidates:
            if all(p + k < len(self.tokens) and self.tokens[p + k].key == key for k, key in enumerate(head)):
                found.append(p)
                if len(found) == limit:
                    break
        return found


def locate_blocks(blocks: Sequence[str], page: PageTokens) -> list[Span]:
    """The spans of the page that hold the blocks, in page order; blocks that cannot be placed are left out."""
    spans: list[Span] = []
    taken = [False] * len(page.tokens)
    cursor = 0
    for block in blocks:
        keys = [t.key for t in _tokens(block)]
        if not keys:
            continue
        placed = _place(keys, page, cursor, taken)
        if placed is None:
            continue
        runs, last = placed
        for first, end in runs:
            for i in range(first, end):
                taken[i] = True
            spans.append(_widen(page, first, end))
        cursor = max(cursor, last)
    return sorted(spans, key=lambda s: s.start)


def _place(keys: list[str], page: PageTokens, cursor: int, taken: list[bool]
           ) -> tuple[list[tuple[int, int]], int] | None:
    # The block's first words may not be on the page (a heading the page shows elsewhere, a dateline the
    # extractor added): anchor on the first run of words that is.
    for skip in range(0, min(len(keys), MAX_ANCHOR_SKIP)):
        for anchor in page.anchors(keys[skip:], cursor):
            if taken[anchor]:
                continue
            matched = _follow(keys[skip:], page, anchor, taken)
            if len(matched) >= MIN_MATCHED_SHARE * len(keys):
                return _runs(matched, page), matched[-1] + 1
    return None


def _follow(keys: list[str], page: PageTokens, start: int, taken: list[bool]) -> list[int]:
    """Indices of the page tokens matched by the block's tokens, in order, starting at `start`."""
    tokens = page.tokens
    matched: list[int] = []
    i, j = 0, start
    while i < len(keys) and j < len(tokens):
        if tokens[j].key == keys[i] and not taken[j]:
            matched.append(j)
            i += 1
            j += 1
            continue
        # Resynchronise: the page has extra tokens here, or the block has, or one token differs on each side.
        ahead = next((d for d in range(1, RESYNC_WINDOW + 1)
                      if j + d < len(tokens) and tokens[j + d].key == keys[i]), None)
        behind = next((d for d in range(1, RESYNC_WINDOW + 1)
                       if i + d < len(keys) and keys[i + d] == tokens[j].key), None)
        if ahead is not None and (behind is None or ahead <= behind):
            j += ahead
        elif behind is not None:
            i += behind
        else:
            # A longer stretch the block does not have (an inline ad): jump to where the block's next words
            # are, if they are near; otherwise this token of the block is not on the page.
            jump = page.anchors(keys[i:], j + 1, limit=1, until=j + REANCHOR_WINDOW)
            if jump and not taken[jump[0]]:
                j = jump[0]
            else:
                i += 1
    return matched


def _runs(matched: list[int], page: PageTokens) -> list[tuple[int, int]]:
    """Matched token indices grouped into [first, end) runs, split where SPLIT_GAP or more page tokens were
    skipped, unless those are words of the block's own sentence (`_inside_sentence`)."""
    runs: list[tuple[int, int]] = []
    first = previous = matched[0]
    for index in matched[1:]:
        if index - previous - 1 >= SPLIT_GAP and not _inside_sentence(page, previous, index):
            runs.append((first, previous + 1))
            first = index
        previous = index
    runs.append((first, previous + 1))
    return runs


# The most page words inside one sentence that an extractor may have dropped as an element of their own: a
# link's text ("has reported that <a>the NFL will fine Rudolph</a> for his role"), a word its markup splits.
MAX_INLINE_GAP = 12
_SENTENCE_END = re.compile(r"[.!?…。！？]")


def _inside_sentence(page: PageTokens, previous: int, following: int) -> bool:
    """Whether the page words between two matched tokens are inline words of the block's sentence: few, on the
    same line of the page (inline markup only: an ad or a caption is a block of its own, on its own line), and
    with no sentence ending from the last matched word to the next (an inline ad sits between sentences)."""
    if following - previous - 1 > MAX_INLINE_GAP:
        return False
    between = page.visible[page.tokens[previous].end:page.tokens[following].start]
    return "\n" not in between and _SENTENCE_END.search(between) is None


def _widen(page: PageTokens, first: int, end: int) -> Span:
    """The tokens' span, with the punctuation that closes or opens them (a full stop, quotation marks)."""
    text = page.visible
    start, stop = page.tokens[first].start, page.tokens[end - 1].end
    limit = page.tokens[end].start if end < len(page.tokens) else len(text)
    probe = stop
    while probe < limit:
        char = text[probe]
        if char in _TRAILING:
            probe += 1
            stop = probe
        elif char == " " or char == "\t":
            probe += 1  # a blanked inline tag or entity padding between a word and its full stop
        else:
            break
    floor = page.tokens[first - 1].end if first > 0 else 0
    probe = start
    while probe > floor:
        char = text[probe - 1]
        if char in _LEADING:
            probe -= 1
            start = probe
        elif char == " " or char == "\t":
            probe -= 1
        else:
            break
    return Span(start, stop)
