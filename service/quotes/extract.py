"""Direct quotes of an article: quoted stretches grouped into quotes, classed, and attributed."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from service.errors import ModelError
from service.quotes.cues import (
    Attribution,
    attribution_after,
    attribution_before,
    has_cue,
    participle_cue,
    subjects_in,
    trailing_attribution,
)
from service.quotes.marks import Stretch, find_stretches
from service.quotes.descriptions import describe
from service.quotes.gender import pronoun_genders
from service.people.names import same_person
from service.quotes.people import Mention, fullest_name, mentions_from, ner_person_spans
from service.quotes.sentences import sentence_spans
from service.quotes.speakers import Speaker, SpeakerContext, is_media, resolve, sentence_subject
from service.records import Quote, QuoteKind, Span

# the words between two parts of one quote ("…," he said, "…") are a short attribution; longer, and the
# second stretch is more likely a separate quote
MAX_SPLIT_ATTRIBUTION_WORDS = 30
# "…." Trump said. / "…." Press secretary Josh Earnest said.: a name with its title, rarely longer
MAX_SUBJECT_WORDS_AFTER_STOP = 5
# a quote this short with no attribution in its sentence is a term held at arm's length, not speech
MAX_SCARE_WORDS = 4
_SCARE_LEAD = re.compile(r"(?:so-called|dubbed|called|termed|titled|named|entitled|known\s+as|the\s+word|the\s+term|"
                         r"labell?ed|branded|nicknamed|slogan|hashtag)\s*$", re.IGNORECASE)
# A short quote that stops mid-sentence, with no punctuation of its own before the closing mark, is a
# fragment woven into the writer's sentence (called it "rotten", a "work in progress" for the party):
# on PolNeAR train such quotes of up to 8 words are reported speech in only about a quarter of cases,
# while quotes that close with their own . ? ! or , are speech in over 80%.
MAX_FRAGMENT_WORDS = 8
_SENTENCE_ENDINGS = frozenset(".?!…")
_SPEECH_ENDINGS = _SENTENCE_ENDINGS | frozenset(",;:—–-")
# a quote all in title case that does not close a sentence names a programme, a book, a slogan
_TITLE_FUNCTION_WORDS = frozenset("of the a an and in on to for at by with from & is or not".split())
_WORD_RE = re.compile(r"[\w&’'\-]+")
_CAP_RUN = re.compile(r"[A-Z][\w.\-'’&]*(?:\s+(?:of\s+|de\s+)?[A-Z][\w.\-'’&]*){1,3}")
_PRONOUN = re.compile(r"^(?:he|she|they|i|we|you|it)$", re.IGNORECASE)
_PARAGRAPH_END = re.compile(r"[.!?:;\"”’)\]]\s*$")
_PARTICIPLE_CUE = re.compile(r",\s+(?:adding|noting|saying|explaining|arguing|insisting|continuing|referring)\b")
_SPLIT_MIDDLE_ENDINGS = frozenset(",:;.—–-")
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z]")
_SPLIT_PUNCTUATION = ",—–-…:"
_COORDINATORS = frozenset({"and", "but", "then", "or"})
# After a quote closed by a full stop, "Trump said." or "Trump said on Monday." attributes it; a cue followed
# by a clause of its own ("White said he was …", "She said that …") starts the writer's next sentence.
_REPORTED_CLAUSE = re.compile(
    r"\s+(?:that|he|she|they|it|we|i|you|there|this|these|those|his|her|their|its|the|a|an)\b|\s*[\"“]",
    re.IGNORECASE)


def _inner_text(text: str, span: Span) -> str:
    return " ".join(span.of(text).split())


def _ends_split(text: str, stretch: Stretch) -> bool:
    # a nested quote may close just before the outer mark: “… 'Does he share our values?'” he added.
    inner = stretch.inner(text).of(text).rstrip().rstrip("'’\"")
    return bool(inner) and inner[-1] in _SPLIT_PUNCTUATION + ".?!"


class _Article:
    def __init__(self, text: str, paragraphs: Sequence[Span], stretches: list[Stretch]) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.stretches = stretches
        inside: dict[int, list[Span]] = {}
        for stretch in stretches:
            inside.setdefault(stretch.paragraph, []).append(stretch.span)
        self.sentences = [sentence_spans(text, p, inside.get(i, [])) for i, p in enumerate(paragraphs)]
        self._sentence_starts = [[s.start for s in sentences] for sentences in self.sentences]

    def sentence_at(self, paragraph: int, position: int) -> Span:
        # Sentences are in order and do not overlap: the one holding `position` is the last starting at or
        # before it, if it has not ended yet.
        at = bisect.bisect_right(self._sentence_starts[paragraph], position) - 1
        if at >= 0 and position < self.sentences[paragraph][at].end:
            return self.sentences[paragraph][at]
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


def _attribution_after(article: _Article, index: int, opens_sentence: bool) -> Attribution | None:
    stretch = article.stretches[index]
    start, end = article.after_context(index)
    lead = article.text[start:end].lstrip()
    if not (_ends_split(article.text, stretch) or lead[:1] in (",", "—", "–")):
        # "…" followed by more of the sentence: a partial quote, attributed at the sentence's end if at all
        return trailing_attribution(article.text, start, end)
    found = attribution_after(article.text, start, end)
    inner = stretch.inner(article.text).of(article.text).rstrip()
    if found is not None and inner.endswith(".") and not opens_sentence:
        return None  # said the plan was "dead on arrival." She added: … — the attribution came before
    if found is not None and inner.endswith(".") and found.subject.start < found.cue.start:
        # after a quote closed by a full stop the next sentence is the writer's, not an attribution, unless it
        # is one as short as "Trump said." ("…." The Buckeye State is one of 45 states …)
        if len(article.text[found.subject.start : found.cue.start].split()) > MAX_SUBJECT_WORDS_AFTER_STOP:
            return None
        if _REPORTED_CLAUSE.match(article.text, found.cue.end):
            return None  # "…." White said he was "blindsided" …: a sentence reporting something else
    return found


def _continues_sentence(text: str, first: Stretch, middle: str) -> bool:
    """Whether the words between two stretches belong to the first one's sentence ("…," he said, "…" or
    "…," he said. "…"); a sentence of the writer's in between ("…." She added: "…") starts a new quote."""
    if _SENTENCE_BREAK.search(middle) or middle.rstrip()[-1:] not in _SPLIT_MIDDLE_ENDINGS:
        # '"…," Cruz said after a brief "I'm sorry"': a second stretch not set off by punctuation is a
        # fragment inside the attribution's sentence, not the quote's continuation
        return False
    if _PARTICIPLE_CUE.search(middle):
        return False  # "…," she said, adding, "…": the participle introduces a quote of its own
    closes_sentence = first.inner(text).of(text).rstrip().endswith(".")
    return not (closes_sentence and middle.lstrip()[:1].isupper())


