"""The stored articles no report window can hold: their publication day is unknown, or known only in part
("XXXX-04-23", "2013"). A report names them so that a reader does not take their absence for agreement."""

from __future__ import annotations

from service.store.base import ArticleSummary, Store

LISTED = 50  # the report lists this many by title; its totals count them all
_PAGE = 500


def is_undated(summary: ArticleSummary) -> bool:
    published = summary.article.published
    return published is None or published.complete is None


def undated_articles(store: Store) -> tuple[tuple[ArticleSummary, ...], int]:
    """The first LISTED undated articles (most recently stored first) and how many there are. It reads the
    whole listing: a report is built once a night or on request, and the store has no index by missing date."""
    listed: list[ArticleSummary] = []
    count, token = 0, ""
    while True:
        page, token = store.list_articles(_PAGE, token)
        for summary in page:
            if is_undated(summary):
                count += 1
                if len(listed) < LISTED:
                    listed.append(summary)
        if not token:
            return tuple(listed), count
