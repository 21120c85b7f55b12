"""Train the fact aligner (service/align/facts.json, facts_discrepancy.json) on ECB+ topics 1-12.

    python scripts/train_aligner.py ../shared/data [--cache-dir /tmp/crosscheck_crossdoc] [--check] [--left-out]

Every claim pair of every pair of `*ecbplus` articles of one topic, both claims in sentences ECB+ annotates, is an
example: positive when the two sentences share an event instance and one more (a participant, time, place: the same
fact reported by both outlets), negative when they share no event; pairs sharing only an event are left out. Each
topic weighs alike (`event_weights`). The threshold is the lowest cut at which the links the real comparison makes
on topics 1-12 reach TARGET_PRECISION on average over the topics, so that a link is wrong about one time in ten
at most on an event. A second scorer over the same pairs (`discrepancy_scorer`) decides which linked pairs are
sure enough to call a difference between them a discrepancy. Topics 13-22 are never read here. The result is
written as JSON coefficients; the same data gives the same bytes (`--check` compares instead of writing).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from service.align.facts import (  # noqa: E402
    _DISCREPANCY_COLUMNS, DEFAULT_DISCREPANCY_MODEL_PATH, DEFAULT_FACT_MODEL_PATH, DISCREPANCY_FEATURES,
    FACT_FEATURES, FactAligner, pair_matrix,
)
from service.compare.claims import DISCREPANCY_MIN_SCORE  # noqa: E402
from service.align.scorer import fit_scorer, scorer_to_dict  # noqa: E402
from tests.eval.crossdoc import TUNING_TOPICS, analyse_all, evaluate, load_corpus, same_event, same_fact  # noqa: E402

# Precision first: a wrong link turns into a false discrepancy, a missed one only loses a comparison.
TARGET_PRECISION = 0.9
THRESHOLDS = tuple(round(0.6 + 0.025 * k, 3) for k in range(15))  # 0.600 .. 0.950
C = 1.0


def examples(corpus, analysed):
    """(features, labels, topic of each row)."""
    rows, labels, topics = [], [], []
    for topic, docs in corpus.items():
        docs = [d for d in docs if d.text.name in analysed]
        for x, doc_a in enumerate(docs):
            for doc_b in docs[x + 1:]:
                a, b = analysed[doc_a.text.name], analysed[doc_b.text.name]
                if not a.extraction.claims or not b.extraction.claims:
                    continue
                features = pair_matrix(a.extraction, a.embeddings, b.extraction, b.embeddings)
                lines_a = [doc_a.text.sentence_at(c.span.start) for c in a.extraction.claims]
                lines_b = [doc_b.text.sentence_at(c.span.start) for c in b.extraction.claims]
                for i, la in enumerate(lines_a):
                    if la not in doc_a.instances:
                        continue
                    for j, lb in enumerate(lines_b):
                        if lb not in doc_b.instances:
                            continue
                        ia, ib = doc_a.instances[la], doc_b.instances[lb]
                        if same_fact(ia, ib):
                            labels.append(1)
                        elif not same_event(ia, ib):
                            labels.append(0)
                        else:
                            continue  # one shared event and nothing else: too uncertain to learn from
                        rows.append(features[i, j])
                        topics.append(topic)
    return np.array(rows), np.array(labels), np.array(topics)


def discrepancy_scorer(x: np.ndarray, y: np.ndarray):
    """The scorer that decides whether a difference between two linked claims is a discrepancy: every pair
    weighs as it comes, so the topic whose articles wander most, with the most pairs of one subject that tell two
    facts, teaches it most; and without the articles' closeness as a whole (see DISCREPANCY_FEATURES). Its cut is
    the comparison's DISCREPANCY_MIN_SCORE."""
    return fit_scorer(x[:, _DISCREPANCY_COLUMNS], y, threshold=DISCREPANCY_MIN_SCORE, c=C, names=DISCREPANCY_FEATURES)


def event_weights(topics: np.ndarray) -> np.ndarray:
    """Each topic's pairs weigh as much in all as any other topic's: the events met in use are new ones, and a
    topic with ten times the annotated pairs (one whose articles wander into the background) would otherwise
    set the model's prior for every event."""
    names, counts = np.unique(topics, return_counts=True)
    per_topic = dict(zip(names.tolist(), (len(topics) / (len(names) * counts)).tolist()))
    return np.array([per_topic[t] for t in topics.tolist()])


