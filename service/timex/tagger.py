"""Finds every temporal expression in a text: all rules run, the longest non-overlapping readings win."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from service.records import Granularity, PartialDate, Span, TimeExpression, TimeType
from service.timex import anaphora, deictic, explicit, holidays, spoken
from service.timex.calendar import interval, narrow
from service.timex.reading import Context, Reading, Rule
from service.timex.tense import is_future

RULES: tuple[Rule, ...] = explicit.RULES + spoken.RULES + holidays.RULES + deictic.RULES
_PARTIAL = re.compile(r"^XXXX-(\d{2})(?:-(\d{2}))?")
_KNOWN = re.compile(r"^\d{4}-(\d{2})(?:-(\d{2}))?")
_GRANULARITY_OF_PARTIAL = {1: Granularity.MONTH, 2: Granularity.DAY}


def tag_times(text: str, anchor: PartialDate | None, regions: Sequence[Span] | None = None) -> list[TimeExpression]:
    """Every temporal expression in `text` (inside `regions` when given), in order, resolved against `anchor`."""
    context = Context(text, anchor, functools.lru_cache(maxsize=None)(lambda s, e: is_future(text, s, e)))
    candidates: list[tuple[Span, int, Reading]] = []
    windows = _scan_windows(text, regions)
    for order, rule in enumerate(RULES):
        for match in (m for start, end in windows for m in rule.pattern.finditer(text, start, end)):
            if match.end() == match.start():
                continue
            reading = rule.handler(match, context)
            if reading is None:
                continue
            span = Span(match.start() + reading.start_offset, match.end())
            if regions is not None and not any(region.contains(span) for region in regions):
                continue
            candidates.append((span, order, reading))
    # Longest first; on equal length the earlier rule (explicit dates before relative ones) wins.
    candidates.sort(key=lambda c: (-len(c[0]), c[1], c[0].start))
    chosen: list[tuple[Span, Reading]] = []
    for span, _, reading in candidates:
        if not any(span.overlaps(taken) for taken, _ in chosen):
            chosen.append((span, reading))
    chosen.sort(key=lambda c: c[0].start)
    return [_expression(text, span, reading, anchor) for span, reading in anaphora.resolve(chosen, anchor)]


# Regions this many blank characters apart are scanned apart. On a web page the article's paragraphs lie in
# megabytes of blanked markup, and every rule's pattern would otherwise be tried at each of those positions; an
# expression that crossed such a stretch of blanks would lie in no region and be dropped anyway. The scan runs on
# this many characters past a region, so that a pattern's look-ahead sees what it saw on the whole text.
SCAN_GAP = 256


def _scan_windows(text: str, regions: Sequence[Span] | None) -> list[tuple[int, int]]:
    """(start, end) stretches of `text` to run the patterns over: the regions, joined where little or anything
    but blanks separates them."""
    if regions is None:
        return [(0, len(text))]
    windows: list[list[int]] = []
    for region in sorted(regions, key=lambda r: r.start):
        if windows and (region.start - windows[-1][1] < SCAN_GAP
                        or not text[windows[-1][1]:region.start].isspace()):
            windows[-1][1] = max(windows[-1][1], region.end)
        else:
            windows.append([region.start, region.end])
    return [(start, min(len(text), end + SCAN_GAP)) for start, end in windows]


def _expression(text: str, span: Span, reading: Reading, anchor: PartialDate | None) -> TimeExpression:
    begin = end = None
    granularity = Granularity.UNKNOWN
    month = day = None
    if reading.type in (TimeType.DATE, TimeType.TIME) and not reading.vague:
        bounds = interval(reading.value)
        if bounds is not None:
            begin, end, granularity = bounds
            begin, end = narrow(begin, end, reading.modifier)
        if m := _PARTIAL.match(reading.value) or _KNOWN.match(reading.value):
            month = int(m[1])
            day = int(m[2]) if m[2] else None
            if bounds is None:
                granularity = _GRANULARITY_OF_PARTIAL[1 if day is None else 2]
        elif "-W" in reading.value:
            granularity = Granularity.WEEK if bounds is None else granularity
    return TimeExpression(
        span=span,
        text=span.of(text),
        type=reading.type,
        value=reading.value,
        granularity=granularity,
        begin=begin,
        end=end,
        vague=reading.vague,
        relative=reading.relative,
        modifier=reading.modifier,
        anchor=anchor if reading.relative else None,
        month=month,
        day=day,
    )
