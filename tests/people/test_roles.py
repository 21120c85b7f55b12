import datetime as dt

import pytest

from service.people import RoleConflict, normalise_role, role_conflict
from service.people.roles import compatible_roles
from service.records import Entity, EntityKind, Span


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("U.S. Defense Secretary", "U.S. Defence Secretary"),
        ("Secretary of Defense", "Defense Secretary"),
        ("NATO's supreme allied commander in Europe", "NATO supreme allied commander Europe"),
        ("Russian Defense Minister", "Russia's Defence Minister"),
        ("Minister of Foreign Affairs", "Foreign Minister"),
    ],
)
def test_spelling_and_word_order_variants_normalise_alike(a: str, b: str) -> None:
    assert normalise_role(a) == normalise_role(b) != ""


def test_country_is_kept() -> None:
    assert normalise_role("Russian Defense Minister") == "defence minister|russia"
    assert normalise_role("U.S. Defense Secretary") == "defence secretary|us"
    assert normalise_role("former U.S. Ambassador to NATO") == "former ambassador to nato|us"


@pytest.mark.parametrize("title", ["Admiral", "U.S. Admiral", "retired Col. Gen.", "a deputy of Shoigu", "his Russian counterpart General",
                                   "executive", "a studio executive"])
def test_ranks_and_descriptions_are_not_offices(title: str) -> None:
    assert normalise_role(title) == ""


def test_former_office_is_marked() -> None:
    role = normalise_role("former chief of staff of the nation's Strategic Missile Forces")
    assert role.startswith("former chief of staff")


def test_less_specific_title_is_compatible() -> None:
    assert compatible_roles("minister", "defence minister|russia")
    assert compatible_roles("defence secretary", "defence secretary|us")


def test_deputy_changes_the_office() -> None:
    assert not compatible_roles("foreign minister|russia", "deputy foreign minister|russia")


def test_different_countries_conflict() -> None:
    assert not compatible_roles("defence minister|russia", "defence minister|uk")


def _person(name: str, title: str) -> Entity:
    return Entity(Span(0, len(name)), name, EntityKind.PERSON, canonical=name, title=title, role=normalise_role(title))


DAY = dt.date(2013, 3, 25)


def test_two_offices_a_day_apart_conflict() -> None:
    conflict = role_conflict(
        _person("Sergei Shoigu", "Defense Minister"), DAY, _person("Sergei Shoigu", "Foreign Minister"), DAY + dt.timedelta(days=1)
    )
    assert isinstance(conflict, RoleConflict)
    assert conflict.person == "Sergei Shoigu"
    assert {conflict.role_a, conflict.role_b} == {"defence minister", "foreign minister"}
    assert "Shoigu" in conflict.explanation


def test_two_offices_a_year_apart_do_not_conflict() -> None:
    a, b = _person("Sergei Shoigu", "Defense Minister"), _person("Sergei Shoigu", "Foreign Minister")
    assert role_conflict(a, DAY, b, DAY + dt.timedelta(days=365)) is None


def test_unknown_date_is_not_close() -> None:
    a, b = _person("Sergei Shoigu", "Defense Minister"), _person("Sergei Shoigu", "Foreign Minister")
    assert role_conflict(a, None, b, DAY) is None


def test_surname_mention_conflicts_with_full_name() -> None:
    a, b = _person("Sergei Shoigu", "Defense Minister"), _person("Shoigu", "Foreign Minister")
    assert role_conflict(a, DAY, b, DAY) is not None


def test_rank_against_office_is_not_a_conflict() -> None:
    a, b = _person("James Stavridis", "Admiral"), _person("James Stavridis", "NATO supreme allied commander Europe")
    assert role_conflict(a, DAY, b, DAY) is None


def test_former_office_never_conflicts() -> None:
    a, b = _person("Victor Yesin", "former chief of staff"), _person("Victor Yesin", "adviser")
    assert role_conflict(a, DAY, b, DAY) is None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("CEO", "chief executive officer"),
        ("chief executive", "CEO"),
        ("president", "president and co-founder"),
        ("Sen.", "Senator"),
        ("Atlantic City Mayor", "the first Republican mayor elected in Atlantic City in two decades"),
    ],
)
def test_titles_of_one_office_are_compatible(a: str, b: str) -> None:
    assert compatible_roles(normalise_role(a), normalise_role(b))


