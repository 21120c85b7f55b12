"""Polarity of a claim's main assertion, and contradictions between two claims that report the same fact.

The main assertion is the claim's main predicate: the root of the parse, or, under a reporting verb
("..., an official said"), the reported clause. It is denied when a negation attaches to that predicate
or to its subject or object ("not", "never", "no meetings", "nobody"), or when the predicate is a refusal
("refused", "rejected", "declined", "denied", "failed to"). Negations elsewhere (a relative clause, an
adverbial clause) do not flip the claim, nor do fixed phrases that assert rather than deny ("not only
... but", "no doubt", "whether or not", "it's no secret").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from service.nlp import parse
from service.records import Polarity, Span

NEGATION_WORDS = frozenset({"not", "n't", "never", "no", "neither", "nor", "nobody", "none", "nothing", "nowhere"})
NEGATIVE_PRONOUNS = frozenset({"nobody", "none", "nothing", "nowhere", "noone"})
REFUSAL_VERBS = frozenset({"refuse", "reject", "decline", "deny", "fail"})
ACCEPTANCE_VERBS = frozenset({"agree", "accept", "approve", "confirm", "admit", "manage", "succeed"})
REPORTING_VERBS = frozenset(
    {"say", "tell", "report", "add", "note", "state", "announce", "claim", "write", "insist", "explain", "stress",
     "quote", "reiterate", "assert", "declare", "believe", "think"}
)
# Verbs that carry little meaning of their own: the fact is in their subject or object ("meetings were held").
LIGHT_VERBS = frozenset({"be", "have", "hold", "take", "occur", "happen", "exist", "give", "make", "get"})
# Negations inside these phrases assert rather than deny.
NON_FLIPPING = re.compile(
    r"\b(?:not\s+only|no\s+doubt|whether\s+or\s+not|no\s+(?:secret|wonder|surprise|matter)|not\s+least"
    r"|nothing\s+but|none\s+other\s+than|not\s+to\s+mention|if\s+not)\b",
    re.IGNORECASE,
)
_CORE_ARGUMENTS = ("nsubj", "nsubjpass", "dobj", "attr", "expl")
_ACCEPTANCE_CLASS = "<accept>"  # refusing a demand denies accepting it


@dataclass(frozen=True, slots=True)
class Contradiction:
    cue_a: str  # the word that set the first claim's polarity ("" when it asserts)
    cue_b: str
    explanation: str
    quoted: bool = False  # the deciding negation is inside quotation marks: the quote's words, not the claim's


@dataclass(frozen=True, slots=True)
class MainPredicate:
    """The predicate a claim asserts or denies, with what it needs to be matched across claims."""

    lemma: str
    negated: bool
    cue: str
    cue_span: tuple[int, int] | None  # offsets into the parsed text
    subjects: frozenset[str]
    objects: frozenset[str]
    complements: frozenset[str]  # what a copula says its subject is ("hot" in "were not so hot")
    keys: frozenset[str]  # lemmas under which another claim's predicate is the same predicate


def polarity(text: str, span: Span, parsed: Callable[[str], Doc] | None = None) -> Polarity:
    """Whether the claim in text[span] denies its main assertion, and the word that decides it. `parsed` gives
    the parse of a text (the extract stage passes the parses it already has)."""
    claim = span.of(text)
    predicate = main_predicate(claim) if parsed is None else predicate_of(parsed(claim), claim)
    if predicate is None or not predicate.negated:
        return Polarity(False)
    start, end = predicate.cue_span or (0, 0)
    return Polarity(True, predicate.cue, Span(span.start + start, span.start + end))


def contradiction_cue(text_a: str, text_b: str) -> Contradiction | None:
    """For two claims already judged to report the same fact: a Contradiction when one asserts the shared
    main predicate and the other denies it; None otherwise (same polarity, or no shared predicate)."""
    if _asks(text_a) or _asks(text_b):
        return None  # a question asserts nothing: "Why don't you all surprise them?" urges, it does not deny
    a = main_predicate(_plain_marks(text_a))
    b = main_predicate(_plain_marks(text_b))
    if a is None or b is None or a.negated == b.negated:
        return None
    shared = a.keys & b.keys
    if not shared:
        return None
    if _disjoint(a.objects, b.objects) or _disjoint(a.subjects, b.subjects):
        return None  # the same verb about different things is a different fact
    if _disjoint(a.complements, b.complements):
        # "were not so hot" / "were a terrible experience": a copula says nothing by itself, and two different
        # things said of one subject are two statements, not one asserted and denied
        return None
    denied = a if a.negated else b
    what = sorted(shared)[0].replace(_ACCEPTANCE_CLASS, "accept")
    denied_text = text_a if a.negated else text_b
    return Contradiction(
        cue_a=a.cue,
        cue_b=b.cue,
        explanation=f'one claim asserts "{what}" and the other denies it ("{denied.cue}")',
        quoted=denied.cue_span is not None and _inside_quotes(denied_text, denied.cue_span[0]),
    )


# Curly and straight quotation marks and apostrophes, one character for one: the parse of "don’t" after “ and
# after " differs, and a copy that only changed its quote marks must not change its polarity.
_PLAIN_MARKS = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
_CLOSING = " \t\n\"'”’)]»"


def _plain_marks(text: str) -> str:
    return text.translate(_PLAIN_MARKS)


def _asks(text: str) -> bool:
    """The claim is a question: it ends with a question mark, inside its closing quotes and brackets or not."""
    return text.rstrip(_CLOSING).endswith("?")


_QUOTED = re.compile(r"“[^“”]*”|\"[^\"]*\"")


def _inside_quotes(text: str, offset: int) -> bool:
    return any(m.start() < offset < m.end() for m in _QUOTED.finditer(text))


def _disjoint(left: frozenset[str], right: frozenset[str]) -> bool:
    return bool(left) and bool(right) and not (left & right)


@functools.lru_cache(maxsize=4096)
def main_predicate(text: str) -> MainPredicate | None:
    """The claim's main predicate; None when the text has no parseable clause."""
    return predicate_of(parse(text), text)


