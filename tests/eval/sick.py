"""CONTRADICTION detection on SICK: each sentence pair is read as two claims already aligned.

    python -m tests.eval.sick /path/to/sick

Prints precision, recall and F1 of CONTRADICTION against ENTAILMENT + NEUTRAL for `contradiction_cue`
and for a baseline (contradiction iff exactly one side contains a negation word), per split.
Rules were tuned on SICK_train only; SICK_trial is the held-out row.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from service.polarity import contradiction_cue

SPLITS = (("train", "SICK_train.txt"), ("trial (held out)", "SICK_trial.txt"))
_NEGATION_WORD = re.compile(r"\b(?:not|no|never|nobody|none|nothing|neither|nor)\b|n't", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Pair:
    sentence_a: str
    sentence_b: str
    contradiction: bool


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float
    f1: float
    predicted: int
    gold: int


def read_pairs(path: Path) -> list[Pair]:
    """SICK rows: pair_ID, sentence_A, sentence_B, relatedness_score, entailment_judgment (header optional)."""
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        columns = line.split("\t")
        if len(columns) < 5 or not columns[0].isdigit():
            continue
        pairs.append(Pair(columns[1], columns[2], columns[4].strip() == "CONTRADICTION"))
    return pairs


def baseline(a: str, b: str) -> bool:
    return bool(_NEGATION_WORD.search(a)) != bool(_NEGATION_WORD.search(b))


def crosscheck(a: str, b: str) -> bool:
    return contradiction_cue(a, b) is not None


def score(pairs: list[Pair], predict: Callable[[str, str], bool]) -> Scores:
    predictions = [predict(p.sentence_a, p.sentence_b) for p in pairs]
    true_positives = sum(1 for p, hit in zip(pairs, predictions) if hit and p.contradiction)
    predicted = sum(predictions)
    gold = sum(p.contradiction for p in pairs)
    precision = true_positives / predicted if predicted else 0.0
    recall = true_positives / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1, predicted, gold)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m tests.eval.sick /path/to/sick", file=sys.stderr)
        return 2
    folder = Path(argv[0])
    if not folder.is_dir():
        print(f"skipped: no SICK data at {folder}")
        return 0
    print("| split | method | pairs | gold | predicted | precision | recall | F1 |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for split, filename in SPLITS:
        path = folder / filename
        if not path.is_file():
            print(f"| {split} | (missing {filename}) | | | | | | |")
            continue
        pairs = read_pairs(path)
        methods = (("baseline: one side has a negation word", baseline), ("contradiction_cue", crosscheck))
        for method, predict in methods:
            s = score(pairs, predict)
            print(
                f"| {split} | {method} | {len(pairs)} | {s.gold} | {s.predicted} "
                f"| {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} |"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
