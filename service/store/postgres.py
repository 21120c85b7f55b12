"""PostgreSQL store with pgvector: one database that several server processes share.

The records are kept as in the SQLite store (JSON documents, with the columns queries filter on as real columns);
claim and story vectors are pgvector `vector` columns. Story placement is serialised across every process on
the database by one transaction-scoped advisory lock (`PLACEMENT_LOCK`): the transaction that takes it reads the
stored articles near the new one, decides, writes the article with its story and commits, and only then may the
next placement (from any server) read. Placements are short (the model work happens before), so one lock costs
little, and it is what makes two servers never split one story: with row locks a placement would have to lock
rows it has not read yet (the region grows as it is explored), and a serialisable transaction would abort and
retry whenever two nearby arrivals overlap. The content hash is unique, so the same article through two servers
at once is stored once whichever way the race goes.

Story vectors carry an HNSW index (cosine) for the dimensions of the service's model; the cross-story claim
candidates of a check are a few hundred claims named by id, so they are read by primary key and ranked exactly.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Callable, Iterable, Iterator, Sequence

import numpy as np

from service import codec
from service.align.index import ExactIndex
from service.errors import NotFound, StoreError, shown
from service.records import Article, Claim, Extraction, Sentence
from service.store import shown_url
from service.store.base import ArticleSummary, Hits, StoredReport, StoryFeatures, StoryLink
from service.stories import Placement, StoryAssignment, StoryMember, StoryMembers

# The dimensions of all-MiniLM-L6-v2: the story-vector index is built for them (an HNSW index needs one fixed
# dimension); vectors of any other size (the tests' fake embedder) are searched exactly.
INDEXED_DIMENSIONS = 384
# HNSW build parameters and the search breadth, chosen by measurement (tests/bench/postgres.py, README): at
# m = 16, ef_construction = 64 (pgvector's defaults) the story-neighbour query found every exact neighbour at
# ef_search 100; doubling m bought nothing measurable and slowed inserts.
HNSW_EF_SEARCH = 100
# pgvector caps ef_search at 1000; a placement that still finds only neighbours that far down scans exactly.
HNSW_EF_SEARCH_LIMIT = 1000
# pg_advisory_xact_lock key of story placement ("crosscheck" in ASCII, as a bigint).
PLACEMENT_LOCK = 0x63726F7373636863
MIGRATION_LOCK = PLACEMENT_LOCK + 1

# Append only: a migration that has run on somebody's database is never edited.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE EXTENSION IF NOT EXISTS vector;
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        published_on DATE,              -- when the publication date is complete, else NULL
        stored_seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,  -- arrival order
        document TEXT NOT NULL          -- the Article record as JSON
    );
    CREATE INDEX articles_published ON articles (published_on);
    CREATE TABLE sentences (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        document TEXT NOT NULL,
        PRIMARY KEY (article_id, idx)
    );
    CREATE TABLE claims (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        document TEXT NOT NULL,         -- the Claim record with its slots as JSON
        embedding vector NOT NULL       -- L2-normalised
    );
    CREATE INDEX claims_article ON claims (article_id, ordinal);
    CREATE TABLE embedding_cache (
        model TEXT NOT NULL,
        text_hash TEXT NOT NULL,
        vector BYTEA NOT NULL,          -- float32 row, as the SQLite store keeps it
        PRIMARY KEY (model, text_hash)
    );
    CREATE TABLE story_links (
        article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        story_id TEXT NOT NULL,
        topic_id TEXT NOT NULL,
        similarity DOUBLE PRECISION NOT NULL
    );
    CREATE INDEX story_links_story ON story_links (story_id);
    CREATE TABLE story_features (
        article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        names TEXT NOT NULL,            -- JSON list of the people, organisations, places in title and lead
        embedding vector NOT NULL       -- title and lead, L2-normalised
    );
    CREATE INDEX story_features_hnsw ON story_features
        USING hnsw ((embedding::vector(384)) vector_cosine_ops) WITH (m = 16, ef_construction = 64)
        WHERE vector_dims(embedding) = 384;
    CREATE TABLE reports (
        id TEXT PRIMARY KEY,
        since TEXT NOT NULL,
        until TEXT NOT NULL,
        created TEXT NOT NULL,
        content_digest TEXT NOT NULL,
        payload BYTEA NOT NULL
    );
    CREATE INDEX reports_window ON reports (since, until, created);
    """,
    # The content words of title and lead, which tell two events of one subject apart. Articles stored before
    # have none ('[]') and stand on neither side of a clash.
    """
    ALTER TABLE story_features ADD COLUMN words TEXT NOT NULL DEFAULT '[]';  -- JSON list, sorted
    """,
)

