"""Resolving an attribution's subject to a person.

A subject is a name ("Antonov"), a pronoun ("he"), a definite description ("the Russian leader", "the
general"), an anonymous source ("a U.S. defense official") or an organisation ("ITAR-Tass", "the Pentagon").
Pronouns and definite descriptions resolve to the person most recently reported as speaking ("X said ..."),
because in news a "he said" almost always continues the last named speaker; failing that, to the nearest
person named before the mention.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from service.quotes.cues import MEDIA_NAME, Attribution
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


@dataclass(frozen=True, slots=True)
class SpeakerContext:
    text: str
    known_names: Sequence[str]  # every person-name form in the article, for the fullest form
    persons: Sequence[Mention]  # person mentions outside quotes, in text order
    reported: Sequence[Mention]  # people reported as speaking ("X said"), in text order

    def recent_speaker(self, before: int) -> Mention | None:
        for candidates in (self.reported, self.persons):
            previous = [m for m in candidates if m.span.end <= before and before - m.span.end <= RESOLUTION_WINDOW]
            if previous:
                return previous[-1]
        return None


def is_media(name: str) -> bool:
    return bool(MEDIA_NAME.fullmatch(" ".join(name.split())))


def resolve(ctx: SpeakerContext, attribution: Attribution, previous: Speaker | None) -> Speaker:
    text = ctx.text
    subject = attribution.subject
    words = " ".join(subject.of(text).split())
    title = attribution.title
    if _PRONOUN.match(words) or (_DEFINITE.match(words) and not words.split()[-1][:1].isupper()):
        if not _PRONOUN.match(words) and not title:
            title = _DEFINITE.sub("", words)
        antecedent = ctx.recent_speaker(subject.start)
        name = fullest_name(antecedent.name, ctx.known_names) if antecedent else ""
        return Speaker(name, subject, title, attribution.intermediary, named=bool(name))
    if _INDEFINITE.match(words):
        return Speaker("", subject, title or words, attribution.intermediary)
    if is_media(words) or (attribution.cue_text == "reported" and not _is_known_person(ctx, words)):
        # "…," ITAR-Tass reported: the agency relayed the words of the speaker already on stage
        if previous is not None and previous.named:
            return Speaker(previous.name, previous.span, previous.title, words)
        return Speaker(words, subject, title, words)
    part = name_part(text, subject)
    if part is None:
        return Speaker(words, subject, title, attribution.intermediary)
    if not title:
        title = " ".join(text[subject.start : part.start].split()).strip(" ,")
    name = fullest_name(normalise_name(part.of(text)), ctx.known_names)
    return Speaker(name, part, title, attribution.intermediary, named=True)


def _is_known_person(ctx: SpeakerContext, words: str) -> bool:
    return any(m.name == words or m.name.endswith(" " + words) for m in ctx.persons)
