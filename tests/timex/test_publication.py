from __future__ import annotations

from service.records import PartialDate
from service.timex import detect_publication_date


def test_dateline_with_agency_gives_month_and_day() -> None:
    text = "Some headline\n\nMOSCOW, April 23 (RIA Novosti) - Talks went on."
    date, span = detect_publication_date(text)
    assert date == PartialDate(None, 4, 23) and span.of(text) == "April 23"


def test_date_line_with_time_after_it() -> None:
    text = "Headline\nMarch 25, 2013 / 11:37 PM / 5 years ago\n\nBody text about talks in 2009."
    date, span = detect_publication_date(text)
    assert date == PartialDate(2013, 3, 25) and span.of(text) == "March 25, 2013"


def test_url_date_when_the_text_has_none() -> None:
    found = detect_publication_date("Headline\n\nBody without a date line.", "https://x.com/2013/03/25/story")
    assert found == (PartialDate(2013, 3, 25), None)


def test_dates_inside_prose_are_not_publication_dates() -> None:
    text = "Headline\n\n" + "The treaty, signed on March 5, 2010 in Prague after long and difficult talks, still holds."
    assert detect_publication_date(text) is None


def test_date_lines_of_tokenised_text_with_a_place_or_wire_code_before_them() -> None:
    cases = {
        "Scientific Consultations Restored\nWASHINGTON , DC , April 28 , 2009\nThe rule was revoked today.":
            (PartialDate(2009, 4, 28), "April 28 , 2009"),
        "Somali pirate attack foiled\nTNN Nov 12 , 2011 , 05 . 51AM IST MUMBAI :\nA warship intercepted boats.":
            (PartialDate(2011, 11, 12), "Nov 12 , 2011"),
    }
    for text, (expected, shown) in cases.items():
        date, span = detect_publication_date(text)
        assert date == expected and span.of(text) == shown
