"""Entities in the seed articles, checked against what a reader of the articles can verify."""

import datetime as dt
import re
from pathlib import Path

import pytest

from service.people import extract_entities, role_conflict
from service.records import Entity, EntityKind, Span

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
DATES = {"000": dt.date(2013, 3, 25), "001": dt.date(2013, 3, 25), "003": dt.date(2007, 4, 23), "004": dt.date(2011, 11, 21)}


def _paragraphs(text: str) -> list[Span]:
    return [Span(m.start(), m.end()) for m in re.finditer(r"\S(?:.*?\S)?(?=\n[ \t]*\n|\s*$)", text, re.S)]


@pytest.fixture(scope="module")
def seeds() -> dict[str, tuple[str, list[Entity]]]:
    found = {}
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found[path.name[:3]] = (text, extract_entities(text, _paragraphs(text)))
    return found


def _people(entities: list[Entity], canonical: str) -> list[Entity]:
    return [e for e in entities if e.kind is EntityKind.PERSON and e.canonical == canonical]


def _roles(entities: list[Entity], canonical: str) -> set[str]:
    return {e.role for e in _people(entities, canonical) if e.role}


def test_spans_point_at_the_text(seeds) -> None:
    for text, entities in seeds.values():
        for e in entities:
            assert e.span.of(text) == e.text
            if e.title_span is not None:
                assert e.title_span.of(text) == e.title
        assert [e.span.start for e in entities] == sorted(e.span.start for e in entities)


def test_shoigu_is_russian_defence_minister_in_both_spellings(seeds) -> None:
    assert _roles(seeds["000"][1], "Sergei Shoigu") == {"defence minister|russia"}
    assert _roles(seeds["001"][1], "Sergei Shoigu") == {"defence minister|russia"}


def test_hagel_is_us_defence_secretary_in_both(seeds) -> None:
    assert _roles(seeds["000"][1], "Chuck Hagel") == _roles(seeds["001"][1], "Chuck Hagel") == {"defence secretary|us"}


def test_stavridis_office_normalises_alike(seeds) -> None:
    role_000 = _roles(seeds["000"][1], "James Stavridis")
    assert role_000 and role_000 == _roles(seeds["001"][1], "James Stavridis")
    assert all("supreme allied commander" in r for r in role_000)


def test_ryabkov_is_deputy_foreign_minister(seeds) -> None:
    for key in ("000", "001"):
        roles = _roles(seeds[key][1], "Sergei Ryabkov")
        assert roles and all(r.startswith("deputy foreign minister") for r in roles)


def test_antonov_is_one_person_across_the_paragraph_break(seeds) -> None:
    text, entities = seeds["000"]
    antonov = [e for e in entities if "Antonov" in e.text]
    assert antonov and antonov[0].kind is EntityKind.PERSON
    assert antonov[0].text.split() == ["Anatoly", "Antonov"]
    assert antonov[0].canonical == "Anatoly Antonov"


def test_later_surname_takes_the_full_name(seeds) -> None:
    _, entities = seeds["000"]
    shoigu = [e for e in entities if e.text == "Shoigu"]
    assert shoigu and all(e.kind is EntityKind.PERSON and e.canonical == "Sergei Shoigu" for e in shoigu)


def test_appositive_titles(seeds) -> None:
    kislyak = _people(seeds["003"][1], "Sergei Kislyak")
    assert kislyak[0].role == "deputy foreign minister|russia"
    gerasimov_roles = _roles(seeds["002"][1], "Valery Gerasimov")
    assert any(r.startswith("chief of general staff") and r.endswith("|russia") for r in gerasimov_roles)
    yesin = _people(seeds["004"][1], "Victor Yesin")
    assert yesin[0].role.startswith("former chief of staff")


def test_defence_ministers_and_secretaries_of_different_years_do_not_conflict(seeds) -> None:
    holders = [
        ("003", "Anatoly Serdyukov"), ("000", "Sergei Shoigu"), ("003", "Robert Gates"),
        ("004", "Leon Panetta"), ("000", "Chuck Hagel"),
    ]
    mentions = [(DATES[key], e) for key, name in holders for e in _people(seeds[key][1], name) if e.role]
    assert len(mentions) == len(holders)
    for date_a, a in mentions:
        for date_b, b in mentions:
            assert role_conflict(a, date_a, b, date_b) is None


def test_no_people_from_headings_or_page_debris(seeds) -> None:
    def people(key: str) -> list[Entity]:
        return [e for e in seeds[key][1] if e.kind is EntityKind.PERSON]

    assert not any("Reconvene" in e.text or "Talks" in e.text for e in people("000"))
    assert not any("browser" in e.text or "tablet" in e.text for e in people("001"))
    assert not any(e.text in ("Newsfeed", "Chats") for e in people("003"))


def test_journalists_in_credits_get_no_office(seeds) -> None:
    text, entities = seeds["001"]
    credit_start = text.index("Reporting by")
    credited = [e for e in entities if e.span.start >= credit_start and e.kind is EntityKind.PERSON]
    assert all(not e.title and not e.role for e in credited)


def test_organisations_and_places_are_found(seeds) -> None:
    kinds = {(e.text, e.kind) for e in seeds["002"][1]}
    assert ("NATO", EntityKind.ORGANIZATION) in kinds
    assert ("Moscow", EntityKind.PLACE) in kinds
