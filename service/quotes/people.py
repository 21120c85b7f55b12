"""People named in an article: where their names occur and the fullest form of each name.

Mentions come from the shared spaCy pipeline's PERSON entities when it is available, plus the capitalised
names that attribution patterns find (the small model misses some, especially after a paragraph break).
Titles written before a name ("Russian Foreign Minister", "retired Col. Gen.") are split off, so the name
is what remains.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from service.records import Span

_TITLE_WORDS = frozenset(
    """
    president vice prime minister secretary general gen gen. col col. colonel lt lt. adm adm. admiral
    sen sen. senator rep rep. representative gov gov. governor mayor chairman chairwoman chair chief deputy
    foreign defense defence interior state former retired mr mr. mrs mrs. ms ms. dr dr. ambassador spokesman
    spokeswoman spokesperson director commander sgt sgt. capt capt. captain major maj maj. judge justice rev rev.
    candidate nominee democratic republican gop presidential speaker leader minority majority house senate
    attorney u.s. us u.k. uk u.n. un nato eu joint chiefs staff of the supreme allied top envoy officer official
    pope king queen prince princess sheikh ayatollah rabbi father sir lord lady dame private corporal
    sergeant lieutenant marshal field air force army navy naval chancellor premier congressman congresswoman
    councilman councilwoman commissioner superintendent executive ceo founder professor prof prof. coach
    """.split()
)
_NATIONALITY = re.compile(
    r"^[A-Z][a-z]+(?:ian|ean|ese|ish)$|^(?:American|Russian|German|Mexican|Korean|Cuban|Israeli|Iraqi|Pakistani|"
    r"Saudi|Afghan|Thai|Kuwaiti|Yemeni|Qatari|Emirati|Somali|Nepali|Bangladeshi|Dutch|French|Greek|Swiss|Irish)$"
)
_MAX_NAME_WORDS = 4
_SENTENCE_OPENERS = frozenset(
    "and but so then also now meanwhile yet still however while when as if asked later earlier instead".split()
)


@dataclass(frozen=True, slots=True)
class Mention:
    span: Span
    name: str  # the name with titles removed, whitespace normalised


def _is_title_word(word: str) -> bool:
    return word.lower() in _TITLE_WORDS or word.lower().rstrip(".") in _TITLE_WORDS or bool(_NATIONALITY.match(word))


def name_part(text: str, span: Span) -> Span | None:
    """The person-name tail of a capitalised run: "Russian Foreign Minister Sergei Lavrov" -> "Sergei Lavrov".
    None when nothing name-like remains (a bare title, a lowercase description)."""
    words = [(m.start() + span.start, m.end() + span.start) for m in re.finditer(r"\S+", span.of(text))]
    tail: list[tuple[int, int]] = []
    for start, end in reversed(words):
        word = text[start:end].rstrip(",")
        if word.endswith(".") and "." not in word[:-1] and len(word) > 3:
            word = word[:-1]  # the sentence's full stop, not an abbreviation's
        if not word[:1].isupper() or _is_title_word(word) or word.endswith(("'s", "’s")):
            break
        tail.insert(0, (start, start + len(word)))
    while tail and text[tail[0][0] : tail[0][1]].lower() in _SENTENCE_OPENERS:
        tail = tail[1:]  # "And Trump said": the capital is the sentence's, not the name's
    if not tail or len(tail) > _MAX_NAME_WORDS:
        return None
    return Span(tail[0][0], tail[-1][1])


def normalise_name(name: str) -> str:
    return " ".join(name.replace("’", "'").split())


def ner_person_spans(text: str) -> list[Span]:
    """PERSON entities from the shared spaCy pipeline (named-entity recogniser only, for speed)."""
    from service.nlp import load_nlp

    nlp = load_nlp()
    disabled = [p for p in nlp.pipe_names if p not in ("tok2vec", "ner")]
    with nlp.select_pipes(disable=disabled):
        doc = nlp(text)
    return [Span(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]


def mentions_from(text: str, spans: Iterable[Span]) -> list[Mention]:
    found = []
    for span in spans:
        part = name_part(text, span)
        if part is not None:
            found.append(Mention(part, normalise_name(part.of(text))))
    return sorted(set(found), key=lambda m: (m.span.start, m.span.end))


def fullest_name(name: str, known: Sequence[str]) -> str:
    """The longest known name that ends with, or contains, every word of `name` ("Antonov" ->
    "Anatoly Antonov"); `name` itself when none does."""
    words = normalise_name(name).split()
    if not words:
        return ""
    best = normalise_name(name)
    for candidate in known:
        cwords = candidate.split()
        if len(cwords) <= len(best.split()) or len(cwords) > _MAX_NAME_WORDS:
            continue
        if cwords[-len(words) :] == words or (len(words) == 1 and words[0] in cwords[1:]):
            best = candidate
    return best
