import sqlite3

import numpy as np
import pytest

from service.store.sqlite import MIGRATIONS, SqliteStore
from tests.store.contract import StoreContract, check_overlapping_placements_share_one_story, make_extraction, vectors


class TestSqliteStore(StoreContract):
    @pytest.fixture
    def store(self, tmp_path):
        store = SqliteStore(tmp_path / "crosscheck.db")
        yield store
        store.close()


def test_wal_mode_and_migrations_recorded(tmp_path):
    path = tmp_path / "x.db"
    SqliteStore(path).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    versions = [row[0] for row in db.execute("SELECT version FROM schema_migrations ORDER BY version")]
    assert versions == list(range(1, len(MIGRATIONS) + 1))


def test_reopening_keeps_data_and_does_not_rerun_migrations(tmp_path):
    path = tmp_path / "x.db"
    store = SqliteStore(path)
    store.save_article(make_extraction("a", None), vectors(2), None)
    store.close()
    again = SqliteStore(path)
    assert again.schema_version() == len(MIGRATIONS)
    assert again.get_summary("id-a").claim_count == 2
    again.close()


def test_failed_write_rolls_back_the_whole_article(tmp_path):
    store = SqliteStore(tmp_path / "x.db")
    extraction = make_extraction("a", None)
    # A duplicate claim id makes the claims insert fail after the article row was written.
    broken = type(extraction)(extraction.article, extraction.sentences,
                              (extraction.claims[0], extraction.claims[0]))
    with pytest.raises(Exception):
        store.save_article(broken, vectors(2), None)
    assert store.article_id_for_hash("hash-a") is None
    assert store._query("SELECT COUNT(*) FROM sentences")[0][0] == 0
    store.close()


def test_overlapping_placements_from_two_stores_share_one_story(tmp_path):
    first, second = SqliteStore(tmp_path / "x.db"), SqliteStore(tmp_path / "x.db")
    try:
        check_overlapping_placements_share_one_story(first, second)
    finally:
        first.close()
        second.close()


def _as_written_before_story_features(path) -> None:
    """Turns a database back into what the server wrote before story features were kept: the schema of
    migrations 1-3 exactly (the later migration's table and index gone, its record removed), every row as
    those versions wrote it (the rows of the other tables are written the same way now)."""
    db = sqlite3.connect(path)
    db.executescript("""
        DROP TABLE story_features;
        DROP INDEX articles_arrival;
        DELETE FROM schema_migrations WHERE version > 3;
    """)
    db.close()


def test_a_database_of_the_previous_schema_upgrades_and_places_as_before(tmp_path):
    from service.align import load_scorer
    from service.engine import Engine, IngestItem
    from service.records import ArticleInput
    from tests.fakes import FakeEmbedder
    from tests.harness import SEEDS

    seeds = [IngestItem.of(ArticleInput(text=p.read_text(encoding="utf-8"), external_id=p.name))
             for p in sorted(SEEDS.glob("*.txt"))]
    old, control = tmp_path / "old.db", tmp_path / "control.db"
    for path in (old, control):
        engine = Engine(SqliteStore(path), FakeEmbedder(), load_scorer())
        engine.ingest(seeds[:4])
        engine.close()
    _as_written_before_story_features(old)
    before = sqlite3.connect(old)
    assert [r[0] for r in before.execute("SELECT version FROM schema_migrations")] == [1, 2, 3]
    assert before.execute("SELECT name FROM sqlite_master WHERE name = 'story_features'").fetchone() is None
    before.close()

    upgraded = Engine(SqliteStore(old), FakeEmbedder(), load_scorer())  # migrates, then fills the features in
    reference = Engine(SqliteStore(control), FakeEmbedder(), load_scorer())
    assert upgraded.store.schema_version() == len(MIGRATIONS)
    assert upgraded.store.articles_without_features() == []
    for article_id in reference.store.article_ids():
        want, got = reference.store.story_features(article_id), upgraded.store.story_features(article_id)
        assert got.names == want.names and np.allclose(got.embedding, want.embedding)
    # the next article is placed on the upgraded database exactly as on one that kept features all along
    (next_up,) = upgraded.ingest(seeds[4:5])
    (next_control,) = reference.ingest(seeds[4:5])
    assert (next_up.article_id, next_up.story_id) == (next_control.article_id, next_control.story_id)
    assert upgraded.store.story_links() == reference.store.story_links()
    upgraded.close()
    reference.close()
