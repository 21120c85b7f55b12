"""Ingest stage: validate an ArticleInput and turn it into an Article (clean text, metadata, content id)."""

from __future__ import annotations

import hashlib
from pathlib import PurePath

from service.errors import ArticleTooLarge, InvalidInput
from service.ingest import Prepared, prepare
from service.ingest.page_dates import around_article, shown_at
from service.records import Article, ArticleInput, PartialDate, Span
from service.timex import detect_publication_date

HTML = "text/html"
# A web page is mostly markup (scripts, styles, attributes): real article pages of a few thousand words weigh
# 0.1-1.5 MB. A page may be this many times the article limit; its article text is what the limit protects.
PAGE_MARKUP_ALLOWANCE = 10


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def validate_date(date: PartialDate, where: str) -> None:
    """Raises InvalidInput for a date no calendar has (month 13, 30 February)."""
    problem = date.problem()
    if problem is not None:
        raise InvalidInput(f"{where}: {problem}")


def build_article(item: ArticleInput, max_chars: int) -> Article:
    """Raises InvalidInput (naming the field) for empty, oversized or unreadable input."""
    if not item.text.strip():
        raise InvalidInput("text is empty")
    is_page = item.content_type == HTML
    limit = max_chars * PAGE_MARKUP_ALLOWANCE if is_page else max_chars
    if len(item.text) > limit:
        what = f"the page's limit is {limit} ({PAGE_MARKUP_ALLOWANCE} x the article limit, for its markup)" \
            if is_page else f"the limit is {limit}"
        raise ArticleTooLarge(f"text has {len(item.text)} characters; {what}")
    if item.published is not None:
        validate_date(item.published, "published")
    if item.content_type not in ("text/plain", HTML):
        raise InvalidInput(f"content_type {item.content_type!r} is not text/plain or text/html")
    prepared = prepare(item.text, item.content_type, item.url, item.source)
    if not prepared.paragraphs:
        if prepared.page is not None:
            raise InvalidInput("the page has no article: no paragraph of article text was found in it "
                               "(only navigation, widgets or other page furniture)")
        raise InvalidInput("no article text is left once page boilerplate is removed")
    page = prepared.page
    published, published_span, published_by = publication_date(item, prepared)
    modified = page.dates.modified.date if page is not None and page.dates.modified else None
    # Identity is the content: submitting the same text again (with or without metadata) is a duplicate.
    digest = content_hash(item.text)
    source = item.source or prepared.source or unknown_outlet(item.external_id, digest)
    return Article(
        id=digest[:20],
        content_hash=digest,
        text=item.text,
        clean=prepared.clean,
        source=source,
        url=item.url,
        title=item.title or prepared.title,
        title_span=None if item.title else prepared.title_span,
        published=published,
        published_span=published_span,
        content_type=item.content_type,
        paragraphs=prepared.paragraphs,
        external_id=item.external_id,
        published_by=published_by,
        modified=PartialDate(modified.year, modified.month, modified.day) if modified else None,
        authors=page.authors if page is not None else (),
        canonical_url=page.canonical_url if page is not None else "",
    )


def publication_date(item: ArticleInput, prepared: Prepared) -> tuple[PartialDate | None, Span | None, str]:
    """The publication date, where in the text it was read (if it was) and by what rule: the caller's first,
    then what the page declares, then a date line or dateline of the text."""
    if item.published is not None:
        return item.published, None, "caller"
    page = prepared.page
    if page is not None and page.dates.published is not None:
        published = page.dates.published_date
        # Where the page also shows that day to its readers, that is where the date was read.
        return published, shown_at(prepared.unmasked, published), page.dates.published.rule
    # Date lines are page furniture that `clean` masks, so the date is read from the text before boilerplate
    # removal (for HTML, from the page with only its markup blanked).
    # On a web page the whole page is text: a date line away from the article (the masthead's day, a footer's)
    # is the page's, so only the article's extent is read.
    text = prepared.unmasked if page is None else around_article(prepared.unmasked, prepared.paragraphs)
    detected = detect_publication_date(text, item.url)
    if detected is not None:
        return detected[0], detected[1], "text"
    return None, None, ""


UNKNOWN_OUTLET = "unknown outlet"


def unknown_outlet(external_id: str, digest: str) -> str:
    """Last resort for an outlet neither the caller, the text, the page nor the URL names. It says so in words a
    reader understands, and keeps a short tag of the file name (or of the content) so that two such articles
    stay two sources in the matrix rather than one outlet agreeing with itself."""
    tag = PurePath(external_id).stem if external_id else digest
    return f"{UNKNOWN_OUTLET} ({tag[:8]}\u2026)" if len(tag) > 10 else f"{UNKNOWN_OUTLET} ({tag})"
