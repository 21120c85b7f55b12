"""Compare a set of articles: align claims pairwise within each story, then compare slot by slot."""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Sequence

import numpy as np

from service.align import ClaimAligner
from service.compare.claims import AlignedClaims, compare_aligned
from service.compare.evidence import evidence, ordered
from service.compare.quotes import quote_findings
from service.compare.roles import role_findings
from service.records import Extraction, Finding, FindingKind, Severity

# A claim of fewer words is a caption fragment or a heading, not a statement worth reporting as uncorroborated.
MIN_UNCORROBORATED_WORDS = 6
DATELINE = "dateline"


@dataclass(frozen=True)
class Analysed:
    """An extraction with its claim embeddings (rows in claim order) and its story, when known."""

    extraction: Extraction
    embeddings: np.ndarray
    story_id: str = ""


def _pair_findings(
    a: Analysed, b: Analysed, aligner: ClaimAligner, agreements: bool
) -> tuple[list[Finding], set[str]]:
    """Findings between two articles, and the ids of the claims that found a counterpart."""
    findings, quoted_pairs = quote_findings(a.extraction, b.extraction)
    matched = {claim_id for pair in quoted_pairs for claim_id in pair}
    claims_a, claims_b = a.extraction.claims, b.extraction.claims
    for aligned in aligner.align(a.extraction, a.embeddings, b.extraction, b.embeddings):
        claim_a, claim_b = claims_a[aligned.a], claims_b[aligned.b]
        if DATELINE in (claim_a.unit, claim_b.unit):
            continue  # two outlets publishing on different days is no discrepancy
        matched.update((claim_a.id, claim_b.id))
        pair = AlignedClaims(a.extraction, claim_a, b.extraction, claim_b, aligned.score, aligned.best,
                             aligned.discrepancy_score)
        # A pair already judged through its quote gets no second, generic agreement.
        covered = (claim_a.id, claim_b.id) in quoted_pairs
        findings.extend(compare_aligned(pair, agreement=agreements and not covered))
    if not agreements:
        findings = [f for f in findings if f.kind is not FindingKind.AGREEMENT]
    return findings, matched


def _uncorroborated(item: Analysed, matched: set[str]) -> list[Finding]:
    return [
        Finding(
            kind=FindingKind.UNCORROBORATED,
            severity=Severity.INFO,
            confidence=0.5,
            explanation=f"only {item.extraction.article.source} reports this",
            evidence=(evidence(item.extraction, claim, claim.span, claim.text),),
        )
        for claim in item.extraction.claims
        if claim.id not in matched and claim.unit != DATELINE and len(claim.text.split()) >= MIN_UNCORROBORATED_WORDS
    ]


def compare_articles(
    items: Sequence[Analysed], aligner: ClaimAligner, *, by_story: bool = True, agreements: bool = True
) -> list[Finding]:
    """All findings across `items`. With `by_story`, claims are only aligned between articles of one story
    (roles are checked across all of them); otherwise all articles are treated as one story."""
    groups: dict[str, list[Analysed]] = defaultdict(list)
    for item in items:
        groups[item.story_id if by_story else ""].append(item)

    findings: list[Finding] = []
    for story_id, members in groups.items():
        story_findings: list[Finding] = []
        matched: set[str] = set()
        for a, b in itertools.combinations(members, 2):
            pair_findings, pair_matched = _pair_findings(a, b, aligner, agreements)
            story_findings.extend(pair_findings)
            matched |= pair_matched
        if agreements and len({m.extraction.article.source for m in members}) > 1:
            for item in members:
                story_findings.extend(_uncorroborated(item, matched))
        findings.extend(replace(f, story_id=story_id) for f in story_findings)

    stories = {item.extraction.article.id: item.story_id for item in items}
    for a, b in itertools.combinations(items, 2):
        for finding in role_findings(a.extraction, b.extraction):
            same_story = stories[a.extraction.article.id] == stories[b.extraction.article.id]
            findings.append(replace(finding, story_id=stories[a.extraction.article.id] if same_story else ""))
    return ordered(findings)