def threshold_for_precision(model, discrepancy_model, corpus, analysed) -> float:
    """The lowest cut at which the sentence links the real comparison makes on topics 1-12 reach TARGET_PRECISION
    (the crossdoc evaluation's measure) on average over the topics: claim pairs of annotated sentences are mostly
    about one event, so precision over claim pairs hardly rises above the share of positives, while over the
    links that findings make it does. Averaged over topics, as the training weighs them: over all links at once,
    the topic whose articles wander most would alone set the cut for every event."""
    for threshold in THRESHOLDS:
        aligner = FactAligner(replace(model, threshold=threshold), discrepancy_model)
        tallies = [evaluate(corpus, analysed, aligner, range(topic, topic + 1)) for topic in TUNING_TOPICS]
        tallies = [t for t in tallies if t.linked_annotated and t.gold]
        precision = sum(t.linked_correct / t.linked_annotated for t in tallies) / max(len(tallies), 1)
        recall = sum(t.gold_found / t.gold for t in tallies) / max(len(tallies), 1)
        print(f"  threshold {threshold:.3f}: precision {precision:.3f}, recall {recall:.3f} (means over topics)")
        if precision >= TARGET_PRECISION:
            return threshold
    return THRESHOLDS[-1]


def left_out_links(corpus, analysed, x, y, topics, thresholds=(0.8, 0.85, 0.9)) -> None:
    """How the links generalise to an event the model has not seen: for each topic, the model trained on the
    other topics links that topic's articles; precision and recall over all topics' links at each cut."""
    for threshold in thresholds:
        found = gold = correct = linked = 0
        for topic in TUNING_TOPICS:
            train = topics != topic
            model = fit_scorer(x[train], y[train], c=C, names=FACT_FEATURES, sample_weight=event_weights(topics[train]))
            aligner = FactAligner(replace(model, threshold=threshold), discrepancy_scorer(x[train], y[train]))
            tally = evaluate(corpus, analysed, aligner, range(topic, topic + 1))
            found, gold = found + tally.gold_found, gold + tally.gold
            correct, linked = correct + tally.linked_correct, linked + tally.linked_annotated
        print(f"  left-out topics, threshold {threshold:.3f}: precision {correct / max(linked, 1):.3f}, "
              f"recall {found / max(gold, 1):.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--cache-dir", type=Path, default=None)
    parser.add_argument("--check", action="store_true", help="compare with the committed model instead of writing")
    parser.add_argument("--left-out", action="store_true",
                        help="also link each topic with a model trained on the others, and print how those links fare")
    args = parser.parse_args(argv)
    corpus = load_corpus(args.data / "ecbplus", TUNING_TOPICS)
    analysed = analyse_all(corpus, args.cache_dir)
    x, y, topics = examples(corpus, analysed)
    print(f"{len(y)} claim pairs, {int(y.sum())} positive, {len(np.unique(topics))} topics")
    if args.left_out:
        left_out_links(corpus, analysed, x, y, topics)
    discrepancy_model = discrepancy_scorer(x, y)
    model = fit_scorer(x, y, c=C, names=FACT_FEATURES, sample_weight=event_weights(topics))
    model = replace(model, threshold=threshold_for_precision(model, discrepancy_model, corpus, analysed))
    print(f"threshold {model.threshold}")
    for name, weight in sorted(zip(FACT_FEATURES, model.coefficients), key=lambda item: -abs(item[1])):
        print(f"  {name:20s} {weight:+.3f}")
    same = True
    for path, scorer in ((DEFAULT_FACT_MODEL_PATH, model), (DEFAULT_DISCREPANCY_MODEL_PATH, discrepancy_model)):
        data = json.dumps(scorer_to_dict(scorer), indent=1) + "\n"
        if args.check:
            identical = path.exists() and path.read_text(encoding="utf-8") == data
            print(f"{path.name}: " + ("identical to the committed model" if identical else "DIFFERS from the committed model"))
            same &= identical
        else:
            path.write_text(data, encoding="utf-8")
            print(f"wrote {path}")
    return 0 if same else 1

if __name__ == "__main__":
    raise SystemExit(main())
