"""HTML to position-preserving clean text, with the page's own title and publisher metadata.

Everything but character data is blanked: tags become spaces (block-level tags start and end with a newline so
paragraphs stay apart, and the source's own line breaks outside <pre> become spaces, as a browser shows them), entities become their character followed by padding spaces, and whole elements that are
never article text (scripts, navigation, headers, footers, asides, forms) are blanked with their contents. The
stdlib parser reports where each construct starts, which is all that is needed to keep offsets exact.
"""

from __future__ import annotations

import html
import bisect
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from service.ingest.masking import blanked
from service.records import Span

# Elements whose whole content is page furniture, with the reason recorded for them.
SKIPPED_ELEMENTS: dict[str, str] = {
    "head": "head",
    "script": "script",
    "noscript": "script",
    "style": "style",
    "template": "script",
    "svg": "markup",
    "iframe": "markup",
    "nav": "navigation",
    "header": "header",
    "footer": "footer",
    "aside": "related",
    "form": "form",
    "figcaption": "photo credit",
}

BLOCK_ELEMENTS = frozenset(
    "address article blockquote body br dd div dl dt figure h1 h2 h3 h4 h5 h6 hr html li main ol p pre "
    "section table tbody tfoot thead tr ul".split()
)
# A table row is one line of text, its cells side by side as a reader sees them ("DL  Larry Ogunjobi  63  85%"):
# a cell's tags are blanked as spaces (the source's line breaks are whitespace everywhere, see
# `_source_breaks_as_spaces`). Block elements inside a cell (a layout table's paragraphs) still break lines.
# The classes the social networks' embed code gives the quoted post: its text is a quotation of the article.
EMBED_CLASSES = frozenset({"twitter-tweet", "twitter-video", "instagram-media", "tiktok-embed"})

