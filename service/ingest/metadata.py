"""The headline and the outlet of an article, read from the top of the page, its dateline or its URL."""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from service.ingest.boilerplate import (
    Line,
    classify_line,
    ends_sentence,
    heading_text,
    is_heading,
    word_count,
)

# The headline is among the first lines of the page; past this many non-blank lines we are in the body.
HEADLINE_SCAN_LINES = 10
HEADLINE_MIN_WORDS, HEADLINE_MAX_WORDS = 3, 20
# A line this long that ends a sentence is body text: no headline comes after it.
BODY_LINE_MIN_WORDS = 8

OUTLETS_BY_HOST: dict[str, str] = {
    "themoscowtimes.com": "The Moscow Times",
    "reuters.com": "Reuters",
    "ria.ru": "RIA Novosti",
    "en.ria.ru": "RIA Novosti",
    "sputniknews.com": "Sputnik International",
    "sputnikglobe.com": "Sputnik International",
    "tass.com": "TASS",
    "tass.ru": "TASS",
    "itar-tass.com": "ITAR-Tass",
    "interfax.com": "Interfax",
    "rt.com": "RT",
    "apnews.com": "Associated Press",
    "afp.com": "AFP",
    "bbc.com": "BBC",
    "bbc.co.uk": "BBC",
    "cnn.com": "CNN",
    "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post",
    "wsj.com": "The Wall Street Journal",
    "theguardian.com": "The Guardian",
    "bloomberg.com": "Bloomberg",
    "aljazeera.com": "Al Jazeera",
    "nti.org": "NTI Global Security Newswire",
    "defensenews.com": "Defense News",
}
KNOWN_OUTLETS = frozenset(name.lower() for name in OUTLETS_BY_HOST.values())

# "MOSCOW, April 23 (RIA Novosti) -", "MOSCOW/WASHINGTON (Reuters) -": the agency that filed the story.
_DATELINE_AGENCY = re.compile(
    r"^[ \t]*[A-Z][A-Z.'/ -]+(?:,[ \t]*[A-Z][A-Za-z.' -]*?)*(?:,?[ \t]+\d{1,2})?[ \t]*"
    r"\(([A-Z][^()\n\d]{1,40})\)[ \t]*[-—–]",
    re.MULTILINE,
)
_LINKED_BYLINE = re.compile(r"^by\s+\[([^\]]+)\]\([^)]*\)$", re.IGNORECASE)
_PLAIN_BYLINE = re.compile(r"^by\s+(.+)$", re.IGNORECASE)
_BOLD_LABEL = re.compile(r"^(?:\*\*|__)([^*_]+)(?:\*\*|__)$")
_LOGO = re.compile(r"^(.+?)\s+logo$", re.IGNORECASE)
_SITE_CRUMB = re.compile(r"^[-–—|]\s+(.+)$")
# Publication names that a byline carries instead of a person's name.
_OUTLET_NAME_SHAPE = re.compile(
    r"^the\s|\b(?:times|news|post|press|journal|herald|tribune|agency|gazette|telegraph|monitor|wire|daily|"
    r"international|newswire)$",
    re.IGNORECASE,
)


def find_headline(lines: Sequence[Line]) -> int | None:
    """Index of the headline line: the first markdown heading or short title-shaped line at the top."""
    seen = 0
    for index, line in enumerate(lines):
        if line.blank:
            continue
        seen += 1
        if seen > HEADLINE_SCAN_LINES:
            return None
        if looks_like_headline(line.content):
            return index
        reason = classify_line(line.content)
        if reason is None and ends_sentence(line.content) and word_count(line.content) >= BODY_LINE_MIN_WORDS:
            return None
    return None


def looks_like_headline(content: str) -> bool:
    if is_heading(content):
        return bool(heading_text(content))
    words = content.split()
    if not HEADLINE_MIN_WORDS <= len(words) <= HEADLINE_MAX_WORDS:
        return False
    if content[0] in "-–—|•*+(" or content.rstrip("\"'”’")[-1] in ".,;:":
        return False
    if classify_line(content) not in (None, "navigation"):
        return False
    return sum(word[0].isupper() for word in words) >= 2


def headline_text(content: str) -> str:
    return heading_text(content) if is_heading(content) else " ".join(content.split())


def _name(value: str) -> str:
    return " ".join(value.strip(" *_[]").split())


def _is_outlet_name(value: str) -> bool:
    return value.lower() in KNOWN_OUTLETS or bool(_OUTLET_NAME_SHAPE.search(value))


def outlet_from_url(url: str) -> str:
    host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
    host = host.removeprefix("www.")
    if not host:
        return ""
    for known, name in OUTLETS_BY_HOST.items():
        if host == known or host.endswith("." + known):
            return name
    return host


def detect_outlet(text: str, top_lines: Sequence[Line], header_lines: Sequence[Line], url: str, site_name: str) -> str:
    """The outlet that published the story.

    The agency in a dateline wins (an agency story on another site is the agency's reporting, and two copies of
    it are not independent sources); then the page's declared site name, a byline or label naming a
    publication, a logo line, the site name above the headline, and finally the URL's host. A news agency
    merely cited in the body ("ITAR-Tass reported") is not the publisher and is never taken."""
    dateline = _DATELINE_AGENCY.search(text[:5000])
    if dateline:
        return _name(dateline.group(1))
    if site_name:
        return _name(site_name)
    for line in top_lines:
        for pattern in (_LINKED_BYLINE, _PLAIN_BYLINE, _BOLD_LABEL):
            match = pattern.match(line.content)
            if match and _is_outlet_name(_name(match.group(1))):
                return _name(match.group(1))
        logo = _LOGO.match(line.content)
        if logo:
            return _name(logo.group(1))
    for line in header_lines:
        crumb = _SITE_CRUMB.match(line.content)
        if crumb and word_count(crumb.group(1)) <= 5:
            return _name(crumb.group(1))
    return outlet_from_url(url) if url else ""
