"""What a reader of the seed articles can check: their dates, weekdays and relative references."""

from __future__ import annotations

import datetime as dt

from service.records import PartialDate, TimeExpression
from service.timex import detect_publication_date, relate, tag_times

MOSCOW_TIMES = PartialDate(2013, 3, 25)


def _find(times: list[TimeExpression], text: str) -> list[TimeExpression]:
    return [t for t in times if t.text == text]


def test_publication_dates_of_all_seeds(seed) -> None:
    expected = {
        "000": PartialDate(2013, 3, 25),
        "001": PartialDate(2013, 3, 25),
        "002": PartialDate(2013, 3, 7),
        "003": PartialDate(None, 4, 23),
        "004": PartialDate(2011, 11, 21),
    }
    for number, date in expected.items():
        text = seed(number)
        found = detect_publication_date(text)
        assert found is not None, number
        assert found[0] == date, number
        assert found[1] is not None and date.day is not None and str(date.day) in found[1].of(text)


def test_seed_004_reads_the_footer_date_line(seed) -> None:
    text = seed("004")
    date, span = detect_publication_date(text)
    assert span is not None and span.of(text) == "November 21, 2011"


def test_moscow_times_last_week_and_monday(seed) -> None:
    times = tag_times(seed("000"), MOSCOW_TIMES)
    (last_week,) = _find(times, "last week")
    assert last_week.value == "2013-W12"
    assert (last_week.begin, last_week.end) == (dt.date(2013, 3, 18), dt.date(2013, 3, 24))
    mondays = _find(times, "Monday")
    assert mondays and all(t.value == "2013-03-25" for t in mondays)


def test_saturday_before_a_monday_article(seed) -> None:
    times = tag_times(seed("004"), PartialDate(2011, 11, 21))
    saturdays = _find(times, "Saturday")
    assert saturdays and all(t.begin == dt.date(2011, 11, 19) for t in saturdays)


def test_unknown_year_anchor_keeps_year_unknown(seed) -> None:
    text = seed("003")
    anchor, _ = detect_publication_date(text)
    times = tag_times(text, anchor)
    (january,) = _find(times, "January")
    assert january.value == "XXXX-01" and january.month == 1
    assert january.begin is None and january.end is None
    assert all(t.begin is None for t in times)  # no year is ever guessed
    assert all(t.value.startswith("XXXX") for t in _find(times, "Monday"))


def test_reuters_march_21_is_covered_by_moscow_times_last_week(seed) -> None:
    reuters = tag_times(seed("001"), PartialDate(2013, 3, 25))
    moscow = tag_times(seed("000"), MOSCOW_TIMES)
    (march_21,) = _find(reuters, "March 21")
    (last_week,) = _find(moscow, "last week")
    relation = relate(march_21, last_week)
    assert relation is not None and relation.compatible and relation.more_specific == "a"
    (march_16_reuters,) = _find(reuters, "March 16")
    (march_16_moscow,) = _find(moscow, "March 16")
    agreement = relate(march_16_reuters, march_16_moscow)
    assert agreement is not None and agreement.compatible and agreement.more_specific == ""


def test_durations_and_vague_references_in_seeds(seed) -> None:
    times = tag_times(seed("004"), PartialDate(2011, 11, 21))
    (year,) = _find(times, "roughly a year")
    assert year.value == "P1Y" and year.modifier == "APPROX"
    decades = _find(times, "the next decade")
    assert decades and all(t.value == "P1DE" for t in decades)
    (future,) = _find(tag_times(seed("004"), PartialDate(2011, 11, 21)), "the near future")
    assert future.vague and future.value == "FUTURE_REF" and future.begin is None
    span = _find(tag_times(seed("003"), None), "10 to 15 years")
    assert span and span[0].value == "P10Y/P15Y"
