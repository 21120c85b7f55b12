"""The news page through the real ingest and extract stages: its date, outlet and headline come from the page,
none of its furniture becomes a claim, and its relative dates are resolved against the date it declares."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from service.articles import HTML, build_article
from service.extract import extract
from service.records import ArticleInput, PartialDate
from tests.pages.news_page import FURNITURE, HEADLINE, OUTLET, PAGE, URL


@pytest.fixture(scope="module")
def extraction():
    return extract(build_article(ArticleInput(text=PAGE, url=URL, content_type=HTML), 1_000_000))


def test_date_outlet_headline_authors_and_canonical_url_come_from_the_page(extraction):
    article = extraction.article
    assert article.published == PartialDate(2013, 3, 26)
    assert article.published_by == "meta"
    # The page also shows the day in its byline: that is where the date is read.
    assert article.published_span is not None
    assert "March 26, 2013" in PAGE[article.published_span.start:article.published_span.end]
    assert article.modified == PartialDate(2013, 3, 26)
    assert article.source == OUTLET
    assert article.title == HEADLINE
    assert article.authors == ("Maria Kovalenko",)
    assert article.canonical_url == URL


def test_no_furniture_among_the_claims(extraction):
    claims = [c.text for c in extraction.claims]
    assert len(claims) >= 4
    for furniture in FURNITURE:
        pattern = re.compile(rf"\b{re.escape(furniture)}\b")
        assert not [c for c in claims if pattern.search(c)], furniture


def test_every_article_paragraph_is_kept(extraction):
    text = " ".join(c.text for c in extraction.claims)
    for words in ("military cooperation agreement", "repair of Russian-built ships", "two more submarines",
                  "travel on to Singapore"):
        assert words in text


def test_claim_spans_point_into_the_page_as_submitted(extraction):
    for claim in extraction.claims:
        assert " ".join(re.sub(r"<[^>]+>", " ", PAGE[claim.span.start:claim.span.end]).split()) == claim.text


def test_relative_dates_are_resolved_against_the_declared_date(extraction):
    times = {t.text: t for c in extraction.claims for t in c.times}
    assert times["Monday"].begin == dt.date(2013, 3, 25)
    assert times["last week"].begin == dt.date(2013, 3, 18)
    assert times["Wednesday"].begin == dt.date(2013, 3, 27)
    assert times["next year"].begin == dt.date(2014, 1, 1)


def test_what_the_caller_passes_wins_over_the_page():
    article = build_article(ArticleInput(text=PAGE, url=URL, content_type=HTML, source="Wire Desk",
                                         title="Given title", published=PartialDate(2013, 3, 27)), 1_000_000)
    assert (article.source, article.title, article.published, article.published_by) == (
        "Wire Desk", "Given title", PartialDate(2013, 3, 27), "caller")
