"""htmldate's reading of a page's date, on the page without its program data.

htmldate reads a page's declarations, its elements that look like dates and their context, and, as its last
resort, the first timestamp anywhere in the page's source. That source includes the scripts' data (a user
account's creation time, a record's "mod_date", a cache stamp) and free-text <meta> such as keywords, whose
timestamps are the times of things other than the article. So htmldate reads the page with those taken out:
every <script> but JSON-LD (the page's declarations, which htmldate reads too), and every <meta> whose key does
not name a date or a time. What a reader sees and what the page declares as a date is all still there.
"""

from __future__ import annotations

import datetime as dt
import logging
import re

from service.ingest.page_dates import DatedBy, parse_day

log = logging.getLogger("crosscheck.ingest")

# The attribute text is bounded so that a tag with an unclosed quote cannot make the scan quadratic.
_SCRIPT_START = re.compile(r"<script\b[^>]{0,500}>", re.IGNORECASE)
_SCRIPT_END = re.compile(r"</script\s*>", re.IGNORECASE)
_META = re.compile(r"<meta\b[^>]{0,4000}>", re.IGNORECASE)
_META_KEY = re.compile(r"""\b(?:name|property|itemprop|http-equiv)\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
# The keys under which pages declare dates: article:published_time, og:updated_time, dc.date.issued,
# last-modified, parsely-pub-date, citation_publication_date, sailthru.date, ...
_DATE_KEY = re.compile(r"date|time|modified|published|created|issued|updated|pub", re.IGNORECASE)


def without_program_data(html: str) -> str:
    """The page without its non-JSON-LD scripts and without the <meta> whose key names no date."""
    return _META.sub(_date_meta_only, _without_program_scripts(html))


def _without_program_scripts(html: str) -> str:
    # One pass: each script's end is searched from its start, and an unclosed script ends the page (a lazy
    # "<script>.*?</script>" would rescan the rest of the page from every unclosed one).
    kept: list[str] = []
    position = 0
    while (start := _SCRIPT_START.search(html, position)) is not None:
        end = _SCRIPT_END.search(html, start.end())
        stop = end.end() if end else len(html)
        kept.append(html[position:start.start()])
        if "ld+json" in start[0].lower():
            kept.append(html[start.start():stop])
        position = stop
    kept.append(html[position:])
    return "".join(kept)


def _date_meta_only(match: re.Match[str]) -> str:
    key = _META_KEY.search(match[0])
    # A <meta> with no key (charset) or a date key stays; keywords, description and the like go.
    return match[0] if key is None or _DATE_KEY.search(key[1]) else ""


def htmldate_reading(html: str, url: str, today: dt.date | None) -> DatedBy | None:
    """htmldate's guess, without its extensive search, from the page without its program data."""
    try:
        from htmldate import find_date

        # The text, not our tree: htmldate prunes the tree it is given and parses the page its own way.
        found = find_date(without_program_data(html), url=url or None, original_date=True,
                          extensive_search=False, outputformat="%Y-%m-%d")
    except Exception as exc:  # noqa: BLE001 - a third-party heuristic failing is "no date", never an error
        log.info("htmldate failed", extra={"reason": f"{type(exc).__name__}: {exc}"})
        return None
    day = parse_day(found, today) if found else None
    return DatedBy(day, "htmldate") if day else None
