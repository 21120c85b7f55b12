"""Word-level comparison of two renderings of the same quote, each difference classed.

Words are aligned by their folded keys (case, US/UK spelling and brackets removed), so an EQUAL run may still
differ on the surface; those surface differences become their own entries (SPELLING, CASE, BRACKET). The
verdict follows what a reader of both outlets would care about: variants and a verbatim fragment agree,
function words are a minor wording difference, and content words, negation or numbers are a major one. What a
partial quotation leaves out — before the first word both quote, after the last, or where one outlet's narration
split the quote in two — is an omission, whatever words it holds; only the words both quote are compared as
wording.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace

from service.quotes.tokens import Token, TokenKind, tokenize
from service.records import DiffCategory, DiffEntry, DiffOp, FindingKind, Severity

_VARIANTS = frozenset({DiffCategory.SPELLING, DiffCategory.PUNCTUATION, DiffCategory.CASE, DiffCategory.BRACKET,
                       DiffCategory.OMISSION})
_MAJOR = frozenset({DiffCategory.CONTENT_WORD, DiffCategory.NEGATION, DiffCategory.NUMBER})
_LABELS = {
    DiffCategory.SPELLING: "spelling", DiffCategory.PUNCTUATION: "punctuation", DiffCategory.CASE: "case",
    DiffCategory.BRACKET: "brackets", DiffCategory.OMISSION: "omission", DiffCategory.FUNCTION_WORD: "function word",
    DiffCategory.CONTENT_WORD: "content word", DiffCategory.NEGATION: "negation", DiffCategory.NUMBER: "number",
}


@dataclass(frozen=True)
class QuoteComparison:
    entries: tuple[DiffEntry, ...]  # the whole alignment, EQUAL runs included, in order
    kind: FindingKind  # AGREEMENT or QUOTE_WORDING
    severity: Severity  # INFO for agreement, MINOR (function words only), MAJOR
    fragment: bool  # one quote is a verbatim part of the other
    explanation: str


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


_FUNCTION_WORDS = _stop_words()


def _join(tokens: list[Token]) -> str:
    out = ""
    for t in tokens:
        if t.kind is TokenKind.BREAK:
            continue
        glue = t.kind is TokenKind.PUNCTUATION and t.surface in ",.;:!?%'’\")" or t.surface in ")]"
        if out and not glue and not out.endswith(("(", "[")):
            out += " "
        out += t.surface
    return out


def _surface_category(a: Token, b: Token) -> DiffCategory:
    if a.surface == b.surface:
        return DiffCategory.NONE
    if a.kind is TokenKind.BRACKET or a.bracketed != b.bracketed:
        return DiffCategory.BRACKET
    if a.surface.lower().replace("’", "'") == b.surface.lower().replace("’", "'"):
        same_apostrophes = a.surface.replace("’", "'") == b.surface.replace("’", "'")
        return DiffCategory.PUNCTUATION if same_apostrophes else DiffCategory.CASE
    return DiffCategory.SPELLING


def _number_value(words: list[Token]) -> float | None:
    from service.quantities.words import parse_number_words

    phrase = " ".join(t.surface for t in words)
    if phrase.replace(",", "").isdigit():
        return float(phrase.replace(",", ""))
    return parse_number_words(phrase)


# Ordinal words to the cardinal they rank: "eleventh" -> "eleven", "twenty-first" -> "twenty-one".
_ORDINAL_STEMS = {"first": "one", "second": "two", "third": "three", "fifth": "five", "eighth": "eight",
                  "ninth": "nine", "twelfth": "twelve"}
_ORDINAL_DIGITS = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
_ORDINAL_SUFFIXES = frozenset("st nd rd th".split())


def _rank(word: str) -> str | None:
    """The rank an ordinal word gives, as digits ("11th", "eleventh", "twenty-first" -> "11", "11", "21")."""
    from service.quantities.words import parse_number_words

    digits = _ORDINAL_DIGITS.match(word)
    if digits:
        return digits.group(1)
    head, _, last = word.rpartition("-")
    if last in _ORDINAL_STEMS:
        last = _ORDINAL_STEMS[last]
    elif last.endswith("ieth"):
        last = last[:-4] + "y"
    elif last.endswith("th") and len(last) > 4:
        last = last[:-2]
    else:
        return None
    value = parse_number_words(f"{head} {last}".strip())
    return None if value is None else str(int(value))


def _ranked(words: list[Token]) -> list[str]:
    """The words with every ordinal as its rank and hyphenated compounds apart: "11 th hour" and "eleventh-hour"
    are both ["11", "hour"] (a tokenised source writes "11 th")."""
    pieces: list[str] = []
    for token in words:
        word = token.surface.lower()
        if word in _ORDINAL_SUFFIXES and pieces and pieces[-1].isdigit():
            continue
        rank = _rank(word)
        if rank is not None:
            pieces.append(rank)
            continue
        for part in word.split("-"):
            pieces.append(_rank(part) or part)
    return pieces


def _same_word_written_apart(words_a: list[Token], words_b: list[Token]) -> bool:
    """ "data center" / "datacenter", "per cent" / "percent", "six" / "6", "11th" / "eleventh": one word written
    two ways."""
    if not words_a or not words_b:
        return False
    if "".join(t.key for t in words_a) == "".join(t.key for t in words_b):
        return True
    ranked_a, ranked_b = _ranked(words_a), _ranked(words_b)
    if ranked_a != [t.surface.lower() for t in words_a] and ranked_a == ranked_b:
        return True
    if any(t.is_number for t in words_a) and any(t.is_number for t in words_b):
        value = _number_value(words_a)
        return value is not None and value == _number_value(words_b)
    return False


def _written_apart(a: list[Token], b: list[Token]) -> bool:
    """ "time ’ s" / "time's": the same characters, one side spaced around its apostrophe (a tokenised source
    writes every token apart), which is no other word."""
    return "".join(t.surface for t in a).lower().replace("’", "'") == \
        "".join(t.surface for t in b).lower().replace("’", "'")


def _apostrophe_moved(a: list[Token], b: list[Token]) -> bool:
    """ "population's" / "populations'": the same letters with the possessive's apostrophe put elsewhere, a slip
    of transcription rather than another word (both sides must have one: "its" / "it's" is two words)."""
    written_a = "".join(t.surface for t in a).lower().replace("’", "'")
    written_b = "".join(t.surface for t in b).lower().replace("’", "'")
    return ("'" in written_a and "'" in written_b and written_a != written_b
            and written_a.replace("'", "") == written_b.replace("'", ""))


def _beside_break(tokens: list[Token], start: int, end: int) -> bool:
    """Whether a part break of the quote lies in tokens[start:end] or in the punctuation right around it."""
    i = start - 1
    while i >= 0 and tokens[i].kind is not TokenKind.WORD:
        if tokens[i].kind is TokenKind.BREAK:
            return True
        i -= 1
    j = start
    while j < len(tokens) and (j < end or tokens[j].kind is not TokenKind.WORD):
        if tokens[j].kind is TokenKind.BREAK:
            return True
        j += 1
    return False


def _change_category(a: list[Token], b: list[Token], at_edge: bool, at_break: bool = False) -> DiffCategory:
    """`at_break`: the side without words here has a part break of its quote at this place."""
    words_a = [t for t in a if t.kind is TokenKind.WORD]
    words_b = [t for t in b if t.kind is TokenKind.WORD]
    if at_break and bool(words_a) != bool(words_b):
        # What the other outlet quotes where this one's narration split the quote: left out, as at an ellipsis,
        # unless it is a negation, which turns the words either side around, or only function words ("…
        # wildlife, and we should …" against two sentences): a joining word is how the two connect the
        # speaker's sentences, a minor wording difference as anywhere else, not a stretch of the remark left out.
        if any(t.is_negation for t in words_a + words_b):
            return DiffCategory.NEGATION
        if all(t.key in _FUNCTION_WORDS for t in words_a + words_b):
            return DiffCategory.FUNCTION_WORD
        return DiffCategory.OMISSION
    if words_a and words_b and [t.key for t in words_a] == [t.key for t in words_b]:
        return DiffCategory.BRACKET  # the same words, an editor's on one side ("missile [shield]")
    if at_edge and (not words_a or not words_b) and (words_a or words_b):
        if all(t.bracketed for t in words_a + words_b):
            return DiffCategory.BRACKET  # an editor's insertion at the quote's edge
        # One quote starts later or stops earlier: a partial quotation of the same words, whatever the words
        # it leaves out ("… and no more" is omitted, not negated).
        return DiffCategory.OMISSION
    if _same_word_written_apart(words_a, words_b) or _written_apart(a, b) or _apostrophe_moved(a, b):
        return DiffCategory.SPELLING
    if sum(t.is_negation for t in words_a) != sum(t.is_negation for t in words_b):
        return DiffCategory.NEGATION
    if any(t.kind is TokenKind.ELLIPSIS for t in a + b):
        return DiffCategory.OMISSION
    if not words_a and not words_b:
        return DiffCategory.BRACKET if any(t.kind is TokenKind.BRACKET for t in a + b) else DiffCategory.PUNCTUATION
    if all(t.bracketed for t in words_a + words_b):
        return DiffCategory.BRACKET  # an editor's insertion: "missile [shield]"
    if any(t.is_number for t in words_a + words_b):
        return DiffCategory.NUMBER
    if all(t.key in _FUNCTION_WORDS for t in words_a + words_b):
        return DiffCategory.FUNCTION_WORD
    return DiffCategory.CONTENT_WORD


def _no_words(tokens: list[Token]) -> bool:
    return not any(t.kind is TokenKind.WORD for t in tokens)


def _align_key(token: Token) -> str:
    """What a token is aligned by: an editor's bracketed word lines up only with a bracketed word, so "[the
    Endangered Species Act]" cannot anchor a partial quote to the act's name where the speaker says it."""
    return "[" + token.key if token.bracketed and token.kind is TokenKind.WORD else token.key


