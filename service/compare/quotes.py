"""Quote comparison across two articles: the same quote found by its own words, then its wording and speaker."""

from __future__ import annotations

from service.compare.evidence import evidence
from service.quotes import compare_quotes, quote_overlap, same_speaker
from service.records import Claim, Extraction, Finding, FindingKind, Quote, QuoteKind, Severity

# Share of the shorter quote's words the longer must contain to be the same quote. Below about half, two quotes
# of one speaker on one subject start to pair up; a fragment of a longer quote is still well above it.
MIN_OVERLAP = 0.6
# Two- or three-word stretches ("good results") recur by chance; only longer quotes are lined up.
MIN_WORDS = 4


def _speech(extraction: Extraction) -> list[tuple[Claim, Quote]]:
    return [
        (claim, quote)
        for claim in extraction.claims
        for quote in claim.quotes
        if quote.kind is QuoteKind.SPEECH and len(quote.text.split()) >= MIN_WORDS
    ]


def quote_findings(a: Extraction, b: Extraction) -> tuple[list[Finding], set[tuple[str, str]]]:
    """Findings for every quote of `a` found again in `b`, and the (claim, claim) id pairs they cover."""
    findings: list[Finding] = []
    covered: set[tuple[str, str]] = set()
    quotes_b = _speech(b)
    for claim_a, qa in _speech(a):
        scored = [(quote_overlap(qa.text, qb.text), claim_b, qb) for claim_b, qb in quotes_b]
        scored = [item for item in scored if item[0] >= MIN_OVERLAP]
        if not scored:
            continue
        overlap, claim_b, qb = max(scored, key=lambda item: item[0])
        covered.add((claim_a.id, claim_b.id))
        comparison = compare_quotes(qa.text, qb.text)
        findings.append(
            Finding(
                kind=comparison.kind,
                severity=comparison.severity,
                confidence=round(overlap, 3),
                explanation=f"{a.article.source} vs {b.article.source}: {comparison.explanation}",
                evidence=(
                    evidence(a, claim_a, qa.span, qa.text, cue=qa.cue),
                    evidence(b, claim_b, qb.span, qb.text, cue=qb.cue),
                ),
                diff=comparison.entries,
            )
        )
        if qa.speaker and qb.speaker and not same_speaker(qa.speaker, qb.speaker):
            findings.append(
                Finding(
                    kind=FindingKind.QUOTE_ATTRIBUTION,
                    severity=Severity.MAJOR,
                    confidence=round(overlap, 3),
                    explanation=(
                        f"the same quote is given to {qa.speaker} by {a.article.source} "
                        f"and to {qb.speaker} by {b.article.source}"
                    ),
                    evidence=(
                        evidence(a, claim_a, qa.speaker_span or qa.span, qa.speaker, cue=qa.cue),
                        evidence(b, claim_b, qb.speaker_span or qb.span, qb.speaker, cue=qb.cue),
                    ),
                )
            )
    return findings, covered
