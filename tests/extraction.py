"""The real extract stage on an article built as ingest builds it (spaCy, no embedding model), for tests that
compare what two reports say."""

from __future__ import annotations

from service.engine import build_article
from service.extract import extract
from service.records import ArticleInput, Extraction, PartialDate


def extraction(text: str, source: str = "wire", published: PartialDate | None = None) -> Extraction:
    """`source` is also the article's external id, so two reports of one test stay apart."""
    return extract(build_article(ArticleInput(text, source=source, external_id=source, published=published),
                                 1_000_000))
