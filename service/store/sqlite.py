"""SQLite store: one file, WAL mode, numbered migrations recorded in the database.

Claims and their slots are kept as JSON documents (the records' own shape, see `service.codec`); the columns
that queries filter on are real columns with indexes.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

import numpy as np

from service import codec
from service.align.index import ExactIndex
from service.errors import NotFound, StoreError, shown
from service.records import Article, Claim, Extraction, Sentence
from service.store.base import ArticleSummary, Hits, StoredReport, StoryFeatures, StoryLink
from service.stories import Placement, StoryAssignment, StoryMember, StoryMembers, VectorRows

# Append only: a migration that has run on somebody's database is never edited.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        published_on TEXT,              -- ISO date when the publication date is complete, else NULL
        stored_seq INTEGER NOT NULL,    -- arrival order, for rebuilding incremental story state
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
        embedding BLOB NOT NULL         -- float32 row, L2-normalised
    );
    CREATE INDEX claims_article ON claims (article_id, ordinal);
    CREATE TABLE embedding_cache (
        model TEXT NOT NULL,
        text_hash TEXT NOT NULL,
        vector BLOB NOT NULL,
        PRIMARY KEY (model, text_hash)
    );
    CREATE TABLE story_links (
        article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        story_id TEXT NOT NULL,
        topic_id TEXT NOT NULL,
        similarity REAL NOT NULL
    );
    CREATE INDEX story_links_story ON story_links (story_id);
    CREATE TABLE findings (
        key TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        story_id TEXT NOT NULL,
        document TEXT NOT NULL
    );
    CREATE TABLE reports (
        id TEXT PRIMARY KEY,
        since TEXT NOT NULL,
        until TEXT NOT NULL,
        created TEXT NOT NULL,
        content_digest TEXT NOT NULL,
        payload BLOB NOT NULL
    );
    CREATE INDEX reports_window ON reports (since, until, created);
    """,
    # Findings are computed on every check from the stored claims and never read back: nothing to keep.
    """
    DROP TABLE findings;
    """,
    # Reports are stored as the canonical JSON of their records, no longer as protobuf bytes. A stored report
    # is only a cache of a build from the stored articles, so the old ones are dropped and rebuilt on request.
    """
    DELETE FROM reports;
    """,
    # What story clustering compares of each article, written with it, so that placing an article reads only its
    # neighbours and start-up reads nothing. Articles stored before this have none until the server fills them in
    # once (it needs the model: `Engine` does it at its first start on the upgraded database).
    """
    CREATE TABLE story_features (
        article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        names TEXT NOT NULL,            -- JSON list of the people, organisations, places in title and lead
        embedding BLOB NOT NULL         -- float32 row of the title and lead, L2-normalised
    );
    CREATE UNIQUE INDEX articles_arrival ON articles (stored_seq);
    """,
    # The content words of title and lead, which tell two events of one subject apart. Articles stored before
    # have none ('[]') and stand on neither side of a clash.
    """
    ALTER TABLE story_features ADD COLUMN words TEXT NOT NULL DEFAULT '[]';  -- JSON list, sorted
    """,
)


def _vector(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=np.float32)


