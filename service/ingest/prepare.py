"""From submitted text to the clean text, body paragraphs, headline and outlet the extractors work on."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from service.ingest.boilerplate import (
    Line,
    classify_line,
    ends_sentence,
    group_paragraphs,
    mask_debris_lines,
    mask_inline_debris,
    mask_repeats,
    split_lines,
    word_count,
)
from service.ingest.alignment import PageTokens, locate_blocks
from service.ingest.html import looks_like_html, mask_html
from service.ingest.main_text import read_main_text
from service.ingest.masking import MaskedText
from service.ingest.metadata import detect_outlet, find_headline, headline_text, outlet_from_url
from service.ingest.page_metadata import PageMetadata, read_page_metadata
from service.ingest.publisher_blurb import mask_publisher_blurb, publisher_names
from service.ingest.widgets import mask_link_lines, mask_link_runs, mask_widgets, paragraphs_within
from service.records import Span

# Bylines, logos and outlet labels sit within the first lines of a page.
TOP_LINES = 12


@dataclass(frozen=True)
class Prepared:
    clean: str  # same length as the text: markup and boilerplate overwritten by spaces/newlines
    paragraphs: tuple[Span, ...]  # body paragraphs kept, trimmed of whitespace
    title: str
    title_span: Span | None
    source: str  # the outlet, or "" when the article does not say
    removed: tuple[tuple[Span, str], ...]  # what was blanked and why, in text order
    # The text with only its markup blanked: date lines and bylines are still there for metadata detection.
    unmasked: str
    page: PageMetadata | None = None  # what a web page declares about its article; None for plain text


def prepare(text: str, content_type: str = "text/plain", url: str = "", source_hint: str = "") -> Prepared:
    """Clean an article without moving any character. An article left without paragraphs is returned as such:
    the caller decides whether that is an error."""
    if "html" in content_type.lower() or looks_like_html(text):
        return _prepare_page(text, url, source_hint)
    return _prepare_text(text, url, source_hint)


def _prepare_text(text: str, url: str, source_hint: str) -> Prepared:
    """Plain text: the headline and header found by the shape of the first lines, debris by line rules."""
    masked = MaskedText(text)
    lines = split_lines(masked.text)
    top_lines = [line for line in lines if not line.blank][:TOP_LINES]
    header_lines: list[Line] = []
    first_body_line = 0
    title, title_span = "", None
    headline = find_headline(lines)
    if headline is not None:
        header_lines = [line for line in lines[:headline] if not line.blank]
        for line in header_lines:
            masked.mask(line.start, line.end, classify_line(line.content) or "header")
        title_line = lines[headline]
        title, title_span = headline_text(title_line.content), _title_span(title_line)
        masked.mask(title_line.start, title_line.end, "title")
        first_body_line = headline + 1
    source = source_hint.strip() or detect_outlet(masked.text, top_lines, header_lines, url, "")

    mask_debris_lines(masked, lines, first_body_line)
    clean = masked.text
    for paragraph in group_paragraphs(split_lines(clean)):
        mask_inline_debris(masked, clean, paragraph)
    clean = masked.text
    paragraphs = mask_repeats(masked, clean, group_paragraphs(split_lines(clean)), title)
    return Prepared(masked.text, tuple(paragraphs), title, title_span, source, masked.removed, text)


def _prepare_page(text: str, url: str, source_hint: str) -> Prepared:
    """A web page: markup blanked in place, then everything but the article's own blocks (as the main-text
    extractor finds them, put back onto the page) blanked too, then page widgets inside those blocks."""
    page = mask_html(text)
    metadata = read_page_metadata(text, url)
    masked = MaskedText(page.clean)
    for span, reason in page.removed:
        masked.note(span, reason)
    kept = _keep_main_text(masked, read_main_text(text, url).blocks, page.clean, page.embeds)
    clean = masked.text
    blocks = [p for span in kept for p in paragraphs_within(clean, span)]
    mask_widgets(masked, clean, blocks)
    mask_link_lines(masked, clean, blocks, page.links)
    mask_link_runs(masked, clean, blocks, page.links)
    clean = masked.text
    blocks = [p for span in kept for p in paragraphs_within(clean, span)]
    for paragraph in blocks:
        mask_inline_debris(masked, clean, paragraph)
    clean = masked.text
    title = metadata.title or page.title
    paragraphs = mask_repeats(masked, clean, [p for span in kept for p in paragraphs_within(clean, span)], title)
    paragraphs = mask_publisher_blurb(masked, clean, paragraphs, publisher_names(metadata.site_name))
    if not _is_article([p.of(clean) for p in paragraphs]):
        # Headlines of other stories, menu entries and labels are all an extractor finds on a section front or
        # a paywall stub: that is a page without an article, not an article of headlines.
        for paragraph in paragraphs:
            masked.mask(paragraph.start, paragraph.end, "no article")
        paragraphs = []
    # The outlet: the agency in a dateline first (its copy on another site is still its reporting), then what
    # the page declares.
    source = source_hint.strip() or detect_outlet(clean, [], [], "", "") or metadata.site_name or page.site_name
    if not source and url:
        source = outlet_from_url(url)
    return Prepared(masked.text, tuple(paragraphs), title, page.title_span, source, masked.removed, page.clean,
                    metadata)


# What an article has and a page of teasers, menus and labels has not: a sentence of some length, or (a list, a
# table, a text in a script without spaces between words) a body of text of some size.
PROSE_MIN_WORDS = 6
ARTICLE_MIN_WORD_CHARS = 300
_WORD_CHAR = re.compile(r"\w")
_CJK_SENTENCE_END = re.compile(r"[。！？]\W*$")


def _is_article(paragraphs: list[str]) -> bool:
    for text in paragraphs:
        text = text.strip()
        if (ends_sentence(text) and word_count(text) >= PROSE_MIN_WORDS) or (
                _CJK_SENTENCE_END.search(text) and len(_WORD_CHAR.findall(text)) >= 2 * PROSE_MIN_WORDS):
            return True
    return sum(len(_WORD_CHAR.findall(text)) for text in paragraphs) >= ARTICLE_MIN_WORD_CHARS


def _keep_main_text(masked: MaskedText, blocks: tuple[str, ...], visible: str, embeds: Sequence[Span] = ()
                    ) -> list[Span]:
    """Blank every visible character outside the article's own blocks (all of them when it has none); the
    blocks' spans."""
    kept = _one_line_one_block(with_embedded_posts(locate_blocks(blocks, PageTokens(visible)), embeds), visible)
    cursor = 0
    for span in kept:
        masked.mask(cursor, span.start, "boilerplate")
        cursor = max(cursor, span.end)
    masked.mask(cursor, len(visible), "boilerplate")
    return kept


