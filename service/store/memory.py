"""In-memory store for fast unit tests: the same contract as the SQLite store, nothing on disk."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Callable, Iterable, Iterator, Sequence

import numpy as np

from service.align.index import ExactIndex
from service.errors import NotFound, StoreError, shown
from service.records import Extraction
from service.store.base import ArticleSummary, Hits, StoredReport, StoryFeatures, StoryLink
from service.stories import Placement, StoryAssignment, StoryMember, StoryMembers, VectorRows


class MemoryStore:
    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._extractions: dict[str, Extraction] = {}  # insertion order is arrival order
        self._embeddings: dict[str, np.ndarray] = {}
        self._by_hash: dict[str, str] = {}
        self._links: dict[str, StoryLink] = {}
        self._cache: dict[tuple[str, str], np.ndarray] = {}
        self._reports: dict[str, StoredReport] = {}
        self._features: dict[str, StoryFeatures] = {}
        self._rows = VectorRows()  # story features in the order they were written

    def article_id_for_hash(self, content_hash: str) -> str | None:
        return self._by_hash.get(content_hash)

    def save_article(self, extraction: Extraction, embeddings: np.ndarray, story: StoryLink | None,
                     relinked: Sequence[StoryLink] = (), features: StoryFeatures | None = None) -> bool:
        article = extraction.article
        if len(embeddings) != len(extraction.claims):
            raise StoreError(f"{len(extraction.claims)} claims but {len(embeddings)} embeddings")
        with self._lock:
            if article.content_hash in self._by_hash:
                return False
            self._extractions[article.id] = extraction
            self._embeddings[article.id] = np.asarray(embeddings, dtype=np.float32).copy()
            self._by_hash[article.content_hash] = article.id
            if story is not None:
                self._links[article.id] = story
            for link in relinked:
                if link.article_id in self._links:
                    self._links[link.article_id] = link
            if features is not None:
                self.save_features(article.id, features)
        return True

    def save_placed(self, extraction: Extraction, embeddings: np.ndarray, features: StoryFeatures,
                    place: Callable[[StoryMembers], Placement]) -> Placement | None:
        with self._lock:
            if extraction.article.content_hash in self._by_hash:
                return None
            placement = place(_Members(self))
            a = placement.assignment
            moved = [StoryLink(m.article_id, m.story_id, m.topic_id, m.similarity) for m in placement.moved]
            self.save_article(extraction, embeddings, StoryLink(a.article_id, a.story_id, a.topic_id, a.similarity),
                              moved, features)
            return placement

    def get_extraction(self, article_id: str) -> Extraction:
        try:
            return self._extractions[article_id]
        except KeyError:
            raise NotFound(f"no article with id {shown(article_id)}") from None

    def article_ids(self) -> list[str]:
        return list(self._extractions)

    def get_summary(self, article_id: str) -> ArticleSummary:
        extraction = self.get_extraction(article_id)
        link = self._links.get(article_id)
        return ArticleSummary(
            extraction.article, link.story_id if link else "", link.topic_id if link else "", len(extraction.claims)
        )

    def claim_embeddings(self, article_id: str) -> np.ndarray:
        self.get_extraction(article_id)
        return self._embeddings[article_id]

    def claim_vectors(self) -> Iterator[tuple[str, np.ndarray]]:
        for article_id, extraction in list(self._extractions.items()):
            yield from zip((c.id for c in extraction.claims), self._embeddings[article_id])

    @staticmethod
    def _order_key(summary: ArticleSummary) -> str:
        published = summary.article.published.complete if summary.article.published else None
        return f"{published.isoformat() if published else '0000-00-00'}|{summary.article.id}"

    def list_articles(self, limit: int, after: str = "") -> tuple[list[ArticleSummary], str]:
        with self._lock:
            summaries = sorted((self.get_summary(i) for i in self._extractions), key=self._order_key, reverse=True)
        if after:
            summaries = [s for s in summaries if self._order_key(s) < after]
        page = summaries[:limit]
        token = self._order_key(page[-1]) if len(summaries) > limit and page else ""
        return page, token

    def articles_published(self, since: dt.date, until: dt.date) -> list[str]:
        found = []
        for arrival, (article_id, extraction) in enumerate(self._extractions.items()):
            published = extraction.article.published.complete if extraction.article.published else None
            if published is not None and since <= published < until:
                found.append((published, arrival, article_id))
        return [article_id for _, _, article_id in sorted(found)]

    def story_links(self) -> list[StoryLink]:
        return [self._links[i] for i in self._extractions if i in self._links]

    def story_article_ids(self, story_id: str) -> list[str]:
        return [link.article_id for link in self.story_links() if link.story_id == story_id]

    def story_summaries(self, since: dt.date | None = None, until: dt.date | None = None
                        ) -> list[tuple[StoryLink, ArticleSummary]]:
        with self._lock:
            links = self.story_links()
            summaries = {link.article_id: self.get_summary(link.article_id) for link in links}
        chosen = set()
        for link in links:
            article = summaries[link.article_id].article
            published = article.published.complete if article.published else None
            if (since is None and until is None) or (
                    published is not None and (since is None or published >= since)
                    and (until is None or published < until)):
                chosen.add(link.story_id)
        return [(link, summaries[link.article_id]) for link in links if link.story_id in chosen]

    def story_features(self, article_id: str) -> StoryFeatures | None:
        return self._features.get(article_id)

    def articles_without_features(self) -> list[str]:
        return [i for i in self._extractions if i in self._links and i not in self._features]

    def save_features(self, article_id: str, features: StoryFeatures) -> None:
        with self._lock:
            if article_id in self._features:
                return
            self._features[article_id] = features
            extraction = self._extractions[article_id]
            published = extraction.article.published.complete if extraction.article.published else None
            self._rows.append(article_id, features.names, published, features.embedding, features.words)

    def nearest_claims(self, vectors: np.ndarray, k: int, claim_ids: Sequence[str]) -> Hits:
        wanted = set(claim_ids)
        index = ExactIndex(np.atleast_2d(vectors).shape[1])
        with self._lock:
            for article_id, extraction in self._extractions.items():
                rows = [(c.id, e) for c, e in zip(extraction.claims, self._embeddings[article_id]) if c.id in wanted]
                if rows:
                    index.add([i for i, _ in rows], np.stack([e for _, e in rows]))
        return index.search(vectors, k)

    def lookup(self, model: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        return {k: self._cache[(model, k)] for k in keys if (model, k) in self._cache}

    def remember(self, model: str, rows: dict[str, np.ndarray]) -> None:
        with self._lock:
            for key, row in rows.items():
                self._cache.setdefault((model, key), np.asarray(row, dtype=np.float32))

    def save_report(self, report: StoredReport) -> None:
        with self._lock:
            self._reports[report.id] = report

    def get_report(self, report_id: str) -> StoredReport | None:
        return self._reports.get(report_id)

    def reports_for_window(self, since: dt.datetime, until: dt.datetime) -> list[StoredReport]:
        found = [r for r in self._reports.values() if r.since == since and r.until == until]
        return sorted(found, key=lambda r: r.created, reverse=True)

    def list_reports(self, limit: int) -> list[StoredReport]:
        return sorted(self._reports.values(), key=lambda r: (r.until, r.created), reverse=True)[:limit]

    def close(self) -> None:
        pass


class _Members:
    """The memory store's articles as story clustering reads them (under the store's lock)."""

    def __init__(self, store: MemoryStore) -> None:
        self._store = store
        self._seq = {article_id: n for n, article_id in enumerate(store._extractions)}

    def _member(self, row: int) -> StoryMember | None:
        rows = self._store._rows
        link = self._store._links.get(rows.ids[row])
        if link is None:
            return None
        return StoryMember(rows.ids[row], rows.names[row], rows.published[row], rows.embedding(row),
                           StoryAssignment(link.article_id, link.story_id, link.topic_id, link.similarity),
                           self._seq[rows.ids[row]], rows.words[row])

    def near(self, embedding: np.ndarray, min_cosine: float) -> list[tuple[StoryMember, float]]:
        found = ((self._member(row), cosine) for row, cosine in self._store._rows.near(embedding, min_cosine))
        return [(member, cosine) for member, cosine in found if member is not None]

    def best_cosine(self, embedding: np.ndarray) -> float | None:
        return self._store._rows.best_cosine(embedding)

    def story_ids_in_use(self, story_ids: Iterable[str], excluding: Iterable[str]) -> set[str]:
        wanted, skip = set(story_ids), set(excluding)
        return {link.story_id for i, link in self._store._links.items() if i not in skip and link.story_id in wanted}

    def story_count(self, excluding: Iterable[str]) -> int:
        skip = set(excluding)
        return len({link.story_id for i, link in self._store._links.items() if i not in skip})
