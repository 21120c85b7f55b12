"""A consistency report as typed records. The report is built, identified, stored and compared as these; it
becomes a protobuf `Report` only at the edge (service.convert), for the wire and for the rendered files."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from service.records import Finding, FindingKind, PartialDate, Severity
from service.store.base import ArticleSummary


@dataclass(frozen=True, slots=True)
class FindingCount:
    kind: FindingKind
    severity: Severity
    count: int


@dataclass(frozen=True, slots=True)
class ReportTotals:
    articles: int = 0
    sources: int = 0
    stories: int = 0
    claims: int = 0
    findings: tuple[FindingCount, ...] = ()
    undated: int = 0  # stored articles no window holds: their publication day is not known


@dataclass(frozen=True, slots=True)
class SourcePair:
    """Two sources (alphabetical), how many of their claims were aligned and how many of those agreed."""

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
    discrepancy_rate: float  # discrepancies per claim


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    article_id: str
    source: str
    title: str
    published: PartialDate | None
    findings: int
    discrepancies: int


@dataclass(frozen=True, slots=True)
class Corroboration:
    claim: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ReportStory:
    story_id: str  # empty for the findings that involve articles of different stories
    title: str
    articles: tuple[ArticleSummary, ...]
    discrepancies: tuple[Finding, ...]
    agreements: tuple[Finding, ...]
    corroborations: tuple[Corroboration, ...]
    uncorroborated: tuple[Finding, ...]


@dataclass(frozen=True, slots=True)
class ReportChanges:
    """What differs from the previous report; empty when there is none to compare with."""

    previous_report_id: str = ""
    new_findings: tuple[str, ...] = ()
    resolved_findings: tuple[str, ...] = ()
    new_articles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Report:
    since: dt.datetime
    until: dt.datetime
    totals: ReportTotals
    stories: tuple[ReportStory, ...]
    matrix: tuple[SourcePair, ...]
    sources: tuple[SourceStats, ...]
    timeline: tuple[TimelineEntry, ...]
    changes: ReportChanges = field(default_factory=ReportChanges)
    id: str = ""
    content_digest: str = ""
    created: dt.datetime | None = None
    undated: tuple[ArticleSummary, ...] = ()  # the first of them, most recently stored first
