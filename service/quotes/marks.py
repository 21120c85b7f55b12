"""Finding quoted stretches: the text between an opening and a closing quotation mark.

Two families of outer marks are recognised: double quotes (straight " and curly “ ”, „, « ») and curly single
quotes used as outer marks in British style (‘ ’). A mark of the other family inside a stretch is a nested quote
and is left in the stretch, and so are curly double quotes inside a stretch opened by a straight one (pages that
type the outer marks and paste the inner ones). The curly ’ doubles as the apostrophe (NATO’s, we’ve), so it closes a single-quoted
stretch only when no letter follows it.

Penn Treebank text (the style of wire archives such as TimeBank and AQUAINT) writes double quotes as two
characters, `` to open and '' to close; each pair is read as one mark of the double family.

Unbalanced marks are common in scraped news. A stretch never runs past its paragraph, except under the
convention that a quote spanning several paragraphs reopens its marks at the start of each new paragraph and
closes only at the end. A stretch left open at a paragraph's end whose closing mark comes first in the next
paragraph (no opening mark before it) runs on into that paragraph: text broken into a line per sentence
("“I am so excited … time.\nYou know what they say …,” said DeGeneres.") splits one quote over two lines.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, replace

from service.records import Span

DOUBLE_OPENERS = frozenset("“„«")
DOUBLE_CLOSERS = frozenset("”»")
STRAIGHT_DOUBLE = '"'
SINGLE_OPENER = "‘"
SINGLE_CLOSER = "’"
TREEBANK_OPENER = "``"
TREEBANK_CLOSER = "''"
# characters after which a straight mark or a ‘ opens rather than closes
_OPENING_CONTEXT = frozenset("([{—–-/:\u00a0")


class Family(enum.Enum):
    DOUBLE = "double"
    SINGLE = "single"


@dataclass(frozen=True, slots=True)
class Stretch:
    """One quoted stretch inside one paragraph. `span` includes the marks; `closed` is False when the
    paragraph ended before a closing mark (a capped or continued quote)."""

    span: Span
    family: Family
    paragraph: int
    closed: bool
    continues: bool = False  # the quote goes on in the next paragraph (reopened there, or closed there)
    open_width: int = 1  # characters of the opening mark: 2 for ``, 0 for a quote carried over from a paragraph
    close_width: int = 1

    def inner(self, text: str) -> Span:
        start = self.span.start + self.open_width
        end = self.span.end - self.close_width if self.closed else self.span.end
        return Span(start, max(start, end))


@dataclass(frozen=True, slots=True)
class _Mark:
    position: int
    family: Family
    can_open: bool
    can_close: bool
    width: int = 1


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _classify(text: str, i: int, lo: int, hi: int) -> _Mark | None:
    ch = text[i]
    if text.startswith(TREEBANK_OPENER, i):
        return _Mark(i, Family.DOUBLE, True, False, 2)
    if text.startswith(TREEBANK_CLOSER, i) and i + 2 <= hi:
        return _Mark(i, Family.DOUBLE, False, True, 2)
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    opening_side = before.isspace() or before in _OPENING_CONTEXT or before in DOUBLE_OPENERS or before == "‘"
    if ch in DOUBLE_OPENERS:
        return _Mark(i, Family.DOUBLE, True, False)
    if ch in DOUBLE_CLOSERS:
        return _Mark(i, Family.DOUBLE, False, True)
    if ch == STRAIGHT_DOUBLE:
        if opening_side and not after.isspace():
            return _Mark(i, Family.DOUBLE, True, False)
        if not before.isspace() and not _is_word_char(after):
            return _Mark(i, Family.DOUBLE, False, True)
        return _Mark(i, Family.DOUBLE, True, True)  # a mark with space on both sides: decide by state
    if ch == SINGLE_OPENER:
        # ‘90s, ‘em: an opening single mark glued to a digit is an elision, not a quote
        if opening_side and not after.isspace() and not after.isdigit():
            return _Mark(i, Family.SINGLE, True, False)
        return None
    if ch == SINGLE_CLOSER:
        # an apostrophe sits inside a word (NATO’s, we’ve) or ends a plural possessive (the Joneses’ house);
        # only the first case can be told apart without a lexicon
        if not before.isspace() and not _is_word_char(after):
            return _Mark(i, Family.SINGLE, False, True)
        return None
    return None


def _marks(text: str, paragraph: Span) -> list[_Mark]:
    found = []
    i = paragraph.start
    while i < paragraph.end:
        if text[i] in "“”„«»\"‘’`'":
            mark = _classify(text, i, paragraph.start, paragraph.end)
            if mark is not None:
                found.append(mark)
                i += mark.width
                continue
        i += 1
    return found


def _trimmed_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _first_visible(text: str, paragraph: Span) -> int | None:
    for i in range(paragraph.start, paragraph.end):
        if not text[i].isspace():
            return i
    return None


def _is_straight(text: str, mark: _Mark) -> bool:
    return mark.width == 1 and text[mark.position] == STRAIGHT_DOUBLE


def _stretches_in_paragraph(text: str, paragraph: Span, index: int, carried: _Mark | None = None) -> list[Stretch]:
    """`carried` is an open mark standing at the paragraph's start for a quote that began in the previous one."""
    stretches: list[Stretch] = []
    open_mark: _Mark | None = carried
    nested = 0  # curly quotes open inside a straight-quoted stretch
    for mark in _marks(text, paragraph):
        if open_mark is None:
            if mark.can_open:
                open_mark = mark
            continue
        if mark.family is not open_mark.family:
            continue  # a nested quote of the other family
        if _is_straight(text, open_mark) and text[mark.position] in DOUBLE_OPENERS:
            nested += 1  # "… isn’t about “Equal Justice Under Law” anymore …": curly marks nest in straight ones
            continue
        if nested and text[mark.position] in DOUBLE_CLOSERS:
            nested -= 1
            continue
        if mark.can_close:
            stretches.append(Stretch(Span(open_mark.position, mark.position + mark.width), mark.family, index, True,
                                     open_width=open_mark.width, close_width=mark.width))
            open_mark = None
        else:
            # a second opener before any closer: the first was never closed and its extent is unknowable
            open_mark = mark
    if open_mark is not None:
        end = _trimmed_end(text, open_mark.position, paragraph.end)
        stretches.append(Stretch(Span(open_mark.position, end), open_mark.family, index, False,
                                 open_width=open_mark.width))
    return stretches


