"""Builds a report message for a window of publication days from the engine's articles and findings. Pure: it
stores nothing."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Sequence

from crosscheck_proto import crosscheck_pb2 as pb
from crosscheck_render.labels import is_discrepancy
from service import convert
from service.engine import Engine
from service.reports import sections
from service.reports.identity import content_digest, report_id
from service.reports.window import DayWindow

# Findings that involve articles of different stories (a person's office across events) are not any one story's.
CROSS_STORY_TITLE = "Across stories"


def _by_severity(findings: Sequence[pb.Finding]) -> list[pb.Finding]:
    # Stable: within a severity the comparison stage's order (kind, then position in the articles) is kept.
    return sorted(findings, key=lambda f: -f.severity)


def _story(story_id: str, articles: Sequence[pb.Article], findings: Sequence[pb.Finding]) -> pb.ReportStory:
    ordered_articles = sorted(articles, key=lambda a: (a.published.year, a.published.month, a.published.day,
                                                       a.source, a.id))
    agreements = [f for f in findings if f.kind == pb.FINDING_KIND_AGREEMENT]
    return pb.ReportStory(
        story_id=story_id,
        title=(ordered_articles[0].title if story_id and ordered_articles else CROSS_STORY_TITLE),
        articles=ordered_articles,
        discrepancies=_by_severity([f for f in findings if is_discrepancy(f)]),
        agreements=agreements,
        corroborations=sections.corroborations(agreements),
        uncorroborated=[f for f in findings if f.kind == pb.FINDING_KIND_UNCORROBORATED],
    )


def _story_rank(story: pb.ReportStory) -> tuple:
    newest = max(((a.published.year, a.published.month, a.published.day) for a in story.articles), default=(0, 0, 0))
    worst = max((f.severity for f in story.discrepancies), default=0)
    return (not story.discrepancies, -worst, -len(story.discrepancies), tuple(-p for p in newest), story.story_id)


def assemble(window: DayWindow, articles: Sequence[pb.Article], findings: Sequence[pb.Finding]) -> pb.Report:
    """The report over already converted articles and findings; id and digest filled, no `created`."""
    articles_by_story: dict[str, list[pb.Article]] = defaultdict(list)
    for article in articles:
        articles_by_story[article.story_id].append(article)
    findings_by_story: dict[str, list[pb.Finding]] = defaultdict(list)
    for finding in findings:
        findings_by_story[finding.story_id].append(finding)

    by_id = {a.id: a for a in articles}
    stories = []
    for story_id in sorted(set(articles_by_story) | set(findings_by_story)):
        members = articles_by_story.get(story_id, [])
        if not story_id:  # cross-story findings: show the articles they involve
            involved = {e.article_id for f in findings_by_story[story_id] for e in f.evidence}
            known = {a.id for a in members}
            members = members + [by_id[i] for i in sorted(involved - known) if i in by_id]
        if members or findings_by_story.get(story_id):
            stories.append(_story(story_id, members, findings_by_story.get(story_id, [])))
    stories.sort(key=_story_rank)

    report = pb.Report(
        since=convert.timestamp(window.since),
        until=convert.timestamp(window.until),
        totals=sections.totals(articles, len([s for s in stories if s.story_id]), findings),
        stories=stories,
        matrix=sections.agreement_matrix((a.source for a in articles), findings),
        sources=sections.source_stats(articles, findings),
        timeline=sections.timeline(articles, findings),
        changes=pb.ReportChanges(),
    )
    report.content_digest = content_digest(report)
    report.id = report_id(report)
    return report


def build_window(engine: Engine, window: DayWindow) -> pb.Report:
    ids = engine.select(since=window.first_day, until=window.end_day)
    if ids:
        summaries, findings = engine.check(ids)
    else:
        summaries, findings = [], []
    report = assemble(window, [convert.summary(s) for s in summaries], [convert.finding(f) for f in findings])
    report.created.CopyFrom(convert.timestamp(dt.datetime.now(dt.timezone.utc)))
    return report
