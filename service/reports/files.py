"""Writes a report's HTML, Markdown and JSON files next to each other, each atomically (a temporary file in the
same directory, then os.replace), so a reader never opens a half-written file.

The files are exactly what a caller of GetReport renders from the wire: the records cross the edge here as they
do in the servicer (service.convert), and the formats read what crosscheck_render makes of that message, so the
two can never show one report differently."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from crosscheck_render import from_message, render_html, render_json, render_markdown
from crosscheck_render.files import stage
from service import convert
from service.reports.records import Report


def report_paths(directory: Path, day: dt.date) -> dict[str, Path]:
    stem = f"report-{day.isoformat()}"
    return {suffix: directory / f"{stem}.{suffix}" for suffix in ("html", "md", "json")}


def write_report_files(report: Report, directory: Path, day: dt.date) -> list[Path]:
    """All three are rendered and written to temporary files first: a rendering or disk failure leaves the
    previous files untouched rather than a new HTML next to an old JSON."""
    directory.mkdir(parents=True, exist_ok=True)
    message = convert.report(report)
    shown = from_message(message)
    texts = {"html": render_html(shown), "md": render_markdown(shown), "json": render_json(message)}
    paths = report_paths(directory, day)
    staged: dict[str, Path] = {}
    try:
        for suffix, text in texts.items():
            staged[suffix] = stage(directory, paths[suffix].name, text)
        for suffix, temporary in staged.items():
            os.replace(temporary, paths[suffix])
    finally:
        for temporary in staged.values():
            temporary.unlink(missing_ok=True)
    return [paths[s] for s in texts]
