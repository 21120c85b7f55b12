"""A UTC timestamp near midnight and the day the page itself marks as its publication date."""

from __future__ import annotations

import datetime as dt

import lxml.html

from service.ingest.local_day import ambiguous_day, local_day, marked_days, shown_day
from service.ingest.page_metadata import read_page_metadata

TODAY = dt.date(2021, 6, 1)


def _page(declared: str, body: str) -> str:
    return (f'<html><head><script type="application/ld+json">{{"@type": "NewsArticle", "headline": "Voto",'
            f' "datePublished": "{declared}"}}</script></head><body>{body}<p>Testo.</p></body></html>')


def test_only_utc_or_zoneless_times_near_midnight_are_ambiguous():
    assert ambiguous_day("2020-12-05T23:15:0Z").neighbour == dt.date(2020, 12, 6)
    assert ambiguous_day("2020-12-06 00:40").neighbour == dt.date(2020, 12, 5)
    assert ambiguous_day("2020-12-05T22:00:00+00:00").neighbour == dt.date(2020, 12, 6)
    for settled in ("2020-12-05T23:15:00+01:00", "2020-12-05T12:00:00Z", "2020-12-05"):
        assert ambiguous_day(settled) is None, settled


def test_the_marked_neighbouring_day_is_the_pages_day_and_only_that_one():
    assert local_day("2020-12-05T23:15:0Z", [dt.date(2020, 12, 6)]) == dt.date(2020, 12, 6)
    # The written day itself, a day two away, or several days (a list of other articles) change nothing.
    assert local_day("2020-12-05T23:15:0Z", [dt.date(2020, 12, 5)]) is None
    assert local_day("2020-12-05T23:15:0Z", [dt.date(2020, 12, 4)]) is None
    assert local_day("2020-12-05T23:15:0Z", [dt.date(2020, 12, 6), dt.date(2020, 12, 1)]) is None
    # 00:30 UTC can only be the previous day somewhere, never the next one.
    assert local_day("2020-12-06T00:30Z", [dt.date(2020, 12, 7)]) is None
    assert local_day("2020-12-06T00:30Z", [dt.date(2020, 12, 5)]) == dt.date(2020, 12, 5)


def test_a_page_marking_the_local_day_in_its_own_language_is_dated_that_day():
    html = _page("2020-12-05T23:15:0Z", '<p class="date" itemprop="datePublished">06 Dicembre 2020</p>')
    published = read_page_metadata(html, today=TODAY).dates.published
    assert (published.date, published.rule) == (dt.date(2020, 12, 6), "markup")


def test_a_declared_time_away_from_midnight_or_in_a_local_zone_stands():
    for declared in ("2020-12-05T15:15:00Z", "2020-12-05T23:15:00+01:00"):
        html = _page(declared, '<p itemprop="datePublished">06 Dicembre 2020</p>')
        published = read_page_metadata(html, today=TODAY).dates.published
        assert (published.date, published.rule) == (dt.date(2020, 12, 5), "json-ld"), declared


def test_marked_days_read_dates_without_a_utc_time_and_skip_meta_declarations():
    tree = lxml.html.document_fromstring(
        '<html><head><meta itemprop="datePublished" content="2020-12-07"></head><body>'
        '<time pubdate datetime="2020-12-05T23:15:00Z">23:15</time>'
        '<span itemprop="datePublished">Sunday, December 6, 2020</span></body></html>')
    assert marked_days(tree, TODAY) == [dt.date(2020, 12, 6)]


def test_shown_days_need_a_month_name_and_a_short_text():
    assert shown_day("Domenica 06 Dicembre 2020 | 00:36", TODAY) == dt.date(2020, 12, 6)
    assert shown_day("12/06/2020", TODAY) is None  # 12 June or 6 December, depending on the country
    assert shown_day("Published on " + "a very long line of text " * 4 + "6 December 2020", TODAY) is None