def _participle_subject(
    article: _Article, context: SpeakerContext, index: int, attribution: Attribution
) -> Attribution:
    """ "Clinton released a statement saying, "…"": a participle's subject is the clause's, which leads the
    sentence, not the words just before the participle."""
    stretch = article.stretches[index]
    sentence = article.sentence_at(stretch.paragraph, stretch.span.start)
    inside = [s.span for s in article.stretches]
    subject = sentence_subject(context, sentence.start, attribution.cue.start, inside)
    # with an appositive, "On Wednesday, he seemed to …, warning" took a clause for one: the clause's subject wins
    if subject is None or (subject.start >= attribution.subject.start and attribution.title_span is None):
        return attribution
    return replace(attribution, subject=subject, title="", title_span=None)


def _coordinated(text: str, attribution: Attribution) -> bool:
    """ "furrowed his brow and said": a cue coordinated with an earlier verb, its subject the clause's."""
    words = attribution.subject.of(text).split()
    return len(words) > 1 and words[-1].lower() in _COORDINATORS


def _participle_attribution(
    article: _Article, context: SpeakerContext, index: int, start: int, end: int
) -> Attribution | None:
    """ "Trump returned the compliment, telling Reuters, “…”": no "X said" before the quote, but a participle
    whose subject leads the sentence."""
    cue = participle_cue(article.text, start, end)
    if cue is None:
        return None
    stretch = article.stretches[index]
    sentence = article.sentence_at(stretch.paragraph, stretch.span.start)
    subject = sentence_subject(context, sentence.start, cue.start, [s.span for s in article.stretches])
    if subject is None:
        return None
    return Attribution(subject, cue, " ".join(cue.of(article.text).split()))


def _introduced_by_previous_paragraph(article: _Article, context: SpeakerContext, index: int) -> Attribution | None:
    """The attribution of a quote that opens its paragraph after one ending in a colon ("Trump issued the
    following statement:")."""
    stretch = article.stretches[index]
    p = stretch.paragraph
    if p == 0 or article.text[article.paragraphs[p].start : stretch.span.start].strip():
        return None
    previous = article.paragraphs[p - 1]
    if not article.text[previous.start : previous.end].rstrip().endswith(":"):
        return None
    last_sentence = article.sentences[p - 1][-1] if article.sentences[p - 1] else previous
    found = attribution_before(article.text, last_sentence.start, last_sentence.end)
    if found is None:
        # "Cruz called them on it:" — no cue from the list, but the sentence's subject introduces the quote
        subject = sentence_subject(context, last_sentence.start, last_sentence.end, [s.span for s in article.stretches])
        if subject is not None:
            found = Attribution(subject, Span(subject.end, subject.end), "")
    return found