def predicate_of(doc: Doc, text: str) -> MainPredicate | None:
    """The main predicate of `text` from its parse `doc`."""
    sentences = list(doc.sents)
    if not sentences:
        return None
    root = max(sentences, key=len).root
    while root.lemma_ in REPORTING_VERBS and not _negations(root, text):
        content = [c for c in root.children if c.dep_ in ("ccomp", "parataxis")]
        if not content:
            break
        root = content[0]
    flips = _negations(root, text)
    predicate = root
    refusal: list[tuple[str, tuple[int, int]]] = []
    if root.lemma_ in REFUSAL_VERBS or root.lemma_ in ACCEPTANCE_VERBS:
        if root.lemma_ in REFUSAL_VERBS:
            refusal.append((root.text, (root.idx, root.idx + len(root))))
        complement = [c for c in root.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
        if complement:
            predicate = complement[0]
            flips += _negations(predicate, text)
    existential = root.lemma_ == "be" and any(c.dep_ == "expl" for c in root.children)
    subjects = _argument_lemmas(predicate, ("nsubj", "nsubjpass"))
    objects = _argument_lemmas(predicate, ("dobj",))
    complements = frozenset(c.lemma_.lower() for c in predicate.children
                            if c.dep_ in ("acomp", "attr", "oprd") and c.pos_ != "PRON")
    keys = {predicate.lemma_.lower()}
    if predicate is root and (root.lemma_ in REFUSAL_VERBS or root.lemma_ in ACCEPTANCE_VERBS):
        keys = {_ACCEPTANCE_CLASS}
    if existential:
        noun = next((c for c in root.children if c.dep_ in ("attr", "nsubj")), None)
        if noun is not None:
            # The action may hang off a noun inside the subject ("no group of people standing").
            action = next((t for t in noun.subtree if t.dep_ == "acl" and t.pos_ == "VERB"), None)
            keys = {action.lemma_.lower()} if action is not None else {noun.lemma_.lower()}
            subjects = frozenset({noun.lemma_.lower()}) if noun.pos_ == "NOUN" else frozenset()
            if action is not None:
                objects = _argument_lemmas(action, ("dobj",))
    elif predicate.lemma_ in LIGHT_VERBS:
        keys |= subjects | objects
    # Negative concord: "nobody never said nothing" denies once, however many negation words it takes. A refusal
    # is a denial of its own, so "did not refuse" asserts.
    negated = bool(flips) != bool(refusal)
    cue, cue_span = (flips or refusal)[0] if negated else ("", None)
    return MainPredicate(predicate.lemma_.lower(), negated, cue, cue_span, subjects, objects, complements,
                         frozenset(keys))


def _negations(predicate: Token, text: str) -> list[tuple[str, tuple[int, int]]]:
    """Negation cues attached to the predicate itself or to its subject and object."""
    found = []
    for child in predicate.children:
        if child.dep_ == "neg" or (child.lower_ in ("never", "neither") and child.dep_ in ("advmod", "preconj")):
            found.append(child)
        elif child.dep_ in _CORE_ARGUMENTS:
            if child.lower_ in NEGATIVE_PRONOUNS:
                found.append(child)
            found += [t for t, _ in _determiner_negation_tokens(child)]
    return [(t.text, (t.idx, t.idx + len(t))) for t in found if not _in_fixed_phrase(t, text) and not _contrastive(t)]


# "not X but Y" corrects X to Y, it does not deny the claim: "it was not one person, but probably several" says
# there were several. A "but" opening a clause of its own ("did not go, but she did") is a contrast of two
# claims instead, and the negation stands.
_CONTRAST_WINDOW = 12


def _contrastive(negation: Token) -> bool:
    if negation.lower_ not in ("not", "n't"):
        return False
    sentence_end = negation.sent.end
    for token in negation.doc[negation.i + 1 : min(sentence_end, negation.i + _CONTRAST_WINDOW)]:
        if token.lower_ in (";", ":", "."):
            return False
        if token.lower_ == "but" or (token.lower_ == "rather" and token.nbor(-1).lower_ != "but"):
            following = negation.doc[token.i + 1 : min(sentence_end, token.i + 6)]
            has_clause = any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in following)
            return not has_clause
    return False


def _determiner_negation_tokens(noun: Token) -> list[tuple[Token, str]]:
    return [(c, c.lower_) for c in noun.children if c.dep_ in ("det", "preconj") and c.lower_ in ("no", "neither")]


def _in_fixed_phrase(token: Token, text: str) -> bool:
    return any(m.start() <= token.idx < m.end() for m in NON_FLIPPING.finditer(text))


def _argument_lemmas(predicate: Token, labels: tuple[str, ...]) -> frozenset[str]:
    """Noun lemmas of the predicate's arguments; pronouns are left out since they match anything."""
    lemmas = set()
    for child in predicate.children:
        if child.dep_ in labels and child.pos_ in ("NOUN", "PROPN") and child.lower_ not in NEGATIVE_PRONOUNS:
            lemmas.add(child.lemma_.lower())
        elif child.dep_ == "agent":
            lemmas.update(g.lemma_.lower() for g in child.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN"))
    return frozenset(lemmas)
