"""Quote comparison across two articles: the same quote found by its own words, then its wording and speaker."""

from __future__ import annotations

import re
from dataclasses import replace

from service.compare.confidence import calibrated
from service.compare.evidence import evidence
from service.people.names import spelled_alike
from service.quotes import compare_quotes, nearly_same_words, quote_overlap, same_speaker, same_utterance
from service.quotes.tokens import PART_BREAK
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


def _differently_attributed(qa: Quote, qb: Quote) -> bool:
    """Both speakers confidently resolved, and different people."""
    return bool(qa.speaker_confident and qb.speaker_confident and qa.speaker and qb.speaker
                and not same_speaker(qa.speaker, qb.speaker))


def _one_utterance(qa: Quote, qb: Quote, text_b: str | None = None) -> bool:
    """Whether two quotes are renderings of one remark (`text_b` stands for `qb`'s words when only part of them
    is compared). Given to two different people, they must say nearly the same words (`nearly_same_words`):
    two people speaking of one subject share its phrases, and holding the overlap of such remarks as one quote
    would raise a wording difference and a misattribution where each outlet quoted someone else."""
    b = qb.text if text_b is None else text_b
    if not same_utterance(qa.text, b):
        return False
    return not _differently_attributed(qa, qb) or nearly_same_words(qa.text, b)


def _paired(
    quotes_a: list[tuple[Claim, Quote]], quotes_b: list[tuple[Claim, Quote]]
) -> list[tuple[float, tuple[Claim, Quote], tuple[Claim, Quote]]]:
    """Each quote with at most one rendering in the other article, best first: a headline's "I think she will"
    is a fragment of the body's longer quote too, but the body's copy of that quote matches it in full."""
    candidates = []
    for i, (claim_a, qa) in enumerate(quotes_a):
        for j, (claim_b, qb) in enumerate(quotes_b):
            if _one_utterance(qa, qb):
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
    chosen += _split_renderings(quotes_a, quotes_b, chosen)
    return [(overlap, qa, qb) for _, overlap, qa, qb in sorted(chosen, key=lambda item: item[0])]


# Sentence ends inside a quote's text ("... challenged them . While two of them managed to escape ...").
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")


def _rest(quote: str, part: str) -> str:
    """The sentences of `quote` before or after those wholly inside `part` (the share of the quote another
    outlet gives as a quote of its own), "" when `part` covers no sentence at an edge of the quote."""
    sentences = _SENTENCE_END.split(quote)
    inside = [bool(s.split()) and quote_overlap(s, part) == 1.0 and len(s.split()) <= len(part.split()) for s in sentences]
    if len(sentences) < 2 or all(inside) or not any(inside):
        return ""
    start, end = 0, len(sentences)
    while start < end and inside[start]:
        start += 1
    while end > start and inside[end - 1]:
        end -= 1
    if any(inside[start:end]):
        return ""  # the covered sentences sit in the middle: no single rest
    return " ".join(sentences[start:end])


def _split_renderings(quotes_a, quotes_b, chosen):
    """One outlet's quote that the other gives as two quotes ("The warship ... challenged them. While two of
    them managed to escape, ..." against "The warship ... challenged them," and, a sentence later, "While two
    of the skiffs and its crew managed to get away, ..."): once the first quote is paired with the sentences
    it renders, the rest of the longer quote is paired with a quote left over, by the same test as any two
    quotes, and only when exactly one is left that passes it."""
    used_a = {i for i, *_ in chosen}
    used_b = {j for j, (_, quote) in enumerate(quotes_b) if any(quote is qb for *_, (_, qb) in chosen)}
    added = []
    for i, _, (claim_a, qa), (claim_b, qb) in list(chosen):
        rest = _rest(qb.text, qa.text)
        left = [k for k in range(len(quotes_a)) if k not in used_a and _one_utterance(quotes_a[k][1], qb, rest)]
        if rest and len(left) == 1:
            (k,) = left
            used_a.add(k)
            added.append((k, quote_overlap(quotes_a[k][1].text, rest), quotes_a[k], (claim_b, replace(qb, text=rest))))
        rest = _rest(qa.text, qb.text)
        left = [k for k in range(len(quotes_b)) if k not in used_b and _one_utterance(quotes_b[k][1], qa, rest)]
        if rest and len(left) == 1:
            (k,) = left
            used_b.add(k)
            added.append((i, quote_overlap(quotes_b[k][1].text, rest), (claim_a, replace(qa, text=rest)), quotes_b[k]))
    return added


def _compared_text(extraction: Extraction, quote: Quote) -> str:
    """The quote's words with its parts' meeting points marked ("…," he said, "…"): what another outlet quotes
    there is words this one left out, not words it changed. The plain text when the parts do not rebuild it (the
    rest of a quote split in two is only some of its words)."""
    if len(quote.parts) < 2:
        return quote.text
    parts = [" ".join(part.of(extraction.article.text).split()) for part in quote.parts]
    if " ".join(parts) != quote.text:
        return quote.text
    return f" {PART_BREAK} ".join(parts)


def quote_findings(a: Extraction, b: Extraction) -> tuple[list[Finding], set[tuple[str, str]]]:
    """Findings for every quote of `a` found again in `b`, and the (claim, claim) id pairs they cover."""
    findings: list[Finding] = []
    covered: set[tuple[str, str]] = set()
    for overlap, (claim_a, qa), (claim_b, qb) in _paired(_speech(a), _speech(b)):
        covered.add((claim_a.id, claim_b.id))
        comparison = compare_quotes(_compared_text(a, qa), _compared_text(b, qb))
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
        # The rest of a quote split in two (see `_split_renderings`) had its speaker held against the first
        # part's already: its own would say the same twice.
        rest = qa not in claim_a.quotes or qb not in claim_b.quotes
        if not rest and _misattributed(qa, qb):
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
