"""Words and groupings the report formats share, so HTML and Markdown say the same thing the same way."""

from __future__ import annotations

from crosscheck_proto import crosscheck_pb2 as pb
from crosscheck_proto import kinds

KIND_LABELS: dict[int, str] = {
    pb.FINDING_KIND_AGREEMENT: "Agreement",
    pb.FINDING_KIND_DATE_MISMATCH: "Date mismatch",
    pb.FINDING_KIND_NUMBER_MISMATCH: "Number mismatch",
    pb.FINDING_KIND_QUOTE_WORDING: "Quote wording",
    pb.FINDING_KIND_QUOTE_ATTRIBUTION: "Quote attribution",
    pb.FINDING_KIND_ROLE_MISMATCH: "Role mismatch",
    pb.FINDING_KIND_CONTRADICTION: "Contradiction",
    pb.FINDING_KIND_UNCORROBORATED: "Uncorroborated",
}

# The discrepancy kinds in the order a reader weighs them: the chart and the totals table list them so.
DISCREPANCY_KINDS: tuple[int, ...] = tuple(
    pb.FindingKind.Value(f"FINDING_KIND_{name}") for name in kinds.DISCREPANCY_KINDS
)

SEVERITY_LABELS: dict[int, str] = {
    pb.SEVERITY_UNSPECIFIED: "unspecified",
    pb.SEVERITY_INFO: "info",
    pb.SEVERITY_MINOR: "minor",
    pb.SEVERITY_MAJOR: "major",
}

CATEGORY_LABELS: dict[int, str] = {
    pb.DIFF_CATEGORY_UNSPECIFIED: "",
    pb.DIFF_CATEGORY_SPELLING: "spelling variant",
    pb.DIFF_CATEGORY_PUNCTUATION: "punctuation",
    pb.DIFF_CATEGORY_CASE: "letter case",
    pb.DIFF_CATEGORY_BRACKET: "editorial brackets",
    pb.DIFF_CATEGORY_OMISSION: "omission",
    pb.DIFF_CATEGORY_FUNCTION_WORD: "function word",
    pb.DIFF_CATEGORY_CONTENT_WORD: "content word",
    pb.DIFF_CATEGORY_NEGATION: "negation",
    pb.DIFF_CATEGORY_NUMBER: "number",
}

# Differences that leave the quote's words as the speaker said them: shown, but marked as harmless.
HARMLESS_CATEGORIES = frozenset({
    pb.DIFF_CATEGORY_SPELLING,
    pb.DIFF_CATEGORY_PUNCTUATION,
    pb.DIFF_CATEGORY_CASE,
    pb.DIFF_CATEGORY_BRACKET,
})


def kind_label(kind: int) -> str:
    return KIND_LABELS.get(kind, "Unspecified")


def severity_label(severity: int) -> str:
    return SEVERITY_LABELS.get(severity, "unspecified")


def category_label(category: int) -> str:
    return CATEGORY_LABELS.get(category, "")


def is_harmless(entry: pb.DiffEntry) -> bool:
    return entry.category in HARMLESS_CATEGORIES


def is_discrepancy(finding: pb.Finding) -> bool:
    try:
        name = pb.FindingKind.Name(finding.kind)
    except ValueError:
        return True  # a kind newer than these stubs: every kind added since is a kind of discrepancy
    return kinds.is_discrepancy_kind(name)


def date_text(date: pb.PartialDate) -> str:
    """ISO-like, with unknown parts left out: 2013-03-25, 2013-03, "date unknown"."""
    if not date.year:
        return "date unknown"
    parts = [f"{date.year:04d}"]
    if date.month:
        parts.append(f"{date.month:02d}")
        if date.day:
            parts.append(f"{date.day:02d}")
    return "-".join(parts)


def window_text(report: pb.Report) -> str:
    """The window as days: the last day shown is the last one included."""
    import datetime as dt

    since = report.since.ToDatetime(tzinfo=dt.timezone.utc)
    until = report.until.ToDatetime(tzinfo=dt.timezone.utc)
    last = until - dt.timedelta(days=1) if until.time() == dt.time() else until
    if last.date() <= since.date():
        return since.date().isoformat()
    return f"{since.date().isoformat()} to {last.date().isoformat()}"


def created_text(report: pb.Report) -> str:
    import datetime as dt

    if not report.created.seconds:
        return ""
    return report.created.ToDatetime(tzinfo=dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def findings_of(story: pb.ReportStory) -> list[pb.Finding]:
    return [*story.discrepancies, *story.agreements, *story.uncorroborated]


def all_findings(report: pb.Report) -> list[pb.Finding]:
    return [f for story in report.stories for f in findings_of(story)]


def kind_counts(report: pb.Report) -> dict[int, dict[int, int]]:
    """kind -> severity -> count, from the totals (present even in listed reports without stories)."""
    counts: dict[int, dict[int, int]] = {}
    for row in report.totals.findings:
        counts.setdefault(row.kind, {})[row.severity] = counts.get(row.kind, {}).get(row.severity, 0) + row.count
    return counts


def pair_lookup(report: pb.Report) -> dict[tuple[str, str], pb.SourcePair]:
    """Both orders of every source pair, for a square matrix."""
    found: dict[tuple[str, str], pb.SourcePair] = {}
    for pair in report.matrix:
        found[(pair.source_a, pair.source_b)] = pair
        found[(pair.source_b, pair.source_a)] = pair
    return found


def matrix_sources(report: pb.Report) -> list[str]:
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


def read_first(report: pb.Report) -> list[pb.Finding]:
    """The most severe discrepancies of the window: severity first, then confidence, then the report's order."""
    found = [f for story in report.stories for f in story.discrepancies]
    ranked = sorted(enumerate(found), key=lambda item: (-item[1].severity, -item[1].confidence, item[0]))
    return [f for _, f in ranked[:READ_FIRST]]


def is_single_source(story: pb.ReportStory) -> bool:
    return bool(story.story_id) and len({a.source for a in story.articles}) < 2


def single_source_articles(report: pb.Report) -> list[pb.Article]:
    return [a for story in report.stories if is_single_source(story) for a in story.articles]


def article_urls(report: pb.Report) -> dict[str, str]:
    return {a.id: a.url for story in report.stories for a in (*story.articles,) if a.url} | {
        a.id: a.url for a in report.undated if a.url}


def is_web_address(url: str) -> bool:
    return url.lower().startswith(("https://", "http://"))
