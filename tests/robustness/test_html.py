"""A realistic news page (navigation, scripts, entities, og:site_name, <time>) through Extract, Ingest and Compare:
every span must point into the page exactly as submitted."""

from __future__ import annotations

import datetime as dt

import pytest

from client import CrosscheckClient, article_from_text
from crosscheck_proto import crosscheck_pb2 as pb
from tests.robustness.spans import cuts_markup, span_problems, visible

URL = "https://dailyplanet.example/2013/03/25/world/missile-talks"

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Russia and US hold missile talks | Daily Planet</title>
<meta property="og:site_name" content="Daily Planet">
<script>var teaser = "<p>Subscribe now said nobody.</p>"; window.ads = [1, 2, 3];</script>
<style>p { color: #333; }</style></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>Russia &amp; US hold missile talks</h1>
<time datetime="2013-03-25T10:00:00Z">March 25, 2013</time>
<p>Russia&#8217;s deputy defence minister Anatoly Antonov said on Monday that <b>six meetings</b> were held
in 2011 &mdash; more than planned.</p>
<!-- ad slot: <p>Buy now!</p> -->
<p>&ldquo;We are ready to continue the dialogue,&rdquo; Antonov told reporters in Moscow on March 25.</p>
<p>The Pentagon said 14 interceptors would be deployed in Alaska by 2017, according to a statement released on
Friday.</p>
</article>
<footer>&copy; 2013 Daily Planet. All rights reserved.</footer>
<script>track("page");</script></body></html>"""


@pytest.fixture(scope="module")
def extracted(fake_server):
    with CrosscheckClient(fake_server.address, timeout=60) as c:
        return c.extract(article_from_text(PAGE, html=True, url=URL))


def test_html_page_metadata_comes_from_the_page(extracted):
    article = extracted.article
    assert article.source == "Daily Planet"
    assert (article.published.year, article.published.month, article.published.day) == (2013, 3, 25)
    assert visible(PAGE[article.published_span.start:article.published_span.end]) == "March 25, 2013"
    assert article.content_type == pb.CONTENT_TYPE_HTML


def test_html_page_keeps_article_text_and_drops_furniture(extracted):
    claim_text = " ".join(c.text for c in extracted.claims)
    assert "Antonov" in claim_text and "14 interceptors" in claim_text
    for furniture in ("Subscribe", "Buy now", "Home", "rights reserved", "color", "track"):
        assert furniture not in claim_text


def test_every_span_of_an_html_page_points_at_its_words(extracted):
    # Quote parts have their own test below (they fail on character references).
    assert extracted.claims
    assert span_problems(PAGE, extracted, quotes=False) == []


def test_html_quote_parts_stay_inside_the_paragraph_text(extracted):
    for claim in extracted.claims:
        for quote in claim.quotes:
            for part in quote.parts:
                assert claim.span.start <= part.start < part.end <= claim.span.end
                assert "dialogue" in PAGE[part.start:part.end]


def test_html_quote_is_found_with_its_speaker(extracted):
    quotes = [q for c in extracted.claims for q in c.quotes]
    assert [q.text.strip(" ,") for q in quotes] == ["We are ready to continue the dialogue"]
    assert quotes[0].speaker == "Anatoly Antonov"


def test_html_quote_span_starts_at_the_first_quoted_word(extracted):
    (quote,) = [q for c in extracted.claims for q in c.quotes]
    first = quote.parts[0]
    assert PAGE[first.start:first.end].startswith("We are ready")


def test_html_character_reference_inside_a_word_keeps_the_word_whole(extracted):
    first = next(c for c in extracted.claims if c.unit == "body")
    assert "Russia\u2019s deputy" in first.text
    assert "Russia\u2019s deputy" in extracted.sentences[first.sentence_index].text


def test_html_headline_is_a_claim_of_its_own_with_references_decoded(extracted):
    headline = extracted.claims[0]
    assert headline.unit == "headline"
    assert headline.text == "Russia & US hold missile talks"
    assert all(c.unit == "body" for c in extracted.claims[1:])


def test_html_ingest_then_get_article_returns_spans_into_the_page(client):
    (result,) = client.ingest([article_from_text(PAGE + "\n<!-- ingest copy -->", html=True, url=URL)])
    assert not result.error and result.claim_count >= 3
    stored = client.get_article(result.article_id)
    text = stored.article.text
    assert text == PAGE + "\n<!-- ingest copy -->"
    assert span_problems(text, stored, quotes=False) == []
    title = stored.article.title_span
    assert visible(text[title.start:title.end]) == stored.article.title


def test_html_date_in_url_is_the_publication_date_when_the_page_has_none(client):
    page = PAGE.replace('<time datetime="2013-03-25T10:00:00Z">March 25, 2013</time>', "")
    response = client.extract(article_from_text(page, html=True, url=URL.replace("2013/03/25", "2013/04/02")))
    published = response.article.published
    assert (published.year, published.month, published.day) == (2013, 4, 2)
    # "Monday" resolves against the URL's date, not the wall clock.
    (monday,) = [t for c in response.claims for t in c.times if t.text == "Monday"]
    assert monday.value == "2013-04-01"


PLAIN = (
    "MOSCOW, March 25 (Reuters) - Deputy Defence Minister Anatoly Antonov said on Monday that seven meetings "
    "were held in 2011.\n\n\"We are ready to continue dialogue,\" Antonov told reporters.\n"
)


@pytest.fixture(scope="module")
def compared(fake_server):
    with CrosscheckClient(fake_server.address, timeout=60) as c:
        response = c.compare([
            article_from_text(PAGE, html=True, url=URL, external_id="planet.html"),
            article_from_text(PLAIN, source="Reuters", published=dt.date(2013, 3, 25), external_id="reuters.txt"),
        ])
    return response, {response.articles[0].id: PAGE, response.articles[1].id: PLAIN}


def _evidence(compared, quote_findings: bool):
    response, texts = compared
    quote_kinds = (pb.FINDING_KIND_QUOTE_WORDING, pb.FINDING_KIND_QUOTE_ATTRIBUTION)
    for finding in response.findings:
        if (finding.kind in quote_kinds) == quote_findings:
            for evidence in finding.evidence:
                yield finding, evidence, texts[evidence.article_id]


def test_compare_html_against_plain_text_finds_the_number_and_quote_differences(compared):
    response, _ = compared
    kinds = {f.kind for f in response.findings}
    assert pb.FINDING_KIND_QUOTE_WORDING in kinds
    assert pb.FINDING_KIND_NUMBER_MISMATCH in kinds


def test_compare_evidence_of_claim_findings_points_into_each_article(compared):
    checked = 0
    for finding, evidence, text in _evidence(compared, quote_findings=False):
        span = evidence.span
        assert 0 <= span.start < span.end <= len(text)
        assert not cuts_markup(text, span.start) and not cuts_markup(text, span.end)
        assert visible(text[span.start:span.end])
        checked += 1
    assert checked


def test_compare_evidence_of_quote_findings_does_not_cut_markup(compared):
    checked = 0
    for finding, evidence, text in _evidence(compared, quote_findings=True):
        span = evidence.span
        assert 0 <= span.start < span.end <= len(text)
        assert not cuts_markup(text, span.start) and not cuts_markup(text, span.end), text[span.start:span.end]
        checked += 1
    assert checked
