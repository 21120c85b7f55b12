"""The article's own text blocks on a web page, as trafilatura reads them.

trafilatura was chosen after measuring it beside readability-lxml and jusText on real article pages (see the
README's "Web pages" results): its precision-favouring mode keeps the fewest non-article words while losing
almost none of the article, and it already falls back to readability and jusText on pages its own rules cannot
read. Its output is plain text, not offsets: `alignment` puts each block back onto the submitted page.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

log = logging.getLogger("crosscheck.ingest")

# A block shorter than this many word characters carries no claim and only risks aligning in the wrong place.
MIN_BLOCK_CHARS = 2
_WORD = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class MainText:
    blocks: tuple[str, ...]  # the article's paragraphs, headings and list items, in page order


def read_main_text(html: str, url: str = "") -> MainText:
    """The article's text blocks; empty when the page has no article the extractor can find."""
    import trafilatura  # a service-side dependency, imported where it is used so the client never loads it

    text = None
    # Precision first; a page on which that finds nothing is read again with the default balance, so that a
    # page with an article is never left without one.
    for mode in ({"favor_precision": True}, {}):
        try:
            text = trafilatura.extract(
                html,
                url=url or None,
                include_comments=False,
                include_tables=True,
                include_images=False,
                include_links=False,
                deduplicate=False,  # the page's own repeats are handled (and recorded) by mask_repeats
                **mode,
            )
        except (ValueError, TypeError, RecursionError) as exc:  # markup the parser gives up on
            log.info("main text extraction failed", extra={"reason": f"{type(exc).__name__}: {exc}"})
            text = None
        if text and text.strip():
            break
    blocks = tuple(
        line.strip() for line in (text or "").splitlines() if len(_WORD.findall(line)) >= MIN_BLOCK_CHARS
    )
    return MainText(blocks)
