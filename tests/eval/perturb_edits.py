"""Controlled edits of a real article for the perturbation suite (`tests.eval.perturb`).

Each generator reads the article text on its own terms (regular expressions, PolNeAR's gold attributions), never
through the service's extractors: an edit the service cannot read must still count against its recall. Every
generator returns candidate edits; the suite picks one with its seeded random generator.

An edit kind says what a fact-checker would expect to be flagged, and as what:

    number   a counted figure changed (14 -> 21)                  NUMBER_MISMATCH
    date     a date, weekday or year changed (March 12 -> 21)      DATE_MISMATCH
    quote    a content word inside a direct quote replaced         QUOTE_WORDING
    negation a "not" put into (or taken out of) a direct quote     QUOTE_WORDING
    speaker  the named speaker of a quote replaced by another      QUOTE_ATTRIBUTION
    title    a person's office before their name replaced          ROLE_MISMATCH

Controls carry only edits that change nothing a reader would check: US/UK spellings and compound variants,
straight vs curly quotation marks, a relative date written as the absolute date it denotes, a figure written in
words.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass

NUMBER = "number"
DATE = "date"
QUOTE = "quote"
NEGATION = "negation"
SPEAKER = "speaker"
TITLE = "title"
EDIT_KINDS = (NUMBER, DATE, QUOTE, NEGATION, SPEAKER, TITLE)
CONTROL = "control"


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace text[start:end] with `replacement`; offsets are into the original article."""

    kind: str
    start: int
    end: int
    replacement: str
    note: str = ""  # what changed, for the error listing
    old_name: str = ""  # speaker edits: who said it in the original
    new_name: str = ""


def apply(text: str, edits: list[Edit]) -> tuple[str, list[tuple[int, int]]]:
    """The edited text and, for each edit in the order given, its span in the edited text."""
    order = sorted(range(len(edits)), key=lambda i: edits[i].start)
    pieces, spans, position, shift = [], [(0, 0)] * len(edits), 0, 0
    for i in order:
        edit = edits[i]
        if edit.start < position:
            raise ValueError("overlapping edits")
        pieces.append(text[position : edit.start])
        pieces.append(edit.replacement)
        spans[i] = (edit.start + shift, edit.start + shift + len(edit.replacement))
        shift += len(edit.replacement) - (edit.end - edit.start)
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces), spans


# ------------------------------------------------------------------------------------------ where quotes are

