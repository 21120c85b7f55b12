"""Storage backends behind the `Store` protocol."""

from __future__ import annotations

from service.store.base import (
    ArticleStore,
    ArticleSummary,
    ClaimVectorStore,
    EmbeddingCache,
    ReportStore,
    Store,
    StoredReport,
    StoryFeatures,
    StoryLink,
    StoryLinkStore,
)


def open_store(url: str) -> Store:
    """`postgresql://user@host/db` (also `postgres://`), `sqlite:///path/to/file.db`, a bare path, or `memory:`."""
    if url in ("memory:", ":memory:"):
        from service.store.memory import MemoryStore

        return MemoryStore()
    if url.startswith(("postgresql://", "postgres://")):
        from service.store.postgres import PostgresStore

        return PostgresStore(url)
    path = url.removeprefix("sqlite:///").removeprefix("sqlite://")
    from service.store.sqlite import SqliteStore

    return SqliteStore(path)


__all__ = [
    "ArticleStore", "ArticleSummary", "ClaimVectorStore", "EmbeddingCache", "ReportStore", "Store", "StoredReport",
    "StoryFeatures", "StoryLink", "StoryLinkStore", "open_store",
]