class SqliteStore:
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA busy_timeout=5000")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from exc
        # One connection shared by the server's threads; sqlite3 objects are not safe for concurrent use.
        self._lock = threading.RLock()
        # The story features read so far, by arrival: placing reads the rows stored since (by any process) and
        # compares against all of them in memory, which for the sizes one SQLite file holds beats any index.
        self._story_rows = VectorRows()
        self._story_seqs: list[int] = []
        self.migrate()

    # ------------------------------------------------------------------------------------------ plumbing

    def _transaction(self) -> "_Transaction":
        return _Transaction(self)

    def migrate(self) -> int:
        """Applies pending migrations; returns the schema version."""
        with self._lock:
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)"
            )
            done = {row[0] for row in self._db.execute("SELECT version FROM schema_migrations")}
            for version, script in enumerate(MIGRATIONS, start=1):
                if version in done:
                    continue
                with self._transaction() as db:
                    for statement in script.split(";"):
                        if statement.strip():
                            db.execute(statement)
                    db.execute(
                        "INSERT INTO schema_migrations (version, applied) VALUES (?, ?)",
                        (version, dt.datetime.now(dt.timezone.utc).isoformat()),
                    )
            return len(MIGRATIONS)

    def schema_version(self) -> int:
        with self._lock:
            row = self._db.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _query(self, sql: str, params: Sequence = ()) -> list[tuple]:
        with self._lock:
            try:
                return self._db.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise StoreError(f"database query failed: {exc}") from exc

    # ------------------------------------------------------------------------------------------ articles

    def article_id_for_hash(self, content_hash: str) -> str | None:
        rows = self._query("SELECT id FROM articles WHERE content_hash = ?", (content_hash,))
        return rows[0][0] if rows else None

    def save_article(self, extraction: Extraction, embeddings: np.ndarray, story: StoryLink | None,
                     relinked: Sequence[StoryLink] = (), features: StoryFeatures | None = None) -> bool:
        self._check(extraction, embeddings)
        with self._transaction() as db:
            return self._insert(db, extraction, embeddings, story, relinked, features)

    def save_placed(self, extraction: Extraction, embeddings: np.ndarray, features: StoryFeatures,
                    place: Callable[[StoryMembers], Placement]) -> Placement | None:
        self._check(extraction, embeddings)
        # BEGIN IMMEDIATE takes the database's write lock: placements from every process on this file run one at
        # a time, each reading what the one before wrote.
        with self._transaction() as db:
            if db.execute("SELECT 1 FROM articles WHERE content_hash = ?",
                          (extraction.article.content_hash,)).fetchone():
                return None
            placement = place(_Members(self))
            a = placement.assignment
            moved = [StoryLink(m.article_id, m.story_id, m.topic_id, m.similarity) for m in placement.moved]
            self._insert(db, extraction, embeddings, StoryLink(a.article_id, a.story_id, a.topic_id, a.similarity),
                         moved, features)
            return placement

    @staticmethod
    def _check(extraction: Extraction, embeddings: np.ndarray) -> None:
        if len(embeddings) != len(extraction.claims):
            raise StoreError(f"{len(extraction.claims)} claims but {len(embeddings)} embeddings")

    def _insert(self, db: sqlite3.Connection, extraction: Extraction, embeddings: np.ndarray,
                story: StoryLink | None, relinked: Sequence[StoryLink], features: StoryFeatures | None) -> bool:
        article = extraction.article
        published = article.published.complete if article.published else None
        if db.execute("SELECT 1 FROM articles WHERE content_hash = ?", (article.content_hash,)).fetchone():
            return False
        seq = db.execute("SELECT COALESCE(MAX(stored_seq), 0) + 1 FROM articles").fetchone()[0]
        db.execute(
            "INSERT INTO articles (id, content_hash, published_on, stored_seq, document) VALUES (?, ?, ?, ?, ?)",
            (article.id, article.content_hash, published.isoformat() if published else None, seq,
             json.dumps(codec.to_data(article))),
        )
        db.executemany(
            "INSERT INTO sentences (article_id, idx, document) VALUES (?, ?, ?)",
            [(article.id, s.index, json.dumps(codec.to_data(s))) for s in extraction.sentences],
        )
        db.executemany(
            "INSERT INTO claims (id, article_id, ordinal, document, embedding) VALUES (?, ?, ?, ?, ?)",
            [
                (c.id, article.id, i, json.dumps(codec.to_data(c)), np.asarray(e, dtype=np.float32).tobytes())
                for i, (c, e) in enumerate(zip(extraction.claims, embeddings))
            ],
        )
        if story is not None:
            db.execute(
                "INSERT INTO story_links (article_id, story_id, topic_id, similarity) VALUES (?, ?, ?, ?)",
                (article.id, story.story_id, story.topic_id, float(story.similarity)),
            )
        db.executemany(
            "UPDATE story_links SET story_id = ?, topic_id = ?, similarity = ? WHERE article_id = ?",
            [(link.story_id, link.topic_id, float(link.similarity), link.article_id) for link in relinked],
        )
        if features is not None:
            self._insert_features(db, article.id, features)
        return True

    @staticmethod
    def _insert_features(db: sqlite3.Connection, article_id: str, features: StoryFeatures) -> None:
        db.execute(
            "INSERT OR IGNORE INTO story_features (article_id, names, embedding, words) VALUES (?, ?, ?, ?)",
            (article_id, json.dumps(list(features.names)), np.asarray(features.embedding, dtype=np.float32).tobytes(),
             json.dumps(list(features.words))),
        )

    def _article(self, article_id: str) -> Article:
        rows = self._query("SELECT document FROM articles WHERE id = ?", (article_id,))
        if not rows:
            raise NotFound(f"no article with id {shown(article_id)}")
        return codec.from_data(Article, json.loads(rows[0][0]))

    def get_extraction(self, article_id: str) -> Extraction:
        article = self._article(article_id)
        sentences = tuple(
            codec.from_data(Sentence, json.loads(row[0]))
            for row in self._query("SELECT document FROM sentences WHERE article_id = ? ORDER BY idx", (article_id,))
        )
        claims = tuple(
            codec.from_data(Claim, json.loads(row[0]))
            for row in self._query("SELECT document FROM claims WHERE article_id = ? ORDER BY ordinal", (article_id,))
        )
        return Extraction(article, sentences, claims)

    def claim_embeddings(self, article_id: str) -> np.ndarray:
        rows = self._query("SELECT embedding FROM claims WHERE article_id = ? ORDER BY ordinal", (article_id,))
        if not rows:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([_vector(r[0]) for r in rows])

    def claim_vectors(self) -> Iterator[tuple[str, np.ndarray]]:
        rows = self._query(
            "SELECT c.id, c.embedding FROM claims c JOIN articles a ON a.id = c.article_id "
            "ORDER BY a.stored_seq, c.ordinal"
        )
        for claim_id, blob in rows:
            yield claim_id, _vector(blob)

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
        found = self._summary_rows("WHERE a.id = ?", (article_id,))
        if not found:
            raise NotFound(f"no article with id {shown(article_id)}")
        return found[0]

    def list_articles(self, limit: int, after: str = "") -> tuple[list[ArticleSummary], str]:
        # Keyset pagination on (published_on desc with unknown dates last, id): stable under concurrent inserts.
        order_key = "COALESCE(a.published_on, '0000-00-00') || '|' || a.id"
        if after:
            page = self._summary_rows(
                f"WHERE {order_key} < ? ORDER BY {order_key} DESC LIMIT ?", (after, limit + 1)
            )
        else:
            page = self._summary_rows(f"ORDER BY {order_key} DESC LIMIT ?", (limit + 1,))
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
            "SELECT id FROM articles WHERE published_on >= ? AND published_on < ? ORDER BY published_on, stored_seq",
            (since.isoformat(), until.isoformat()),
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
               WHERE s.story_id = ? ORDER BY a.stored_seq""", (story_id,))
        return [r[0] for r in rows]

    def story_summaries(self, since: dt.date | None = None, until: dt.date | None = None
                        ) -> list[tuple[StoryLink, ArticleSummary]]:
        bounds, params = [], []
        if since is not None:
            bounds.append("w.published_on >= ?")
            params.append(since.isoformat())
        if until is not None:
            bounds.append("w.published_on < ?")
            params.append(until.isoformat())
        chosen = ""
        if bounds:
            chosen = f"""WHERE s.story_id IN (SELECT l.story_id FROM story_links l JOIN articles w ON w.id = l.article_id
                                              WHERE w.published_on IS NOT NULL AND {" AND ".join(bounds)})"""
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
        rows = self._query("SELECT names, embedding, words FROM story_features WHERE article_id = ?", (article_id,))
        return StoryFeatures(_vector(rows[0][1]), tuple(json.loads(rows[0][0])), tuple(json.loads(rows[0][2]))) \
            if rows else None

    def articles_without_features(self) -> list[str]:
        rows = self._query(
            """SELECT s.article_id FROM story_links s JOIN articles a ON a.id = s.article_id
               WHERE NOT EXISTS (SELECT 1 FROM story_features f WHERE f.article_id = s.article_id)
               ORDER BY a.stored_seq""")
        return [r[0] for r in rows]

    def save_features(self, article_id: str, features: StoryFeatures) -> None:
        with self._transaction() as db:
            self._insert_features(db, article_id, features)

    def _read_story_rows(self) -> None:
        """Reads the story features stored since the last read (inside the placement's transaction). Features
        filled in for old articles arrive out of order, so a count that does not add up reads them all again."""
        last = self._story_seqs[-1] if self._story_seqs else 0
        rows = self._query(
            """SELECT f.article_id, f.names, a.published_on, f.embedding, a.stored_seq, f.words FROM story_features f
               JOIN articles a ON a.id = f.article_id WHERE a.stored_seq > ? ORDER BY a.stored_seq""", (last,))
        self._append_story_rows(rows)
        (count,) = self._query("SELECT COUNT(*) FROM story_features")[0]
        if count != len(self._story_rows):
            self._story_rows, self._story_seqs = VectorRows(), []
            self._append_story_rows(self._query(
                """SELECT f.article_id, f.names, a.published_on, f.embedding, a.stored_seq, f.words FROM story_features f
                   JOIN articles a ON a.id = f.article_id ORDER BY a.stored_seq"""))

    def _append_story_rows(self, rows: list[tuple]) -> None:
        if not rows:
            return
        matrix = np.frombuffer(b"".join(r[3] for r in rows), dtype=np.float32).reshape(len(rows), -1)
        self._story_rows.extend([r[0] for r in rows], [tuple(json.loads(r[1])) for r in rows],
                                [dt.date.fromisoformat(r[2]) if r[2] else None for r in rows], matrix,
                                [tuple(json.loads(r[5])) for r in rows])
        self._story_seqs.extend(r[4] for r in rows)

    def _links_of(self, article_ids: Sequence[str]) -> dict[str, StoryLink]:
        found: dict[str, StoryLink] = {}
        ids = list(article_ids)
        for i in range(0, len(ids), 500):  # stay under SQLite's bound-parameter limit
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for row in self._query(
                f"SELECT article_id, story_id, topic_id, similarity FROM story_links WHERE article_id IN ({marks})",
                chunk,
            ):
                found[row[0]] = StoryLink(*row)
        return found

    def nearest_claims(self, vectors: np.ndarray, k: int, claim_ids: Sequence[str]) -> Hits:
        ids = list(dict.fromkeys(claim_ids))
        rows = []
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows.extend(self._query(
                f"""SELECT c.id, c.embedding, a.stored_seq, c.ordinal FROM claims c JOIN articles a ON a.id = c.article_id
                    WHERE c.id IN ({marks})""", chunk))
        rows.sort(key=lambda r: (r[2], r[3]))  # arrival order, so ties go to the claim stored first
        index = ExactIndex(np.atleast_2d(vectors).shape[1])
        if rows:
            index.add([r[0] for r in rows], np.stack([_vector(r[1]) for r in rows]))
        return index.search(vectors, k)

    # ------------------------------------------------------------------------------------------ embeddings

    def lookup(self, model: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        keys = list(keys)
        for i in range(0, len(keys), 500):  # stay under SQLite's bound-parameter limit
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for key, blob in self._query(
                f"SELECT text_hash, vector FROM embedding_cache WHERE model = ? AND text_hash IN ({marks})",
                (model, *chunk),
            ):
                found[key] = _vector(blob)
        return found

    def remember(self, model: str, rows: dict[str, np.ndarray]) -> None:
        with self._transaction() as db:
            db.executemany(
                "INSERT OR IGNORE INTO embedding_cache (model, text_hash, vector) VALUES (?, ?, ?)",
                [(model, key, np.asarray(v, dtype=np.float32).tobytes()) for key, v in rows.items()],
            )

    # ------------------------------------------------------------------------------------------ reports

    def save_report(self, report: StoredReport) -> None:
        with self._transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO reports (id, since, until, created, content_digest, payload) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (report.id, report.since.isoformat(), report.until.isoformat(), report.created.isoformat(),
                 report.content_digest, report.payload),
            )

    def _reports(self, where: str, params: Sequence) -> list[StoredReport]:
        rows = self._query(
            f"SELECT id, since, until, created, content_digest, payload FROM reports {where}", params
        )
        return [
            StoredReport(rid, dt.datetime.fromisoformat(s), dt.datetime.fromisoformat(u),
                         dt.datetime.fromisoformat(c), digest, bytes(payload))
            for rid, s, u, c, digest, payload in rows
        ]

    def get_report(self, report_id: str) -> StoredReport | None:
        found = self._reports("WHERE id = ?", (report_id,))
        return found[0] if found else None

    def reports_for_window(self, since: dt.datetime, until: dt.datetime) -> list[StoredReport]:
        return self._reports(
            "WHERE since = ? AND until = ? ORDER BY created DESC", (since.isoformat(), until.isoformat())
        )

    def list_reports(self, limit: int) -> list[StoredReport]:
        return self._reports("ORDER BY until DESC, created DESC LIMIT ?", (limit,))


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT under the store's lock; ROLLBACK and StoreError on any failure."""

    def __init__(self, store: SqliteStore) -> None:
        self._store = store

    def __enter__(self) -> sqlite3.Connection:
        self._store._lock.acquire()
        try:
            self._store._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            self._store._lock.release()
            raise StoreError(f"cannot start a transaction: {exc}") from exc
        return self._store._db

    def __exit__(self, exc_type, exc, tb) -> bool:
        try:
            if exc_type is None:
                self._store._db.execute("COMMIT")
                return False
            self._store._db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"database write failed and was rolled back: {exc}") from exc
            return False
        finally:
            self._store._lock.release()


