"""Whether the words around an expression speak of the future: "will meet on Monday" is the next Monday,
"met on Monday" the last one. News reports the past, so past is the default."""

from __future__ import annotations

import re

# Clause boundaries: a cue beyond a sentence end, a comma or a quotation mark belongs to other words
# ('"we will continue," Lavrov said on Friday' is about a past Friday; so is "they would appeal the
# decision, announced Wednesday").
_BOUNDARY = re.compile(r"[.!?;,\"“”`\n()]|''")
_FUTURE_CUE = re.compile(
    r"\b(?:will|'ll|shall|going to|plans? to|planned|planning|schedul\w*|expected|due to|set to|is to|are to|"
    r"would|upcoming|intends?|aims? to|hopes? to|next|coming|forthcoming|tomorrow|"
    # a deadline or a postponement points ahead: "postponed until Tuesday", "as soon as Tuesday"
    r"postpon\w*|deferred|as soon as|as early as|no later than)\b",
    re.IGNORECASE,
)
_WORDS_BEFORE = 8  # a cue further back usually governs another clause
_CHARS_AFTER = 30
# An expression opening its clause ("On Monday, ministers will meet") takes its tense from what follows.
_LEADING_WORDS = 1


def is_future(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 80) : start]
    cut = max((m.end() for m in _BOUNDARY.finditer(before)), default=0)
    before_words = before[cut:].split()[-_WORDS_BEFORE:]
    if _FUTURE_CUE.search(" ".join(before_words)):
        return True
    if len(before_words) > _LEADING_WORDS:
        return False  # the verb before the expression governs it: "said on Saturday that talks would go on"
    after = text[end : end + _CHARS_AFTER]
    stop = _BOUNDARY.search(after)
    after = after[: stop.start()] if stop else after
    return bool(_FUTURE_CUE.search(after))