_QUOTED = re.compile(r"“[^“”\n]{3,600}”|\"[^\"\n]{3,600}\"|``[^`'\n]{3,600}''")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Stretches inside quotation marks (the marks excluded)."""
    spans = []
    for match in _QUOTED.finditer(text):
        mark = 2 if match.group().startswith("``") else 1
        spans.append((match.start() + mark, match.end() - mark))
    return spans


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _touches(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s - 1 <= end and start <= e + 1 for s, e in spans)


# ------------------------------------------------------------------------------------------ numbers

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
_MONTH_RE = "|".join(_MONTHS) + r"|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\."
# A figure a fact-checker would check: digits followed by the (lower-case) thing they count or a unit.
_FIGURE = re.compile(
    r"(?<![\w.,/:$-])(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w,/:-]|\.\d)"
    r"(?=\s*(?:%|percent\b|per cent\b|(?:million|billion)\s+[a-z]|[a-z][a-z-]{2,}))"
)
_LABEL_BEFORE = re.compile(rf"(?:{_MONTH_RE}|No\.|page|Route|Highway|Flight|Room|Article|[A-Z][a-z]+)\s+$")
_TIME_AFTER = re.compile(r"\s*(?:a\.m|p\.m|am\b|pm\b|o'clock|years?\s+old|-year)", re.IGNORECASE)


def _changed_figure(raw: str) -> str:
    value = float(raw.replace(",", ""))
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    # Half as much again (at least 2 more): a change no hedge or rounding convention could absorb.
    new = value + max(2.0, value * 0.5)
    if decimals:
        return f"{new:.{decimals}f}"
    new = round(new)
    return f"{new:,}" if "," in raw else str(new)


def number_edits(text: str) -> list[Edit]:
    quotes = quoted_spans(text)
    edits = []
    for match in _FIGURE.finditer(text):
        start, end = match.span("n")
        raw = match.group("n")
        value = float(raw.replace(",", ""))
        if re.fullmatch(r"(?:19|20)\d\d", raw) or _LABEL_BEFORE.search(text[max(0, start - 12) : start]):
            continue  # a year or a label ("Route 66", "March 3")
        if _TIME_AFTER.match(text, end) or value == 0 or _touches(quotes, start, end):
            continue
        edits.append(Edit(NUMBER, start, end, _changed_figure(raw), f"{raw} -> {_changed_figure(raw)}"))
    return edits


# ------------------------------------------------------------------------------------------ dates

_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTH_DAY = re.compile(rf"\b(?P<month>{'|'.join(_MONTHS)})\s+(?P<day>\d{{1,2}})\b(?!\s*(?:,\s*)?(?:\d{{1,2}}\b|%)|\s*[-–])")
_WEEKDAY = re.compile(rf"\b(?P<day>{'|'.join(_WEEKDAYS)})\b(?!['’]s)")
_YEAR = re.compile(r"\b(?P<lead>in|since|by|until|of)\s+(?P<year>(?:19[5-9]|20[0-2])\d)\b(?![-–]\d)")


def date_edits(text: str) -> list[Edit]:
    quotes = quoted_spans(text)
    edits = []
    for match in _MONTH_DAY.finditer(text):
        day = int(match.group("day"))
        if not 1 <= day <= 28 or _inside(quotes, *match.span()):
            continue
        new_day = day + 9 if day <= 14 else day - 9  # more than a week: no dateline or time-zone effect
        start, end = match.span("day")
        edits.append(Edit(DATE, start, end, str(new_day), f"{match.group()} -> {match.group('month')} {new_day}"))
    for match in _WEEKDAY.finditer(text):
        if _inside(quotes, *match.span()) or re.search(r"(?:each|every)\s+$", text[max(0, match.start() - 8) : match.start()]):
            continue  # "each Thursday" is a schedule, not a date
        new = _WEEKDAYS[(_WEEKDAYS.index(match.group("day")) + 3) % 7]
        edits.append(Edit(DATE, match.start(), match.end(), new, f"{match.group()} -> {new}"))
    for match in _YEAR.finditer(text):
        if _inside(quotes, *match.span()):
            continue
        start, end = match.span("year")
        new = str(int(match.group("year")) - 3)
        edits.append(Edit(DATE, start, end, new, f"{match.group('year')} -> {new}"))
    return edits


# ------------------------------------------------------------------------------------------ quotes

_AUXILIARY = re.compile(r"\b(?P<aux>is|are|was|were|will|would|can|could|should|has|have|had|does|did|do)"
                        r"(?P<gap>\s+)(?=[a-z]{2,})(?!not\b|n't|never\b|no\b)", re.IGNORECASE)
_NOT = re.compile(r"\b(?:is|are|was|were|will|would|could|should|has|have|does|did|do)(?P<not>\s+not)\b",
                  re.IGNORECASE)
_CONTENT_WORD = re.compile(r"(?<![\w'’-])[a-z]{5,}(?![\w'’-])")
_STOP = frozenset(
    "about above after again against among around because before being below between both could during every "
    "further having other their there these those through under until which while would should where whose "
    "might shall since without within into upon onto whether either neither really maybe perhaps always never "
    "something nothing anything everything someone anyone everyone nobody thing things".split()
)
MIN_QUOTE_WORDS = 6  # the comparators ignore very short quotes; an edit there would measure nothing


def _long_quotes(text: str, quotes: list[tuple[int, int]] | None) -> list[tuple[int, int]]:
    return [(s, e) for s, e in (quotes if quotes is not None else quoted_spans(text))
            if len(text[s:e].split()) >= MIN_QUOTE_WORDS]


def quote_word_edits(text: str, quotes: list[tuple[int, int]] | None = None) -> list[Edit]:
    """A content word of a quote replaced by a content word of the same ending from elsewhere in the article."""
    pool: dict[str, list[str]] = {}
    for match in _CONTENT_WORD.finditer(text):
        word = match.group()
        if word not in _STOP:
            pool.setdefault(word[-2:], []).append(word)
    edits = []
    for start, end in _long_quotes(text, quotes):
        for match in _CONTENT_WORD.finditer(text, start, end):
            word = match.group()
            others = sorted({w for w in pool.get(word[-2:], []) if w != word and w[:3] != word[:3]})
            if word in _STOP or not others:
                continue
            # The replacement is chosen by the word itself, so the same article always gets the same edit.
            new = others[sum(map(ord, word)) % len(others)]
            edits.append(Edit(QUOTE, match.start(), match.end(), new, f"{word} -> {new}"))
    return edits


def negation_edits(text: str, quotes: list[tuple[int, int]] | None = None) -> list[Edit]:
    edits = []
    for start, end in _long_quotes(text, quotes):
        for match in _AUXILIARY.finditer(text, start, end):
            at = match.end("aux")
            edits.append(Edit(NEGATION, at, at, " not", f"{match.group('aux')} -> {match.group('aux')} not"))
        for match in _NOT.finditer(text, start, end):
            edits.append(Edit(NEGATION, match.start("not"), match.end("not"), "", "not removed"))
    return edits


# ------------------------------------------------------------------------------------------ speakers

_NAME = re.compile(r"(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?\s+){0,2}[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?$")
_NOT_NAMES = frozenset(
    "The This That He She They It We I You His Her Their Its Our Mr Mrs Ms Dr President Sen Senator Gov Governor "
    "Rep Secretary Spokesman Spokeswoman Officials Democrats Republicans Americans Police Reuters Associated Press "
    "Fox News CNN Times Post Journal Department House White Congress Senate Campaign Party Committee Court".split()
)


# Words that make a capitalised run a place, a body or a publication rather than a person.
_NOT_PERSON_WORDS = frozenset(
    "Report University State Carolina International Institute Party Committee News Times Post Center Centre "
    "Council County City New North South East West United Democratic Republican National American Street "
    "Department Company Group Association Foundation Campaign Club College School Journal Political Press "
    "Director Secretary Senator Governor President Las Los San Santa Fort Mount Lake Democrat Republican When "
    "Despite Using".split()
)


def _person_name(text: str) -> str | None:
    """The trailing personal name of a gold source ("Spokeswoman Haley Morris" -> "Haley Morris")."""
    words = re.sub(r"['’]s\b", "", text).split()
    tail: list[str] = []
    for word in reversed(words):
        if not re.fullmatch(r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?", word) or word in _NOT_NAMES:
            break
        tail.insert(0, word)
    if not tail or len(tail) > 3 or any(w in _NOT_PERSON_WORDS for w in tail):
        return None
    return " ".join(tail)


def _is_person(name: str, text: str) -> bool:
    """News names a person in full and then by surname: a full name whose surname stands alone elsewhere."""
    surname = name.split()[-1]
    return len(name.split()) > 1 and len(re.findall(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text)) > 1


_SPEECH_CUE = re.compile(r"\b(?:said|says|told|tells|added|adds|wrote|writes|asked|explained|argued|noted|"
                         r"insisted|stated|declared|tweeted)\b")


def _full_names(text: str) -> set[str]:
    """People the article names in full: two capitalised words, the second of which recurs on its own."""
    found = set()
    for match in re.finditer(r"(?<![\w.])[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?\s[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?\b", text):
        name = _person_name(match.group())
        # "Make America", "Vote Hillary": a capitalised common word is the start of a slogan, not a given name
        common = any(re.search(rf"(?<![\w-]){w.lower()}(?![\w-])", text) for w in match.group().split())
        # a headline capitalises every word ("Endorses Ted", "Red Hot"): only names inside sentences count
        common = common or text[: match.start()].rstrip(" ").endswith("\n") or match.start() == 0
        if name is not None and name == match.group() and _is_person(name, text) and not common:
            found.add(name)
    return found


def _source_name(source: str) -> str | None:
    """The name a gold source gives: before an apposition ("Kristan Hawkins, president of Students For Life of
    America" -> "Kristan Hawkins"), otherwise its trailing name."""
    return _person_name(source.split(",")[0])


def _gold_speakers(text: str, gold: list[tuple[tuple[int, int], tuple[int, int]]]) -> set[str]:
    """The people the article names in full who are the source of one of its quotes (named in full or by
    surname there)."""
    named = {n for _, (s, e) in gold if (n := _source_name(text[s:e])) is not None}
    surnames = {n.split()[-1] for n in named}
    return {full for full in _full_names(text) if full in named or full.split()[-1] in surnames}


def speaker_edits(text: str, gold: list[tuple[tuple[int, int], tuple[int, int]]]) -> list[Edit]:
    """`gold` holds (quote extent, source span) pairs of direct quotes. A person named as the source right beside
    a speech verb ("…," Trump said) is replaced by another source of a quote in the same article, named there in
    full, with no word of the original name in common; a surname stays a surname. Only the gold sources are
    taken as people: a capitalised pair whose last word recurs ("Ash Wednesday", "Southeast Asia") is not one."""
    people = _gold_speakers(text, gold)
    edits = []
    for extent, (s, e) in gold:
        name = _source_name(text[s:e])
        if name is None or len(text[extent[0] : extent[1]].split()) < MIN_QUOTE_WORDS:
            continue
        if _SPEECH_CUE.search(text[max(0, s - 20) : e + 20]) is None:
            continue
        if name not in people and not any(full.endswith(" " + name) for full in people):
            continue  # a place, a body or an outlet, not a person
        words = set(name.split())
        others = sorted(o for o in people if not words & set(o.split()))
        if not others:
            continue
        start = s + text[s:e].rfind(name)
        new = others[(start * 7) % len(others)]
        if len(name.split()) < len(new.split()):
            new = new.split()[-1]
        edits.append(Edit(SPEAKER, start, start + len(name), new, f"{name} -> {new}", old_name=name, new_name=new))
    return edits


# ------------------------------------------------------------------------------------------ titles

# Offices written before a name, in groups that are different offices from one another.
_OFFICES = ["Sen.", "Senator", "Gov.", "Governor", "Rep.", "Secretary of State", "Defense Secretary",
            "Attorney General", "Mayor", "Prime Minister", "Foreign Minister", "Vice President", "Speaker"]
_SAME_OFFICE = {"Sen.": "senator", "Senator": "senator", "Gov.": "governor", "Governor": "governor"}
_TITLED = re.compile(
    rf"\b(?P<title>{'|'.join(re.escape(o) for o in sorted(_OFFICES, key=len, reverse=True))})"
    r"\s+(?=[A-Z][a-z]+\s+[A-Z][a-z]+|[A-Z][a-z]{2,}\b)"
)


def title_edits(text: str) -> list[Edit]:
    quotes = quoted_spans(text)
    edits = []
    for match in _TITLED.finditer(text):
        start, end = match.span("title")
        if _inside(quotes, start, end) or (match.group("title") == "Speaker" and text[end : end + 4] == " of "):
            continue
        if re.search(r"(?:former|ex-|then-|late)\s+(?:[A-Z][a-z]+\s+)?$", text[max(0, start - 30) : start], re.I):
            continue  # a past office: another past office is no conflict
        title = match.group("title")
        office = _SAME_OFFICE.get(title, title)
        others = [o for o in _OFFICES if _SAME_OFFICE.get(o, o) != office and o not in ("Speaker",)]
        new = others[start % len(others)]
        edits.append(Edit(TITLE, start, end, new, f"{title} -> {new}"))
    return edits


# ------------------------------------------------------------------------------------------ controls

# US and UK spellings, and compound or hyphenated variants of one word.
VARIANTS = [
    ("defense", "defence"), ("color", "colour"), ("favor", "favour"), ("honor", "honour"), ("labor", "labour"),
    ("behavior", "behaviour"), ("center", "centre"), ("organize", "organise"), ("organization", "organisation"),
    ("realize", "realise"), ("recognize", "recognise"), ("criticize", "criticise"), ("apologize", "apologise"),
    ("analyze", "analyse"), ("program", "programme"), ("traveled", "travelled"), ("neighbor", "neighbour"),
    ("offense", "offence"), ("theater", "theatre"), ("favorite", "favourite"), ("email", "e-mail"),
    ("website", "web site"), ("cooperate", "co-operate"), ("cooperation", "co-operation"), ("online", "on-line"),
    ("health care", "healthcare"), ("data center", "datacenter"), ("percent", "per cent"),
]
_WORDS_FOR = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten",
              11: "eleven", 12: "twelve", 15: "fifteen", 20: "twenty"}
