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
    path = url.removeprefix("sqlite:///").removeprefix("sqlite://").removeprefix("sqlite:")
    from service.store.sqlite import SqliteStore

    return SqliteStore(path)


def shown_url(url: str) -> str:
    """A database URL fit for logs and messages: any password left out."""
    if "://" not in url or "@" not in url:
        return url
    scheme, rest = url.split("://", 1)
    credentials, host = rest.rsplit("@", 1)
    return f"{scheme}://{credentials.split(':', 1)[0]}@{host}"


__all__ = [
    "ArticleStore", "ArticleSummary", "ClaimVectorStore", "EmbeddingCache", "ReportStore", "Store", "StoredReport",
    "StoryFeatures", "StoryLink", "StoryLinkStore", "open_store", "shown_url",
]
