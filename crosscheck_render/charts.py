"""Inline SVG charts for the HTML report: no script, no external resource, readable when printed in grey."""

from __future__ import annotations

from html import escape

from crosscheck_render import labels
from crosscheck_render import records as r

MAJOR_COLOUR = "#b3261e"
MINOR_COLOUR = "#e8a33d"
QUIET_COLOUR = "#8a8f98"


def _svg(width: int, height: int, body: list[str], label: str, css_id: str) -> str:
    return (f'<svg id="{css_id}" class="chart" role="img" aria-label="{escape(label)}" width="{width}" '
            f'height="{height}" viewBox="0 0 {width} {height}" preserveAspectRatio="xMinYMin meet" '
            f'style="--natural-width:{width}px" xmlns="http://www.w3.org/2000/svg">'
            f"<title>{escape(label)}</title>" + "".join(body) + "</svg>")


def discrepancy_bars(report: r.Report) -> str:
    """Horizontal bars, one per discrepancy kind, major and minor stacked."""
    counts = labels.kind_counts(report)
    rows = [(kind, counts.get(kind, {})) for kind in labels.DISCREPANCY_KINDS]
    largest = max((sum(c.values()) for _, c in rows), default=0) or 1
    label_width, bar_width, row_height = 150, 300, 26
    height = row_height * len(rows) + 28
    body = []
    for index, (kind, by_severity) in enumerate(rows):
        y = index * row_height
        major, minor = by_severity.get("MAJOR", 0), by_severity.get("MINOR", 0)
        body.append(f'<text x="{label_width - 8}" y="{y + 17}" text-anchor="end" class="axis">'
                    f"{escape(labels.kind_label(kind))}</text>")
        x = label_width
        for count, colour, name in ((major, MAJOR_COLOUR, "major"), (minor, MINOR_COLOUR, "minor")):
            if count:
                width = bar_width * count / largest
                body.append(f'<rect class="bar {name}" x="{x:.1f}" y="{y + 4}" width="{width:.1f}" height="18" '
                            f'fill="{colour}"><title>{count} {name}</title></rect>')
                x += width
        body.append(f'<text x="{x + 6:.1f}" y="{y + 17}" class="value">{major + minor}</text>')
    legend_y = height - 8
    body.append(f'<rect x="{label_width}" y="{legend_y - 10}" width="10" height="10" fill="{MAJOR_COLOUR}"/>'
                f'<text x="{label_width + 14}" y="{legend_y}" class="axis">major</text>'
                f'<rect x="{label_width + 70}" y="{legend_y - 10}" width="10" height="10" fill="{MINOR_COLOUR}"/>'
                f'<text x="{label_width + 84}" y="{legend_y}" class="axis">minor</text>')
    return _svg(label_width + bar_width + 40, height, body, "Discrepancies by kind", "discrepancy-chart")


def agreement_colour(share: float) -> str:
    """Red for sources that mostly disagree, green for those that mostly agree; light enough for dark text."""
    hue = round(120 * max(0.0, min(1.0, share)))
    return f"hsl({hue}, 60%, 82%)"


def _short(name: str, limit: int = 20) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def timeline_chart(report: r.Report) -> str:
    """One lane per source, one dot per article on its publication date: bigger with more findings, red when it
    takes part in a discrepancy."""
    entries = [(e, e.published.complete()) for e in report.timeline]
    dated = [(e, d) for e, d in entries if d is not None]
    if not dated:
        return ""
    sources = sorted({e.source for e, _ in dated})
    first, last = min(d for _, d in dated), max(d for _, d in dated)
    span_days = max((last - first).days, 1)
    label_width, plot_width, lane = 170, 560, 34
    height = lane * len(sources) + 40
    body = []
    for index, source in enumerate(sources):
        y = index * lane + lane / 2
        body.append(f'<line x1="{label_width}" x2="{label_width + plot_width}" y1="{y}" y2="{y}" class="lane"/>'
                    f'<text x="{label_width - 8}" y="{y + 4}" text-anchor="end" class="axis">{escape(_short(source))}</text>')
    for entry, day in dated:
        x = label_width + 10 + (plot_width - 20) * (day - first).days / span_days
        y = sources.index(entry.source) * lane + lane / 2
        radius = 5 + min(entry.findings, 40) ** 0.5 * 1.5
        colour = MAJOR_COLOUR if entry.discrepancies else QUIET_COLOUR
        tip = f"{day.isoformat()} {entry.source}: {entry.title} ({entry.findings} findings, {entry.discrepancies} discrepancies)"
        body.append(f'<circle class="article-dot" cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="{colour}" '
                    f'fill-opacity="0.8"><title>{escape(tip)}</title></circle>')
    axis_y = lane * len(sources) + 22
    body.append(f'<text x="{label_width + 10}" y="{axis_y}" class="axis">{first.isoformat()}</text>')
    if last != first:
        body.append(f'<text x="{label_width + plot_width - 10}" y="{axis_y}" text-anchor="end" class="axis">'
                    f"{last.isoformat()}</text>")
    return _svg(label_width + plot_width + 10, height, body, "Articles and findings over time", "timeline-chart")
