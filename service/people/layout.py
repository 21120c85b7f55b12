"""Which lines of an article are running prose, and which are headings, menus or credits.

The small NER model leans on capitalisation, so a Title Case headline ("U.S. and Russia Aim to Reconvene
Stalled Missile Defense Talks") or a menu entry looks like a string of names to it. Names found only on such
lines are not trusted unless the prose names the same person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from service.records import Span

_SENTENCE_END = re.compile(r"""[.!?:;"'”’»)\]]\s*$""")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
# Short words that stay lower case in Title Case headlines.
_MINOR_WORDS = frozenset("a an and as at but by for from in into of on or the to with vs via".split())
# A credit line: the people named on it are journalists, never officials with titles.
_CREDIT = re.compile(r"^\s*(?:[-*#>•]\s*)*(?:by|(?:additional\s+)?reporting\s+by|writing\s+by|editing\s+by)\b", re.I)


@dataclass(frozen=True, slots=True)
class Line:
    span: Span
    heading_like: bool  # a headline, menu entry or other line that is not a sentence
    credit: bool  # "By ...", "Reporting by ...; Editing by ..."


def classify_line(text: str) -> tuple[bool, bool]:
    """(heading_like, credit) for one line of text."""
    stripped = text.strip()
    credit = bool(_CREDIT.match(stripped)) or "; editing by" in stripped.lower()
    if not stripped or _SENTENCE_END.search(stripped):
        return False, credit
    words = _WORD.findall(stripped)
    if len(words) <= 3:
        return True, credit
    content = [w for w in words if w.lower() not in _MINOR_WORDS]
    capitalised = sum(1 for w in content if w[0].isupper())
    # Prose that merely runs on to the next paragraph is mostly lower case; Title Case marks a heading.
    return capitalised >= 0.8 * len(content), credit


def article_lines(text: str, paragraphs: Sequence[Span]) -> list[Line]:
    """The lines of every paragraph, in order; the whole text is one paragraph when none are given."""
    blocks = list(paragraphs) or [Span(0, len(text))]
    lines: list[Line] = []
    for block in blocks:
        start = block.start
        for piece in block.of(text).split("\n"):
            end = start + len(piece)
            if piece.strip():
                heading_like, credit = classify_line(piece)
                lines.append(Line(Span(start, end), heading_like, credit))
            start = end + 1
    return lines


def line_at(lines: Sequence[Line], offset: int) -> Line | None:
    for line in lines:
        if line.span.start <= offset < line.span.end:
            return line
    return None
