"""The full extraction of a fixed sample of articles, as JSON lines, to tell whether a change to the extract stage
changes its output.

    python -m tests.bench.extraction_snapshot ../shared/data --out /tmp/before.jsonl [--seeds seeds]
    python -m tests.bench.extraction_snapshot ../shared/data --out /tmp/after.jsonl && cmp /tmp/before.jsonl /tmp/after.jsonl

The sample: the seed articles, 40 PolNeAR training articles (plain text), 20 ECB+ documents (rebuilt from their
tokens, one sentence a line) and 10 HTML pages of the article-extraction set, each extracted alone and, with
`--batch`, all in one call of `extract_many` as ingest does; a line per article, keys sorted, so two runs compare
byte for byte.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from service.articles import build_article
from service.codec import to_data
from service.errors import InvalidInput
from service.records import Article, ArticleInput

POLNEAR_ARTICLES = 40
ECBPLUS_DOCUMENTS = 20
HTML_PAGES = 10


def sample(data: Path, seeds: Path | None) -> list[ArticleInput]:
    """The fixed sample, in a fixed order; parts missing from `data` are left out."""
    items: list[ArticleInput] = []
    if seeds is not None and seeds.is_dir():
        items += [ArticleInput(text=p.read_text(encoding="utf-8"), external_id=f"seed/{p.name}")
                  for p in sorted(seeds.glob("*.txt"))]
    polnear = data / "polnear" / "train" / "text"
    if polnear.is_dir():
        # Every 20th file, so the sample spans the outlets rather than the first one alphabetically.
        paths = sorted(polnear.glob("*.txt"))[::20][:POLNEAR_ARTICLES]
        items += [ArticleInput(text=p.read_text(encoding="utf-8"), external_id=f"polnear/{p.name}") for p in paths]
    if (data / "ecbplus").is_dir():
        from tests.eval.ecbtext import rebuild

        paths = sorted((data / "ecbplus").glob("*/*ecbplus.xml"))[::15][:ECBPLUS_DOCUMENTS]
        items += [ArticleInput(text=rebuild(p).text, external_id=f"ecbplus/{p.name}") for p in paths]
    html = data / "article-extraction" / "html"
    if html.is_dir():
        paths = sorted(html.glob("*.html"))[::9][:HTML_PAGES]
        items += [ArticleInput(text=p.read_text(encoding="utf-8"), content_type="text/html", external_id=f"html/{p.name}")
                  for p in paths]
    return items


def _line(external_id: str, result: object) -> str:
    return json.dumps({"id": external_id, "extraction": result}, sort_keys=True, ensure_ascii=False)


def snapshot(items: list[ArticleInput], batch: bool) -> list[str]:
    articles: list[Article | InvalidInput] = []
    for item in items:
        try:
            articles.append(build_article(item, 10_000_000))
        except InvalidInput as exc:
            articles.append(exc)
    results: list[object]
    if batch:
        from service.extract import extract_many

        readable = [a for a in articles if isinstance(a, Article)]
        extracted = iter(extract_many(readable))
        results = [next(extracted) if isinstance(a, Article) else a for a in articles]
    else:
        from service.extract import extract

        results = []
        for a in articles:
            try:
                results.append(extract(a) if isinstance(a, Article) else a)
            except InvalidInput as exc:
                results.append(exc)
    return [_line(item.external_id, {"error": r.message} if isinstance(r, InvalidInput) else to_data(r))
            for item, r in zip(items, results)]


def main(argv: list[str]) -> int:
    if not argv or "--out" not in argv:
        print("usage: python -m tests.bench.extraction_snapshot DATA --out FILE [--seeds DIR] [--batch]",
              file=sys.stderr)
        return 2
    data = Path(argv[0])
    out = Path(argv[argv.index("--out") + 1])
    seeds = Path(argv[argv.index("--seeds") + 1]) if "--seeds" in argv else Path(__file__).resolve().parents[2] / "seeds"
    items = sample(data, seeds)
    if not items:
        print(f"skipped: no articles under {data}")
        return 0
    lines = snapshot(items, batch="--batch" in argv)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} articles -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