_HTML_SNIFF = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)
_BLOCK_CLOSE = re.compile(r"</(?:p|div|body|html|li|h[1-6])\s*>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """A document that declares itself HTML, or plain text carrying several closing block tags."""
    return bool(_HTML_SNIFF.match(text)) or len(_BLOCK_CLOSE.findall(text[:20000])) >= 3


@dataclass(frozen=True)
class HtmlPage:
    clean: str
    title: str
    title_span: Span | None
    site_name: str
    removed: tuple[tuple[Span, str], ...]
    links: tuple[Span, ...] = ()  # the content of each link to another page (<a href>), start tag to end tag
    embeds: tuple[Span, ...] = ()  # each embedded social-media post (<blockquote class="twitter-tweet">, ...)


def mask_html(text: str) -> HtmlPage:
    parser = _PositionParser(text)
    parser.feed(text)
    parser.close()
    return parser.page()


def _collapse(value: str) -> str:
    return " ".join(value.split())


class _PositionParser(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self._text = text
        self._chars = list(blanked(text))
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._skip: list[tuple[str, int]] = []  # open skipped elements and where they start
        self._removed: list[tuple[Span, str]] = []
        self._capture: str | None = None  # "title" or "h1" while inside one
        self._captured: dict[str, list[tuple[int, int, str]]] = {"title": [], "h1": []}
        self._meta: dict[str, str] = {}
        self._block_breaks: set[int] = set()  # line breaks made by block tags (not the source's own)
        self._link_start: int | None = None  # where the open <a href>'s content starts
        self._links: list[Span] = []
        self._embed_start: int | None = None  # where the open embedded post starts
        self._embed_depth = 0  # blockquotes open inside it
        self._embeds: list[Span] = []
        self._pre_start: int | None = None  # where the open <pre> starts: its line breaks are the text's own
        self._pre_spans: list[Span] = []

    # ------------------------------------------------------------------ positions

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _newline_at(self, position: int) -> None:
        if 0 <= position < len(self._chars):
            self._chars[position] = "\n"
            self._block_breaks.add(position)

    def _end_link(self, end: int) -> None:
        if self._link_start is not None and end > self._link_start:
            self._links.append(Span(self._link_start, end))
        self._link_start = None

    # ------------------------------------------------------------------ handlers

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        end = start + len(self.get_starttag_text() or "")
        if tag == "meta":
            self._read_meta(dict(attrs))
        if tag in SKIPPED_ELEMENTS:
            self._skip.append((tag, start))
        if tag in BLOCK_ELEMENTS:
            self._newline_at(start)
            self._newline_at(end - 1)
        if tag in ("title", "h1") and self._capture is None:
            self._capture = tag
        if tag == "pre" and self._pre_start is None:
            self._pre_start = start
        if tag == "blockquote":
            if self._embed_start is not None:
                self._embed_depth += 1
            elif EMBED_CLASSES & set((dict(attrs).get("class") or "").split()):
                self._embed_start, self._embed_depth = start, 0
        if tag == "a":
            # Links do not nest: an unclosed one ends where the next starts.
            self._end_link(start)
            href = (dict(attrs).get("href") or "").strip().lower()
            # A link to another page; an e-mail address or a script's action is not one.
            if href and not href.startswith(("mailto:", "tel:", "javascript:", "#")):
                self._link_start = end

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        if tag == "meta":
            self._read_meta(dict(attrs))
        if tag in BLOCK_ELEMENTS:
            self._newline_at(start)

    def handle_endtag(self, tag: str) -> None:
        start = self._offset()
        close = self._text.find(">", start)
        end = len(self._text) if close < 0 else close + 1
        if tag == "a":
            self._end_link(start)
        if tag == "pre" and self._pre_start is not None:
            self._pre_spans.append(Span(self._pre_start, end))
            self._pre_start = None
        if tag == "blockquote" and self._embed_start is not None:
            if self._embed_depth == 0:
                self._embeds.append(Span(self._embed_start, end))
                self._embed_start = None
            else:
                self._embed_depth -= 1
        if tag in BLOCK_ELEMENTS:
            self._newline_at(start)
            self._newline_at(end - 1)
        if self._capture == tag:
            self._capture = None
        for depth in range(len(self._skip) - 1, -1, -1):
            if self._skip[depth][0] == tag:
                opened_at = self._skip[depth][1]
                del self._skip[depth:]
                self._removed.append((Span(opened_at, end), SKIPPED_ELEMENTS.get(tag, "markup")))
                break

    def handle_data(self, data: str) -> None:
        start = self._offset()
        self._keep(start, data)

    def handle_entityref(self, name: str) -> None:
        self._entity(f"&{name}")

    def handle_charref(self, name: str) -> None:
        self._entity(f"&#{name}")

    def handle_comment(self, data: str) -> None:
        start = self._offset()
        self._removed.append((Span(start, min(len(self._text), start + len(data) + 7)), "comment"))

    # ------------------------------------------------------------------ helpers

    def _entity(self, raw: str) -> None:
        start = self._offset()
        if self._text.startswith(";", start + len(raw)):
            raw += ";"
        value = html.unescape(raw)
        if value == raw or len(value) > len(raw):  # unknown entity: it is literal text
            self._keep(start, raw)
            return
        self._keep(start, value)

    def _keep(self, start: int, value: str) -> None:
        if self._capture is not None:
            self._captured[self._capture].append((start, start + len(value), value))
        if self._skip or self._capture is not None:
            return
        for i, char in enumerate(value):
            self._chars[start + i] = char

    def _read_meta(self, attrs: dict[str, str | None]) -> None:
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        content = _collapse(attrs.get("content") or "")
        if key and content and key not in self._meta:
            self._meta[key] = content

    # ------------------------------------------------------------------ result

    def _source_breaks_as_spaces(self) -> None:
        """A line break in the page's source is whitespace, as a browser shows it: only block elements (and the
        text of a <pre>) break the text's lines. So a sentence the source wraps, a link on a source line of its
        own, is one line of the text."""
        pre = self._pre_spans + ([Span(self._pre_start, len(self._chars))] if self._pre_start is not None else [])
        # <pre> elements do not overlap (a nested one is inside the outer's span), so each break is looked up
        # among their starts: a page of many lines and many <pre> costs no more than their sum.
        starts = [s.start for s in pre]
        for position in self._line_starts[1:]:
            newline = position - 1
            if newline in self._block_breaks:
                continue
            inside = bisect.bisect_right(starts, newline) - 1
            if inside < 0 or newline >= pre[inside].end:
                self._chars[newline] = " "

    def page(self) -> HtmlPage:
        self._source_breaks_as_spaces()
        removed = list(self._removed)
        site_name = next(
            (self._meta[key] for key in ("og:site_name", "publisher", "article:publisher", "application-name")
             if self._meta.get(key) and not self._meta[key].startswith("http")),
            "",
        )
        # The visible headline first (it has a place in the text), then the page's declared title, then the
        # <title>, which usually carries the site's name as a suffix.
        title, title_span = self._captured_text("h1")
        if title_span is not None:
            removed.append((title_span, "title"))
        elif self._meta.get("og:title"):
            title = self._meta["og:title"]
        else:
            title, title_span = self._captured_text("title")
            title = _strip_site_suffix(title, site_name) if site_name else title
        return HtmlPage("".join(self._chars), title, title_span, site_name,
                        tuple(sorted(removed, key=lambda r: r[0].start)), tuple(self._links), tuple(self._embeds))

    def _captured_text(self, element: str) -> tuple[str, Span | None]:
        pieces = self._captured[element]
        words = _collapse("".join(piece[2] for piece in pieces))
        if not words:
            return "", None
        start, end = pieces[0][0], pieces[-1][1]
        while start < end and self._text[start].isspace():
            start += 1
        while end > start and self._text[end - 1].isspace():
            end -= 1
        return words, Span(start, end)


def _strip_site_suffix(title: str, site_name: str) -> str:
    """"Headline | The Site" -> "Headline" when the tail is the site's own name."""
    for separator in (" | ", " - ", " — ", " – "):
        head, _, tail = title.rpartition(separator)
        if head and tail.strip().lower() == site_name.lower():
            return head.strip()
    return title
