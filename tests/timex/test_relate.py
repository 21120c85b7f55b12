from __future__ import annotations

from service.records import PartialDate
from service.timex import relate, tag_times


def _time(text: str, anchor: PartialDate | None):
    (time,) = tag_times(text, anchor)
    return time


def test_disjoint_days_give_the_gap() -> None:
    anchor = PartialDate(2013, 3, 19)
    a = _time("They met on Tuesday, March 12.", anchor)
    b = _time("They met on March 14.", anchor)
    relation = relate(a, b)
    assert relation is not None and not relation.compatible and relation.gap_days == 2
    assert relate(b, a).gap_days == 2


def test_last_week_covers_a_day_in_it() -> None:
    last_week = _time("They met last week.", PartialDate(2013, 3, 19))
    day = _time("They met on March 14.", PartialDate(2013, 3, 19))
    relation = relate(last_week, day)
    assert relation is not None and relation.compatible and relation.more_specific == "b"


def test_durations_and_vague_references_are_not_compared() -> None:
    anchor = PartialDate(2013, 3, 25)
    assert relate(_time("It took eight years.", anchor), _time("It ended in 2009.", anchor)) is None
    assert relate(_time("It ended recently.", anchor), _time("It ended in 2009.", anchor)) is None


def test_unknown_years_compare_on_month_and_day() -> None:
    anchor = PartialDate(None, 4, 23)
    a = _time("It was announced on April 20.", anchor)
    b = _time("It was announced on April 23.", anchor)
    month = _time("It was announced in April.", anchor)
    assert relate(a, b).gap_days == 3 and not relate(a, b).compatible
    relation = relate(month, a)
    assert relation.compatible and relation.more_specific == "b"
    assert relate(a, _time("It was announced on April 20.", anchor)).compatible


def test_weekday_of_unknown_year_cannot_be_compared() -> None:
    anchor = PartialDate(None, 4, 23)
    assert relate(_time("They met on Monday.", anchor), _time("They met on April 20.", anchor)) is None
