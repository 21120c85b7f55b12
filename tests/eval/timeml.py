"""TempEval-3 Task A (temporal expressions) on TimeBank + AQUAINT (TBAQ-cleaned).

    python -m tests.eval.timeml ../shared/data/timeml/TBAQ-cleaned

The document creation time (functionInDocument="CREATION_TIME") is the anchor and is not scored. Measures
follow the official TempEval-3 definitions: strict extent = identical spans, relaxed extent = overlapping
spans (one-to-one); type accuracy over relaxed matches; value F1 = attribute F1, i.e. precision and recall of
relaxed matches whose value is also right (equal to value accuracy x relaxed F1).

A fixed fifth of the documents, chosen by hashing the file name, is held out: the rules were written looking at
the other documents only.
"""

from __future__ import annotations

import hashlib
import re
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from service.records import PartialDate, TimeExpression
from service.timex import tag_times

_HELD_OUT_MODULUS = 5  # sha1(file name) % 5 == 0 -> held out (about 20%)


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True)
class Document:
    name: str
    text: str
    anchor: PartialDate | None
    gold: tuple[GoldTimex, ...]


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0
    documents: int = 0
    errors: list[str] = field(default_factory=list)


def is_held_out(name: str) -> bool:
    return int(hashlib.sha1(name.encode()).hexdigest(), 16) % _HELD_OUT_MODULUS == 0


def read_document(path: Path) -> Document:
    root = ET.parse(path).getroot()
    anchor = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            if m := re.match(r"(\d{4})-(\d{2})-(\d{2})", timex.get("value", "")):
                anchor = PartialDate(int(m[1]), int(m[2]), int(m[3]))
            break
    body = root.find("TEXT")
    pieces: list[str] = []
    gold: list[GoldTimex] = []

    def walk(node: ET.Element) -> None:
        start = sum(map(len, pieces))
        if node.text:
            pieces.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                pieces.append(child.tail)
        if node.tag == "TIMEX3" and node.get("functionInDocument") != "CREATION_TIME":
            end = sum(map(len, pieces))
            raw = "".join(pieces)[start:end]
            trimmed_end = start + len(raw.rstrip())
            trimmed_start = start + len(raw) - len(raw.lstrip())
            if trimmed_end > trimmed_start:
                gold.append(GoldTimex(trimmed_start, trimmed_end, node.get("type", ""), node.get("value", "")))

    if body is not None:
        walk(body)
    return Document(path.name, "".join(pieces), anchor, tuple(gold))


def score(document: Document, found: list[TimeExpression], counts: Counts) -> None:
    counts.documents += 1
    counts.gold += len(document.gold)
    counts.system += len(found)
    unmatched = list(found)
    for gold in document.gold:
        match = next((t for t in unmatched if t.span.start < gold.end and gold.start < t.span.end), None)
        if match is None:
            counts.errors.append(f"MISS  {document.name}: {document.text[gold.start:gold.end]!r} {gold.value}")
            continue
        unmatched.remove(match)
        counts.relaxed += 1
        counts.strict += (match.span.start, match.span.end) == (gold.start, gold.end)
        counts.type_ok += match.type.value == gold.type
        if match.value == gold.value:
            counts.value_ok += 1
        else:
            counts.errors.append(f"VALUE {document.name}: {match.text!r} {match.value} gold "
                                 f"{document.text[gold.start:gold.end]!r} {gold.value}")
    for extra in unmatched:
        counts.errors.append(f"EXTRA {document.name}: {extra.text!r} {extra.value}")


def _prf(hits: int, system: int, gold: int) -> tuple[float, float, float]:
    p = hits / system if system else 0.0
    r = hits / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def row(label: str, c: Counts) -> str:
    sp, sr, sf = _prf(c.strict, c.system, c.gold)
    rp, rr, rf = _prf(c.relaxed, c.system, c.gold)
    _, _, vf = _prf(c.value_ok, c.system, c.gold)
    type_acc = c.type_ok / c.relaxed if c.relaxed else 0.0
    cells = [label, str(c.documents), str(c.gold), str(c.system)]
    cells += [f"{100 * x:.1f}" for x in (sp, sr, sf, rp, rr, rf, type_acc, vf)]
    return "| " + " | ".join(cells) + " |"


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else Path("../shared/data/timeml/TBAQ-cleaned")
    if not folder.is_dir():
        print(f"skipped: no TimeML data at {folder}")
        return 0
    show = argv[2] if len(argv) > 2 else ""  # "dev" prints the dev errors (never the held-out ones)
    began = time.perf_counter()
    dev, held_out = Counts(), Counts()
    # TBAQ's "testpipeline" folder repeats a TimeBank document: only the two corpora are scored.
    paths = sorted(folder.glob("TimeBank/*.tml")) + sorted(folder.glob("AQUAINT/*.tml"))
    for path in paths:
        document = read_document(path)
        found = tag_times(document.text, document.anchor)
        score(document, found, held_out if is_held_out(path.name) else dev)
    elapsed = time.perf_counter() - began
    if show == "dev":
        print("\n".join(dev.errors))
    print("| split | docs | gold | system | strict P | strict R | strict F1 | relaxed P | relaxed R | relaxed F1 "
          "| type acc | value F1 |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    print(row("dev (used for tuning)", dev))
    print(row("held-out", held_out))
    print(f"\n{dev.documents + held_out.documents} documents tagged in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
