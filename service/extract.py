"""Extract stage: sentences, atomic claims and their slots (times, quantities, quotes, entities, polarity)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from typing import Generic, Sequence, TypeVar

from service.articles import HTML
from service.claims import claim_body, split_claims
from service.errors import InvalidInput
from service.ingest.references import ReferenceMap
from service.nlp import Parses
from service.people import entities_from_doc
from service.polarity import polarity
from service.quantities import extract_quantities
from service.quotes import extract_quotes
from service.records import (
    Article,
    Claim,
    Entity,
    EntityKind,
    Extraction,
    Granularity,
    PartialDate,
    Quote,
    Sentence,
    Span,
    TimeExpression,
)
from service.one_line import one_line
from service.segment import split_sentences
from service.timex import tag_times
from service.timex.publication import on_calendar


T = TypeVar("T")


class _ByStart(Generic[T]):
    """Slots (times, quotes, entities) found by where they start, in their own order: every claim asks for those
    starting inside it, and a scan of all of them per claim would make long articles quadratic."""

    def __init__(self, items: Sequence[T]) -> None:
        self._items = items
        self._order = sorted(range(len(items)), key=lambda i: items[i].span.start)  # type: ignore[attr-defined]
        self._starts = [items[i].span.start for i in self._order]  # type: ignore[attr-defined]

    def within(self, span: Span) -> tuple[T, ...]:
        found = self._order[bisect_left(self._starts, span.start) : bisect_left(self._starts, span.end)]
        return tuple(self._items[i] for i in sorted(found))


def _within(slots: _ByStart[T], span: Span) -> tuple[T, ...]:
    return slots.within(span)


def _with_headline(article: Article) -> tuple[str, tuple[Span, ...], Span | None]:
    """The text the extractors read and its paragraphs: the clean text with the headline given back as a paragraph
    of its own. A headline states the story's main fact, so it is a claim like any other; as its own paragraph it
    is never merged into the first body sentence (nor given that sentence's dateline)."""
    span = article.title_span
    if span is None or span.end > len(article.text) or not article.text[span.start : span.end].strip():
        return article.clean, article.paragraphs, None
    if any(p.overlaps(span) for p in article.paragraphs):
        return article.clean, article.paragraphs, None
    text = article.clean[: span.start] + article.text[span.start : span.end] + article.clean[span.end :]
    return text, tuple(sorted(article.paragraphs + (span,), key=lambda p: p.start)), span


# Words a date line carries beside its date: "Updated", "Posted on", "Published: ... GMT".
_DATELINE_WORDS = frozenset(
    "updated posted published first originally time edited on at last modified hrs gmt utc bst est edt cst cdt "
    "mst mdt pst pdt cet cest ist jst hkt aest aedt am pm et".split()
)
_WORDS = re.compile(r"[^\W\d_]+")
_WEEKDAY_ABBREVIATIONS = frozenset("mon tue tues wed thu thur thurs fri sat sun".split())


def _is_dateline(text: str, span: Span, times) -> bool:
    """A line that only gives a date ("May 03 , 2013", "Updated 4:08 p.m. March 3"): when the page was written,
    not a fact of the story, so it is a unit of its own that is never aligned or compared."""
    if not times:
        return False
    rest = list(span.of(text))
    for t in times:
        for k in range(max(t.span.start, span.start), min(t.span.end, span.end)):
            rest[k - span.start] = " "
    # Besides its date, a date line holds a few set words, a place or wire code in capitals ("WASHINGTON , DC",
    # "TNN", "IST") and a weekday's abbreviation ("Fri")
    words = _WORDS.findall("".join(rest))
    return all(w.lower() in _DATELINE_WORDS or (w.isupper() and len(w) > 1) or w.lower() in _WEEKDAY_ABBREVIATIONS
               for w in words)


def _datelines_apart(text: str, spans: Sequence[Span], times: _ByStart[TimeExpression]) -> list[Span]:
    """A date line the sentence splitter ran into a sentence ("May 2 , 2013 12 : 50 PM" on its own line, then
    "Lindsay Lohan has checked into ...", or under a headline without final punctuation) is cut off as a unit of
    its own, so the sentence's claim neither carries the page's date as its own nor is compared on it."""
    out: list[Span] = []
    for span in spans:
        lines = [Span(span.start + m.start(), span.start + m.end())
                 for m in re.finditer(r"\S(?:[^\n]*\S)?", span.of(text))]
        # Past the first line, a line holding only a weekday ("released on\nFriday.") is a sentence wrapped, not a
        # date line: those give the date itself.
        dated = [_is_dateline(text, line, _within(times, line))
                 and (k == 0 or any(not t.relative for t in _within(times, line))) for k, line in enumerate(lines)]
        if len(lines) < 2 or not any(dated):
            out.append(span)
            continue
        run: list[Span] = []
        for line, is_date in zip(lines, dated):
            if is_date:
                if run:
                    out.append(Span(run[0].start, run[-1].end))
                    run = []
                out.append(line)
            else:
                run.append(line)
        if run:
            out.append(Span(run[0].start, run[-1].end))
    return out


@dataclass(frozen=True, slots=True)
class _Reading:
    """An article as the extractors read it: its text with the headline, paragraphs and sentences."""

    article: Article
    text: str
    paragraphs: tuple[Span, ...]
    headline: Span | None
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True, slots=True)
class _Draft:
    """An article's slots over the whole text, and its claim units (sentence, span, unit) before their slots."""

    reading: _Reading
    refs: ReferenceMap | None
    times: tuple[TimeExpression, ...]
    entities: tuple[Entity, ...]
    quotes: tuple[Quote, ...]
    units: tuple[tuple[Sentence, Span, str], ...]


