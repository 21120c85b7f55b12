"""The production engine (real model; SQLite file and PostgreSQL): concurrent ingest and an HTML page end to end."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from client import CrosscheckClient, article_from_text
from tests.robustness.spans import span_problems
from tests.robustness.test_html import PAGE, URL

pytestmark = pytest.mark.model

BODY = (
    "BRUSSELS, June 3 (Reuters) - European ministers said on Tuesday that 28 countries had signed the accord.\n\n"
    "The next round of talks will be held in Vienna in September, a spokesman said.\n"
)


def test_concurrent_ingest_writes_each_content_once(real_server):
    contents = [BODY + f"Concurrency marker {i}.\n" for i in range(3)]
    articles = [article_from_text(contents[i % 3], source=f"Outlet {i}") for i in range(9)]

    def ingest_one(article):
        with CrosscheckClient(real_server.address, timeout=120) as own:
            return own.ingest([article])[0]

    with ThreadPoolExecutor(3) as pool:
        results = list(pool.map(ingest_one, articles))
    assert all(not r.error for r in results)
    assert sum(r.created for r in results) == 3
    ids = {r.article_id for r in results}
    assert len(ids) == 3
    with CrosscheckClient(real_server.address, timeout=120) as c:
        listed = [a.id for a in c.iter_articles(page_size=2)]
        assert len(listed) == len(set(listed)) and ids <= set(listed)
        stories = {s.id for s in c.list_stories().stories}
        for result in results:
            stored = c.get_article(result.article_id)
            # stories re-form as articles arrive, so the story is the one stored now, not the one first reported
            assert stored.article.story_id.startswith("story-")
            assert stored.article.story_id in stories
            assert len(stored.claims) == result.claim_count


def test_html_page_through_the_real_service_keeps_spans_exact(real_server):
    with CrosscheckClient(real_server.address, timeout=120) as c:
        (result,) = c.ingest([article_from_text(PAGE, html=True, url=URL)])
        stored = c.get_article(result.article_id)
    assert stored.article.text == PAGE and stored.article.source == "Daily Planet"
    assert span_problems(PAGE, stored, quotes=False) == []


def test_compare_stores_nothing_not_even_embeddings(real_server):
    from service.embed import text_key
    from service.records import ArticleInput

    first = "The envoy said on Wednesday that 31 lighthouse keepers had walked out in Tromsø.\n"
    second = "The envoy said on Wednesday that 33 lighthouse keepers had walked out in Tromsø.\n"
    with CrosscheckClient(real_server.address, timeout=120) as client:
        before = sum(1 for _ in client.iter_articles())
        response = client.compare([article_from_text(first, source="A"), article_from_text(second, source="B")])
        assert any(f.evidence for f in response.findings)
        assert sum(1 for _ in client.iter_articles()) == before
    engine = real_server.engine
    texts = [c.text for text in (first, second) for c in engine.extract(ArticleInput(text=text, source="A", external_id="")).claims]
    assert texts and engine.store.lookup(engine.embedder.name, [text_key(t) for t in texts]) == {}
