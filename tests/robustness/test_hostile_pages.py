"""Hostile web pages: huge, deeply nested, lying about their charset, or with no article at all. None may crash,
hang or eat the machine; a page without an article is rejected with a message that says so, and nothing of it
is stored."""

from __future__ import annotations

import resource
import time

import grpc
import pytest

from client import CrosscheckClient, Rejected, article_from_text
from crosscheck_proto import crosscheck_pb2 as pb
from service.articles import HTML, build_article
from service.errors import InvalidInput
from service.extract import extract
from service.records import ArticleInput
from tests.robustness.conftest import count_articles

ARTICLE = """<article><h1>Port strike ends after nine days</h1>
<p>Dock workers in Rotterdam returned to work on Tuesday after a nine-day strike over pay ended with an agreement
on a four percent rise, the union said.</p>
<p>The port authority said about 200 ships had been delayed and that it expected the backlog to be cleared
within a week.</p></article>"""


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _claims_text(html: str) -> str:
    extraction = extract(build_article(ArticleInput(text=html, content_type=HTML), 1_000_000))
    return " ".join(c.text for c in extraction.claims)


def test_a_five_megabyte_page_is_read_in_bounded_time_and_memory():
    menu = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(2000))
    script = "<script>var data = [" + ",".join(str(i) for i in range(400_000)) + "];</script>"
    related = "".join(f'<div class="teaser"><a href="/x/{i}">Teaser headline number {i}</a></div>'
                      for i in range(40_000))
    page = f"<html><head>{script}</head><body><nav><ul>{menu}</ul></nav>{ARTICLE}{related}</body></html>"
    assert len(page) > 5_000_000
    before = _peak_rss_mb()
    started = time.perf_counter()
    text = _claims_text(page)
    elapsed = time.perf_counter() - started
    assert "nine-day strike" in text and "backlog" in text
    assert "Teaser headline" not in text and "Section 1" not in text
    assert elapsed < 120
    assert _peak_rss_mb() - before < 3000


def test_many_preformatted_blocks_on_many_source_lines_are_read_in_bounded_time():
    # every source line break is checked against the <pre> blocks: one scan per break would be quadratic
    code = "\n".join(f"<pre>line {i}\nof code</pre>" for i in range(30_000))
    page = f"<html><body>{ARTICLE}<div class=\"listing\">{code}</div></body></html>"
    started = time.perf_counter()
    text = _claims_text(page)
    assert "nine-day strike" in text
    assert time.perf_counter() - started < 60


def test_many_unclosed_scripts_are_read_in_bounded_time():
    # the date reader drops scripts: a search for each one's end must not rescan the page from every start
    page = f"<html><body>{ARTICLE}" + "<script>var shown = 1;" * 60_000 + "</body></html>"
    started = time.perf_counter()
    try:
        text = _claims_text(page)
    except InvalidInput as exc:
        assert "article" in exc.message
    else:
        assert "nine-day strike" in text
    assert time.perf_counter() - started < 60


def test_deeply_nested_markup_neither_crashes_nor_recurses_without_end():
    depth = 20_000
    page = "<html><body>" + "<div>" * depth + ARTICLE + "</div>" * depth + "</body></html>"
    started = time.perf_counter()
    try:
        text = _claims_text(page)
    except InvalidInput as exc:  # acceptable: a clear rejection, not a crash
        assert "article" in exc.message
    else:
        assert "nine-day strike" in text
    assert time.perf_counter() - started < 120


def test_unclosed_and_misnested_tags_still_give_the_article():
    page = ("<html><body><div><p>Dock workers in Rotterdam returned to work on Tuesday after a nine-day strike "
            "over pay ended with an agreement on a four percent rise, the union <b>said.<p>The port authority said "
            "about 200 ships had been <i>delayed</b> and that it expected the backlog to be cleared within a week."
            "<table><tr><td></div></span>")
    text = _claims_text(page)
    assert "nine-day strike" in text and "backlog" in text


@pytest.fixture
def client(fake_server):
    with CrosscheckClient(fake_server.address, timeout=120) as c:
        yield c


def test_a_charset_declaration_that_lies_does_not_change_the_characters(client):
    # The page says Latin-1 but its bytes are UTF-8: the bytes win, so the offsets and the words stay right.
    html = ('<html><head><meta charset="iso-8859-1"><meta http-equiv="Content-Type" '
            'content="text/html; charset=windows-1251"></head><body><article><p>Jürgen Müller, the mayor of '
            'Köln, said on Tuesday that the city would spend €40 million on new bridges over the next three '
            'years.</p><p>Work on the first bridge is to begin in the spring, the city council said in a '
            'statement.</p></article></body></html>')
    message = pb.ArticleInput(data=html.encode("utf-8"), content_type=pb.CONTENT_TYPE_HTML, external_id="koln.html")
    response = client.extract(message)
    text = " ".join(c.text for c in response.claims)
    assert "Jürgen Müller" in text and "Köln" in text and "€40 million" in text
    for claim in response.claims:
        assert html[claim.span.start:claim.span.end].startswith(claim.text.split()[0])


def test_bytes_that_are_not_what_the_charset_says_are_rejected_naming_the_byte(client):
    html = '<html><head><meta charset="utf-8"></head><body><p>Caf\u00e9 owners protested.</p></body></html>'
    message = pb.ArticleInput(data=html.encode("latin-1"), content_type=pb.CONTENT_TYPE_HTML)
    with pytest.raises(Rejected) as caught:
        client.extract(message)
    assert caught.value.code == grpc.StatusCode.INVALID_ARGUMENT
    assert "UTF-8" in str(caught.value) and "0xe9" in str(caught.value)


NO_ARTICLE = """<!DOCTYPE html><html><head><title>Eastwire News | Home</title>
<meta property="og:site_name" content="Eastwire News"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="cookie-banner"><p>We use cookies to improve your experience.</p><button>OK</button></div>
<div class="teasers"><a href="/a">Ten things to know about the ruble</a><a href="/b">Weather turns cold</a></div>
<footer><p>&copy; 2013 Eastwire News. All rights reserved.</p></footer></body></html>"""


def test_a_page_without_an_article_is_rejected_saying_so_and_nothing_is_stored(client):
    stored = count_articles(client)
    (result,) = client.ingest([article_from_text(NO_ARTICLE, html=True, external_id="home.html")])
    assert result.error_code == "INVALID_ARGUMENT"
    assert "no article" in result.error
    assert not result.article_id
    assert count_articles(client) == stored
    with pytest.raises(Rejected) as caught:
        client.extract(article_from_text(NO_ARTICLE, html=True))
    assert caught.value.code == grpc.StatusCode.INVALID_ARGUMENT and "no article" in str(caught.value)
