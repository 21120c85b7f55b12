"""Rules that correct the systematic errors of the small spaCy NER model on news text.

The model misreads names it has not seen: "Anatoly\\n\\nAntonov" (split by a paragraph break) as a
WORK_OF_ART, a later "Shoigu" as a GPE, "Lavrov" as an ORG. Three kinds of evidence make a capitalised name a
person: a title right before it or an appositive title after it, being the subject of a speech verb, and
matching the full name of a person already found in the article. An organisation entity that runs a person's
name into a body's ("Meenakshi Ganguly of Human Rights Watch") is split first.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc

from service.people.lexicon import JURISDICTIONS, is_title_head, is_title_word
from service.people.names import name_parts, same_person
from service.people.titles import title_after, title_before

SPEECH_VERBS = frozenset(
    "say tell write add state note quote announce claim insist warn explain comment reply ask declare "
    "report stress argue acknowledge confirm deny tweet".split()
)
# Labels the model gives to unfamiliar names; a PERSON cue overrides them. GPE and ORG are overridden only by
# a title (for a place, an office title and a speech verb together) or a known full name, because "Russia said"
# and "the Pentagon said" are ordinary.
_WEAK_LABELS = frozenset("WORK_OF_ART PRODUCT EVENT LAW LANGUAGE FAC".split())
_PLACE_LABELS = frozenset("GPE LOC NORP FAC".split())
_MAX_NAME_TOKENS = 4


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stretch of tokens that may be a named entity; `label` is spaCy's (or "" for an untagged name)."""

    start: int
    end: int
    label: str


def _name_like(doc: Doc, start: int, end: int, allow_upper_case: bool = False) -> bool:
    """Capitalised proper-noun-like tokens that are neither title words nor country names.

    Upper-case words ("TMZ", "ESPN", "FIRE") are acronyms or shouting headlines far more often than names, so
    they count only when the model itself tagged them as a person (`allow_upper_case`).
    """
    tokens = [t for t in doc[start:end] if not t.is_space]
    if not tokens or len(tokens) > _MAX_NAME_TOKENS:
        return False
    if not allow_upper_case and any(len(t.text) > 1 and t.text.isupper() for t in tokens):
        return False
    # Part of a hyphenated word ("ITAR-Tass", "Bush-administration") is not a name on its own.
    if start > 0 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_:
        return False
    if end < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
        return False
    for token in tokens:
        if token.text in ("-", "'", "’") or token.text == "." and token.i > start:
            continue
        if not token.text[:1].isupper() or not token.is_alpha and not token.text.rstrip(".").isalpha():
            return False
        if token.pos_ not in ("PROPN", "NOUN", "ADJ", "X") or is_title_word(token.text):
            return False
        if token.text.lower() in JURISDICTIONS:
            return False
    return True


def split_at_breaks(doc: Doc, candidate: Candidate) -> Candidate:
    """An entity that runs over a line or paragraph break is one name only when all of it looks like a name
    ("Anatoly\\n\\nAntonov": the line before cannot end a sentence then); otherwise it is cut at the break
    ("Xavier Briand\\n\\nOur Standards")."""
    breaks = [t.i for t in doc[candidate.start : candidate.end] if "\n" in t.text or "\n" in t.whitespace_]
    if not breaks:
        return candidate
    upper_ok = candidate.label == "PERSON"
    if _name_like(doc, candidate.start, candidate.end, upper_ok):
        return candidate
    pieces: list[tuple[int, int]] = []
    start = candidate.start
    for i in breaks:
        end = i if doc[i].is_space else i + 1
        pieces.append((start, end))
        start = i + 1
    pieces.append((start, candidate.end))
    pieces = [(a, b) for a, b in pieces if b > a]
    # Keep the piece that is a name ("html\\nEllen DeGeneres" keeps "Ellen DeGeneres"), else the first.
    named = [(a, b) for a, b in pieces if _name_like(doc, a, b, upper_ok)]
    start, end = (named or pieces or [(candidate.start, candidate.start)])[0]
    return replace(candidate, start=start, end=end)


def untagged_names(doc: Doc, taken: set[int]) -> list[Candidate]:
    """Runs of capitalised proper nouns that the model left untagged."""
    runs: list[Candidate] = []
    i = 0
    while i < len(doc):
        j = i
        while (
            j < len(doc)
            and j not in taken
            and doc[j].tag_ in ("NNP", "NNPS")
            and doc[j].is_alpha
            and doc[j].text[:1].isupper()
            and _name_like(doc, j, j + 1)
            and (j == i or not ("\n" in doc[j - 1].whitespace_))
        ):
            j += 1
        if j > i and j - i <= _MAX_NAME_TOKENS:
            runs.append(Candidate(i, j, ""))
        i = max(j, i + 1)
    return runs


