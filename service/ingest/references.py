"""Character references of an HTML article (&ldquo; &#8217; &amp;) and the spans that touch them.

`clean` keeps every offset by writing a reference's character(s) where the reference starts and padding the rest
with spaces. Two consequences are repaired here, for HTML articles only: a boundary that falls inside a reference
(a quote that opens with &ldquo; starts right after the mark, on the padding) is moved to the reference's end, and
text shown to people or to the model leaves the padding out ("Russia&#8217;s" reads "Russia’s", not "Russia’ s").
"""

from __future__ import annotations

import dataclasses
import html
import re
from bisect import bisect_right
from typing import Any

from service.records import Span
from service.one_line import one_line

_REFERENCE = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")


@dataclasses.dataclass(frozen=True, slots=True)
class Reference:
    span: Span  # the reference in the submitted text
    decoded: int  # how many characters it decodes to (written at its start in `clean`)


def references(text: str) -> list[Reference]:
    found = []
    for m in _REFERENCE.finditer(text):
        value = html.unescape(m.group())
        if value != m.group() and len(value) <= len(m.group()):
            found.append(Reference(Span(m.start(), m.end()), len(value)))
    return found


class ReferenceMap:
    def __init__(self, text: str) -> None:
        self.references = references(text)
        self._starts = [r.span.start for r in self.references]

    def _inside(self, offset: int) -> Reference | None:
        i = bisect_right(self._starts, offset) - 1
        if i >= 0:
            ref = self.references[i]
            if ref.span.start < offset < ref.span.end:
                return ref
        return None

    def snap(self, span: Span) -> Span:
        start_ref, end_ref = self._inside(span.start), self._inside(span.end)
        start = start_ref.span.end if start_ref else span.start
        end = end_ref.span.end if end_ref else span.end
        return Span(min(start, end), end)

    def snap_all(self, value: Any) -> Any:
        """`value` with every Span inside it (records, tuples, nested) snapped."""
        if isinstance(value, Span):
            return self.snap(value)
        if isinstance(value, tuple):
            return tuple(self.snap_all(v) for v in value)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes = {}
            for f in dataclasses.fields(value):
                old = getattr(value, f.name)
                new = self.snap_all(old)
                if new is not old:
                    changes[f.name] = new
            return dataclasses.replace(value, **changes) if changes else value
        return value

    def visible(self, clean: str, span: Span) -> str:
        """The span's text without reference padding, whitespace collapsed."""
        pieces, cursor = [], span.start
        i = max(0, bisect_right(self._starts, span.start) - 1)
        for ref in self.references[i:]:
            if ref.span.start >= span.end:
                break
            pad_start, pad_end = ref.span.start + ref.decoded, ref.span.end
            if pad_end <= cursor:
                continue
            pieces.append(clean[cursor:max(cursor, min(pad_start, span.end))])
            cursor = max(cursor, min(pad_end, span.end))
        pieces.append(clean[cursor:span.end])
        return one_line("".join(pieces))

