"""The report as the renderers read it: plain frozen records, named like the contract's `Report` message but
free of protobuf, so the formats can be read, changed and tested without the wire. `crosscheck_render.wire`
builds them from a message; whoever holds a report in another form builds them the same way.

Enumerations are their contract names without the enum's prefix ("DATE_MISMATCH", "MAJOR", "SPELLING");
a value newer than the renderer is "UNSPECIFIED", which the renderers show as such."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# How much a severity weighs, for ordering: the contract's own order (unspecified lowest).
SEVERITY_RANK = {"UNSPECIFIED": 0, "INFO": 1, "MINOR": 2, "MAJOR": 3}


@dataclass(frozen=True, slots=True)
class Day:
    """A publication date whose parts may be unknown (0)."""

    year: int = 0
    month: int = 0
    day: int = 0

    def complete(self) -> dt.date | None:
        if not (self.year and self.month and self.day):
            return None
        try:
            return dt.date(self.year, self.month, self.day)
        except ValueError:
            return None


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    source: str = ""
    title: str = ""
    url: str = ""
    published: Day = field(default_factory=Day)


@dataclass(frozen=True, slots=True)
class Evidence:
    article_id: str
    source: str
    sentence: str
    value: str = ""
    cue: str = ""


@dataclass(frozen=True, slots=True)
class DiffEntry:
    op: str  # EQUAL, INSERT, DELETE or REPLACE
    a: str = ""
    b: str = ""
    category: str = "UNSPECIFIED"


@dataclass(frozen=True, slots=True)
class Finding:
    key: str
    kind: str
    severity: str
    confidence: float
    explanation: str
    evidence: tuple[Evidence, ...] = ()
    diff: tuple[DiffEntry, ...] = ()


@dataclass(frozen=True, slots=True)
class Corroboration:
    claim: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Story:
    story_id: str  # empty for findings across stories
    title: str
    articles: tuple[Article, ...] = ()
    discrepancies: tuple[Finding, ...] = ()
    agreements: tuple[Finding, ...] = ()
    corroborations: tuple[Corroboration, ...] = ()
    uncorroborated: tuple[Finding, ...] = ()


@dataclass(frozen=True, slots=True)
class FindingCount:
    kind: str
    severity: str
    count: int


@dataclass(frozen=True, slots=True)
class Totals:
    articles: int = 0
    sources: int = 0
    stories: int = 0
    claims: int = 0
    findings: tuple[FindingCount, ...] = ()
    undated: int = 0


@dataclass(frozen=True, slots=True)
class SourcePair:
    source_a: str
    source_b: str
    aligned: int
    agreed: int
    agreement: float


@dataclass(frozen=True, slots=True)
class SourceStats:
    source: str
    articles: int
    claims: int
    discrepancies: int
    discrepancy_rate: float


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    article_id: str
    source: str
    title: str
    published: Day
    findings: int
    discrepancies: int


@dataclass(frozen=True, slots=True)
class Changes:
    previous_report_id: str = ""
    new_findings: tuple[str, ...] = ()
    resolved_findings: tuple[str, ...] = ()
    new_articles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Report:
    since: dt.datetime  # aware, UTC
    until: dt.datetime
    id: str = ""
    created: dt.datetime | None = None
    totals: Totals = field(default_factory=Totals)
    stories: tuple[Story, ...] = ()
    matrix: tuple[SourcePair, ...] = ()
    sources: tuple[SourceStats, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    changes: Changes = field(default_factory=Changes)
    undated: tuple[Article, ...] = ()
