"""What a date in a claim dates: the event word the date attaches to in the parse.

Two claims aligned as one fact may still date different events of one story: "elections which are planned for
December 15" and "the start of the campaign will be announced on October 5" are one election calendar, and
neither date is the other's. A date mismatch is only called when the two dates attach to the same event: the
same verb or noun, one of the verbs it is coordinated with ("intercepted three boats ... and foiled an
attack" dates both), or a verb the date's word depends on. A light verb ("elections will be held on ...")
stands for its subject or object, as in service.polarity.
"""

from __future__ import annotations

import functools

from service.nlp import load_nlp
from service.polarity import LIGHT_VERBS, REPORTING_VERBS
from service.records import Claim, TimeExpression

_ARGUMENTS = ("nsubj", "nsubjpass", "dobj")


@functools.lru_cache(maxsize=1024)
def _parse(text: str):
    return load_nlp()(text, disable=["ner"])


def _offset_in_claim(claim: Claim, time: TimeExpression) -> int | None:
    """Where the date's words stand in the claim's text (its whitespace is collapsed, so the span's own offset
    is only an upper bound): the last occurrence at or before that bound."""
    words = " ".join(time.text.split())
    bound = time.span.start - claim.span.start
    found, at = None, claim.text.find(words)
    while at != -1 and at <= bound:
        found, at = at, claim.text.find(words, at + 1)
    return found if found is not None else (claim.text.find(words) if words in claim.text else None)


def dated_events(claim: Claim, time: TimeExpression) -> frozenset[str]:
    """Lemmas of the event the date attaches to; empty when the parse does not show one."""
    start = _offset_in_claim(claim, time)
    if start is None:
        return frozenset()
    return _events_at(claim.text, start, start + len(" ".join(time.text.split())))


# Keyed by the words and where the date stands in them: a story's claims are compared pair by pair, each claim
# with many others, and the answer (a few lemmas) is far smaller than the parse it comes from.
@functools.lru_cache(maxsize=65536)
def _events_at(text: str, start: int, end: int) -> frozenset[str]:
    doc = _parse(text)
    inside = [t for t in doc if start <= t.idx < end]
    roots = [t for t in inside if not (start <= t.head.idx < end) or t.head.i == t.i]
    if not roots:
        return frozenset()
    word = roots[0]
    # Tokens are compared by position: spaCy makes a new Token object at each access, so `token.head is token`
    # is never true, not even at the root.
    if word.head.i != word.i:
        word = word.head
        while word.pos_ == "ADP" and word.head.i != word.i:  # "on Friday", "planned for December 15"
            word = word.head
    words = [word]
    words += [c for c in word.children if c.dep_ == "conj" and c.pos_ == word.pos_]
    if word.dep_ == "conj" and word.head.pos_ == word.pos_:
        words.append(word.head)
    # A participle or a relative clause between the date and the main verb is often where the parser hangs the
    # date ("foiled an attack on vessels transiting the Gulf on Friday"): the verbs above it are dated too,
    # except a verb of saying, which every sentence of a report has.
    words += [t for t in word.ancestors if t.pos_ == "VERB" and t.lemma_ not in REPORTING_VERBS]
    events: set[str] = set()
    for w in words:
        if w.lemma_.lower() in LIGHT_VERBS:
            # "a decision was taken" and "nomination will take place" share only the light verb
            events |= {c.lemma_.lower() for c in w.children if c.dep_ in _ARGUMENTS and c.pos_ in ("NOUN", "PROPN")}
        else:
            events.add(w.lemma_.lower())
    return frozenset(events)


def same_dated_event(claim_a: Claim, ta: TimeExpression, claim_b: Claim, tb: TimeExpression) -> bool:
    """False only when both dates attach to events the parse shows, and those events share no word."""
    a, b = dated_events(claim_a, ta), dated_events(claim_b, tb)
    return not (a and b) or bool(a & b)
