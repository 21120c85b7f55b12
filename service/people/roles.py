"""Titles normalised to offices, and when two offices given to one person are a real discrepancy.

A normalised role is "<office>|<jurisdiction>": the office in lower case and British spelling, articles,
possessives and "in" dropped, "minister of X" turned into "X minister"; the jurisdiction is the country or body
the title names ("russia", "us", "nato"), absent when the title names none. A title that was held and no longer
is starts with "former ". Ranks and honorifics are not offices: "Admiral" normalises to "".
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from service.abbreviations import office_or_rank
from service.people.lexicon import (
    FORMER_MARKERS,
    GENERIC_HEADS,
    HONORIFICS,
    JURISDICTIONS,
    OFFICE_FAMILIES,
    OFFICE_HEADS,
    PORTFOLIOS,
    RANK_CHANGING_QUALIFIERS,
    RANKS,
    SPELLING,
    EQUIVALENT_OFFICES,
)
from service.people.names import same_person
from service.records import Entity

_WORD = re.compile(r"[a-z0-9]+(?:[.'-][a-z0-9]+)*\.?")
_DROPPED = frozenset("the a an in his her its their our nation's nation country's country".split())
_CONNECTIVES = frozenset("of for to and on".split())
_LONGEST_JURISDICTION = max(len(key.split()) for key in JURISDICTIONS)


def _words(title: str) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", title.replace("’", "'"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    plain = re.sub(r"\bex-", "ex ", plain)
    words = []
    for word in _WORD.findall(plain):
        if word.endswith("'s"):
            word = word[:-2]
        full = office_or_rank(word)  # "Lt." is "lieutenant", "Sen." is "senator": one office however written
        if full:
            words.extend(full.split())
            continue
        if word.endswith(".") and word.rstrip(".") not in ("u.s", "u.k", "u.n") and word not in RANKS:
            word = word.rstrip(".")
        words.append(SPELLING.get(word, word))
    return words


def _take_jurisdiction(words: list[str]) -> tuple[list[str], str]:
    """Remove the country/body words and return the first one named; "ambassador to NATO" keeps its NATO."""
    kept: list[str] = []
    found = ""
    i = 0
    while i < len(words):
        for size in range(min(_LONGEST_JURISDICTION, len(words) - i), 0, -1):
            phrase = " ".join(words[i : i + size])
            if phrase in JURISDICTIONS and not (kept and kept[-1] == "to"):
                found = found or JURISDICTIONS[phrase]
                i += size
                break
        else:
            kept.append(words[i])
            i += 1
    return kept, found


def _invert_portfolio(words: list[str]) -> list[str]:
    """"(deputy) minister of foreign affairs" -> "(deputy) foreign minister", "secretary of defence" likewise."""
    for i, word in enumerate(words):
        if word in ("minister", "secretary") and i + 2 <= len(words) - 1 and words[i + 1] == "of":
            portfolio = words[i + 2 :]
            if portfolio and all(w in PORTFOLIOS or w == "and" for w in portfolio):
                return words[:i] + portfolio + [word]
    return words


def normalise_role(title: str) -> str:
    """The office a title names, as "<office>|<jurisdiction>"; "" when the title names no office."""
    words = _words(title)
    former = any(w in FORMER_MARKERS for w in words)
    words = [w for w in words if w not in FORMER_MARKERS and w not in _DROPPED and w not in HONORIFICS]
    words, jurisdiction = _take_jurisdiction(words)
    # A rank before the office ("U.S. Admiral", "Col. Gen.") is not part of it; "attorney general" keeps its
    # "general" because the rank word follows an office there, and "lieutenant governor" its "lieutenant"
    # because the word stands right before an office there, making it another office.
    while words and words[0] in RANKS and not (len(words) > 1 and words[1] in OFFICE_HEADS):
        words = words[1:]
    while words and words[0] in _CONNECTIVES:
        words = words[1:]
    while words and words[-1] in _CONNECTIVES:
        words = words[:-1]
    words = _invert_portfolio(words)
    office = " ".join(words)
    for variant, canonical in sorted(EQUIVALENT_OFFICES.items(), key=lambda item: -len(item[0])):
        office = re.sub(rf"\b{re.escape(variant)}\b", canonical, office)
    heads = {w for w in office.split() if w in OFFICE_HEADS}
    if not heads or heads <= GENERIC_HEADS:
        return ""
    return ("former " if former else "") + office + (f"|{jurisdiction}" if jurisdiction else "")


@dataclass(frozen=True, slots=True)
class ParsedRole:
    former: bool
    office_words: frozenset[str]
    qualifiers: frozenset[str]
    jurisdiction: str
    heads: frozenset[str] = frozenset()  # the office nouns: "mayor", "senator", "ceo"
    portfolios: frozenset[str] = frozenset()  # what the office is over: "defence", "foreign"
    families: frozenset[str] = frozenset()  # the occupations the office belongs to: "prosecutor"


def _families(words: list[str]) -> frozenset[str]:
    text = f" {' '.join(words)} "
    return frozenset(family for family, offices in OFFICE_FAMILIES.items()
                     if any(f" {office} " in text for office in offices))


def offices(role: str) -> list[str]:
    """The offices a normalised role gives, as roles of their own: "president and general manager" is two, a
    coordination whose every part has an office noun ("deputy prime minister and defence minister"); "president
    and co-founder" or "health and human services secretary" stay one office, one side having no office noun."""
    office, bar, jurisdiction = role.partition("|")
    words = office.split()
    former = ["former"] if words[:1] == ["former"] else []
    words = words[len(former):]
    parts: list[list[str]] = [[]]
    for word in words:
        if word == "and":
            parts.append([])
        else:
            parts[-1].append(word)
    if len(parts) < 2 or not all(set(part) & (OFFICE_HEADS - GENERIC_HEADS) for part in parts):
        return [role]
    return [" ".join(former + part) + bar + jurisdiction for part in parts]


