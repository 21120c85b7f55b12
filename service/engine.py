"""The application core: every operation the API offers, over typed records. The servicer calls it for
everything and never touches the store. The model, the store and the scorer are passed in, so the whole service
runs in tests with a fake embedder and an in-memory store."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from service.align import ClaimAligner, FactAligner, PairScorer, load_fact_model
from service.align.index import Allowed, Hits
from service.articles import build_article, content_hash
from service.compare import Analysed, compare_articles, ordered
from service.compare.topics import cross_story_findings
from service.deadline import NO_DEADLINE, Deadline
from service.embed import CachedEmbedder, Embedder
from service.errors import CrosscheckError, InvalidInput, NotFound, shown
from service.extract import extract, extract_many
from service.paging import article_cursor, article_token
from service.records import Article, ArticleInput, EntityKind, Extraction, Finding
from service.reports.window import require_after
from service.store import ArticleSummary, ClaimVectorStore, ReportStore, Store, StoryFeatures
from service.stories import Placement, RegionalClusterer, StoryDocument, StoryMembers

log = logging.getLogger("crosscheck.engine")

# Sentences that make an article's lead for story clustering: the opening carries the event.
LEAD_SENTENCES = 3
# Articles of one call analysed together: enough for the parser and the model to work in large batches, few enough
# that a large call holds a bounded number of parses in memory and checks its deadline between groups.
ANALYSIS_GROUP = 16


@dataclass(frozen=True, slots=True)
class IngestItem:
    """One article of an ingest call as it reached the service: the article, or why it could not be read as one
    (which is reported in its own outcome, without sinking the rest of the call)."""

    external_id: str
    article: ArticleInput | None = None
    rejected: CrosscheckError | None = None

    @classmethod
    def of(cls, article: ArticleInput) -> "IngestItem":
        return cls(article.external_id, article=article)


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    index: int
    external_id: str
    article_id: str = ""
    created: bool = False
    claim_count: int = 0
    story_id: str = ""
    error: CrosscheckError | None = None


@dataclass(frozen=True, slots=True)
class StoryView:
    story_id: str
    topic_id: str
    articles: tuple[ArticleSummary, ...]


def analyse(item: ArticleInput, embedder: Embedder, max_article_chars: int = 1_000_000) -> tuple[Extraction, np.ndarray]:
    """Ingest and extraction of one article, and its claims' embeddings (rows in claim order)."""
    (result,) = analyse_many([item], embedder, max_article_chars, leads=False)
    if isinstance(result, CrosscheckError):
        raise result
    return result.extraction, result.embeddings


@dataclass(frozen=True, slots=True)
class Analysis:
    """An article's extraction, its claims' embeddings (rows in claim order) and, when asked for, its story lead's
    embedding."""

    extraction: Extraction
    embeddings: np.ndarray
    lead_embedding: np.ndarray | None = None


def story_lead(extraction: Extraction) -> str:
    """The opening sentences that carry the story's event, for story clustering."""
    return " ".join(s.text for s in extraction.sentences[:LEAD_SENTENCES])


def story_text(extraction: Extraction) -> str:
    """What the story clusterer embeds of an article: its title and lead."""
    return f"{extraction.article.title}. {story_lead(extraction)}".strip(". ")


