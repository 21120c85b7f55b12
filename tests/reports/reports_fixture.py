"""A report of the hand-made talks window, as the renderers receive it."""

from __future__ import annotations

import datetime as dt
import re

from crosscheck_proto import crosscheck_pb2 as pb
from tests.reports.wire import build_report
from tests.reports.fakes import talks_engine

UTC = dt.timezone.utc


def talks_report() -> pb.Report:
    return build_report(talks_engine(), dt.datetime(2013, 3, 25, tzinfo=UTC), dt.datetime(2013, 3, 26, tzinfo=UTC))


def report_keys(report: pb.Report) -> set[str]:
    return {f.key for s in report.stories for f in (*s.discrepancies, *s.agreements, *s.uncorroborated)}


def html_keys(html: str) -> set[str]:
    return set(re.findall(r'data-finding-key="([0-9a-f]+)"', html))


def markdown_keys(markdown: str) -> set[str]:
    return set(re.findall(r"`([0-9a-f]{16})`", markdown))
