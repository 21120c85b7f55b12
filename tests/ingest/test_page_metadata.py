"""Where a web page declares its article's date, outlet, headline and authors, and which declaration wins."""

from __future__ import annotations

import datetime as dt

from service.ingest.alignment import PageTokens, locate_blocks
from service.ingest.page_dates import parse_day
from service.ingest.page_metadata import read_page_metadata, strip_site_suffix
from service.ingest.widgets import widget_reason

TODAY = dt.date(2020, 6, 1)


def page(head: str, body: str = "<p>Text.</p>") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def test_json_ld_article_date_wins_over_meta_time_and_url():
    html = page('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
                '{"@type": "WebPage", "datePublished": "2019-01-01"},'
                '{"@type": "NewsArticle", "datePublished": "2019-11-18T23:30:00-05:00", "headline": "H",'
                ' "author": [{"@type": "Person", "name": "Ann Lee"}], "publisher": {"name": "The Courier"}}]}'
                '</script><meta property="article:published_time" content="2019-11-18T10:00:00Z">',
                '<time datetime="2019-11-20">Nov 20</time>')
    meta = read_page_metadata(html, "https://example.com/2019/11/17/story", TODAY)
    # The day as written in the page's own zone, not converted to UTC.
    assert meta.dates.published.date == dt.date(2019, 11, 18) and meta.dates.published.rule == "json-ld"
    assert meta.authors == ("Ann Lee",)
    assert meta.site_name == "The Courier"


def test_meta_then_marked_element_then_url():
    assert read_page_metadata(page('<meta name="parsely-pub-date" content="2020-02-03T08:00:00Z">'),
                              today=TODAY).dates.published.rule == "meta"
    marked = read_page_metadata(page("", '<span itemprop="datePublished" content="2020-02-04">Feb 4</span>'),
                                today=TODAY).dates.published
    assert (marked.date, marked.rule) == (dt.date(2020, 2, 4), "markup")
    from_url = read_page_metadata(page(""), "https://news.example/world/2020/02/05/x.html", TODAY).dates.published
    assert (from_url.date, from_url.rule) == (dt.date(2020, 2, 5), "url")


def test_contradicting_declarations_are_settled_by_htmldates_reading_of_the_page():
    html = page('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2020-03-05"}'
                '</script><meta property="article:published_time" content="2020-03-09">')
    # htmldate sides with the OpenGraph declaration, so the JSON-LD one, first in trust otherwise, gives way.
    assert read_page_metadata(html, today=TODAY).dates.published.date == dt.date(2020, 3, 9)


def test_impossible_and_future_dates_are_not_dates():
    assert parse_day("2020-02-30", TODAY) is None
    assert parse_day("2031-01-01", TODAY) is None
    assert parse_day("1970-01-01T00:00:00Z", TODAY) is None
    assert parse_day("1582000000", TODAY) == dt.date(2020, 2, 18)


def test_headline_loses_the_site_suffix_and_outlet_falls_back_to_the_host():
    meta = read_page_metadata(page("<title>Storm hits coast | Daily Planet</title>"),
                              "https://www.dailyplanet.example/a", TODAY)
    assert meta.site_name == "dailyplanet.example"
    assert meta.title == "Storm hits coast"
    assert strip_site_suffix("Storm hits coast - The Courier", "The Courier") == "Storm hits coast"
    assert strip_site_suffix("Pros - and cons", "The Courier") == "Pros - and cons"


def test_broken_markup_and_json_declare_nothing_without_raising():
    meta = read_page_metadata('<html><head><script type="application/ld+json">{"@type": "NewsArt',
                              today=TODAY)
    assert meta.dates.published is None and meta.authors == ()


