"""Sentence segmentation against ECB+'s gold sentences: boundary precision, recall and F1.

    python -m tests.eval.segmentation ../shared/data [--spacy]

ECB+ ships tokenised news with a sentence number per token. Each document is rebuilt as text (tokens joined
with the usual spacing; a gold sentence without final punctuation, such as a headline or a dateline line, ends
its paragraph as it did on the page), then split by `split_sentences`, by a naive "[.!?] + space + capital"
splitter and, with --spacy, by spaCy's parser. A boundary is the character offset where a sentence ends.
Topics 1-12 are the development part, 13 and above are held out.
"""

from __future__ import annotations

import argparse
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from pathlib import Path

from service.records import Span
from service.segment import split_sentences

DEV_TOPICS = range(1, 13)
NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", "%", ")", "]", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "''", "'"}
NO_SPACE_AFTER = {"(", "[", "``", "$", "`"}
TERMINAL = (".", "!", "?", "''", '"', ")")


def rebuild(path: Path) -> tuple[str, list[Span], set[int]]:
    """The document's text, its paragraphs and the gold sentence-end offsets."""
    sentences: dict[int, list[str]] = {}
    for token in ET.parse(path).getroot().iter("token"):
        sentences.setdefault(int(token.get("sentence", "0")), []).append(token.text or "")
    text, paragraphs, ends = "", [], set()
    paragraph_start = 0
    for number in sorted(sentences):
        tokens = sentences[number]
        if not tokens or "http" in tokens[0]:
            continue
        sentence, quote_open = "", False
        for token in tokens:
            shown = '"' if token in ("``", "''", '"') else token
            closing = shown == '"' and quote_open
            glue = (
                not sentence
                or token in NO_SPACE_BEFORE
                or closing
                or sentence.endswith(tuple(NO_SPACE_AFTER))
                or (sentence.endswith('"') and quote_open)
            )
            sentence += shown if glue else " " + shown
            if shown == '"':
                quote_open = not quote_open
        if text and not text.endswith("\n"):
            text += " "
        text += sentence
        ends.add(len(text))
        if not tokens[-1].endswith(TERMINAL) or tokens[-1] in ("''", ")") and len(tokens) > 1 and not tokens[-2].endswith((".", "!", "?")):
            paragraphs.append(Span(paragraph_start, len(text)))
            text += "\n\n"
            paragraph_start = len(text)
    if paragraph_start < len(text):
        paragraphs.append(Span(paragraph_start, len(text)))
    return text, paragraphs, ends


def ours(text: str, paragraphs: Sequence[Span]) -> set[int]:
    return {s.span.end for s in split_sentences(text, paragraphs)}


def naive(text: str, paragraphs: Sequence[Span]) -> set[int]:
    ends = set()
    for paragraph in paragraphs:
        body = paragraph.of(text)
        ends |= {paragraph.start + m.end() for m in re.finditer(r"[.!?][\"')]*(?=\s+[\"(]?[A-Z])", body)}
        ends.add(paragraph.end)
    return ends


def spacy_parser(text: str, paragraphs: Sequence[Span]) -> set[int]:
    from service.nlp import load_nlp

    nlp = load_nlp()
    ends = set()
    for paragraph in paragraphs:
        doc = nlp(paragraph.of(text))
        ends |= {paragraph.start + len(sent.text_with_ws.rstrip()) + sent.start_char for sent in doc.sents}
    return ends


def score(splitter: Callable[[str, Sequence[Span]], set[int]], documents: list[tuple[str, list[Span], set[int]]]) -> tuple[float, float, float, int]:
    found = gold = correct = 0
    for text, paragraphs, ends in documents:
        predicted = splitter(text, paragraphs)
        found += len(predicted)
        gold += len(ends)
        correct += len(predicted & ends)
    precision = correct / found if found else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, gold


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--spacy", action="store_true", help="also score spaCy's parser (slow)")
    args = parser.parse_args(argv)
    root = args.data / "ecbplus"
    if not root.is_dir():
        print(f"skipped: no ECB+ folder at {root}")
        return 0
    parts: dict[str, list[tuple[str, list[Span], set[int]]]] = {"dev (topics 1-12)": [], "held out (13+)": []}
    for path in sorted(root.glob("*/*.xml")):
        topic = int(path.parent.name)
        parts["dev (topics 1-12)" if topic in DEV_TOPICS else "held out (13+)"].append(rebuild(path))
    splitters: dict[str, Callable[[str, Sequence[Span]], set[int]]] = {"split_sentences": ours, "naive regex": naive}
    if args.spacy:
        splitters["spaCy parser"] = spacy_parser
    print("| part | splitter | gold sentences | precision | recall | F1 |")
    print("|---|---|---:|---:|---:|---:|")
    for part, documents in parts.items():
        for name, splitter in splitters.items():
            precision, recall, f1, gold = score(splitter, documents)
            print(f"| {part} | {name} | {gold} | {precision:.3f} | {recall:.3f} | {f1:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