def extract(article: Article) -> Extraction:
    """Raises InvalidInput when the article has no sentence to make a claim of."""
    (result,) = extract_many([article])
    if isinstance(result, InvalidInput):
        raise result
    return result


def extract_many(articles: Sequence[Article]) -> list[Extraction | InvalidInput]:
    """The extraction of each article, or why it has none (InvalidInput), in order. The articles' texts go through
    spaCy together, stage by stage, so the parser sees a few large batches rather than a call per sentence and
    claim; what each article gets is what `extract` of it alone gives."""
    parses = Parses()
    readings: list[_Reading | InvalidInput] = []
    for article in articles:
        try:
            readings.append(_read(article))
        except InvalidInput as exc:
            readings.append(exc)
    read = [r for r in readings if isinstance(r, _Reading)]
    parses.prepare([r.text for r in read], entities=True)
    parses.prepare([claim_body(r.text, s).of(r.text) for r in read for s in r.sentences])
    drafts = {id(r): _draft(r, parses) for r in read}
    parses.prepare([span.of(d.reading.text) for d in drafts.values() for _, span, _ in d.units])
    return [r if isinstance(r, InvalidInput) else _finish(drafts[id(r)], parses) for r in readings]


def _extract_one(article: Article, parses: Parses) -> Extraction:
    return _finish(_draft(_read(article), parses), parses)


def _read(article: Article) -> _Reading:
    text, paragraphs, headline = _with_headline(article)
    sentences = split_sentences(text, paragraphs, standalone=(headline,) if headline else ())
    if not sentences:
        raise InvalidInput("the text has no sentences")
    return _Reading(article, text, tuple(paragraphs), headline, tuple(sentences))