def test_widget_lines_are_known_by_their_words_not_their_shape():
    for widget in ("Sponsored: The best 10 credit cards of 2013", "Learn more", "OK",
                   "We use cookies to improve your experience on our site.", "Sign up for our daily newsletter",
                   "Share this article", "Most read"):
        assert widget_reason(widget) is not None, widget
    for article_text in ("Heritage d. Titusville 53-9", "GIRLS BASKETBALL", "1a etapa: 10 de março – Interlagos",
                         "The bank said it would stop using cookies from advertisers next year, it said."):
        assert widget_reason(article_text) is None, article_text


def test_blocks_are_put_back_where_the_page_has_them_and_an_inline_ad_splits_its_block():
    visible = "Menu  Home\n\nThe port reopened on Tuesday .  Sponsored : buy cards now  Ships left at dawn ."
    spans = locate_blocks(["The port reopened on Tuesday. Ships left at dawn."], PageTokens(visible))
    assert [visible[s.start:s.end] for s in spans] == ["The port reopened on Tuesday .", "Ships left at dawn ."]


def test_widgets_told_by_what_they_say_about_themselves():
    for widget in ("Start your day with the Opening Bell. It is read by finance professionals. "
                   "Sign up for the free daily newsletter.",
                   "Pick Six Newsletter",
                   "China furious at Macron for Hong Kong protest jibe [ INSIGHT]",
                   "SEE MORE : Hong Kong protests: 800 students under siege in university",
                   "Have a tip? Amy Kuperinsky may be reached at akuperinsky@example.com . Follow her on Twitter.",
                   "Email Tariq Malik at tmalik@example.com or follow him @tariqjmalik.",
                   "Jewels after Jewels, installation views, photos © Inexhibit, 2018",
                   "Updated at 1:23 p.m.",
                   # Blanked markup between a line's words does not hide what they say.
                   "Sign up for        The Water Coolest          today to get the free daily newsletter."):
        assert widget_reason(widget) is not None, widget
    for article_text in ("The police said he had been following them on Twitter for weeks before the attack.",
                         "The newsletter, he said, reached 4,000 readers [sic] by March.",
                         "Sign up numbers for the programme rose by a third, the ministry said in its newsletter "
                         "to schools on Friday, adding that it expected more next year after the summer break "
                         "and the campaign that the government began in May across the country's regions.",
                         "He was updated at 1:23 p.m. by the coach on the injury of his teammate."):
        assert widget_reason(article_text) is None, article_text


def test_timestamps_in_scripts_and_keywords_do_not_date_a_page_that_declares_no_date():
    # A catalogue page: the only timestamps are a signed-in user's record in a script and a registry entry's
    # modification time in the keywords, neither of them when the page's text was published.
    catalogue = page(
        '<title>The Treaty of Ghent Reconsidered | Journal Archive</title>'
        '<meta name="keywords" content="Ohio, New Corporations 438057, MURRAYS MOWING LLC, 0, 2020-07-25, '
        '2020-09-08, 2020-08-18 13:14:26">'
        '<script>userData = {"uuid": "e06d5aeb", "institutions": [{"id": "19726", '
        '"createTime": "2008-02-02T03:02:36.000+0000", "auth": true}]};</script>',
        '<h1>The Treaty of Ghent Reconsidered</h1><p>Journal of Diplomatic History, Vol. 12, No. 3</p>'
        '<p>Read online for free with a personal account, or download the article as a PDF.</p>')
    read_in_september = dt.date(2020, 9, 1)  # after the registry's timestamp, so that it is a plausible date
    assert read_page_metadata(catalogue, "https://archive.example/stable/2669240",
                              read_in_september).dates.published is None


def test_a_timestamp_the_page_shows_still_dates_it_when_scripts_are_set_aside():
    byline = page('<script>var loaded = "2019-01-01 00:00:00";</script>',
                  '<div><span>Lee Yong-min, reporter | </span>\n2020-03-04 16:52:59\n</div>'
                  '<p>The city council approved the new tram line on Wednesday after a year of debate.</p>')
    published = read_page_metadata(byline, "https://daily.example/news/view.asp?id=1", TODAY).dates.published
    assert (published.date, published.rule) == (dt.date(2020, 3, 4), "htmldate")
