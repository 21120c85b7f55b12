"""Human-readable terminal output for the CLI: findings with their evidence, extractions, listings."""

from __future__ import annotations

import re
import shutil
import textwrap
from typing import Iterable, Sequence

from crosscheck_proto import crosscheck_pb2 as pb


def _name(enum: object, value: int, prefix: str) -> str:
    return enum.Name(value).removeprefix(prefix)  # type: ignore[attr-defined]


def kind_name(value: int) -> str:
    return _name(pb.FindingKind, value, "FINDING_KIND_")


def severity_name(value: int) -> str:
    return _name(pb.Severity, value, "SEVERITY_")


def _width() -> int:
    return max(60, min(shutil.get_terminal_size((100, 20)).columns, 140))


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


# A word the writer hyphenated across a line break ("long-\nstalled") is one word to a reader.
_BROKEN_HYPHEN = re.compile(r"(\w)-[ \t]*\r?\n\s*(\w)")
_OPENING_QUOTES = "\"'“‘«„"
# A cue ending in a preposition already leads into its intermediary: "carried by" + "RIA-Novosti".
_CUE_LEADS_IN = re.compile(r"\b(?:by|via|from|to|in|of|on|through)$", re.IGNORECASE)


def readable(text: str) -> str:
    """Source text as one line for a reader: hyphenation across line breaks undone, whitespace collapsed."""
    return " ".join(_BROKEN_HYPHEN.sub(r"\1-\2", text).split())


def _wrap(text: str, indent: str) -> str:
    # Never break at a hyphen: "long-" at a line's end reads as a hyphenation the source did not make.
    return textwrap.fill(readable(text), width=_width(), initial_indent=indent, subsequent_indent=indent + "  ",
                         break_on_hyphens=False, break_long_words=False)


def _quoted(text: str) -> str:
    return text if text[:1] in _OPENING_QUOTES else f"\u201c{text}\u201d"


def format_diff(entries: Sequence[pb.DiffEntry]) -> str:
    """Deleted words as [-x-], inserted as {+y+}, each change tagged with its category."""
    out = []
    for entry in entries:
        category = _name(pb.DiffCategory, entry.category, "DIFF_CATEGORY_").lower()
        if entry.op == pb.DIFF_OP_EQUAL:
            out.append(entry.a)
        elif entry.op == pb.DIFF_OP_INSERT:
            out.append(f"{{+{entry.b}+}}({category})")
        elif entry.op == pb.DIFF_OP_DELETE:
            out.append(f"[-{entry.a}-]({category})")
        else:
            out.append(f"[-{entry.a}-]{{+{entry.b}+}}({category})")
    return " ".join(out)


_QUOTE_KINDS = {pb.FINDING_KIND_QUOTE_WORDING, pb.FINDING_KIND_QUOTE_ATTRIBUTION}


def _evidence_lines(finding: pb.Finding, evidence: pb.Evidence) -> list[str]:
    """The text the span covers, labelled with that span. A claim or quote is shown by its own words (two claims
    cut from one sentence no longer look alike); a normalised value (a date interval, a figure with its unit) is
    not text of the article, so it is named and its sentence shown."""
    where = f"[{evidence.span.start}:{evidence.span.end}]"
    value, sentence = readable(evidence.value), readable(evidence.sentence)
    if value and value in sentence:
        is_quote = finding.kind in _QUOTE_KINDS
        lines = [f"       {evidence.source} {where}", _wrap(_quoted(value) if is_quote else value, "         ")]
        if is_quote and value != sentence:  # who said it, and through whom, is in the rest of the sentence
            lines.append(_wrap("in: " + sentence.replace(value, "\u2026", 1), "         "))
        return lines
    if value:
        return [f"       {evidence.source} {where} {value}, in:", _wrap(sentence, "         ")]
    return [f"       {evidence.source} {where}", _wrap(sentence, "         ")]


