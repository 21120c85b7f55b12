from pathlib import Path

import pytest

from service.quantities import extract_quantities
from service.records import Quantity, Span

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def quantities(text: str) -> list[Quantity]:
    return extract_quantities(text, Span(0, len(text)))


def only(text: str) -> Quantity:
    found = quantities(text)
    assert len(found) == 1, found
    return found[0]


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def sentence_containing(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(start, start + len(needle))


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_elliptical_count_takes_the_plural_noun_before_it(prefix: str) -> None:
    text = seed(prefix)
    span = sentence_containing(text, "There have been no meetings at the deputy minister")
    span = Span(span.start, text.index(" said", span.start))
    found = extract_quantities(text, span)
    assert [(q.value, q.counts) for q in found] == [(6, "meeting")]
    assert found[0].span.of(text) == "six"


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_head_noun_skips_modifiers_and_dates_are_not_quantities(prefix: str) -> None:
    text = seed(prefix)
    span = sentence_containing(text, "The news came after a March 16 announcement that the United States would station")
    span = Span(span.start, text.index("Alaska", span.start))
    found = extract_quantities(text, span)
    assert [(q.value, q.counts, q.span.of(text)) for q in found] == [(14, "interceptor", "14")]
    assert found[0].counts_span is not None and found[0].counts_span.of(text) == "interceptors"


def test_seed_years_debris_and_model_names_give_nothing() -> None:
    assert quantities("Talks set for 2012 were canceled because of scheduling conflicts, he said.") == []
    assert quantities(seed("001")[seed("001").index("Our Standards") :]) == []
    text = seed("002")
    assert extract_quantities(text, sentence_containing(text, "deployment of US SM-3 Block IIB interceptors by 2020")) == []


def test_seed_money_is_scaled_and_in_dollars() -> None:
    text = seed("004")
    found = extract_quantities(text, sentence_containing(text, "trim $1.2 trillion from the federal deficit"))
    assert [(q.value, q.unit, q.text) for q in found] == [(1.2e12, "USD", "$1.2 trillion")]


def test_seed_range_of_years() -> None:
    text = seed("003")
    q = extract_quantities(text, sentence_containing(text, "even more sinister in 10 to 15 years"))
    assert [(x.low, x.high, x.unit) for x in q] == [(10, 15, "year")]  # a duration, in a unit that converts


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("a bill of $1.2 trillion", 1.2e12, "USD"),
        ("debts of 1.2tn dollars", 1.2e12, "USD"),
        ("a loan of $5bn", 5e9, "USD"),
        ("a fine of €300m", 3e8, "EUR"),
        ("a grant of £2 million", 2e6, "GBP"),
        ("unemployment rose to 12%", 12, "%"),
        ("unemployment rose to 12 percent", 12, "%"),
        ("unemployment rose to 12 per cent", 12, "%"),
        ("a fee of 5,000 rubles", 5000, "RUB"),
        ("a road of 40 km", 40, "km"),
    ],
)
def test_units_and_scales(text: str, value: float, unit: str) -> None:
    q = only(text)
    assert (q.value, q.unit) == (value, unit)
    assert q.low <= value <= q.high


@pytest.mark.parametrize(
    ("text", "value", "counts"),
    [
        ("six meetings were held", 6, "meeting"),
        ("fourteen soldiers died", 14, "soldier"),
        ("twenty-one soldiers died", 21, "soldier"),
        ("they bought a dozen eggs", 12, "egg"),
        ("1,200 troops arrived", 1200, "troop"),
        ("1.9 tonnes of grain", 1.9, ""),
    ],
)
def test_counts_and_number_words(text: str, value: float, counts: str) -> None:
    q = only(text)
    assert (q.value, q.counts) == (value, counts)


def test_fractions_read_as_shares_and_vague_plurals_as_intervals() -> None:
    share = only("two-thirds of the members voted")
    assert share.unit == "%" and share.low < 66.7 < share.high and share.approximate
    crowd = only("hundreds of protesters gathered")
    assert (crowd.low, crowd.high, crowd.counts) == (200, 999, "protester")


@pytest.mark.parametrize(
    ("text", "low", "high", "hedge"),
    [
        ("nearly $2 billion", 1.8e9, 2e9, "nearly"),
        ("about 100 people", 90, 110, "about"),
        ("more than 100 people", 100, 150, "more than"),
        ("at least 100 people", 100, 150, "at least"),
        ("up to 100 people", 0, 100, "up to"),
        ("some 100 people", 90, 110, "some"),
        ("between 10 and 15 years", 10, 15, ""),
        ("10-15 years", 10, 15, ""),
    ],
)
def test_hedges_and_ranges_become_intervals(text: str, low: float, high: float, hedge: str) -> None:
    q = only(text)
    assert q.low == pytest.approx(low) and q.high == pytest.approx(high) and q.hedge == hedge
    assert q.text == text.removesuffix(" people")  # a duration unit is part of the amount, a counted noun is not


