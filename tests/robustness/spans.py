"""What a user sees at a span of the submitted text: tags dropped, entities decoded, whitespace ignored."""

from __future__ import annotations

import html
import re
from typing import Iterator

from crosscheck_proto import crosscheck_pb2 as pb

_MARKUP = re.compile(r"<!--.*?-->|<[^>]*>|&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);", re.DOTALL)
_TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)


def visible(text: str) -> str:
    """The characters a reader of the rendered page sees in `text`, whitespace collapsed."""
    return " ".join(html.unescape(_TAG.sub(" ", text)).split())


def squeezed(text: str) -> str:
    return "".join(text.split())


def cuts_markup(text: str, offset: int) -> bool:
    """True when `offset` falls strictly inside a tag, comment or character reference."""
    return any(m.start() < offset < m.end() for m in _MARKUP.finditer(text))


def spans_of(response: pb.ExtractResponse | pb.GetArticleResponse, *, quotes: bool = True,
             ) -> Iterator[tuple[str, pb.Span, str]]:
    """(what, span, the words the service says are there) for every span an extraction returns."""
    for sentence in response.sentences:
        yield "sentence", sentence.span, sentence.text
    for claim in response.claims:
        yield "claim", claim.span, claim.text
        for time in claim.times:
            yield "time", time.span, time.text
        for quantity in claim.quantities:
            yield "quantity", quantity.span, quantity.text
        for entity in claim.entities:
            yield "entity", entity.span, entity.text
        for quote in claim.quotes if quotes else ():
            for part in quote.parts:
                yield "quote part", part, ""


def span_problems(text: str, response: pb.ExtractResponse | pb.GetArticleResponse, *, quotes: bool = True,
                  ) -> list[str]:
    """Every span that is out of range, cuts into markup, or does not hold the words reported for it."""
    problems = []
    for what, span, words in spans_of(response, quotes=quotes):
        if not 0 <= span.start < span.end <= len(text):
            problems.append(f"{what} {span.start}-{span.end} outside the text of length {len(text)}")
            continue
        for offset in (span.start, span.end):
            if cuts_markup(text, offset):
                problems.append(f"{what} {span.start}-{span.end} cuts markup at {offset}: "
                                f"{text[max(0, offset - 10):offset + 10]!r}")
        if words and squeezed(visible(text[span.start:span.end])) != squeezed(html.unescape(words)):
            problems.append(f"{what} {span.start}-{span.end} holds {visible(text[span.start:span.end])!r}, "
                            f"reported as {words!r}")
    return problems
