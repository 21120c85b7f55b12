"""Direct-quote extraction and speaker attribution on PolNeAR (train and dev).

    python -m tests.eval.polnear /path/to/polnear

Gold direct quotes are the attribution contents that start or end at a quotation mark, or are enclosed by
quotation marks. A predicted SPEECH quote matches a gold one when their extents (first opening mark to last
closing mark) overlap by at least half of their union (IoU >= 0.5); "strict" requires the same extent up to
whitespace and edge punctuation. Speaker accuracy is over matched quotes with a gold source: correct when the
predicted speaker span overlaps the gold source span. The baseline takes the PERSON mention (spaCy) nearest
the quote as its speaker. When an article was annotated by several annotators, the first annotation is used.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from service.records import Quote, QuoteKind, Span

QUOTE_CHARS = "\"“”‘’«»"
MIN_IOU = 0.5


@dataclass(frozen=True)
class GoldQuote:
    extent: Span
    sources: tuple[Span, ...]


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    strict: int = 0
    with_source: int = 0
    speaker_right: int = 0
    baseline_right: int = 0


def _fragments(field: str) -> list[Span]:
    return [Span(int(a), int(b)) for a, b in (part.split() for part in field.split(";"))]


def read_gold(text: str, ann: str) -> list[GoldQuote]:
    spans: dict[str, tuple[str, list[Span]]] = {}
    relations: list[dict[str, str]] = []
    for line in ann.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            label, _, where = fields[1].partition(" ")
            spans[fields[0]] = (label, _fragments(where))
        elif line.startswith("E") and len(fields) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in fields[1].split()))
    gold = []
    for relation in relations:
        content = spans.get(relation.get("Content", ""))
        if content is None:
            continue
        fragments = content[1]
        extent = Span(min(f.start for f in fragments), max(f.end for f in fragments))
        if not _is_direct(text, extent):
            continue
        source = spans.get(relation.get("Source", ""))
        gold.append(GoldQuote(extent, tuple(source[1]) if source else ()))
    return gold


def _is_direct(text: str, extent: Span) -> bool:
    inner = extent.of(text).strip()
    if not inner:
        return False
    starts = inner[0] in QUOTE_CHARS
    ends = inner.rstrip(".,;:!?")[-1:] in QUOTE_CHARS if inner.rstrip(".,;:!?") else False
    enclosed = text[extent.start - 1 : extent.start] in QUOTE_CHARS and text[extent.end : extent.end + 1] in QUOTE_CHARS
    return starts or ends or enclosed


def _iou(a: Span, b: Span) -> float:
    inter = max(0, min(a.end, b.end) - max(a.start, b.start))
    union = max(a.end, b.end) - min(a.start, b.start)
    return inter / union if union else 0.0


def _trim(text: str, span: Span) -> tuple[int, int]:
    start, end = span.start, span.end
    while start < end and (text[start].isspace() or text[start] in QUOTE_CHARS + ".,;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in QUOTE_CHARS + ".,;:"):
        end -= 1
    return start, end


def paragraphs(text: str) -> list[Span]:
    return [Span(m.start(), m.end()) for m in re.finditer(r"\S(?:.|\n(?!\s*\n))*", text)]


def nearest_person(persons: Sequence[Span], quote: Quote) -> Span | None:
    outside = [p for p in persons if not quote.span.overlaps(p)]
    if not outside:
        return None
    return min(outside, key=lambda p: quote.span.start - p.end if p.end <= quote.span.start else p.start - quote.span.end)


def score_article(text: str, gold: list[GoldQuote], counts: Counts) -> None:
    from service.quotes import extract_quotes
    from service.quotes.people import ner_person_spans

    persons = ner_person_spans(text)
    predicted = [q for q in extract_quotes(text, paragraphs(text), person_spans=persons) if q.kind is QuoteKind.SPEECH]
    counts.gold += len(gold)
    counts.predicted += len(predicted)
    pairs = sorted(((_iou(q.span, g.extent), qi, gi) for qi, q in enumerate(predicted) for gi, g in enumerate(gold)),
                   reverse=True)
    used_q: set[int] = set()
    used_g: set[int] = set()
    for iou, qi, gi in pairs:
        if iou < MIN_IOU or qi in used_q or gi in used_g:
            continue
        used_q.add(qi)
        used_g.add(gi)
        quote, gold_quote = predicted[qi], gold[gi]
        counts.matched += 1
        counts.strict += _trim(text, quote.span) == _trim(text, gold_quote.extent)
        if gold_quote.sources:
            counts.with_source += 1
            counts.speaker_right += quote.speaker_span is not None and any(
                quote.speaker_span.overlaps(s) for s in gold_quote.sources)
            baseline = nearest_person(persons, quote)
            counts.baseline_right += baseline is not None and any(baseline.overlaps(s) for s in gold_quote.sources)


def evaluate(split: Path) -> Counts:
    counts = Counts()
    texts = {p.stem: p for p in (split / "text").glob("*.txt")}
    seen: set[str] = set()
    for ann in sorted((split / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        if stem in seen or stem not in texts:
            continue
        seen.add(stem)
        text = texts[stem].read_text(encoding="utf-8")
        score_article(text, read_gold(text, ann.read_text(encoding="utf-8")), counts)
    return counts


def _pct(num: int, den: int) -> str:
    return f"{100 * num / den:.1f}" if den else "n/a"


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else Path("../shared/data/polnear")
    if not (root / "train").is_dir():
        print(f"skipped: no PolNeAR data at {root}")
        return 0
    print("| split | gold quotes | predicted | P | R | F1 | strict F1 | speaker acc. | nearest-person baseline |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name in ("train", "dev"):
        if not (root / name).is_dir():
            continue
        c = evaluate(root / name)
        p = c.matched / c.predicted if c.predicted else 0.0
        r = c.matched / c.gold if c.gold else 0.0
        sp = c.strict / c.predicted if c.predicted else 0.0
        sr = c.strict / c.gold if c.gold else 0.0
        print(f"| {name} | {c.gold} | {c.predicted} | {100 * p:.1f} | {100 * r:.1f} | {100 * _f1(p, r):.1f} | "
              f"{100 * _f1(sp, sr):.1f} | {_pct(c.speaker_right, c.with_source)} (n={c.with_source}) | "
              f"{_pct(c.baseline_right, c.with_source)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
