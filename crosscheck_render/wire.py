"""The contract's `Report` message as the renderers' records, and as the proto3 JSON mapping. The only module of
crosscheck_render that knows protobuf."""

from __future__ import annotations

import datetime as dt

from google.protobuf import json_format

from crosscheck_proto import crosscheck_pb2 as pb
from crosscheck_render import records as r


def _name(enum, value: int, prefix: str) -> str:
    try:
        return enum.Name(value).removeprefix(prefix)
    except ValueError:  # a value newer than these stubs
        return "UNSPECIFIED"


def _moment(stamp) -> dt.datetime:
    return stamp.ToDatetime(tzinfo=dt.timezone.utc)


def _day(date: pb.PartialDate) -> r.Day:
    return r.Day(date.year, date.month, date.day)


def _article(article: pb.Article) -> r.Article:
    return r.Article(article.id, article.source, article.title, article.url, _day(article.published))


def _finding(finding: pb.Finding) -> r.Finding:
    return r.Finding(
        key=finding.key,
        kind=_name(pb.FindingKind, finding.kind, "FINDING_KIND_"),
        severity=_name(pb.Severity, finding.severity, "SEVERITY_"),
        confidence=finding.confidence,
        explanation=finding.explanation,
        evidence=tuple(r.Evidence(e.article_id, e.source, e.sentence, e.value, e.cue) for e in finding.evidence),
        diff=tuple(
            r.DiffEntry(_name(pb.DiffOp, d.op, "DIFF_OP_"), d.a, d.b,
                        _name(pb.DiffCategory, d.category, "DIFF_CATEGORY_"))
            for d in finding.diff
        ),
    )


def _story(story: pb.ReportStory) -> r.Story:
    return r.Story(
        story_id=story.story_id,
        title=story.title,
        articles=tuple(_article(a) for a in story.articles),
        discrepancies=tuple(_finding(f) for f in story.discrepancies),
        agreements=tuple(_finding(f) for f in story.agreements),
        corroborations=tuple(r.Corroboration(c.claim, tuple(c.sources)) for c in story.corroborations),
        uncorroborated=tuple(_finding(f) for f in story.uncorroborated),
    )


def from_message(report: pb.Report) -> r.Report:
    totals = report.totals
    changes = report.changes
    return r.Report(
        since=_moment(report.since),
        until=_moment(report.until),
        id=report.id,
        created=_moment(report.created) if report.HasField("created") and report.created.seconds else None,
        totals=r.Totals(
            totals.articles, totals.sources, totals.stories, totals.claims,
            tuple(r.FindingCount(_name(pb.FindingKind, c.kind, "FINDING_KIND_"),
                                 _name(pb.Severity, c.severity, "SEVERITY_"), c.count) for c in totals.findings),
            totals.undated,
        ),
        stories=tuple(_story(s) for s in report.stories),
        matrix=tuple(r.SourcePair(p.source_a, p.source_b, p.aligned, p.agreed, p.agreement) for p in report.matrix),
        sources=tuple(r.SourceStats(s.source, s.articles, s.claims, s.discrepancies, s.discrepancy_rate)
                      for s in report.sources),
        timeline=tuple(r.TimelineEntry(e.article_id, e.source, e.title, _day(e.published), e.findings,
                                       e.discrepancies) for e in report.timeline),
        changes=r.Changes(changes.previous_report_id, tuple(changes.new_findings),
                          tuple(changes.resolved_findings), tuple(changes.new_articles)),
        undated=tuple(_article(a) for a in report.undated),
    )


def render_json(report: pb.Report) -> str:
    """The report as the contract's JSON mapping, with the .proto field names: what a program reads."""
    return json_format.MessageToJson(report, preserving_proto_field_name=True)