_ORDER_KEY = """(COALESCE(to_char(a.published_on, 'YYYY-MM-DD'), '0000-00-00') || '|' || a.id) COLLATE "C" """


def _vector(value) -> np.ndarray:
    """A float32 row from what pgvector's adapter reads (its Vector) or a row given to be written."""
    if hasattr(value, "to_numpy"):
        value = value.to_numpy()
    return np.asarray(value, dtype=np.float32)


class PostgresStore:
    def __init__(self, url: str, *, pool_size: int = 8) -> None:
        try:
            import psycopg
            from pgvector.psycopg import register_vector
            from psycopg_pool import ConnectionPool
        except ImportError as exc:
            raise StoreError("a postgresql:// database needs the server's postgres extra: "
                             "pip install 'crosscheck[service,postgres]'") from exc
        self._psycopg = psycopg
        self.url = url
        self.migrate()
        self._pool = ConnectionPool(url, min_size=1, max_size=pool_size, configure=register_vector, open=False,
                                    kwargs={"autocommit": False})
        try:
            self._pool.open(wait=True, timeout=30)
        except Exception as exc:  # psycopg_pool.PoolTimeout, psycopg.Error
            raise StoreError(f"cannot open database {shown_url(url)}: {exc}") from exc

    # ------------------------------------------------------------------------------------------ plumbing

    def migrate(self) -> int:
        """Applies pending migrations (under an advisory lock: servers starting at once apply each once)."""
        psycopg = self._psycopg
        try:
            with psycopg.connect(self.url, autocommit=True) as conn:
                conn.execute("SELECT pg_advisory_lock(%s)", (MIGRATION_LOCK,))
                try:
                    conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                                 "(version INTEGER PRIMARY KEY, applied TEXT NOT NULL)")
                    done = {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}
                    for version, script in enumerate(MIGRATIONS, start=1):
                        if version in done:
                            continue
                        with conn.transaction():
                            conn.execute(script)
                            conn.execute("INSERT INTO schema_migrations (version, applied) VALUES (%s, %s)",
                                         (version, dt.datetime.now(dt.timezone.utc).isoformat()))
                finally:
                    conn.execute("SELECT pg_advisory_unlock(%s)", (MIGRATION_LOCK,))
        except psycopg.Error as exc:
            raise StoreError(f"cannot open database {shown_url(self.url)}: {exc}") from exc
        return len(MIGRATIONS)

    def schema_version(self) -> int:
        return int(self._query("SELECT MAX(version) FROM schema_migrations")[0][0] or 0)

    def close(self) -> None:
        self._pool.close()

    def _connection(self):
        return _Connection(self)

    def _query(self, sql: str, params: Sequence = (), *, binary: bool = False) -> list[tuple]:
        with self._connection() as conn:
            return conn.execute(sql, params, binary=binary).fetchall()

    # ------------------------------------------------------------------------------------------ articles

    def article_id_for_hash(self, content_hash: str) -> str | None:
        rows = self._query("SELECT id FROM articles WHERE content_hash = %s", (content_hash,))
        return rows[0][0] if rows else None

    @staticmethod
    def _check(extraction: Extraction, embeddings: np.ndarray) -> None:
        if len(embeddings) != len(extraction.claims):
            raise StoreError(f"{len(extraction.claims)} claims but {len(embeddings)} embeddings")

    def save_article(self, extraction: Extraction, embeddings: np.ndarray, story: StoryLink | None,
                     relinked: Sequence[StoryLink] = (), features: StoryFeatures | None = None) -> bool:
        self._check(extraction, embeddings)
        with self._connection() as conn:
            return self._insert(conn, extraction, embeddings, story, relinked, features)

    def save_placed(self, extraction: Extraction, embeddings: np.ndarray, features: StoryFeatures,
                    place: Callable[[StoryMembers], Placement]) -> Placement | None:
        self._check(extraction, embeddings)
        with self._connection() as conn:
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (PLACEMENT_LOCK,))
            # Read after the lock: in READ COMMITTED each statement sees what the previous holder committed.
            if conn.execute("SELECT 1 FROM articles WHERE content_hash = %s",
                            (extraction.article.content_hash,)).fetchone():
                return None
            placement = place(_Members(conn))
            a = placement.assignment
            moved = [StoryLink(m.article_id, m.story_id, m.topic_id, m.similarity) for m in placement.moved]
            if not self._insert(conn, extraction, embeddings,
                                StoryLink(a.article_id, a.story_id, a.topic_id, a.similarity), moved, features):
                return None
            return placement

    def _insert(self, conn, extraction: Extraction, embeddings: np.ndarray, story: StoryLink | None,
                relinked: Sequence[StoryLink], features: StoryFeatures | None) -> bool:
        article = extraction.article
        published = article.published.complete if article.published else None
        inserted = conn.execute(
            "INSERT INTO articles (id, content_hash, published_on, document) VALUES (%s, %s, %s, %s) "
            "ON CONFLICT (content_hash) DO NOTHING RETURNING id",
            (article.id, article.content_hash, published, json.dumps(codec.to_data(article))),
        ).fetchone()
        if inserted is None:
            return False
        with conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO sentences (article_id, idx, document) VALUES (%s, %s, %s)",
                [(article.id, s.index, json.dumps(codec.to_data(s))) for s in extraction.sentences],
            )
            cur.executemany(
                "INSERT INTO claims (id, article_id, ordinal, document, embedding) VALUES (%s, %s, %s, %s, %s)",
                [(c.id, article.id, i, json.dumps(codec.to_data(c)), _vector(e))
                 for i, (c, e) in enumerate(zip(extraction.claims, embeddings))],
            )
            if story is not None:
                cur.execute(
                    "INSERT INTO story_links (article_id, story_id, topic_id, similarity) VALUES (%s, %s, %s, %s)",
                    (article.id, story.story_id, story.topic_id, float(story.similarity)),
                )
            cur.executemany(
                "UPDATE story_links SET story_id = %s, topic_id = %s, similarity = %s WHERE article_id = %s",
                [(link.story_id, link.topic_id, float(link.similarity), link.article_id) for link in relinked],
            )
        if features is not None:
            self._insert_features(conn, article.id, features)
        return True

    @staticmethod
    def _insert_features(conn, article_id: str, features: StoryFeatures) -> None:
        conn.execute(
            "INSERT INTO story_features (article_id, names, embedding, words) VALUES (%s, %s, %s, %s) "
            "ON CONFLICT (article_id) DO NOTHING",
            (article_id, json.dumps(list(features.names)), _vector(features.embedding),
             json.dumps(list(features.words))),
        )

    def _article(self, article_id: str) -> Article:
        rows = self._query("SELECT document FROM articles WHERE id = %s", (article_id,))
        if not rows:
            raise NotFound(f"no article with id {shown(article_id)}")
        return codec.from_data(Article, json.loads(rows[0][0]))

    def get_extraction(self, article_id: str) -> Extraction:
        article = self._article(article_id)
        sentences = tuple(
            codec.from_data(Sentence, json.loads(row[0]))
            for row in self._query("SELECT document FROM sentences WHERE article_id = %s ORDER BY idx", (article_id,))
        )
        claims = tuple(
            codec.from_data(Claim, json.loads(row[0]))
            for row in self._query("SELECT document FROM claims WHERE article_id = %s ORDER BY ordinal",
                                   (article_id,))
        )
        return Extraction(article, sentences, claims)

    def claim_embeddings(self, article_id: str) -> np.ndarray:
        rows = self._query("SELECT embedding FROM claims WHERE article_id = %s ORDER BY ordinal", (article_id,),
                           binary=True)
        if not rows:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([_vector(r[0]) for r in rows])

    def claim_vectors(self) -> Iterator[tuple[str, np.ndarray]]:
        rows = self._query(
            "SELECT c.id, c.embedding FROM claims c JOIN articles a ON a.id = c.article_id "
            "ORDER BY a.stored_seq, c.ordinal", binary=True
        )
        for claim_id, vector in rows:
            yield claim_id, _vector(vector)

    def nearest_claims(self, vectors: np.ndarray, k: int, claim_ids: Sequence[str]) -> Hits:
        queries = np.atleast_2d(np.asarray(vectors, dtype=np.float32))
        ids = list(dict.fromkeys(claim_ids))
        if not ids or k <= 0:
            return [[] for _ in range(len(queries))]
        # The candidates are named by id (the primary key finds them) and are a few hundred: read in binary and
        # ranked here, that took half the time of ranking them with pgvector in a lateral query per row
        # (tests/bench/database.py, README).
        rows = self._query(
            """SELECT c.id, c.embedding FROM claims c JOIN articles a ON a.id = c.article_id
               WHERE c.id = ANY(%s) ORDER BY a.stored_seq, c.ordinal""", (ids,), binary=True)
        index = ExactIndex(queries.shape[1])
        if rows:
            index.add([r[0] for r in rows], np.stack([_vector(r[1]) for r in rows]))
        return index.search(queries, k)

    def _summary_rows(self, where: str, params: Sequence) -> list[ArticleSummary]:
        rows = self._query(
            f"""SELECT a.document, COALESCE(s.story_id, ''), COALESCE(s.topic_id, ''),
                       (SELECT COUNT(*) FROM claims c WHERE c.article_id = a.id)
                FROM articles a LEFT JOIN story_links s ON s.article_id = a.id {where}""",
            params,
        )
        return [
            ArticleSummary(codec.from_data(Article, json.loads(doc)), story, topic, count)
            for doc, story, topic, count in rows
        ]

    def article_ids(self) -> list[str]:
        return [r[0] for r in self._query("SELECT id FROM articles ORDER BY stored_seq")]

    def get_summary(self, article_id: str) -> ArticleSummary:
        found = self._summary_rows("WHERE a.id = %s", (article_id,))
        if not found:
            raise NotFound(f"no article with id {shown(article_id)}")
        return found[0]

    def list_articles(self, limit: int, after: str = "") -> tuple[list[ArticleSummary], str]:
        # Keyset pagination on (published_on desc with unknown dates last, id), compared byte-wise as SQLite does.
        if after:
            page = self._summary_rows(f"WHERE {_ORDER_KEY} < %s ORDER BY {_ORDER_KEY} DESC LIMIT %s",
                                      (after, limit + 1))
        else:
            page = self._summary_rows(f"ORDER BY {_ORDER_KEY} DESC LIMIT %s", (limit + 1,))
        more = len(page) > limit
        page = page[:limit]
        token = ""
        if more and page:
            last = page[-1].article
            published = last.published.complete if last.published else None
            token = f"{published.isoformat() if published else '0000-00-00'}|{last.id}"
        return page, token

    def articles_published(self, since: dt.date, until: dt.date) -> list[str]:
        rows = self._query(
            "SELECT id FROM articles WHERE published_on >= %s AND published_on < %s ORDER BY published_on, stored_seq",
            (since, until),
        )
        return [r[0] for r in rows]

    def story_links(self) -> list[StoryLink]:
        rows = self._query(
            """SELECT s.article_id, s.story_id, s.topic_id, s.similarity FROM story_links s
               JOIN articles a ON a.id = s.article_id ORDER BY a.stored_seq"""
        )
        return [StoryLink(*row) for row in rows]

    def story_article_ids(self, story_id: str) -> list[str]:
        rows = self._query(
            """SELECT s.article_id FROM story_links s JOIN articles a ON a.id = s.article_id
               WHERE s.story_id = %s ORDER BY a.stored_seq""", (story_id,))
        return [r[0] for r in rows]

    def story_summaries(self, since: dt.date | None = None, until: dt.date | None = None
                        ) -> list[tuple[StoryLink, ArticleSummary]]:
        bounds, params = [], []
        if since is not None:
            bounds.append("w.published_on >= %s")
            params.append(since)
        if until is not None:
            bounds.append("w.published_on < %s")
            params.append(until)
        chosen = ""
        if bounds:
            chosen = f"""WHERE s.story_id IN (SELECT l.story_id FROM story_links l JOIN articles w ON w.id = l.article_id
                                              WHERE {" AND ".join(bounds)})"""
        rows = self._query(
            f"""SELECT a.document, s.story_id, s.topic_id, s.similarity,
                       (SELECT COUNT(*) FROM claims c WHERE c.article_id = a.id)
                FROM story_links s JOIN articles a ON a.id = s.article_id {chosen} ORDER BY a.stored_seq""",
            params,
        )
        found = []
        for doc, story, topic, similarity, count in rows:
            article = codec.from_data(Article, json.loads(doc))
            found.append((StoryLink(article.id, story, topic, similarity), ArticleSummary(article, story, topic, count)))
        return found

    def story_features(self, article_id: str) -> StoryFeatures | None:
        rows = self._query("SELECT names, embedding, words FROM story_features WHERE article_id = %s", (article_id,))
        return StoryFeatures(_vector(rows[0][1]), tuple(json.loads(rows[0][0])), tuple(json.loads(rows[0][2]))) \
            if rows else None

    def articles_without_features(self) -> list[str]:
        rows = self._query(
            """SELECT s.article_id FROM story_links s JOIN articles a ON a.id = s.article_id
               WHERE NOT EXISTS (SELECT 1 FROM story_features f WHERE f.article_id = s.article_id)
               ORDER BY a.stored_seq""")
        return [r[0] for r in rows]

    def save_features(self, article_id: str, features: StoryFeatures) -> None:
        with self._connection() as conn:
            self._insert_features(conn, article_id, features)

    # ------------------------------------------------------------------------------------------ embeddings

    def lookup(self, model: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        keys = list(keys)
        if not keys:
            return {}
        rows = self._query("SELECT text_hash, vector FROM embedding_cache WHERE model = %s AND text_hash = ANY(%s)",
                           (model, keys))
        return {key: np.frombuffer(bytes(blob), dtype=np.float32) for key, blob in rows}

    def remember(self, model: str, rows: dict[str, np.ndarray]) -> None:
        if not rows:
            return
        with self._connection() as conn, conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO embedding_cache (model, text_hash, vector) VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
                [(model, key, np.asarray(v, dtype=np.float32).tobytes()) for key, v in sorted(rows.items())],
            )

    # ------------------------------------------------------------------------------------------ reports

    def save_report(self, report: StoredReport) -> None:
        with self._connection() as conn:
            conn.execute(
                """INSERT INTO reports (id, since, until, created, content_digest, payload)
                   VALUES (%s, %s, %s, %s, %s, %s)
                   ON CONFLICT (id) DO UPDATE SET since = EXCLUDED.since, until = EXCLUDED.until,
                       created = EXCLUDED.created, content_digest = EXCLUDED.content_digest,
                       payload = EXCLUDED.payload""",
                (report.id, report.since.isoformat(), report.until.isoformat(), report.created.isoformat(),
                 report.content_digest, report.payload),
            )

    def _reports(self, where: str, params: Sequence) -> list[StoredReport]:
        rows = self._query(f"SELECT id, since, until, created, content_digest, payload FROM reports {where}", params)
        return [
            StoredReport(rid, dt.datetime.fromisoformat(s), dt.datetime.fromisoformat(u),
                         dt.datetime.fromisoformat(c), digest, bytes(payload))
            for rid, s, u, c, digest, payload in rows
        ]

    def get_report(self, report_id: str) -> StoredReport | None:
        found = self._reports("WHERE id = %s", (report_id,))
        return found[0] if found else None

    def reports_for_window(self, since: dt.datetime, until: dt.datetime) -> list[StoredReport]:
        return self._reports('WHERE since = %s AND until = %s ORDER BY created COLLATE "C" DESC',
                             (since.isoformat(), until.isoformat()))

    def list_reports(self, limit: int) -> list[StoredReport]:
        return self._reports('ORDER BY until COLLATE "C" DESC, created COLLATE "C" DESC LIMIT %s', (limit,))


