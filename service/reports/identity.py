"""A report's identity: its content digest (equal content, equal digest) and its id (window + digest), so
building the same window over the same articles twice gives the same report."""

from __future__ import annotations

import hashlib

from crosscheck_proto import crosscheck_pb2 as pb

# Fields that describe the build rather than the window's content: when it ran and what it is compared with.
_NOT_CONTENT = ("id", "created", "changes", "content_digest")


def content_digest(report: pb.Report) -> str:
    content = pb.Report()
    content.CopyFrom(report)
    for name in _NOT_CONTENT:
        content.ClearField(name)
    return hashlib.sha256(content.SerializeToString(deterministic=True)).hexdigest()


def report_id(report: pb.Report) -> str:
    window = f"{report.since.ToJsonString()}/{report.until.ToJsonString()}"
    digest = report.content_digest or content_digest(report)
    return "rpt-" + hashlib.sha256(f"{window}|{digest}".encode()).hexdigest()[:20]


def article_ids(report: pb.Report) -> set[str]:
    return {entry.article_id for entry in report.timeline}


def finding_keys(report: pb.Report) -> set[str]:
    return {
        finding.key
        for story in report.stories
        for finding in (*story.discrepancies, *story.agreements, *story.uncorroborated)
    }