def test_open_bounds_exclude_the_figure() -> None:
    assert only("more than 100 people").low > 100
    assert only("nearly 100 people").high < 100


@pytest.mark.parametrize(
    "text",
    [
        "It happened in 2009 and again in 2011.",
        "The meeting on March 16 was short.",
        "(Nov. 21) - Clinton spoke.",
        "March 25, 2013 / 11:37 PM / 5 years ago",
        "He came first, then third.",
        "It was the 3rd attempt.",
        "Call 555-123-4567 for details.",
        "The G8 summit and F-35 jets and SM-3 Block IIB interceptors.",
        "Resolution 1441 was cited.",
        "Missile defence will be one of the points of our discussion.",
        "Cold War-era foes met.",
        "The final score was 0 : 0 again.",
        "Newsfeed\n0\nTo participate",
    ],
)
def test_not_quantities(text: str) -> None:
    assert quantities(text) == []


def test_offsets_are_into_the_whole_text() -> None:
    text = "Preamble. They sent 14 new interceptors."
    span = Span(10, len(text))
    (q,) = extract_quantities(text, span)
    assert q.span.of(text) == "14" and q.counts_span is not None and q.counts_span.of(text) == "interceptors"


@pytest.mark.parametrize(
    "text, value",
    [
        ("An estimated 100 , 000 people took to the streets as part of nationwide strikes .", 100000),
        ("The scientific societies representing some 20, 000 scientists sent letters.", 20000),
    ],
)
def test_thousands_groups_written_with_spaces_are_one_figure(text: str, value: float) -> None:
    assert [q.value for q in quantities(text)] == [value]


def test_a_list_of_figures_is_not_read_as_thousands_groups() -> None:
    values = [q.value for q in quantities("The team scored 12, 345 and 678 points in three seasons.")]
    assert 12345 not in values


def _all(text: str) -> list[Quantity]:
    return extract_quantities(text, Span(0, len(text)))


def test_a_bracketed_conversion_is_the_same_measure_as_the_figure_it_converts() -> None:
    # The parser hangs "($141 billion)" on "demanded", a verb far before it in the sentence.
    euro, dollars = [q for q in _all(
        "Tens of thousands of people took to the streets to protest new taxes and government spending cuts demanded "
        "by the International Monetary Fund and other European nations before heavily indebted Greece gets a "
        "euro110 billion ($141 billion) loan package to keep it from defaulting.") if q.unit]
    assert (euro.unit, dollars.unit) == ("EUR", "USD")
    assert dollars.role == euro.role == "get"


def test_a_figure_in_brackets_that_is_not_right_after_another_keeps_its_own_role() -> None:
    (_, injured) = _all("The blast killed 12 people (police said another 40 people were injured) on Monday.")
    assert injured.role != "killed"


# A patrol's sum against one boarding's haul: the sum may add up more than the other report counts.
PATROL_TOTAL = ("The officer said that INS Sukanya has seized a total of 14 AK-47 rifles, 31 magazines and 923 rounds "
                "of ammunition during the five operations it carried out there.")
ONE_BOARDING = "Six AK 47 rifles, 12 magazines and 300 rounds of ammunition were seized from the boats."


def test_figures_given_as_a_sum_are_a_measure_of_their_own() -> None:
    summed = {q.counts: q for q in quantities(PATROL_TOTAL)}
    assert all("in total" in summed[noun].modifiers for noun in ("rifle", "magazine", "round"))
    single = {q.counts: q for q in quantities(ONE_BOARDING)}
    assert not any("in total" in q.modifiers for q in single.values())
    for text in ("In all, 30 people were killed.", "30 people were killed in total.", "Altogether 30 people were killed."):
        assert "in total" in only(text).modifiers
    # "all" counting the towns is no sum of the toll
    assert all("in total" not in q.modifiers for q in quantities("30 people were killed in all three towns."))


def test_a_model_name_written_with_a_space_counts_nothing() -> None:
    counts = {q.counts: q.value for q in quantities(ONE_BOARDING)}
    assert counts == {"rifle": 6.0, "magazine": 12.0, "round": 300.0}
