"""A report's identity: its content digest (equal content, equal digest) and its id (window + digest), so
building the same window over the same articles twice gives the same report.

The digest is taken over the report's records in the canonical JSON of service.codec (sorted keys, no
whitespace), not over any wire encoding: it depends on what the report says, not on how it travels."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json

from service import codec
from service.reports.records import Report, ReportChanges


def canonical_json(value: object) -> str:
    return json.dumps(codec.to_data(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def content_digest(report: Report) -> str:
    # What describes the build rather than the window's content is left out: when it ran, what it is compared
    # with, and the identity itself.
    content = dataclasses.replace(report, id="", content_digest="", created=None, changes=ReportChanges())
    return hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()


def _utc_text(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def report_id(report: Report) -> str:
    window = f"{_utc_text(report.since)}/{_utc_text(report.until)}"
    digest = report.content_digest or content_digest(report)
    return "rpt-" + hashlib.sha256(f"{window}|{digest}".encode()).hexdigest()[:20]


def article_ids(report: Report) -> set[str]:
    return {entry.article_id for entry in report.timeline}


def finding_keys(report: Report) -> set[str]:
    return {
        finding.key
        for story in report.stories
        for finding in (*story.discrepancies, *story.agreements, *story.uncorroborated)
    }
