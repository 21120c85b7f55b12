"""Publication and modification dates from where web pages declare them, in a fixed order of trust.

    1. JSON-LD of the article (NewsArticle, Article, BlogPosting, ...): datePublished, then dateCreated
    2. the article's <meta>: article:published_time, og:published_time, itemprop datePublished, Dublin Core
       issued/created, and the publishing systems' own names (parsely-pub-date, sailthru.date, pubdate, ...)
    3. an element marked as the publication date: itemprop="datePublished", <time pubdate>
    4. the date in the URL's path (/2019/11/18/)
    5. htmldate's reading of the page (visible dates and their context), without its extensive search, when
       nothing above dates the page; it reads the page without its scripts' data and free-text <meta>
       (`htmldate_reading`)
    6. (in service.articles) a date line of the page's text, within the article's extent (`around_article`)

When 1 and 2 contradict each other, the one htmldate's reading agrees with stands, and neither if it agrees with
none. A wrong date is worse than none (it moves an article into the wrong window and makes false date mismatches), so
the more the evidence is a guess the more it has to be corroborated. Dates are taken as written, in the page's
own time zone: "2019-11-18T23:30:00-05:00" is 18 November, the day its readers saw.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from service.ingest.masking import blanked
from service.records import PartialDate, Span
from service.timex.publication import FULL_DATE, full_date

_ISO = re.compile(r"((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_COMPACT = re.compile(r"^((?:19|20)\d\d)(\d\d)(\d\d)(?:\D|$)")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|[-_.]|$)")
_EPOCH = re.compile(r"^\d{10}(?:\d{3})?$")

PUBLISHED_META = (
    "article:published_time", "og:published_time", "og:article:published_time", "article:published",
    "datepublished", "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created", "datecreated",
    "parsely-pub-date", "sailthru.date", "pubdate", "publishdate", "publish-date", "publish_date",
    "publication_date", "article.published", "cxenseparse:recs:publishtime", "bt:pubdate", "release:date",
    "date.available", "dc.date", "date", "outbrain-date", "analyticsattributes.articledate",
)
MODIFIED_META = (
    "article:modified_time", "og:article:modified_time", "article:modified", "og:updated_time",
    "article:updated_time", "datemodified", "dcterms.modified", "bt:moddate", "last-modified", "revision_date",
)
ARTICLE_TYPES = frozenset(
    "article newsarticle blogposting reportagenewsarticle analysisnewsarticle opinionnewsarticle "
    "backgroundnewsarticle reviewnewsarticle techarticle scholarlyarticle liveblogposting webpage "
    "socialmediaposting videoobject".split()
)
# JSON-LD types that describe the page as a whole rather than the article: trusted only when nothing else is.
_PAGE_TYPES = frozenset({"webpage", "videoobject"})
EARLIEST_YEAR = 1995  # the first news sites; an earlier "publication" date is a birth date or a history


@dataclass(frozen=True, slots=True)
class DatedBy:
    date: dt.date
    rule: str  # which kind of evidence: "json-ld", "meta", "markup", "url", "htmldate"


@dataclass(frozen=True, slots=True)
class PageDates:
    published: DatedBy | None
    modified: DatedBy | None

    @property
    def published_date(self) -> PartialDate | None:
        d = self.published.date if self.published else None
        return PartialDate(d.year, d.month, d.day) if d else None


def parse_day(value: str, today: dt.date | None = None) -> dt.date | None:
    """The calendar day a machine-readable date names (ISO 8601 and its common variants, a Unix time)."""
    value = value.strip()
    if not value:
        return None
    found = None
    if m := _ISO.search(value[:40]):
        found = _day(int(m[1]), int(m[2]), int(m[3]))
    elif m := _COMPACT.match(value):
        found = _day(int(m[1]), int(m[2]), int(m[3]))
    elif _EPOCH.match(value):
        seconds = int(value[:10])
        found = dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc).date()
    return found if found and _plausible(found, today) else None


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _plausible(day: dt.date, today: dt.date | None) -> bool:
    latest = (today or dt.date.today()) + dt.timedelta(days=2)  # a page dated in a time zone ahead of ours
    return EARLIEST_YEAR <= day.year and day <= latest


def first_day(values: Iterable[str], today: dt.date | None = None) -> dt.date | None:
    for value in values:
        if (day := parse_day(value, today)) is not None:
            return day
    return None


def date_in_url(url: str, today: dt.date | None = None) -> dt.date | None:
    path = url.split("?", 1)[0].split("#", 1)[0]
    m = _URL_DATE.search(path)
    day = _day(int(m[1]), int(m[2]), int(m[3])) if m else None
    return day if day and _plausible(day, today) else None


# A date a page shows its readers sits on a short line: a byline, a date line, a dateline.
_MAX_SHOWN_LINE = 120


def shown_at(text: str, day: PartialDate) -> Span | None:
    """Where the page shows `day` to its readers (a byline "By ... | March 26, 2013", a date line), if it does:
    the first full date on a short line that names that day."""
    offset = 0
    for line in text.splitlines(keepends=True):
        if line.strip() and len(line.strip()) <= _MAX_SHOWN_LINE:
            for m in FULL_DATE.finditer(line):
                if full_date(m) == day:
                    return Span(offset + m.start(), offset + m.end())
        offset += len(line)
    return None


# The article's lead (headline, standfirst, byline, a picture's caption) and its sign-off lie within this many
# words of the blocks kept as its body; a date line farther out is in the page's masthead or footer, where a
# daily site shows the day the page was served ("Wednesday, August 19, 2020" beside "Subscribe Today").
ARTICLE_LEAD_WORDS = 60
_WORD = re.compile(r"\S+")


def around_article(text: str, paragraphs: Sequence[Span]) -> str:
    """The text with everything but the article's extent blanked (same length, line breaks kept): its kept
    blocks and ARTICLE_LEAD_WORDS words before the first and after the last. (The headline found on a page is
    no bound: it may be the masthead's own heading.) A page with no kept block keeps nothing."""
    if not paragraphs:
        return blanked(text)
    first, last = paragraphs[0].start, paragraphs[-1].end
    before = [m.start() for m in _WORD.finditer(text, 0, first)][-ARTICLE_LEAD_WORDS:]
    after = [m.end() for m in _WORD.finditer(text, last)][:ARTICLE_LEAD_WORDS]
    start = before[0] if before else first
    end = after[-1] if after else last
    return blanked(text[:start]) + text[start:end] + blanked(text[end:])


def choose(candidates: Sequence[tuple[str, dt.date | None]]) -> DatedBy | None:
    """The first candidate, in order of trust, that has a date."""
    for rule, day in candidates:
        if day is not None:
            return DatedBy(day, rule)
    return None