def _speech_subject(doc: Doc, candidate: Candidate) -> bool:
    root = doc[candidate.start : candidate.end].root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in SPEECH_VERBS


def has_person_cue(doc: Doc, candidate: Candidate, known_non_persons: set[str]) -> bool:
    """A title before or after the name, or (for weakly labelled or untagged names) a speech verb.

    Places keep their label whatever precedes them ("NATO supreme allied commander Europe"), and a name the
    model tags elsewhere as an organisation or place ("Tass reported") is not a person.
    """
    if not _name_like(doc, candidate.start, candidate.end):
        return False
    if candidate.label in _PLACE_LABELS:
        return _speaking_office_holder(doc, candidate)
    # "City" in "Chief Deputy City Attorney Terry White" is part of a title, not a name.
    if candidate.end < len(doc) and is_title_head(doc[candidate.end].text):
        return False
    before = title_before(doc, candidate.start)
    after = title_after(doc, candidate.end)
    if (before is not None and before.role) or after is not None:
        return True
    if candidate.label in _WEAK_LABELS or candidate.label == "":
        if before is not None:
            return True
        known_elsewhere = doc[candidate.start : candidate.end].text.lower() in known_non_persons
        return _speech_subject(doc, candidate) and not known_elsewhere
    return False


def _speaking_office_holder(doc: Doc, candidate: Candidate) -> bool:
    """A place-labelled name that holds an office and speaks ("Matdos Santos, legal director for ACLU of
    Oregon, said"): places take descriptions ("Kabul, the Afghan capital"), not offices. A one-word name or a
    known jurisdiction stays a place ("Russia, the current president of the G8, said")."""
    text = doc[candidate.start : candidate.end].text
    if len(name_parts(text)) < 2 or text.lower() in JURISDICTIONS:
        return False
    title = title_after(doc, candidate.end)
    return title is not None and bool(title.role) and _speech_subject(doc, candidate)


def split_body_prefix(doc: Doc, candidate: Candidate, known_bodies: set[str]) -> list[Candidate]:
    """"NATO Kurt Volker" (from "former U.S. Ambassador to NATO Kurt Volker") is a body and a name: when an
    ORG entity starts with a country or a body named elsewhere and ends in a name, it is split in two."""
    if candidate.label != "ORG" or candidate.end - candidate.start < 3:
        return [candidate]
    for cut in range(candidate.start + 1, candidate.end - 1):
        prefix = doc[candidate.start : cut].text.lower()
        if (prefix in JURISDICTIONS or prefix in known_bodies) and _name_like(doc, cut, candidate.end):
            if len(name_parts(doc[cut : candidate.end].text)) >= 2:
                return [replace(candidate, end=cut), Candidate(cut, candidate.end, "")]
    return [candidate]


# Words that end the name of a body, never of a person: the "Royal Bank" of "Royal Bank of Scotland" names no one.
_BODY_WORDS = frozenset(
    """
    bank university church museum society institute council department ministry board association union league
    party court office bureau house committee commission college school academy center centre foundation fund
    corporation corp company co inc ltd group agency republic states kingdom city county army navy force forces
    guard police service services times news post press journal network square street hall club team
    """.split()
)


def split_person_from_body(doc: Doc, candidate: Candidate) -> list[Candidate]:
    """An organisation entity that holds a person's name beside the body's: "Meenakshi Ganguly of Human Rights
    Watch", "Commentary's Noah Rothman". The name (two words or more, not ending in a body's word) becomes a
    candidate of its own, which a person cue must still confirm."""
    if candidate.label != "ORG" or candidate.end - candidate.start < 3:
        return [candidate]
    for cut in range(candidate.start + 1, candidate.end - 1):
        token = doc[cut]
        if token.text == "of" and _person_shaped(doc, candidate.start, cut):
            return [Candidate(candidate.start, cut, ""), replace(candidate, start=cut + 1)]
        if token.text in ("'s", "’s") and _person_shaped(doc, cut + 1, candidate.end):
            return [replace(candidate, end=cut), Candidate(cut + 1, candidate.end, "")]
    return [candidate]


def _person_shaped(doc: Doc, start: int, end: int) -> bool:
    return (_name_like(doc, start, end) and len(name_parts(doc[start:end].text)) >= 2
            and doc[end - 1].text.lower() not in _BODY_WORDS)


def matches_known_person(doc: Doc, candidate: Candidate, full_names: list[str]) -> bool:
    """A surname or full name repeating a person already found with given name and surname."""
    if not _name_like(doc, candidate.start, candidate.end):
        return False
    text = doc[candidate.start : candidate.end].text
    parts = name_parts(text)
    return any(
        same_person(text, full) and (len(parts) == 1 or len(parts) == len(name_parts(full))) for full in full_names
    )
