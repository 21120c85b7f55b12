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


def test_a_datelines_place_set_off_by_a_dash_or_by_commas() -> None:
    cases = {
        # a press release's dateline, its line of its own (ECB+ text)
        "Biologists Call on Obama Administration\nWASHINGTON - April 27 -\nMore than 1,300 scientists today called":
            (PartialDate(None, 4, 27), "April 27"),
        "Headline\n\nSAN FRANCISCO, Calif. - May 3 - The company said": (PartialDate(None, 5, 3), "May 3"),
    }
    for text, (expected, shown) in cases.items():
        date, span = detect_publication_date(text)
        assert date == expected and span.of(text) == shown
    # a dash in prose is no dateline
    assert detect_publication_date("Headline\n\nHe said - on April 5 - that the day had come.") is None


def test_today_in_an_article_dated_by_a_dateline_without_a_year() -> None:
    from tests.extraction import extraction

    text = ("Biologists Call on Obama Administration to Overturn Bush Rules\n\nWASHINGTON - April 27 -\n\n"
            "More than 1,300 scientists today called on the Interior and Commerce departments to overturn rule "
            "changes made in January.\n")
    extracted = extraction(text)
    assert extracted.article.published == PartialDate(None, 4, 27)
    (today,) = [t for c in extracted.claims for t in c.times if t.text == "today"]
    assert today.month == 4 and today.day == 27
