"""Reports as the service offers them: built once per window and content, stored, and compared with the report
before them so an editor sees what is new and what was resolved."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging

from service import codec
from service.engine import Engine
from service.reports.build import build_window
from service.reports.identity import article_ids, canonical_json, finding_keys
from service.reports.records import Report, ReportChanges
from service.reports.window import DayWindow, day_window
from service.store import StoredReport

log = logging.getLogger("crosscheck.reports")

# How far back the previous window's report is looked for among the stored reports (newest window first).
PREVIOUS_WINDOW_SEARCH = 1000


def build_report(engine: Engine, since: dt.datetime, until: dt.datetime) -> Report:
    """The report for the publication days [since, until), freshly built and not stored; `changes` is empty."""
    return build_window(engine, day_window(since, until))


def _parse(stored: StoredReport) -> Report:
    return codec.from_data(Report, json.loads(stored.payload))


def _previous(engine: Engine, window: DayWindow) -> Report | None:
    """The newest report of the same window, or else the newest report of the latest window that ends by this
    one's start."""
    same = engine.reports.reports_for_window(window.since, window.until)
    if same:
        return _parse(same[0])
    earlier = [r for r in engine.reports.list_reports(PREVIOUS_WINDOW_SEARCH) if r.until <= window.since]
    if not earlier:
        return None
    return _parse(max(earlier, key=lambda r: (r.until, r.since, r.created)))


def changes_since(report: Report, previous: Report | None) -> ReportChanges:
    if previous is None:
        return ReportChanges()
    keys, before = finding_keys(report), finding_keys(previous)
    return ReportChanges(
        previous_report_id=previous.id,
        new_findings=tuple(sorted(keys - before)),
        resolved_findings=tuple(sorted(before - keys)),
        new_articles=tuple(sorted(article_ids(report) - article_ids(previous))),
    )


def _store(engine: Engine, report: Report) -> None:
    engine.reports.save_report(
        StoredReport(
            id=report.id,
            since=report.since,
            until=report.until,
            created=report.created or dt.datetime.now(dt.timezone.utc),
            content_digest=report.content_digest,
            payload=canonical_json(report).encode("utf-8"),
        )
    )


def build_or_get_report(engine: Engine, since: dt.datetime, until: dt.datetime, *, rebuild: bool = False) -> Report:
    """The stored report of this window while its articles are unchanged; otherwise (or with `rebuild`) a new
    build. A build whose content equals a stored report's returns that stored report as it is."""
    window = day_window(since, until)
    stored = engine.reports.reports_for_window(window.since, window.until)
    if stored and not rebuild:
        newest = _parse(stored[0])
        current = set(engine.select(since=window.first_day, until=window.end_day))
        if current == article_ids(newest):
            return newest
        log.info("window has new articles; rebuilding its report", extra={"report_id": newest.id})

    report = build_window(engine, window)
    existing = engine.reports.get_report(report.id)
    if existing is not None:
        return _parse(existing)
    report = dataclasses.replace(report, changes=changes_since(report, _previous(engine, window)))
    _store(engine, report)
    log.info("report built", extra={"report_id": report.id, "articles": report.totals.articles,
                                    "findings": sum(c.count for c in report.totals.findings)})
    return report


def list_reports(engine: Engine, limit: int) -> list[Report]:
    """Stored reports, newest window first, without their stories (the rest is small)."""
    return [dataclasses.replace(_parse(stored), stories=()) for stored in engine.reports.list_reports(limit)]
