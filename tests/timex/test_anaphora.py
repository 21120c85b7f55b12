"""Expressions read from a date named earlier in the text rather than from the publication date."""

from __future__ import annotations

from service.records import PartialDate, TimeType
from service.timex import tag_times

EARNINGS_DAY = PartialDate(1989, 10, 26)  # a Thursday, in the fourth quarter


def _values(text: str, anchor: PartialDate | None = EARNINGS_DAY) -> dict[str, str]:
    return {t.text: t.value for t in tag_times(text, anchor)}


def test_the_quarter_is_the_quarter_the_report_names() -> None:
    text = ("Sun reported a loss for the fiscal first quarter. "
            "The company shipped 28,000 systems in the quarter.")
    assert _values(text)["the quarter"] == "1989-Q1"


def test_without_a_named_quarter_the_quarter_is_the_last_completed() -> None:
    assert _values("Profit rose 5% in the quarter.")["the quarter"] == "1989-Q3"


def test_a_forecast_quarter_is_not_the_one_reported() -> None:
    text = "Third-quarter profit rose. It expects fourth-quarter profit to fall. Sales in the quarter rose."
    assert _values(text)["the quarter"] == "1989-Q3"


def test_a_year_earlier_compares_with_the_named_quarter() -> None:
    text = ("Ralston's fourth-quarter profit fell to $45 million from $84.9 million a year earlier. "
            "Sales in the latest period were $1.76 billion.")
    values = _values(text, PartialDate(1989, 11, 2))
    assert values["a year earlier"] == "1988-Q4"
    assert values["the latest period"] == "1989-Q4"


def test_the_latest_period_without_a_quarter_is_not_tagged() -> None:
    assert "the latest period" not in _values("Prices rose in the latest period.")


def test_the_year_earlier_period() -> None:
    text = "Du Pont's third-quarter net rose. In the year-earlier period, it earned $461 million."
    assert _values(text)["the year-earlier period"] == "1988-Q3"
    assert _values("In the year-earlier period, it earned $461 million.")["the year-earlier period"] == "1988"


def test_the_following_year_counts_from_the_year_named() -> None:
    text = "He was made a general on May 22, 1995, and the following year he was sent to Washington."
    assert _values(text, PartialDate(1998, 4, 18))["the following year"] == "1996"
    alone = [t for t in tag_times("It took the following year.", PartialDate(1998, 4, 18))]
    assert [(t.value, t.type) for t in alone] == [("P1Y", TimeType.DURATION)]


def test_that_year_is_the_year_named() -> None:
    values = _values("Imports totalled $37 million in 1988, a small share of all imports that year.")
    assert values["that year"] == "1988"
    assert "that year" not in _values("Nobody knew it that year.")


def test_fiscal_and_full_years() -> None:
    values = _values("Sales in the current fiscal year will rise. Sales in the latest fiscal year fell. "
                     "It forecast a gain for the full year.")
    assert values["the current fiscal year"] == "1989"
    assert values["the latest fiscal year"] == "1988"
    assert values["the full year"] == "1989"


def test_year_end() -> None:
    assert _values("It expects to close the deal by year-end.")["year-end"] == "1989-12-31"
    assert _values("The index is up 20% since year-end.")["year-end"] == "1988-12-31"


def test_clock_time_on_a_weekday() -> None:
    values = _values("Troops began moving at noon Saturday.", PartialDate(1991, 2, 25))
    assert values["noon Saturday"] == "1991-02-23T12:00"


def test_postponement_points_to_the_coming_weekday() -> None:
    values = _values("Officials postponed until Tuesday any action on the case.", PartialDate(2000, 3, 30))
    assert values["Tuesday"] == "2000-04-04"
