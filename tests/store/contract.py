"""The storage contract: every backend's test module subclasses StoreContract and provides a `store` fixture."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from service.errors import NotFound
from service.records import (
    Article,
    Claim,
    Extraction,
    PartialDate,
    Quantity,
    Sentence,
    Span,
)
from service.store import StoredReport, StoryLink


def make_extraction(name: str, published: PartialDate | None, claims: int = 2) -> Extraction:
    text = " ".join(f"{name} sentence number {i} says six meetings were held." for i in range(claims))
    article = Article(
        id=f"id-{name}", content_hash=f"hash-{name}", text=text, clean=text, source=f"Outlet {name}", url="",
        title=f"Title {name}", title_span=None, published=published, published_span=None,
        content_type="text/plain", paragraphs=(Span(0, len(text)),),
    )
    sentences, claim_records = [], []
    start = 0
    for i in range(claims):
        end = text.index(".", start) + 1
        sentences.append(Sentence(i, Span(start, end), text[start:end]))
        claim_records.append(
            Claim(f"id-{name}:{i}", article.id, i, Span(start, end), text[start:end],
                  quantities=(Quantity(Span(start, start + 3), "six", 6, 6, 6, counts="meeting"),))
        )
        start = end + 1
    return Extraction(article, tuple(sentences), tuple(claim_records))


def vectors(n: int, seed: int = 0) -> np.ndarray:
    rows = np.random.default_rng(seed).normal(size=(n, 8)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


class StoreContract:
    def test_save_and_read_back_round_trips_every_slot(self, store):
        extraction = make_extraction("a", PartialDate(2013, 3, 25))
        assert store.save_article(extraction, vectors(2), StoryLink("id-a", "s1", "t1", 1.0))
        assert store.get_extraction("id-a") == extraction
        assert np.allclose(store.claim_embeddings("id-a"), vectors(2))
        summary = store.get_summary("id-a")
        assert (summary.story_id, summary.topic_id, summary.claim_count) == ("s1", "t1", 2)

    def test_same_content_is_stored_once(self, store):
        extraction = make_extraction("a", None)
        assert store.save_article(extraction, vectors(2), None) is True
        assert store.save_article(extraction, vectors(2), None) is False
        assert store.article_id_for_hash("hash-a") == "id-a"
        assert len(store.list_articles(10)[0]) == 1

    def test_unknown_article_is_not_found(self, store):
        with pytest.raises(NotFound, match="nope"):
            store.get_extraction("nope")
        with pytest.raises(NotFound):
            store.get_summary("nope")

    def test_mismatched_embeddings_write_nothing(self, store):
        with pytest.raises(Exception):
            store.save_article(make_extraction("a", None), vectors(3), None)
        assert store.article_id_for_hash("hash-a") is None
        assert store.list_articles(10) == ([], "")

    def test_pages_cover_every_article_once_newest_first(self, store):
        for i, day in enumerate([3, 1, 2, 5, 4]):
            store.save_article(make_extraction(f"n{i}", PartialDate(2013, 3, day)), vectors(2), None)
        store.save_article(make_extraction("undated", None), vectors(2), None)
        seen, token = [], ""
        while True:
            page, token = store.list_articles(2, token)
            seen.extend(s.article.id for s in page)
            if not token:
                break
        assert seen == ["id-n3", "id-n4", "id-n0", "id-n2", "id-n1", "id-undated"]

    def test_window_selects_complete_dates_half_open(self, store):
        store.save_article(make_extraction("a", PartialDate(2013, 3, 24)), vectors(2), None)
        store.save_article(make_extraction("b", PartialDate(2013, 3, 25)), vectors(2), None)
        store.save_article(make_extraction("c", PartialDate(2013, 3, 26)), vectors(2), None)
        store.save_article(make_extraction("d", PartialDate(None, 3, 25)), vectors(2), None)
        assert store.articles_published(dt.date(2013, 3, 25), dt.date(2013, 3, 26)) == ["id-b"]
        assert store.articles_published(dt.date(2013, 3, 24), dt.date(2013, 3, 27)) == ["id-a", "id-b", "id-c"]
        store.save_article(make_extraction("0-later-same-day", PartialDate(2013, 3, 25)), vectors(2), None)
        assert store.articles_published(dt.date(2013, 3, 25), dt.date(2013, 3, 26)) == ["id-b", "id-0-later-same-day"]

    def test_story_links_keep_arrival_order(self, store):
        for name in ["z", "a", "m"]:
            store.save_article(make_extraction(name, None), vectors(2), StoryLink(f"id-{name}", f"s-{name}", "t", 0.5))
        assert [link.article_id for link in store.story_links()] == ["id-z", "id-a", "id-m"]

    def test_saving_an_article_moves_the_stored_articles_it_relinks(self, store):
        store.save_article(make_extraction("a", None), vectors(2), StoryLink("id-a", "story-a", "t", 1.0))
        store.save_article(make_extraction("b", None), vectors(2), StoryLink("id-b", "story-b", "t", 1.0))
        store.save_article(make_extraction("c", None), vectors(2), StoryLink("id-c", "story-a", "t", 0.7),
                           relinked=[StoryLink("id-b", "story-a", "t", 0.6)])
        links = {link.article_id: link for link in store.story_links()}
        assert links["id-b"] == StoryLink("id-b", "story-a", "t", 0.6)
        assert links["id-a"].story_id == links["id-c"].story_id == "story-a"
        assert store.get_summary("id-b").story_id == "story-a"

    def test_claim_vectors_in_arrival_order(self, store):
        store.save_article(make_extraction("z", None), vectors(2, seed=1), None)
        store.save_article(make_extraction("a", None), vectors(2, seed=2), None)
        found = list(store.claim_vectors())
        assert [claim_id for claim_id, _ in found] == ["id-z:0", "id-z:1", "id-a:0", "id-a:1"]
        assert np.allclose(np.stack([v for _, v in found]), np.concatenate([vectors(2, seed=1), vectors(2, seed=2)]))

    def test_embedding_cache(self, store):
        store.remember("m", {"k1": vectors(1)[0]})
        store.remember("m", {"k1": vectors(1, seed=5)[0]})  # first write wins: same text, same vector
        found = store.lookup("m", ["k1", "k2"])
        assert list(found) == ["k1"] and np.allclose(found["k1"], vectors(1)[0])
        assert store.lookup("other-model", ["k1"]) == {}

    def test_reports_by_window_newest_first(self, store):
        since = dt.datetime(2013, 3, 25, tzinfo=dt.timezone.utc)
        until = since + dt.timedelta(days=1)
        for i in range(2):
            created = dt.datetime(2013, 3, 26, 6, i, tzinfo=dt.timezone.utc)
            store.save_report(StoredReport(f"r{i}", since, until, created, f"d{i}", b"payload%d" % i))
        assert [r.id for r in store.reports_for_window(since, until)] == ["r1", "r0"]
        assert store.get_report("r0").payload == b"payload0"
        assert store.get_report("missing") is None
        assert [r.id for r in store.list_reports(1)] == ["r1"]
