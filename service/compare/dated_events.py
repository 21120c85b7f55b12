"""What a date in a claim dates: the event word the date attaches to in the parse.

Two claims aligned as one fact may still date different events of one story: "elections which are planned for
December 15" and "the start of the campaign will be announced on October 5" are one election calendar, and
neither date is the other's. A date mismatch is only called when the two dates attach to the same event: the
same verb or noun, one of the verbs it is coordinated with ("intercepted three boats ... and foiled an
attack" dates both), or a verb the date's word depends on. A light verb ("elections will be held on ...")
stands for its subject or object, as in service.polarity.

One event is also told with two verbs: "scientists ... today called on the Interior and Commerce departments"
and "scientists ... sent separate letters last Friday to the Interior and Commerce departments" are one act by
the same people towards the same addressee. So two dated words with no lemma in common still date one event
when they share a participant on both sides of the verb: a noun of the subject and the head noun of the object
or of a prepositional complement (the date's own words are no participant). "Elections which are planned for December
15" and "the start of the campaign will be announced on October 5" share neither.
"""

from __future__ import annotations

import functools

from service.nlp import load_nlp
from service.polarity import LIGHT_VERBS, REPORTING_VERBS
from service.records import Claim, TimeExpression

_ARGUMENTS = ("nsubj", "nsubjpass", "dobj")
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_COMPLEMENTS = frozenset({"dobj", "dative", "attr", "oprd"})
_NOMINAL = ("NOUN", "PROPN")
_RELATIVE_PRONOUNS = frozenset({"WDT", "WP", "WP$"})


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
    # except a verb of saying, which every sentence of a report has. A clause with a subject of its own is an
    # event of its own ("fire O'Brien, who has the contract he signed when he was hired on April 21" dates the
    # hiring, not the firing): the climb stops at the first verb with its own subject.
    words += _governing_verbs(word)
    events: set[str] = set()
    for w in words:
        if w.lemma_.lower() in LIGHT_VERBS:
            # "a decision was taken" and "nomination will take place" share only the light verb
            events |= {c.lemma_.lower() for c in w.children if c.dep_ in _ARGUMENTS and c.pos_ in ("NOUN", "PROPN")}
        else:
            events.add(w.lemma_.lower())
    return frozenset(events)


def _dated_word(doc, start: int, end: int):
    """The word the date at [start, end) of the parsed text hangs on, or None (as in `_events_at`)."""
    inside = [t for t in doc if start <= t.idx < end]
    roots = [t for t in inside if not (start <= t.head.idx < end) or t.head.i == t.i]
    if not roots or roots[0].head.i == roots[0].i:
        return None
    word = roots[0].head
    while word.pos_ == "ADP" and word.head.i != word.i:
        word = word.head
    return word


def _with_conjuncts(token) -> list:
    return [token, *(c for c in token.children if c.dep_ == "conj")]


@functools.lru_cache(maxsize=65536)
def _participants_at(text: str, start: int, end: int) -> tuple[frozenset[str], frozenset[str]]:
    """(subject lemmas, object and complement lemmas) of the word the date hangs on, nouns and names only."""
    doc = _parse(text)
    word = _dated_word(doc, start, end)
    if word is None:
        return frozenset(), frozenset()
    subjects: set[str] = set()
    complements: set[str] = set()
    if word.dep_ in ("relcl", "acl") and word.head.pos_ in _NOMINAL:
        subjects.add(word.head.lemma_.lower())  # "elections which are planned for ...": the elections
    for child in word.children:
        if child.dep_ in _SUBJECTS:
            found = subjects
        elif child.pos_ == "ADP":  # "called on the departments", "sent letters to the departments"
            found = complements
            child = next((c for c in child.children if c.dep_ == "pobj"), None)
            if child is None:
                continue
        elif child.dep_ in _COMPLEMENTS:
            found = complements
        else:
            continue
        # A subject is read whole ("1,300 biologists and three scientific societies representing 20,000
        # scientists": the parser hangs its conjuncts anywhere in it); a complement by its head and conjuncts.
        words = child.subtree if found is subjects else _with_conjuncts(child)
        found |= {t.lemma_.lower() for t in words if t.pos_ in _NOMINAL and not start <= t.idx < end}
    return frozenset(subjects), frozenset(complements)


def dated_participants(claim: Claim, time: TimeExpression) -> tuple[frozenset[str], frozenset[str]]:
    """Who does what the date dates, and to whom or what: (subject lemmas, complement lemmas)."""
    start = _offset_in_claim(claim, time)
    if start is None:
        return frozenset(), frozenset()
    return _participants_at(claim.text, start, start + len(" ".join(time.text.split())))


def _own_subject(token) -> bool:
    """A subject of the verb's own, not the relative pronoun that stands for the noun a relative clause hangs on."""
    return any(c.dep_ in _SUBJECTS and c.tag_ not in _RELATIVE_PRONOUNS for c in token.children)


def _governing_verbs(word) -> list:
    """The verbs above a dated word up to, and with, the first that has a subject of its own."""
    found = []
    token = word
    while not (token.pos_ in ("VERB", "AUX") and _own_subject(token)) and token.head.i != token.i:
        token = token.head
        if token.pos_ == "VERB" and token.lemma_ not in REPORTING_VERBS:
            found.append(token)
    return found


def same_dated_event(claim_a: Claim, ta: TimeExpression, claim_b: Claim, tb: TimeExpression) -> bool:
    """False only when both dates attach to events the parse shows, those events share no word, and their
    participants do not show one act told with two verbs (a shared subject and a shared complement)."""
    a, b = dated_events(claim_a, ta), dated_events(claim_b, tb)
    if not (a and b) or a & b:
        return True
    subjects_a, complements_a = dated_participants(claim_a, ta)
    subjects_b, complements_b = dated_participants(claim_b, tb)
    return bool(subjects_a & subjects_b) and bool(complements_a & complements_b)
