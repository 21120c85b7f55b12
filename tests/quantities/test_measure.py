"""Same measure of the same thing: roles, modifiers, holders, units and conversions, vague amounts, pairing."""

from __future__ import annotations

from dataclasses import replace

import pytest

from service.compare.numbers import number_severity, pair_quantities
from service.quantities import extract_quantities
from service.records import Claim, Severity, Span


def quantities(text: str):
    return extract_quantities(text, Span(0, len(text)))


def pairs(text_a: str, text_b: str) -> list[tuple[str, str, bool]]:
    return [(qa.text, qb.text, r.compatible) for qa, qb, r in pair_quantities(quantities(text_a), quantities(text_b))]


def test_killed_and_injured_are_different_measures() -> None:
    a = "The blast killed 5 people and injured 12 people in the market, police said."
    b = "The blast killed 12 people and injured 5 people in the market, police said."
    found = pairs(a, b)
    assert ("5", "12", False) in found and ("12", "5", False) in found  # each toll against its own kind
    assert all(not ok for _, _, ok in found)


def test_a_toll_written_without_a_noun_is_still_a_toll() -> None:
    (dead,) = quantities("The attack left 22 dead, officials said.")
    assert dead.role == "killed"
    assert pairs("The attack left 22 dead, officials said.", "The attack killed 26 people, officials said.") == [
        ("22", "26", False)]


def test_depth_and_distance_with_glued_units_are_not_compared_with_each_other() -> None:
    a = "The quake struck at a depth of 10km, 55km from the town of Bam."
    b = "The quake struck at a depth of 10km, 75km from the town of Bam."
    depth, distance = quantities(a)
    assert (depth.unit, depth.role, distance.role) == ("km", "depth", "distance")
    assert pairs(a, b) == [("10km", "10km", True), ("55km", "75km", False)]


def test_a_cash_part_is_not_the_total_price() -> None:
    a = "Google agreed to buy the company for $30 billion, including $10 billion in cash."
    b = "Google agreed to buy the company for $30 billion, including $12 billion in cash."
    found = pairs(a, b)
    assert ("$30 billion", "$30 billion", True) in found
    assert ("$10 billion", "$12 billion", False) in found
    assert ("$10 billion", "$30 billion", False) not in found


def test_one_players_yards_are_not_anothers() -> None:
    (smith,) = quantities("Smith's 120 yards led the team.")
    (jones,) = quantities("Jones's 80 yards led the team.")
    assert smith.holder == "Smith" and jones.holder == "Jones"
    assert pairs("Smith's 120 yards led the team.", "Jones's 80 yards led the team.") == []


@pytest.mark.parametrize(
    ("a", "b", "compatible"),
    [
        ("The wave was 200 feet high.", "The wave was 150 metres high.", False),
        ("The wave was 500 feet high.", "The wave was 150 metres high.", True),  # a rounded conversion
        ("He was sentenced to 2-1/2 years in prison.", "He was sentenced to 30 months in prison.", True),
        ("He was sentenced to 2½ years in prison.", "He was sentenced to 3½ years in prison.", False),
        ("The cargo weighed 2 tonnes.", "The cargo weighed 2,000 kg.", True),
    ],
)
def test_units_convert_within_a_dimension(a: str, b: str, compatible: bool) -> None:
    (found,) = pairs(a, b)
    assert found[2] is compatible


@pytest.mark.parametrize(
    ("a", "b", "compatible"),
    [
        ("Dozens of people were killed in the attack.", "12 people were killed in the attack.", False),
        ("Dozens of people were killed in the attack.", "36 people were killed in the attack.", True),
        ("About 20 people were killed in the attack.", "26 people were killed in the attack.", False),
        ("More than 600 people were killed in the attack.", "650 people were killed in the attack.", True),
        ("Up to 100 people were killed in the attack.", "Up to 150 people were killed in the attack.", False),
    ],
)
def test_vague_amounts_are_intervals_that_can_disagree(a: str, b: str, compatible: bool) -> None:
    (found,) = pairs(a, b)
    assert found[2] is compatible


