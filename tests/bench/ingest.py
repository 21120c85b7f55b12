"""Where ingest time goes: the service against the model's own pace, stage by stage, for Check, and as the store grows.

    python -m tests.bench.ingest ../shared/data [--articles 40] [--batch 16] [--growth 100,1000] [--growth-10k]

One real server (the production engine: the real model, a SQLite file in a temporary folder) on a loopback port,
in this process. Measured in the same run, so that the load of the machine is the same for every row:

1. Throughput: the PolNeAR articles (every 20th training file) ingested over gRPC in calls of `--batch`
   articles, against sentence-transformers' own `encode` of exactly the claim texts the service stored (the
   server's model object, its batch size), each call followed by the encode of its claims so both see the same
   load. Printed: claims/s of both and their ratio.
2. Stages of a typical article (the one with the median claim count), each timed alone on the server's engine:
   decode (build_article), segmentation, spaCy, slots (times, people, quotes, claims, quantities, polarity from
   the parses), embedding (claims and story lead, the model without the cache), story placement, store write.
   The article is a variant of one already stored (a line appended), so the story and store steps see a stored
   neighbour as they would for a repost.

Part 1 also runs against an earlier checkout, to compare the ratio before and after a change (each run has its
own raw-encode baseline): `PYTHONPATH=/path/to/old/checkout python tests/bench/ingest.py DATA --parts throughput`.
3. Check: a warm Check (the same call made once before) of 2, 5, 10 and 20 articles of one ECB+ event
   (topic 1: its ECB and ECB+ documents), over gRPC, beside the raw encode rate of the same run.
4. Alignment: the comparison step of Check over every pair of 10 articles (ECB+, and long PolNeAR ones), the
   current code alternating with the loop over claim pairs it replaced (`tests/align/test_pair_matrix.py`).
5. Stories: story placement alone as the clusterer grows to each size of `--growth`, on synthetic documents.
6. Growth: the store pre-filled to each size of `--growth` (and 10,000 with `--growth-10k`) with variants of the
   analysed PolNeAR articles written through the engine's real store step (story placement, SQLite write, claim
   index) without parsing or embedding them again: each variant gets its own text, ids, a publication date a
   story window later per generation (so variants of one article form stories of one article each, as a news
   stream does) and embeddings moved by small noise. At each size the time of that store step per article (the
   last 20 written), and the time per article of ingesting 8 fresh articles (ECB+ documents) over gRPC.

Nothing here runs in CI: it needs the data and takes minutes (the 10,000 case tens of minutes).
"""

from __future__ import annotations

import argparse
import functools
import datetime as dt
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from client import CrosscheckClient
from client.api import article_from_text
from service.articles import build_article, content_hash
from service.engine import Engine
from service.records import ArticleInput, Extraction, PartialDate
from service.server import default_engine
from service.settings import Settings
from service.stories.clusterer import StoryThresholds
from service.store import StoryFeatures
from tests.bench.extraction_snapshot import sample
from tests.harness import RunningServer

CHECK_SIZES = (2, 5, 10, 20)
FRESH_PER_LEVEL = 8
TIMED_FILLS = 20


def _polnear(data: Path, count: int) -> list[ArticleInput]:
    items = [i for i in sample(data, None) if i.external_id.startswith("polnear/")]
    return items[:count]


def _ecbplus_event(data: Path, count: int, skip: int = 0) -> list[ArticleInput]:
    from tests.eval.ecbtext import rebuild

    paths = sorted((data / "ecbplus" / "1").glob("*.xml"))[skip : skip + count]
    return [ArticleInput(text=rebuild(p).text, source=p.stem, external_id=p.name) for p in paths]


def _pb(item: ArticleInput):
    return article_from_text(item.text, source=item.source, title=item.title, external_id=item.external_id)


@functools.cache
def _fp32_model():
    """The baseline: sentence-transformers on PyTorch, fp32, whatever backend the server runs."""
    from service.embed import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder()


def _raw_encode(engine: Engine, texts: list[str]) -> float:
    model = _fp32_model()
    started = time.perf_counter()
    model._model.encode(texts, batch_size=model.batch_size, convert_to_numpy=True, show_progress_bar=False)
    return time.perf_counter() - started


