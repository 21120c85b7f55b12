"""Line-shape rules that tell web-page debris from article text, and the paragraphs that remain.

The rules look at the shape of a line (short, no sentence punctuation, only a link, a bullet of hyphenated CSS
tokens, a date alone, a credit line) and at a handful of widget words every news site uses; none names a
particular article. Debris is blanked in the clean text, so offsets do not move.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from service.ingest.masking import MaskedText
from service.records import Span

TERMINAL = ".!?…"
CLOSING = "\"'”’»)]*_"

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"

# (reason, pattern) tried in order on the stripped line; the first match decides.
LINE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("widget", re.compile(r"^[^\w]*(?:\d+[^\w]*)*$")),  # counters and separators: "0 : 0", "|", "0"
    ("css classes", re.compile(r"^(?:[•·*+-]\s*)?[a-z0-9]+(?:-[a-z0-9]+)+$")),
    ("link", re.compile(r"^<?https?://\S+>?$|^(?:[-*•+]\s*)?(?:\[[^\]]*\]\([^)]*\)\s*[|,·]?\s*)+$")),
    ("source url", re.compile(r"^(?:original|source|canonical)\s+(?:url|link)\s*:", re.IGNORECASE)),
    ("byline", re.compile(r"^by\s+(?:\[[^\]]+\]\([^)]*\)|[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,4})$", re.IGNORECASE)),
    ("byline", re.compile(r"\|\s*by\b", re.IGNORECASE)),
    ("date header", re.compile(
        rf"^(?:(?:updated|published|posted)\s*:?\s*)?(?:\w+day,?\s+)?(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|\d{{4}}-\d\d-\d\d)"
        rf"(?:\s*[/|,-]\s*[\w: ]*)*$",
        re.IGNORECASE,
    )),
    ("logo", re.compile(r"^\S+(?:\s+\S+){0,3}\s+logo$", re.IGNORECASE)),
    ("credits", re.compile(r"^(?:additional\s+)?(?:reporting|writing|editing|compiled|produced|translated)\s+by\b", re.IGNORECASE)),
    ("standards", re.compile(r"^our\s+standards\s*:|trust principles\.?$", re.IGNORECASE)),
    ("copyright", re.compile(r"^(?:©|\(c\)|copyright\b)|all rights reserved", re.IGNORECASE)),
    ("category", re.compile(r"^(?:categor(?:y|ies)|tags?|filed under|topics?|sections?)\s*:", re.IGNORECASE)),
    ("photo credit", re.compile(r"^(?:photo|image|picture|illustration)s?\s*(?:credit)?\s*:", re.IGNORECASE)),
    ("tagline", re.compile(r"\bstay tuned\b|^the latest news\b", re.IGNORECASE)),
)

# Rules about header lines: a long line that happens to start with a date or "By" is article text.
SHORT_LINE_RULES = frozenset({"date header", "byline", "logo"})

# Whole-line widget texts (compared lower-cased, without punctuation).
WIDGET_LINES: dict[str, str] = {
    **{w: "subscribe" for w in ("subscribe", "subscribe now", "sign up", "newsletter", "sign up for our newsletter")},
    **{w: "comments" for w in ("comments", "comments are closed", "to participate in the discussion",
                               "log in or register", "leave a comment", "add comment", "show comments",
                               "log in", "sign in", "register")},
    **{w: "navigation" for w in ("newsfeed", "chats", "loader", "loading", "about", "countries", "home",
                                 "menu", "search", "share", "print", "email", "advertisement", "read more",
                                 "more", "related", "follow us", "top stories", "most read", "latest")},
}

# A short line without sentence punctuation is a menu entry, a label or a sub-heading, not a claim.
SHORT_LINE_WORDS = 5

_HEADING = re.compile(r"^#{1,6}\s")
_RELATED_HEADING = re.compile(r"\b(?:related|see also|read more|more on|recommended)\b", re.IGNORECASE)
_BOLD_LABEL = re.compile(r"^(?:\*\*|__)[^*_]+(?:\*\*|__)$")

# Inline debris inside a kept line.
_TRAILING_PHOTO_CREDIT = re.compile(r"(?<=[.!?)\s])\s*\b[A-Z][A-Z.&]+/[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3}\s*$")
_PHOTO_CREDIT_PARENS = re.compile(
    r"\s*\((?:[A-Z][\w.]*\s+)?(?:Photo|Photograph|Image|Picture)s?\s*(?:/|:|by\b)[^)]*\)", re.IGNORECASE
)
_MARKDOWN_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_MARKDOWN_EMPHASIS = re.compile(r"\*\*|__")
_LIST_BULLET = re.compile(r"^[-*•+]\s+")


@dataclass(frozen=True)
class Line:
    start: int  # of the stripped content
    end: int
    content: str

    @property
    def blank(self) -> bool:
        return not self.content


def split_lines(clean: str) -> list[Line]:
    lines: list[Line] = []
    position = 0
    for raw in clean.split("\n"):
        stripped = raw.strip()
        start = position + (raw.find(stripped) if stripped else 0)
        lines.append(Line(start, start + len(stripped), stripped))
        position += len(raw) + 1
    return lines


def ends_sentence(content: str) -> bool:
    core = content.rstrip(CLOSING)
    return bool(core) and core[-1] in TERMINAL


def word_count(content: str) -> int:
    return len(content.split())


def is_heading(content: str) -> bool:
    return bool(_HEADING.match(content))


def heading_text(content: str) -> str:
    return " ".join(_MARKDOWN_EMPHASIS.sub("", content.lstrip("#")).split())


def classify_line(content: str) -> str | None:
    """Why a line is debris, or None when it may be article text."""
    if not content:
        return None
    if is_heading(content):
        return "related" if _RELATED_HEADING.search(content) else "heading"
    for reason, pattern in LINE_RULES:
        if pattern.search(content) and (reason not in SHORT_LINE_RULES or word_count(content) <= 10):
            return reason
    widget = WIDGET_LINES.get(re.sub(r"[^\w\s]", "", content).strip().lower())
    if widget:
        return widget
    if _BOLD_LABEL.match(content) and word_count(content) <= 8:
        return "label"
    if word_count(content) <= SHORT_LINE_WORDS and not ends_sentence(content):
        return "navigation"
    return None


_QUOTE_OPENING = re.compile(r"^(?:[\"“„«‘]|``)")


def introduces_quote(content: str, following: str) -> bool:
    """A short line ending in a colon before a paragraph that opens with a quotation mark is the quote's
    lead-in ("Dr. Ward stated:"), not a label: it says who speaks."""
    return content.endswith(":") and bool(_QUOTE_OPENING.match(following))


def mask_debris_lines(masked: MaskedText, lines: Sequence[Line], first_body_line: int) -> None:
    """Blank every debris line from `first_body_line` on, with what follows a related-links heading or a
    source-URL label."""
    in_related = False
    expect_url = False
    body = [line for line in lines[first_body_line:] if not line.blank]
    for line, following in zip(body, [*body[1:], None]):
        reason = classify_line(line.content)
        if reason == "navigation" and following is not None and introduces_quote(line.content, following.content):
            reason = None
        if reason == "link" and (in_related or expect_url):
            reason = "related" if in_related else "source url"
        in_related = reason == "related" or (in_related and reason == "link")
        expect_url = reason == "source url"
        if reason is not None:
            masked.mask(line.start, line.end, reason)


def mask_inline_debris(masked: MaskedText, clean: str, paragraph: Span) -> None:
    """Photo credits at the end of a caption and markdown syntax inside a kept paragraph.

    A caption such as "... in Hanoi March 5, 2013. REUTERS/Kham" keeps its sentence (it states a fact) and loses
    only the credit."""
    text = clean[paragraph.start : paragraph.end]
    base = paragraph.start
    for pattern in (_TRAILING_PHOTO_CREDIT, _PHOTO_CREDIT_PARENS):
        for match in pattern.finditer(text):
            masked.mask(base + match.start(), base + match.end(), "photo credit")
    for match in _MARKDOWN_LINK.finditer(text):
        masked.mask(base + match.start(), base + match.start() + 1, "markup")
        masked.mask(base + match.end(1), base + match.end(), "markup")
    for match in _MARKDOWN_EMPHASIS.finditer(text):
        masked.mask(base + match.start(), base + match.end(), "markup")
    bullet = _LIST_BULLET.match(text)
    if bullet:
        masked.mask(base, base + bullet.end(), "markup")


def group_paragraphs(lines: Sequence[Line]) -> list[Span]:
    """Runs of non-blank lines, split after a line that ends a sentence or that stands on its own.

    Blank lines separate paragraphs in plain text; pages copied as text often put one paragraph per line with
    no blank line between, and a headline, standfirst or date line without final punctuation above the first
    sentence, while hard-wrapped text continues a sentence on the next line."""
    width = max((len(line.content) for line in lines if not line.blank), default=0)
    paragraphs: list[Span] = []
    start: int | None = None
    end = 0
    for index, line in enumerate(lines):
        if line.blank:
            if start is not None:
                paragraphs.append(Span(start, end))
                start = None
            continue
        if start is None:
            start = line.start
        end = line.end
        following = lines[index + 1] if index + 1 < len(lines) else None
        if ends_sentence(line.content) or (
            following is not None and not following.blank and _line_break_is_hard(line, following, width)
        ):
            paragraphs.append(Span(start, end))
            start = None
    if start is not None:
        paragraphs.append(Span(start, end))
    return paragraphs


def _line_break_is_hard(line: Line, following: Line, width: int) -> bool:
    """Whether a line without final punctuation ends its unit (a headline, a date line) rather than wrapping.

    Text wrapped at a width breaks a line only where the next word would not fit on it; a break before a word
    that would have fit was made by the writer. A next line opening in lower case goes on with the sentence
    either way."""
    first_word = following.content.split()[0]
    if not (first_word[0].isupper() or first_word[0].isdigit() or first_word[0] in "\"'“‘«("):
        return False
    return len(line.content) + 1 + len(first_word) <= width


def normalised_words(value: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", value.lower()).split())


# A paragraph contained in another must be this long before it counts as a repeat rather than a coincidence.
REPEAT_MIN_WORDS = 6


def mask_repeats(masked: MaskedText, clean: str, paragraphs: Sequence[Span], title: str) -> list[Span]:
    """Drop the page's repetitions: a paragraph equal to the title or to another paragraph, or contained in a
    longer one (the same lead with and without its dateline). The first full occurrence stays."""
    keys = [normalised_words(p.of(clean)) for p in paragraphs]
    title_key = normalised_words(title)
    kept: list[Span] = []
    for i, (paragraph, key) in enumerate(zip(paragraphs, keys)):
        reason = None
        if title_key and key == title_key:
            reason = "repeated title"
        elif key in keys[:i]:
            reason = "repeated paragraph"
        elif len(key.split()) >= REPEAT_MIN_WORDS and any(
            j != i and len(other) > len(key) and f" {key} " in f" {other} " for j, other in enumerate(keys)
        ):
            reason = "repeated paragraph"
        if reason:
            masked.mask(paragraph.start, paragraph.end, reason)
        else:
            kept.append(paragraph)
    return kept
