"""The database behind the service: start-up, Check, story-vector recall and ingest with replicas, on SQLite and
on PostgreSQL with pgvector (a real PostgreSQL 16 from pgserver, durable settings), each compared in one run.

    python -m tests.bench.database [--parts startup,check,recall,ingest] [--claims 100000] [--story-vectors 20000]

    --claims 100000,1000000   the Check part at 1M stored claims too (about 10 minutes to fill the stores)

startup   engine start-up on a store of 10 and 10,000 articles (10 claims each): today's path beside the one it
          replaced (which read every article's extraction to rebuild the stories, and every claim vector into
          the in-memory index), and the first placement after it; then `crosscheck-server` processes from launch
          to SERVING, beside one on an empty in-memory store (model load and warm-up alone).
check     Check of a 10-article story and the cross-story claim candidates of 10 articles of one topic in two
          stories, with `--claims` stored claims (synthetic 384-d vectors clustered by story), beside the
          in-memory IVF index over every claim that the candidates came from before.
recall    the story-neighbour query on pgvector HNSW against exact search, for several m / ef_construction /
          ef_search, with `--story-vectors` stored.
ingest    articles a second through 1 and 2 `crosscheck-server` processes on one PostgreSQL (real model).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from service.align import FactAligner, IVFIndex, load_fact_model, load_scorer
from service.embed import CachedEmbedder, text_key
from service.engine import Engine, LEAD_SENTENCES
from service.records import PartialDate
from service.store import StoryFeatures, StoryLink
from service.store.postgres import PostgresStore
from service.store.sqlite import SqliteStore
from service.stories import RegionalClusterer, StoryAssignment, StoryDocument
from tests.fakes import FakeEmbedder
from tests.postgres import PostgresServer
from tests.store.contract import make_extraction

DIMENSIONS = 384
CLAIMS_PER_ARTICLE = 10
ARTICLES_PER_STORY = 10
STORIES_PER_TOPIC = 5


def _unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=-1, keepdims=True)).astype(np.float32)


def populate(store, articles: int, rng: np.random.Generator, cache=None) -> list[list[str]]:
    """Synthetic articles in stories of ten and topics of five stories, as the service writes them: extraction,
    claim vectors, story link and story features. Returns the article ids of each story."""
    stories: list[list[str]] = []
    topic_centre = story_centre = None
    for n in range(articles):
        s = n // ARTICLES_PER_STORY
        if n % ARTICLES_PER_STORY == 0:
            if s % STORIES_PER_TOPIC == 0:
                topic_centre = rng.standard_normal(DIMENSIONS)
            story_centre = topic_centre + 0.9 * rng.standard_normal(DIMENSIONS)
            stories.append([])
        day = dt.date(2020, 1, 1) + dt.timedelta(days=(s * 3) % 1400)
        extraction = make_extraction(f"{n:07d}", PartialDate(day.year, day.month, day.day), claims=CLAIMS_PER_ARTICLE)
        claims = _unit(story_centre + 0.8 * rng.standard_normal((CLAIMS_PER_ARTICLE, DIMENSIONS)))
        lead = _unit(story_centre + 0.6 * rng.standard_normal(DIMENSIONS))
        features = StoryFeatures(lead, (f"Person {s}", f"Place {s // STORIES_PER_TOPIC}"))
        link = StoryLink(extraction.article.id, f"story-{s}", f"topic-{s // STORIES_PER_TOPIC}", 0.8)
        store.save_article(extraction, claims, link, (), features)
        if cache is not None:  # what the embedding cache held for the old start-up's re-embedding of leads
            cache.remember(FakeEmbedder(DIMENSIONS).name, {text_key(_lead_text(extraction)): lead})
        stories[-1].append(extraction.article.id)
    return stories


def _lead_text(extraction) -> str:
    lead = " ".join(s.text for s in extraction.sentences[:LEAD_SENTENCES])
    return f"{extraction.article.title}. {lead}".strip(". ")


def previous_start_up(store, embedder) -> None:
    """What the engine did at start before story features were stored: every story link's article read back
    whole, its lead embedded again (answered by the embedding cache), the stories replayed into an in-memory
    clusterer, and every claim vector loaded into the in-memory IVF index."""
    history = []
    for link in store.story_links():
        extraction = store.get_extraction(link.article_id)
        names = tuple(sorted({e.canonical or e.text for c in extraction.claims for e in c.entities}))
        (vector,) = embedder.embed([_lead_text(extraction)])
        published = extraction.article.published.complete if extraction.article.published else None
        history.append((StoryDocument(link.article_id, extraction.article.title, "", names, published, vector),
                        StoryAssignment(link.article_id, link.story_id, link.topic_id, link.similarity)))
    RegionalClusterer().restore(history)
    index = IVFIndex(DIMENSIONS)
    ids, rows = [], []
    for claim_id, vector in store.claim_vectors():
        ids.append(claim_id)
        rows.append(vector)
        if len(ids) == 10_000:
            index.add(ids, np.stack(rows))
            ids, rows = [], []
    if ids:
        index.add(ids, np.stack(rows))


def _open(backend: str, postgres: PostgresServer, folder: Path, name: str):
    if backend == "sqlite":
        return SqliteStore(folder / f"{name}.db"), str(folder / f"{name}.db")
    url = postgres.new_database()
    return PostgresStore(url), url


def _first_placement_seconds(store) -> float:
    rng = np.random.default_rng(99)
    extraction = make_extraction("new-arrival", PartialDate(2021, 6, 1), claims=CLAIMS_PER_ARTICLE)
    vector = _unit(rng.standard_normal(DIMENSIONS))
    doc = StoryDocument(extraction.article.id, "", "", ("Someone",), dt.date(2021, 6, 1), vector)
    start = time.perf_counter()
    store.save_placed(extraction, _unit(rng.standard_normal((CLAIMS_PER_ARTICLE, DIMENSIONS))),
                      StoryFeatures(vector, doc.names), lambda members: RegionalClusterer().place(doc, members))
    return time.perf_counter() - start


def _server_seconds(database: str) -> float:
    env = dict(os.environ, CROSSCHECK_ADDRESS="localhost:0", CROSSCHECK_DATABASE=database, CROSSCHECK_LOG_FORMAT="json")
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "service.server"], env=env, stderr=subprocess.PIPE, text=True)
    try:
        for line in process.stderr:
            if '"message": "serving"' in line:
                return time.perf_counter() - start
            if '"engine failed to load"' in line:
                raise RuntimeError(line)
        raise RuntimeError("the server exited before serving")
    finally:
        process.terminate()
        process.wait(30)


def bench_startup(postgres: PostgresServer, folder: Path) -> None:
    aligner = FactAligner(load_fact_model())
    scorer = load_scorer()
    print("\n### Start-up\n")
    print("| backend | stored articles | claims | start-up before s | start-up now s | first placement s |")
    print("|---|---:|---:|---:|---:|---:|")
    databases = {}
    for backend in ("sqlite", "postgresql"):
        for articles in (10, 10_000):
            store, database = _open(backend, postgres, folder, f"startup-{articles}")
            rng = np.random.default_rng(articles)
            populate(store, articles, rng, cache=store)
            store.close()
            databases[(backend, articles)] = database
            reopened, _ = (SqliteStore(database), None) if backend == "sqlite" else (PostgresStore(database), None)
            start = time.perf_counter()
            previous_start_up(reopened, CachedEmbedder(FakeEmbedder(DIMENSIONS), persistent=reopened))
            before = time.perf_counter() - start
            reopened.close()
            start = time.perf_counter()
            store = SqliteStore(database) if backend == "sqlite" else PostgresStore(database)
            Engine(store, FakeEmbedder(DIMENSIONS), scorer, aligner=aligner)
            now = time.perf_counter() - start
            first = _first_placement_seconds(store)
            store.close()
            print(f"| {backend} | {articles:,} | {articles * CLAIMS_PER_ARTICLE:,} | {before:.2f} | {now:.3f} | "
                  f"{first:.3f} |")
    print("\n| `crosscheck-server` to SERVING | seconds |")
    print("|---|---:|")
    print(f"| memory: (model load and warm-up alone) | {_server_seconds('memory:'):.1f} |")
    for (backend, articles), database in databases.items():
        print(f"| {backend}, {articles:,} articles | {_server_seconds(database):.1f} |")


def _percentile(times: list[float], q: float) -> float:
    return float(np.percentile(np.array(times) * 1000, q))


def bench_check(postgres: PostgresServer, folder: Path, sizes: list[int], repeats: int = 20) -> None:
    aligner = FactAligner(load_fact_model())
    scorer = load_scorer()
    print("\n### Check\n")
    print("| stored claims | backend | Check of a 10-article story p50 ms | claim candidates of 10 articles "
          "(2 stories) p50 ms | p95 ms |")
    print("|---:|---|---:|---:|---:|")
    for claims in sizes:
        articles = claims // CLAIMS_PER_ARTICLE
        old_index = None
        for backend in ("sqlite", "postgresql"):
            store, _ = _open(backend, postgres, folder, f"check-{claims}")
            rng = np.random.default_rng(7)
            started = time.perf_counter()
            stories = populate(store, articles, rng)
            filled = time.perf_counter() - started
            engine = Engine(store, FakeEmbedder(DIMENSIONS), scorer, aligner=aligner)
            story = stories[len(stories) // 2]
            two_stories = stories[len(stories) // 2 - 1][:5] + story[:5]  # same topic, neighbouring stories
            candidates = [f"{i}:{k}" for i in two_stories for k in range(CLAIMS_PER_ARTICLE)]
            queries = np.concatenate([store.claim_embeddings(i) for i in two_stories[:5]])
            check_times, candidate_times = [], []
            for _ in range(repeats):
                start = time.perf_counter()
                engine.check(story)
                check_times.append(time.perf_counter() - start)
                start = time.perf_counter()
                store.nearest_claims(queries, 3, candidates[5 * CLAIMS_PER_ARTICLE:])
                candidate_times.append(time.perf_counter() - start)
            print(f"| {claims:,} | {backend} (filled in {filled:.0f} s) | {_percentile(check_times, 50):.1f} | "
                  f"{_percentile(candidate_times, 50):.1f} | {_percentile(candidate_times, 95):.1f} |")
            if old_index is None:
                start = time.perf_counter()
                old_index = IVFIndex(DIMENSIONS)
                ids, rows = [], []
                for claim_id, vector in store.claim_vectors():
                    ids.append(claim_id)
                    rows.append(vector)
                    if len(ids) == 50_000:
                        old_index.add(ids, np.stack(rows))
                        ids, rows = [], []
                if ids:
                    old_index.add(ids, np.stack(rows))
                built = time.perf_counter() - start
                allowed = set(candidates[5 * CLAIMS_PER_ARTICLE:])
                times = []
                for _ in range(repeats):
                    start = time.perf_counter()
                    old_index.search(queries, 3, allowed=allowed)
                    times.append(time.perf_counter() - start)
                print(f"| {claims:,} | before: in-memory IVF over every claim (built at start-up in {built:.0f} s)"
                      f" | | {_percentile(times, 50):.1f} | {_percentile(times, 95):.1f} |")
            store.close()
        old_index = None


def bench_recall(postgres: PostgresServer, count: int, queries: int = 200) -> None:
    import service.store.postgres as pg_module
    from service.store.postgres import _Members

    print(f"\n### Story-vector neighbours: pgvector HNSW against exact ({count:,} stored)\n")
    url = postgres.new_database()
    store = PostgresStore(url)
    rng = np.random.default_rng(3)
    centres = rng.standard_normal((count // 20, DIMENSIONS))
    rows = _unit(centres[rng.integers(0, len(centres), count)] + 0.9 * rng.standard_normal((count, DIMENSIONS)))
    with store._connection() as conn, conn.cursor() as cur:
        cur.execute("DROP INDEX story_features_hnsw")
        cur.execute("ALTER TABLE articles DROP CONSTRAINT articles_content_hash_key")
        with cur.copy("COPY articles (id, content_hash, published_on, document) FROM STDIN") as copy:
            for i in range(count):
                copy.write_row((f"a{i}", f"h{i}", dt.date(2021, 1, 1), "{}"))
        with cur.copy("COPY story_links (article_id, story_id, topic_id, similarity) FROM STDIN") as copy:
            for i in range(count):
                copy.write_row((f"a{i}", f"s{i}", f"t{i}", 1.0))
        with cur.copy("COPY story_features (article_id, names, embedding) FROM STDIN") as copy:
            for i in range(count):
                copy.write_row((f"a{i}", "[]", "[" + ",".join(f"{x:.7g}" for x in rows[i]) + "]"))
    probe = _unit(centres[rng.integers(0, len(centres), queries)] + 0.9 * rng.standard_normal((queries, DIMENSIONS)))
    floor = 0.52 - 0.2  # story threshold less the name bonus: what a placement asks for
    exact = [set(np.flatnonzero(rows.astype(np.float64) @ q.astype(np.float64) >= floor)) for q in probe]
    print(f"neighbours per query above cosine {floor:.2f}: mean {np.mean([len(e) for e in exact]):.1f}, "
          f"max {max(len(e) for e in exact)}\n")
    print("| m | ef_construction | build s | ef_search | recall | p50 ms | p95 ms |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for m, ef_construction in ((16, 64), (32, 128)):
        with store._connection() as conn:
            conn.execute("DROP INDEX IF EXISTS story_features_hnsw")
            conn.execute("SET maintenance_work_mem = '512MB'")
            start = time.perf_counter()
            conn.execute(f"""CREATE INDEX story_features_hnsw ON story_features
                USING hnsw ((embedding::vector(384)) vector_cosine_ops) WITH (m = {m}, ef_construction = {ef_construction})
                WHERE vector_dims(embedding) = 384""")
            built = time.perf_counter() - start
        for ef_search in (40, 100, 200):
            pg_module.HNSW_EF_SEARCH = ef_search
            found, times = 0, []
            with store._connection() as conn:
                conn.execute("ANALYZE story_features")
                members = _Members(conn)
                for q, truth in zip(probe, exact):
                    start = time.perf_counter()
                    near = members.near(q, floor)
                    times.append(time.perf_counter() - start)
                    found += len({int(m.article_id[1:]) for m, _ in near} & truth)
            recall = found / max(1, sum(len(e) for e in exact))
            print(f"| {m} | {ef_construction} | {built:.0f} | {ef_search} | {recall:.4f} | "
                  f"{_percentile(times, 50):.1f} | {_percentile(times, 95):.1f} |")
    store.close()


def _ingest_articles(count: int) -> list:
    from client import article_from_text
    from tests.harness import SEEDS

    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    return [article_from_text(seeds[i % len(seeds)] + f"\n\nDesk note {i}: filed by correspondent number {i}.\n",
                              source=f"Outlet {i}") for i in range(count)]


def bench_ingest(postgres: PostgresServer, count: int = 40, callers: int = 4) -> None:
    from client import CrosscheckClient

    print(f"\n### Ingest through replicas on one PostgreSQL ({count} articles, {callers} callers per replica)\n")
    print("| replicas | seconds | articles/s | ratio to 1 replica |")
    print("|---:|---:|---:|---:|")
    baseline = None
    for replicas in (1, 2):
        database = postgres.new_database()
        PostgresStore(database).close()  # migrated before the servers start
        env = dict(os.environ, CROSSCHECK_ADDRESS="localhost:0", CROSSCHECK_DATABASE=database,
                   CROSSCHECK_LOG_FORMAT="json")
        processes, addresses = [], []
        for _ in range(replicas):
            process = subprocess.Popen([sys.executable, "-m", "service.server"], env=env, stderr=subprocess.PIPE,
                                       text=True)
            processes.append(process)
        for process in processes:
            for line in process.stderr:
                if '"message": "listening"' in line:
                    addresses.append("localhost:" + line.split('"port": ')[1].split("}")[0].split(",")[0])
                if '"message": "serving"' in line:
                    break
        articles = _ingest_articles(count)

        def ingest(i: int):
            with CrosscheckClient(addresses[i % replicas], timeout=600) as client:
                return client.ingest([articles[i]])[0]

        start = time.perf_counter()
        with ThreadPoolExecutor(callers * replicas) as pool:
            results = list(pool.map(ingest, range(count)))
        seconds = time.perf_counter() - start
        assert sum(r.created for r in results) == count and not any(r.error for r in results)
        for process in processes:
            process.terminate()
            process.wait(30)
        rate = count / seconds
        baseline = baseline or rate
        print(f"| {replicas} | {seconds:.1f} | {rate:.2f} | {rate / baseline:.2f} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--parts", default="startup,check,recall,ingest")
    parser.add_argument("--claims", default="100000", help="stored claims for the Check part, comma-separated")
    parser.add_argument("--story-vectors", type=int, default=20_000)
    parser.add_argument("--ingest-articles", type=int, default=40)
    args = parser.parse_args(argv)
    parts = set(args.parts.split(","))
    postgres = PostgresServer(durable=True)
    try:
        with tempfile.TemporaryDirectory(prefix="crosscheck-bench-") as folder:
            if "startup" in parts:
                bench_startup(postgres, Path(folder))
            if "check" in parts:
                bench_check(postgres, Path(folder), [int(x) for x in args.claims.split(",")])
            if "recall" in parts:
                bench_recall(postgres, args.story_vectors)
            if "ingest" in parts:
                bench_ingest(postgres, args.ingest_articles)
    finally:
        postgres.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