def analyse_many(items: Sequence[ArticleInput], embedder: Embedder, max_article_chars: int = 1_000_000, *,
                 leads: bool = True) -> list[Analysis | CrosscheckError]:
    """`analyse` of several articles at once, each with its own result or error: their texts are parsed in shared
    batches, and all their claims embedded in one call of the model (which sorts them by length) and, with
    `leads`, all their story leads in another."""
    built: list[Article | CrosscheckError] = []
    for item in items:
        try:
            built.append(build_article(item, max_article_chars))
        except CrosscheckError as exc:
            built.append(exc)
    extracted = iter(extract_many([a for a in built if isinstance(a, Article)]))
    results: list[Extraction | CrosscheckError] = [next(extracted) if isinstance(a, Article) else a for a in built]
    extractions = [r for r in results if isinstance(r, Extraction)]
    if not extractions:
        return results  # type: ignore[return-value]  # nothing was read: every result is an error
    claims = [c.text for e in extractions for c in e.claims]
    try:
        # Two calls, not one: the model pads each batch to its longest text, and the leads (a title and three
        # sentences) are several times longer than a claim, so mixed in they would pad a batch of claims to
        # their length.
        rows = embedder.embed(claims)
        lead_rows = embedder.embed([story_text(e) for e in extractions]) if leads else [None] * len(extractions)
    except CrosscheckError as exc:
        return [exc if isinstance(r, Extraction) else r for r in results]
    analyses: dict[int, Analysis] = {}
    start = 0
    for extraction, lead in zip(extractions, lead_rows):
        end = start + len(extraction.claims)
        analyses[id(extraction)] = Analysis(extraction, rows[start:end], lead)
        start = end
    return [analyses[id(r)] if isinstance(r, Extraction) else r for r in results]


