"""Copying one store into another (`crosscheck-server migrate --from sqlite:... --to postgresql://...`).

Articles are copied in arrival order with their extraction, claim vectors, story link and story features, so the
copy places the next article exactly as the original would; stored reports come along. An article already in the
target (same content) is left as it is, so a copy that was interrupted is finished by running it again. The
embedding cache is not copied: it is only a cache, and the target fills its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from service.store.base import Store

# Reports are few (one a day and a window); this bounds one read of them all.
_ALL_REPORTS = 1_000_000


@dataclass(frozen=True, slots=True)
class CopyResult:
    articles_copied: int
    articles_present: int  # already in the target, left as they were
    reports_copied: int


def copy_store(source: Store, target: Store, progress=lambda done, total: None) -> CopyResult:
    links = {link.article_id: link for link in source.story_links()}
    ids = source.article_ids()
    copied = present = 0
    for done, article_id in enumerate(ids, start=1):
        extraction = source.get_extraction(article_id)
        embeddings = source.claim_embeddings(article_id)
        if not extraction.claims:
            embeddings = embeddings.reshape(0, 0)
        saved = target.save_article(extraction, embeddings, links.get(article_id), (),
                                    source.story_features(article_id))
        copied, present = (copied + 1, present) if saved else (copied, present + 1)
        progress(done, len(ids))
    reports = source.list_reports(_ALL_REPORTS)
    for report in reports:
        target.save_report(report)
    return CopyResult(copied, present, len(reports))
