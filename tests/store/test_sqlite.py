import sqlite3

import pytest

from service.store.sqlite import MIGRATIONS, SqliteStore
from tests.store.contract import StoreContract, make_extraction, vectors


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
