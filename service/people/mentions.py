"""Named-entity mentions of an article: people with their titles, organisations and places.

spaCy's small English model finds the candidates; `corrections` fixes its systematic errors on news text;
`layout` keeps headlines, menus and credits from turning into people with offices; `titles` reads the title
the article gives each person; `names` merges the variants of one name into the fullest form.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from service.nlp import load_nlp
from service.people.corrections import (
    Candidate,
    has_person_cue,
    matches_known_person,
    split_at_breaks,
    split_body_prefix,
    split_person_from_body,
    untagged_names,
)
from service.people.layout import Line, article_lines, line_at
from service.people.lexicon import is_title_word
from service.people.names import fuller_name, identity_parts, name_parts, same_person
from service.people.titles import person_title
from service.records import Entity, EntityKind, Span

_BODY_LABELS = frozenset("ORG GPE LOC FAC".split())

KINDS = {
    "PERSON": EntityKind.PERSON,
    "ORG": EntityKind.ORGANIZATION,
    "GPE": EntityKind.PLACE,
    "LOC": EntityKind.PLACE,
    "FAC": EntityKind.PLACE,
    "NORP": EntityKind.OTHER,
    "EVENT": EntityKind.OTHER,
    "WORK_OF_ART": EntityKind.OTHER,
    "LAW": EntityKind.OTHER,
    "PRODUCT": EntityKind.OTHER,
    "LANGUAGE": EntityKind.OTHER,
}


def extract_entities(text: str, paragraphs: Sequence[Span]) -> list[Entity]:
    """Every person, organisation and place mention in the paragraphs, in order of appearance."""
    return entities_from_doc(load_nlp()(text), paragraphs)


def _trim_name(doc: Doc, candidate: Candidate) -> Candidate:
    """Drop titles and possessives the model included in a PERSON span ("President Obama", "Shoigu's")."""
    start, end = candidate.start, candidate.end
    while start < end - 1 and is_title_word(doc[start].text):
        start += 1
    while end > start + 1 and (doc[end - 1].text in ("'s", "’s", "'", "’") or doc[end - 1].is_punct):
        end -= 1
    return replace(candidate, start=start, end=end)


def _in_paragraphs(candidate_span: Span, paragraphs: Sequence[Span]) -> bool:
    return not paragraphs or any(p.overlaps(candidate_span) for p in paragraphs)


def find_candidates(doc: Doc, paragraphs: Sequence[Span], lines: Sequence[Line]) -> list[Candidate]:
    """NER entities (cut at breaks) and untagged proper-noun runs, with PERSON assigned where cues say so."""
    candidates: list[Candidate] = []
    for ent in doc.ents:
        if ent.label_ not in KINDS:
            continue
        candidate = split_at_breaks(doc, Candidate(ent.start, ent.end, ent.label_))
        if candidate.end > candidate.start:
            candidates.append(candidate)
    known_non_persons = {doc[c.start : c.end].text.lower() for c in candidates if c.label in _BODY_LABELS}
    candidates = [part for c in candidates for part in split_body_prefix(doc, c, known_non_persons)]
    candidates = [part for c in candidates for part in split_person_from_body(doc, c)]
    taken = {i for c in candidates for i in range(c.start, c.end)}
    candidates += untagged_names(doc, taken)
    candidates = [c for c in candidates if _in_paragraphs(Span(doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1])), paragraphs)]

    relabelled = [
        replace(c, label="PERSON") if c.label != "PERSON" and has_person_cue(doc, c, known_non_persons) else c for c in candidates
    ]
    relabelled = [_trim_name(doc, c) if c.label == "PERSON" else c for c in relabelled]
    full_names = [
        doc[c.start : c.end].text
        for c in relabelled
        if c.label == "PERSON" and len(name_parts(doc[c.start : c.end].text)) >= 2 and _is_prose(doc, c, lines)
    ]
    relabelled = [
        replace(c, label="PERSON") if c.label != "PERSON" and matches_known_person(doc, c, full_names) else c
        for c in relabelled
    ]
    return sorted((c for c in relabelled if c.label), key=lambda c: c.start)


def _is_prose(doc: Doc, candidate: Candidate, lines: Sequence[Line]) -> bool:
    line = line_at(lines, doc[candidate.start].idx)
    return line is None or not line.heading_like


def _confirmed_elsewhere(text: str, kind: str, prose_texts: dict[str, list[str]]) -> bool:
    """A name on a heading-like line counts only when the prose names the same thing."""
    if kind == "PERSON":
        return any(same_person(text, other) for other in prose_texts.get("PERSON", []))
    return text.lower() in (other.lower() for other in prose_texts.get(kind, []))


def _confirmed_prefix(doc: Doc, candidate: Candidate, prose_texts: dict[str, list[str]]) -> Candidate | None:
    """The candidate, or for a person its longest leading part, that the prose confirms.

    In a Title Case headline the model runs a name into the next words ("Esther Williams Dies At 91");
    the prose ("Esther Williams") says where the name stops.
    """
    ends = range(candidate.end, candidate.start, -1) if candidate.label == "PERSON" else [candidate.end]
    for end in ends:
        if _confirmed_elsewhere(doc[candidate.start : end].text, candidate.label, prose_texts):
            return replace(candidate, end=end)
    return None


def _canonical_names(people: list[tuple[int, str]]) -> dict[int, str]:
    """For each person mention (by start offset), the fullest form of its name in the article.

    When several fuller names match a bare surname ("Bush" with "George Bush" and "Laura Bush"), the nearest
    one before the mention wins.
    """
    # Two names of one person share their surname, so only mentions of one surname are compared; and names
    # that fold to the same parts ("Jim Miller" twice, "Jim Miller's") have the same matches, so each distinct
    # form is weighed once. Both keep the work near-linear in the article however many people it names.
    by_surname: dict[str, list[tuple[int, str]]] = {}
    for start, name in people:
        by_surname.setdefault(identity_parts(name)[1], []).append((start, name))
    canonical: dict[int, str] = {}
    weighed: dict[tuple, tuple[list[tuple[int, str]], str | None]] = {}
    for start, name in people:
        key = identity_parts(name)
        if key not in weighed:
            matches = [(s, n) for s, n in by_surname.get(key[1], ()) if same_person(name, n)]
            forms = {identity_parts(n): n for _, n in matches}
            agree = all(same_person(a, b) for a in forms.values() for b in forms.values())
            fullest: str | None = None
            if agree:
                fullest = name
                for _, other in matches:
                    fullest = fuller_name(fullest, other)
            weighed[key] = matches, fullest
        matches, fullest = weighed[key]
        if fullest is None:
            preceding = [n for s, n in matches if s <= start and len(name_parts(n)) > len(name_parts(name))]
            fullest = preceding[-1] if preceding else name
        canonical[start] = fullest
    return canonical


def entities_from_doc(doc: Doc, paragraphs: Sequence[Span]) -> list[Entity]:
    text = doc.text
    lines = article_lines(text, paragraphs)
    candidates = find_candidates(doc, paragraphs, lines)
    prose_texts: dict[str, list[str]] = {}
    for c in candidates:
        if _is_prose(doc, c, lines):
            prose_texts.setdefault(c.label if c.label != "" else "PERSON", []).append(doc[c.start : c.end].text)

    kept: list[tuple[Candidate, Line | None]] = []
    for c in candidates:
        line = line_at(lines, doc[c.start].idx)
        if line is not None and line.heading_like and not line.credit:
            confirmed = _confirmed_prefix(doc, c, prose_texts)
            if confirmed is None:
                continue
            c = confirmed
        kept.append((c, line))

    people = [(doc[c.start].idx, doc[c.start : c.end].text) for c, _ in kept if c.label == "PERSON"]
    canonical = _canonical_names(people)

    entities: list[Entity] = []
    for c, line in kept:
        span = doc[c.start : c.end]
        kind = KINDS[c.label]
        entity = Entity(span=Span(span.start_char, span.end_char), text=span.text, kind=kind)
        if kind is EntityKind.PERSON:
            entity = replace(entity, canonical=" ".join(canonical[span.start_char].split()))
            # Journalists in credits and names in headings carry no office.
            if line is None or not (line.heading_like or line.credit):
                title = person_title(doc, c.start, c.end)
                if title is not None:
                    entity = replace(entity, title=title.text, role=title.role, title_span=title.span)
        entities.append(entity)
    return entities