def parse_role(role: str) -> ParsedRole:
    office, _, jurisdiction = role.partition("|")
    words = office.split()
    former = bool(words) and words[0] == "former"
    if former:
        words = words[1:]
    content = frozenset(w for w in words if w not in _CONNECTIVES)
    # "first" changes the office only before another office word ("first deputy prime minister"); "the first
    # Republican mayor elected" is still the mayor.
    ordinal_only = {w for i, w in enumerate(words) if w == "first"
                    and (i + 1 >= len(words) or words[i + 1] not in OFFICE_HEADS | RANK_CHANGING_QUALIFIERS)}
    heads = frozenset(w for w in content if w in OFFICE_HEADS and w not in GENERIC_HEADS)
    return ParsedRole(former, content, (content & RANK_CHANGING_QUALIFIERS) - ordinal_only, jurisdiction, heads,
                      content & PORTFOLIOS, _families(words))


def compatible_roles(role_a: str, role_b: str) -> bool:
    """Whether two normalised roles can describe the same office at the same time.

    One may be a less specific form of the other ("minister" / "defence minister|russia"): the words of one are
    contained in the other's and the country, when both give one, agrees. Words such as "deputy" or "vice"
    change the office, so they must agree. A former office never conflicts with a current one. A role of
    several offices ("president and general manager") agrees with any one of them.
    """
    return any(_compatible_offices(a, b) for a in offices(role_a) for b in offices(role_b))


def _occupation_only(role: ParsedRole) -> str:
    """The occupation a role names when it names nothing more ("prosecutor", "Santa Monica prosecutor"): no
    other office noun, no rank."""
    if len(role.heads) == 1 and not role.qualifiers and role.heads <= OFFICE_FAMILIES.keys():
        return next(iter(role.heads))
    return ""


def _compatible_offices(role_a: str, role_b: str) -> bool:
    a, b = parse_role(role_a), parse_role(role_b)
    if a.former or b.former:
        return True
    if a.jurisdiction and b.jurisdiction and a.jurisdiction != b.jurisdiction:
        return False
    # The occupation names every office of it, whatever its rank: a chief deputy city attorney is a prosecutor
    # (while a deputy city attorney is not the city attorney).
    if _occupation_only(a) in b.families or _occupation_only(b) in a.families:
        return True
    if a.qualifiers != b.qualifiers:
        return False
    if a.office_words <= b.office_words or b.office_words <= a.office_words:
        return True
    # Described offices: "Atlantic City Mayor" / "the first Republican mayor elected in Atlantic City" share the
    # office; "president" / "president and co-founder" add one. Offices conflict only when they share no office
    # noun, or name different portfolios of it ("defence minister" / "foreign minister").
    if (a.heads | a.families) & (b.heads | b.families):
        return not (a.portfolios and b.portfolios and a.portfolios != b.portfolios)
    return False


@dataclass(frozen=True)
class RoleConflict:
    person: str
    role_a: str
    role_b: str
    explanation: str


def role_conflict(
    person_a: Entity,
    date_a: dt.date | None,
    person_b: Entity,
    date_b: dt.date | None,
    max_days_apart: int = 30,
) -> RoleConflict | None:
    """A conflict when the same person is given two incompatible offices in articles close in time.

    Offices change hands, so mentions with an unknown date, or dated further apart than `max_days_apart`,
    never conflict; nor do titles that are not offices (ranks, "a deputy of Shoigu").
    """
    if date_a is None or date_b is None or abs((date_a - date_b).days) > max_days_apart:
        return None
    name_a = person_a.canonical or person_a.text
    name_b = person_b.canonical or person_b.text
    if not same_person(name_a, name_b):
        return None
    role_a = person_a.role or normalise_role(person_a.title)
    role_b = person_b.role or normalise_role(person_b.title)
    if not role_a or not role_b or compatible_roles(role_a, role_b):
        return None
    person = name_a if len(name_a) >= len(name_b) else name_b
    days = abs((date_a - date_b).days)
    explanation = (
        f"{person} is called {person_a.title or role_a!r} on {date_a.isoformat()} and "
        f"{person_b.title or role_b!r} on {date_b.isoformat()} ({days} days apart)"
    )
    return RoleConflict(person=person, role_a=role_a, role_b=role_b, explanation=explanation)
