"""Cross-outlet claim alignment on ECB+: are the sentences that report the same fact linked?

    python -m tests.eval.crossdoc ../shared/data [--cache-dir /tmp/crosscheck_crossdoc] [--aligners fact,paraphrase]
        [--backend torch|onnx|onnx-int8]

ECB+ (topics 1-22) annotates, in the sentences listed in `ECBplus_coreference_sentences.csv`, mentions of events,
participants, times and places with an instance id shared across documents for the same real-world thing. Each
`*ecbplus.xml` article is rebuilt as text (`tests.eval.ecbtext`) and analysed by the real extraction and the real
model; every pair of articles of one topic's `*ecbplus` event is compared through the real comparison
(`service.compare.compare_articles`). A finding with evidence in both articles links the sentences its evidence
lies in. Gold:

- a "same fact" pair is two annotated sentences that share an event instance and at least one more instance (a
  participant, a time, a place or a second event);
- precision: of the linked pairs whose two sentences are both annotated, the share that share an event instance;
- recall: of the gold same-fact pairs, the share linked.

Topics 1-12 are for tuning (the fact aligner is trained on them by `scripts/train_aligner.py`); 13-22 are held out
and reported on their own rows. Each aligner named by `--aligners` runs in the same run on the same extractions.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import itertools
import pickle
import sys
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from tests.eval.ecbtext import EcbText, rebuild, topic_documents

TUNING_TOPICS = range(1, 13)
HELD_OUT_TOPICS = range(13, 23)
EVENT_PREFIXES = ("ACT", "NEG")


@dataclass(frozen=True)
class GoldDocument:
    text: EcbText
    # ECB+ sentence number -> the cross-document instance ids mentioned in it, for annotated sentences only
    instances: dict[int, frozenset[str]]


def annotated_sentences(root: Path) -> dict[str, set[int]]:
    selected: dict[str, set[int]] = defaultdict(set)
    with open(root / "ECBplus_coreference_sentences.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            selected[f"{row['Topic']}_{row['File']}"].add(int(row["Sentence Number"]))
    return selected


def load_gold(path: Path, selected: set[int]) -> GoldDocument:
    text = rebuild(path)
    root = ET.parse(path).getroot()
    sentence_of_token = {t.get("t_id"): int(t.get("sentence", "0")) for t in root.iter("token")}
    sentences_of_mention: dict[str, set[int]] = {}
    for markable in root.find("Markables") or []:
        anchors = [sentence_of_token[a.get("t_id")] for a in markable.iter("token_anchor")
                   if a.get("t_id") in sentence_of_token]
        if anchors:
            sentences_of_mention[markable.get("m_id", "")] = set(anchors)
    instances: dict[int, set[str]] = {s: set() for s in selected if text.line_of(s) is not None}
    for relation in root.find("Relations") or []:
        if relation.tag != "CROSS_DOC_COREF":
            continue
        instance = relation.get("note", "")
        for source in relation.iter("source"):
            for sentence in sentences_of_mention.get(source.get("m_id", ""), ()):
                if sentence in instances:
                    instances[sentence].add(instance)
    return GoldDocument(text, {s: frozenset(ids) for s, ids in instances.items()})


def same_fact(a: frozenset[str], b: frozenset[str]) -> bool:
    shared = a & b
    return any(i.startswith(EVENT_PREFIXES) for i in shared) and len(shared) >= 2


def same_event(a: frozenset[str], b: frozenset[str]) -> bool:
    return any(i.startswith(EVENT_PREFIXES) for i in a & b)


def load_corpus(root: Path, topics: range) -> dict[int, list[GoldDocument]]:
    selected = annotated_sentences(root)
    corpus = {}
    for topic in topics:
        docs = [load_gold(p, selected.get(p.name[:-4], set())) for p in topic_documents(root, topic)]
        if docs:
            corpus[topic] = docs
    return corpus


# ------------------------------------------------------------------------------------------------ system side


def analyse_all(corpus: dict[int, list[GoldDocument]], cache_dir: Path | None, backend: str = "torch"):
    """The real extraction and embeddings of every article, cached on disk (keyed by model, code and text) if
    asked."""
    from service.compare import Analysed
    from service.embed import CachedEmbedder, open_embedder
    from service.engine import analyse
    from service.errors import InvalidInput
    from service.records import ArticleInput

    embedder = CachedEmbedder(open_embedder(backend))
    analysed = {}
    for docs in corpus.values():
        for doc in docs:
            item = ArticleInput(text=doc.text.text, source=doc.text.name, external_id=doc.text.name)
            # The model is part of the key: one backend's vectors are never read back as another's.
            key = hashlib.sha256(f"{embedder.name}\n{doc.text.text}".encode()).hexdigest()[:24]
            cached = cache_dir / f"{doc.text.name}-{key}.pickle" if cache_dir else None
            if cached is not None and cached.exists():
                extraction, embeddings = pickle.loads(cached.read_bytes())
            else:
                try:
                    extraction, embeddings = analyse(item, embedder)
                except InvalidInput as exc:
                    print(f"{doc.text.name}: rejected ({exc.message}); left out", file=sys.stderr)
                    continue
                if cached is not None:
                    cached.parent.mkdir(parents=True, exist_ok=True)
                    cached.write_bytes(pickle.dumps((extraction, embeddings)))
            analysed[doc.text.name] = Analysed(extraction, embeddings)
    return analysed


def _lines_overlapping(doc: GoldDocument, start: int, end: int) -> set[int]:
    return {number for number, s, e in doc.text.lines if s < end and start < e}


def linked_lines(findings, doc_a: GoldDocument, doc_b: GoldDocument, id_a: str, id_b: str) -> set[tuple[int, int]]:
    links = set()
    for finding in findings:
        spans_a = [(e.span.start, e.span.end) for e in finding.evidence if e.article_id == id_a]
        spans_b = [(e.span.start, e.span.end) for e in finding.evidence if e.article_id == id_b]
        for (sa, ea), (sb, eb) in itertools.product(spans_a, spans_b):
            for la in _lines_overlapping(doc_a, sa, ea):
                for lb in _lines_overlapping(doc_b, sb, eb):
                    links.add((la, lb))
    return links


@dataclass
class Tally:
    pairs: int = 0
    pairs_with_link: int = 0
    linked_annotated: int = 0
    linked_correct: int = 0
    gold: int = 0
    gold_found: int = 0
    findings: int = 0
    uncorroborated: int = 0
    seconds: float = 0.0

    def row(self, topics: str, name: str) -> str:
        precision = self.linked_correct / self.linked_annotated if self.linked_annotated else 0.0
        recall = self.gold_found / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        share_unc = self.uncorroborated / self.findings if self.findings else 0.0
        return (f"| {topics} | {name} | {self.pairs} | {self.pairs_with_link / max(self.pairs, 1):.2f} | "
                f"{self.gold} | {self.linked_annotated} | {precision:.3f} | {recall:.3f} | {f1:.3f} | "
                f"{share_unc:.2f} | {1000 * self.seconds / max(self.pairs, 1):.0f} |")


def evaluate(corpus, analysed, aligner, topics: range) -> Tally:
    from service.compare import compare_articles
    from service.records import FindingKind

    tally = Tally()
    for topic in topics:
        docs = [d for d in corpus.get(topic, []) if d.text.name in analysed]
        for doc_a, doc_b in itertools.combinations(docs, 2):
            a, b = analysed[doc_a.text.name], analysed[doc_b.text.name]
            started = time.perf_counter()
            findings = compare_articles([a, b], aligner, by_story=False)
            tally.seconds += time.perf_counter() - started
            tally.pairs += 1
            tally.findings += len(findings)
            tally.uncorroborated += sum(f.kind is FindingKind.UNCORROBORATED for f in findings)
            links = linked_lines(findings, doc_a, doc_b, a.extraction.article.id, b.extraction.article.id)
            tally.pairs_with_link += bool(links)
            for la, lb in links:
                if la in doc_a.instances and lb in doc_b.instances:
                    tally.linked_annotated += 1
                    tally.linked_correct += same_event(doc_a.instances[la], doc_b.instances[lb])
            for (la, ia), (lb, ib) in itertools.product(doc_a.instances.items(), doc_b.instances.items()):
                if same_fact(ia, ib):
                    tally.gold += 1
                    tally.gold_found += (la, lb) in links
    return tally


def aligners(names: list[str]):
    from service.align import ParaphraseAligner, load_scorer

    built = {}
    for name in names:
        if name == "fact":
            from service.align import FactAligner, load_fact_model

            built["fact aligner (crosscheck)"] = FactAligner(load_fact_model())
        elif name == "paraphrase":
            built["paraphrase aligner (MRPC scorer)"] = ParaphraseAligner(load_scorer())
        else:
            raise SystemExit(f"unknown aligner {name!r}: choose from fact, paraphrase")
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="the data folder holding ecbplus/")
    parser.add_argument("--cache-dir", type=Path, default=None, help="cache extractions here between runs")
    parser.add_argument("--aligners", default="fact,paraphrase")
    parser.add_argument("--backend", default="torch", help="model backend: torch, onnx or onnx-int8")
    args = parser.parse_args(argv)
    root = args.data / "ecbplus"
    if not (root / "ECBplus_coreference_sentences.csv").exists():
        print(f"skipped: {root} has no ECB+ data")
        return 0
    corpus = load_corpus(root, range(1, 23))
    analysed = analyse_all(corpus, args.cache_dir, args.backend)
    print("| topics | aligner | article pairs | pairs with a link | gold same-fact pairs | linked annotated pairs "
          "| precision | recall | F1 | share uncorroborated | ms per pair |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for label, topics in (("1-12 (tuning)", TUNING_TOPICS), ("13-22 (held out)", HELD_OUT_TOPICS)):
        for name, aligner in aligners(args.aligners.split(",")).items():
            print(evaluate(corpus, analysed, aligner, topics).row(label, name))
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