def throughput(server: RunningServer, items: list[ArticleInput], batch: int) -> tuple[dict[str, ArticleInput], float]:
    """Each call timed, then the raw encode of the claims it stored timed right after it, so the two see the same
    load of the machine; the sums over all calls compared."""
    engine = server.engine
    stored: dict[str, ArticleInput] = {}
    service = raw = 0.0
    claims = 0
    with CrosscheckClient(server.address, timeout=3600) as client:
        for first in range(0, len(items), batch):
            group = items[first : first + batch]
            started = time.perf_counter()
            results = client.ingest([_pb(i) for i in group], batch_size=batch)
            service += time.perf_counter() - started
            fresh = {r.article_id: group[r.index] for r in results if r.article_id and r.created}
            texts = [c.text for i in fresh for c in engine.store.get_extraction(i).claims]
            raw += _raw_encode(engine, texts)
            claims += len(texts)
            stored.update(fresh)
    print(f"{len(stored)} articles, {claims} claims, calls of {batch} articles, each followed by the raw encode "
          f"of its claims\n")
    print("| path | seconds | claims/s |")
    print("| --- | ---: | ---: |")
    print(f"| raw `encode` of the claim texts (PyTorch fp32) | {raw:.1f} | {claims / raw:.1f} |")
    print(f"| service ingest over gRPC ({engine.embedder.name}) | {service:.1f} | {claims / service:.1f} |")
    print(f"\nservice / raw encode throughput: **{raw / service:.2f}**\n", flush=True)
    return stored, claims / raw


def stages(server: RunningServer, item: ArticleInput) -> None:
    from service.claims import claim_body
    from service.engine import Analysis, story_text
    from service.extract import _draft, _finish, _read
    from service.nlp import Parses

    engine = server.engine
    model = engine.embedder.inner  # type: ignore[attr-defined]
    variant = replace(item, text=item.text + "\n\nThis article has been updated.")
    times: dict[str, float] = {}

    def timed(name, function):
        started = time.perf_counter()
        result = function()
        times[name] = times.get(name, 0.0) + time.perf_counter() - started
        return result

    article = timed("decode (build_article)", lambda: build_article(variant, engine.max_article_chars))
    reading = timed("segmentation (headline, sentences)", lambda: _read(article))
    parses = Parses()
    timed("spaCy (whole text with entities, sentence bodies)", lambda: (
        parses.prepare([reading.text], entities=True),
        parses.prepare([claim_body(reading.text, s).of(reading.text) for s in reading.sentences])))
    draft = timed("slots (times, people, quotes, claim units)", lambda: _draft(reading, parses))
    timed("spaCy (claims cut from their sentence)", lambda: parses.prepare([s.of(reading.text) for _, s, _ in draft.units]))
    extraction: Extraction = timed("slots (claims: quantities, polarity)", lambda: _finish(draft, parses))
    rows = timed("embedding (claims and lead, no cache)", lambda: model.embed([c.text for c in extraction.claims]))
    (lead,) = timed("embedding (claims and lead, no cache)", lambda: model.embed([story_text(extraction)]))
    analysis = Analysis(extraction, rows, lead)
    document = engine._story_document(extraction, analysis.lead_embedding)
    features = StoryFeatures(document.embedding, document.names, document.words)

    def place(members):
        return timed("story placement", lambda: engine._clusterer.place(document, members))

    started = time.perf_counter()
    engine.store.save_placed(extraction, analysis.embeddings, features, place)
    # the placement runs inside the write's transaction: the write is the rest of it
    times["store write (SQLite)"] = time.perf_counter() - started - times.get("story placement", 0.0)
    total = sum(times.values())
    print(f"stages of one article ({len(extraction.claims)} claims, {len(article.text):,} characters), "
          f"share of its {total:.2f} s\n")
    print("| stage | share |")
    print("| --- | ---: |")
    for name, seconds in times.items():
        print(f"| {name} | {100 * seconds / total:.0f}% |")
    print(flush=True)


def check(server: RunningServer, data: Path, encode_rate: float) -> None:
    items = _ecbplus_event(data, max(CHECK_SIZES))
    with CrosscheckClient(server.address, timeout=3600) as client:
        results = client.ingest([_pb(i) for i in items], batch_size=16)
        ids = [r.article_id for r in results if r.article_id]
        print(f"warm Check of N articles of one event (ECB+ topic 1), beside the raw encode rate of this run "
              f"({encode_rate:.0f} claims/s)\n")
        print("| articles | claims | findings | warm Check s | claims the model encodes in that time |")
        print("| ---: | ---: | ---: | ---: | ---: |")
        for size in CHECK_SIZES:
            chosen = ids[:size]
            claims = sum(server.engine.store.get_summary(i).claim_count for i in chosen)
            client.check(article_ids=chosen)  # cold: the first call fills the caches
            started = time.perf_counter()
            response = client.check(article_ids=chosen)
            seconds = time.perf_counter() - started
            print(f"| {len(chosen)} | {claims} | {len(response.findings)} | {seconds:.2f} | {seconds * encode_rate:.0f} |",
                  flush=True)
    print()