Opcode = tuple[str, int, int, int, int]


def _edges_merged(ta: list[Token], tb: list[Token], opcodes: list[Opcode]) -> list[Opcode]:
    """The opcodes, with everything before the first shared word (and after the last) made one change when one
    quote has no word there: a partial quotation begins later or stops earlier, and a comma it shares with the
    longer quote past that point ("… challenged them ," / "… challenged them . On seeing …, the pirate skiffs
    …") does not make the words around that comma two changes inside the quote."""
    shared = [k for k, (op, i1, i2, _, _) in enumerate(opcodes)
              if op == "equal" and not _no_words(ta[i1:i2])]
    if not shared:
        return opcodes
    first, last = shared[0], shared[-1]
    head, tail = opcodes[:first], opcodes[last + 1 :]
    _, fi1, _, fj1, _ = opcodes[first]
    _, _, li2, _, lj2 = opcodes[last]
    merged = list(opcodes[first : last + 1])
    if len(head) > 1 and (_no_words(ta[:fi1]) or _no_words(tb[:fj1])):
        head = [("replace", 0, fi1, 0, fj1)]
    if len(tail) > 1 and (_no_words(ta[li2:]) or _no_words(tb[lj2:])):
        tail = [("replace", li2, len(ta), lj2, len(tb))]
    return [*head, *merged, *tail]


