"""A figure in millions with no noun counted is kept for its event role, and compared only within that role."""

from service.quantities import extract_quantities, relate_quantities
from service.records import Quantity, Span

# TimeBank wsj_0340, as an article cut mid-sentence leaves it: the currency word never comes.
VALUED = "The transaction, which involves newly created shares, is valued at about slightly more than {} million French"


def quantities(text: str) -> list[Quantity]:
    return extract_quantities(text, Span(0, len(text)))


def test_a_scaled_figure_in_an_event_role_is_kept() -> None:
    (valued,) = quantities(VALUED.format(80))
    assert (valued.value, valued.unit, valued.counts, valued.role) == (80e6, "", "", "price")


def test_two_such_figures_of_one_role_are_compared() -> None:
    (a,) = quantities(VALUED.format(80))
    (b,) = quantities(VALUED.format(120))
    relation = relate_quantities(a, b)
    assert relation.comparable and relation.same_measure and not relation.compatible
    assert relate_quantities(a, quantities(VALUED.format(80))[0]).compatible


def test_figures_of_different_roles_are_not_compared() -> None:
    (valued,) = quantities(VALUED.format(80))
    (paid,) = quantities("The group said it paid 120 million for the stake.")
    assert paid.role == "paid"
    assert not relate_quantities(valued, paid).comparable


def test_a_scaled_figure_without_a_role_or_noun_is_still_dropped() -> None:
    assert quantities("Its population is now about 3 million.") == []


def test_a_small_figure_without_a_noun_is_still_dropped() -> None:
    assert quantities("The transaction is valued at about 80.") == []