def _draft(reading: _Reading, parses: Parses) -> _Draft:
    article, text, paragraphs, headline = reading.article, reading.text, reading.paragraphs, reading.headline
    refs = ReferenceMap(article.text) if article.content_type == HTML else None
    times = tag_times(text, article.published, paragraphs)
    entities = entities_from_doc(parses.with_entities(text), paragraphs)
    # The people found (with the corrections the entity rules make to the tagger) are the speakers' candidates;
    # passing them spares the quote extractor a second named-entity pass over the article.
    people = [e.span for e in entities if e.kind is EntityKind.PERSON]
    quotes = extract_quotes(text, paragraphs, person_spans=people)
    units: list[tuple[Sentence, Span, str]] = []
    times_at = _ByStart(times)
    for sentence in reading.sentences:
        in_headline = headline is not None and headline.contains(sentence.span)
        for span in _datelines_apart(text, split_claims(text, sentence, parses), times_at):
            dateline = _is_dateline(text, span, _within(times_at, span))
            units.append((sentence, span, "dateline" if dateline else "headline" if in_headline else "body"))
    return _Draft(reading, refs, tuple(times), tuple(entities), tuple(quotes), tuple(units))


def _finish(draft: _Draft, parses: Parses) -> Extraction:
    article, text, refs = draft.reading.article, draft.reading.text, draft.refs
    claims: list[Claim] = []
    times_at, quotes_at, entities_at = _ByStart(draft.times), _ByStart(draft.quotes), _ByStart(draft.entities)
    for sentence, span, unit in draft.units:
        claims.append(
            Claim(
                id=f"{article.id}:{len(claims)}",
                article_id=article.id,
                sentence=sentence.index,
                span=span,
                text=refs.visible(text, span) if refs else one_line(span.of(text)),
                times=_within(times_at, span),
                quantities=tuple(extract_quantities(text, span, parses)),
                # A quote belongs to the claim it opens in, even when it runs on into the next sentence.
                quotes=_within(quotes_at, span),
                entities=_within(entities_at, span),
                polarity=polarity(text, span, parses),
                unit=unit,
            )
        )
    if article.published is None:
        dated = _dateline_date(claims)
        if dated is not None:
            # Nothing better dated the article: its own date line does, and relative dates are read against it.
            return _extract_one(replace(article, published=dated[0], published_span=dated[1]), parses)
    sentences = draft.reading.sentences
    if refs is not None:
        return _repair_references(Extraction(article, sentences, tuple(claims)), refs, text)
    return Extraction(article, sentences, tuple(claims))


# A date line that dates the article stands above its first sentences.
DATELINE_CLAIMS = 4


def _dateline_date(claims: Sequence[Claim]) -> tuple[PartialDate, Span] | None:
    for claim in claims[:DATELINE_CLAIMS]:
        if claim.unit != "dateline":
            continue
        for t in claim.times:
            if t.granularity is Granularity.DAY and t.begin is not None and t.begin == t.end and not t.relative:
                return PartialDate(t.begin.year, t.begin.month, t.begin.day), t.span
        # "May 3 , 2013": a spaced comma leaves the day and the year as two expressions of one date
        days = [t for t in claim.times if t.month is not None and t.day is not None and t.begin is None]
        years = [t for t in claim.times if t.granularity is Granularity.YEAR and t.value.isdigit()]
        if days and years and 0 <= years[0].span.start - days[0].span.end <= 3:
            date = PartialDate(int(years[0].value), days[0].month, days[0].day)
            if on_calendar(date):
                return date, Span(days[0].span.start, years[0].span.end)
    return None


def _repair_references(extraction: Extraction, refs: ReferenceMap, text: str) -> Extraction:
    """HTML only: every span snapped out of character references, shown text without their padding."""
    sentences = tuple(replace(refs.snap_all(s), text=refs.visible(text, s.span)) for s in extraction.sentences)
    claims = []
    for claim in extraction.claims:
        claim = refs.snap_all(claim)
        quotes = tuple(replace(q, text=" ".join(refs.visible(text, p) for p in q.parts)) for q in claim.quotes)
        claims.append(replace(claim, quotes=quotes))
    return Extraction(extraction.article, sentences, tuple(claims))


def sentence_of(extraction: Extraction, offset: int) -> str:
    """The text of the sentence containing `offset` (for evidence)."""
    starts = [s.span.start for s in extraction.sentences]
    index = max(0, bisect_right(starts, offset) - 1)
    return extraction.sentences[index].text