def alignment(data: Path, server: RunningServer) -> None:
    """The comparison step of Check (every pair of 10 articles) with the loop over claim pairs and the per-pair
    text work it replaced, alternating with the current code, in this process; the findings must be equal."""
    import service.align.facts as facts
    import service.align.features as features
    import service.quotes.tokens as tokens
    from service.align import FactAligner, load_fact_model
    from service.compare import Analysed, compare_articles
    from service.engine import analyse_many
    from tests.align.test_pair_matrix import reference_pair_matrix

    aligner = FactAligner(load_fact_model())
    sets = {"ECB+ topic 1, 10 articles": _ecbplus_event(data, 10),
            "PolNeAR, 10 long articles (all 45 pairs compared)": _polnear(data, 10)}
    now = (facts.pair_matrix, features.profile, tokens._tokens, tokens._word_keys)
    before = (reference_pair_matrix, features.profile.__wrapped__, tokens._tokens.__wrapped__,
              tokens._word_keys.__wrapped__)

    def use(functions) -> None:
        facts.pair_matrix, facts.profile, tokens._tokens, tokens._word_keys = functions

    print("comparing every pair of 10 articles (the comparison step of Check), before and now alternating\n")
    print("| articles | claims | before s | now s | now / before |")
    print("| --- | ---: | ---: | ---: | ---: |")
    try:
        for name, items in sets.items():
            analysed = [Analysed(a.extraction, a.embeddings)
                        for a in analyse_many(items, server.engine.embedder, leads=False) if not isinstance(a, Exception)]
            seconds = {"before": 0.0, "now": 0.0}
            found = {}
            for _ in range(2):
                for label, functions in (("before", before), ("now", now)):
                    use(functions)
                    compare_articles(analysed, aligner, by_story=True)  # warm
                    started = time.perf_counter()
                    found[label] = compare_articles(analysed, aligner, by_story=True)
                    seconds[label] += time.perf_counter() - started
            assert found["before"] == found["now"], "the findings differ"
            claims = sum(len(a.extraction.claims) for a in analysed)
            print(f"| {name} | {claims} | {seconds['before'] / 2:.2f} | {seconds['now'] / 2:.2f} "
                  f"| {seconds['now'] / seconds['before']:.2f} |", flush=True)
    finally:
        use(now)
    print()


def _variant(analysis, item: ArticleInput, n: int, originals: int, rng: np.random.Generator):
    """The n-th variant of an analysed article: own text, ids and date, its embeddings moved slightly."""
    from service.engine import Analysis

    text = f"{item.text}\n\n(variant {n})"
    digest = content_hash(text)
    old = analysis.extraction.article
    generation = n // originals + 1
    base = old.published.complete if old.published and old.published.complete else dt.date(2016, 9, 1)
    day = base + dt.timedelta(days=generation * (StoryThresholds().story_window_days + 1))
    article = replace(old, id=digest[:20], content_hash=digest, published=PartialDate(day.year, day.month, day.day))
    claims = tuple(replace(c, id=f"{article.id}:{k}", article_id=article.id)
                   for k, c in enumerate(analysis.extraction.claims))

    def moved(rows: np.ndarray) -> np.ndarray:
        rows = rows + rng.normal(0, 0.01, rows.shape).astype(np.float32)
        return (rows / np.linalg.norm(rows, axis=-1, keepdims=True)).astype(np.float32)

    extraction = Extraction(article, analysis.extraction.sentences, claims)
    return replace(item, text=text), Analysis(extraction, moved(analysis.embeddings), moved(analysis.lead_embedding))


