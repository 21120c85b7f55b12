"""A mutable copy of the text in which stretches are blanked out, remembering what was removed and why.

Blanking keeps every character's position: newlines stay newlines (so lines and paragraphs keep their shape)
and everything else becomes a space.
"""

from __future__ import annotations

from service.records import Span


class MaskedText:
    def __init__(self, text: str) -> None:
        self._chars = list(text)
        self._removed: list[tuple[Span, str]] = []

    def mask(self, start: int, end: int, reason: str) -> None:
        if end <= start:
            return
        for i in range(start, end):
            if self._chars[i] != "\n":
                self._chars[i] = " "
        self._removed.append((Span(start, end), reason))

    def note(self, span: Span, reason: str) -> None:
        """Record a removal already reflected in the text (done by an earlier stage)."""
        self._removed.append((span, reason))

    @property
    def text(self) -> str:
        return "".join(self._chars)

    @property
    def removed(self) -> tuple[tuple[Span, str], ...]:
        return tuple(sorted(self._removed, key=lambda item: (item[0].start, item[0].end)))
