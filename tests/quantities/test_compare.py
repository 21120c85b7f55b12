from service.quantities import extract_quantities, relate_quantities
from service.records import Quantity, Span


def quantity(text: str) -> Quantity:
    (found,) = extract_quantities(text, Span(0, len(text)))
    return found


def test_hedged_money_agrees_with_a_close_figure() -> None:
    relation = relate_quantities(quantity("nearly $2 billion"), quantity("$1.9 billion"))
    assert relation.comparable and relation.compatible


def test_different_counts_of_the_same_thing_are_incompatible() -> None:
    relation = relate_quantities(quantity("14 interceptors"), quantity("41 new interceptors"))
    assert relation.comparable and not relation.compatible
    assert "14" in relation.explanation and "41" in relation.explanation


def test_counts_of_different_things_are_not_comparable() -> None:
    relation = relate_quantities(quantity("six meetings"), quantity("six interceptors"))
    assert not relation.comparable and not relation.compatible


def test_range_covers_a_point() -> None:
    relation = relate_quantities(quantity("10 to 15 years"), quantity("12 years"))
    assert relation.comparable and relation.compatible


def test_about_is_not_a_thirty_percent_error() -> None:
    relation = relate_quantities(quantity("about 100 people"), quantity("130 people"))
    assert relation.comparable and not relation.compatible


def test_percentages_only_compare_with_percentages() -> None:
    assert not relate_quantities(quantity("12% of voters"), quantity("12 voters")).comparable
    assert relate_quantities(quantity("12 percent"), quantity("12%")).compatible
    assert not relate_quantities(quantity("12 percent"), quantity("15%")).compatible


def test_currencies_are_not_converted() -> None:
    assert not relate_quantities(quantity("$5bn"), quantity("€5bn")).comparable
    assert relate_quantities(quantity("$5bn"), quantity("5 billion dollars")).compatible


def test_a_sum_is_only_the_same_measure_as_another_sum() -> None:
    summed = quantity("The navy has seized a total of 31 magazines so far.")
    single = quantity("Police said 12 magazines were seized from the boat.")
    assert not relate_quantities(summed, single).same_measure
    other_sum = quantity("In all, the navy seized 29 magazines.")
    relation = relate_quantities(summed, other_sum)
    assert relation.same_measure and not relation.compatible


def test_two_ranges_agree_only_when_they_state_the_same_bounds() -> None:
    def relation(a: str, b: str):
        return relate_quantities(quantity(a), quantity(b))

    # overlapping, but two estimates: one bound moved
    moved = relation("expectations of #130 million to #135 million", "expectations of #130 million to #202 million")
    assert moved.comparable and not moved.compatible
    assert not relation("12-15 soldiers were killed", "10-15 soldiers were killed").compatible
    # the same bounds written two ways, or converted, agree; a figure inside a range agrees with it
    assert relation("between 20 and 30 people were killed", "20 to 30 people were killed").compatible
    assert relation("a 10-12 km stretch", "a 6-7.5 mile stretch").compatible
    assert relation("12-15 soldiers were killed", "13 soldiers were killed").compatible