def _closes_first(text: str, paragraph: Span, family: Family) -> bool:
    """Whether the paragraph's first mark of `family` closes a quote and cannot open one."""
    marks = [m for m in _marks(text, paragraph) if m.family is family]
    if not marks or not marks[0].can_close:
        return False
    # a straight mark with space on both sides ('it , " Obama said') may open or close: an odd number of marks
    # in the paragraph leaves one without its partner, the first
    return not marks[0].can_open or len(marks) % 2 == 1


def find_stretches(text: str, paragraphs: Sequence[Span]) -> list[Stretch]:
    """Quoted stretches of every paragraph, in text order. An unclosed stretch is marked `continues` when
    the next paragraph opens with a mark of the same family (the multi-paragraph convention); otherwise it
    is capped at its paragraph's end."""
    per_paragraph = [_stretches_in_paragraph(text, p, i) for i, p in enumerate(paragraphs)]
    result: list[Stretch] = []
    for i, stretches in enumerate(per_paragraph):
        for stretch in stretches:
            if not stretch.closed and not stretch.continues and i + 1 < len(paragraphs):
                following = paragraphs[i + 1]
                first = _first_visible(text, following)
                nxt = per_paragraph[i + 1][0] if per_paragraph[i + 1] else None
                if nxt is not None and nxt.span.start == first and nxt.family is stretch.family:
                    stretch = replace(stretch, continues=True)
                elif first is not None and _closes_first(text, following, stretch.family):
                    stretch = replace(stretch, continues=True)
                    carried = _Mark(first, stretch.family, True, False, 0)
                    per_paragraph[i + 1] = _stretches_in_paragraph(text, following, i + 1, carried)
            result.append(stretch)
    return result