def _one_line_one_block(kept: list[Span], visible: str) -> list[Span]:
    """Blocks that follow each other on one line of the page are one block: the extractor breaks its text
    where the page's source does, which the page shows as a space."""
    merged: list[Span] = []
    for span in kept:
        if merged and span.start >= merged[-1].end and not visible[merged[-1].end:span.start].strip(" \t"):
            merged[-1] = Span(merged[-1].start, span.end)
        else:
            merged.append(span)
    return merged


def with_embedded_posts(kept: list[Span], embeds: Sequence[Span]) -> list[Span]:
    """The kept blocks with the social-media posts the article embeds between them: a post quoted in the article
    ("a whole lot of people on Twitter pointed it out:" and the tweets) is its text, though extractors often
    drop it as a widget. A post before the article's first block or after its last is the page's, not the
    article's."""
    if not kept or not embeds:
        return kept
    first, last = kept[0].start, max(span.end for span in kept)
    spans = sorted(kept + [e for e in embeds if first < e.start and e.end < last], key=lambda s: s.start)
    merged: list[Span] = []
    for span in spans:
        if merged and span.start < merged[-1].end:  # a block the extractor kept from inside the post
            merged[-1] = Span(merged[-1].start, max(merged[-1].end, span.end))
        else:
            merged.append(span)
    return merged


def _title_span(line: Line) -> Span:
    """The headline's words, without the markdown that marks it as one."""
    start, end = line.start, line.end
    content = line.content
    lead = len(content) - len(content.lstrip("#*_ "))
    trail = len(content) - len(content.rstrip("*_ "))
    return Span(start + lead, end - trail)
