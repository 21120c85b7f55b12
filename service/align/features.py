"""Features of a pair of claim texts, for the learned pair scorer.

Text-only and self-contained on purpose: the scorer is trained on public sentence pairs (MRPC) that have
no extraction of their own, so the features must be computable from two strings and a cosine.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import numpy as np

FEATURE_NAMES: tuple[str, ...] = (
    "cosine",
    "token_jaccard",
    "stem_jaccard",
    "stem_containment",  # overlap over the shorter side: a short claim wholly inside a long one
    "char3_jaccard",
    "name_jaccard",
    "name_conflict",  # both name people/places, and each names some the other does not
    "number_jaccard",
    "number_conflict",  # both carry numbers and neither's set covers the other's
    "length_ratio",
    "log_length_difference",
    "negation_mismatch",
    "bigram_jaccard",
)

_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*", re.UNICODE)
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")

_NUMBER_WORDS: dict[str, float] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "thousand": 1000, "million": 1e6, "billion": 1e9, "trillion": 1e12, "dozen": 12, "half": 0.5,
}  # fmt: skip

_NEGATIONS = frozenset(
    "no not never none nobody nothing neither nor without n't cannot refused refuses refuse denied denies "
    "deny rejected rejects failed fails".split()
)

_STOPWORDS = frozenset(
    """a an the and or but if of at by for with about against between into through during before after above
    below to from up down in out on off over under again further then once here there when where why how all
    any both each few more most other some such only own same so than too very can will just should now is are
    was were be been being have has had having do does did doing would could might must shall may it its it's
    he him his she her they them their we us our you your i me my this that these those which who whom what
    as also said says say told according""".split()
)


def _tokens(text: str) -> list[str]:
    return [m.group(0).lower().replace("’", "'") for m in _WORD.finditer(text)]


def _stem(word: str) -> str:
    # A crude suffix stripper is enough here: it only has to make "meetings"/"meeting"/"meet" and
    # "defence"/"defense" collide; a plural "s" goes first, then one verbal or adverbial suffix.
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    for suffix in ("ing", "ed", "es", "ly"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    return word[:6].replace("c", "s")


def _names(text: str) -> set[str]:
    """Capitalised words not opening a sentence: a cheap proxy for named entities."""
    names: set[str] = set()
    for m in _WORD.finditer(text):
        word = m.group(0)
        before = text[: m.start()].rstrip(" \t\n\"“‘'(")
        sentence_initial = not before or before[-1] in ".!?:"
        if word[0].isupper() and not sentence_initial and word.lower() not in _STOPWORDS:
            names.add(word.lower())
    return names


def _numbers(tokens: list[str], text: str) -> set[float]:
    values: set[float] = set()
    for m in _DIGITS.finditer(text):
        raw = m.group(0).replace(",", "")
        try:
            values.add(float(raw))
        except ValueError:
            continue
    for token in tokens:
        if token in _NUMBER_WORDS and token != "half":
            values.add(float(_NUMBER_WORDS[token]))
    return values


def _jaccard(a: set, b: set) -> float:
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def _containment(a: set, b: set) -> float:
    smaller = min(len(a), len(b))
    return len(a & b) / smaller if smaller else 0.0


def _char_ngrams(text: str, n: int = 3) -> set[str]:
    squashed = " ".join(_tokens(text))
    return {squashed[i : i + n] for i in range(max(0, len(squashed) - n + 1))}


def _negated(tokens: list[str], text: str) -> bool:
    return any(t in _NEGATIONS or t.endswith("n't") for t in tokens) or "n't" in text.lower()


@dataclass(frozen=True)
class TextProfile:
    """Everything the features need from one text, computed once per text rather than once per pair."""

    tokens: frozenset[str]
    stems: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    char3: frozenset[str]
    names: frozenset[str]
    numbers: frozenset[float]
    length: int
    negated: bool


# A Check compares each article with every other, so a claim's profile is asked for once per other article; kept
# for the claims of a few large checks.
@functools.lru_cache(maxsize=8192)
def profile(text: str) -> TextProfile:
    tokens = _tokens(text)
    content = [_stem(t) for t in tokens if t not in _STOPWORDS]
    return TextProfile(
        tokens=frozenset(tokens),
        stems=frozenset(content),
        bigrams=frozenset(zip(content, content[1:])),
        char3=frozenset(_char_ngrams(text)),
        names=frozenset(_names(text)),
        numbers=frozenset(_numbers(tokens, text)),
        length=len(tokens),
        negated=_negated(tokens, text),
    )


def profile_features(a: TextProfile, b: TextProfile, cosine: float) -> np.ndarray:
    number_conflict = bool(a.numbers and b.numbers and not (a.numbers <= b.numbers or b.numbers <= a.numbers))
    name_conflict = bool(a.names - b.names and b.names - a.names)
    shorter, longer = sorted((max(a.length, 1), max(b.length, 1)))
    return np.array(
        [
            cosine,
            _jaccard(a.tokens, b.tokens),
            _jaccard(a.stems, b.stems),
            _containment(a.stems, b.stems),
            _jaccard(a.char3, b.char3),
            _jaccard(a.names, b.names),
            float(name_conflict),
            _jaccard(a.numbers, b.numbers),
            float(number_conflict),
            shorter / longer,
            float(np.log(longer / shorter)),
            float(a.negated != b.negated),
            _jaccard(a.bigrams, b.bigrams),
        ],
        dtype=np.float64,
    )


def pair_features(text_a: str, text_b: str, cosine: float) -> np.ndarray:
    """The feature vector of one pair, in the order of FEATURE_NAMES."""
    return profile_features(profile(text_a), profile(text_b), cosine)
