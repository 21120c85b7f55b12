"""Builds the report of a window of publication days from the engine's articles and findings. Pure: it stores
nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from typing import Sequence

from service.compare.evidence import is_discrepancy
from service.engine import Engine
from service.records import Finding, FindingKind
from service.reports import sections
from service.reports.left_out import undated_articles
from service.reports.identity import content_digest, report_id
from service.reports.records import Report, ReportStory
from service.reports.window import DayWindow
from service.store.base import ArticleSummary

# Findings that involve articles of different stories (a person's office across events) are not any one story's.
CROSS_STORY_TITLE = "Across stories"


def _by_severity(findings: Sequence[Finding]) -> tuple[Finding, ...]:
    # Stable: within a severity the comparison stage's order (kind, then position in the articles) is kept.
    return tuple(sorted(findings, key=lambda f: -sections.declared_order(f.severity)))


def _story(story_id: str, articles: Sequence[ArticleSummary], findings: Sequence[Finding]) -> ReportStory:
    ordered_articles = sorted(articles, key=lambda s: (sections.date_key(s.article.published), s.article.source,
                                                       s.article.id))
    agreements = [f for f in findings if f.kind is FindingKind.AGREEMENT]
    return ReportStory(
        story_id=story_id,
        title=(ordered_articles[0].article.title if story_id and ordered_articles else CROSS_STORY_TITLE),
        articles=tuple(ordered_articles),
        discrepancies=_by_severity([f for f in findings if is_discrepancy(f)]),
        agreements=tuple(agreements),
        corroborations=sections.corroborations(agreements),
        uncorroborated=tuple(f for f in findings if f.kind is FindingKind.UNCORROBORATED),
    )


def _story_rank(story: ReportStory) -> tuple:
    newest = max((sections.date_key(s.article.published) for s in story.articles), default=(0, 0, 0))
    worst = max((sections.declared_order(f.severity) for f in story.discrepancies), default=-1)
    return (not story.discrepancies, -worst, -len(story.discrepancies), tuple(-p for p in newest), story.story_id)


def _without_text(summary: ArticleSummary) -> ArticleSummary:
    # A report names its articles; their text stays in the store (reports are stored whole, one per build).
    return dataclasses.replace(summary, article=dataclasses.replace(summary.article, text="", clean=""))


def assemble(window: DayWindow, articles: Sequence[ArticleSummary], findings: Sequence[Finding],
             undated: Sequence[ArticleSummary] = (), undated_count: int = 0) -> Report:
    """The report over the window's articles and findings, naming the stored articles no window holds; id and
    digest filled, no `created`."""
    articles = [_without_text(s) for s in articles]
    articles_by_story: dict[str, list[ArticleSummary]] = defaultdict(list)
    for summary in articles:
        articles_by_story[summary.story_id].append(summary)
    findings_by_story: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        findings_by_story[finding.story_id].append(finding)

    by_id = {s.article.id: s for s in articles}
    stories = []
    for story_id in sorted(set(articles_by_story) | set(findings_by_story)):
        members = articles_by_story.get(story_id, [])
        if not story_id:  # cross-story findings: show the articles they involve
            involved = {e.article_id for f in findings_by_story[story_id] for e in f.evidence}
            known = {s.article.id for s in members}
            members = members + [by_id[i] for i in sorted(involved - known) if i in by_id]
        if members or findings_by_story.get(story_id):
            stories.append(_story(story_id, members, findings_by_story.get(story_id, [])))
    stories.sort(key=_story_rank)

    report = Report(
        since=window.since,
        until=window.until,
        totals=sections.totals(articles, len([s for s in stories if s.story_id]), findings),
        stories=tuple(stories),
        matrix=sections.agreement_matrix((s.article.source for s in articles), findings),
        sources=sections.source_stats(articles, findings),
        timeline=sections.timeline(articles, findings),
        undated=tuple(_without_text(s) for s in undated),
    )
    report = dataclasses.replace(report, totals=dataclasses.replace(report.totals, undated=undated_count))
    report = dataclasses.replace(report, content_digest=content_digest(report))
    return dataclasses.replace(report, id=report_id(report))


def build_window(engine: Engine, window: DayWindow) -> Report:
    ids = engine.select(since=window.first_day, until=window.end_day)
    if ids:
        summaries, findings = engine.check(ids)
    else:
        summaries, findings = [], []
    undated, undated_count = undated_articles(engine.store)
    report = assemble(window, summaries, findings, undated, undated_count)
    return dataclasses.replace(report, created=dt.datetime.now(dt.timezone.utc))
