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
from service.store import StoredReport, StoryFeatures, StoryLink
from service.stories import RegionalClusterer, StoryDocument


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

    # ------------------------------------------------------------------------------------------ stories

    def test_story_lookups_are_queries_in_arrival_order(self, store):
        days = {"z": 24, "a": 25, "m": 26, "q": 28}
        stories = {"z": "s1", "a": "s2", "m": "s1", "q": "s3"}
        for name, day in days.items():
            store.save_article(make_extraction(name, PartialDate(2013, 3, day)), vectors(2),
                               StoryLink(f"id-{name}", stories[name], "t", 0.5))
        assert store.story_article_ids("s1") == ["id-z", "id-m"]
        assert store.story_article_ids("nope") == []
        in_window = store.story_summaries(dt.date(2013, 3, 26), dt.date(2013, 3, 27))
        assert [(link.story_id, s.article.id) for link, s in in_window] == [("s1", "id-z"), ("s1", "id-m")]
        assert {link.story_id for link, _ in store.story_summaries(since=dt.date(2013, 3, 25))} == {"s1", "s2", "s3"}
        assert {link.story_id for link, _ in store.story_summaries(until=dt.date(2013, 3, 25))} == {"s1"}
        assert [s.article.id for _, s in store.story_summaries()] == ["id-z", "id-a", "id-m", "id-q"]
        assert all(s.claim_count == 2 for _, s in store.story_summaries())

    def test_story_features_written_with_the_article_and_filled_in_later(self, store):
        features = StoryFeatures(vectors(1, seed=3)[0], ("Ada", "Paris"), ("ada", "paris", "visit"))
        store.save_article(make_extraction("a", None), vectors(2), StoryLink("id-a", "s", "t", 1.0), features=features)
        store.save_article(make_extraction("b", None), vectors(2), StoryLink("id-b", "s", "t", 1.0))
        found = store.story_features("id-a")
        assert found.names == ("Ada", "Paris") and np.allclose(found.embedding, features.embedding)
        assert found.words == ("ada", "paris", "visit")
        assert store.articles_without_features() == ["id-b"]
        store.save_features("id-b", features)
        assert store.articles_without_features() == [] and store.story_features("id-b").names == ("Ada", "Paris")

    def test_nearest_claims_among_the_given_ids_only(self, store):
        rows = vectors(6, seed=4)
        store.save_article(make_extraction("a", None, claims=3), rows[:3], None)
        store.save_article(make_extraction("b", None, claims=3), rows[3:], None)
        allowed = ["id-a:1", "id-b:0", "id-b:2"]
        hits = store.nearest_claims(rows[[1, 5]], 2, allowed)
        exact = rows[[1, 5]] @ rows[[1, 3, 5]].T
        names = np.array(allowed)
        for row, scores in zip(hits, exact):
            order = np.argsort(-scores)[:2]
            assert [claim_id for claim_id, _ in row] == list(names[order])
            assert np.allclose([cosine for _, cosine in row], scores[order], atol=1e-5)
        assert store.nearest_claims(rows[:1], 3, []) == [[]]

    def test_placement_against_the_store_matches_the_clusterer_alone(self, store):
        alone = RegionalClusterer()
        for doc, extraction in story_stream(384):
            placement = store.save_placed(extraction, vectors(len(extraction.claims)),
                                          StoryFeatures(doc.embedding, doc.names, doc.words),
                                          lambda members, doc=doc: RegionalClusterer().place(doc, members))
            assert placement == alone.place(doc), doc.article_id
        stored = {link.article_id: (link.story_id, link.topic_id) for link in store.story_links()}
        assert stored == {i: (a.story_id, a.topic_id) for i, a in alone.assignments().items()}
        assert len(set(s for s, _ in stored.values())) < len(stored)  # some stories have several articles

    def test_placing_stored_content_writes_nothing(self, store):
        (doc, extraction), *_ = story_stream(8)
        place = lambda members: RegionalClusterer().place(doc, members)  # noqa: E731
        features = StoryFeatures(doc.embedding, doc.names, doc.words)
        assert store.save_placed(extraction, vectors(len(extraction.claims)), features, place) is not None
        assert store.save_placed(extraction, vectors(len(extraction.claims)), features, place) is None
        assert len(store.story_links()) == 1

    def test_a_failed_placement_writes_nothing(self, store):
        (doc, extraction), *_ = story_stream(8)

        def refuse(members):
            raise RuntimeError("deadline passed")

        with pytest.raises(RuntimeError):
            store.save_placed(extraction, vectors(len(extraction.claims)),
                              StoryFeatures(doc.embedding, doc.names, doc.words), refuse)
        assert store.article_id_for_hash(extraction.article.content_hash) is None
        assert store.story_links() == []


def story_stream(dimensions: int, events: int = 6, per_event: int = 4, seed: int = 11):
    """Articles of a few events (reports of one event close in vector and date, some sharing names), interleaved;
    a few undated. What a placement compares: vectors, names, dates."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(events, dimensions))
    stream = []
    for e in range(events):
        for k in range(per_event):
            vector = centres[e] + rng.normal(scale=0.9, size=dimensions)
            vector = (vector / np.linalg.norm(vector)).astype(np.float32)
            day = None if (e + k) % 7 == 3 else PartialDate(2013, 3, 1 + 3 * e + k % 3)
            name = f"e{e}k{k}"
            names = (f"Person{e}", f"Place{e}") if k % 2 else (f"Person{e}",)
            extraction = make_extraction(name, day, claims=1)
            doc = StoryDocument(extraction.article.id, extraction.article.title, "", names,
                                day.complete if day else None, vector)
            stream.append((doc, extraction))
    order = rng.permutation(len(stream))
    return [stream[i] for i in order]


def check_overlapping_placements_share_one_story(first, second) -> None:
    """Two stores on one database (as two server processes have) place two reports of one event at the same
    moment: the second placement starts while the first is between reading the stored articles and writing its
    decision. The store must make the second wait and read the first's article, or the event splits in two."""
    import threading
    import time

    rng = np.random.default_rng(5)
    base = rng.normal(size=384)
    docs = []
    for name in ("first", "second"):
        vector = base + rng.normal(scale=0.2, size=384)
        extraction = make_extraction(name, PartialDate(2013, 3, 25), claims=1)
        docs.append((StoryDocument(extraction.article.id, "", "", ("Ada",), dt.date(2013, 3, 25),
                                   (vector / np.linalg.norm(vector)).astype(np.float32)), extraction))
    inside, placements = threading.Event(), {}

    def save(store, doc, extraction, hold: bool):
        def place(members):
            placement = RegionalClusterer().place(doc, members)
            if hold:
                inside.set()
                time.sleep(0.5)  # decided, not yet written: the other placement starts now
            return placement

        placements[doc.article_id] = store.save_placed(extraction, vectors(1),
                                                       StoryFeatures(doc.embedding, doc.names, doc.words), place)

    (doc_a, extraction_a), (doc_b, extraction_b) = docs
    a = threading.Thread(target=save, args=(first, doc_a, extraction_a, True))
    a.start()
    assert inside.wait(30)
    save(second, doc_b, extraction_b, False)
    a.join(30)
    links = {link.article_id: link.story_id for link in first.story_links()}
    assert len(links) == 2 and len(set(links.values())) == 1, links
