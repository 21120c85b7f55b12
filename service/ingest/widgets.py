"""Page widgets that an extractor can leave inside an article's blocks: ads, consent banners, newsletter boxes,
share bars, "read more" teasers, bylines and credits.

On a web page the main-text extractor has already chosen the article's blocks, so short lines in them are list
items, table rows and sub-headings of the article, not menus: unlike plain text, a line is blanked here only when
its words say what widget it is, or its markup does (a line that is all the text of links), never for its shape
alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from service.ingest.boilerplate import Line, classify_line, group_paragraphs, split_lines
from service.ingest.masking import MaskedText
from service.records import Span

# (reason, pattern) on a whole stripped line; the first match decides.
WIDGET_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("advertisement", re.compile(
        r"^(?:sponsored|advertisement|advertising|advertorial|promoted|paid (?:content|post|partner)|"
        r"partner content|presented by|ad)\b\s*(?:[:|–—-]|$|by\b|content\b|stories\b|links?\b)", re.IGNORECASE)),
    ("consent", re.compile(
        r"\b(?:we|this (?:site|website)|our (?:site|website|partners)) (?:and our partners )?"
        r"(?:use|uses|store|stores) cookies\b|\bby (?:continuing|clicking|using)\b.{0,60}\b(?:cookies|agree|consent)|"
        r"\bcookie (?:policy|settings|preferences|consent)\b|\bmanage (?:cookies|consent|preferences)\b",
        re.IGNORECASE)),
    ("newsletter", re.compile(
        r"^(?:sign up|subscribe|get|join)\b.{0,80}\b(?:newsletter|our emails|inbox|daily briefing|alerts)\b|"
        r"\b(?:enter your|your) e-?mail address\b|^newsletter\b|\bsubscribe (?:now|today|for|to)\b.{0,60}$|"
        r"^already a subscriber\b|^thanks? for (?:signing up|subscribing)\b|"
        # A box's pitch ends in its call ("... Sign up for the free daily newsletter."), and its heading is the
        # newsletter's name ("Pick Six Newsletter").
        r"\bsign up (?:for|to)\b.{0,60}\b(?:newsletter|briefing)\b|^\w+(?:\W+\w+){0,3} newsletter$",
        re.IGNORECASE)),
    ("share", re.compile(
        r"^(?:share|share this|share on|share via|tweet|pin it|email this|print this)\b.{0,40}$|"
        r"^(?:(?:facebook|twitter|linkedin|whatsapp|reddit|pinterest|email|e-mail|print|copy link)"
        r"[\s,|·•/]*){2,}$", re.IGNORECASE)),
    ("related", re.compile(
        r"^(?:related(?: articles| stories| coverage| content| posts)?|read more|read next|more from|"
        r"more on this|see also|recommended(?: for you)?|most (?:read|popular|viewed|shared)|trending(?: now)?|"
        r"you (?:may|might) (?:also )?like|don'?t miss|top stories|latest news|also read|see more)\b\s*(?::|$|»|›)",
        re.IGNORECASE)),
    # A teaser for another story labels what it links to in brackets: "China furious at Macron [INSIGHT]".
    ("related", re.compile(r"\[\s*[A-Z]{4,}\s*\]$")),
    # The author's contact and follow lines under an article: "Follow him on Twitter @x", "may be reached at".
    ("contact", re.compile(
        r"\bfollow (?:him|her|them|me|us)\b.{0,40}\bon (?:twitter|facebook|instagram|linkedin|x)\b|"
        r"\b(?:may|can) be reached at\b|^(?:e-?mail|contact) [\w .'-]{2,40} at [\w.+-]+@[\w-]+\.\w",
        re.IGNORECASE)),
    ("comments", re.compile(
        r"^(?:\d+\s+)?comments?\b\s*(?::|$)|^(?:leave|post|add|view|show|read) (?:a |the |all )?comments?\b|"
        r"^comments are closed\b|^join the (?:discussion|conversation)\b", re.IGNORECASE)),
    ("credits", re.compile(
        r"^(?:photo|image|picture|video|illustration|graphic)s?\s*(?:credit)?\s*(?::|by\b|/)|"
        r"^(?:\(|\[)?(?:photo|image|credit)s?:?\s|"
        # A caption's credit: "installation views, photos © Inexhibit, 2018".
        r"\b(?:photos?|images?|pictures?|courtesy)\W{0,3}(?:©|\(c\))", re.IGNORECASE)),
    # A line that only says when the page was updated: "Updated at 1:23 p.m.".
    ("date header", re.compile(
        r"^(?:last )?(?:updated|posted|published)(?: on| at)?\s*:?\s*\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?"
        r"\s*(?:[A-Z]{2,4})?\s*$", re.IGNORECASE)),
)

# Call-to-action lines that are whole widgets by themselves (compared lower-cased, without punctuation).
WIDGET_LINES: dict[str, str] = {
    **{w: "advertisement" for w in ("learn more", "shop now", "buy now", "click here", "find out more",
                                    "get offer", "see offer", "advertisement", "ad", "sponsored")},
    **{w: "consent" for w in ("ok", "okay", "accept", "accept all", "accept cookies", "i agree", "agree",
                              "got it", "allow", "allow all", "reject all", "decline", "manage preferences",
                              "cookie settings", "i accept")},
    **{w: "newsletter" for w in ("subscribe", "sign up", "sign in", "log in", "register", "submit")},
    **{w: "share" for w in ("share", "share this", "share this article", "share this story", "tweet", "email",
                            "print", "facebook", "twitter", "linkedin", "whatsapp", "copy link", "comments")},
    **{w: "related" for w in ("read more", "related", "more", "see more", "show more", "load more",
                              "continue reading", "view all", "back to top")},
}

# Reasons of the plain-text line rules that hold on web pages too: what the words say, not the line's shape.
SPECIFIC_LINE_RULES = frozenset({"widget", "css classes", "link", "source url", "byline", "date header", "logo",
                                 "credits", "standards", "copyright", "category", "photo credit", "subscribe",
                                 "comments"})

# A widget line is short: a long sentence that mentions cookies or a newsletter is article text.
MAX_WIDGET_WORDS = 40


def widget_reason(content: str) -> str | None:
    """Why a line of an article block is a page widget, or None when it is article text."""
    # Blanked markup leaves runs of spaces inside a line; the patterns measure the words the reader sees.
    content = " ".join(content.split())
    if not content:
        return None
    key = " ".join(re.sub(r"[^\w\s]", " ", content).split()).lower()
    if key in WIDGET_LINES:
        return WIDGET_LINES[key]
    if len(content.split()) <= MAX_WIDGET_WORDS:
        for reason, pattern in WIDGET_RULES:
            if pattern.search(content):
                return reason
    reason = classify_line(content)
    return reason if reason in SPECIFIC_LINE_RULES else None


def mask_widgets(masked: MaskedText, clean: str, paragraphs: Sequence[Span]) -> None:
    """Blank the widget lines of the article's blocks."""
    for paragraph in paragraphs:
        for line in _lines_in(clean, paragraph):
            reason = widget_reason(line.content)
            if reason is not None:
                masked.mask(line.start, line.end, reason)


