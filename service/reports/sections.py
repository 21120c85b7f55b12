"""The report's sections computed from the window's articles and findings (protobuf messages at this edge):
totals, the source-by-source agreement matrix, per-source discrepancy rates, the timeline and corroborations."""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from typing import Iterable, Sequence

from crosscheck_proto import crosscheck_pb2 as pb
from crosscheck_render.labels import is_discrepancy


def _sources_of(finding: pb.Finding) -> list[str]:
    return sorted({e.source for e in finding.evidence})


def totals(articles: Sequence[pb.Article], story_count: int, findings: Sequence[pb.Finding]) -> pb.ReportTotals:
    counts = Counter((f.kind, f.severity) for f in findings)
    return pb.ReportTotals(
        articles=len(articles),
        sources=len({a.source for a in articles}),
        stories=story_count,
        claims=sum(a.claim_count for a in articles),
        findings=[pb.FindingCount(kind=k, severity=s, count=n) for (k, s), n in sorted(counts.items())],
    )


def agreement_matrix(sources: Iterable[str], findings: Sequence[pb.Finding]) -> list[pb.SourcePair]:
    """Every unordered pair of the window's sources, including pairs with nothing aligned (a blank the reader
    should see). A finding between several sources counts once for each pair of them; two articles of one
    outlet are not a pair."""
    aligned: Counter[tuple[str, str]] = Counter()
    agreed: Counter[tuple[str, str]] = Counter()
    for finding in findings:
        if finding.kind == pb.FINDING_KIND_UNCORROBORATED:
            continue
        for pair in itertools.combinations(_sources_of(finding), 2):
            aligned[pair] += 1
            if finding.kind == pb.FINDING_KIND_AGREEMENT:
                agreed[pair] += 1
    return [
        pb.SourcePair(source_a=a, source_b=b, aligned=aligned[(a, b)], agreed=agreed[(a, b)],
                      agreement=agreed[(a, b)] / aligned[(a, b)] if aligned[(a, b)] else 0.0)
        for a, b in itertools.combinations(sorted(set(sources)), 2)
    ]


def source_stats(articles: Sequence[pb.Article], findings: Sequence[pb.Finding]) -> list[pb.SourceStats]:
    article_count: Counter[str] = Counter(a.source for a in articles)
    claim_count: Counter[str] = Counter()
    for article in articles:
        claim_count[article.source] += article.claim_count
    discrepancies: Counter[str] = Counter()
    for finding in findings:
        if is_discrepancy(finding):
            discrepancies.update(_sources_of(finding))
    return [
        pb.SourceStats(source=s, articles=article_count[s], claims=claim_count[s], discrepancies=discrepancies[s],
                       discrepancy_rate=discrepancies[s] / claim_count[s] if claim_count[s] else 0.0)
        for s in sorted(article_count)
    ]


def _date_key(article: pb.Article) -> tuple[int, int, int]:
    return (article.published.year, article.published.month, article.published.day)


def timeline(articles: Sequence[pb.Article], findings: Sequence[pb.Finding]) -> list[pb.TimelineEntry]:
    involved: Counter[str] = Counter()
    disputed: Counter[str] = Counter()
    for finding in findings:
        ids = {e.article_id for e in finding.evidence}
        involved.update(ids)
        if is_discrepancy(finding):
            disputed.update(ids)
    ordered = sorted(articles, key=lambda a: (_date_key(a), a.source, a.id))
    return [
        pb.TimelineEntry(article_id=a.id, source=a.source, title=a.title, published=a.published,
                         findings=involved[a.id], discrepancies=disputed[a.id])
        for a in ordered
    ]


def corroborations(agreements: Sequence[pb.Finding]) -> list[pb.Corroboration]:
    """Claims linked by agreements form one corroborated fact (A agrees with B, B with C: three sources); it is
    named by its text in the alphabetically first source, so the wording is stable from run to run."""
    parent: dict[str, str] = {}

    def root(claim: str) -> str:
        while parent.setdefault(claim, claim) != claim:
            parent[claim] = parent[parent[claim]]
            claim = parent[claim]
        return claim

    evidence_of: dict[str, pb.Evidence] = {}
    for finding in agreements:
        ids = [e.claim_id or f"{e.article_id}@{e.span.start}" for e in finding.evidence]
        for claim_id, evidence in zip(ids, finding.evidence):
            evidence_of.setdefault(claim_id, evidence)
        for other in ids[1:]:
            parent[root(other)] = root(ids[0])

    groups: dict[str, list[pb.Evidence]] = defaultdict(list)
    for claim_id, evidence in evidence_of.items():
        groups[root(claim_id)].append(evidence)
    found = []
    for members in groups.values():
        first = min(members, key=lambda e: (e.source, e.article_id, e.span.start))
        found.append(pb.Corroboration(claim=first.value or first.sentence,
                                      sources=sorted({e.source for e in members})))
    return sorted(found, key=lambda c: (-len(c.sources), c.claim))
