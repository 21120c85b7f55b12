"""Day, abbreviated month and two-digit year ("10 Nov 11"), as navies, Indian and British outlets write a date,
against the readings the same figures have elsewhere: "Nov 11" is a day, "10 Nov" a day, "at 10" no date."""

from __future__ import annotations

import pytest

from service.records import PartialDate
from service.timex import tag_times

ANCHOR = PartialDate(2011, 11, 11)  # a Friday


def _values(text: str, anchor: PartialDate | None = ANCHOR) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag_times(text, anchor)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Indian Naval Ship Sukanya found herself once again in the thick of things , thwarting a multiple - boat "
         "piracy attack on 10 Nov 11 .", [("10 Nov 11", "2011-11-10")]),
        ("The frigate sailed from Kochi on 3 Jan 09 for the Gulf of Aden.", [("3 Jan 09", "2009-01-03")]),
        ("The boarding party was landed on 10-Nov-11 at first light.", [("10-Nov-11", "2011-11-10")]),
        ("The log entry is dated 10-Nov-2011.", [("10-Nov-2011", "2011-11-10")]),
        ("On Thursday, 10 Nov 11, INS Sukanya responded to a distress call.",
         [("Thursday, 10 Nov 11", "2011-11-10")]),
        ("The convoy left on 10 NOV 11 under escort.", [("10 NOV 11", "2011-11-10")]),
        ("The exercise ended on 12 May 11 off Mumbai.", [("12 May 11", "2011-05-12")]),
        ("The memo of 3 Sept 98 was never answered.", [("3 Sept 98", "1998-09-03")]),
    ],
)
def test_day_month_two_digit_year(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert _values(sentence) == expected


def test_the_two_digit_year_is_the_one_nearest_the_anchor() -> None:
    assert _values("The treaty was signed on 4 Jun 49.", PartialDate(1953, 1, 2)) == [("4 Jun 49", "1949-06-04")]
    assert _values("The treaty was signed on 4 Jun 49.", PartialDate(2040, 1, 2)) == [("4 Jun 49", "2049-06-04")]
    assert _values("The treaty was signed on 4 Jun 49.", None) == [("4 Jun 49", "2049-06-04")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a figure after the month with no day before it is the month's day
        ("The attack was foiled on Nov 11 in the Gulf of Aden.", [("Nov 11", "2011-11-11")]),
        ("Talks are set for Nov 11 and 12.", [("Nov 11", "2011-11-11")]),
        ("The attack came on Nov 11, 2011.", [("Nov 11, 2011", "2011-11-11")]),
        ("The attack came on Nov . 11 , 2011 .", [("Nov . 11 , 2011", "2011-11-11")]),
        # a day before the month with no year after it
        ("The warship foiled the attack on 10 Nov.", [("10 Nov.", "2011-11-10")]),
        ("The warship foiled the attack on 10 Nov 2011.", [("10 Nov 2011", "2011-11-10")]),
        ("The warship foiled the attack on 10 November, 2011.", [("10 November, 2011", "2011-11-10")]),
        # the figure after "10 Nov" is a count or a time, not a year
        ("On 10 Nov 11 people were rescued from the dhow.", [("10 Nov", "2011-11-10")]),
        ("The vote on 10 November 11 members abstained.", [("10 November", "2011-11-10")]),
        ("The ship docked on 10 Nov 11 am local time.", [("10 Nov", "2011-11-10"), ("11 am", "2011-11-11T11:00")]),
        ("The ship docked on 10 Nov 11:30.", [("10 Nov", "2011-11-10"), ("11:30", "2011-11-11T11:30")]),
        # figures that are no date at all
        ("The briefing resumes at 10.", []),
        ("India beat Pakistan 10-11 in the final.", []),
        ("The score stood at 10 - 11 after extra time.", []),
    ],
)
def test_other_readings_of_the_same_figures(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert _values(sentence) == expected


def test_a_spaced_day_and_a_hyphenated_year_are_not_one_date() -> None:
    assert _values("Sales for 10 Nov-11 were flat.") == []
    assert _values("The dhow was boarded between 9 and 10 Nov 11 .") == [("10 Nov 11", "2011-11-10")]
    assert _values("Sunday 5 November 12 people were killed.") == [("Sunday 5 November", "2011-11-05")]
