"""Article-body extraction on real web pages (half of the public article-extraction benchmark).

    python -m tests.eval.article_extraction ../shared/data/article-extraction

"The body" crosscheck keeps is the text of the sentences its real ingest path leaves (build_article, then the
extract stage's sentences), joined by paragraph. trafilatura and readability-lxml run on the same pages in the
same run as anchors, with jusText (test-only dependencies, in the `dev` extra).

Scoring is the benchmark's own: tokens are `\\w+` runs, each text a multiset of word 4-gram shingles, per page
tp/fp/fn normalised by their sum; precision is the mean over pages that predicted something, recall the mean over
pages with gold text, F1 from the two means. The pages whose sha1(key) % 5 == 0 are held out from all tuning and
reported on their own row.
"""

from __future__ import annotations

import hashlib
import json
import re
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

_HELD_OUT_MODULUS = 5
_TOKEN = re.compile(r"\w+")
_BLOCK_TAG = re.compile(r"(</?(?:p|div|br|li|h[1-6]|tr|td|blockquote|section|article|ul|ol|pre|table)\b[^>]*>)",
                        re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Page:
    key: str
    html: str
    url: str
    gold: str


@dataclass(frozen=True, slots=True)
class Outcome:
    tp: float
    fp: float
    fn: float
    failed: bool  # raised, or returned no text
    seconds: float


@dataclass(frozen=True, slots=True)
class Scores:
    pages: int
    precision: float
    recall: float
    f1: float
    failures: int
    ms_per_page: float


def is_held_out(key: str) -> bool:
    return int(hashlib.sha1(key.encode()).hexdigest(), 16) % _HELD_OUT_MODULUS == 0


def load_pages(folder: Path) -> list[Page]:
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(gold):
        path = folder / "html" / f"{key}.html"
        if path.exists():
            pages.append(Page(key, path.read_text(encoding="utf-8"), gold[key].get("url", ""),
                              gold[key].get("articleBody", "")))
    return pages


# ------------------------------------------------------------------------------------------ scoring


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def match(gold: str, predicted: str) -> tuple[float, float, float]:
    truth, guess = shingles(gold), shingles(predicted)
    tp = sum((truth & guess).values())
    fp = sum((guess - truth).values())
    fn = sum((truth - guess).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def summarise(outcomes: list[Outcome]) -> Scores:
    precisions = [_precision(o.tp, o.fp, o.fn) for o in outcomes if o.tp + o.fp > 0]
    recalls = [_recall(o.tp, o.fp, o.fn) for o in outcomes if o.tp + o.fn > 0]
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    ms = 1000 * statistics.mean(o.seconds for o in outcomes) if outcomes else 0.0
    return Scores(len(outcomes), precision, recall, f1, sum(o.failed for o in outcomes), ms)


# ------------------------------------------------------------------------------------------ extractors


def crosscheck_body(page: Page) -> str:
    from service.articles import HTML, build_article
    from service.ingest.references import ReferenceMap
    from service.records import ArticleInput
    from service.segment import split_sentences

    article = build_article(ArticleInput(text=page.html, url=page.url, content_type=HTML), max_chars=10_000_000)
    # The extract stage's sentences, shown as extract shows them (character references without their padding);
    # the claim slots, which need the language model, add nothing to which words are kept.
    refs = ReferenceMap(article.text)
    by_paragraph: dict[int, list[str]] = {}
    for sentence in split_sentences(article.clean, article.paragraphs):
        by_paragraph.setdefault(sentence.paragraph, []).append(refs.visible(article.clean, sentence.span))
    return "\n\n".join(" ".join(texts) for _, texts in sorted(by_paragraph.items()))


def trafilatura_body(page: Page) -> str:
    import trafilatura

    return trafilatura.extract(page.html, url=page.url or None) or ""


def readability_body(page: Page) -> str:
    import lxml.html
    from readability import Document

    summary = Document(page.html).summary(html_partial=True)
    # Block tags become line breaks so that words of adjacent paragraphs do not run together.
    return lxml.html.fromstring(_BLOCK_TAG.sub(r"\n\1", summary) or "<div></div>").text_content()


def justext_body(page: Page) -> str:
    import justext

    # jusText needs the page's language; English stopwords, as the benchmark's own runner uses.
    paragraphs = justext.justext(page.html.encode("utf-8"), justext.get_stoplist("English"), encoding="utf-8")
    return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)


EXTRACTORS: dict[str, Callable[[Page], str]] = {
    "crosscheck": crosscheck_body,
    "trafilatura (anchor)": trafilatura_body,
    "readability-lxml (anchor)": readability_body,
    "jusText (anchor)": justext_body,
}


def _compare_trafilatura_modes(pages: list[Page]) -> None:
    """trafilatura's own balance settings on the tuning pages: how the service's setting was chosen."""
    import trafilatura

    print("| trafilatura setting (tuning pages) | precision | recall | F1 |")
    print("|---|---:|---:|---:|")
    for label, options in (("default", {}), ("favor_precision", {"favor_precision": True}),
                           ("favor_recall", {"favor_recall": True})):
        outcomes = [run(lambda p: trafilatura.extract(p.html, url=p.url or None, include_comments=False,
                                                      **options) or "", page) for page in pages]
        s = summarise(outcomes)
        print(f"| {label} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} |")
    print()


def run(extractor: Callable[[Page], str], page: Page) -> Outcome:
    started = time.perf_counter()
    try:
        predicted = extractor(page)
    except Exception as exc:  # an anchor's or crosscheck's failure on one page is a score of 0, not a crash
        print(f"  {page.key[:12]}: {type(exc).__name__}: {str(exc)[:120]}", file=sys.stderr)
        predicted = ""
    seconds = time.perf_counter() - started
    tp, fp, fn = match(page.gold, predicted)
    return Outcome(tp, fp, fn, not predicted.strip(), seconds)


def main(argv: list[str]) -> int:
    if len(argv) < 1:
        print("usage: python -m tests.eval.article_extraction /path/to/article-extraction [--only NAME] "
              "[--show-tuning-errors]",
              file=sys.stderr)
        return 2
    folder = Path(argv[0])
    if not (folder / "ground-truth.json").is_file():
        print(f"skipped: no article-extraction data at {folder}")
        return 0
    only = argv[argv.index("--only") + 1] if "--only" in argv else ""
    pages = load_pages(folder)
    splits = (("tuning", [p for p in pages if not is_held_out(p.key)]),
              ("held out", [p for p in pages if is_held_out(p.key)]),
              ("all", pages))
    results: dict[str, dict[str, Outcome]] = {}
    for name, extractor in EXTRACTORS.items():
        if only and not name.startswith(only):
            continue
        results[name] = {page.key: run(extractor, page) for page in pages}
    if "--trafilatura-modes" in argv:
        _compare_trafilatura_modes(splits[0][1])
    print("| pages | extractor | n | precision | recall | F1 | errors or empty | ms/page |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for split, chosen in splits:
        for name, by_key in results.items():
            s = summarise([by_key[p.key] for p in chosen])
            print(f"| {split} | {name} | {s.pages} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | "
                  f"{s.failures} | {s.ms_per_page:.0f} |")
    if "--show-tuning-errors" in argv:
        # Tuning pages only: the held-out pages are never looked at one by one.
        by_key = results[next(iter(results))]
        tuning = splits[0][1]
        for label, score in (("precision", _precision), ("recall", _recall)):
            print(f"\nlowest {label}, tuning pages:", file=sys.stderr)
            for p in sorted(tuning, key=lambda p: score(by_key[p.key].tp, by_key[p.key].fp, by_key[p.key].fn))[:12]:
                o = by_key[p.key]
                print(f"  {p.key[:16]} {label} {score(o.tp, o.fp, o.fn):.3f} {p.url[:90]}", file=sys.stderr)
    if "--worst" in argv:
        by_key = results[next(iter(results))]
        worst = sorted((p for p in splits[0][1]), key=lambda p: by_key[p.key].tp)[:15]
        for p in worst:
            o = by_key[p.key]
            print(f"{p.key[:16]} tp={o.tp:.2f} fp={o.fp:.2f} fn={o.fn:.2f} {p.url[:80]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
