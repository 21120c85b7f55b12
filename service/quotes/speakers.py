"""Resolving an attribution's subject to a person.

A subject is a name ("Antonov"), a pronoun ("he"), a definite description ("the Russian leader", "the
general"), an anonymous source ("a U.S. defense official") or an organisation ("ITAR-Tass", "the Pentagon").
Pronouns resolve to the person most recently reported as speaking ("X said ..."), because in news a "he said"
almost always continues the last named speaker; failing that, to the nearest person named before the mention.
A "she" skips the people the article calls "he", and the other way round. A definite description resolves only
to a person the article introduced as what it describes (see `descriptions`); otherwise its speaker is unnamed.

A quote that no cue introduces ("Bush described his skills as a "work in progress."") is the words of the
subject of its sentence: the first person named there, or failing one the noun phrase that opens it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from service.quotes.cues import MEDIA_NAME, Attribution
from service.quotes.descriptions import Described, fits
from service.quotes.gender import pronoun_gender
from service.people.names import same_person
from service.quotes.people import Mention, fullest_name, name_part, normalise_name
from service.records import Span

_PRONOUN = re.compile(r"^(?:he|she|they|i|we|you)$", re.IGNORECASE)
_DEFINITE = re.compile(r"^(?:the|his|her|their)\s+", re.IGNORECASE)
_INDEFINITE = re.compile(r"^(?:a|an|one|another)\s+", re.IGNORECASE)
# how far back a pronoun may reach for its speaker; news rarely lets a "he said" refer past a few paragraphs
RESOLUTION_WINDOW = 1500


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    span: Span | None  # the mention in the attribution (or the earlier mention a quote inherits)
    title: str = ""
    intermediary: str = ""
    named: bool = False  # a person's name, as opposed to an organisation or an anonymous source
    # Sure enough to hold against another outlet: named in the attribution as a person the article names, or a
    # pronoun whose antecedent no other person mentioned since could be (see SpeakerContext.antecedent).
    confident: bool = False


@dataclass(frozen=True, slots=True)
class SpeakerContext:
    text: str
    known_names: Sequence[str]  # every person-name form in the article, for the fullest form
    persons: Sequence[Mention]  # person mentions outside quotes, in text order
    reported: Sequence[Mention]  # people reported as speaking ("X said"), in text order
    genders: Mapping[str, str] = field(default_factory=dict)  # mention name -> the pronoun used for them
    described: Sequence[Described] = ()  # person mentions with the titles and descriptions given them there

    def recent_speaker(self, before: int, gender: str | None = None) -> Mention | None:
        """The last person reported as speaking (else named) before `before`, skipping those the article
        refers to by the other pronoun than `gender`."""
        return self.antecedent(before, gender)[0]

    def antecedent(self, before: int, gender: str | None = None) -> tuple[Mention | None, bool]:
        """`recent_speaker`, and whether it is unambiguous: no other person the pronoun could stand for is
        named between that mention and `before` ("Smith said … Jones was fired. "…," he said" may be either)."""
        for candidates in (self.reported, self.persons):
            previous = [m for m in candidates if m.span.end <= before and before - m.span.end <= RESOLUTION_WINDOW]
            matching = [m for m in previous if self._may_be(m, gender)]
            if matching:
                chosen = matching[-1]
                # A reported speaker is rivalled by people named after it; with nobody reported as speaking, the
                # last person named is only a guess among everyone named before.
                since = chosen.span.end if candidates is self.reported else before - RESOLUTION_WINDOW
                rivals = [
                    m for m in self.persons
                    if since <= m.span.start and m.span.end <= before and self._may_be(m, gender)
                    and not same_person(fullest_name(m.name, self.known_names),
                                        fullest_name(chosen.name, self.known_names))
                ]
                return chosen, not rivals
        return None, False

    def described_as(self, description: str, before: int) -> tuple[Mention | None, bool]:
        """The person last introduced before `before` as what `description` ("the officer") describes, and
        whether no other person was introduced so. The distance does not matter: the description, not
        nearness, is what points back."""
        matching = [d.mention for d in self.described if d.mention.span.end <= before and fits(description, d)]
        if not matching:
            return None, False
        chosen = matching[-1]
        full = fullest_name(chosen.name, self.known_names)
        alone = all(same_person(fullest_name(m.name, self.known_names), full) for m in matching)
        return chosen, alone

    def _may_be(self, mention: Mention, gender: str | None) -> bool:
        return gender is None or self.genders.get(mention.name, gender) == gender

    def is_person(self, span: Span, name: str) -> bool:
        """Whether the name at `span` is a person the article names (not a place, a body or an outlet)."""
        if is_media(name):
            return False
        if any(m.span.overlaps(span) for m in self.persons):
            return True
        return any(same_person(name, m.name) and len(m.name.split()) > 1 for m in self.persons)


def is_media(name: str) -> bool:
    return bool(MEDIA_NAME.fullmatch(" ".join(name.split())))


def resolve(ctx: SpeakerContext, attribution: Attribution, previous: Speaker | None) -> Speaker:
    text = ctx.text
    subject = attribution.subject
    words = " ".join(subject.of(text).split())
    title = attribution.title
    if _PRONOUN.match(words) or (_DEFINITE.match(words) and not words.split()[-1][:1].isupper()):
        if _PRONOUN.match(words):
            antecedent, unambiguous = ctx.antecedent(subject.start, pronoun_gender(words))
        else:
            title = title or _DEFINITE.sub("", words)
            antecedent, unambiguous = ctx.described_as(words, subject.start)
        name = fullest_name(antecedent.name, ctx.known_names) if antecedent else ""
        confident = bool(name) and unambiguous and words.lower() not in ("they", "we", "you")
        return Speaker(name, subject, title, attribution.intermediary, named=bool(name), confident=confident)
    if words.lower() == "it":
        # "it said": an organisation or a document named earlier; the mention is the attribution's
        return Speaker("", subject, title, attribution.intermediary)
    if _INDEFINITE.match(words):
        return Speaker("", subject, title or words, attribution.intermediary)
    if is_media(words) or (attribution.cue_text == "reported" and not _is_known_person(ctx, words)):
        # "…," ITAR-Tass reported: the agency relayed the words of the speaker already on stage
        if previous is not None and previous.named:
            return Speaker(previous.name, previous.span, previous.title, words, named=True,
                           confident=previous.confident)
        return Speaker(words, subject, title, words)
    part = _person_ending(ctx, subject) or name_part(text, subject)
    if part is None:
        return Speaker(words, subject, title, attribution.intermediary)
    if not title:
        title = " ".join(text[subject.start : part.start].split()).strip(" ,")
    name = fullest_name(normalise_name(part.of(text)), ctx.known_names)
    return Speaker(name, part, title, attribution.intermediary, named=True, confident=ctx.is_person(part, name))


def _person_ending(ctx: SpeakerContext, subject: Span) -> Span | None:
    """The person the entity recogniser found at the end of the subject: it knows where the name starts when
    capitalised title words run into it ("Maricopa County Recorder Helen Purcell")."""
    inside = [m.span for m in ctx.persons if subject.start <= m.span.start and m.span.end == subject.end]
    return min(inside, key=lambda span: span.start) if inside else None


def _is_known_person(ctx: SpeakerContext, words: str) -> bool:
    return any(m.name == words or m.name.endswith(" " + words) for m in ctx.persons)


# a name right after one of these is the object of a preposition ("a call with Clinton"), not who speaks
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:with|of|to|about|for|against|by|on|at|from|like|than|into|toward|towards|over|under|between|"
    r"among|after|before|behind|including|versus|vs\.?|and)\s+$",
    re.IGNORECASE,
)
_SUBJECT_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey)\b")
_LEAD_WORDS = 12  # the subject of a clause stands near its start
# failing a person, the noun phrase opening the sentence when a finite verb follows it: "The petition
# accuses …", "Black Lives Matter issued a statement saying …" (an organisation or a document speaks)
_LEADING_SUBJECT = re.compile(
    r"\s*(?:(?:In|At|On|During|After|Before|When|While|As|Last|This|Earlier)\b[^,\"“]{0,80},\s+)?"
    r"(?!(?:In|At|On|During|After|Before|When|While|As|But|And|Or|So|If|Since|Then|Though|Although|Yet|Still|"
    r"However|Because|For|With|From|By|Under|Over|Among|Through|Until|Unless|Once|Now)\b)"
    r"(?P<np>(?:The|A|An)\s+(?:[\w\-’']+\s+){0,3}?[\w\-’']+|[A-Z][\w\-’'.&]*(?:\s+[A-Z][\w\-’'.&]*){0,4})"
    r"(?=\s+(?:has|have|had|is|was|were|are|will|would|also|then|[a-z]+ed|[a-z]+s)\b)"
)


def sentence_subject(ctx: SpeakerContext, start: int, end: int, quoted: Sequence[Span] = ()) -> Span | None:
    """The first person named, or pronoun, in the words [start, end) before a quote that no attribution
    introduces: in "Clinton went on offense, saying he is a "bully"" or "Bush described his skills as a
    "work in progress"" the quoted words are those of the clause's subject, which leads the sentence."""
    text = ctx.text
    words = list(re.finditer(r"\S+", text[start:end]))
    limit = start + words[_LEAD_WORDS].start() if len(words) > _LEAD_WORDS else end
    candidates = [m.span for m in [*ctx.persons, *ctx.reported] if start <= m.span.start and m.span.end <= limit]
    candidates += [Span(start + m.start(), start + m.end()) for m in _SUBJECT_PRONOUN.finditer(text[start:limit])]
    for span in sorted(set(candidates), key=lambda s: (s.start, -s.end)):
        if any(q.overlaps(span) for q in quoted):
            continue
        if not _PREPOSITION_BEFORE.search(text[max(start, span.start - 12) : span.start]):
            return span
    lead = _LEADING_SUBJECT.match(text, start, end)
    if lead is not None and not any(q.overlaps(Span(lead.start("np"), lead.end("np"))) for q in quoted):
        return Span(lead.start("np"), lead.end("np"))
    return None
