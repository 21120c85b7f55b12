"""Publication day of real news pages from many countries (half of htmldate's Media Cloud 2020 evaluation).

    python -m tests.eval.pubdate ../shared/data/pubdate

crosscheck's date is the one its real ingest path gives the article (build_article on the page and its URL, with
no date passed); htmldate 1.11 runs on the same pages in the same run, as its authors recommend
(original_date=True), with and without its extensive search. Accuracy = pages given the right day / all pages (a page the
benchmark gives no date is right when it is left undated); precision = right day / pages given a full date. The pages whose sha1(file name) % 5 == 0 are held out from all
tuning and reported on their own row.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

_HELD_OUT_MODULUS = 5


@dataclass(frozen=True, slots=True)
class Page:
    name: str
    url: str
    html: str
    gold: str  # YYYY-MM-DD, or "" for the few pages the benchmark gives no date (a search result, a feed)


@dataclass(frozen=True, slots=True)
class Guess:
    day: str  # YYYY-MM-DD, or "" when undated
    rule: str
    seconds: float


def is_held_out(name: str) -> bool:
    return int(hashlib.sha1(name.encode()).hexdigest(), 16) % _HELD_OUT_MODULUS == 0


def load_pages(folder: Path) -> list[Page]:
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    pages = []
    for url, entry in sorted(gold.items(), key=lambda item: item[1]["file"]):
        path = folder / "html" / entry["file"]
        if path.exists():
            gold_day = entry["date"] if isinstance(entry["date"], str) else ""  # NaN in the JSON: no date
            pages.append(Page(entry["file"], url, path.read_text(encoding="utf-8"), gold_day))
    return pages


def crosscheck_date(page: Page) -> tuple[str, str]:
    """The date build_article gives the page. It is read before the body is judged, so a page that ingest
    would reject as having no article (a paywall stub, a redirect) is still dated here, and counted apart."""
    from service.articles import HTML, publication_date
    from service.ingest import prepare
    from service.records import ArticleInput

    item = ArticleInput(text=page.html, url=page.url, content_type=HTML)
    prepared = prepare(item.text, item.content_type, item.url)
    published, _, rule = publication_date(item, prepared)
    if not prepared.paragraphs:
        rule = f"{rule} (page without article)"
    if published is None or published.complete is None:
        return "", rule or "none"
    return published.complete.isoformat(), rule


def htmldate_date(page: Page, extensive: bool) -> tuple[str, str]:
    from htmldate import find_date

    return find_date(page.html, url=page.url, original_date=True, extensive_search=extensive) or "", "htmldate"


METHODS: dict[str, Callable[[Page], tuple[str, str]]] = {
    "crosscheck": crosscheck_date,
    "htmldate (anchor)": lambda page: htmldate_date(page, extensive=False),
    "htmldate, extensive search (anchor)": lambda page: htmldate_date(page, extensive=True),
}


def guess(method: Callable[[Page], tuple[str, str]], page: Page) -> Guess:
    started = time.perf_counter()
    try:
        day, rule = method(page)
    except Exception as exc:  # one page failing is an undated page, not a crashed evaluation
        print(f"  {page.name}: {type(exc).__name__}: {str(exc)[:120]}", file=sys.stderr)
        day, rule = "", "error"
    return Guess(day, rule, time.perf_counter() - started)


def main(argv: list[str]) -> int:
    if len(argv) < 1:
        print("usage: python -m tests.eval.pubdate /path/to/pubdate [--errors]", file=sys.stderr)
        return 2
    folder = Path(argv[0])
    if not (folder / "gold.json").is_file():
        print(f"skipped: no pubdate data at {folder}")
        return 0
    pages = load_pages(folder)
    results = {name: {p.name: guess(method, p) for p in pages} for name, method in METHODS.items()}
    splits = (("tuning", [p for p in pages if not is_held_out(p.name)]),
              ("held out", [p for p in pages if is_held_out(p.name)]),
              ("all", pages))
    print("| pages | method | n | dated | right day | accuracy | precision | ms/page |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for split, chosen in splits:
        for name, by_page in results.items():
            guesses = [by_page[p.name] for p in chosen]
            dated = sum(1 for g in guesses if g.day)
            right = sum(1 for p, g in zip(chosen, guesses) if g.day == p.gold)
            right_dated = sum(1 for p, g in zip(chosen, guesses) if g.day and g.day == p.gold)
            ms = 1000 * sum(g.seconds for g in guesses) / max(1, len(guesses))
            print(f"| {split} | {name} | {len(chosen)} | {dated} | {right} | {right / max(1, len(chosen)):.3f} | "
                  f"{right_dated / max(1, dated):.3f} | {ms:.0f} |")
    rules = Counter(g.rule for p in splits[2][1] for g in [results["crosscheck"][p.name]])
    print(f"\ncrosscheck's dates by where they were read: {', '.join(f'{r} {n}' for r, n in rules.most_common())}")
    if "--errors" in argv:
        for p in splits[0][1]:
            g = results["crosscheck"][p.name]
            if g.day != p.gold:
                print(f"  {p.name} gold {p.gold} got {g.day or '-'} ({g.rule}) "
                      f"htmldate {results['htmldate (anchor)'][p.name].day or '-'} {p.url[:90]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
