"""ROLE_MISMATCH: the same person given different offices by articles close in time."""

from __future__ import annotations

from service.compare.confidence import calibrated
from service.compare.evidence import evidence
from service.people import role_conflict, same_person
from service.records import Claim, Entity, EntityKind, Extraction, Finding, FindingKind, Severity


def _people_with_roles(extraction: Extraction) -> list[tuple[Claim, Entity]]:
    return [
        (claim, entity)
        for claim in extraction.claims
        for entity in claim.entities
        if entity.kind is EntityKind.PERSON and entity.role
    ]


def role_findings(a: Extraction, b: Extraction) -> list[Finding]:
    findings: list[Finding] = []
    seen: set[tuple[str, str, str]] = set()
    date_a = a.article.published.complete if a.article.published else None
    date_b = b.article.published.complete if b.article.published else None
    people_b = _people_with_roles(b)
    for claim_a, ea in _people_with_roles(a):
        for claim_b, eb in people_b:
            if not same_person(ea.canonical or ea.text, eb.canonical or eb.text):
                continue
            conflict = role_conflict(ea, date_a, eb, date_b)
            if conflict is None:
                continue
            key = (conflict.person, *sorted((conflict.role_a, conflict.role_b)))
            if key in seen:
                continue
            seen.add(key)
            findings.append(
                Finding(
                    kind=FindingKind.ROLE_MISMATCH,
                    severity=Severity.MAJOR,
                    confidence=calibrated(FindingKind.ROLE_MISMATCH, Severity.MAJOR),
                    explanation=f"{a.article.source} and {b.article.source}: {conflict.explanation}",
                    evidence=(
                        evidence(a, claim_a, ea.title_span or ea.span, f"{ea.canonical or ea.text}: {ea.role}"),
                        evidence(b, claim_b, eb.title_span or eb.span, f"{eb.canonical or eb.text}: {eb.role}"),
                    ),
                )
            )
    return findings
