"""Quantities in a claim: each written amount with the thing it counts.

The counted thing is the head noun after the figure, past adjectives and compound modifiers
("14 new anti-missile interceptors" counts "interceptor"). A figure standing alone as a subject or
object ("since 2011, when six were held") counts the nearest plural noun before it in its sentence.
The name of a model or product between the figure and its noun is passed over ("six AK - 47 rifles" counts
"rifle"; the 47 is part of the name, see `designations`). An amount with neither a unit nor a counted thing is
dropped: it cannot be compared with anything, and a stray figure in page debris ("Newsfeed 0") is not a claim.

A figure in brackets right after another ("a euro110 billion ($141 billion) loan package", "500 feet (150
metres)") restates it in another unit: it is the same measure, so it takes the role, holder and modifiers of
the figure it converts. The parser hangs the bracket anywhere (in a long sentence, on a verb far before it).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Token

from service.nlp import parse
from service.quantities.amounts import Amount, find_amounts, join_spaced_decimals
from service.quantities.compare import EVENT_ROLES
from service.quantities.designations import Designation, designation_at, find_designations
from service.quantities.measure import ROLE_AFTER, TOLL_ROLES, counted_as, measure_of
from service.records import Quantity, Span

# Dependency labels under which a figure stands for the things it counts (an elliptical count).
_ELLIPTICAL_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "conj", "appos"})
_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "our", "these", "those", "them", "all", "which"})
# A figure of this scale or more with no noun counted may still be compared, by its event role.
MILLION = 1e6
# How far past the figure the head noun may sit ("14 new anti-missile interceptors" is five tokens).
_MAX_MODIFIERS = 6


def extract_quantities(text: str, span: Span, parsed: Callable[[str], Doc] = parse) -> list[Quantity]:
    """Quantities inside text[span]; every offset is into `text`. `parsed` gives the parse of a text (the extract
    stage passes the parses it already has)."""
    segment = span.of(text)
    amounts = find_amounts(segment)
    if not amounts:
        return []
    doc = parsed(join_spaced_decimals(segment))  # the same text unless it spaces a decimal point ("6 . 1")
    names = find_designations(segment)
    quantities = []
    written: list[Amount] = []  # the amount of each quantity kept, in order
    for amount in amounts:
        counted = _counted_noun(doc, amount, names)
        figure = _last_figure_token(doc, amount)
        if figure is None:
            continue
        measure = measure_of(doc, figure, counted, amount.end, amount.unit)
        kept_for_role = (_role_only(doc, amount) or _scaled_in_role(amount, measure.role)
                         or (measure.role in TOLL_ROLES and not amount.unit))
        if counted is None and not amount.unit and not kept_for_role:
            continue
        if amount.unit and counted is not None and counted.pos_ != "NOUN":
            counted = None
        role = measure.role
        counts, counts_span = "", None
        if counted is not None and not amount.unit:
            counts, role = counted_as(counted, role)
            counts_span = (counted.idx, counted.idx + len(counted))
        if amount.unit and counted is not None and not role:
            role = counted.lemma_.lower()  # "a 30-month sentence", "a 10 km stretch": what the measure is of
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
                role=role,
                modifiers=measure.modifiers,
                holder=measure.holder,
                bounded=amount.bounded,
            )
        )
        written.append(amount)
    return _conversions_restate(segment, written, quantities)


_OPENS = re.compile(r"\s*[(\[]\s*$")
_CLOSES = re.compile(r"^\s*[)\]]")


def _conversions_restate(segment: str, amounts: list[Amount], quantities: list[Quantity]) -> list[Quantity]:
    """Each bracketed figure right after another takes that figure's measure (see the module's docstring)."""
    out = list(quantities)
    for k in range(1, len(out)):
        before, this = amounts[k - 1], amounts[k]
        if _OPENS.fullmatch(segment[before.end:this.start]) is None or not _CLOSES.match(segment[this.end:]):
            continue
        converted = out[k - 1]
        out[k] = replace(out[k], role=converted.role, holder=converted.holder, modifiers=converted.modifiers)
    return out


def _last_figure_token(doc: Doc, amount: Amount) -> Token | None:
    tokens = [t for t in doc if t.idx < amount.figure_end and t.idx + len(t) > amount.figure_start]
    return tokens[-1] if tokens else None


def _scaled_in_role(amount: Amount, role: str) -> bool:
    """ "valued at 80 million", "killed 3 million": a figure in millions or more names what it counts only by
    the event it takes part in. Such a figure is kept for its role, and is only ever compared with a figure of
    the same event role (see `service.quantities.compare`)."""
    return amount.scale >= MILLION and role in EVENT_ROLES


def _role_only(doc: Doc, amount: Amount) -> bool:
    """ "22 dead", "40 wounded": a toll with no noun counted, kept for its role."""
    after = [t for t in doc if t.idx >= amount.end]
    return bool(after) and after[0].lower_ in ROLE_AFTER


def _counted_noun(doc: Doc, amount: Amount, names: list[Designation]) -> Token | None:
    """The noun the amount counts, or None."""
    figure_tokens = [t for t in doc if t.idx < amount.figure_end and t.idx + len(t) > amount.figure_start]
    after = [t for t in doc if t.idx >= amount.end]
    if not figure_tokens:
        return None
    last = figure_tokens[-1]
    if amount.kind == "words" and amount.value == 1 and last.dep_ != "nummod":
        return None  # "one of the points", "no one": the pronoun, not a count
    if names and after:
        # "six AK - 47 rifles" counts the rifles past the name; "seven AK-47s" counts the name itself.
        name = designation_at(names, after[0].idx, after[0].idx + len(after[0]))
        inside = [t for t in after if name is not None and designation_at([name], t.idx, t.idx + len(t))]
        if name is not None and name.plural:
            return inside[-1]
        after = [t for t in after if designation_at(names, t.idx, t.idx + len(t)) is None]
    head = _noun_after(after, allow_of=amount.kind in ("vague", "fraction") or last.dep_ != "nummod")
    if head is not None:
        return head
    if amount.kind in ("digits", "words") and last.dep_ in _ELLIPTICAL_ROLES and not _starts_with_noun(after):
        return _plural_noun_before(last)
    return None


def _starts_with_noun(after: list[Token]) -> bool:
    return bool(after) and after[0].pos_ in ("NOUN", "PROPN")


def _noun_after(tokens: list[Token], allow_of: bool) -> Token | None:
    index = 0
    if allow_of and tokens and tokens[0].lower_ == "of":
        index = 1
        while index < len(tokens) and (tokens[index].lower_ in _DETERMINERS or tokens[index].tag_ == "PRP$"):
            index += 1
    for token in tokens[index : index + _MAX_MODIFIERS]:
        if token.pos_ == "NOUN" and token.dep_ != "compound":
            return token
        if token.tag_ == "NNPS":
            return token
        is_modifier = (
            token.pos_ in ("ADJ", "NOUN", "PROPN", "ADV")
            or token.dep_ in ("amod", "compound", "nmod")
            or token.text in ("-", "–")
            or token.tag_ in ("VBN", "VBG")
        )
        if not is_modifier:
            return None
    return None


def _plural_noun_before(figure: Token) -> Token | None:
    for token in reversed(list(figure.sent[: figure.i - figure.sent.start])):
        if token.tag_ == "NNS":
            return token
    return None


def _shift(local: tuple[int, int], offset: int) -> Span:
    return Span(offset + local[0], offset + local[1])
