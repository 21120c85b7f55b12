"""The title an article gives a person: before the name ("Russia's Defence Minister Sergei Shoigu") or in an
appositive after it ("Sergei Kislyak, Russian deputy foreign minister, said").

Works on spaCy tokens; `start`/`end` are token indices of the name, end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from service.abbreviations import office_or_rank
from service.people.lexicon import (
    COMPOUND_OFFICES,
    GENERIC_HEADS,
    JURISDICTIONS,
    OFFICE_HEADS,
    RANKS,
    is_title_head,
    is_title_word,
)
from service.people.roles import normalise_role
from service.records import Span

_CONNECTIVES = frozenset("of to for".split())
_POSSESSIVE = frozenset(["'s", "’s", "'"])
_NAMING_LABELS = frozenset("GPE NORP ORG LOC".split())
# Tokens that end an appositive: the next clause, quote or bracket starts there.
_APPOSITIVE_STOP = frozenset(list(",;.!?()[]\"“”‘’'") + ["--", "—", "–"])
_MAX_APPOSITIVE_TOKENS = 14
_CLAUSE_VERB_TAGS = frozenset("VB VBD VBG VBP VBZ MD".split())
_MAX_FRONTED_TOKENS = 8


@dataclass(frozen=True, slots=True)
class Title:
    span: Span
    text: str
    role: str  # normalised office, "" when the title is a rank or a description


def _breaks_line(token: Token) -> bool:
    return "\n" in token.text or "\n" in token.whitespace_


def _pre_name_token(token: Token) -> bool:
    if token.text in _POSSESSIVE:
        return True
    if is_title_word(token.text) or token.text.lower() in JURISDICTIONS:
        return True
    # "US Joint Chiefs of Staff Chairman", "Russia's": countries and bodies named before the office.
    return token.ent_type_ in _NAMING_LABELS and token.text[:1].isupper()


def _inline_space(token: Token) -> bool:
    """A whitespace token inside a line: spaCy makes one of a no-break space ("Sen.\u00a0Sanders"), which
    separates a title from its name as a plain space does."""
    return token.is_space and "\n" not in token.text


def _is_office_word(token: Token) -> bool:
    """An office noun however written ("Sen." is "senator"); ranks and forms of address are none."""
    return (office_or_rank(token.text) or token.text.lower()) in OFFICE_HEADS


def _makes_compound_office(doc: Doc, i: int, first: int, start: int) -> bool:
    """Whether doc[i] makes one office with the title word after it ("City Attorney", "State's Attorney"): on
    its own "City" is no title word, and cutting it off would leave an attorney of no telling which side."""
    if first >= start:
        return False
    after = doc[first]
    if after.text in _POSSESSIVE and first + 1 < start:
        after = doc[first + 1]
    return f"{doc[i].text.lower()} {after.text.lower()}" in COMPOUND_OFFICES


def _coordinates_offices(doc: Doc, i: int, first: int, start: int) -> bool:
    """Whether the "and" at doc[i] joins two offices of the one person named after them ("76ers President and
    General Manager Billy King", "chairman and chief executive Tim Cook"): an office noun before it, an office
    after it, both written in the same case. "the president and Vice President Biden" names two people, its
    lower-case "president" being a mention of its own; "Sen. and Mrs. Clinton" has no office after the "and"."""
    if i == 0 or first >= start or doc[i].text.lower() != "and":
        return False
    before = doc[i - 1]
    if not _is_office_word(before) or not any(_is_office_word(t) for t in doc[first:start]):
        return False
    return before.text[:1].isupper() == doc[first].text[:1].isupper()


def title_before(doc: Doc, start: int) -> Title | None:
    """The title run right before a name: title words, countries and bodies, "of", possessives, and offices
    joined by "and"."""
    while start > 0 and _inline_space(doc[start - 1]):
        start -= 1
    first = start
    i = start - 1
    while i >= 0:
        token = doc[i]
        if _inline_space(token) and first < start:
            i -= 1
            continue
        if _breaks_line(token) or token.is_space:
            break
        if token.text.lower() in _CONNECTIVES and first < start or _coordinates_offices(doc, i, first, start):
            i -= 1
            continue
        if not _pre_name_token(token) and not _makes_compound_office(doc, i, first, start):
            break
        first = i
        i -= 1
    while first < start and (doc[first].text.lower() in _CONNECTIVES or doc[first].text in _POSSESSIVE):
        first += 1
    if first == start or not any(is_title_head(t.text) or t.text.lower() in OFFICE_HEADS for t in doc[first:start]):
        return None
    span = doc[first:start]
    return Title(Span(span.start_char, span.end_char), span.text, normalise_role(span.text))


def _is_head_noun(token: Token) -> bool:
    low = token.text.lower()
    return token.tag_.startswith("NN") and (low in OFFICE_HEADS or low in RANKS or low in GENERIC_HEADS)


def title_after(doc: Doc, end: int) -> Title | None:
    """An appositive title: ", <noun phrase headed by an office, rank or description>," after the name."""
    if end >= len(doc) or doc[end].text != "," or _breaks_line(doc[end]):
        return None
    tokens: list[Token] = []
    for token in doc[end + 1 : end + 1 + _MAX_APPOSITIVE_TOKENS + 1]:
        if token.text in _APPOSITIVE_STOP or token.is_space:
            break
        # A verb means a clause ("Lavrov, who met Clinton, ...", "Woodburn, killing a police officer"), not a
        # title; past participles such as "allied" or "retired" belong to titles.
        if token.tag_ in _CLAUSE_VERB_TAGS or token.pos_ == "AUX" or token.tag_ in ("WP", "WDT", "CC") and not tokens:
            return None
        tokens.append(token)
        if _breaks_line(token):
            break
    else:
        return None  # too long to be a title
    if not any(_is_head_noun(t) for t in tokens):
        return None
    span = doc[tokens[0].i : tokens[-1].i + 1]
    return Title(Span(span.start_char, span.end_char), span.text, normalise_role(span.text))


def title_fronted(doc: Doc, start: int) -> Title | None:
    """A description set off by a comma before the name: "the Pentagon's policy chief, Jim Miller"."""
    if start < 2 or doc[start - 1].text != "," or not _is_head_noun(doc[start - 2]):
        return None
    first = start - 2
    while first - 1 >= 0 and start - first < _MAX_FRONTED_TOKENS:
        token = doc[first - 1]
        if _breaks_line(token) or not (token.tag_.startswith(("NN", "JJ")) or token.tag_ == "POS"):
            break
        first -= 1
    span = doc[first : start - 1]
    return Title(Span(span.start_char, span.end_char), span.text, normalise_role(span.text))


def person_title(doc: Doc, start: int, end: int) -> Title | None:
    """The title that says most: an office before a mere rank ("U.S. Admiral James Stavridis, NATO's supreme
    allied commander in Europe," takes the appositive); the title before the name when both are offices; a
    description set off before the name ("the Pentagon's policy chief, Jim Miller") only when nothing else."""
    before, after = title_before(doc, start), title_after(doc, end)
    fronted = title_fronted(doc, start) if before is None else None
    for title in (before, after, fronted):
        if title is not None and title.role:
            return title
    return before or after or fronted
