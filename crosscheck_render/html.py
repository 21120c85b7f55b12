"""The report as one self-contained HTML page: inline styles and SVG charts, no script, nothing fetched (a
Content-Security-Policy forbids it), responsive for a phone and laid out for print. Everything that comes from an
article is escaped."""

from __future__ import annotations

import re
from html import escape

from crosscheck_render import charts, labels
from crosscheck_render import records as r
from crosscheck_render.style import STYLESHEET

CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
# Shown on a phone above a table that may be wider than the screen (the stylesheet hides it elsewhere).
SCROLL_HINT = '<p class="scroll-hint">Swipe sideways to see every column →</p>'
CHART_HINT = '<p class="scroll-hint">Swipe sideways to see the whole chart →</p>'


def _anchor(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-") or "unassigned"


def _percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def _highlighted(sentence: str, value: str) -> str:
    """The sentence with the compared value marked where it occurs verbatim."""
    at = sentence.find(value) if value else -1
    if at < 0:
        return escape(sentence)
    return (escape(sentence[:at]) + f"<mark>{escape(value)}</mark>" + escape(sentence[at + len(value):]))


def diff_html(diff: list[r.DiffEntry] | tuple[r.DiffEntry, ...]) -> str:
    parts = []
    for entry in diff:
        if entry.op == "EQUAL":
            parts.append(f'<span class="same">{escape(entry.a or entry.b)}</span>')
            continue
        harmless = labels.is_harmless(entry)
        category = labels.category_label(entry.category)
        kind = "harmless" if harmless else "material"
        data = f' data-category="{escape(category)}"'
        marked = []
        if entry.a and entry.op in ("DELETE", "REPLACE"):
            marked.append(f'<del class="{kind}"{data}>{escape(entry.a)}</del>')
        if entry.b and entry.op in ("INSERT", "REPLACE"):
            marked.append(f'<ins class="{kind}"{data}>{escape(entry.b)}</ins>')
        note = f"{category}, harmless" if harmless else category
        tag = f'<span class="diff-tag {kind}">{escape(note)}</span>' if note else ""
        # A space between the deleted and the inserted word, so "defense defence" never reads "defensedefence"
        # (on screen, when copied, or to a screen reader).
        parts.append(f'<span class="change {kind}">{" ".join(marked)}{tag}</span>')
    return " ".join(parts)


def _evidence(evidence: r.Evidence) -> str:
    cue = f'<div class="cue">cue: <q>{escape(evidence.cue)}</q></div>' if evidence.cue else ""
    # A value the sentence contains is already marked in it; one that is normalised ("2013-03-18/2013-03-24")
    # is shown beside it.
    shown = evidence.value and evidence.value not in evidence.sentence
    value = f'<div class="value">compared: <code>{escape(evidence.value)}</code></div>' if shown else ""
    return (f'<div class="evidence" data-article-id="{escape(evidence.article_id)}">'
            f'<div class="source">{escape(evidence.source)}</div>'
            f'<blockquote>{_highlighted(evidence.sentence, evidence.value)}</blockquote>{value}{cue}</div>')


def _finding(finding: r.Finding) -> str:
    severity = labels.severity_label(finding.severity)
    kind = labels.kind_label(finding.kind)
    diff = ""
    if finding.diff:
        sides = " → ".join(escape(e.source) for e in finding.evidence[:2])
        diff = (f'<div class="quote-diff"><div class="diff-head">Word diff ({sides}); '
                f'<del class="material">deleted</del> <ins class="material">inserted</ins>, '
                f'<span class="diff-tag harmless">harmless</span> differences greyed</div>'
                f"<p>{diff_html(finding.diff)}</p></div>")
    return (f'<article class="finding discrepancy severity-{severity}" id="finding-{escape(finding.key)}" '
            f'data-finding-key="{escape(finding.key)}" '
            f'data-kind="FINDING_KIND_{escape(finding.kind)}">'
            f'<header><span class="badge {severity}">{escape(severity)}</span> <strong>{escape(kind)}</strong> '
            f'<span class="explanation">{escape(finding.explanation)}</span> '
            f'<span class="confidence">confidence {finding.confidence:.2f}</span></header>'
            f'<div class="evidence-grid">{"".join(_evidence(e) for e in finding.evidence)}</div>{diff}</article>')


def _article_title(article: r.Article, url: str = "") -> str:
    """The headline, linked to the article when its address is known and is a web address (nothing else is
    put in an href: an article's own text never decides where a click goes)."""
    title = escape(article.title or article.id)
    link = url or article.url
    if labels.is_web_address(link):
        return f'<a class="article-link" href="{escape(link)}" rel="noopener noreferrer">{title}</a>'
    return title


def _story(story: r.Story) -> str:
    title = story.title or story.story_id or "Unassigned"
    articles = "".join(
        f'<li><span class="source">{escape(a.source)}</span> <time>{labels.date_text(a.published)}</time> '
        f"{_article_title(a)}</li>"
        for a in story.articles
    )
    blocks = [f'<h2>{escape(title)}</h2><ul class="story-articles">{articles}</ul>']
    if story.discrepancies:
        blocks.append(f'<h3>Discrepancies <span class="count">{len(story.discrepancies)}</span></h3>'
                      + "".join(_finding(f) for f in story.discrepancies))
    elif labels.is_single_source(story):
        only = escape(story.articles[0].source) if story.articles else "one source"
        blocks.append(f'<p class="none single-source">Only {only} reports this story in the window: there is '
                      "nothing to compare it with.</p>")
    else:
        blocks.append('<p class="none">No discrepancies between the sources.</p>')
    if story.corroborations:
        rows = "".join(
            f'<tr><td>{escape(c.claim)}</td><td class="num">{len(c.sources)}</td>'
            f'<td>{escape(", ".join(c.sources))}</td></tr>'
            for c in story.corroborations
        )
        blocks.append('<h3>Corroborated claims</h3><table class="corroborations"><thead><tr><th>Claim</th>'
                      f'<th class="num">Sources</th><th>Which</th></tr></thead><tbody>{rows}</tbody></table>')
    if story.agreements:
        items = "".join(
            f'<li class="finding agreement" data-finding-key="{escape(f.key)}" data-kind="FINDING_KIND_AGREEMENT">'
            f"{escape(f.explanation)}</li>"
            for f in story.agreements
        )
        blocks.append(f'<details class="agreements"><summary>Agreements ({len(story.agreements)})</summary>'
                      f"<ul>{items}</ul></details>")
    if story.uncorroborated:
        items = "".join(
            f'<li class="finding uncorroborated" data-finding-key="{escape(f.key)}" '
            f'data-kind="FINDING_KIND_UNCORROBORATED"><span class="source">'
            f'{escape(", ".join(e.source for e in f.evidence))}</span> '
            f'{escape(f.evidence[0].value if f.evidence else f.explanation)}</li>'
            for f in story.uncorroborated
        )
        blocks.append(f'<details class="uncorroborated"><summary>Claims only one source reports '
                      f"({len(story.uncorroborated)})</summary><ul>{items}</ul></details>")
    anchor = _anchor(story.story_id)
    return f'<section class="story" id="story-{escape(anchor)}" data-story-id="{escape(story.story_id)}">{"".join(blocks)}</section>'


def _totals(report: r.Report) -> str:
    t = report.totals
    counts = labels.kind_counts(report)
    discrepancies = sum(n for kind, by in counts.items() if kind in labels.DISCREPANCY_KINDS for n in by.values())
    major = sum(by.get("MAJOR", 0) for kind, by in counts.items() if kind in labels.DISCREPANCY_KINDS)
    agreements = sum(counts.get("AGREEMENT", {}).values())
    uncorroborated = sum(counts.get("UNCORROBORATED", {}).values())
    tiles = [("articles", t.articles), ("sources", t.sources), ("stories", t.stories), ("claims", t.claims),
             ("discrepancies", discrepancies), ("major", major), ("agreements", agreements),
             ("uncorroborated", uncorroborated)]
    cards = "".join(f'<div class="tile tile-{name}"><span class="n">{value}</span><span class="l">{name}</span></div>'
                    for name, value in tiles)
    return (f'<section id="totals"><h2>At a glance</h2><div class="tiles">{cards}</div>'
            f'{CHART_HINT}<div class="chart-box scroll">{charts.discrepancy_bars(report)}</div></section>')


def _read_first(report: r.Report) -> str:
    worst = labels.read_first(report)
    if not worst:
        return ""
    items = "".join(
        f'<li><span class="badge {labels.severity_label(f.severity)}">{escape(labels.severity_label(f.severity))}'
        f'</span> <a href="#finding-{escape(f.key)}"><strong>{escape(labels.kind_label(f.kind))}</strong></a> '
        f"{escape(f.explanation)}</li>"
        for f in worst
    )
    return (f'<section id="read-first"><h2>Read these first</h2><p class="hint">The most severe discrepancies '
            f"of the window; each links to its evidence below.</p><ol>{items}</ol></section>")


def _title_list(articles, urls: dict[str, str]) -> str:
    return "".join(f'<li><span class="source">{escape(a.source)}</span> {_article_title(a, urls.get(a.id, ""))}'
                   f"</li>" for a in articles)


def _left_out(report: r.Report) -> str:
    """What the report did not compare, so that its absence is not read as agreement."""
    alone = labels.single_source_articles(report)
    urls = labels.article_urls(report)
    parts = []
    if alone:
        parts.append(f'<h3>Only source of their story ({len(alone)})</h3><p class="hint">No other outlet in the '
                     f"window reports these stories, so nothing was compared with them.</p>"
                     f'<ul class="alone">{_title_list(alone, urls)}</ul>')
    undated = report.totals.undated
    if undated:
        more = undated - len(report.undated)
        rest = f'<p class="hint">and {more} more.</p>' if more > 0 else ""
        parts.append(f'<h3>Publication day unknown ({undated})</h3><p class="hint">Stored articles whose '
                     f"publication day is not known (or known without its year), so no window holds them; "
                     f"ingesting them with <code>--published</code> puts them in their window.</p>"
                     f'<ul class="undated">{_title_list(report.undated, urls)}</ul>{rest}')
    if not parts:
        body = '<p class="none">Every article in the window was compared with another source.</p>'
    else:
        body = "".join(parts)
    return f'<section id="left-out"><h2>Not compared</h2>{body}</section>'


def _changes(report: r.Report) -> str:
    changes = report.changes
    if not changes.previous_report_id:
        body = "<p>No earlier report to compare with.</p>"
    else:
        findings = {f.key: f for f in labels.all_findings(report)}
        new = [findings[k] for k in changes.new_findings if k in findings and labels.is_discrepancy(findings[k])]
        items = "".join(f'<li class="new" data-finding-key="{escape(f.key)}">{escape(labels.kind_label(f.kind))}: '
                        f"{escape(f.explanation)}</li>" for f in new)
        resolved = "".join(f"<li class=\"resolved\"><code>{escape(k)}</code></li>" for k in changes.resolved_findings)
        body = (f"<p>Compared with report <code>{escape(changes.previous_report_id)}</code>: "
                f"<strong>{len(changes.new_articles)}</strong> new articles, "
                f"<strong>{len(changes.new_findings)}</strong> new findings, "
                f"<strong>{len(changes.resolved_findings)}</strong> resolved.</p>"
                + (f"<h3>New discrepancies</h3><ul>{items}</ul>" if items else "")
                + (f"<details><summary>Resolved findings</summary><ul>{resolved}</ul></details>" if resolved else ""))
    return f'<section id="changes"><h2>Since the previous report</h2>{body}</section>'


def _matrix(report: r.Report) -> str:
    names = labels.matrix_sources(report)
    if not names:
        return ""
    pairs = labels.pair_lookup(report)
    head = "".join(f'<th scope="col">{escape(n)}</th>' for n in names)
    rows = []
    for a in names:
        cells = []
        for b in names:
            pair = pairs.get((a, b))
            if a == b:
                cells.append('<td class="self">—</td>')
            elif pair is None or not pair.aligned:
                cells.append('<td class="empty" title="nothing aligned">·</td>')
            else:
                cells.append(f'<td style="background:{charts.agreement_colour(pair.agreement)}" '
                             f'title="{pair.agreed} of {pair.aligned} aligned claims agree">'
                             f'<span class="share">{_percent(pair.agreement)}</span>'
                             f'<span class="ratio">{pair.agreed}/{pair.aligned}</span></td>')
        rows.append(f'<tr class="source-row" data-source="{escape(a)}"><th scope="row">{escape(a)}</th>'
                    f'{"".join(cells)}</tr>')
    return (f'<section id="matrix"><h2>Agreement between sources</h2><p class="hint">Share of aligned claims on '
            f"which each pair of sources agrees (agreed/aligned); · means nothing aligned.</p>"
            f'{SCROLL_HINT}<div class="scroll"><table id="agreement-matrix"><thead><tr><th></th>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div></section>')


def _sources(report: r.Report) -> str:
    if not report.sources:
        return ""
    largest = max((s.discrepancy_rate for s in report.sources), default=0.0) or 1.0
    rows = "".join(
        f'<tr class="source-stats" data-source="{escape(s.source)}"><th scope="row">{escape(s.source)}</th>'
        f'<td class="num">{s.articles}</td><td class="num">{s.claims}</td><td class="num">{s.discrepancies}</td>'
        f'<td class="rate"><span class="rate-bar" style="width:{60 * s.discrepancy_rate / largest:.0f}%"></span>'
        f"{_percent(s.discrepancy_rate)}</td></tr>"
        for s in report.sources
    )
    return (f'<section id="sources"><h2>Sources</h2>{SCROLL_HINT}<div class="scroll"><table id="source-stats">'
            '<thead><tr>'
            '<th>Source</th><th class="num">Articles</th><th class="num">Claims</th><th class="num">Discrepancies</th>'
            f"<th>Discrepancies per claim</th></tr></thead><tbody>{rows}</tbody></table></div></section>")


def _timeline(report: r.Report) -> str:
    if not report.timeline:
        return ""
    urls = labels.article_urls(report)
    rows = "".join(
        f'<tr class="timeline-entry" data-article-id="{escape(e.article_id)}"><td class="day"><time>'
        f"{labels.date_text(e.published)}</time></td><td>{escape(e.source)}</td><td class=\"article\">"
        f"{_article_title(r.Article(e.article_id, title=e.title), urls.get(e.article_id, ''))}</td>"
        f'<td class="num">{e.findings}</td><td class="num">{e.discrepancies}</td></tr>'
        for e in report.timeline
    )
    checked, differ = labels.TIMELINE_COLUMNS
    return (f'<section id="timeline"><h2>Timeline</h2>{CHART_HINT}<div class="chart-box scroll">{charts.timeline_chart(report)}'
            f'</div><p class="hint">{escape(labels.TIMELINE_HINT)}</p>'
            f'{SCROLL_HINT}<div class="scroll"><table id="timeline-table"><thead><tr><th>Published</th>'
            '<th>Source</th>'
            f'<th class="article">Article</th><th class="num">{checked}</th><th class="num">{differ}</th></tr>'
            f"</thead><tbody>{rows}</tbody></table></div></section>")


def render_html(report: r.Report) -> str:
    window = labels.window_text(report)
    meta = [f"Report <code>{escape(report.id)}</code>"] if report.id else []
    if labels.created_text(report):
        meta.append(f"built {escape(labels.created_text(report))}")
    stories = "".join(_story(s) for s in report.stories)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Consistency report {escape(window)}</title><style>{STYLESHEET}</style></head>"
        f'<body><header class="page"><h1>Consistency report <span class="window">{escape(window)}</span></h1>'
        f'<p class="meta">{", ".join(meta)}</p></header><main>'
        f"{_read_first(report)}{_totals(report)}{_left_out(report)}{_changes(report)}"
        f"{_matrix(report)}{_sources(report)}{_timeline(report)}"
        f'<section id="stories"><h2 class="stories-head">Stories</h2>{stories or "<p>No stories in this window.</p>"}'
        "</section></main></body></html>\n"
    )
