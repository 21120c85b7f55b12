"""Figures inside model and product names are not counts; the count before a name is of the noun after it."""

import pytest

from service.quantities import extract_quantities
from service.quantities.amounts import find_amounts
from service.quantities.designations import find_designations
from service.records import Span


def counts(text: str) -> list[tuple[float, str]]:
    return [(q.value, q.counts) for q in extract_quantities(text, Span(0, len(text)))]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("During the operation , six AK - 47 rifles , 12 magazines were found", "AK - 47"),
        ("They had a large cache of weapons including 7 AK-47 rifles", "AK-47"),
        ("Israel used F-16 jets in the raid", "F-16"),
        ("The G8 summit opened on Friday", "G8"),
        ("an engine of the Boeing 747 she had flown in", "Boeing 747"),
        ("the delivery of nine Boeing 737-700s next year", "Boeing 737-700s"),
        ("computers still running Windows 7 were affected", "Windows 7"),
    ],
)
def test_names_with_figures_are_found(text: str, name: str) -> None:
    found = [text[d.start : d.end] for d in find_designations(text)]
    assert found == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Over the last eight years , the show stands as the top rated in adults 18 - 49 and women 25 - 54 .",
        "The Red Sox won 10 - 2 on Sunday .",
        "Children ages 5 - 7 were taken to hospital .",
        "The meeting on March 16 was short .",
        "Police said on Tuesday 12 people were hurt .",
        "ROME - 12 people were killed when a bus overturned .",
    ],
)
def test_ranges_scores_dates_and_table_lines_are_no_names(text: str) -> None:
    assert find_designations(text) == []


def test_a_dateline_before_a_spaced_hyphen_is_no_name() -> None:
    assert counts("ROME - 12 people were killed when a bus overturned .") == [(12, "people")]


def test_spaced_range_after_figures_stays_a_range() -> None:
    (amount,) = find_amounts("Children ages 5 - 7 were taken to hospital .")
    assert (amount.low, amount.high) == (5, 7)


def test_the_count_before_a_spaced_name_is_of_the_noun_after_it() -> None:
    # ECB+ 12_4ecbplus: the rifles' name is not read as a count of 47.
    text = ("During the operation , six AK - 47 rifles , 12 magazines and about 300 rounds of ammunition were found "
            "and confiscated , \" the officer said .")
    assert counts(text) == [(6, "rifle"), (12, "magazine"), (300, "round")]


def test_the_count_before_a_hyphenated_name_is_of_the_noun_after_it() -> None:
    text = "They had a large cache of weapons including 7 AK-47 rifles , a rocket propelled grenade launcher , and 3 machine guns ."
    assert counts(text) == [(7, "rifle"), (3, "gun")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The air force sent two F-16 jets to escort the plane.", [(2, "jet")]),
        ("Two Boeing 737 jets were grounded on Tuesday.", [(2, "jet")]),
        ("The school bought 30 Windows 7 computers last year.", [(30, "computer")]),
    ],
)
def test_product_names_between_count_and_noun(text: str, expected: list) -> None:
    assert counts(text) == expected


def test_a_plural_name_is_itself_what_is_counted() -> None:
    found = counts("Southwest said it recently exercised remaining options for the delivery of nine Boeing 737-700s next year.")
    assert [value for value, _ in found] == [9]
    assert found[0][1] != "year"
