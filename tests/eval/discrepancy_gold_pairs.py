"""How the pairs of the read discrepancy gold set (tests/eval/discrepancy_gold.json) were chosen.

    python -m tests.eval.discrepancy_gold_pairs ../shared/data

A fixed, seeded procedure over the `*ecbplus.xml` documents of each ECB+ topic (all of one topic's ecbplus
documents report the same real event, by different outlets), rebuilt as text by tests.eval.ecbtext:

1. candidates: every pair of two documents of the topic whose rebuilt texts both have 400-7000 characters
   (shorter ones rarely carry a checkable detail; longer ones are hard to read in full);
2. each candidate is scored by content overlap: Jaccard of the lower-cased word types of at least three
   letters outside a small stop list, plus 0.05 if both texts contain a digit and 0.05 if both contain a
   quotation mark (pairs that both carry numbers or quotes are the ones where a discrepancy can show);
3. the best EIGHT candidates by score (ties by name) are shuffled with `random.Random(f"discrepancy-gold/{topic}")`
   and taken in that order, skipping a pair that reuses a document already taken in the topic, until the topic
   has its quota: three pairs in the five topics with the most ecbplus documents (1, 9, 10, 21, 22), two in the
   others. Topics 15 and 17 have no ecbplus documents in this copy of the corpus.

The output is the list of pairs, in the order the gold file keeps them.
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import sys
from pathlib import Path

from tests.eval.ecbtext import rebuild, topic_documents

MIN_CHARS, MAX_CHARS = 400, 7000
SHORTLIST = 8
TOPICS = range(1, 23)
THIRD_PAIR_TOPICS = 5

_STOP = set(
    "the and for that with from this have has had was were are but not been its his her their they them she him"
    " who which what when where will would said says say about after before into over than then there these those"
    " also more most other some such only can could may might one two out off all any our you your new him its"
    " being did does just very".split()
)
_WORD = re.compile(r"[a-z]{3,}")


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def _score(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    score = len(wa & wb) / max(1, len(wa | wb))
    if re.search(r"\d", a) and re.search(r"\d", b):
        score += 0.05
    if re.search("[\"\u201c\u201d]", a) and re.search("[\"\u201c\u201d]", b):
        score += 0.05
    return score


def choose_pairs(root: Path) -> list[tuple[int, str, str]]:
    by_topic = {t: topic_documents(root, t) for t in TOPICS}
    by_topic = {t: docs for t, docs in by_topic.items() if docs}
    largest = sorted(by_topic, key=lambda t: (-len(by_topic[t]), t))[:THIRD_PAIR_TOPICS]
    chosen = []
    for topic, paths in by_topic.items():
        texts = {p.name[: -len(".xml")]: rebuild(p).text for p in paths}
        names = sorted(n for n, t in texts.items() if MIN_CHARS <= len(t) <= MAX_CHARS)
        candidates = sorted(
            itertools.combinations(names, 2), key=lambda ab: (-_score(texts[ab[0]], texts[ab[1]]), ab)
        )[:SHORTLIST]
        random.Random(f"discrepancy-gold/{topic}").shuffle(candidates)
        quota = 3 if topic in largest else 2
        used: set[str] = set()
        for a, b in candidates:
            if len([c for c in chosen if c[0] == topic]) == quota:
                break
            if a in used or b in used:
                continue
            used.update((a, b))
            chosen.append((topic, a, b))
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    args = parser.parse_args(argv)
    root = args.data_dir / "ecbplus"
    if not root.is_dir():
        print(f"skipped: {root} not found")
        return 0
    for topic, a, b in choose_pairs(root):
        print(topic, a, b)
    return 0


if __name__ == "__main__":
    sys.exit(main())
