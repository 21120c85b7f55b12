"""Direct quotes of an article: quoted stretches grouped into quotes, classed, and attributed."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from service.errors import ModelError
from service.quotes.cues import (
    Attribution,
    attribution_after,
    attribution_before,
    has_cue,
    subjects_in,
    trailing_attribution,
)
from service.quotes.marks import Stretch, find_stretches
from service.quotes.people import Mention, mentions_from, ner_person_spans
from service.quotes.sentences import sentence_spans
from service.quotes.speakers import Speaker, SpeakerContext, is_media, resolve
from service.records import Quote, QuoteKind, Span

# the words between two parts of one quote ("…," he said, "…") are a short attribution; longer, and the
# second stretch is more likely a separate quote
MAX_SPLIT_ATTRIBUTION_WORDS = 30
# a quote this short with no attribution in its sentence is a term held at arm's length, not speech
MAX_SCARE_WORDS = 4
_SCARE_LEAD = re.compile(r"(?:so-called|dubbed|called|termed|titled|named|entitled|known\s+as|the\s+word|the\s+term|"
                         r"labell?ed|branded|nicknamed|slogan|hashtag)\s*$", re.IGNORECASE)
_CAP_RUN = re.compile(r"[A-Z][\w.\-'’&]*(?:\s+(?:of\s+|de\s+)?[A-Z][\w.\-'’&]*){1,3}")
_PARAGRAPH_END = re.compile(r"[.!?:;\"”’)\]]\s*$")
_SPLIT_PUNCTUATION = ",—–-…:"


@dataclass(frozen=True, slots=True)
class _Located:
    stretch: Stretch
    sentence: Span  # the sentence holding the stretch's opening mark


def _inner_text(text: str, span: Span) -> str:
    return " ".join(span.of(text).split())


def _ends_split(text: str, stretch: Stretch) -> bool:
    inner = stretch.inner(text).of(text).rstrip()
    return bool(inner) and inner[-1] in _SPLIT_PUNCTUATION + ".?!"


class _Article:
    def __init__(self, text: str, paragraphs: Sequence[Span], stretches: list[Stretch]) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.stretches = stretches
        self.sentences = [
            sentence_spans(text, p, [s.span for s in stretches if s.paragraph == i]) for i, p in enumerate(paragraphs)
        ]

    def sentence_at(self, paragraph: int, position: int) -> Span:
        for sentence in self.sentences[paragraph]:
            if sentence.start <= position < sentence.end:
                return sentence
        return self.paragraphs[paragraph]

    def next_stretch_start(self, index: int) -> int:
        return self.stretches[index + 1].span.start if index + 1 < len(self.stretches) else len(self.text)

    def after_context(self, index: int) -> tuple[int, int]:
        stretch = self.stretches[index]
        start = stretch.span.end
        p = stretch.paragraph
        end = self.sentence_at(p, max(start - 1, 0)).end if start < self.paragraphs[p].end else start
        if end <= start or end >= self.paragraphs[p].end:
            end = self.paragraphs[p].end
            # a sentence broken by a stray paragraph break (seed: "Anatoly\n\nAntonov, … said")
            if not _PARAGRAPH_END.search(self.text[self.paragraphs[p].start : end]) and p + 1 < len(self.paragraphs):
                following = self.sentences[p + 1]
                end = following[0].end if following else end
        return start, min(end, self.next_stretch_start(index))

    def before_context(self, index: int) -> tuple[int, int]:
        stretch = self.stretches[index]
        sentence = self.sentence_at(stretch.paragraph, stretch.span.start)
        start = sentence.start
        if index > 0 and self.stretches[index - 1].paragraph == stretch.paragraph:
            start = max(start, self.stretches[index - 1].span.end)
        return start, stretch.span.start


def _attribution_after(article: _Article, index: int) -> Attribution | None:
    stretch = article.stretches[index]
    start, end = article.after_context(index)
    lead = article.text[start:end].lstrip()
    if not (_ends_split(article.text, stretch) or lead[:1] in (",", "—", "–")):
        # "…" followed by more of the sentence: a partial quote, attributed at the sentence's end if at all
        return trailing_attribution(article.text, start, end)
    return attribution_after(article.text, start, end)


def _group(article: _Article) -> list[list[int]]:
    groups: list[list[int]] = []
    text = article.text
    for i, stretch in enumerate(article.stretches):
        if groups:
            last = groups[-1][-1]
            prev = article.stretches[last]
            if prev.continues and stretch.paragraph == prev.paragraph + 1:
                groups[-1].append(i)
                continue
            if stretch.paragraph == prev.paragraph and prev.closed and _ends_split(text, prev):
                middle = text[prev.span.end : stretch.span.start]
                short = len(middle.split()) <= MAX_SPLIT_ATTRIBUTION_WORDS
                if short and attribution_after(text, prev.span.end, stretch.span.start) is not None:
                    if _attribution_after(article, i) is None:
                        groups[-1].append(i)
                        continue
        groups.append([i])
    return groups


def _person_context(text: str, article: _Article, person_spans: Sequence[Span]) -> SpeakerContext:
    inside = [s.span for s in article.stretches]

    def outside(m: Mention) -> bool:
        return not any(q.overlaps(m.span) for q in inside)

    persons = [m for m in mentions_from(text, person_spans) if outside(m)]
    runs = [Span(m.start(), m.end()) for m in _CAP_RUN.finditer(text)]
    reported: list[Mention] = []
    for p in article.paragraphs:
        for attribution in subjects_in(text, p.start, p.end):
            found = mentions_from(text, [attribution.subject])
            reported.extend(m for m in found if outside(m) and not is_media(m.name))
    known = sorted({m.name for m in persons} | {m.name for m in mentions_from(text, runs)} | {m.name for m in reported})
    return SpeakerContext(text, known, persons, sorted(reported, key=lambda m: m.span.start))


def _kind(article: _Article, group: list[int], attributed: bool) -> QuoteKind:
    text = article.text
    first = article.stretches[group[0]]
    words = sum(len(article.stretches[i].inner(text).of(text).split()) for i in group)
    before_start, before_end = article.before_context(group[0])
    if _SCARE_LEAD.search(text[max(before_start, before_end - 40) : before_end]):
        return QuoteKind.SCARE
    if attributed:
        return QuoteKind.SPEECH
    sentence = article.sentence_at(first.paragraph, first.span.start)
    if words <= MAX_SCARE_WORDS and not has_cue(text, sentence.start, sentence.end):
        return QuoteKind.SCARE
    return QuoteKind.SPEECH


def extract_quotes(text: str, paragraphs: Sequence[Span], *, person_spans: Sequence[Span] | None = None) -> list[Quote]:
    """Every direct quote in the body paragraphs of `text`, in order. `person_spans` are PERSON entity spans;
    when None they come from the shared spaCy pipeline (and are skipped if it is not installed)."""
    stretches = find_stretches(text, paragraphs)
    if not stretches:
        return []
    article = _Article(text, paragraphs, stretches)
    if person_spans is None:
        try:
            person_spans = ner_person_spans(text)
        except ModelError:
            person_spans = []
    context = _person_context(text, article, person_spans)
    quotes: list[Quote] = []
    previous: Speaker | None = None
    previous_paragraph = -10
    for group in _group(article):
        first, last = article.stretches[group[0]], article.stretches[group[-1]]
        attribution = _attribution_after(article, group[-1])
        for i in group[:-1]:
            attribution = attribution or attribution_after(text, article.stretches[i].span.end, article.stretches[i + 1].span.start)
        if attribution is None:
            attribution = attribution_before(text, *article.before_context(group[0]))
        speaker: Speaker | None = None
        if attribution is not None:
            speaker = resolve(context, attribution, previous if first.paragraph - previous_paragraph <= 1 else None)
        else:
            before_start, before_end = article.before_context(group[0])
            whole_sentence = not text[before_start:before_end].strip()
            if whole_sentence and previous is not None and first.paragraph - previous_paragraph <= 1:
                speaker = previous
        kind = _kind(article, group, speaker is not None)
        parts = tuple(article.stretches[i].inner(text) for i in group)
        quote = Quote(
            span=Span(first.span.start, last.span.end),
            parts=parts,
            text=" ".join(_inner_text(text, p) for p in parts),
            kind=kind,
            speaker=speaker.name if speaker else "",
            speaker_span=speaker.span if speaker else None,
            speaker_title=speaker.title if speaker else "",
            cue=attribution.cue_text if attribution else "",
            cue_span=attribution.cue if attribution else None,
            intermediary=speaker.intermediary if speaker else "",
        )
        quotes.append(quote)
        if kind is QuoteKind.SPEECH and speaker is not None and speaker.name:
            previous, previous_paragraph = speaker, last.paragraph
    return quotes