def _previous_sentence(article: _Article, paragraph: int, sentence: Span) -> Span | None:
    earlier = [s for s in article.sentences[paragraph] if s.end <= sentence.start]
    if not earlier and paragraph > 0:
        earlier = article.sentences[paragraph - 1]
    return earlier[-1] if earlier else None


def _reported_in_previous_sentence(article: _Article, paragraph: int, sentence: Span) -> Attribution | None:
    """ "She says people should be able to choose. “It is their life …”": a quote standing as its own sentence
    right after the writer's "X says …" in the same paragraph goes on with X's words, and X there is its
    attribution. A previous sentence holding a quote of its own is that quote's attribution, not this one's."""
    earlier = [s for s in article.sentences[paragraph] if s.end <= sentence.start]
    if not earlier:
        return None
    previous = earlier[-1]
    if any(previous.start <= s.span.start < previous.end for s in article.stretches):
        return None
    found = subjects_in(article.text, previous.start, previous.end)
    return found[0] if found else None


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
                attributed = attribution_after(text, prev.span.end, stretch.span.start) is not None
                if short and _continues_sentence(text, prev, middle) and attributed:
                    if _attribution_after(article, i, True) is None:
                        groups[-1].append(i)
                        continue
        groups.append([i])
    return groups


def _person_context(text: str, article: _Article, person_spans: Sequence[Span]) -> SpeakerContext:
    inside = [s.span for s in article.stretches]

    def outside(m: Mention) -> bool:
        return not any(q.overlaps(m.span) for q in inside)

    persons = [m for m in mentions_from(text, person_spans) if outside(m)]
    # A line in title case (a headline: "Ellen DeGeneres Returns to Host the Oscars") capitalises its verbs too;
    # its capitalised runs are no names, and would lend a speaker a longer "fullest" name than anyone has.
    prose = [p for p in article.paragraphs if not _is_title(_WORD_RE.findall(p.of(text)))]
    runs = [Span(m.start(), m.end()) for p in prose for m in _CAP_RUN.finditer(text, p.start, p.end)]
    reported: list[Mention] = []
    for p in article.paragraphs:
        for attribution in subjects_in(text, p.start, p.end):
            found = mentions_from(text, [attribution.subject])
            reported.extend(m for m in found if outside(m) and not is_media(m.name) and not _PRONOUN.match(m.name))
    # The person names the article writes, most written first: a speaker named by surname takes the fullest of
    # them, and where two full forms are as long ("Ellen DeGeneres" in the body, "Choosing DeGeneres" where a
    # sentence opens with a verb), the one the article repeats is the name. A title-case line's names are
    # left out, as its capitalised runs are ("Ellen DeGeneres Set As Oscars Host" names no "Ellen DeGeneres Set As").
    def in_prose(m: Mention) -> bool:
        return any(p.start <= m.span.start < p.end for p in prose)

    written = Counter(m.name for m in [*persons, *mentions_from(text, runs), *reported] if in_prose(m))
    known = sorted(written, key=lambda name: (-written[name], name))
    fullest = {m.name: fullest_name(m.name, known) for m in [*persons, *reported]}
    by_person = pronoun_genders(text, sorted(set(persons) | set(reported), key=lambda m: m.span.start), fullest)
    genders = {name: by_person[full] for name, full in fullest.items() if full in by_person}
    return SpeakerContext(text, known, persons, sorted(reported, key=lambda m: m.span.start), genders,
                          describe(text, persons))


def _is_title(words: list[str]) -> bool:
    # figures and marks have no case: "Ellen DeGeneres To Host 86th Oscars" is a title-case line, and so is
    # "Kelli Ward: Impeach AG Lynch, ‘Stop DC at the Bathroom Door.’"
    cased = [w for w in words if w[:1].isalpha()]
    return bool(cased) and all(w[:1].isupper() or w.lower() in _TITLE_FUNCTION_WORDS for w in cased)


def _kind(article: _Article, group: list[int], attributed: bool) -> QuoteKind:
    text = article.text
    first = article.stretches[group[0]]
    inner = " ".join(_inner_text(text, article.stretches[i].inner(text)) for i in group)
    words = _WORD_RE.findall(inner)
    before_start, before_end = article.before_context(group[0])
    if _SCARE_LEAD.search(text[max(before_start, before_end - 40) : before_end]):
        return QuoteKind.SCARE
    ending = inner.rstrip()[-1:]
    if not attributed and len(words) <= MAX_FRAGMENT_WORDS and ending not in _SPEECH_ENDINGS:
        return QuoteKind.SCARE
    if len(words) <= MAX_FRAGMENT_WORDS and ending not in _SENTENCE_ENDINGS and _is_title(words):
        return QuoteKind.SCARE
    if attributed or ending in _SENTENCE_ENDINGS:
        return QuoteKind.SPEECH
    sentence = article.sentence_at(first.paragraph, first.span.start)
    if len(words) <= MAX_SCARE_WORDS and not has_cue(text, sentence.start, sentence.end):
        return QuoteKind.SCARE
    return QuoteKind.SPEECH


