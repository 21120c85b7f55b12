"""A mutable copy of the text in which stretches are blanked out, remembering what was removed and why.

Blanking keeps every character's position: newlines stay newlines (so lines and paragraphs keep their shape)
and everything else becomes a space.
"""

from __future__ import annotations

from service.records import Span


def blanked(text: str) -> str:
    """`text` with every character but its newlines turned into a space (string operations, not a loop)."""
    return "\n".join(" " * len(part) for part in text.split("\n"))


class MaskedText:
    def __init__(self, text: str) -> None:
        self._chars = list(text)
        self._removed: list[tuple[Span, str]] = []
        self._text: str | None = text  # the joined text until the next mask (stages read it between masks)

    def mask(self, start: int, end: int, reason: str) -> None:
        if end <= start:
            return
        self._chars[start:end] = blanked("".join(self._chars[start:end]))
        self._removed.append((Span(start, end), reason))
        self._text = None

    def note(self, span: Span, reason: str) -> None:
        """Record a removal already reflected in the text (done by an earlier stage)."""
        self._removed.append((span, reason))

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = "".join(self._chars)
        return self._text

    @property
    def removed(self) -> tuple[tuple[Span, str], ...]:
        return tuple(sorted(self._removed, key=lambda item: (item[0].start, item[0].end)))
