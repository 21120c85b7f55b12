"""ECB+ topics 1-22: PERSON mention precision and recall, spaCy alone vs spaCy with the people rules.

    python -m tests.eval.ner ../shared/data        (or the ecbplus folder itself)

Gold: HUMAN_PART_PER participant mentions in the sentences ECB+ lists as annotated
(ECBplus_coreference_sentences.csv). Gold also marks pronouns and descriptions ("her rep"), which a named-entity
tagger should not find, so recall counts only named gold mentions (with a capitalised word that does not open
the sentence and that the corpus never writes in lower case), while a predicted PERSON is correct when it overlaps any gold person mention. Each document is
rebuilt from its tokens, one sentence per line and per paragraph. Topics 1-12 were used for tuning the rules;
topics 13-22 are held out.
"""

from __future__ import annotations

import csv
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from service.nlp import load_nlp
from service.people import entities_from_doc
from service.records import EntityKind, Span

TUNING_TOPICS = range(1, 13)
HELD_OUT_TOPICS = range(13, 23)
_NO_SPACE_BEFORE = frozenset(",.;:!?)]}%'s n't 're 've 'll 'd 'm ''".split() + ["'s", "n't", "''"])
_NO_SPACE_AFTER = frozenset("( [ { `` $".split())


@dataclass(frozen=True)
class Document:
    topic: int
    text: str
    paragraphs: list[Span]
    token_spans: dict[str, Span]  # t_id -> characters
    token_sentence: dict[str, int]
    selected: frozenset[int]  # annotated sentence numbers
    gold: list[frozenset[str]]  # every HUMAN_PART_PER mention, as token ids
    named_gold: list[frozenset[str]]


@dataclass
class Counts:
    predicted: int = 0
    correct: int = 0
    gold: int = 0
    found: int = 0

    def row(self, name: str) -> str:
        precision = self.correct / self.predicted if self.predicted else 0.0
        recall = self.found / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return f"| {name} | {self.predicted} | {self.gold} | {precision:.3f} | {recall:.3f} | {f1:.3f} |"


def _selected_sentences(folder: Path) -> dict[tuple[str, str], set[int]]:
    selected: dict[tuple[str, str], set[int]] = {}
    with (folder / "ECBplus_coreference_sentences.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            selected.setdefault((row["Topic"], row["File"]), set()).add(int(row["Sentence Number"]))
    return selected


def _is_name_token(text: str, position: int, common_words: set[str]) -> bool:
    """A capitalised word, not opening its sentence, that the corpus never writes in lower case: "Driver" in a
    Title Case headline is a common noun, "Gerasimov" is a name."""
    if position == 0 or not re.fullmatch(r"[A-Z][A-Za-z'.-]*", text):
        return False
    return text.lower() not in common_words


def lower_case_words(paths: Iterable[Path]) -> set[str]:
    """Words written in lower case in running text (URL lines, with their lower-case name slugs, excluded)."""
    words: set[str] = set()
    for path in paths:
        sentences: dict[str, list[str]] = {}
        for token in ET.parse(path).getroot().iter("token"):
            sentences.setdefault(token.get("sentence", "0"), []).append(token.text or "")
        for tokens in sentences.values():
            if not any(t.startswith(("http", "www")) for t in tokens):
                words.update(t for t in tokens if t[:1].islower())
    return words


def load_document(path: Path, topic: int, selected: set[int], common_words: set[str]) -> Document:
    root = ET.parse(path).getroot()
    pieces: list[str] = []
    token_spans: dict[str, Span] = {}
    token_sentence: dict[str, int] = {}
    token_position: dict[str, tuple[str, int]] = {}
    paragraphs: list[Span] = []
    offset, sentence, paragraph_start, previous = 0, None, 0, ""
    for token in root.iter("token"):
        number = int(token.get("sentence", "0"))
        word = (token.text or "").replace("``", '"').replace("''", '"')
        if sentence is not None and number != sentence:
            paragraphs.append(Span(paragraph_start, offset))
            pieces.append("\n")
            offset += 1
            paragraph_start, previous = offset, ""
        elif previous and word not in _NO_SPACE_BEFORE and previous not in _NO_SPACE_AFTER:
            pieces.append(" ")
            offset += 1
        sentence = number
        t_id = token.get("t_id", "")
        token_spans[t_id] = Span(offset, offset + len(word))
        token_sentence[t_id] = number
        token_position[t_id] = (word, int(token.get("number", "0")))
        pieces.append(word)
        offset += len(word)
        previous = word
    paragraphs.append(Span(paragraph_start, offset))
    gold: list[frozenset[str]] = []
    named: list[frozenset[str]] = []
    for mention in root.iter("HUMAN_PART_PER"):
        ids = frozenset(a.get("t_id", "") for a in mention.iter("token_anchor"))
        if not ids or not all(token_sentence.get(i) in selected for i in ids):
            continue
        gold.append(ids)
        if any(_is_name_token(*token_position[i], common_words) for i in ids):
            named.append(ids)
    return Document(topic, "".join(pieces), paragraphs, token_spans, token_sentence, frozenset(selected), gold, named)


def load_corpus(folder: Path) -> list[Document]:
    selected = _selected_sentences(folder)
    paths = [
        (topic, path)
        for topic in [*TUNING_TOPICS, *HELD_OUT_TOPICS]
        for path in sorted((folder / str(topic)).glob("*.xml"))
        if (str(topic), path.stem.split("_", 1)[1]) in selected
    ]
    common_words = lower_case_words(path for _, path in paths)
    return [
        load_document(path, topic, selected[(str(topic), path.stem.split("_", 1)[1])], common_words)
        for topic, path in paths
    ]


def _tokens_in(document: Document, span: Span) -> frozenset[str]:
    return frozenset(t for t, s in document.token_spans.items() if s.overlaps(span))


def score(document: Document, predicted: Iterable[Span], counts: Counts) -> None:
    found: set[int] = set()
    for span in predicted:
        tokens = _tokens_in(document, span)
        if not tokens or not any(document.token_sentence[t] in document.selected for t in tokens):
            continue
        counts.predicted += 1
        if any(tokens & gold for gold in document.gold):
            counts.correct += 1
        found.update(k for k, gold in enumerate(document.named_gold) if tokens & gold)
    counts.gold += len(document.named_gold)
    counts.found += len(found)


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: python -m tests.eval.ner /path/to/data")
        return 2
    folder = Path(argv[0])
    if (folder / "ecbplus").is_dir():
        folder = folder / "ecbplus"
    if not (folder / "ECBplus_coreference_sentences.csv").is_file():
        print(f"skipped: no ECB+ data at {folder}")
        return 0
    documents = load_corpus(folder)
    nlp = load_nlp()
    results = {split: {"spaCy": Counts(), "spaCy + rules": Counts()} for split in ("topics 1-12", "topics 13-22")}
    for document, doc in zip(documents, nlp.pipe(d.text for d in documents)):
        split = "topics 1-12" if document.topic in TUNING_TOPICS else "topics 13-22"
        spacy_people = [Span(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
        rule_people = [e.span for e in entities_from_doc(doc, document.paragraphs) if e.kind is EntityKind.PERSON]
        score(document, spacy_people, results[split]["spaCy"])
        score(document, rule_people, results[split]["spaCy + rules"])
    print(f"ECB+ PERSON mentions, {len(documents)} documents (annotated sentences only)\n")
    print("| split / system | predicted | named gold | precision | recall | F1 |")
    print("|---|---|---|---|---|---|")
    for split, systems in results.items():
        for system, counts in systems.items():
            print(counts.row(f"{split}: {system}"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