def story_growth(sizes: list[int]) -> None:
    """Story placement alone as the clusterer grows: synthetic story documents (random unit vectors, three
    shared names, a new date every 40 articles), restored, then 20 more placed; where placement spends its time."""
    import cProfile
    import pstats

    from service.stories import RegionalClusterer, StoryAssignment, StoryDocument

    rng = np.random.default_rng(0)
    base = dt.date(2016, 1, 1)
    window = StoryThresholds().story_window_days + 1

    def document(k: int) -> StoryDocument:
        vector = rng.standard_normal(384).astype(np.float32)
        return StoryDocument(article_id=f"a{k:06d}", title="", lead="", names=("Clinton", "Trump", "Washington"),
                             published=base + dt.timedelta(days=k // 40 * window),
                             embedding=vector / np.linalg.norm(vector))

    print("story placement alone, synthetic documents (ms per article placed; the three costliest functions)\n")
    print("| stored | restore s | place ms | top functions (ms per article) |")
    print("| ---: | ---: | ---: | --- |")
    for size in sizes:
        clusterer = RegionalClusterer()
        started = time.perf_counter()
        clusterer.restore((document(k), StoryAssignment(f"a{k:06d}", f"story-a{k:06d}", f"topic-a{k:06d}", 1.0))
                          for k in range(size))
        restore = time.perf_counter() - started
        arrivals = [document(size + k) for k in range(TIMED_FILLS)]
        profile = cProfile.Profile()
        started = time.perf_counter()
        profile.enable()
        for doc in arrivals:
            clusterer.place(doc)
        profile.disable()
        per = 1000 * (time.perf_counter() - started) / len(arrivals)
        stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
        top = sorted(((tt, f"{func[2]}") for func, (_, _, tt, _, _) in stats.items()), reverse=True)[:3]
        shown = ", ".join(f"{name} {1000 * tt / len(arrivals):.0f}" for tt, name in top)
        print(f"| {size:,} | {restore:.1f} | {per:.0f} | {shown} |", flush=True)
    print()


def growth(data: Path, settings: Settings, sizes: list[int], items: list[ArticleInput]) -> None:
    """Its own server, so the store holds only the fill and the fresh articles."""
    from service.engine import Analysis

    server = RunningServer(settings, default_engine)
    try:
        engine = server.engine
        analysed = [(i, a) for i, a in zip(items, engine._analyse_many(items)) if isinstance(a, Analysis)]
        rng = np.random.default_rng(0)
        fresh = _ecbplus_event(data, FRESH_PER_LEVEL * len(sizes), skip=0)
        print(f"ingest time per article as the store grows (fill: variants of {len(analysed)} analysed articles "
              f"through the real store step; fresh: {FRESH_PER_LEVEL} ECB+ articles over gRPC per size)\n")
        print("| stored articles | store step per article, ms (story, SQLite, claim index) | fresh ingest per article, s "
              "| fresh / first row |")
        print("| ---: | ---: | ---: | ---: |")
        stored, n, first = 0, 0, None
        for level, size in enumerate(sizes):
            step_times = []
            while stored < size:
                original, analysis = analysed[n % len(analysed)]
                item, variant = _variant(analysis, original, n, len(analysed), rng)
                started = time.perf_counter()
                outcome = engine._ingest_one(n, item, variant)
                step_times.append(time.perf_counter() - started)
                stored += outcome.created
                n += 1
            batch = fresh[level * FRESH_PER_LEVEL : (level + 1) * FRESH_PER_LEVEL]
            with CrosscheckClient(server.address, timeout=3600) as client:
                started = time.perf_counter()
                client.ingest([_pb(i) for i in batch], batch_size=FRESH_PER_LEVEL)
                per_article = (time.perf_counter() - started) / len(batch)
            stored += len(batch)
            first = first or per_article
            step = 1000 * statistics.mean(step_times[-TIMED_FILLS:])
            print(f"| {stored:,} | {step:.1f} | {per_article:.2f} | {per_article / first:.2f} |", flush=True)
    finally:
        server.stop()
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--batch", type=int, default=16, help="articles per IngestArticles call")
    parser.add_argument("--growth", default="100,1000", help="store sizes to measure ingest at (empty: none)")
    parser.add_argument("--growth-10k", action="store_true", help="also at 10,000 stored articles (slow)")
    parser.add_argument("--backend", default=Settings().model_backend,
                        help="the server's model backend (torch, onnx, onnx-int8); the raw encode is always torch fp32")
    parser.add_argument("--parts", default="throughput,stages,check,align,stories,growth",
                        help="which of throughput, stages, check, align, stories, growth to run")
    args = parser.parse_args(argv)
    items = _polnear(args.data, args.articles)
    if not items:
        print(f"skipped: no PolNeAR articles under {args.data}")
        return 0
    sizes = [int(s) for s in args.growth.split(",") if s] + ([10_000] if args.growth_10k else [])
    parts = set(args.parts.split(","))
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(database=str(Path(folder) / "bench.db"), log_format="text", log_level="WARNING",
                            model_backend=args.backend)
        if parts & {"throughput", "stages", "check", "align"}:
            server = RunningServer(settings, default_engine)
            try:
                with CrosscheckClient(server.address, timeout=600) as client:  # warm: both models loaded, run once
                    client.compare([_pb(items[0]), _pb(items[1])])
                if "align" in parts:
                    alignment(args.data, server)
                if parts & {"throughput", "stages", "check"}:
                    stored, encode_rate = throughput(server, items, args.batch)
                    counts = {i: server.engine.store.get_summary(i).claim_count for i in stored}
                    median = sorted(counts.values())[len(counts) // 2]
                    if "stages" in parts:
                        stages(server, stored[next(i for i in stored if counts[i] == median)])
                    if "check" in parts and (args.data / "ecbplus" / "1").is_dir():
                        check(server, args.data, encode_rate)
            finally:
                server.stop()
        if sizes and "stories" in parts:
            story_growth(sizes)
        if sizes and "growth" in parts:
            growth(args.data, replace(settings, database=str(Path(folder) / "growth.db")), sizes, items)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
