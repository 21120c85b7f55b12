"""Split a sentence into atomic claim spans, conservatively: a wrong split loses context (the attribution, the
subject) and is worse than none, so a sentence is split only where the parse shows two complete clauses.

Splits made:
- two independent clauses coordinated at the top of the sentence (", and" / ", but" / "; "), each with its
  own subject and verb: "Moscow is demanding a pledge, and Washington has refused it.";
- a participial comment on the main clause: "He called for dialogue, noting that Moscow had concerns."
A quote is never cut, and a leading dateline ("MOSCOW, April 23 (RIA Novosti) - ") is left out of the claims.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc

from service.nlp import parse
from service.records import Sentence, Span

_CITY = r"[A-Z][A-Z.'/]*[A-Z](?:[ -][A-Z][A-Z.'/]*[A-Z])*"
# "MOSCOW, April 23 (RIA Novosti) - ", "WASHINGTON — ", a caption's "(Nov. 21) - ". A plain hyphen after capitals
# alone ("NATO - Russia talks") is not taken for a dateline.
_DATELINE = re.compile(
    rf"^(?:{_CITY}(?:,[^()\n\-—–]{{1,30}})?\s*\([^()\n]{{1,40}}\)\s*[-—–]+"
    rf"|{_CITY}(?:,[^()\n\-—–]{{1,30}})?\s*[—–]+"
    r"|\([^()\n]{1,20}\)\s*[-—–]+)\s+"
)
SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
COORDINATORS = frozenset({"and", "but", "yet", "while", "whereas"})
# Participles that add a second statement to a main clause ("..., adding that ...").
COMMENT_VERBS = frozenset(
    {"add", "note", "say", "stress", "warn", "explain", "insist", "reiterate", "acknowledge", "claim", "argue"}
)
MIN_CLAIM_TOKENS = 4  # shorter pieces are fragments, not statements


def claim_body(text: str, sentence: Sentence) -> Span:
    """The part of the sentence its claims are cut from: the sentence without a leading dateline."""
    start, end = sentence.span.start, sentence.span.end
    body = text[start:end]
    dateline = _DATELINE.match(body)
    if dateline and len(body) - dateline.end() > 20:
        start += dateline.end()
    return Span(start, end)


def split_claims(text: str, sentence: Sentence, parsed: Callable[[str], Doc] = parse) -> list[Span]:
    """Claim spans inside `sentence.span` of `text` (the clean text), in order; at least one. `parsed` gives the
    parse of a text (of the claim body, see `claim_body`)."""
    bounds = claim_body(text, sentence)
    start, end = bounds.start, bounds.end
    body = text[start:end]
    whole = [Span(start, end)]
    doc = parsed(body)
    cuts = _clause_cuts(doc, body)
    if not cuts:
        return whole
    spans: list[Span] = []
    piece_start = 0
    for cut_end, next_start in cuts:
        spans.append(_trimmed(body, start, piece_start, cut_end))
        piece_start = next_start
    spans.append(_trimmed(body, start, piece_start, len(body)))
    return spans if all(len(s) > 0 for s in spans) else whole


def _clause_cuts(doc, body: str) -> list[tuple[int, int]]:
    """(end of one claim, start of the next) character offsets into `body`."""
    roots = [token for token in doc if token.dep_ == "ROOT"]
    if len(roots) != 1:
        return []
    root = roots[0]
    cuts: list[tuple[int, int]] = []
    for child in root.children:
        if child.i <= root.i:
            continue
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and _has_subject(child):
            separator = _separator_before(doc, child.left_edge.i)
            if separator is not None:
                cuts.append((doc[separator].idx, child.left_edge.idx))
        elif child.dep_ == "advcl" and child.tag_ == "VBG" and child.lemma_ in COMMENT_VERBS:
            if any(grand.dep_ == "ccomp" for grand in child.children) and child.i > 0 and doc[child.i - 1].text == ",":
                cuts.append((doc[child.i - 1].idx, child.idx))
    for token in doc:
        if token.text == ";":
            left, right = doc[: token.i], doc[token.i + 1 :]
            if _is_clause(left) and _is_clause(right):
                cuts.append((token.idx, right[0].idx if len(right) else token.idx + 1))
    cuts = sorted(set(cuts))
    checked: list[tuple[int, int]] = []
    previous = 0
    for cut_end, next_start in cuts:
        if _inside_quote(body, cut_end) or cut_end <= previous:
            return []
        if len(doc.char_span(previous, cut_end, alignment_mode="expand") or []) < MIN_CLAIM_TOKENS:
            return []
        checked.append((cut_end, next_start))
        previous = next_start
    tail = doc.char_span(previous, len(body), alignment_mode="expand")
    if tail is None or len(tail) < MIN_CLAIM_TOKENS:
        return []
    return checked


def _has_subject(verb) -> bool:
    return any(child.dep_ in SUBJECTS for child in verb.children)


def _is_clause(span) -> bool:
    return any(t.dep_ in SUBJECTS and t.head.pos_ in ("VERB", "AUX") for t in span) and any(
        t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in span
    )


def _separator_before(doc, index: int) -> int | None:
    """The token where the first clause stops: ", and" / "and" / ", but" right before the second clause."""
    position = index - 1
    if position >= 0 and doc[position].lower_ in COORDINATORS:
        if position - 1 >= 0 and doc[position - 1].text in (",", ";"):
            return position - 1
        return position
    if position >= 0 and doc[position].text == ";":
        return position
    return None


def _inside_quote(body: str, offset: int) -> bool:
    """Whether `offset` falls inside a quotation (straight or curly; a ’ between letters is an apostrophe)."""
    inside_double = inside_single = False
    for i, char in enumerate(body[:offset]):
        if char == '"':
            inside_double = not inside_double
        elif char == "“":
            inside_double = True
        elif char == "”":
            inside_double = False
        elif char == "‘" and (i == 0 or not body[i - 1].isalnum()):
            inside_single = True
        elif char == "’" and not (i + 1 < len(body) and body[i + 1].isalpha()):
            inside_single = False
    return inside_double or inside_single


def _trimmed(body: str, base: int, start: int, end: int) -> Span:
    piece = body[start:end]
    lead = len(piece) - len(piece.lstrip())
    stripped = piece.rstrip(" \t\n,;")
    return Span(base + start + lead, base + start + len(stripped))