@pytest.mark.parametrize(
    ("a", "b"),
    [("Sen.", "Gov."), ("Rep.", "Senator"), ("Secretary of State", "Defense Secretary"),
     ("first deputy prime minister", "deputy prime minister"), ("Defence Minister", "Foreign Minister")],
)
def test_different_offices_conflict(a: str, b: str) -> None:
    assert not compatible_roles(normalise_role(a), normalise_role(b))


def test_an_abbreviated_office_before_a_name_is_read_as_the_office() -> None:
    from service.people import extract_entities

    text = "“That changes political reality,” Sen. Bernie Sanders said on Tuesday."
    (person,) = [e for e in extract_entities(text, [Span(0, len(text))]) if e.kind is EntityKind.PERSON]
    assert (person.title, person.role) == ("Sen.", "senator")


def test_an_executive_is_no_office_but_a_chief_executive_is() -> None:
    assert normalise_role("chief executive") == "ceo"
    assert role_conflict(_person("Cheryl Boone Isaacs", "Academy President"), dt.date(2013, 8, 2),
                         _person("Cheryl Boone Isaacs", "executive"), dt.date(2013, 8, 2)) is None


def _titled(text: str, name: str) -> tuple[str, str]:
    from service.people import extract_entities

    (person,) = [e for e in extract_entities(text, [Span(0, len(text))]) if e.kind is EntityKind.PERSON and e.text == name]
    return person.title, person.role


def test_offices_joined_by_and_before_a_name_are_all_read() -> None:
    text = ("Philadelphia 76ers President and General Manager Billy King announced today that Jim O'Brien has been "
            "relieved of his duties as head coach.")
    assert _titled(text, "Billy King") == ("President and General Manager", "president and general manager")
    text = "Apple Chairman and CEO Tim Cook said the company would open the store in May."
    assert _titled(text, "Tim Cook")[1].endswith("chairman and ceo")


def test_an_and_between_two_people_joins_no_offices() -> None:
    text = "Obama spoke with the president and Vice President Joe Biden at the White House on Monday."
    assert _titled(text, "Joe Biden")[1] == "vice president"
    text = "Defense Secretary Chuck Hagel and Secretary of State John Kerry met the Russian ministers in Washington."
    assert _titled(text, "John Kerry")[0] == "Secretary of State"


def test_the_kind_of_attorney_is_kept_before_a_name() -> None:
    text = ("Santa Monica Chief Deputy City Attorney Terry White confirmed to The Associated Press that Lohan has "
            "checked into an approved rehab facility.")
    assert _titled(text, "Terry White")[1] == "chief deputy city attorney"
    text = "Cook County State's Attorney Anita Alvarez said the charges would be filed on Monday."
    assert _titled(text, "Anita Alvarez")[1].endswith("state attorney")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("President and General Manager", "president"),
        ("President and General Manager", "general manager"),
        ("Deputy Prime Minister and Defence Minister", "Defence Minister"),
        ("Prosecutor", "Chief Deputy City Attorney"),
        ("prosecutor", "District Attorney"),
        ("prosecutor", "State's Attorney"),
        ("deputy prosecutor", "Deputy District Attorney"),
        ("Secretary of Health and Human Services", "Health and Human Services Secretary"),
    ],
)
def test_offices_of_one_person_are_compatible(a: str, b: str) -> None:
    assert compatible_roles(normalise_role(a), normalise_role(b))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("President and General Manager", "Vice President"),
        ("President and General Manager", "Mayor"),
        ("Deputy Prime Minister and Defence Minister", "Foreign Minister"),
        ("defense attorney", "prosecutor"),
        ("Deputy District Attorney", "District Attorney"),
        ("deputy prosecutor", "District Attorney"),
        ("prosecutor", "Senator"),
    ],
)
def test_offices_none_of_which_agree_conflict(a: str, b: str) -> None:
    assert not compatible_roles(normalise_role(a), normalise_role(b))
