"""The publisher's description of itself at the end of its press release.

A company's newsroom ends each release with the same paragraphs about the company ("Ascom is a global solutions
provider ...", "Ascom is headquartered in Baar ..."), sometimes under an "About Ascom" heading, often set apart
only by a rule. They are the same on every release and say nothing of its news. They are told by what they say:
they open by naming the page's own publisher and saying what it is, and they close the article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from service.ingest.masking import MaskedText
from service.records import Span

# "Ascom is", "Acme Corp. (NASDAQ: ACME) is", "Ascom, headquartered in Baar,", "Ascom has".
_DESCRIBES = r"(?:,?\s+(?:inc|ltd|ag|sa|corp|plc|llc|group|holding)\.?)?(?:\s+\([^)]{1,40}\))?,?\s+" \
             r"(?:is|are|was|has|have|headquartered)\b"


def publisher_names(site_name: str) -> list[str]:
    """The names a page's publisher goes by: its site name, and for a host name ("ascom.com") its first label."""
    names = [site_name.strip()]
    if "." in site_name and " " not in site_name.strip():
        names.append(site_name.strip().removeprefix("www.").split(".")[0])
    return [name for name in names if len(name) >= 2]


def mask_publisher_blurb(masked: MaskedText, clean: str, paragraphs: Sequence[Span], names: Iterable[str]
                         ) -> list[Span]:
    """Blank the article's closing paragraphs that describe its publisher (and their "About X" heading); the
    paragraphs left."""
    alternatives = "|".join(re.escape(name) for name in names if name)
    if not alternatives or not paragraphs:
        return list(paragraphs)
    describes = re.compile(rf"^(?:the\s+)?(?:{alternatives}){_DESCRIBES}", re.IGNORECASE)
    heading = re.compile(rf"^about\s+(?:the\s+)?(?:{alternatives})\b\W*$", re.IGNORECASE)
    end = len(paragraphs)
    while end > 1:  # the article's first paragraph is its news, whatever it says
        text = " ".join(paragraphs[end - 1].of(clean).split())
        if not describes.search(text) and not (end < len(paragraphs) and heading.search(text)):
            break
        end -= 1
    for paragraph in paragraphs[end:]:
        masked.mask(paragraph.start, paragraph.end, "publisher blurb")
    return list(paragraphs[:end])
