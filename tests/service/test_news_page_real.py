"""The news page through the real service: the CLI ingests the HTML file as a crawler saved it, the real model
and a real SQLite file behind a real gRPC socket. Its date, outlet and headline are read from the page, its
relative dates resolved against that date, so it falls inside the window of its day; no claim is page
furniture."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import re

import pytest

from client import CrosscheckClient, article_from_path
from client.cli import main
from tests.pages.news_page import FURNITURE, HEADLINE, OUTLET, PAGE, URL

pytestmark = pytest.mark.model


def run_cli(*argv: str) -> tuple[int, str]:
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        code = main(list(argv))
    return code, buffer.getvalue()


@pytest.fixture(scope="module")
def page_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("pages") / "shoigu-hanoi.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def ingested(real_server, page_file):
    code, out = run_cli("ingest", "--address", real_server.address, "--json", "--url", URL, str(page_file))
    assert code == 0, out
    (result,) = json.loads(out)["results"]
    assert result["created"] and int(result["claim_count"]) >= 4
    with CrosscheckClient(real_server.address, timeout=120) as client:
        return client.get_article(result["article_id"]).article


def test_the_page_gives_its_date_outlet_and_headline(ingested):
    assert (ingested.published.year, ingested.published.month, ingested.published.day) == (2013, 3, 26)
    assert ingested.source == OUTLET
    assert ingested.title == HEADLINE


def test_the_page_falls_in_the_window_of_its_day(real_server, ingested):
    with CrosscheckClient(real_server.address, timeout=120) as client:
        response = client.check(since=dt.date(2013, 3, 26), until=dt.date(2013, 3, 27))
    assert ingested.id in {a.id for a in response.articles}


def test_no_claim_is_page_furniture_and_relative_dates_are_resolved(real_server, page_file):
    with CrosscheckClient(real_server.address, timeout=120) as client:
        response = client.extract(article_from_path(page_file, url=URL))
    claims = [c.text for c in response.claims]
    for furniture in FURNITURE:
        assert not [c for c in claims if re.search(rf"\b{re.escape(furniture)}\b", c)], furniture
    times = {t.text: t for c in response.claims for t in c.times}
    assert times["Monday"].begin == "2013-03-25"
    assert times["last week"].begin == "2013-03-18"
    for claim in response.claims:
        assert " ".join(re.sub(r"<[^>]+>", " ", PAGE[claim.span.start:claim.span.end]).split()) == claim.text


def test_what_the_cli_passes_wins_over_the_page(real_server, tmp_path):
    path = tmp_path / "copy.html"
    path.write_text(PAGE.replace("</article>", "<p>A later correction was added to this copy.</p></article>"),
                    encoding="utf-8")
    code, out = run_cli("ingest", "--address", real_server.address, "--json", "--source", "Wire Desk",
                        "--published", "2013-03-27", "--url", URL, str(path))
    assert code == 0, out
    (result,) = json.loads(out)["results"]
    with CrosscheckClient(real_server.address, timeout=120) as client:
        article = client.get_article(result["article_id"]).article
    assert article.source == "Wire Desk"
    assert (article.published.year, article.published.month, article.published.day) == (2013, 3, 27)