def _entries(ta: list[Token], tb: list[Token]) -> list[DiffEntry]:
    matcher = difflib.SequenceMatcher(a=[_align_key(t) for t in ta], b=[_align_key(t) for t in tb], autojunk=False)
    entries: list[DiffEntry] = []
    for op, i1, i2, j1, j2 in _edges_merged(ta, tb, matcher.get_opcodes()):
        if op == "replace" and (i1 == i2 or j1 == j2):
            op = "insert" if i1 == i2 else "delete"
        if op == "equal":
            run: list[tuple[Token, Token]] = []
            for a, b in zip(ta[i1:i2], tb[j1:j2]):
                category = _surface_category(a, b)
                if category is DiffCategory.NONE:
                    run.append((a, b))
                    continue
                if run:
                    entries.append(DiffEntry(DiffOp.EQUAL, _join([x for x, _ in run]), _join([y for _, y in run])))
                    run = []
                entries.append(DiffEntry(DiffOp.REPLACE, a.surface, b.surface, category))
            if run:
                entries.append(DiffEntry(DiffOp.EQUAL, _join([x for x, _ in run]), _join([y for _, y in run])))
            continue
        # Only punctuation beyond the change still puts it at the edge: "… the second time ," against "… the
        # second time . You know what they say …, " goes on past the shorter quote's end.
        at_edge = (_no_words(ta[:i1]) and _no_words(tb[:j1])) or (_no_words(ta[i2:]) and _no_words(tb[j2:]))
        if all(t.kind is TokenKind.BREAK for t in ta[i1:i2] + tb[j1:j2]):
            continue  # one outlet split the quote where the other runs on: no words differ
        at_break = ((_no_words(ta[i1:i2]) and _beside_break(ta, i1, i2))
                    or (_no_words(tb[j1:j2]) and _beside_break(tb, j1, j2)))
        category = _change_category(ta[i1:i2], tb[j1:j2], at_edge, at_break)
        if op == "replace" and category is DiffCategory.OMISSION and _no_words(ta[i1:i2]) != _no_words(tb[j1:j2]):
            # words on one side only, beside the other's punctuation: words left out (or added), as such
            op = "insert" if _no_words(ta[i1:i2]) else "delete"
        diff_op = {"insert": DiffOp.INSERT, "delete": DiffOp.DELETE}.get(op, DiffOp.REPLACE)
        entries.append(DiffEntry(diff_op, _join(ta[i1:i2]), _join(tb[j1:j2]), category))
    return entries


