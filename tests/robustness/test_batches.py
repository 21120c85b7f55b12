"""Ingest under pressure: duplicates, metadata variants, limits, concurrency and paging while writing."""

from __future__ import annotations

import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor

import grpc
import pytest

from client import CrosscheckClient, Rejected, article_from_text
from tests.robustness.conftest import count_articles

BODY = (
    "WASHINGTON, March 25, 2013 - The Pentagon said on Monday that six meetings were held in 2011.\n\n"
    "Talks set for 2012 were canceled because of scheduling conflicts, an official said.\n"
)
LIMIT = 20_000  # the fake_server's max_article_chars


def _sized(length: int, marker: str) -> str:
    head = BODY + marker + "\n"
    filler = "Talks went on. " * (length // 15 + 1)
    return head + filler[: length - len(head)]


def test_duplicate_articles_in_one_batch_are_stored_once(client):
    article = article_from_text(BODY + "Duplicate batch marker.\n", source="Wire")
    before = count_articles(client)
    first, second = client.ingest([article, article], batch_size=10)
    assert not first.error and not second.error
    assert first.created and not second.created
    assert first.article_id == second.article_id and first.story_id == second.story_id
    assert count_articles(client) == before + 1


def test_same_content_with_other_metadata_is_the_stored_article_unchanged(client):
    text = BODY + "Metadata marker.\n"
    (first,) = client.ingest([article_from_text(text, source="Wire", external_id="a.txt")])
    (again,) = client.ingest([article_from_text(text, source="Other Outlet", title="Another title",
                                                url="https://other.example/x", published=dt.date(2013, 3, 26))])
    assert not again.created and again.article_id == first.article_id
    stored = client.get_article(first.article_id).article
    assert stored.source == "Wire" and stored.external_id == "a.txt" and stored.url == ""


def test_batch_above_the_limit_is_rejected_whole(client, fake_server):
    limit = fake_server.server.settings.max_batch_articles
    before = count_articles(client)
    batch = [article_from_text(BODY + f"Over-limit batch marker {i}.\n") for i in range(limit + 1)]
    with pytest.raises(Rejected) as error:
        client.ingest(batch, batch_size=limit + 1)
    assert error.value.code is grpc.StatusCode.INVALID_ARGUMENT
    assert f"limit is {limit}" in error.value.message
    assert count_articles(client) == before


def test_text_at_exactly_the_size_limit_is_accepted_and_one_over_is_rejected(client):
    exact = _sized(LIMIT, "Exact size marker.")
    over = _sized(LIMIT + 1, "Over size marker.")
    assert (len(exact), len(over)) == (LIMIT, LIMIT + 1)
    assert client.extract(article_from_text(exact)).claims
    with pytest.raises(Rejected) as error:
        client.extract(article_from_text(over))
    assert error.value.code is grpc.StatusCode.INVALID_ARGUMENT and f"{LIMIT + 1} characters" in error.value.message
    before = count_articles(client)
    accepted, rejected = client.ingest([article_from_text(exact), article_from_text(over)], batch_size=2)
    assert accepted.created and not accepted.error
    assert rejected.error_code == "INVALID_ARGUMENT" and not rejected.article_id
    assert count_articles(client) == before + 1


def test_size_limit_counts_code_points_not_bytes(client):
    # 20,000 code points of which some are astral (2 UTF-16 units, 4 UTF-8 bytes): still within the limit.
    text = _sized(LIMIT - 10, "Emoji size marker \U0001f600.") + "\U0001f600" * 10
    assert len(text) == LIMIT and len(text.encode("utf-8")) > LIMIT
    assert client.extract(article_from_text(text)).claims


def test_concurrent_ingest_from_several_threads_stores_each_content_once(fake_server, client):
    contents = [BODY + f"Concurrent marker {i}.\n" for i in range(4)]
    articles = [article_from_text(contents[i % 4], source=f"Outlet {i}") for i in range(12)]
    before = count_articles(client)

    def ingest_one(article):
        with CrosscheckClient(fake_server.address, timeout=60) as own:
            return own.ingest([article])[0]

    with ThreadPoolExecutor(6) as pool:
        results = list(pool.map(ingest_one, articles))
    assert all(not r.error for r in results)
    by_content: dict[str, set[str]] = {}
    for i, result in enumerate(results):
        by_content.setdefault(contents[i % 4], set()).add(result.article_id)
    assert all(len(ids) == 1 for ids in by_content.values())
    assert sum(r.created for r in results) == 4
    assert count_articles(client) == before + 4
    for result in results:
        assert client.get_article(result.article_id).article.story_id == result.story_id


def test_list_articles_paging_while_ingesting_never_repeats_or_loses_an_article(fake_server, client):
    existing = {a.id for a in client.iter_articles(page_size=200)}
    stop = threading.Event()
    written: list[str] = []

    def writer():
        with CrosscheckClient(fake_server.address, timeout=60) as own:
            i = 0
            while not stop.is_set() and i < 40:
                published = dt.date(2013, 1 + i % 12, 1 + i % 28)
                (r,) = own.ingest([article_from_text(BODY + f"Paging writer marker {i}.\n", published=published)])
                written.append(r.article_id)
                i += 1

    thread = threading.Thread(target=writer)
    thread.start()
    seen: list[str] = []
    token = ""
    try:
        while True:
            page = client.list_articles(page_size=3, page_token=token)
            seen.extend(a.id for a in page.articles)
            token = page.next_page_token
            if not token:
                break
    finally:
        stop.set()
        thread.join(60)
    assert len(seen) == len(set(seen))
    assert existing <= set(seen)
    assert set(seen) <= existing | set(written)
