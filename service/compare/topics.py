"""Across stories of one topic: long-running claims ("no meetings since 2011") that different events repeat.

Candidates are the claims of the other checked articles of the same topic in other stories, searched in the store
by id (service.engine.StoredClaims), so the cost grows with the check, never with the whole store. Only discrepancies are reported here, and only for pairs the scorer is
very sure of: two stories of one subject share vocabulary, and an agreement or a weak pair across them would be
noise.
"""

from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np

from service.align import PairScorer, VectorIndex, pair_features
from service.compare.claims import AlignedClaims, compare_aligned
from service.compare.group import Analysed
from service.records import Claim, Finding

# Well above the scorer's own threshold (about 0.53): across events only near-paraphrases are the same claim.
MIN_CROSS_STORY_SCORE = 0.9
CANDIDATES = 3


def cross_story_findings(
    items: Sequence[Analysed], topics: Mapping[str, str], index: VectorIndex, scorer: PairScorer
) -> list[Finding]:
    owner: dict[str, tuple[Analysed, Claim]] = {
        claim.id: (item, claim) for item in items for claim in item.extraction.claims
    }
    findings: list[Finding] = []
    seen: set[tuple[str, str]] = set()
    for item in items:
        article = item.extraction.article.id
        others = {
            claim.id
            for other in items
            if topics.get(other.extraction.article.id) == topics.get(article) and other.story_id != item.story_id
            for claim in other.extraction.claims
        }
        if not others or not topics.get(article):
            continue
        hits = index.search(np.asarray(item.embeddings), CANDIDATES, allowed=others)
        for claim, row in zip(item.extraction.claims, hits):
            for other_id, cosine in row:
                pair_key = tuple(sorted((claim.id, other_id)))
                if pair_key in seen:
                    continue
                seen.add(pair_key)
                other_item, other_claim = owner[other_id]
                features = pair_features(claim.text, other_claim.text, float(cosine))[None, :]
                score = float(scorer.score(features)[0])
                if score < max(MIN_CROSS_STORY_SCORE, scorer.threshold):
                    continue
                pair = AlignedClaims(item.extraction, claim, other_item.extraction, other_claim, score)
                findings.extend(compare_aligned(pair, agreement=False))
    return findings
