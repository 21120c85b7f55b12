"""Quantities in a claim: each written amount with the thing it counts.

The counted thing is the head noun after the figure, past adjectives and compound modifiers
("14 new anti-missile interceptors" counts "interceptor"). A figure standing alone as a subject or
object ("since 2011, when six were held") counts the nearest plural noun before it in its sentence.
An amount with neither a unit nor a counted thing is dropped: it cannot be compared with anything,
and a stray figure in page debris ("Newsfeed 0") is not a claim.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from service.nlp import load_nlp
from service.quantities.amounts import Amount, find_amounts
from service.records import Quantity, Span

# Dependency labels under which a figure stands for the things it counts (an elliptical count).
_ELLIPTICAL_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "conj", "appos"})
_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "our", "these", "those", "them", "all", "which"})
# How far past the figure the head noun may sit ("14 new anti-missile interceptors" is five tokens).
_MAX_MODIFIERS = 6


def extract_quantities(text: str, span: Span) -> list[Quantity]:
    """Quantities inside text[span]; every offset is into `text`."""
    segment = span.of(text)
    amounts = find_amounts(segment)
    if not amounts:
        return []
    doc = load_nlp()(segment, disable=["ner"])
    quantities = []
    for amount in amounts:
        counted = None if amount.unit else _counted_noun(doc, amount)
        if counted is None and not amount.unit:
            continue
        counts, counts_span = ("", None) if counted is None else counted
        quantities.append(
            Quantity(
                span=Span(span.start + amount.start, span.start + amount.end),
                text=segment[amount.start : amount.end],
                value=amount.value,
                low=amount.low,
                high=amount.high,
                unit=amount.unit,
                counts=counts,
                counts_span=None if counts_span is None else _shift(counts_span, span.start),
                approximate=amount.approximate,
                hedge=amount.hedge,
            )
        )
    return quantities


def _counted_noun(doc: Doc, amount: Amount) -> tuple[str, tuple[int, int]] | None:
    """The lemma of the noun the amount counts and its (start, end) in the segment, or None."""
    figure_tokens = [t for t in doc if t.idx < amount.figure_end and t.idx + len(t) > amount.figure_start]
    after = [t for t in doc if t.idx >= amount.end]
    if not figure_tokens:
        return None
    last = figure_tokens[-1]
    if amount.kind == "words" and amount.value == 1 and last.dep_ != "nummod":
        return None  # "one of the points", "no one": the pronoun, not a count
    head = _noun_after(after, allow_of=amount.kind in ("vague", "fraction") or last.dep_ != "nummod")
    if head is not None:
        return head
    if amount.kind in ("digits", "words") and last.dep_ in _ELLIPTICAL_ROLES and not _starts_with_noun(after):
        return _plural_noun_before(last)
    return None


def _starts_with_noun(after: list[Token]) -> bool:
    return bool(after) and after[0].pos_ in ("NOUN", "PROPN")


def _noun_after(tokens: list[Token], allow_of: bool) -> tuple[str, tuple[int, int]] | None:
    index = 0
    if allow_of and tokens and tokens[0].lower_ == "of":
        index = 1
        while index < len(tokens) and (tokens[index].lower_ in _DETERMINERS or tokens[index].tag_ == "PRP$"):
            index += 1
    for token in tokens[index : index + _MAX_MODIFIERS]:
        if token.pos_ == "NOUN" and token.dep_ != "compound":
            return token.lemma_.lower(), (token.idx, token.idx + len(token))
        if token.tag_ == "NNPS":
            return token.lemma_.lower(), (token.idx, token.idx + len(token))
        is_modifier = (
            token.pos_ in ("ADJ", "NOUN", "PROPN", "ADV")
            or token.dep_ in ("amod", "compound", "nmod")
            or token.text in ("-", "–")
            or token.tag_ in ("VBN", "VBG")
        )
        if not is_modifier:
            return None
    return None


def _plural_noun_before(figure: Token) -> tuple[str, tuple[int, int]] | None:
    for token in reversed(list(figure.sent[: figure.i - figure.sent.start])):
        if token.tag_ == "NNS":
            return token.lemma_.lower(), (token.idx, token.idx + len(token))
    return None


def _shift(local: tuple[int, int], offset: int) -> Span:
    return Span(offset + local[0], offset + local[1])
