"""A span of an article as one line of text for a reader (sentences, claims, quotes): whitespace collapsed, and a
word the writer hyphenated across a line break kept whole. Collapsing "long-\\nstalled" into a space would show
"long- stalled"; a suspended hyphen ("long- and short-range") has a space before its next word, not a break.
Offsets are never taken from this text: spans point into the article as submitted."""

from __future__ import annotations

import re

_SPACES = re.compile(r"\s+")
_BROKEN_HYPHEN = re.compile(r"(\w)-[ \t]*\r?\n\s*(?=[a-z])")


def one_line(text: str) -> str:
    return _SPACES.sub(" ", _BROKEN_HYPHEN.sub(r"\1-", text)).strip()
