"""A range often writes its scale and its currency once: "$140 - 150MM" is $140 million to $150 million, as a
reader takes it, and neither $140 nor 150 millimetres."""

import pytest

from service.quantities import extract_quantities
from service.quantities.amounts import find_amounts
from service.records import Span

# ECB+ (topic 10, tokenised): the offers two clubs were said to have made to a free agent.
OFFERS = ("a source told him the Orioles around seven years , $140 - 150MM , and the Nationals at eight years , "
          "$160MM .")


def test_the_scale_of_the_second_bound_is_the_first_bounds_too() -> None:
    found = extract_quantities(OFFERS, Span(0, len(OFFERS)))
    money = [(q.text, q.low, q.high, q.unit) for q in found if q.unit == "USD"]
    assert money == [("$140 - 150MM", 140e6, 150e6, "USD"), ("$160MM", 159.5e6, 160.5e6, "USD")]


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("$140-150 million", 140e6, 150e6, "USD"),
        ("$140–150M", 140e6, 150e6, "USD"),
        ("$140 - 150MM", 140e6, 150e6, "USD"),
        ("£140 to 150m", 140e6, 150e6, "GBP"),
        ("€2-3bn", 2e9, 3e9, "EUR"),
        ("$2-3 billion", 2e9, 3e9, "USD"),
        ("$5-10k", 5e3, 10e3, "USD"),
        ("10 to 12 million people", 10e6, 12e6, ""),
        ("between 5 and 10 million people", 5e6, 10e6, ""),
    ],
)
def test_a_range_shares_its_scale_and_sign(text: str, low: float, high: float, unit: str) -> None:
    (amount,) = find_amounts(text)
    assert (amount.low, amount.high, amount.unit) == (pytest.approx(low), pytest.approx(high), unit)


@pytest.mark.parametrize("text", ["a 150mm shell", "a 300m race", "they won 5 - 1 .", "from 2007 - 2009 ."])
def test_without_money_a_glued_suffix_or_a_score_is_no_scaled_range(text: str) -> None:
    assert find_amounts(text) == []
