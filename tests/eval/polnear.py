"""Direct-quote extraction and speaker attribution on PolNeAR (train and dev).

    python -m tests.eval.polnear /path/to/polnear [--split train|dev] [--limit N]

Gold direct quotes are the attribution contents that start or end at a quotation mark, or are enclosed by
quotation marks. Two match criteria are reported, each a row:

- "IoU": a predicted SPEECH quote matches a gold one when their extents (first opening mark to last closing
  mark) overlap by at least half of their union (IoU >= 0.5);
- "IoU or inside": also when at least 80% of the predicted extent lies inside the gold content. PolNeAR's
  content of a partial quote takes in the unquoted words around the marks (it "shameful", that he "would
  win"), which a quote extractor rightly leaves out, so IoU alone counts such quotes as misses.

- "IoU or inside, any quoting content": as the previous, with gold quotes also taken from the contents that
  hold quoted words in their middle (the campaign is "pleased" that Pagliano is cooperating): PolNeAR
  annotates these as attributions of the quoted words' speaker, so a partial quote found there is right.

The first row per split is the original criterion. "strict" requires the same extent up to whitespace and edge
punctuation. Speaker accuracy is over matched quotes with a gold source: correct when the
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
MIN_INSIDE = 0.8
IOU = "IoU"
INSIDE = "IoU or inside"
ANY_CONTENT = "IoU or inside, any quoting content"
CRITERIA = (IOU, INSIDE, ANY_CONTENT)


@dataclass(frozen=True)
class GoldQuote:
    extent: Span
    sources: tuple[Span, ...]
    direct: bool  # the content starts or ends at a quotation mark; otherwise it only holds quoted words


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
        direct = _is_direct(text, extent)
        if not direct and not _holds_quoted_words(text, extent):
            continue
        source = spans.get(relation.get("Source", ""))
        gold.append(GoldQuote(extent, tuple(source[1]) if source else (), direct))
    return gold


def _is_direct(text: str, extent: Span) -> bool:
    inner = extent.of(text).strip()
    if not inner:
        return False
    starts = inner[0] in QUOTE_CHARS
    ends = inner.rstrip(".,;:!?")[-1:] in QUOTE_CHARS if inner.rstrip(".,;:!?") else False
    enclosed = text[extent.start - 1 : extent.start] in QUOTE_CHARS and text[extent.end : extent.end + 1] in QUOTE_CHARS
    return starts or ends or enclosed


def _holds_quoted_words(text: str, extent: Span) -> bool:
    return re.search(r"[\"“‘][^\"“”‘’]+[\"”’](?!\w)", extent.of(text)) is not None


def _iou(a: Span, b: Span) -> float:
    inter = max(0, min(a.end, b.end) - max(a.start, b.start))
    union = max(a.end, b.end) - min(a.start, b.start)
    return inter / union if union else 0.0


def _inside(predicted: Span, gold: Span) -> float:
    inter = max(0, min(predicted.end, gold.end) - max(predicted.start, gold.start))
    return inter / len(predicted) if len(predicted) else 0.0


def _match_score(criterion: str, predicted: Span, gold: Span) -> float:
    """A score >= 1 means a match; higher scores are paired first."""
    iou = _iou(predicted, gold)
    if criterion == IOU:
        return iou / MIN_IOU
    return max(iou / MIN_IOU, _inside(predicted, gold) / MIN_INSIDE)


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


def score_article(text: str, gold: list[GoldQuote], counts: dict[str, Counts],
                  persons: Sequence[Span] | None = None) -> None:
    from service.quotes import extract_quotes
    from service.quotes.people import ner_person_spans

    persons = ner_person_spans(text) if persons is None else persons
    predicted = [q for q in extract_quotes(text, paragraphs(text), person_spans=persons) if q.kind is QuoteKind.SPEECH]
    for criterion, c in counts.items():
        _score(text, gold, predicted, persons, criterion, c)


def _score(text: str, gold: list[GoldQuote], predicted: list[Quote], persons: Sequence[Span], criterion: str,
           counts: Counts) -> None:
    if criterion != ANY_CONTENT:
        gold = [g for g in gold if g.direct]
    counts.gold += len(gold)
    counts.predicted += len(predicted)
    pairs = sorted(((_match_score(criterion, q.span, g.extent), qi, gi) for qi, q in enumerate(predicted)
                    for gi, g in enumerate(gold)), reverse=True)
    used_q: set[int] = set()
    used_g: set[int] = set()
    for score, qi, gi in pairs:
        if score < 1 or qi in used_q or gi in used_g:
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


def articles(split: Path, limit: int | None = None) -> list[tuple[str, str, list[GoldQuote]]]:
    """(name, text, gold quotes) of the split's articles, the first annotation of each."""
    texts = {p.stem: p for p in (split / "text").glob("*.txt")}
    seen: set[str] = set()
    found = []
    for ann in sorted((split / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        if stem in seen or stem not in texts:
            continue
        seen.add(stem)
        text = texts[stem].read_text(encoding="utf-8")
        found.append((stem, text, read_gold(text, ann.read_text(encoding="utf-8"))))
        if limit is not None and len(found) >= limit:
            break
    return found


def evaluate(split: Path, limit: int | None = None) -> dict[str, Counts]:
    counts = {criterion: Counts() for criterion in CRITERIA}
    for _, text, gold in articles(split, limit):
        score_article(text, gold, counts)
    return counts


def _pct(num: int, den: int) -> str:
    return f"{100 * num / den:.1f}" if den else "n/a"


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _option(argv: list[str], name: str) -> str | None:
    return argv[argv.index(name) + 1] if name in argv and argv.index(name) + 1 < len(argv) else None


def main(argv: list[str]) -> int:
    positional = [a for i, a in enumerate(argv[1:], 1) if not a.startswith("--") and not argv[i - 1].startswith("--")]
    root = Path(positional[0]) if positional else Path("../shared/data/polnear")
    only = _option(argv, "--split")
    limit = _option(argv, "--limit")
    if not (root / "train").is_dir():
        print(f"skipped: no PolNeAR data at {root}")
        return 0
    print("| split | match criterion | gold quotes | predicted | P | R | F1 | strict F1 | speaker acc. | "
          "nearest-person baseline |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name in ("train", "dev"):
        if not (root / name).is_dir() or (only is not None and name != only):
            continue
        for criterion, c in evaluate(root / name, int(limit) if limit else None).items():
            print(f"| {name} | {criterion} | {_row(c)} |")
    return 0


def _row(c: Counts) -> str:
    p = c.matched / c.predicted if c.predicted else 0.0
    r = c.matched / c.gold if c.gold else 0.0
    sp = c.strict / c.predicted if c.predicted else 0.0
    sr = c.strict / c.gold if c.gold else 0.0
    return (f"{c.gold} | {c.predicted} | {100 * p:.1f} | {100 * r:.1f} | {100 * _f1(p, r):.1f} | "
            f"{100 * _f1(sp, sr):.1f} | {_pct(c.speaker_right, c.with_source)} (n={c.with_source}) | "
            f"{_pct(c.baseline_right, c.with_source)}")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
