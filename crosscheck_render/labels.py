"""Words and groupings the report formats share, so HTML and Markdown say the same thing the same way."""

from __future__ import annotations

import datetime as dt

from crosscheck_proto import kinds
from crosscheck_render import records as r

KIND_LABELS: dict[str, str] = {
    "AGREEMENT": "Agreement",
    "DATE_MISMATCH": "Date mismatch",
    "NUMBER_MISMATCH": "Number mismatch",
    "QUOTE_WORDING": "Quote wording",
    "QUOTE_ATTRIBUTION": "Quote attribution",
    "ROLE_MISMATCH": "Role mismatch",
    "CONTRADICTION": "Contradiction",
    "UNCORROBORATED": "Uncorroborated",
}

# The discrepancy kinds in the order a reader weighs them: the chart and the totals table list them so.
DISCREPANCY_KINDS: tuple[str, ...] = kinds.DISCREPANCY_KINDS

SEVERITY_LABELS: dict[str, str] = {"UNSPECIFIED": "unspecified", "INFO": "info", "MINOR": "minor", "MAJOR": "major"}

CATEGORY_LABELS: dict[str, str] = {
    "UNSPECIFIED": "",
    "SPELLING": "spelling variant",
    "PUNCTUATION": "punctuation",
    "CASE": "letter case",
    "BRACKET": "editorial brackets",
    "OMISSION": "omission",
    "FUNCTION_WORD": "function word",
    "CONTENT_WORD": "content word",
    "NEGATION": "negation",
    "NUMBER": "number",
}

# Differences that leave the quote's words as the speaker said them: shown, but marked as harmless.
HARMLESS_CATEGORIES = frozenset({"SPELLING", "PUNCTUATION", "CASE", "BRACKET"})


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, "Unspecified")


def severity_label(severity: str) -> str:
    return SEVERITY_LABELS.get(severity, "unspecified")


def category_label(category: str) -> str:
    return CATEGORY_LABELS.get(category, "")


def is_harmless(entry: r.DiffEntry) -> bool:
    return entry.category in HARMLESS_CATEGORIES


def is_discrepancy(finding: r.Finding) -> bool:
    # A kind newer than the renderer arrives as UNSPECIFIED: every kind added since is a kind of discrepancy.
    return kinds.is_discrepancy_kind(finding.kind)


def date_text(date: r.Day) -> str:
    """ISO-like, with unknown parts left out: 2013-03-25, 2013-03, "date unknown"."""
    if not date.year:
        return "date unknown"
    parts = [f"{date.year:04d}"]
    if date.month:
        parts.append(f"{date.month:02d}")
        if date.day:
            parts.append(f"{date.day:02d}")
    return "-".join(parts)


def window_text(report: r.Report) -> str:
    """The window as days: the last day shown is the last one included."""
    since, until = report.since, report.until
    last = until - dt.timedelta(days=1) if until.time() == dt.time() else until
    if last.date() <= since.date():
        return since.date().isoformat()
    return f"{since.date().isoformat()} to {last.date().isoformat()}"


def created_text(report: r.Report) -> str:
    if report.created is None:
        return ""
    return report.created.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def findings_of(story: r.Story) -> list[r.Finding]:
    return [*story.discrepancies, *story.agreements, *story.uncorroborated]


def all_findings(report: r.Report) -> list[r.Finding]:
    return [f for story in report.stories for f in findings_of(story)]


def kind_counts(report: r.Report) -> dict[str, dict[str, int]]:
    """kind -> severity -> count, from the totals (present even in listed reports without stories)."""
    counts: dict[str, dict[str, int]] = {}
    for row in report.totals.findings:
        counts.setdefault(row.kind, {})[row.severity] = counts.get(row.kind, {}).get(row.severity, 0) + row.count
    return counts


def pair_lookup(report: r.Report) -> dict[tuple[str, str], r.SourcePair]:
    """Both orders of every source pair, for a square matrix."""
    found: dict[tuple[str, str], r.SourcePair] = {}
    for pair in report.matrix:
        found[(pair.source_a, pair.source_b)] = pair
        found[(pair.source_b, pair.source_a)] = pair
    return found


def matrix_sources(report: r.Report) -> list[str]:
    names = {s.source for s in report.sources}
    for pair in report.matrix:
        names.update((pair.source_a, pair.source_b))
    return sorted(names)


# The timeline's two counts, named for an editor rather than after the contract's fields.
TIMELINE_COLUMNS = ("Facts checked", "Sources differ")
TIMELINE_HINT = ("Facts checked: the article's findings, i.e. its claims compared with other sources (agreeing "
                 "or not) and the claims only it reports. Sources differ: those where another source says "
                 "otherwise (a date, a figure, a quote, who said it, a title).")
READ_FIRST = 5  # how many discrepancies the top of the report singles out


def read_first(report: r.Report) -> list[r.Finding]:
    """The most severe discrepancies of the window: severity first, then confidence, then the report's order."""
    found = [f for story in report.stories for f in story.discrepancies]
    ranked = sorted(enumerate(found), key=lambda item: (-r.SEVERITY_RANK.get(item[1].severity, 0), -item[1].confidence, item[0]))
    return [f for _, f in ranked[:READ_FIRST]]


def is_single_source(story: r.Story) -> bool:
    return bool(story.story_id) and len({a.source for a in story.articles}) < 2


def single_source_articles(report: r.Report) -> list[r.Article]:
    return [a for story in report.stories if is_single_source(story) for a in story.articles]


def article_urls(report: r.Report) -> dict[str, str]:
    return {a.id: a.url for story in report.stories for a in (*story.articles,) if a.url} | {
        a.id: a.url for a in report.undated if a.url}


def is_web_address(url: str) -> bool:
    return url.lower().startswith(("https://", "http://"))
