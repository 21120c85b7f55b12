"""US/UK spelling variants, folded to one form so that "defence" and "defense" compare equal.

The word lists are the `breame` package's (British/American dual spellings); a few suffix rules stand in for
it when it is not installed.
"""

from __future__ import annotations

import functools
import re

try:
    from breame.spelling import british_spelling_exists, get_american_spelling
except ImportError:  # pragma: no cover - exercised only without the dependency
    british_spelling_exists = None
    get_american_spelling = None

_RULES = (
    (re.compile(r"(?<=[a-z]{2})our(s?)$"), r"or\1"),  # colour -> color
    (re.compile(r"(?<=[a-z]{2})ence(s?)$"), r"ense\1"),  # defence -> defense (fallback only: also "fence")
    (re.compile(r"(?<=[a-z]{3})is(e|ed|es|ing|ation|ations)$"), r"iz\1"),  # organise -> organize
    (re.compile(r"(?<=[aeiou])ll(ed|ing|er|ers)$"), r"l\1"),  # cancelled -> canceled
    (re.compile(r"(?<=[a-z]{2})tre(s?)$"), r"ter\1"),  # centre -> center
)


@functools.lru_cache(maxsize=8192)
def american_form(word: str) -> str:
    """The American spelling of a lower-case word; the word itself when it has no British variant."""
    if british_spelling_exists is not None and get_american_spelling is not None:
        return get_american_spelling(word) if british_spelling_exists(word) else word
    for pattern, replacement in _RULES:
        changed = pattern.sub(replacement, word)
        if changed != word:
            return changed
    return word
