"""Quote words as tokens, each with the key it is compared by (case, spelling and brackets folded away)."""

from __future__ import annotations

import enum
import functools
import re
from dataclasses import dataclass

from service.quotes.spelling import american_form

# Where one quote's parts meet ("…," he said, "…"): the outlet's narration stood there, so what another outlet
# quotes in that place is words this one left out, as at an ellipsis.
PART_BREAK = "\u2063"
_TOKEN = re.compile(r"\.\.\.+|…|[\[\]()]|\d[\d.,]*\d|\w+(?:['’\-]\w+)*|[^\w\s]")
_OPEN_BRACKETS = "[("
_CLOSE_BRACKETS = "])"
NEGATIONS = frozenset(
    "not no never nor neither none nobody nothing nowhere cannot without n't".split()
)
_NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million "
    "billion trillion dozen half first second third percent".split()
)


class TokenKind(enum.Enum):
    WORD = "word"
    PUNCTUATION = "punctuation"
    BRACKET = "bracket"
    ELLIPSIS = "ellipsis"
    BREAK = "break"  # between two parts of one quote


@dataclass(frozen=True, slots=True)
class Token:
    surface: str
    kind: TokenKind
    bracketed: bool  # inside [ ] or ( ): an editor's words, not the speaker's

    @property
    def key(self) -> str:
        if self.kind is TokenKind.BRACKET:
            return "(" if self.surface in _OPEN_BRACKETS else ")"
        if self.kind is TokenKind.ELLIPSIS:
            return "..."
        if self.kind is TokenKind.BREAK:
            return PART_BREAK
        if self.kind is TokenKind.PUNCTUATION:
            return self.surface
        word = self.surface.lower().replace("’", "'")
        # "e-mail" / "email", "co-operate" / "cooperate": a hyphen inside a word is a house style, not a word.
        return american_form(word).replace("-", "")

    @property
    def is_negation(self) -> bool:
        word = self.surface.lower().replace("’", "'")
        return word in NEGATIONS or word.endswith("n't")

    @property
    def is_number(self) -> bool:
        return self.kind is TokenKind.WORD and (any(c.isdigit() for c in self.surface) or self.surface.lower() in _NUMBER_WORDS)


def tokenize(text: str) -> list[Token]:
    return list(_tokens(text))


# A Check compares each quote with the quotes of every other article, so a quote is tokenised once per other
# article; kept for the quotes of a few large checks.
@functools.lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[Token, ...]:
    tokens: list[Token] = []
    depth = 0
    for match in _TOKEN.finditer(text):
        surface = match.group()
        if surface in _OPEN_BRACKETS + _CLOSE_BRACKETS:
            tokens.append(Token(surface, TokenKind.BRACKET, True))
            depth = depth + 1 if surface in _OPEN_BRACKETS else max(depth - 1, 0)
        elif surface == PART_BREAK:
            tokens.append(Token(surface, TokenKind.BREAK, False))
        elif surface in ("…",) or surface.startswith("..."):
            tokens.append(Token(surface, TokenKind.ELLIPSIS, False))
        elif surface[0].isalnum() or surface[0] == "_":
            tokens.append(Token(surface, TokenKind.WORD, depth > 0))
        else:
            tokens.append(Token(surface, TokenKind.PUNCTUATION, depth > 0))
    return tuple(tokens)


def word_keys(text: str) -> list[str]:
    """The compared words of a quote, without punctuation, brackets or ellipses."""
    return list(_word_keys(text))


@functools.lru_cache(maxsize=8192)
def _word_keys(text: str) -> tuple[str, ...]:
    return tuple(t.key for t in _tokens(text) if t.kind is TokenKind.WORD)


def spoken_keys(text: str) -> list[str]:
    """The compared words of a quote that are the speaker's: without the editor's bracketed insertions ("the
    purposes of the [Endangered Species Act]" says "the purposes of the")."""
    return [t.key for t in _tokens(text) if t.kind is TokenKind.WORD and not t.bracketed]
