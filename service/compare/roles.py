"""ROLE_MISMATCH: the same person given different offices by articles close in time."""

from __future__ import annotations

from service.compare.confidence import calibrated
from service.compare.evidence import evidence
from service.people import role_conflict, same_person
from service.records import Claim, Entity, EntityKind, Extraction, Finding, FindingKind, Severity, Span


def _quoted(extraction: Extraction) -> list[Span]:
    return [part for claim in extraction.claims for quote in claim.quotes for part in quote.parts]


def _people_with_roles(extraction: Extraction) -> list[tuple[Claim, Entity]]:
    """The people the article itself gives an office. A title inside a quotation is the quoted speaker's wording
    when they spoke ("As president, Senator Obama will fight ...", said in a campaign), not the article's
    statement of the office the person holds as it writes."""
    quoted = _quoted(extraction)
    return [
        (claim, entity)
        for claim in extraction.claims
        for entity in claim.entities
        if entity.kind is EntityKind.PERSON and entity.role
        and not any(part.contains(entity.title_span or entity.span) for part in quoted)
    ]


def _also_given(person: Entity, people: list[tuple[Claim, Entity]], date) -> bool:
    """Whether a mention of `person` among `people` gives them an office compatible with `person`'s. Two articles
    that each call Comey "FBI Director" in one sentence and "a Republican appointed as deputy attorney general by
    George W. Bush" in another do not differ on him, whichever mentions are paired; an article that gives a
    person a second office the other never gives still differs from it (one of its mentions may be the error)."""
    return any(same_person(person.canonical or person.text, other.canonical or other.text)
               and role_conflict(person, date, other, date) is None for _, other in people)


def role_findings(a: Extraction, b: Extraction) -> list[Finding]:
    findings: list[Finding] = []
    seen: set[tuple[str, str, str]] = set()
    date_a = a.article.published.complete if a.article.published else None
    date_b = b.article.published.complete if b.article.published else None
    people_a = _people_with_roles(a)
    people_b = _people_with_roles(b)
    for claim_a, ea in people_a:
        for claim_b, eb in people_b:
            if not same_person(ea.canonical or ea.text, eb.canonical or eb.text):
                continue
            conflict = role_conflict(ea, date_a, eb, date_b)
            if conflict is None:
                continue
            if _also_given(eb, people_a, date_a) and _also_given(ea, people_b, date_b):
                continue  # each article gives the person both offices: nothing differs between them
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