def _is_fragment(ta: list[Token], tb: list[Token]) -> bool:
    ka = [t.key for t in ta if t.kind is TokenKind.WORD]
    kb = [t.key for t in tb if t.kind is TokenKind.WORD]
    short, long_ = sorted((ka, kb), key=len)
    if not short or len(short) == len(long_):
        return False
    return any(long_[i : i + len(short)] == short for i in range(len(long_) - len(short) + 1))


def _describe(entry: DiffEntry) -> str:
    label = _LABELS[entry.category]
    if entry.op is DiffOp.INSERT:
        return f'inserted "{entry.b}" ({label})'
    if entry.op is DiffOp.DELETE:
        return f'left out "{entry.a}" ({label})'
    return f'"{entry.a}" / "{entry.b}" ({label})'


def compare_quotes(a: str, b: str) -> QuoteComparison:
    """Align two quotes word by word and class every difference."""
    ta, tb = tokenize(a), tokenize(b)
    entries = tuple(_entries(ta, tb))
    if _is_fragment(ta, tb):
        # Every word of the shorter quote stands in the longer one in a row: whatever the word alignment made of
        # the rest (punctuation matched across the cut splits the added words in two), it is words left out.
        entries = tuple(replace(e, category=DiffCategory.OMISSION)
                        if e.op is not DiffOp.EQUAL and e.category not in _VARIANTS else e for e in entries)
    changes = [e for e in entries if e.op is not DiffOp.EQUAL]
    categories = {e.category for e in changes}
    fragment = _is_fragment(ta, tb) and not categories & (_MAJOR | {DiffCategory.FUNCTION_WORD})
    details = "; ".join(_describe(e) for e in changes)
    if categories <= _VARIANTS:
        if fragment:
            head = "one quote is a verbatim part of the other"
        else:
            head = "same words" if not changes else "same words, variants only"
        return QuoteComparison(entries, FindingKind.AGREEMENT, Severity.INFO, fragment,
                               f"{head}: {details}" if details else head)
    severity = Severity.MAJOR if categories & _MAJOR else Severity.MINOR
    return QuoteComparison(entries, FindingKind.QUOTE_WORDING, severity, fragment, f"wording differs: {details}")
