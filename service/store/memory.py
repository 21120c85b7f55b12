"""In-memory store for fast unit tests: the same contract as the SQLite store, nothing on disk."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Iterator, Sequence

import numpy as np

from service.errors import NotFound, StoreError, shown
from service.records import Extraction
from service.store.base import ArticleSummary, StoredReport, StoryLink


class MemoryStore:
    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._extractions: dict[str, Extraction] = {}  # insertion order is arrival order
        self._embeddings: dict[str, np.ndarray] = {}
        self._by_hash: dict[str, str] = {}
        self._links: dict[str, StoryLink] = {}
        self._cache: dict[tuple[str, str], np.ndarray] = {}
        self._reports: dict[str, StoredReport] = {}

    def article_id_for_hash(self, content_hash: str) -> str | None:
        return self._by_hash.get(content_hash)

    def save_article(self, extraction: Extraction, embeddings: np.ndarray, story: StoryLink | None,
                     relinked: Sequence[StoryLink] = ()) -> bool:
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
        return True

    def get_extraction(self, article_id: str) -> Extraction:
        try:
            return self._extractions[article_id]
        except KeyError:
            raise NotFound(f"no article with id {shown(article_id)}") from None

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
