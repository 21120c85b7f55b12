"""Tokenised text (and some typed text) writes a date's comma with a space before it, and spaces the dot of an
abbreviated month: "November 22 , 2013" and "Nov . 22 , 2013" are read as "November 22, 2013" is."""

from __future__ import annotations

import pytest

from service.records import PartialDate
from service.timex import tag_times

ANCHOR = PartialDate(2012, 4, 4)  # ECB+ topic 6: the article's date line

# ECB+ (topic 6, tokenised).
RELEASE = ("Last year , the studio staked out a November 22 , 2013 release date for Catching Fire and pursued "
           "Oscar winning Slumdog Millionaire screenwriter Simon Beaufoy to pen the script .")


def _values(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag_times(text, ANCHOR)]


def test_a_spaced_comma_keeps_the_year_with_its_date() -> None:
    assert ("November 22 , 2013", "2013-11-22") in _values(RELEASE)
    assert ("2013", "2013") not in _values(RELEASE)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It opens on November 22, 2013 .", ("November 22, 2013", "2013-11-22")),
        ("It opens on Nov . 22 , 2013 .", ("Nov . 22 , 2013", "2013-11-22")),
        ("It opens on Nov. 22 , 2013 .", ("Nov. 22 , 2013", "2013-11-22")),
        ("It opens on Monday , November 22 , 2013 .", ("Monday , November 22 , 2013", "2013-11-22")),
        ("It opens on 22 November , 2013 .", ("22 November , 2013", "2013-11-22")),
        ("It opens in November , 2013 .", ("November , 2013", "2013-11")),
        ("It was attacked on Sept . 11 , 2001 .", ("Sept . 11 , 2001", "2001-09-11")),
        ("Sales fell in the third quarter , 2011 .", ("the third quarter , 2011", "2011-Q3")),
    ],
)
def test_spaced_commas_and_dots_in_dates(text: str, expected: tuple[str, str]) -> None:
    assert _values(text) == [expected]


def test_a_spaced_dot_after_a_month_ends_the_sentence_when_no_figure_follows() -> None:
    assert _values("He left in Nov . He returned .") == []
    assert _values("On Friday , 14 people died .") == [("Friday", "2012-03-30")]
