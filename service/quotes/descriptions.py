"""What an article calls a person besides the name, and which person a definite description can stand for.

A description ("the officer", "the spokesman", "the 52-year-old") is not a pronoun: it names a kind of
person, and refers back only to someone the article introduced as that kind — by a title before the name
("navy spokesman Captain Manohar Nambiar"), an appositive after it ("Jane Roe, the company's spokeswoman,",
"John Doe, 52,") or a description set off before it ("the Pentagon's policy chief, Jim Miller"). The nearest
name is no evidence: in "capturing 26 Somali brigands …, a naval officer said", "the officer" later on is the
unnamed officer, not a name the tagger found among the brigands.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from service.abbreviations import office_or_rank
from service.people.lexicon import JURISDICTIONS, RANKS, SPELLING, is_title_word
from service.quotes.people import Mention

_WORD = re.compile(r"[\w'’.\-]+")
# A phrase that describes a person stands within this many words of the name.
MAX_DESCRIPTION_WORDS = 8
_DETERMINERS = frozenset("the a an his her their its our this that".split())
_AGE = re.compile(r"^(\d{1,3})(?:-year-old)?$")
# A clause after the name's comma ("Smith, who met the officer,") describes someone else.
_CLAUSE_OPENERS = frozenset("who whom whose which that when where while as and but or said says told".split())
# Descriptions that name a class of titles rather than one: every military or police rank is an officer's ("the
# officer" may stand for "Capt. Manohar Nambiar"), a head of state, government or party is a leader ("the Russian
# leader" for "President Vladimir Putin"), whoever heads a ministry, department or force is its chief ("the Russian
# foreign policy chief" for "Foreign Minister Sergei Lavrov"), members of a legislature are lawmakers, envoys
# diplomats.
_CLASSES: dict[str, frozenset[str]] = {
    "officer": RANKS,
    "leader": frozenset("president premier prime chancellor king queen emperor chairman head".split()),
    "chief": frozenset("minister secretary director head chairman commander administrator commissioner".split()),
    "lawmaker": frozenset("senator representative congressman congresswoman mp legislator".split()),
    "diplomat": frozenset("ambassador envoy".split()),
}


@dataclass(frozen=True, slots=True)
class Described:
    """A person mention and the words the article describes that person with there (folded: lower case,
    one spelling, abbreviations written out; an age as "52-year-old")."""

    mention: Mention
    words: frozenset[str]


def fold(word: str) -> str:
    low = word.lower().replace("’", "'")
    if low.endswith("'s"):
        low = low[:-2]
    full = office_or_rank(low)
    if full:
        return full
    low = low.rstrip(".")
    age = _AGE.match(low)
    if age:
        return f"{age.group(1)}-year-old"
    return SPELLING.get(low, low)


def _describing(word: str) -> bool:
    """A word a title or description before a name is made of: a title word, a country or body, a capitalised
    word of a title ("City Attorney"), an age."""
    low = word.lower().rstrip(".")
    return (is_title_word(word) or is_title_word(low) or low in JURISDICTIONS or word[:1].isupper()
            or low.endswith("'s") or low.endswith("’s") or bool(re.fullmatch(r"\d{1,3}-year-old", low)))


def _before(text: str, mention: Mention) -> list[str]:
    """The title run right before the name, on its line: "navy spokesman Captain"."""
    line_start = text.rfind("\n", 0, mention.span.start) + 1
    words = _WORD.findall(text[max(line_start, mention.span.start - 120) : mention.span.start])
    if text[line_start : mention.span.start].rstrip().endswith(","):
        return _fronted(text, line_start, mention)
    run: list[str] = []
    for word in reversed(words[-MAX_DESCRIPTION_WORDS:]):
        if not _describing(word):
            break
        run.insert(0, word)
    return run


def _fronted(text: str, line_start: int, mention: Mention) -> list[str]:
    """ "the Pentagon's policy chief, Jim Miller": a description set off by a comma, opened by a determiner."""
    lead = text[line_start : mention.span.start].rstrip().rstrip(",")
    clause = re.split(r"[,;:.!?\"“”]", lead)[-1]
    words = _WORD.findall(clause)
    if not words or len(words) > MAX_DESCRIPTION_WORDS:
        return []
    for i, word in enumerate(words):
        if word.lower() in ("the", "a", "an"):
            return words[i + 1 :]
    return []


def _after(text: str, mention: Mention) -> list[str]:
    """An appositive: ", the navy's spokesman," or ", 52," after the name."""
    rest = text[mention.span.end : mention.span.end + 160]
    found = re.match(r"\s*,\s*([^,;:.!?\"“”()\n]+?)\s*[,.;]", rest)
    if not found:
        return []
    words = _WORD.findall(found.group(1))
    if not words or len(words) > MAX_DESCRIPTION_WORDS or words[0].lower() in _CLAUSE_OPENERS:
        return []
    return words


def describe(text: str, persons: Sequence[Mention]) -> list[Described]:
    """Each person mention with the words describing the person there, for the mentions that have any."""
    found = []
    for mention in persons:
        words = frozenset(fold(w) for w in [*_before(text, mention), *_after(text, mention)])
        words -= _DETERMINERS
        if words:
            found.append(Described(mention, words))
    return found


def head_and_modifiers(description: str) -> tuple[str, list[str]]:
    """ "the Indian navy spokesman" -> ("spokesman", ["indian", "navy"]); the determiner dropped."""
    words = [fold(w) for w in _WORD.findall(description)]
    words = [w for w in words if w not in _DETERMINERS]
    return (words[-1], words[:-1]) if words else ("", [])


def fits(description: str, described: Described) -> bool:
    """Whether the article's words for a person fit a description: its head noun is among them (or one of the
    titles a class such as "officer" covers), and a country or body it names is not another than the one the
    article gives the person ("the Russian officer" is no Indian captain; a bare "President" may be Russian)."""
    head, modifiers = head_and_modifiers(description)
    if not head:
        return False
    words = described.words
    if head not in words and not words & _CLASSES.get(head, frozenset()):
        return False
    theirs = {JURISDICTIONS[w] for w in words if w in JURISDICTIONS}
    return not theirs or all(JURISDICTIONS[m] in theirs for m in modifiers if m in JURISDICTIONS)
