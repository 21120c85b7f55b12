"""The report as Markdown, for chat and e-mail: tables for the numbers, quote diffs as ~~deleted~~ **inserted**."""

from __future__ import annotations

import re

from crosscheck_render import labels
from crosscheck_render import records as r

# Characters that Markdown (and the tables' pipes) would read as markup when they come from an article.
_MARKUP = re.compile(r"([\\`*_{}\[\]<>|~#])")


def escape(text: str) -> str:
    return _MARKUP.sub(r"\\\1", " ".join(text.split()))


def _percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def diff_markdown(diff: list[r.DiffEntry] | tuple[r.DiffEntry, ...]) -> str:
    words = []
    for entry in diff:
        if entry.op == "EQUAL":
            words.append(escape(entry.a or entry.b))
            continue
        marked = []
        if entry.a and entry.op in ("DELETE", "REPLACE"):
            marked.append(f"~~{escape(entry.a)}~~")
        if entry.b and entry.op in ("INSERT", "REPLACE"):
            marked.append(f"**{escape(entry.b)}**")
        category = labels.category_label(entry.category)
        note = f"{category}, harmless" if labels.is_harmless(entry) else category
        words.append(" ".join(marked) + (f" _({note})_" if note else ""))
    return " ".join(w for w in words if w)


def _finding(finding: r.Finding, number: int) -> list[str]:
    head = (f"{number}. **{labels.kind_label(finding.kind)}** ({labels.severity_label(finding.severity)}, "
            f"confidence {finding.confidence:.2f}): {escape(finding.explanation)} `{finding.key}`")
    lines = [head]
    for evidence in finding.evidence:
        value = f" (compared: {escape(evidence.value)})" if evidence.value else ""
        lines.append(f"    - **{escape(evidence.source)}**: {escape(evidence.sentence)}{value}")
    if finding.diff:
        lines.append(f"    - Diff: {diff_markdown(finding.diff)}")
    return lines


def _totals(report: r.Report) -> list[str]:
    t = report.totals
    lines = ["## Totals", ""]
    lines += _table(["Articles", "Sources", "Stories", "Claims"],
                    [[str(t.articles), str(t.sources), str(t.stories), str(t.claims)]])
    counts = labels.kind_counts(report)
    if counts:
        lines += [""]
        severities = ("MAJOR", "MINOR", "INFO")
        rows = [
            [labels.kind_label(kind)] + [str(counts[kind].get(s, 0)) for s in severities]
            for kind in (*labels.DISCREPANCY_KINDS, "AGREEMENT", "UNCORROBORATED")
            if kind in counts
        ]
        lines += _table(["Findings", "Major", "Minor", "Info"], rows)
    return lines + [""]


def _changes(report: r.Report) -> list[str]:
    changes = report.changes
    lines = ["## Since the previous report", ""]
    if not changes.previous_report_id:
        return lines + ["No earlier report to compare with.", ""]
    findings = {f.key: f for f in labels.all_findings(report)}
    new_articles, new_findings = len(changes.new_articles), len(changes.new_findings)
    lines.append(f"Compared with `{changes.previous_report_id}`: {new_articles} new "
                 f"{'article' if new_articles == 1 else 'articles'}, {new_findings} new "
                 f"{'finding' if new_findings == 1 else 'findings'}, {len(changes.resolved_findings)} resolved.")
    new_discrepancies = [findings[k] for k in changes.new_findings if k in findings and labels.is_discrepancy(findings[k])]
    for finding in new_discrepancies:
        lines.append(f"- New: {labels.kind_label(finding.kind)}: {escape(finding.explanation)} `{finding.key}`")
    if changes.resolved_findings:
        lines.append("- Resolved: " + ", ".join(f"`{k}`" for k in changes.resolved_findings))
    return lines + [""]


def _sources(report: r.Report) -> list[str]:
    if not report.sources:
        return []
    lines = ["## Sources", ""]
    lines += _table(
        ["Source", "Articles", "Claims", "Discrepancies", "Rate"],
        [[escape(s.source), str(s.articles), str(s.claims), str(s.discrepancies), _percent(s.discrepancy_rate)]
         for s in report.sources],
    )
    return lines + [""]


def _matrix(report: r.Report) -> list[str]:
    names = labels.matrix_sources(report)
    if len(names) < 2:
        return []
    pairs = labels.pair_lookup(report)
    rows = []
    for a in names:
        row = [f"**{escape(a)}**"]
        for b in names:
            pair = pairs.get((a, b))
            if a == b or pair is None:
                row.append("—")
            elif not pair.aligned:
                row.append("·")
            else:
                row.append(f"{pair.agreed}/{pair.aligned} ({_percent(pair.agreement)})")
        rows.append(row)
    lines = ["## Agreement between sources", "", "Agreed / aligned claims for each pair of sources.", ""]
    return lines + _table(["Source"] + [escape(n) for n in names], rows) + [""]