class Engine:
    def __init__(self, store: Store, embedder: Embedder, scorer: PairScorer, *, aligner: ClaimAligner | None = None,
                 max_article_chars: int = 1_000_000):
        self.store = store
        self.embedder = embedder
        self.scorer = scorer
        # Claims within a story are linked when they report the same fact; the paraphrase scorer still decides
        # across stories, where only near-paraphrases are the same claim.
        self.aligner = aligner or FactAligner(load_fact_model())
        self.max_article_chars = max_article_chars
        # Stateless here: it places each article against the stored articles near it, which the store reads
        # inside the write that stores the placement (`Store.save_placed`). Nothing of the stories is held in
        # this process, so start-up reads nothing of them and every server on one database places alike.
        self._clusterer = RegionalClusterer()
        self._fill_in_story_features()

    # ------------------------------------------------------------------------------------------ stages

    def _analyse_many(self, items: Sequence[ArticleInput], leads: bool = True,
                      embedder: Embedder | None = None) -> list[Analysis | CrosscheckError]:
        return analyse_many(items, embedder or self.embedder, self.max_article_chars, leads=leads)

    def _story_document(self, extraction: Extraction, vector: np.ndarray | None = None) -> StoryDocument:
        article = extraction.article
        lead = story_lead(extraction)
        lead_span_end = extraction.sentences[min(LEAD_SENTENCES, len(extraction.sentences)) - 1].span.end
        names = {
            e.canonical or e.text
            for c in extraction.claims
            if c.span.start < lead_span_end
            for e in c.entities
            if e.kind in (EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.PLACE)
        }
        if vector is None:
            (vector,) = self.embedder.embed([story_text(extraction)])
        return StoryDocument(
            article_id=article.id,
            title=article.title,
            lead=lead,
            names=tuple(sorted(names)),
            published=article.published.complete if article.published else None,
            embedding=vector,
        )

    def _fill_in_story_features(self) -> None:
        """Articles stored before story features were kept get theirs once, on the first start after the upgrade:
        the one time start-up reads extractions, and only those of the articles that lack features."""
        missing = self.store.articles_without_features()
        if not missing:
            return
        log.info("filling in story features of articles stored before they were kept", extra={"articles": len(missing)})
        for article_id in missing:
            document = self._story_document(self.store.get_extraction(article_id))
            self.store.save_features(article_id, StoryFeatures(document.embedding, document.names, document.words))

    # ------------------------------------------------------------------------------------------ operations

    def close(self) -> None:
        self.store.close()

    @property
    def reports(self) -> ReportStore:
        """Where built reports are kept (the reports layer reads and writes them; nothing else does)."""
        return self.store

    def ingest(self, items: Sequence[IngestItem], deadline: Deadline = NO_DEADLINE) -> list[IngestOutcome]:
        """Each item on its own: a rejected article (or one that could not be read as one) does not sink the
        batch, and nothing of it is stored. Once `deadline` has passed (or the caller cancelled) the call stops
        with DeadlineExceeded and stores nothing more; what it stored before stays, and a retry finds it.

        The articles are analysed a group at a time (parsed and embedded together, see `analyse_many`), then
        stored one by one in order."""
        outcomes = []
        for first in range(0, len(items), ANALYSIS_GROUP):
            deadline.require(f"articles[{first}:] were not stored")
            group = items[first : first + ANALYSIS_GROUP]
            for index, item, analysed in zip(range(first, first + len(group)), group, self._analyse_group(first, group)):
                deadline.require(f"articles[{index}:] were not stored")
                try:
                    if isinstance(analysed, CrosscheckError):
                        raise analysed
                    outcomes.append(analysed if isinstance(analysed, IngestOutcome)
                                    else self._ingest_one(index, item.article, analysed, deadline))  # type: ignore[arg-type]
                except CrosscheckError as exc:
                    log.info("article rejected",
                             extra={"index": index, "external_id": shown(item.external_id), "reason": exc.message})
                    outcomes.append(IngestOutcome(index, item.external_id, error=exc))
        return outcomes

    def _analyse_group(self, first: int, group: Sequence[IngestItem]) -> list[Analysis | IngestOutcome | CrosscheckError]:
        """For each item: why it cannot be stored, the outcome of its earlier ingest when its content is stored
        already (it is not analysed again), or its analysis."""
        results: list[Analysis | IngestOutcome | CrosscheckError | None] = []
        for index, item in enumerate(group, first):
            try:
                if item.rejected is not None:
                    raise item.rejected
                if item.article is None:
                    raise InvalidInput(f"articles[{index}]: no article")
                results.append(self._existing(index, item.article))
            except CrosscheckError as exc:
                results.append(exc)
        fresh = [i for i, r in enumerate(results) if r is None]
        analysed = self._analyse_many([group[i].article for i in fresh])  # type: ignore[misc]
        for i, analysis in zip(fresh, analysed):
            results[i] = analysis
        return results  # type: ignore[return-value]

    def _ingest_one(self, index: int, item: ArticleInput, analysis: Analysis,
                    deadline: Deadline = NO_DEADLINE) -> IngestOutcome:
        extraction, embeddings = analysis.extraction, analysis.embeddings
        document = self._story_document(extraction, analysis.lead_embedding)
        features = StoryFeatures(document.embedding, document.names, document.words)

        def place(members: StoryMembers) -> Placement:
            # The last moment to give up: after it the article is stored, and the caller told so.
            deadline.require(f"articles[{index}] was not stored")
            return self._clusterer.place(document, members)

        # Placed and stored in one transaction that excludes every other placement on the database, from this
        # process or another; the content hash is checked again inside it, so a concurrent ingest of the same
        # text (here or through another server) stores it once and this call reports the stored article.
        placement = self.store.save_placed(extraction, embeddings, features, place)
        if placement is None:
            return self._existing(index, item) or IngestOutcome(index, item.external_id)
        link = placement.assignment
        log.info(
            "article ingested",
            extra={"article_id": extraction.article.id, "claims": len(extraction.claims), "story_id": link.story_id},
        )
        return IngestOutcome(index, item.external_id, extraction.article.id, True, len(extraction.claims),
                             link.story_id)

    def _existing(self, index: int, item: ArticleInput) -> IngestOutcome | None:
        article_id = self.store.article_id_for_hash(content_hash(item.text)) if item.text.strip() else None
        if article_id is None:
            return None
        summary = self.store.get_summary(article_id)
        return IngestOutcome(index, item.external_id, article_id, False, summary.claim_count, summary.story_id)

    def article(self, article_id: str) -> tuple[Extraction, ArticleSummary]:
        """A stored article's extraction and summary; NotFound for an unknown id."""
        return self.store.get_extraction(article_id), self.store.get_summary(article_id)

    def articles(self, limit: int, page_token: str = "") -> tuple[list[ArticleSummary], str]:
        """A page of stored articles, newest publication first, and the token of the next page ("" at the end).
        InvalidInput for a token this service did not give."""
        page, cursor = self.store.list_articles(limit, article_cursor(page_token))
        return page, article_token(cursor)

    def extract(self, item: ArticleInput) -> Extraction:
        return extract(build_article(item, self.max_article_chars))

    def compare(self, items: Sequence[ArticleInput], *, agreements: bool = True) -> tuple[list[Article], list[Finding]]:
        if len(items) < 2:
            raise InvalidInput(f"articles: compare needs two or more articles, got {len(items)}")
        # Compare stores nothing: not even the embeddings of its texts.
        embedder = self.embedder.read_only() if isinstance(self.embedder, CachedEmbedder) else self.embedder
        analysed = []
        for i, (item, result) in enumerate(zip(items, self._analyse_many(items, leads=False, embedder=embedder))):
            if isinstance(result, InvalidInput):
                label = f" ({shown(item.external_id)[1:-1]})" if item.external_id else ""
                raise type(result)(f"articles[{i}]{label}: {result.message}") from result
            if isinstance(result, CrosscheckError):
                raise result
            analysed.append(Analysed(result.extraction, result.embeddings))
        findings = compare_articles(analysed, self.aligner, by_story=False, agreements=agreements)
        return [a.extraction.article for a in analysed], findings

    def select(
        self, article_ids: Sequence[str] = (), story_id: str = "",
        since: dt.date | None = None, until: dt.date | None = None,
    ) -> list[str]:
        chosen = [bool(article_ids), bool(story_id), since is not None or until is not None]
        if sum(chosen) != 1:
            raise InvalidInput("give exactly one of: article_ids, story_id, or a since/until window")
        if article_ids:
            for article_id in article_ids:
                self.store.get_summary(article_id)  # NotFound names the unknown id
            return list(dict.fromkeys(article_ids))
        if story_id:
            ids = self.store.story_article_ids(story_id)
            if not ids:
                raise NotFound(f"no story with id {shown(story_id)}")
            return ids
        if since is None or until is None:
            raise InvalidInput("a window needs both since and until")
        require_after(since, until)
        return self.store.articles_published(since, until)

    def check(self, article_ids: Sequence[str], *, agreements: bool = True) -> tuple[list[ArticleSummary], list[Finding]]:
        summaries = [self.store.get_summary(i) for i in article_ids]
        analysed = [
            Analysed(self.store.get_extraction(s.article.id), self.store.claim_embeddings(s.article.id), s.story_id)
            for s in summaries
        ]
        findings = compare_articles(analysed, self.aligner, by_story=True, agreements=agreements)
        topics = {s.article.id: s.topic_id for s in summaries}
        across = cross_story_findings(analysed, topics, StoredClaims(self.store), self.scorer)
        return summaries, ordered(findings + across)

    def stories(self, since: dt.date | None = None, until: dt.date | None = None) -> list[StoryView]:
        # A story is listed when one of its articles was published in the window: the store picks them.
        by_story: dict[str, list[ArticleSummary]] = {}
        topics: dict[str, str] = {}
        for link, summary in self.store.story_summaries(since, until):
            by_story.setdefault(link.story_id, []).append(summary)
            topics[link.story_id] = link.topic_id
        views = [StoryView(story_id, topics[story_id], tuple(summaries)) for story_id, summaries in by_story.items()]
        return sorted(views, key=lambda v: (_newest(v.articles), v.story_id), reverse=True)


class StoredClaims:
    """The stored claims as the cross-story comparison searches them (service.compare.topics): its candidates are
    the claims of the other checked articles of a topic, so the store answers with an exact search among those
    (a few hundred claims), on whichever database every server shares."""

    def __init__(self, store: ClaimVectorStore) -> None:
        self._store = store

    def search(self, vectors: np.ndarray, k: int, allowed: Allowed = None) -> Hits:
        if not isinstance(allowed, (set, frozenset)):
            raise TypeError("stored claims are searched among a given set of claim ids")
        if not allowed:
            return [[] for _ in range(len(np.atleast_2d(vectors)))]
        return self._store.nearest_claims(np.asarray(vectors), k, sorted(allowed))


def _newest(summaries: Sequence[ArticleSummary]) -> dt.date:
    dates = [s.article.published.complete for s in summaries if s.article.published]
    return max((d for d in dates if d is not None), default=dt.date.min)
