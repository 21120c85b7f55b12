"""Sentence segmentation for news text, rule-based.

A sentence ends at ., ! or ? (with any closing quotes and brackets right after it) followed by whitespace and
something that can start a sentence. The rules that stop a false end are the ones news needs: titles before a
name ("Gen.", "Mrs."), month abbreviations before a day ("Nov. 19"), initials ("George W. Bush") and dotted
acronyms ("U.S.", "a.m."), which end a sentence only when the next word is one that typically starts one.
A paragraph that stops mid-sentence (no final punctuation) is continued by the next paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from service.abbreviations import NO_SENTENCE_END
from service.records import Sentence, Span
from service.one_line import one_line

_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s|$)")
_WORD_BEFORE = re.compile(r"(\S+)$")
_NEXT_WORD = re.compile(r"\S")
# How far around a full stop the boundary rules look: the words they weigh (titles, months, initials,
# sentence starters) are short. Looking no further keeps segmentation linear in the text.
_LOOK = 64

# Abbreviations that precede a name or a number and so never end a sentence: the titles and ranks of
# `service.abbreviations`, and the ones before a place or a figure.
TITLES = NO_SENTENCE_END | frozenset("mt ft vs v no nos ref art para fig vol ch pp op".split())
MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
# Abbreviations that can close a sentence ("... the U.S. He said") as well as sit inside one.
AMBIGUOUS = frozenset("inc corp co ltd llc plc bros etc al".split())
NEVER_BEFORE_LOWER = frozenset({"e.g", "i.e", "cf", "viz"})
# Words that open a new sentence after an abbreviation; a capitalised word not listed is taken to be a name
# continuing the sentence ("U.S. Secretary", "Col. Gen. Victor").
SENTENCE_STARTERS = frozenset(
    "a an the he she it they we i you this that these those there here but and or so yet however meanwhile "
    "his her its their our my your if when while after before as in on at for since also some many most one "
    "two both all no not what who why how earlier later still then thus instead".split()
)
PARAGRAPH_CONTINUES_MIN_WORDS = 8  # a shorter paragraph without final punctuation is a heading, not a broken one


def split_sentences(text: str, paragraphs: Sequence[Span], standalone: Sequence[Span] = ()) -> list[Sentence]:
    """Sentences of the given paragraphs of `text` (pass the clean text, so markup never reaches a sentence).
    A paragraph in `standalone` (the headline) is never run on into the next one, whatever its last word.

    `Sentence.span` is trimmed of surrounding whitespace, `Sentence.text` is the span's text with whitespace
    runs collapsed, and `Sentence.paragraph` indexes `paragraphs` where the sentence starts."""
    pieces: list[tuple[int, int, int]] = []  # start, end, paragraph index where the sentence starts
    carry_open = False
    for index, paragraph in enumerate(paragraphs):
        bounds = _sentence_bounds(text, paragraph)
        if not bounds:
            continue
        if carry_open and pieces:
            start, _, where = pieces.pop()
            pieces.append((start, bounds[0][1], where))
            bounds = bounds[1:]
        pieces.extend((start, end, index) for start, end in bounds)
        carry_open = (
            index + 1 < len(paragraphs)
            and paragraph not in standalone
            and paragraphs[index + 1] not in standalone
            and _continues(text, paragraph, paragraphs[index + 1])
        )
    return [
        Sentence(index=i, span=Span(start, end), text=one_line(text[start:end]), paragraph=where)
        for i, (start, end, where) in enumerate(pieces)
    ]


def _sentence_bounds(text: str, paragraph: Span) -> list[tuple[int, int]]:
    body = text[paragraph.start : paragraph.end]
    cuts = [0]
    for match in _END.finditer(body):
        closing = _spaced_closing_quote(body, match.end(), body[cuts[-1]:match.end()])
        if closing is None:
            if _is_boundary(body, match):
                cuts.append(match.end())
            continue
        after = _NEXT_WORD.search(body, closing)
        if after is None or not body[after.start()].islower():
            cuts.append(closing)  # a quote closed after its full stop ends the sentence...
        # ...unless the sentence goes on in lower case ('"We will win . " he said')
    cuts.append(len(body))
    bounds: list[tuple[int, int]] = []
    for start, end in zip(cuts, cuts[1:]):
        chunk = body[start:end]
        if not chunk.strip():
            continue
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        bounds.append((paragraph.start + start + lead, paragraph.start + end - trail))
    return bounds


_SPACED_QUOTE = re.compile(r"[ \t]+([\"”’»])(?=\s|$)")


def _spaced_closing_quote(body: str, at: int, sentence: str) -> int | None:
    """Where a quotation mark that closes the sentence's quote ends, when tokenised text sets it apart from the
    full stop ('... our grandchildren . "'): it belongs to the sentence it closes, not to the next one. A
    straight mark closes when the sentence has opened one it did not close."""
    mark = _SPACED_QUOTE.match(body, at)
    if mark is None:
        return None
    if mark.group(1) == '"' and sentence.count('"') % 2 == 0:
        return None  # it opens the next sentence's quote
    return mark.end()


def spaced_decimal_point(text: str, at: int) -> bool:
    """Whether the full stop at `at` is the decimal point of a figure in tokenised text, which writes
    "magnitude 6.1" as "magnitude 6 . 1": a lone "." with one space and a digit on each side."""
    return (text[at : at + 1] == "." and at >= 2 and text[at - 2].isdigit() and text[at - 1] == " "
            and text[at + 1 : at + 2] == " " and text[at + 2 : at + 3].isdigit())


def _is_boundary(body: str, match: re.Match[str]) -> bool:
    if match.group() == "." and spaced_decimal_point(body, match.start()):
        return False
    following_at = _NEXT_WORD.search(body, match.end())
    if following_at is None:
        return True
    rest = body[following_at.start() : following_at.start() + _LOOK]
    following = rest[0]
    if following.islower() or not (following.isalnum() or following in "\"'“‘([«"):
        return False
    marks = match.group()
    if not marks.startswith(".") or marks.rstrip("\"'”’»)]") != ".":
        return True  # ! ? … or a period closed by a quote or bracket
    word = _WORD_BEFORE.search(body, max(0, match.start() - _LOOK), match.start())
    if word is None:
        return True
    token = word.group(1).lstrip("\"'“‘([«").lower()
    next_word = re.match(r"[\w'’]+", rest)
    next_token = next_word.group().lower() if next_word else ""
    starts_sentence = following in "\"'“‘([«" or next_token in SENTENCE_STARTERS
    if token in TITLES:
        return False
    if token in MONTHS:
        return not following.isdigit() and starts_sentence
    if token in NEVER_BEFORE_LOWER:
        return False
    if token in AMBIGUOUS or "." in token or (len(token) == 1 and token.isalpha()):
        return starts_sentence  # "U.S.", "a.m.", an initial
    return True


def _continues(text: str, paragraph: Span, following: Span) -> bool:
    """Whether the paragraph stops mid-sentence and the next one goes on with it.

    Seen in copied pages: '... between deputy ministers," Anatoly' / 'Antonov, a deputy of Shoigu, said ...'.
    A headline or kicker also lacks final punctuation, so the cut must look like one inside a sentence: a
    trailing comma, a lower-case continuation, or a name split in two (a capitalised word on each side, the
    second followed by a comma or a lower-case word) at the end of running prose rather than title case."""
    body = text[paragraph.start : paragraph.end].rstrip()
    words = body.split()
    if len(words) < PARAGRAPH_CONTINUES_MIN_WORDS or not (body[-1].isalnum() or body[-1] == ","):
        return False
    if body[-1] == ",":
        return True
    after = text[following.start : following.end].split()
    if not after:
        return False
    if after[0][0].islower():
        return True
    last_words = words[-PARAGRAPH_CONTINUES_MIN_WORDS:]
    title_case = sum(word[0].isupper() for word in last_words) * 2 > len(last_words)
    name_split = words[-1][0].isupper() and after[0][0].isupper() and (
        after[0].endswith(",") or (len(after) > 1 and after[1][0].islower())
    )
    return name_split and not title_case
