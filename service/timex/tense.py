"""Whether the words around an expression speak of the future: "will meet on Monday" is the next Monday,
"met on Monday" the last one. News reports the past, so past is the default."""

from __future__ import annotations

import re

# Clause boundaries: a cue beyond a sentence end, a comma or a quotation mark belongs to other words
# ('"we will continue," Lavrov said on Friday' is about a past Friday; so is "they would appeal the
# decision, announced Wednesday").
# The period of an initial or a title ("Daniel P. Davison", "Gen. Powell") ends no clause.
_BOUNDARY = re.compile(
    r"(?<!\b[A-Z])(?<!\bMr|\bMs|\bDr|\bSt|\bJr|\bSr|\bCo)(?<!\bMrs|\bGen|\bSen|\bRep|\bGov|\bInc|\bLtd|\bCol)"
    r"(?<!\bCorp)\.|[!?;,\"“”`\n()]|''"
)
# A cue inside a compound ("lower-than-expected earnings") is an adjective, not a plan.
_FUTURE_CUE = re.compile(
    r"(?<![\w-])(?:will|'ll|shall|going to|plans? to|planned|planning|schedul\w*|expected|due to|set to|is to|are to|"
    r"would|upcoming|intends?|aims? to|hopes? to|next|coming|forthcoming|tomorrow|"
    # a deadline or a postponement points ahead: "postponed until Tuesday", "as soon as Tuesday"
    r"postpon\w*|deferred|as soon as|as early as|no later than|effective)(?![\w-])",
    re.IGNORECASE,
)
# A plan told in the past perfect or as "previously planned" was due before the report: "the bid had been
# due to expire Friday" is the Friday just gone.
_PAST_PLAN = re.compile(r"\b(?:had|'d)\s+(?:been\s+|\w+ly\s+)?$|\bpreviously\s+$", re.IGNORECASE)
# "by August" sets a deadline, which lies ahead unless the clause is in the past perfect ("had doubled by March").
_DEADLINE = re.compile(r"\bby\s+$", re.IGNORECASE)
_PAST_PERFECT = re.compile(r"\b(?:had|'d)\b", re.IGNORECASE)
_WORDS_BEFORE = 8  # a cue further back usually governs another clause
_CHARS_AFTER = 30
# An expression opening its clause ("On Monday, ministers will meet") takes its tense from what follows.
_LEADING_WORDS = 1


def is_future(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 80) : start]
    cut = max((m.end() for m in _BOUNDARY.finditer(before)), default=0)
    before_words = before[cut:].split()[-_WORDS_BEFORE:]
    clause = " ".join(before_words)
    if cue := _FUTURE_CUE.search(clause):
        return not _PAST_PLAN.search(clause[: cue.start()])
    if _DEADLINE.search(before):
        return not _PAST_PERFECT.search(clause)
    if len(before_words) > _LEADING_WORDS:
        return False  # the verb before the expression governs it: "said on Saturday that talks would go on"
    after = text[end : end + _CHARS_AFTER]
    stop = _BOUNDARY.search(after)
    after = after[: stop.start()] if stop else after
    return bool(_FUTURE_CUE.search(after))
