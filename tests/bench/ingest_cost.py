"""What ingesting an HTML page costs, now and at an earlier revision, in the same run on the same pages.

    python -m tests.bench.ingest_cost ../shared/data/article-extraction --before REV [--pages N]

Times build_article (decode to clean text, body, metadata, date) on each page, which is what ingest adds to the
extract stage; the earlier revision's `service/` is exported with `git archive` into a temporary folder and run
in a subprocess, alternating with the current code so that both see the same load on the machine.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

_TIMER = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
from service.articles import build_article
from service.errors import InvalidInput
from service.records import ArticleInput
times = []
for path in json.loads(sys.argv[2]):
    html = open(path, encoding="utf-8").read()
    started = time.perf_counter()
    try:
        build_article(ArticleInput(text=html, content_type="text/html"), 10_000_000)
    except InvalidInput:
        pass
    times.append(time.perf_counter() - started)
print(json.dumps(times))
"""


def _time(root: Path, pages: list[str]) -> list[float]:
    out = subprocess.run([sys.executable, "-c", _TIMER, str(root), json.dumps(pages)], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main(argv: list[str]) -> int:
    if not argv or "--before" not in argv:
        print("usage: python -m tests.bench.ingest_cost /path/to/article-extraction --before REV [--pages N]",
              file=sys.stderr)
        return 2
    folder = Path(argv[0]) / "html"
    if not folder.is_dir():
        print(f"skipped: no pages at {folder}")
        return 0
    before = argv[argv.index("--before") + 1]
    count = int(argv[argv.index("--pages") + 1]) if "--pages" in argv else 92
    pages = [str(p) for p in sorted(folder.glob("*.html"))[:count]]
    repo = Path(__file__).resolve().parents[2]
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "-C", str(repo), "archive", before, "service"], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        runs: dict[str, list[float]] = {"before": [], "now": []}
        for _ in range(2):  # alternate, so a busy moment on the machine hits both
            runs["before"] += _time(Path(tmp), pages)
            runs["now"] += _time(repo, pages)
    print(f"| code | pages | total s | mean ms/page | median ms/page |")
    print("|---|---:|---:|---:|---:|")
    for name, times in runs.items():
        label = f"before ({before})" if name == "before" else "now"
        print(f"| {label} | {len(pages)} | {sum(times) / 2:.1f} | {1000 * statistics.mean(times):.0f} | "
              f"{1000 * statistics.median(times):.0f} |")
    ratio = sum(runs["now"]) / sum(runs["before"])
    print(f"\nnow / before: {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
