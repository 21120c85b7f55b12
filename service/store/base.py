"""The storage contract. Every backend implements `Store`; `tests/store/contract.py` holds the one test class
that every backend runs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable, Iterator, Protocol, Sequence

import numpy as np

from service.records import Article, Extraction
from service.stories import Placement, StoryMembers

# Nearest stored claims of each query row: (claim id, cosine), best first.
Hits = list[list[tuple[str, float]]]


@dataclass(frozen=True, slots=True)
class StoryLink:
    """Which story (same event) and topic (same ongoing subject) an article was assigned to."""

    article_id: str
    story_id: str
    topic_id: str
    similarity: float = 0.0


@dataclass(frozen=True, slots=True)
class StoryFeatures:
    """What story clustering keeps of an article, written with it: the title-and-lead vector and the names of
    people, organisations and places in them. With the article's date this is all a placement compares, so it is
    never recomputed from the extraction."""

    embedding: np.ndarray
    names: tuple[str, ...]
    # The content words of title and lead, which tell two events of one subject apart (service/stories/clashes.py).
    # () for articles stored before they were kept: those stand on neither side of a clash.
    words: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    article: Article
    story_id: str
    topic_id: str
    claim_count: int


@dataclass(frozen=True, slots=True)
class StoredReport:
    id: str
    since: dt.datetime
    until: dt.datetime
    created: dt.datetime
    content_digest: str
    payload: bytes  # the report records as canonical JSON (service.reports.identity.canonical_json)


class ArticleStore(Protocol):
    """Articles with their extraction, summary and publication date."""

    def article_id_for_hash(self, content_hash: str) -> str | None: ...

    def save_article(
        self, extraction: Extraction, embeddings: np.ndarray, story: StoryLink | None,
        relinked: Sequence[StoryLink] = (), features: StoryFeatures | None = None,
    ) -> bool:
        """Writes the article, its sentences, claims, slots, embeddings, story link and story features in one
        transaction, with the new story links of stored articles its arrival moved (`relinked`). Returns False
        (and writes nothing) when an article with the same content hash is stored."""
        ...

    def get_extraction(self, article_id: str) -> Extraction:
        """Raises NotFound for an unknown id."""
        ...

    def get_summary(self, article_id: str) -> ArticleSummary: ...

    def article_ids(self) -> list[str]:
        """Every stored article's id, in arrival order."""
        ...

    def list_articles(self, limit: int, after: str = "") -> tuple[list[ArticleSummary], str]:
        """A page ordered by (publication date desc, id); returns the page and the token for the next one."""
        ...

    def articles_published(self, since: dt.date, until: dt.date) -> list[str]:
        """Ids of articles with a complete publication date in [since, until), by date, then arrival order."""
        ...


class ClaimVectorStore(Protocol):
    """The claims' embeddings, written with their article (`ArticleStore.save_article`)."""

    def claim_embeddings(self, article_id: str) -> np.ndarray:
        """Rows in claim order, L2-normalised."""
        ...

    def claim_vectors(self) -> Iterator[tuple[str, np.ndarray]]:
        """(claim id, embedding) of every stored claim, in arrival order (what a copy to another store reads)."""
        ...

    def nearest_claims(self, vectors: np.ndarray, k: int, claim_ids: Sequence[str]) -> Hits:
        """For each row of `vectors`, the k stored claims among `claim_ids` with the highest cosine, best first
        (ties: the claim stored first). Exact: the candidates of one check are a few hundred claims."""
        ...


class StoryLinkStore(Protocol):
    """Which story and topic each article belongs to, written with the article, and what placing the next
    article reads (`StoryMembers`)."""

    def story_links(self) -> list[StoryLink]:
        """Every article's story link, in the order the articles were stored."""
        ...

    def save_placed(
        self, extraction: Extraction, embeddings: np.ndarray, features: StoryFeatures,
        place: Callable[[StoryMembers], Placement],
    ) -> Placement | None:
        """Stores the article where `place` puts it, deciding and writing in one transaction that excludes every
        other placement on this database (from any process): `place` reads the stored articles through the
        members it is given, and what it returns is written with the article. Returns None (and writes nothing)
        when an article with the same content hash is stored; an exception from `place` writes nothing."""
        ...

    def story_article_ids(self, story_id: str) -> list[str]:
        """The articles of one story in arrival order ([] for an unknown story)."""
        ...

    def story_summaries(self, since: dt.date | None = None, until: dt.date | None = None
                        ) -> list[tuple[StoryLink, ArticleSummary]]:
        """Every article of the stories with an article published in [since, until) (either bound may be open;
        with neither, every story), with its link, in arrival order."""
        ...

    def story_features(self, article_id: str) -> StoryFeatures | None: ...

    def articles_without_features(self) -> list[str]:
        """Articles with a story link but no story features (stored before features were kept), arrival order."""
        ...

    def save_features(self, article_id: str, features: StoryFeatures) -> None: ...


class EmbeddingCache(Protocol):
    """Embeddings of texts by text hash, per model (what `service.embed.CachedEmbedder` persists)."""

    def lookup(self, model: str, keys: Sequence[str]) -> dict[str, np.ndarray]: ...

    def remember(self, model: str, rows: dict[str, np.ndarray]) -> None: ...


class ReportStore(Protocol):
    """Built reports, whole, by window."""

    def save_report(self, report: StoredReport) -> None: ...

    def get_report(self, report_id: str) -> StoredReport | None: ...

    def reports_for_window(self, since: dt.datetime, until: dt.datetime) -> list[StoredReport]:
        """Stored reports of exactly this window, newest first."""
        ...

    def list_reports(self, limit: int) -> list[StoredReport]: ...


class Store(ArticleStore, ClaimVectorStore, StoryLinkStore, EmbeddingCache, ReportStore, Protocol):
    """A backend that keeps everything the service stores in one database, so that an article, its vectors and
    its story link are written in one transaction. Callers that need one concern take that protocol."""

    def close(self) -> None: ...
