"""Extract stage: sentences, atomic claims and their slots (times, quantities, quotes, entities, polarity)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from typing import Sequence, TypeVar

from service.articles import HTML
from service.claims import split_claims
from service.errors import InvalidInput
from service.ingest.references import ReferenceMap
from service.people import extract_entities
from service.polarity import polarity
from service.quantities import extract_quantities
from service.quotes import extract_quotes
from service.records import Article, Claim, EntityKind, Extraction, Span
from service.segment import split_sentences
from service.timex import tag_times

_SPACES = re.compile(r"\s+")

T = TypeVar("T")


def _within(items: Sequence[T], span: Span) -> tuple[T, ...]:
    return tuple(item for item in items if span.start <= item.span.start < span.end)  # type: ignore[attr-defined]


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


def extract(article: Article) -> Extraction:
    """Raises InvalidInput when the article has no sentence to make a claim of."""
    text, paragraphs, headline = _with_headline(article)
    sentences = split_sentences(text, paragraphs)
    if not sentences:
        raise InvalidInput("the text has no sentences")
    refs = ReferenceMap(article.text) if article.content_type == HTML else None
    times = tag_times(text, article.published, paragraphs)
    entities = extract_entities(text, paragraphs)
    # The people found (with the corrections the entity rules make to the tagger) are the speakers' candidates;
    # passing them spares the quote extractor a second named-entity pass over the article.
    people = [e.span for e in entities if e.kind is EntityKind.PERSON]
    quotes = extract_quotes(text, paragraphs, person_spans=people)

    claims: list[Claim] = []
    for sentence in sentences:
        in_headline = headline is not None and headline.contains(sentence.span)
        for span in split_claims(text, sentence):
            claims.append(
                Claim(
                    id=f"{article.id}:{len(claims)}",
                    article_id=article.id,
                    sentence=sentence.index,
                    span=span,
                    text=refs.visible(text, span) if refs else _SPACES.sub(" ", span.of(text)).strip(),
                    times=_within(times, span),
                    quantities=tuple(extract_quantities(text, span)),
                    # A quote belongs to the claim it opens in, even when it runs on into the next sentence.
                    quotes=_within(quotes, span),
                    entities=_within(entities, span),
                    polarity=polarity(text, span),
                    unit="headline" if in_headline else "body",
                )
            )
    if refs is not None:
        return _repair_references(Extraction(article, tuple(sentences), tuple(claims)), refs, text)
    return Extraction(article, tuple(sentences), tuple(claims))


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