class _Members:
    """The SQLite store's articles as story clustering reads them, inside a placement's transaction."""

    def __init__(self, store: SqliteStore) -> None:
        self._store = store
        store._read_story_rows()

    def near(self, embedding: np.ndarray, min_cosine: float) -> list[tuple[StoryMember, float]]:
        rows = self._store._story_rows
        found = rows.near(embedding, min_cosine)
        links = self._store._links_of([rows.ids[row] for row, _ in found])
        members = []
        for row, cosine in found:
            link = links.get(rows.ids[row])
            if link is not None:
                assignment = StoryAssignment(link.article_id, link.story_id, link.topic_id, link.similarity)
                members.append((StoryMember(rows.ids[row], rows.names[row], rows.published[row], rows.embedding(row),
                                            assignment, self._store._story_seqs[row], rows.words[row]), cosine))
        return members

    def best_cosine(self, embedding: np.ndarray) -> float | None:
        return self._store._story_rows.best_cosine(embedding)

    def story_ids_in_use(self, story_ids: Iterable[str], excluding: Iterable[str]) -> set[str]:
        wanted, skip = list(set(story_ids)), list(set(excluding))
        if not wanted:
            return set()
        # the exclusions are a region (a few articles), the wanted ids a few names
        rows = self._store._query(
            f"""SELECT DISTINCT story_id FROM story_links WHERE story_id IN ({",".join("?" * len(wanted))})
                AND article_id NOT IN ({",".join("?" * len(skip))})""", (*wanted, *skip))
        return {r[0] for r in rows}

    def story_count(self, excluding: Iterable[str]) -> int:
        skip = list(set(excluding))
        rows = self._store._query(
            f"SELECT COUNT(DISTINCT story_id) FROM story_links WHERE article_id NOT IN ({','.join('?' * len(skip))})",
            skip)
        return int(rows[0][0])
