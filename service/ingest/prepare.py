"""From submitted text to the clean text, body paragraphs, headline and outlet the extractors work on."""

from __future__ import annotations

from dataclasses import dataclass

from service.ingest.boilerplate import (
    Line,
    classify_line,
    group_paragraphs,
    mask_debris_lines,
    mask_inline_debris,
    mask_repeats,
    split_lines,
)
from service.ingest.html import looks_like_html, mask_html
from service.ingest.masking import MaskedText
from service.ingest.metadata import detect_outlet, find_headline, headline_text
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


def prepare(text: str, content_type: str = "text/plain", url: str = "", source_hint: str = "") -> Prepared:
    """Clean an article without moving any character. An article left without paragraphs is returned as such:
    the caller decides whether that is an error."""
    title, title_span, site_name = "", None, ""
    if "html" in content_type.lower() or looks_like_html(text):
        page = mask_html(text)
        unmasked = page.clean
        masked = MaskedText(page.clean)
        for span, reason in page.removed:
            masked.note(span, reason)
        title, title_span, site_name = page.title, page.title_span, page.site_name
    else:
        unmasked = text
        masked = MaskedText(text)

    lines = split_lines(masked.text)
    top_lines = [line for line in lines if not line.blank][:TOP_LINES]
    header_lines: list[Line] = []
    first_body_line = 0
    if title_span is None and not title:
        headline = find_headline(lines)
        if headline is not None:
            header_lines = [line for line in lines[:headline] if not line.blank]
            for line in header_lines:
                masked.mask(line.start, line.end, classify_line(line.content) or "header")
            title_line = lines[headline]
            title, title_span = headline_text(title_line.content), _title_span(title_line)
            masked.mask(title_line.start, title_line.end, "title")
            first_body_line = headline + 1
    source = source_hint.strip() or detect_outlet(masked.text, top_lines, header_lines, url, site_name)

    mask_debris_lines(masked, lines, first_body_line)
    clean = masked.text
    for paragraph in group_paragraphs(split_lines(clean)):
        mask_inline_debris(masked, clean, paragraph)
    clean = masked.text
    paragraphs = mask_repeats(masked, clean, group_paragraphs(split_lines(clean)), title)
    return Prepared(masked.text, tuple(paragraphs), title, title_span, source, masked.removed, unmasked)


def _title_span(line: Line) -> Span:
    """The headline's words, without the markdown that marks it as one."""
    start, end = line.start, line.end
    content = line.content
    lead = len(content) - len(content.lstrip("#*_ "))
    trail = len(content) - len(content.rstrip("*_ "))
    return Span(start + lead, end - trail)
