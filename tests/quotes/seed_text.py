"""Reading a seed article and its paragraphs (the blank-line-separated blocks of a plain text)."""

from __future__ import annotations

import re
from pathlib import Path

from service.records import Quote, Span

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def paragraphs(text: str) -> list[Span]:
    return [Span(m.start(), m.end()) for m in re.finditer(r"\S(?:.|\n(?!\s*\n))*", text)]


def seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def quote_starting(quotes: list[Quote], words: str) -> Quote:
    matches = [q for q in quotes if q.text.startswith(words)]
    assert len(matches) == 1, f"expected one quote starting {words!r}, got {[q.text[:40] for q in quotes]}"
    return matches[0]