_SMALL_FIGURE = re.compile(r"(?<![\w.,$-])(?P<n>\d{1,2})(?=\s+[a-z]{3,}s\b)(?![\w.,])")


def _cased(template: str, word: str) -> str:
    return word.capitalize() if template[:1].isupper() else word


def spelling_edits(text: str) -> list[Edit]:
    edits = []
    for us, uk in VARIANTS:
        for source, target in ((us, uk), (uk, us)):
            pattern = re.compile(rf"(?<![\w-]){re.escape(source)}(?P<tail>s|d|ed|ing)?(?![\w-])", re.IGNORECASE)
            for match in pattern.finditer(text):
                tail = match.group("tail") or ""
                if tail and not source.endswith(("e", "r", "l", "m", "n")):
                    continue
                edits.append(Edit(CONTROL, match.start(), match.end(), _cased(match.group(), target) + tail,
                                  f"{match.group()} -> {target}{tail}"))
    return edits


def quote_mark_edits(text: str) -> list[Edit]:
    """Curly quotation marks made straight, or straight ones curly."""
    edits = []
    for match in re.finditer(r"[“”]", text):
        edits.append(Edit(CONTROL, match.start(), match.end(), '"', "curly -> straight"))
    if not edits:
        for start, end in quoted_spans(text):
            if text[start - 1] == '"':
                edits.append(Edit(CONTROL, start - 1, start, "“", "straight -> curly"))
                edits.append(Edit(CONTROL, end, end + 1, "”", "straight -> curly"))
    return edits