_WORD = re.compile(r"\w+")
# A teaser names a story in a headline's words; a shorter linked line is a source's name ("[ CNET ]") or a
# person's, which an article credits on a line of its own.
MIN_TEASER_WORDS = 3


def mask_link_lines(masked: MaskedText, clean: str, paragraphs: Sequence[Span], links: Sequence[Span]) -> None:
    """Blank the lines of the article's blocks whose every word is the text of a link: a list of other stories
    ("11 Fascinating Facts About Our Milky Way Galaxy"), a teaser's linked headline. The article's own sentences
    carry words of their own around the links they hold; this is what the markup, not the line's shape, says."""
    if not links:
        return
    starts = [link.start for link in links]
    for paragraph in paragraphs:
        for line in _lines_in(clean, paragraph):
            holders = [_holder(starts, links, m.start(), m.end()) for m in _WORD.finditer(clean, line.start, line.end)]
            if not holders or None in holders:
                continue
            # The link's words as a reader counts them ("www.entermedia.co.kr" is one, the brackets around
            # "[ CNET ]" none), over the whole link: a headline may run onto a second line of the page source.
            shown = sum(_shown_words(links[index].of(clean)) for index in set(holders))
            if shown >= MIN_TEASER_WORDS:
                masked.mask(line.start, line.end, "related")


# This many links side by side after a sentence's own link, with nothing but markup between them, are a card or
# a list of links set into the sentence.
MIN_LINK_RUN = 3


def mask_link_runs(masked: MaskedText, clean: str, paragraphs: Sequence[Span], links: Sequence[Span]) -> None:
    """Blank the runs of adjacent links inside the article's sentences: a hover card that a name's link opens
    ("Kristi Noem" followed by her full name and three headlines about her, then "MORE"). A sentence's words
    stand between the links it holds, or at least a comma does; links side by side with no word between are
    another text set into the sentence. The run's first link is the sentence's own word, which the card is
    attached to, and stays."""
    starts = [link.start for link in links]
    for paragraph in paragraphs:
        first = bisect_left(starts, paragraph.start)
        inside = [link for link in links[first:bisect_left(starts, paragraph.end)] if link.end <= paragraph.end]
        run: list[Span] = []
        for link in inside + [Span(paragraph.end + 1, paragraph.end + 1)]:  # a sentinel closes the last run
            if run and not clean[run[-1].end:link.start].isspace() and run[-1].end != link.start:
                if len(run) - 1 >= MIN_LINK_RUN:
                    masked.mask(run[1].start, run[-1].end, "related")
                run = []
            run.append(link)


def _holder(starts: list[int], links: Sequence[Span], start: int, end: int) -> int | None:
    """The index of the link whose text holds the word at [start, end), if one does."""
    index = bisect_right(starts, start) - 1
    return index if index >= 0 and links[index].start <= start and end <= links[index].end else None


def _shown_words(text: str) -> int:
    return sum(1 for chunk in text.split() if _WORD.search(chunk))


def paragraphs_within(clean: str, span: Span) -> list[Span]:
    """The paragraphs of one kept block: its text split at blank lines (and after lines ending a sentence)."""
    return [Span(span.start + p.start, span.start + p.end)
            for p in group_paragraphs(split_lines(clean[span.start:span.end]))]


def _lines_in(clean: str, span: Span) -> list[Line]:
    return [Line(span.start + line.start, span.start + line.end, line.content)
            for line in split_lines(clean[span.start:span.end]) if not line.blank]