def _title(title: str, url: str) -> str:
    # Only web addresses become links; the title is escaped, the address is not the article's to choose.
    text = escape(title)
    return f"[{text}](<{url}>)" if labels.is_web_address(url) and ">" not in url else text


def _timeline(report: r.Report) -> list[str]:
    if not report.timeline:
        return []
    urls = labels.article_urls(report)
    lines = ["## Timeline", "", escape(labels.TIMELINE_HINT), ""]
    lines += _table(
        ["Published", "Source", "Article", *labels.TIMELINE_COLUMNS],
        [[labels.date_text(e.published), escape(e.source), _title(e.title or e.article_id, urls.get(e.article_id, "")),
          str(e.findings), str(e.discrepancies)] for e in report.timeline],
    )
    return lines + [""]


def _read_first(report: r.Report) -> list[str]:
    worst = labels.read_first(report)
    if not worst:
        return []
    lines = ["## Read these first", ""]
    lines += [f"{n}. **{labels.kind_label(f.kind)}** ({labels.severity_label(f.severity)}): "
              f"{escape(f.explanation)} `{f.key}`" for n, f in enumerate(worst, 1)]
    return lines + [""]


def _left_out(report: r.Report) -> list[str]:
    urls = labels.article_urls(report)
    alone = labels.single_source_articles(report)
    lines = ["## Not compared", ""]
    if not alone and not report.totals.undated:
        return lines + ["Every article in the window was compared with another source.", ""]
    if alone:
        lines += [f"Only source of their story ({len(alone)}): no other outlet in the window reports these "
                  "stories, so nothing was compared with them.", ""]
        lines += [f"- {escape(a.source)}: {_title(a.title or a.id, urls.get(a.id, ''))}" for a in alone] + [""]
    if report.totals.undated:
        lines += [f"Publication day unknown ({report.totals.undated}): stored articles whose publication day is "
                  "not known (or known without its year), so no window holds them.", ""]
        lines += [f"- {escape(a.source)}: {_title(a.title or a.id, a.url)}" for a in report.undated]
        more = report.totals.undated - len(report.undated)
        lines += ([f"- and {more} more"] if more > 0 else []) + [""]
    return lines


def _story(story: r.Story) -> list[str]:
    lines = [f"### {escape(story.title or story.story_id)}", ""]
    for article in story.articles:
        lines.append(f"- {escape(article.source)}, {labels.date_text(article.published)}: "
                     f"{_title(article.title, article.url)}")
    lines.append("")
    if labels.is_single_source(story) and not story.discrepancies:
        lines += ["Only one source reports this story in the window: there is nothing to compare it with.", ""]
    if story.discrepancies:
        lines += [f"#### Discrepancies ({len(story.discrepancies)})", ""]
        for number, finding in enumerate(story.discrepancies, 1):
            lines += _finding(finding, number)
        lines.append("")
    if story.corroborations:
        lines += ["#### Corroborated claims", ""]
        lines += _table(["Claim", "Sources"],
                        [[escape(c.claim), f"{len(c.sources)}: " + ", ".join(escape(s) for s in c.sources)]
                         for c in story.corroborations])
        lines.append("")
    if story.agreements:
        lines += [f"#### Agreements ({len(story.agreements)})", ""]
        lines += [f"- {escape(f.explanation)} `{f.key}`" for f in story.agreements]
        lines.append("")
    if story.uncorroborated:
        lines += [f"#### Uncorroborated ({len(story.uncorroborated)})", ""]
        lines += [
            f"- {escape(', '.join(e.source for e in f.evidence))}: {escape(f.evidence[0].value if f.evidence else '')} "
            f"`{f.key}`"
            for f in story.uncorroborated
        ]
        lines.append("")
    return lines


def render_markdown(report: r.Report) -> str:
    lines = [f"# Consistency report: {labels.window_text(report)}", ""]
    meta = [f"Report `{report.id}`"] if report.id else []
    if labels.created_text(report):
        meta.append(f"built {labels.created_text(report)}")
    if meta:
        lines += [", ".join(meta) + ".", ""]
    lines += (_read_first(report) + _totals(report) + _left_out(report) + _changes(report) + _sources(report)
              + _matrix(report) + _timeline(report))
    if report.stories:
        lines += ["## Stories", ""]
        for story in report.stories:
            lines += _story(story)
    return "\n".join(lines).rstrip() + "\n"