def _date_words(day: dt.date, published: dt.date) -> str:
    written = f"{_MONTHS[day.month - 1]} {day.day}"
    return written if day.year == published.year else f"{written}, {day.year}"


def relative_date_edits(text: str, published: dt.date | None) -> list[Edit]:
    """ "yesterday" and "today" as the dates they denote in an article of `published` (never inside a quote,
    where the speaker's day may not be the article's)."""
    if published is None:
        return []
    quotes = quoted_spans(text)
    edits = []
    for match in re.finditer(r"(?<![\w'’-])(?P<word>yesterday|today)(?![\w'’-])", text):
        if _touches(quotes, *match.span()):
            continue
        offset = 1 if match.group("word") == "yesterday" else 0
        written = "on " + _date_words(published - dt.timedelta(days=offset), published)
        before = text[max(0, match.start() - 4) : match.start()]
        if before.lower().endswith("on "):
            written = written[3:]
        if match.group()[:1].isupper():
            written = written[:1].upper() + written[1:]
        edits.append(Edit(CONTROL, match.start(), match.end(), written, f"{match.group()} -> {written}"))
    return edits


def number_word_edits(text: str) -> list[Edit]:
    quotes = quoted_spans(text)
    edits = []
    for match in _SMALL_FIGURE.finditer(text):
        value = int(match.group("n"))
        if value in _WORDS_FOR and not _touches(quotes, *match.span()):
            edits.append(Edit(CONTROL, match.start(), match.end(), _WORDS_FOR[value], f"{value} -> words"))
    return edits


def control_edits(text: str, published: dt.date | None, rng: random.Random) -> list[Edit]:
    """Every harmless edit of the article that does not overlap another: all spellings and quotation marks, a
    few dates and figures."""
    chosen: list[Edit] = []
    dates, figures = relative_date_edits(text, published), number_word_edits(text)
    for group in (spelling_edits(text), quote_mark_edits(text), rng.sample(dates, min(2, len(dates))),
                  rng.sample(figures, min(2, len(figures)))):
        for edit in group:
            if not any(edit.start < c.end + 1 and c.start < edit.end + 1 for c in chosen):
                chosen.append(edit)
    return chosen
