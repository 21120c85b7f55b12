from __future__ import annotations

import datetime as dt

import pytest

from service.records import Granularity, PartialDate, Span, TimeType
from service.timex import tag_times

ANCHOR = PartialDate(2013, 3, 25)  # a Monday


def _only(text: str, anchor: PartialDate | None = ANCHOR):
    times = tag_times(text, anchor)
    assert len(times) == 1, times
    return times[0]


@pytest.mark.parametrize(
    ("sentence", "extent", "value"),
    [
        ("It was signed on March 25, 2013 in Geneva.", "March 25, 2013", "2013-03-25"),
        ("It was signed on 25 March 2013 in Geneva.", "25 March 2013", "2013-03-25"),
        ("Officials met (Nov. 21) in Bali.", "Nov. 21", "2012-11-21"),
        ("The file is dated 2013-03-25.", "2013-03-25", "2013-03-25"),
        ("The plan was announced in January.", "January", "2013-01"),
        ("The shield was proposed in 2009.", "2009", "2009"),
        ("Interceptors are due by 2020.", "2020", "2020"),
        ("Tensions date back to the 1990s.", "the 1990s", "199"),
        ("Work began in mid-2012.", "mid-2012", "2012"),
        ("A decision is expected early next year.", "early next year", "2014"),
        ("He said so yesterday.", "yesterday", "2013-03-24"),
        ("Profits fell in the third quarter.", "the third quarter", "2012-Q3"),
        ("The talks resumed two days ago.", "two days ago", "2013-03-23"),
        ("The plan changed earlier this year.", "earlier this year", "2013"),
        ("They signed it a year ago.", "a year ago", "2012"),
        ("The envoy arrives next month.", "next month", "2013-04"),
        ("The ministers meet this week.", "this week", "2013-W13"),
    ],
)
def test_dates(sentence: str, extent: str, value: str) -> None:
    time = _only(sentence)
    assert time.text == extent
    assert time.type is TimeType.DATE
    assert time.value == value
    assert time.span.of(sentence) == extent


def test_interval_of_a_month_and_an_edge() -> None:
    january = _only("It happened in January.")
    assert (january.begin, january.end, january.granularity) == (dt.date(2013, 1, 1), dt.date(2013, 1, 31), Granularity.MONTH)
    mid = _only("Work began in mid-2012.")
    assert mid.modifier == "MID" and dt.date(2012, 5, 1) <= mid.begin < mid.end <= dt.date(2012, 8, 31)


def test_past_weekday_is_the_most_recent_and_future_weekday_the_next() -> None:
    assert _only("Ryabkov said on Saturday that talks would go on.").value == "2013-03-23"
    assert _only("Officials said Monday the plan stands.").value == "2013-03-25"
    assert _only("The ministers will meet on Thursday in Brussels.").value == "2013-03-28"
    assert _only("They will meet on Monday in Brussels.").value == "2013-04-01"


def test_quoted_future_does_not_move_a_reported_weekday() -> None:
    text = '"We will continue discussions," Lavrov said on Friday.'
    (friday,) = [t for t in tag_times(text, ANCHOR) if t.text == "Friday"]
    assert friday.value == "2013-03-22"


def test_month_year_inference_follows_tense() -> None:
    january_article = PartialDate(1998, 1, 8)
    assert _only("Sales rose in December.", january_article).value == "1997-12"
    assert _only("The conference will be held in May.", PartialDate(2013, 3, 7)).value == "2013-05"


def test_durations() -> None:
    assert _only("They have talked for roughly a year.").value == "P1Y"
    assert _only("It lasted eight years.").value == "P8Y"
    assert _only("Threats could grow in 10 to 15 years.").value == "P10Y/P15Y"
    decade = _only("Cuts are planned over the next decade.")
    assert (decade.text, decade.value, decade.type) == ("the next decade", "P1DE", TimeType.DURATION)
    assert _only("He waited a few days.").value == "PXD"


def test_clock_time() -> None:
    time = _only("Updated 11:37 PM.")
    assert (time.type, time.value) == (TimeType.TIME, "2013-03-25T23:37")


@pytest.mark.parametrize(
    ("sentence", "value"),
    [("Talks resumed recently.", "PAST_REF"), ("A decision will come soon.", "FUTURE_REF"),
     ("Relations are tense now.", "PRESENT_REF"), ("Mistakes were made in the past.", "PAST_REF")],
)
def test_vague_references_have_no_interval(sentence: str, value: str) -> None:
    time = _only(sentence)
    assert time.vague and time.value == value and time.begin is None and time.end is None


def test_long_stalled_is_vague() -> None:
    time = _only("They reconvened long-stalled talks.")
    assert time.vague and time.begin is None


@pytest.mark.parametrize(
    "text",
    ["A deal to trim $1.2 trillion from the deficit.", "0 : 0", "US SM-3 Block IIB interceptors",
     "Install version 2.0.1.", "The team won 3-2 at home.", "Moscow lies at 55.7558, 37.6173.",
     "Please call 555-1234 for details.", "He paid 2,013 rubles.", "Growth of 2013% is absurd.",
     "Prices may fall further.", "They sent 2000 troops."],
)
def test_not_dates(text: str) -> None:
    precise = [t for t in tag_times(text, ANCHOR) if t.type in (TimeType.DATE, TimeType.TIME) and not t.vague]
    assert precise == []


def test_regions_restrict_tagging() -> None:
    text = "March 25, 2013\n\nTalks resumed on Monday."
    body = Span(16, len(text))
    times = tag_times(text, ANCHOR, regions=[body])
    assert [t.text for t in times] == ["Monday"]


def test_unknown_year_anchor() -> None:
    anchor = PartialDate(None, 4, 23)
    yesterday = _only("He spoke yesterday.", anchor)
    assert (yesterday.value, yesterday.month, yesterday.day, yesterday.begin) == ("XXXX-04-22", 4, 22, None)
    assert _only("They met on Monday.", anchor).value == "XXXX-WXX-1"
    assert _only("It was agreed in January.", anchor).value == "XXXX-01"


def test_no_anchor_keeps_explicit_years() -> None:
    assert _only("It was signed on March 5, 2013.", None).value == "2013-03-05"
    assert _only("It was signed on March 5.", None).value == "XXXX-03-05"



def test_regions_far_apart_in_blanks_are_scanned_apart_with_the_same_expressions(monkeypatch):
    import service.timex.tagger as tagger

    first = "The talks began on March 21, 2013 in Geneva."
    second = "They ended last week, two days before May 5."
    text = first + " " * 5000 + "\n" + second + " " * 300
    regions = [Span(0, len(first)), Span(len(first) + 5001, len(first) + 5001 + len(second))]
    assert tagger._scan_windows(text, regions) == [(0, len(first) + tagger.SCAN_GAP),
                                                   (regions[1].start, regions[1].end + tagger.SCAN_GAP)]
    found = tag_times(text, ANCHOR, regions)
    assert [t.text for t in found][:2] == ["March 21, 2013", "last week"]
    monkeypatch.setattr(tagger, "_scan_windows", lambda text, regions: [(0, len(text))])
    assert tag_times(text, ANCHOR, regions) == found  # what the scan of the whole text finds
    monkeypatch.undo()
    # Close regions, or regions with text between them, are one stretch: nothing changes there.
    assert tagger._scan_windows("ab cd", [Span(0, 2), Span(3, 5)]) == [(0, 5)]
    assert tagger._scan_windows("ab" + "x" * 400 + "cd", [Span(0, 2), Span(402, 404)]) == [(0, 404)]