def test_agreeing_figures_pair_first_and_the_rest_face_each_other() -> None:
    a = "The 5.7% bonds were priced to yield 5.75%, the bank said."
    b = "The 5.7% bonds were priced to yield 8.62%, the bank said."
    assert pairs(a, b) == [("5.7%", "5.7%", True), ("5.75%", "8.62%", False)]


def test_two_candidates_of_the_same_measure_are_not_guessed_between() -> None:
    a = "Turnout rose to 40 percent."
    b = "Support was 55 percent while turnout was 60 percent in March."
    assert all(ok for _, _, ok in pairs(a, b))  # 40 could answer either: no mismatch is claimed


def test_a_toll_difference_is_major_and_a_small_rounding_gap_minor() -> None:
    (toll_a,), (toll_b,) = quantities("The attack killed 22 people."), quantities("The attack killed 23 people.")
    assert number_severity(toll_a, toll_b) is Severity.MAJOR
    (price_a,), (price_b,) = quantities("The deal is worth $1.95 billion."), quantities("The deal is worth $2.0 billion.")
    assert number_severity(price_a, price_b) is Severity.MINOR


def test_a_four_digit_count_before_its_plural_noun_is_no_year() -> None:
    (seats,) = quantities("The new flights will add nearly 1050 seats a week on the route.")
    assert (seats.counts, seats.hedge) == ("seat", "nearly")
    assert quantities("The route opened in 1998 and closed later.") == []
    (people,) = quantities("Some 1500 people marched through the capital.")
    (pence,) = quantities("Reuters shares rose to 1370 pence.")
    assert (people.value, people.counts) == (1500, "people") and (pence.value, pence.counts) == (1370, "penny")
    assert quantities("In 1998 police closed the road.") == []
    assert quantities("In 1998 women won the vote, and since 2005 doctors have backed it.") == []


def test_only_a_length_is_a_distance_from_somewhere() -> None:
    (depth,) = quantities("The quake struck 55 km from the town of Bam.")
    (bailout,) = quantities("Greece can get a $144 billion bailout from the International Monetary Fund.")
    (people,) = quantities("Police said 12 people from the village were arrested.")
    assert depth.role == "distance"
    assert bailout.role != "distance" and people.role != "distance"


def test_a_currency_glued_to_its_figure_is_a_sum_and_a_championship_is_not() -> None:
    loan, dollars = quantities("Greece gets a euro110 billion ( $141 billion ) loan package from the IMF.")
    assert (loan.text, loan.value, loan.unit) == ("euro110 billion", 110e9, "EUR")
    assert (dollars.value, dollars.unit) == (141e9, "USD")
    assert [q.unit for q in quantities("The Euro 2012 championship drew 16 teams.")] == [""]


def test_an_ascii_pound_sign_before_millions_is_sterling_and_a_rank_is_not() -> None:
    # the Wall Street Journal's ASCII text (TimeBank, wsj_0127) writes "£" as "#"
    text = "Pretax profit fell 3.7% to #128 million from #133 million, below expectations of #130 million."
    assert [(q.value, q.unit) for q in quantities(text) if q.unit != "%"] == [
        (128e6, "GBP"), (133e6, "GBP"), (130e6, "GBP")]
    assert quantities("The single reached #1 in Britain and #5 in the US.") == []
    assert pairs("Sales fell 20% to #722 million.", "Sales fell 20% to #772 million.") == [
        ("20%", "20%", True), ("#722 million", "#772 million", False)]


def _claim(text: str, role: str) -> Claim:
    found = tuple(replace(q, role=role) for q in quantities(text))
    return Claim(id="x:0", article_id="x", sentence=0, span=Span(0, len(text)), text=text, quantities=found)


def test_a_figure_in_the_same_words_is_the_same_measure_whatever_the_parse_hung_it_from() -> None:
    # The parser attaches "with 82 armed men" to "landed" and "with 123 armed men" in the same sentence to "waved".
    text = "Flags waved on the shore where the Granma landed on Dec. 2, 1956, with 82 armed men led by Fidel Castro."
    a, b = _claim(text, "land"), _claim(text.replace("82", "123"), "wave")
    assert [(qa.text, qb.text, r.compatible) for qa, qb, r in pair_quantities(a.quantities, b.quantities, a, b)] \
        == [("82", "123", False)]
    assert pair_quantities(a.quantities, b.quantities) == []  # by the roles alone: two measures
    other = _claim("Flags waved as 123 armed men came ashore later that night.", "wave")
    assert pair_quantities(a.quantities, other.quantities, a, other) == []  # other words, other roles: not one


