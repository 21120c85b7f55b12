"""How extraction time grows with the size of hostile articles, against ordinary news text of the same length.

    python -m tests.bench.pathological [--sizes 2000,4000,8000]

Each shape is extracted (the whole pipeline of one article, without the embedding model) at every size, in the
same run as plain news sentences of the same number of characters. Printed: seconds per size and the growth
from the smallest size to the largest, beside the growth of the size itself. Work linear in the text grows like
the size; the shapes below once grew with its square (minutes for 40 KB).
"""

from __future__ import annotations

import argparse
import time

from service.articles import build_article
from service.extract import extract
from service.nlp import load_nlp
from service.records import ArticleInput

PLAIN_SENTENCE = "Minister number {i} said on Monday that talks in city {i} would resume next week. "

SHAPES = {
    # a run without a space: spaCy's tokenizer splits affixes off it one at a time
    "a run of emoji without a space": lambda n: "Officials said " + "\U0001F600" * n + " on Monday.",
    # one paragraph of quotations none of which closes
    "a paragraph of quotations that never close":
        lambda n: "MOSCOW - " + " ".join(f'He said "talks {i} resumed.' for i in range(n // 25)),
    # many distinct people: name matching must not compare every pair
    "many distinct people":
        lambda n: " ".join(f"Ivan Petrov{i} met John Smith{i} in Paris." for i in range(n // 40)),
    # full stops with no space after them, and abbreviations, in one paragraph
    "full stops without spaces": lambda n: "The U.S. said " + "a." * (n // 2) + " Then talks resumed.",
}


def plain(chars: int) -> str:
    text, i = [], 0
    while sum(map(len, text)) < chars:
        text.append(PLAIN_SENTENCE.format(i=i))
        i += 1
    return "".join(text)


def seconds(text: str) -> float:
    article = build_article(ArticleInput(text=text, source="bench", external_id="bench"), 10_000_000)
    start = time.perf_counter()
    extract(article)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="2000,8000,32000", help="characters of each article, comma-separated")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    load_nlp()
    seconds(plain(500))  # warm-up
    rows = {"plain news (baseline)": [seconds(plain(n)) for n in sizes]}
    for name, make in SHAPES.items():
        rows[name] = [seconds(make(n)) for n in sizes]
    growth = sizes[-1] / sizes[0]
    print("| article | " + " | ".join(f"{n:,} chars" for n in sizes) + f" | growth (size grew {growth:.0f}×) |")
    print("|---|" + "---|" * (len(sizes) + 1))
    for name, times in rows.items():
        cells = " | ".join(f"{t:.2f} s" for t in times)
        print(f"| {name} | {cells} | {times[-1] / max(times[0], 1e-6):.1f}× |")


if __name__ == "__main__":
    main()
