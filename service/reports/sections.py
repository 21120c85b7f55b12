"""The report's sections computed from the window's articles and findings: totals, the source-by-source
agreement matrix, per-source discrepancy rates, the timeline and corroborations."""

from __future__ import annotations

import enum
import itertools
from collections import Counter, defaultdict
from typing import Iterable, Sequence

from service.compare.evidence import is_discrepancy
from service.records import Evidence, Finding, FindingKind, PartialDate
from service.reports.records import (
    Corroboration,
    FindingCount,
    ReportTotals,
    SourcePair,
    SourceStats,
    TimelineEntry,
)
from service.store.base import ArticleSummary


def declared_order(member: enum.Enum) -> int:
    """A member's place in its enum's declaration, which is the contract's numbering (kinds from agreement to
    uncorroborated, severities from info to major): sorting by it keeps the order readers have always seen."""
    return list(type(member)).index(member)


def _sources_of(finding: Finding) -> list[str]:
    return sorted({e.source for e in finding.evidence})


def date_key(published: PartialDate | None) -> tuple[int, int, int]:
    """Oldest first; unknown parts sort before known ones, as the contract's zeros do."""
    if published is None:
        return (0, 0, 0)
    return (published.year or 0, published.month or 0, published.day or 0)


def totals(articles: Sequence[ArticleSummary], story_count: int, findings: Sequence[Finding]) -> ReportTotals:
    counts = Counter((f.kind, f.severity) for f in findings)
    ordered = sorted(counts.items(), key=lambda item: (declared_order(item[0][0]), declared_order(item[0][1])))
    return ReportTotals(
        articles=len(articles),
        sources=len({a.article.source for a in articles}),
        stories=story_count,
        claims=sum(a.claim_count for a in articles),
        findings=tuple(FindingCount(kind=k, severity=s, count=n) for (k, s), n in ordered),
    )


def agreement_matrix(sources: Iterable[str], findings: Sequence[Finding]) -> tuple[SourcePair, ...]:
    """Every unordered pair of the window's sources, including pairs with nothing aligned (a blank the reader
    should see). A finding between several sources counts once for each pair of them; two articles of one
    outlet are not a pair."""
    aligned: Counter[tuple[str, str]] = Counter()
    agreed: Counter[tuple[str, str]] = Counter()
    for finding in findings:
        if finding.kind is FindingKind.UNCORROBORATED:
            continue
        for pair in itertools.combinations(_sources_of(finding), 2):
            aligned[pair] += 1
            if finding.kind is FindingKind.AGREEMENT:
                agreed[pair] += 1
    return tuple(
        SourcePair(source_a=a, source_b=b, aligned=aligned[(a, b)], agreed=agreed[(a, b)],
                   agreement=agreed[(a, b)] / aligned[(a, b)] if aligned[(a, b)] else 0.0)
        for a, b in itertools.combinations(sorted(set(sources)), 2)
    )


def source_stats(articles: Sequence[ArticleSummary], findings: Sequence[Finding]) -> tuple[SourceStats, ...]:
    article_count: Counter[str] = Counter(a.article.source for a in articles)
    claim_count: Counter[str] = Counter()
    for summary in articles:
        claim_count[summary.article.source] += summary.claim_count
    discrepancies: Counter[str] = Counter()
    for finding in findings:
        if is_discrepancy(finding):
            discrepancies.update(_sources_of(finding))
    return tuple(
        SourceStats(source=s, articles=article_count[s], claims=claim_count[s], discrepancies=discrepancies[s],
                    discrepancy_rate=discrepancies[s] / claim_count[s] if claim_count[s] else 0.0)
        for s in sorted(article_count)
    )


def timeline(articles: Sequence[ArticleSummary], findings: Sequence[Finding]) -> tuple[TimelineEntry, ...]:
    involved: Counter[str] = Counter()
    disputed: Counter[str] = Counter()
    for finding in findings:
        ids = {e.article_id for e in finding.evidence}
        involved.update(ids)
        if is_discrepancy(finding):
            disputed.update(ids)
    ordered = sorted(articles, key=lambda s: (date_key(s.article.published), s.article.source, s.article.id))
    return tuple(
        TimelineEntry(article_id=s.article.id, source=s.article.source, title=s.article.title,
                      published=s.article.published, findings=involved[s.article.id],
                      discrepancies=disputed[s.article.id])
        for s in ordered
    )


def corroborations(agreements: Sequence[Finding]) -> tuple[Corroboration, ...]:
    """Claims linked by agreements form one corroborated fact (A agrees with B, B with C: three sources); it is
    named by its text in the alphabetically first source, so the wording is stable from run to run."""
    parent: dict[str, str] = {}

    def root(claim: str) -> str:
        while parent.setdefault(claim, claim) != claim:
            parent[claim] = parent[parent[claim]]
            claim = parent[claim]
        return claim

    evidence_of: dict[str, Evidence] = {}
    for finding in agreements:
        ids = [e.claim_id or f"{e.article_id}@{e.span.start}" for e in finding.evidence]
        for claim_id, evidence in zip(ids, finding.evidence):
            evidence_of.setdefault(claim_id, evidence)
        for other in ids[1:]:
            parent[root(other)] = root(ids[0])

    groups: dict[str, list[Evidence]] = defaultdict(list)
    for claim_id, evidence in evidence_of.items():
        groups[root(claim_id)].append(evidence)
    found = []
    for members in groups.values():
        first = min(members, key=lambda e: (e.source, e.article_id, e.span.start))
        found.append(Corroboration(claim=first.value or first.sentence,
                                   sources=tuple(sorted({e.source for e in members}))))
    return tuple(sorted(found, key=lambda c: (-len(c.sources), c.claim)))
