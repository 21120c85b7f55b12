"""What a web page says about its article: headline, outlet, authors, canonical URL and dates.

Read from the page's machine-readable declarations (JSON-LD, <meta>, itemprop, <link rel=canonical>, <time>)
with lxml, which also parses the broken markup crawlers fetch. Each field has its order of trust, the most
deliberate declaration first; the dates' order is documented in `page_dates`. What the caller passes always wins
over all of it (see service.articles).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from service.ingest.htmldate_reading import htmldate_reading
from service.ingest.local_day import ambiguous_day, local_day, marked_days
from service.ingest.page_dates import (
    ARTICLE_TYPES,
    DatedBy,
    MODIFIED_META,
    PUBLISHED_META,
    PageDates,
    _PAGE_TYPES,
    choose,
    date_in_url,
    first_day,
    parse_day,
)

log = logging.getLogger("crosscheck.ingest")

# Outlet names are short; a longer "site name" is a slogan or a page title.
MAX_OUTLET_WORDS = 8
_TITLE_SEPARATORS = (" | ", " - ", " — ", " – ", " :: ", " · ", " » ")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class PageMetadata:
    title: str = ""
    site_name: str = ""
    authors: tuple[str, ...] = ()
    canonical_url: str = ""
    dates: PageDates = PageDates(None, None)


def read_page_metadata(html: str, url: str = "", today: dt.date | None = None) -> PageMetadata:
    """Never raises on bad markup: a page that cannot be parsed simply declares nothing."""
    tree = _parse(html)
    if tree is None:
        return PageMetadata(dates=PageDates(_url_dated(url, today), None))
    meta = _meta(tree)
    objects = list(_json_ld(tree))
    articles = [o for o in objects if _types(o) & (ARTICLE_TYPES - _PAGE_TYPES)]
    pages = [o for o in objects if _types(o) & _PAGE_TYPES]
    canonical = _canonical(tree, meta, articles)
    site_name = _site_name(meta, articles, canonical or url)
    return PageMetadata(
        title=_title(tree, meta, articles, site_name),
        site_name=site_name,
        authors=_authors(meta, articles),
        canonical_url=canonical,
        dates=_dates(tree, html, meta, articles, pages, canonical or url, url, today),
    )


# ------------------------------------------------------------------------------------------ parsing


def _parse(html: str) -> Any:
    import lxml.etree
    import lxml.html

    try:
        # Bytes, so that an XML encoding declaration in the text is not an error; the text is already decoded.
        parser = lxml.html.HTMLParser(encoding="utf-8", huge_tree=False, remove_comments=True)
        return lxml.html.document_fromstring(html.encode("utf-8", "surrogatepass"), parser=parser)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError) as exc:
        log.info("page metadata unreadable", extra={"reason": f"{type(exc).__name__}: {exc}"})
        return None


def _text(value: Any) -> str:
    return _SPACES.sub(" ", value if isinstance(value, str) else "").strip()


def _meta(tree: Any) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop")
               or element.get("http-equiv") or "").strip().lower()
        content = _text(element.get("content") or "")
        if key and content:
            found.setdefault(key, []).append(content)
    return found


def _json_ld(tree: Any) -> Iterator[dict[str, Any]]:
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text.strip().rstrip(";"))
        except (ValueError, RecursionError):
            continue  # sites ship broken JSON-LD; it declares nothing
        yield from _objects(data, depth=0)


def _objects(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _objects(data["@graph"], depth + 1)


def _types(obj: dict[str, Any]) -> set[str]:
    value = obj.get("@type", "")
    values = value if isinstance(value, list) else [value]
    return {v.lower() for v in values if isinstance(v, str)}


def _names(value: Any) -> list[str]:
    """Names of a JSON-LD person or organisation value (a string, an object with a name, or a list of them)."""
    if isinstance(value, str):
        return [_text(value)] if _text(value) else []
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [name for item in value[:20] for name in _names(item)]
    return []


# ------------------------------------------------------------------------------------------ fields


def _canonical(tree: Any, meta: dict[str, list[str]], articles: list[dict[str, Any]]) -> str:
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and (link.get("href") or "").startswith("http"):
            return link.get("href").strip()
    for value in meta.get("og:url", []):
        if value.startswith("http"):
            return value
    for article in articles:
        for key in ("url", "mainEntityOfPage"):
            value = article.get(key)
            value = value.get("@id") if isinstance(value, dict) else value
            if isinstance(value, str) and value.startswith("http"):
                return value.strip()
    return ""


def _site_name(meta: dict[str, list[str]], articles: list[dict[str, Any]], url: str) -> str:
    candidates = [*meta.get("og:site_name", [])]
    candidates += [name for article in articles for name in _names(article.get("publisher"))]
    candidates += [*meta.get("application-name", []), *meta.get("publisher", []), *meta.get("dc.publisher", [])]
    for name in candidates:
        if name and not name.startswith("http") and len(name.split()) <= MAX_OUTLET_WORDS:
            return name
    host = (urlsplit(url).hostname or "").lower() if url else ""
    return host.removeprefix("www.")


def _title(tree: Any, meta: dict[str, list[str]], articles: list[dict[str, Any]], site_name: str) -> str:
    candidates = [*meta.get("og:title", []), *meta.get("twitter:title", [])]
    candidates += [_text(a.get("headline")) for a in articles]
    h1 = next(iter(tree.iter("h1")), None)
    if h1 is not None:
        candidates.append(_text(h1.text_content()))
    title = next(iter(tree.iter("title")), None)
    if title is not None:
        candidates.append(_text(title.text_content()))
    for candidate in candidates:
        if candidate:
            return strip_site_suffix(candidate, site_name)
    return ""


def strip_site_suffix(title: str, site_name: str) -> str:
    """"Headline | The Site" -> "Headline": the tail goes when it names the site (or is its host)."""
    names = {site_name.lower(), site_name.lower().split(".")[0]} - {""}
    for separator in _TITLE_SEPARATORS:
        head, _, tail = title.rpartition(separator)
        tail_key = tail.strip().lower()
        if head.strip() and tail_key and (tail_key in names or any(
                n in tail_key.replace(" ", "") or tail_key.replace(" ", "") in n for n in names)):
            return strip_site_suffix(head.strip(), site_name)
    return title


def _authors(meta: dict[str, list[str]], articles: list[dict[str, Any]]) -> tuple[str, ...]:
    names = [name for article in articles for name in _names(article.get("author"))]
    if not names:
        names = [*meta.get("author", []), *meta.get("article:author", []), *meta.get("dc.creator", []),
                 *meta.get("parsely-author", []), *meta.get("sailthru.author", [])]
    # Profile URLs and outlet names stand in for people on some sites.
    people = [n for n in names if not n.startswith("http") and len(n.split()) <= 6]
    return tuple(dict.fromkeys(people))


def _dates(tree: Any, html: str, meta: dict[str, list[str]], articles: list[dict[str, Any]], pages: list[dict[str, Any]],
           url: str, submitted_url: str, today: dt.date | None) -> PageDates:
    def ld(objects: list[dict[str, Any]], *keys: str) -> dt.date | None:
        return first_day((o.get(k) for o in objects for k in keys if isinstance(o.get(k), str)), today)

    def meta_day(keys: tuple[str, ...]) -> dt.date | None:
        return first_day((v for k in keys for v in meta.get(k, [])), today)

    declared_ld, declared_meta = ld(articles, "datePublished", "dateCreated"), meta_day(PUBLISHED_META)
    if declared_ld and declared_meta and declared_ld != declared_meta:
        # The page's two declarations contradict each other (a local time labelled UTC is the usual cause):
        # the one htmldate's reading of the page (its own order of the declarations and the dates shown)
        # agrees with stands, and neither when it agrees with none.
        reading = htmldate_reading(html, url, today)
        agreed = reading.date if reading and reading.date in (declared_ld, declared_meta) else None
        declared_ld = declared_ld if declared_ld == agreed else None
        declared_meta = declared_meta if declared_meta == agreed else None
    published = choose((
        ("json-ld", declared_ld),
        ("meta", declared_meta),
        ("markup", _marked_date(tree, today)),
        ("json-ld", ld(pages, "datePublished", "dateCreated", "uploadDate")),
        ("url", date_in_url(url, today) or date_in_url(submitted_url, today)),
    ))
    if published is not None and published.rule in ("json-ld", "meta"):
        published = _on_local_day(published, tree, [
            *(o.get(k) for o in articles for k in ("datePublished", "dateCreated") if isinstance(o.get(k), str)),
            *(v for k in PUBLISHED_META for v in meta.get(k, [])),
        ], today)
    modified = choose((
        ("json-ld", ld(articles, "dateModified")),
        ("meta", meta_day(MODIFIED_META)),
    ))
    if published is None:
        published = htmldate_reading(html, url, today)
    return PageDates(published, modified)


def _marked_date(tree: Any, today: dt.date | None) -> dt.date | None:
    """An element the page marks as the publication date."""
    for element in tree.xpath('//*[@itemprop="datePublished"] | //time[@pubdate]')[:5]:
        for value in (element.get("datetime"), element.get("content"), element.text_content()[:60]):
            if value and (day := parse_day(value, today)) is not None:
                return day
    return None


def _on_local_day(published: DatedBy, tree: Any, declared: list[str], today: dt.date | None) -> DatedBy:
    """The declared day, or the page's own day when the declaration is a UTC timestamp near midnight and the
    page marks the neighbouring day (see `local_day`)."""
    value = next((v for v in declared if parse_day(v, today) == published.date), None)
    if value is None or ambiguous_day(value) is None:
        return published
    day = local_day(value, marked_days(tree, today))
    return DatedBy(day, "markup") if day is not None else published


def _url_dated(url: str, today: dt.date | None) -> Any:
    day = date_in_url(url, today) if url else None
    return DatedBy(day, "url") if day else None
