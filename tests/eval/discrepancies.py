"""crosscheck's discrepancy findings against a read gold set of real differences between same-event articles.

    python -m tests.eval.discrepancies ../shared/data [--show] [--cache-dir /tmp/crosscheck_embeddings]

The gold set, tests/eval/discrepancy_gold.json
----------------------------------------------
45 pairs of ECB+ articles (both `*ecbplus.xml` of one topic, so one real event told by two outlets), two or three
per topic, chosen by the seeded procedure of tests/eval/discrepancy_gold_pairs.py. Each article is the text
tests/eval/ecbtext.py rebuilds from the tokens (one sentence a line, tokens joined by spaces, URL line dropped);
every offset is into that text (code points, end exclusive). Each pair was read in full, both texts, and every
factual difference a fact-checker would sign was written down, precision first (only differences one is sure of,
and only of the same event: two articles that report different moments of a story differ in what they report,
not in a fact):

- `kind`: DATE_MISMATCH, NUMBER_MISMATCH, QUOTE_WORDING, QUOTE_ATTRIBUTION, ROLE_MISMATCH, CONTRADICTION, or
  NAME_SPELLING (a name spelled two ways; crosscheck has no such kind, so it only counts in the any-kind row);
- `a` and `b`: `span` [start, end) of the smallest phrase carrying the differing value, `sentence` the span of
  the line that contains it, `value` the characters of the span (tests/eval_data/test_discrepancy_gold.py checks
  that they still equal the rebuilt text);
- `note`: what differs, in one line.

Each pair says `read: true`; `differences: []` means it was read and nothing differs. Those pairs matter as
much: every discrepancy crosscheck reports on them is a false alarm. Relative dates were resolved against the
article's own dateline; a relative date that covers the other side's date is no mismatch, nor is a rounded
or hedged number ("dozens" vs 80, "about 6.0" vs 6.1), US/UK spelling or punctuation inside a quote, or an
unnamed source on one side and a named one on the other.

Scoring
-------
Each pair's two texts go through the real compare path: `Engine.compare` with the all-MiniLM-L6-v2 embedder,
the committed pair scorer and an in-memory store; the source is the file name; no publication date is passed
(crosscheck reads a dateline in the text itself). Its discrepancy findings (every kind but AGREEMENT and
UNCORROBORATED) are matched to the gold differences of the pair: a finding matches a difference when the kinds
agree, some evidence of the finding in article A overlaps the difference's A sentence, and some evidence in B
overlaps its B sentence. Precision = predictions that match some difference / predictions; recall = differences
matched by some prediction / differences. The any-kind row counts a difference (NAME_SPELLING included) as found
when a discrepancy of any kind overlaps both its sentences. Topics 1-12 are for tuning, 13-22 held out.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from tests.eval.ecbtext import rebuild

GOLD = Path(__file__).resolve().parent / "discrepancy_gold.json"
KINDS = ("DATE_MISMATCH", "NUMBER_MISMATCH", "QUOTE_WORDING", "QUOTE_ATTRIBUTION", "ROLE_MISMATCH",
         "CONTRADICTION")
SECONDARY = "NAME_SPELLING"
SPLITS = (("topics 1-12 (tuning)", range(1, 13)), ("topics 13-22 (held out)", range(13, 23)),
          ("all", range(1, 23)))
SNIPPET = 100


@dataclass(frozen=True)
class Predicted:
    topic: int
    pair: str
    kind: str
    # (start, end) of every piece of evidence in each article
    a: tuple[tuple[int, int], ...]
    b: tuple[tuple[int, int], ...]
    explanation: str


class DirectoryCache:
    """Embeddings of claim texts kept in one .npz file per model between runs (the `EmbeddingCache` shape)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._rows: dict[str, dict[str, np.ndarray]] = {}
        self._dirty: set[str] = set()

    def _file(self, model: str) -> Path:
        return self.folder / f"discrepancies-{model.replace('/', '_')}.npz"

    def _load(self, model: str) -> dict[str, np.ndarray]:
        if model not in self._rows:
            path = self._file(model)
            self._rows[model] = dict(np.load(path)) if path.exists() else {}
        return self._rows[model]

    def lookup(self, model: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        rows = self._load(model)
        return {k: rows[k] for k in keys if k in rows}

    def remember(self, model: str, rows: dict[str, np.ndarray]) -> None:
        self._load(model).update(rows)
        self._dirty.add(model)

    def save(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        for model in self._dirty:
            np.savez(self._file(model), **self._rows[model])
        self._dirty.clear()


def _overlaps(spans: Sequence[tuple[int, int]], target: Sequence[int]) -> bool:
    return any(start < target[1] and target[0] < end for start, end in spans)


def _reaches(p: Predicted, difference: dict) -> bool:
    return _overlaps(p.a, difference["a"]["sentence"]) and _overlaps(p.b, difference["b"]["sentence"])


def predict(engine, root: Path, pair: dict) -> tuple[list[Predicted], dict[str, str]]:
    from service.compare import is_discrepancy
    from service.records import ArticleInput

    texts = {side: rebuild(root / str(pair["topic"]) / f"{pair[side]}.xml").text for side in ("a", "b")}
    items = [ArticleInput(texts[side], source=pair[side], external_id=pair[side]) for side in ("a", "b")]
    articles, findings = engine.compare(items)
    side_of = {articles[0].id: "a", articles[1].id: "b"}
    predicted = []
    for finding in findings:
        if not is_discrepancy(finding):
            continue
        spans: dict[str, list[tuple[int, int]]] = {"a": [], "b": []}
        for e in finding.evidence:
            if e.article_id in side_of:
                spans[side_of[e.article_id]].append((e.span.start, e.span.end))
        predicted.append(Predicted(pair["topic"], f"{pair['a']} / {pair['b']}", finding.kind.value,
                                   tuple(spans["a"]), tuple(spans["b"]), finding.explanation))
    return predicted, texts


def _ratio(numerator: int, denominator: int) -> str:
    return f"{100 * numerator / denominator:.1f}" if denominator else "–"


def score(pairs: Sequence[dict], predictions: dict[int, list[Predicted]]):
    """Per split and kind: (gold, predicted, gold found, predictions matched); plus the any-kind recall."""
    rows = []
    for split, topics in SPLITS:
        counts: dict[str, Counter] = {kind: Counter() for kind in KINDS}
        any_gold = any_found = 0
        for index, pair in enumerate(pairs):
            if pair["topic"] not in topics:
                continue
            found = predictions[index]
            for difference in pair["differences"]:
                any_gold += 1
                any_found += any(_reaches(p, difference) for p in found)
                if difference["kind"] == SECONDARY:
                    continue
                counts[difference["kind"]]["gold"] += 1
                counts[difference["kind"]]["found"] += any(
                    p.kind == difference["kind"] and _reaches(p, difference) for p in found)
            for p in found:
                counts[p.kind]["predicted"] += 1
                counts[p.kind]["matched"] += any(
                    d["kind"] == p.kind and _reaches(p, d) for d in pair["differences"])
        rows.append((split, counts, any_gold, any_found))
    return rows


def print_table(rows) -> None:
    print("| topics | kind | gold | predicted | gold found | predictions matched | precision | recall |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for split, counts, any_gold, any_found in rows:
        total = Counter()
        for kind in KINDS:
            c = counts[kind]
            total.update(c)
            if c["gold"] or c["predicted"]:
                print(f"| {split} | {kind} | {c['gold']} | {c['predicted']} | {c['found']} | {c['matched']} | "
                      f"{_ratio(c['matched'], c['predicted'])} | {_ratio(c['found'], c['gold'])} |")
        print(f"| {split} | **overall** | {total['gold']} | {total['predicted']} | {total['found']} | "
              f"{total['matched']} | {_ratio(total['matched'], total['predicted'])} | "
              f"{_ratio(total['found'], total['gold'])} |")
        print(f"| {split} | any kind, {SECONDARY} included (recall only) | {any_gold} | | {any_found} | | | "
              f"{_ratio(any_found, any_gold)} |")


def _snippet(text: str, spans: Sequence[tuple[int, int]]) -> str:
    if not spans:
        return "(no evidence)"
    start, end = spans[0]
    shown = text[start:end].replace("\n", " ")
    if len(shown) > SNIPPET:
        shown = shown[: SNIPPET - 3] + "..."
    return f"[{start}:{end}] {shown}"


def print_unmatched(pairs, predictions, texts) -> None:
    """The tuning topics' misses and unmatched predictions only: rules are designed from these, and the held-out
    topics must stay unread to mean anything."""
    tuning = SPLITS[0][1]
    print("\nPredicted discrepancies that match no gold difference (tuning topics):\n")
    shown = 0
    for index, pair in enumerate(pairs):
        if pair["topic"] not in tuning:
            continue
        for p in predictions[index]:
            if any(d["kind"] == p.kind and _reaches(p, d) for d in pair["differences"]):
                continue
            shown += 1
            print(f"{shown}. topic {p.topic}, {p.pair}: {p.kind} — {p.explanation}")
            print(f"   A {_snippet(texts[index]['a'], p.a)}")
            print(f"   B {_snippet(texts[index]['b'], p.b)}")
    if not shown:
        print("(none)")
    print("\nGold differences no prediction of their kind matches (tuning topics):\n")
    missed = 0
    for index, pair in enumerate(pairs):
        if pair["topic"] not in tuning:
            continue
        for d in pair["differences"]:
            if d["kind"] != SECONDARY and any(p.kind == d["kind"] and _reaches(p, d) for p in predictions[index]):
                continue
            missed += 1
            print(f"{missed}. topic {pair['topic']}, {pair['a']} / {pair['b']}: {d['kind']} "
                  f"{d['a']['value']!r} / {d['b']['value']!r} — {d['note']}")
    if not missed:
        print("(none)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--show", action="store_true", help="list the tuning topics' unmatched predictions and missed gold")
    parser.add_argument("--cache-dir", type=Path, default=Path("/tmp/crosscheck_embeddings"))
    args = parser.parse_args(argv)
    root = args.data_dir / "ecbplus"
    if not root.is_dir():
        print(f"skipped: {root} not found")
        return 0

    from service.align import load_scorer
    from service.embed import CachedEmbedder, SentenceTransformerEmbedder
    from service.engine import Engine
    from service.store.memory import MemoryStore

    pairs = json.loads(GOLD.read_text(encoding="utf-8"))
    cache = DirectoryCache(args.cache_dir)
    engine = Engine(MemoryStore(), CachedEmbedder(SentenceTransformerEmbedder(), persistent=cache), load_scorer())
    predictions, texts = {}, {}
    for index, pair in enumerate(pairs):
        predictions[index], texts[index] = predict(engine, root, pair)
    cache.save()

    kinds = Counter(d["kind"] for p in pairs for d in p["differences"])
    print(f"Read discrepancy gold set: {len(pairs)} ECB+ pairs, {sum(kinds.values())} differences "
          f"({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))}); "
          f"{sum(1 for p in pairs if not p['differences'])} pairs without any.\n")
    print_table(score(pairs, predictions))
    if args.show:
        print_unmatched(pairs, predictions, texts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
