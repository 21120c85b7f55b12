"""Raw encode of the same real claim texts on every model backend, side by side in one run.

    python -m tests.bench.model ../shared/data [--articles 40] [--rounds 5] [--backends torch,onnx,onnx-int8]

The claims are those crosscheck extracts from the first N PolNeAR train articles (the real extraction). Each
backend embeds all of them once per round, backends alternating within a round so that a busy moment on the
machine hits all of them; the table gives each backend's sentences/s in its best round and its median round,
and the ratio to PyTorch fp32 of each. No cache is in front of the models: this is the model's own cost. The
agreement columns compare each backend's rows with PyTorch's: cosine of the same text's two vectors.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import numpy as np


def claim_texts(data_dir: Path, articles: int) -> list[str]:
    from service.articles import build_article
    from service.extract import extract
    from service.records import ArticleInput

    texts = []
    for path in sorted((data_dir / "polnear" / "train" / "text").glob("*.txt"))[:articles]:
        extraction = extract(build_article(ArticleInput(text=path.read_text(encoding="utf-8"),
                                                        external_id=path.name), 1_000_000))
        texts += [claim.text for claim in extraction.claims]
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--backends", default="torch,onnx,onnx-int8")
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args(argv)
    if not (args.data_dir / "polnear" / "train" / "text").is_dir():
        print(f"skipped: no PolNeAR train texts under {args.data_dir}")
        return 0

    from service.embed import open_embedder
    from service.model_export import ensure
    from service.onnx_embed import default_threads

    texts = claim_texts(args.data_dir, args.articles)
    backends = args.backends.split(",")
    if backends[0] != "torch":
        backends.insert(0, "torch")  # the reference every ratio is taken to
    models = {}
    for backend in backends:
        ensure(backend, log=print)
        models[backend] = open_embedder(backend, batch_size=args.batch_size)
        models[backend].embed(texts[: args.batch_size])  # warm-up: first-call allocations, thread pools
    seconds: dict[str, list[float]] = {b: [] for b in backends}
    rows: dict[str, np.ndarray] = {}
    for _ in range(args.rounds):
        for backend in backends:
            started = time.perf_counter()
            rows[backend] = models[backend].embed(texts)
            seconds[backend].append(time.perf_counter() - started)

    words = sum(len(t.split()) for t in texts) / len(texts)
    print(f"{len(texts)} claims of {args.articles} PolNeAR train articles (mean {words:.0f} words), batch "
          f"{args.batch_size}, {args.rounds} rounds, onnxruntime threads {default_threads()}\n")
    print("| backend | sentences/s (best round) | x PyTorch | sentences/s (median round) | x PyTorch "
          "| cosine to PyTorch: min | mean |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    best = {b: len(texts) / min(s) for b, s in seconds.items()}
    median = {b: len(texts) / statistics.median(s) for b, s in seconds.items()}
    for backend in backends:
        agreement = np.sum(rows[backend].astype(np.float64) * rows["torch"], axis=1)
        print(f"| {models[backend].name} | {best[backend]:.0f} | {best[backend] / best['torch']:.2f} "
              f"| {median[backend]:.0f} | {median[backend] / median['torch']:.2f} "
              f"| {agreement.min():.5f} | {agreement.mean():.5f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