class _Connection:
    """A pooled connection for one transaction: COMMIT on success, ROLLBACK and StoreError on a database error."""

    def __init__(self, store: PostgresStore) -> None:
        self._store = store
        self._context = None

    def __enter__(self):
        try:
            self._context = self._store._pool.connection()
            return self._context.__enter__()
        except self._store._psycopg.Error as exc:
            raise StoreError(f"cannot reach the database: {exc}") from exc
        except Exception as exc:  # the pool's timeout when every connection is busy or the server is gone
            if type(exc).__module__.startswith("psycopg_pool"):
                raise StoreError(f"cannot reach the database: {exc}") from exc
            raise

    def __exit__(self, exc_type, exc, tb) -> bool:
        try:
            self._context.__exit__(exc_type, exc, tb)  # commits, or rolls back when an exception left the block
        except self._store._psycopg.Error as error:
            raise StoreError(f"database write failed and was rolled back: {error}") from error
        if isinstance(exc, self._store._psycopg.Error):
            raise StoreError(f"database query failed and was rolled back: {exc}") from exc
        return False


class _Members:
    """The database's articles as story clustering reads them, inside the placement's transaction."""

    def __init__(self, conn) -> None:
        self._conn = conn

    _COLUMNS = """f.article_id, f.names, a.published_on, f.embedding, a.stored_seq, l.story_id, l.topic_id,
                  l.similarity, f.words"""
    _FROM = """FROM story_features f JOIN articles a ON a.id = f.article_id
               JOIN story_links l ON l.article_id = f.article_id"""

    def _members(self, rows: list[tuple], embedding: np.ndarray, min_cosine: float) -> list[tuple[StoryMember, float]]:
        query = np.asarray(embedding).astype(np.float64)
        found = []
        for article_id, names, published, vector, seq, story_id, topic_id, similarity, words in rows:
            row = _vector(vector)
            # the cosine the in-memory table computes (float64 over the float32 rows), so every backend decides alike
            cosine = float(row.astype(np.float64) @ query)
            if cosine >= min_cosine:
                assignment = StoryAssignment(article_id, story_id, topic_id, similarity)
                found.append((StoryMember(article_id, tuple(json.loads(names)), published, row, assignment, seq,
                                          tuple(json.loads(words))), cosine))
        return found

    def near(self, embedding: np.ndarray, min_cosine: float) -> list[tuple[StoryMember, float]]:
        query = _vector(embedding)
        bound = 1.0 - min_cosine + 1e-6  # cosine distance, with a hair of slack for float32 rounding
        if len(query) == INDEXED_DIMENSIONS:
            limit = 64
            while limit <= HNSW_EF_SEARCH_LIMIT:
                self._conn.execute(f"SET LOCAL hnsw.ef_search = {max(HNSW_EF_SEARCH, limit)}")
                # The index walk first (the nearest `limit`, no join to steer the plan away from it), then the
                # links and dates of those only; vectors travel in binary.
                rows = self._conn.execute(
                    f"""WITH nearest AS MATERIALIZED (
                            SELECT article_id, names, embedding, words,
                                   embedding::vector(384) <=> %s::vector(384) AS distance
                            FROM story_features WHERE vector_dims(embedding) = 384
                            ORDER BY embedding::vector(384) <=> %s::vector(384) LIMIT %s)
                        SELECT {self._COLUMNS}, f.distance FROM nearest f
                        JOIN articles a ON a.id = f.article_id JOIN story_links l ON l.article_id = f.article_id
                        ORDER BY f.distance""",
                    (query, query, limit), binary=True,
                ).fetchall()
                if len(rows) < limit or rows[-1][-1] > bound:
                    return self._members([r[:-1] for r in rows], embedding, min_cosine)
                limit *= 4
        rows = self._conn.execute(f"SELECT {self._COLUMNS} {self._FROM} WHERE (f.embedding <=> %s) <= %s",
                                  (query, bound), binary=True).fetchall()
        return self._members(rows, embedding, min_cosine)

    def best_cosine(self, embedding: np.ndarray) -> float | None:
        query = _vector(embedding)
        if len(query) == INDEXED_DIMENSIONS:
            self._conn.execute(f"SET LOCAL hnsw.ef_search = {HNSW_EF_SEARCH}")
            row = self._conn.execute(
                """SELECT f.embedding FROM story_features f JOIN story_links l ON l.article_id = f.article_id
                   WHERE vector_dims(f.embedding) = 384
                   ORDER BY f.embedding::vector(384) <=> %s::vector(384) LIMIT 1""", (query,)).fetchone()
        else:
            row = self._conn.execute(
                """SELECT f.embedding FROM story_features f JOIN story_links l ON l.article_id = f.article_id
                   ORDER BY f.embedding <=> %s LIMIT 1""", (query,)).fetchone()
        if row is None:
            return None
        return float(_vector(row[0]).astype(np.float64) @ np.asarray(embedding).astype(np.float64))

    def story_ids_in_use(self, story_ids: Iterable[str], excluding: Iterable[str]) -> set[str]:
        wanted = list(set(story_ids))
        if not wanted:
            return set()
        rows = self._conn.execute(
            "SELECT DISTINCT story_id FROM story_links WHERE story_id = ANY(%s) AND NOT (article_id = ANY(%s))",
            (wanted, list(set(excluding)))).fetchall()
        return {r[0] for r in rows}

    def story_count(self, excluding: Iterable[str]) -> int:
        row = self._conn.execute(
            "SELECT COUNT(DISTINCT story_id) FROM story_links WHERE NOT (article_id = ANY(%s))",
            (list(set(excluding)),)).fetchone()
        return int(row[0])