@dataclass(slots=True)
class _Recent:
    """The speaker of the last attributed quote, where it ended; pronouns and unattributed follow-up
    quotes continue it."""

    speaker: Speaker | None = None
    paragraph: int = -10
    sentence: Span | None = None

    def continuing(self, paragraph: int) -> Speaker | None:
        return self.speaker if paragraph - self.paragraph <= 1 else None


def _attribute(
    article: _Article, context: SpeakerContext, group: list[int], recent: _Recent
) -> tuple[Attribution | None, Speaker | None, bool]:
    """The attribution and speaker of a quote, and whether its words are explicitly someone's (an attribution,
    or a continuation of the last speaker) rather than only guessed from the sentence's subject."""
    text = article.text
    first = article.stretches[group[0]]
    before_start, before_end = article.before_context(group[0])
    whole_sentence = not text[before_start:before_end].strip()
    attribution = _attribution_after(article, group[-1], whole_sentence)
    for i in group[:-1]:
        attribution = attribution or attribution_after(
            text, article.stretches[i].span.end, article.stretches[i + 1].span.start
        )
    if attribution is None:
        attribution = attribution_before(text, before_start, before_end)
        if attribution is not None and (attribution.cue_text.endswith("ing") or _coordinated(text, attribution)):
            attribution = _participle_subject(article, context, group[0], attribution)
    if attribution is None:
        attribution = _participle_attribution(article, context, group[0], before_start, before_end)
    if attribution is not None:
        return attribution, resolve(context, attribution, recent.continuing(first.paragraph)), True
    sentence = article.sentence_at(first.paragraph, first.span.start)
    if recent.speaker is not None and recent.sentence == sentence:
        # a second quote in a sentence whose first one is attributed ("…," said X, and "…")
        return None, recent.speaker, True
    if whole_sentence:
        introduced = _introduced_by_previous_paragraph(article, context, group[0])
        if introduced is not None:
            return introduced, resolve(context, introduced, None), True
        reported = _reported_in_previous_sentence(article, first.paragraph, sentence)
        if reported is not None:
            return reported, resolve(context, reported, recent.continuing(first.paragraph)), True
        continued = recent.continuing(first.paragraph)
        if continued is not None:
            return None, continued, True
        # "Valastro praised Christie's leadership. “We need someone who …”": a quote standing as a sentence
        # of its own, after a sentence about someone, gives that sentence's subject's words
        previous = _previous_sentence(article, first.paragraph, sentence)
        if previous is None:
            return None, None, False
        subject = sentence_subject(context, previous.start, previous.end, [s.span for s in article.stretches])
        if subject is None:
            return None, None, False
        return None, resolve(context, Attribution(subject, Span(subject.end, subject.end), ""), None), False
    inside = [s.span for s in article.stretches]
    subject = sentence_subject(context, sentence.start, first.span.start, inside)
    if subject is None:
        return None, None, False
    return None, resolve(context, Attribution(subject, Span(subject.end, subject.end), ""), None), False


def _confident(
    context: SpeakerContext, speaker: Speaker | None, attribution: Attribution | None, attributed: bool, at: int
) -> bool:
    """A speaker guessed from a sentence's subject is never confident; one carried over from an earlier quote
    stays confident only while no other person is named in between (the next quote may be theirs)."""
    if speaker is None or not speaker.confident or not attributed:
        return False
    if attribution is not None or speaker.span is None:
        return True
    return not any(
        speaker.span.end <= m.span.start and m.span.end <= at and not same_person(m.name, speaker.name)
        for m in context.persons
    )


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
    recent = _Recent()
    for group in _group(article):
        first, last = article.stretches[group[0]], article.stretches[group[-1]]
        attribution, speaker, attributed = _attribute(article, context, group, recent)
        kind = _kind(article, group, attributed)
        confident = _confident(context, speaker, attribution, attributed, first.span.start)
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
            cue_span=attribution.cue if attribution and attribution.cue_text else None,
            intermediary=speaker.intermediary if speaker else "",
            speaker_confident=confident,
        )
        quotes.append(quote)
        if kind is QuoteKind.SPEECH and speaker is not None and speaker.span is not None:
            recent.speaker, recent.paragraph = speaker, last.paragraph
            recent.sentence = article.sentence_at(last.paragraph, last.span.start)
    return quotes
