"""How the tagger reads spoken years, relational "soon", rates, ages and tense cues in news prose."""

from __future__ import annotations

import pytest

from service.records import PartialDate, TimeType
from service.timex import tag_times

ANCHOR = PartialDate(1998, 3, 4)  # a Wednesday
AUTUMN_ANCHOR = PartialDate(1989, 10, 26)  # a Thursday


def _values(text: str, anchor: PartialDate = ANCHOR) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag_times(text, anchor)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The clinic opened in nineteen ninety-six.", [("nineteen ninety-six", "1996")]),
        ("He was charged in January nineteen ninety-seven.", [("January nineteen ninety-seven", "1997-01")]),
        ("Prices peaked in the winter of nineteen ninety-four.",
         [("the winter of nineteen ninety-four", "1994-WI")]),
        ("The law dates from nineteen oh five.", [("nineteen oh five", "1905")]),
        ("Computers must be ready by the year two thousand.", [("the year two thousand", "2000")]),
        ("Hate groups declined through the nineties.", [("the nineties", "199")]),
    ],
)
def test_spoken_years(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert _values(sentence) == expected


def test_spoken_counts_are_not_years() -> None:
    assert _values("Two thousand troops and nineteen tanks arrived.") == []
    assert _values("She is in her nineties.") == []


def test_soon_relating_two_events_is_not_tagged() -> None:
    assert _values("He was killed soon after his capture.") == []
    assert _values("He left shortly before the blast.") == []
    assert _values("Buyers will act as soon as trading opens.") == []
    assert _values("He was soon released.") == []
    (soon,) = tag_times("A decision will come soon.", ANCHOR)
    assert soon.value == "FUTURE_REF"
    (asap,) = tag_times('It will sell the unit "as soon as possible."', ANCHOR)
    assert (asap.text, asap.value) == ("as soon as possible", "FUTURE_REF")


def test_growth_rates_and_ages_are_not_durations() -> None:
    assert _values("Sales should rise 8.5% annually.") == []
    assert _values("Mr. Reupke, 52 years old, resigned.") == []
    (stay,) = tag_times("They stayed for 52 years.", ANCHOR)
    assert (stay.type, stay.value) == (TimeType.DURATION, "P52Y")


def test_month_with_a_relative_year() -> None:
    assert _values("Ratification began in February this year.", PartialDate(1998, 12, 3)) == [
        ("February this year", "1998-02")
    ]
    assert _values("Pol Pot was arrested in July last year.", PartialDate(1998, 2, 19)) == [
        ("July last year", "1997-07")
    ]


def test_deadlines_and_plans_set_the_direction_of_a_date() -> None:
    # a deadline ahead of the report
    assert _values("KKR must repay the loan by February.", AUTUMN_ANCHOR) == [("February", "1990-02")]
    # an initial's period ends no clause, so "will" still governs the date
    assert _values("Mr. Schwarz will succeed Daniel P. Davison Feb. 1.", AUTUMN_ANCHOR) == [("Feb. 1", "1990-02-01")]
    assert _values("The change is effective Feb. 1.", AUTUMN_ANCHOR) == [("Feb. 1", "1990-02-01")]
    # a plan told in the past perfect was due before the report
    assert _values("The bid had been due to expire Friday evening.", AUTUMN_ANCHOR) == [
        ("Friday evening", "1989-10-20TEV")
    ]
    # "lower-than-expected" is an adjective, not a plan
    assert _values("It fell after lower-than-expected earnings Wednesday.", AUTUMN_ANCHOR) == [
        ("Wednesday", "1989-10-25")
    ]


def test_ordinals_and_titles_are_not_durations() -> None:
    assert _values("A second group of directors objected.") == []
    assert _values("He said so on CBS's 60 Minutes.") == []
    (minutes,) = tag_times("The raid lasted 60 minutes.", ANCHOR)
    assert minutes.value == "PT60M"


def test_season_followed_by_a_place_keeps_its_relative_word() -> None:
    assert _values("The doctor was shot last fall in his home.", PartialDate(1999, 6, 7)) == [
        ("last fall", "1998-FA")
    ]
    assert _values("Analysts expect a fall in prices.") == []


def test_vague_lengths_between_events() -> None:
    (weeks,) = tag_times("Rates may fall in coming weeks.", ANCHOR)
    assert (weeks.type, weeks.value) == (TimeType.DURATION, "PXW")
    (later,) = tag_times("A few days later, the company announced losses.", ANCHOR)
    assert (later.type, later.value) == (TimeType.DURATION, "PXD")
    (ago,) = tag_times("It was removed a few years ago.", ANCHOR)
    assert ago.value == "PAST_REF"