def format_findings(findings: Sequence[pb.Finding], articles: Iterable[pb.Article] = ()) -> str:
    if not findings:
        return "No findings."
    lines = []
    counts: dict[str, int] = {}
    for number, finding in enumerate(findings, start=1):
        kind = kind_name(finding.kind)
        counts[kind] = counts.get(kind, 0) + 1
        lines.append(
            f"{number:>3}. {kind:<17} {severity_name(finding.severity):<5} conf {finding.confidence:.2f}  "
            f"{finding.explanation}"
        )
        for evidence in finding.evidence:
            lines.extend(_evidence_lines(finding, evidence))
        if finding.diff:
            lines.append(_wrap("diff: " + format_diff(finding.diff), "       "))
        lines.append("")
    summary = ", ".join(f"{count} {kind}" for kind, count in sorted(counts.items()))
    lines.append(f"{plural(len(findings), 'finding')}: {summary}")
    return "\n".join(lines)


def format_extraction(article: pb.Article, sentences: Sequence[pb.Sentence], claims: Sequence[pb.Claim]) -> str:
    published = article.published
    date = (f"{published.year or 'XXXX'}-{published.month or 0:02d}-{published.day or 0:02d}"
            if published.month else (str(published.year) if published.year else "unknown"))
    lines = [
        f"article {article.id}  source: {article.source}  published: {date}",
        f"title: {article.title}",
        f"{plural(len(sentences), 'sentence')}, {plural(len(claims), 'claim')}",
        "",
    ]
    for claim in claims:
        lines.append(_wrap(f"[{claim.span.start}:{claim.span.end}] {claim.text}", "  "))
        for t in claim.times:
            interval = f" {t.begin}..{t.end}" if t.begin else ""
            vague = " vague" if t.vague else ""
            lines.append(f"      time   {t.text!r} {_name(pb.TimeType, t.type, 'TIME_TYPE_')} {t.value}"
                         f"{interval} {_name(pb.Granularity, t.granularity, 'GRANULARITY_').lower()}{vague}")
        for q in claim.quantities:
            lines.append(f"      number {q.text!r} = {q.value:g} [{q.low:g}, {q.high:g}] {q.unit} {q.counts}".rstrip())
        for q in claim.quotes:
            who = q.speaker or "unknown speaker"
            joiner = " " if _CUE_LEADS_IN.search(q.cue.strip()) else " via "
            via = f"{joiner}{q.intermediary}" if q.intermediary and q.intermediary not in q.cue else ""
            kind = _name(pb.QuoteKind, q.kind, "QUOTE_KIND_").lower()
            lines.append(_wrap(f"quote ({kind}) by {who} ({q.cue}{via}): {_quoted(q.text)}", "      "))
        for e in claim.entities:
            if e.title or e.role:
                lines.append(f"      person {e.canonical or e.text}: {e.title} -> {e.role or '-'}")
        if claim.negated:
            lines.append(f"      negated by {claim.polarity_cue!r}")
    return "\n".join(lines)


def format_articles(articles: Sequence[pb.Article]) -> str:
    if not articles:
        return "No articles."
    rows = [("id", "published", "source", "claims", "story", "title")]
    for a in articles:
        p = a.published
        date = f"{p.year or 'XXXX'}-{p.month:02d}-{p.day:02d}" if p.month and p.day else (str(p.year) if p.year else "")
        rows.append((a.id, date, a.source, str(a.claim_count), a.story_id, a.title))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    return "\n".join(
        "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(r[:5])) + "  " + r[5] for r in rows
    )


def format_stories(stories: Sequence[pb.Story]) -> str:
    if not stories:
        return "No stories."
    blocks = []
    for story in stories:
        blocks.append(f"story {story.id}  topic {story.topic_id}  {story.title}")
        blocks.extend("    " + line for line in format_articles(story.articles).splitlines()[1:])
    return "\n".join(blocks)


def format_ingest(results: Sequence[pb.IngestResult]) -> str:
    lines = []
    for r in results:
        name = r.external_id or f"#{r.index}"
        if r.error:
            lines.append(f"  rejected  {name}: {r.error}")
        else:
            state = "new      " if r.created else "duplicate"
            lines.append(f"  {state} {name}: {r.article_id} ({r.claim_count} claims, story {r.story_id})")
    stored = sum(1 for r in results if not r.error)
    lines.append(f"{stored} of {plural(len(results), 'article')} stored ({sum(1 for r in results if r.created)} new)")
    return "\n".join(lines)