def test_a_lender_named_after_from_does_not_make_a_sum_another_measure() -> None:
    a = "Greece will get a euro110 billion ($141 billion) bailout, officials said."
    b = "Greece can get a $144 billion bailout from the International Monetary Fund and other European nations."
    (bailout,) = [q for q in quantities(b) if q.unit == "USD"]
    assert bailout.modifiers == ()
    assert ("$141 billion", "$144 billion", False) in pairs(a, b)
    # a category after "from" still narrows the sum
    (part,) = quantities("The company made $2 billion from sales last year.")
    assert part.modifiers == ("from sale",)


def test_a_verb_coordinated_with_the_governing_one_gives_the_role() -> None:
    a = "During the operation, six AK-47 rifles and 12 magazines were found and confiscated, the officer said."
    b = "The Navy confiscated 14 AK-47 rifles and 31 magazines, Nambiar said."
    assert {q.role for q in quantities(a)} == {"seized"}
    assert ("six", "14", False) in pairs(a, b)
    # found alone is not seized: the two figures are comparable, not one measure
    c = "During the operation, six AK-47 rifles and 12 magazines were found, the officer said."
    assert {q.role for q in quantities(c)} == {"find"}
    assert all(not relation.same_measure for *_, relation in pair_quantities(quantities(c), quantities(b)))


@pytest.mark.parametrize("total", [
    "So far, the Indian Navy has confiscated 14 AK-47 rifles and 31 magazines from pirates.",
    "The Navy has thus far confiscated 14 AK-47 rifles and 31 magazines from pirates.",
    "To date, the Navy has confiscated 14 AK-47 rifles and 31 magazines from pirates.",
    "In their five operations, the crew of the warship confiscated 14 AK-47 rifles and 31 magazines.",
])
def test_a_running_total_is_not_the_count_of_one_operation(total: str) -> None:
    one = "Six AK-47 rifles and 12 magazines were confiscated from the boats."
    assert all("in total" in q.modifiers for q in quantities(total) if q.counts != "operation")
    assert [ok for *_, ok in pairs(one, total)] == []
    # the same count without the running total is one operation's, and differs
    assert ("Six", "14", False) in pairs(one, "The Navy confiscated 14 AK-47 rifles and 31 magazines from the boats.")


@pytest.mark.parametrize("a, b", [
    # a toll moving to a figure, and a toll with no noun counted
    ("The earthquake killed 12 people.", "The death toll from the quake rose to 14."),
    ("The blast killed 12 people.", "The blast killed 14, police said."),
    # the magnitude before or after the figure, glued or not
    ("A magnitude 6.1 earthquake struck the region.", "A 5.9-magnitude quake struck the region."),
    # a depth given as "deep"
    ("The quake struck at a depth of 10 km.", "The quake was 15 kilometres deep."),
    # where a prison sentence is served does not narrow it
    ("He was sentenced to 12 years in prison.", "He was jailed for 15 years."),
])
def test_one_measure_told_two_ways_is_compared(a: str, b: str) -> None:
    (found,) = pairs(a, b)
    assert found[2] is False, found


def test_an_elliptical_count_takes_the_role_of_its_own_verb() -> None:
    # "injured 40" borrows "people" from "killed 12 people", not the killing
    killed, injured = quantities("The quake killed 12 people and injured 40.")
    assert (killed.role, injured.role, injured.counts) == ("killed", "injured", "people")
    assert pairs("The quake killed 12 people and injured 40.", "The quake killed 40 people.") == [("12", "40", False)]


@pytest.mark.parametrize("a, b", [
    ("Ten people died in the crash.", "The crash claimed 12 lives."),  # lives claimed are people killed
    ("Twelve persons were killed in the blast.", "Fourteen people were killed in the blast."),
    ("The fire destroyed 40 homes.", "The blaze destroyed 55 houses."),
])
def test_two_names_of_the_counted_things_are_one_measure(a: str, b: str) -> None:
    (found,) = pairs(a, b)
    assert found[2] is False, found
