"""Evidence and finding helpers shared by the comparators."""

from __future__ import annotations

from crosscheck_proto.kinds import KIND_ORDER, is_discrepancy_kind
from service.extract import sentence_of
from service.records import Claim, Evidence, Extraction, Finding, FindingKind, Severity, Span


def evidence(extraction: Extraction, claim: Claim | None, span: Span, value: str, cue: str = "") -> Evidence:
    article = extraction.article
    return Evidence(
        article_id=article.id,
        source=article.source,
        sentence=sentence_of(extraction, span.start),
        span=span,
        value=value,
        claim_id=claim.id if claim else "",
        cue=cue,
    )


_KIND_ORDER = {FindingKind(name): rank for rank, name in enumerate(KIND_ORDER)}
_SEVERITY_ORDER = {Severity.MAJOR: 0, Severity.MINOR: 1, Severity.INFO: 2}


def is_discrepancy(finding: Finding) -> bool:
    return is_discrepancy_kind(finding.kind.value)


def ordered(findings: list[Finding]) -> list[Finding]:
    """Discrepancies first (most severe first), then agreements, then uncorroborated claims; stable by position."""
    return sorted(
        findings,
        key=lambda f: (
            not is_discrepancy(f),
            _SEVERITY_ORDER[f.severity],
            _KIND_ORDER[f.kind],
            [(e.article_id, e.span.start) for e in f.evidence],
        ),
    )
