"""Quote comparison across two articles: the same quote found by its own words, then its wording and speaker."""

from __future__ import annotations

from service.compare.confidence import calibrated
from service.compare.evidence import evidence
from service.people.names import spelled_alike
from service.quotes import compare_quotes, quote_overlap, same_speaker, same_utterance
from service.records import Claim, Extraction, Finding, FindingKind, Quote, QuoteKind, Severity

# Two- or three-word stretches ("good results") recur by chance; only longer quotes are lined up.
MIN_WORDS = 4


def _speech(extraction: Extraction) -> list[tuple[Claim, Quote]]:
    return [
        (claim, quote)
        for claim in extraction.claims
        for quote in claim.quotes
        if quote.kind is QuoteKind.SPEECH and len(quote.text.split()) >= MIN_WORDS
    ]


def _misattributed(qa: Quote, qb: Quote) -> bool:
    """Different speakers, both confidently resolved and both named by the quote's own attribution (a cue such
    as "said"): a guessed speaker against a named one is our doubt, not the outlets' disagreement, and so is a
    speaker carried over from an earlier quote (the next quote may be someone else's, named in a way we miss)."""
    if not (qa.speaker and qb.speaker and qa.speaker_confident and qb.speaker_confident):
        return False
    if not (qa.cue and qb.cue):
        return False
    return not same_speaker(qa.speaker, qb.speaker)


def _paired(
    quotes_a: list[tuple[Claim, Quote]], quotes_b: list[tuple[Claim, Quote]]
) -> list[tuple[float, tuple[Claim, Quote], tuple[Claim, Quote]]]:
    """Each quote with at most one rendering in the other article, best first: a headline's "I think she will"
    is a fragment of the body's longer quote too, but the body's copy of that quote matches it in full."""
    candidates = []
    for i, (claim_a, qa) in enumerate(quotes_a):
        for j, (claim_b, qb) in enumerate(quotes_b):
            if same_utterance(qa.text, qb.text):
                overlap = quote_overlap(qa.text, qb.text)
                size = abs(len(qa.text.split()) - len(qb.text.split()))
                candidates.append((-overlap, size, i, j, overlap))
    used_a: set[int] = set()
    used_b: set[int] = set()
    chosen = []
    for _, _, i, j, overlap in sorted(candidates):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            chosen.append((i, overlap, quotes_a[i], quotes_b[j]))
    return [(overlap, qa, qb) for _, overlap, qa, qb in sorted(chosen, key=lambda item: item[0])]


def quote_findings(a: Extraction, b: Extraction) -> tuple[list[Finding], set[tuple[str, str]]]:
    """Findings for every quote of `a` found again in `b`, and the (claim, claim) id pairs they cover."""
    findings: list[Finding] = []
    covered: set[tuple[str, str]] = set()
    for overlap, (claim_a, qa), (claim_b, qb) in _paired(_speech(a), _speech(b)):
        covered.add((claim_a.id, claim_b.id))
        comparison = compare_quotes(qa.text, qb.text)
        findings.append(
            Finding(
                kind=comparison.kind,
                severity=comparison.severity,
                confidence=(round(overlap, 3) if comparison.kind is FindingKind.AGREEMENT
                            else calibrated(comparison.kind, comparison.severity)),
                explanation=f"{a.article.source} vs {b.article.source}: {comparison.explanation}",
                evidence=(
                    evidence(a, claim_a, qa.span, qa.text, cue=qa.cue),
                    evidence(b, claim_b, qb.span, qb.text, cue=qb.cue),
                ),
                diff=comparison.entries,
            )
        )
        if _misattributed(qa, qb):
            # A first name or surname a letter or two apart is one person spelled two ways: worth a correction,
            # not a claim that someone else said it.
            alike = spelled_alike(qa.speaker, qb.speaker)
            severity = Severity.MINOR if alike else Severity.MAJOR
            what = "is spelled" if alike else "is given to"
            findings.append(
                Finding(
                    kind=FindingKind.QUOTE_ATTRIBUTION,
                    severity=severity,
                    confidence=calibrated(FindingKind.QUOTE_ATTRIBUTION, severity),
                    explanation=(
                        f"the same quote's speaker {what} {qa.speaker} by {a.article.source} "
                        f"and {qb.speaker} by {b.article.source}"
                    ) if alike else (
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
