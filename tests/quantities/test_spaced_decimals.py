"""Tokenised corpora write a decimal point with spaces ("5 . 4 per cent"): it is one figure, and no sentence end."""

import pytest

from service.quantities import extract_quantities
from service.quantities.amounts import find_amounts, join_spaced_decimals
from service.quotes.sentences import sentence_spans
from service.records import Span
from service.segment import split_sentences

# ECB+ (topics 5 and 8, tokenised).
PLAYOFFS = ("In 133 career playoff games , he averaged 14 . 4 points , 6 . 9 assists , and 3 . 4 rebounds while "
            "shooting 51 . 2 percent from the field .")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("But markets reacted to the violence with alarm as Greek stocks plunged 5 . 4 per cent .", 5.4, "%"),
        ("But markets reacted with alarm as Greek stocks closed down 3 . 9 percent .", 3.9, "%"),
        ("she told a debate on Berlin's decision to lend ? 22 . 4 billion to Greece .", 22.4e9, ""),
    ],
)
def test_a_spaced_decimal_is_one_figure(text: str, value: float, unit: str) -> None:
    (amount,) = [a for a in find_amounts(text) if a.value > 1]
    assert amount.value == pytest.approx(value) and amount.unit == unit


def test_a_spaced_decimal_keeps_its_rounding() -> None:
    (amount,) = find_amounts("Greek stocks plunged 5 . 4 per cent .")
    assert (amount.low, amount.high) == pytest.approx((5.35, 5.45))


def test_spaced_decimals_count_their_nouns() -> None:
    found = [(q.value, q.counts or q.unit) for q in extract_quantities(PLAYOFFS, Span(0, len(PLAYOFFS)))]
    assert found == [(133, "game"), (14.4, "point"), (6.9, "assist"), (3.4, "rebound"), (51.2, "%")]


def test_a_spaced_decimal_is_parsed_as_one_number() -> None:
    # The parser reads a spaced "." as a sentence end; the figure's role comes from the verb all the same.
    text = "But markets reacted to the violence with alarm as Greek stocks plunged 5 . 4 per cent ."
    (quantity,) = extract_quantities(text, Span(0, len(text)))
    assert (quantity.value, quantity.unit, quantity.role) == (5.4, "%", "fell")
    assert join_spaced_decimals("plunged 5 . 4 per cent") == "plunged   5.4 per cent"


def test_the_segmenter_does_not_cut_at_a_spaced_decimal_point() -> None:
    text = PLAYOFFS + " He retired in 1999 ."
    assert [s.text for s in split_sentences(text, [Span(0, len(text))])] == [PLAYOFFS, "He retired in 1999 ."]


def test_the_attribution_splitter_does_not_cut_there_either() -> None:
    text = PLAYOFFS + " He retired in 1999 ."
    spans = sentence_spans(text, Span(0, len(text)))
    assert [text[s.start : s.end].strip() for s in spans] == [PLAYOFFS, "He retired in 1999 ."]


def test_a_figure_ending_a_sentence_still_ends_it() -> None:
    text = "The score was 6 . Then it rained ."
    assert len(split_sentences(text, [Span(0, len(text))])) == 2
