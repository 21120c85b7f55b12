import psycopg
import pytest

from service.store.postgres import MIGRATIONS, PostgresStore
from tests.store.contract import StoreContract, check_overlapping_placements_share_one_story


class TestPostgresStore(StoreContract):
    @pytest.fixture
    def store(self, postgres):
        store = PostgresStore(postgres.new_database())
        yield store
        store.close()


def test_overlapping_placements_from_two_stores_share_one_story(postgres):
    url = postgres.new_database()
    first, second = PostgresStore(url), PostgresStore(url)
    try:
        check_overlapping_placements_share_one_story(first, second)
    finally:
        first.close()
        second.close()


def test_migrations_recorded_once_when_two_stores_open_a_new_database_at_once(postgres):
    from concurrent.futures import ThreadPoolExecutor

    url = postgres.new_database()
    with ThreadPoolExecutor(2) as pool:
        stores = list(pool.map(lambda _: PostgresStore(url), range(2)))
    assert all(s.schema_version() == len(MIGRATIONS) for s in stores)
    with psycopg.connect(url) as conn:
        versions = [r[0] for r in conn.execute("SELECT version FROM schema_migrations ORDER BY version")]
    assert versions == list(range(1, len(MIGRATIONS) + 1))
    for store in stores:
        store.close()


def test_an_unreachable_database_is_a_clear_store_error(tmp_path):
    from service.errors import StoreError

    with pytest.raises(StoreError, match="cannot open database postgresql://nobody@/crosscheck"):
        PostgresStore(f"postgresql://nobody:secret@/crosscheck?host={tmp_path}&connect_timeout=2")


def test_database_urls_in_logs_and_messages_leave_the_password_out():
    from service.store import shown_url

    assert shown_url("postgresql://crosscheck:s3cr3t@db.internal:5432/crosscheck") == \
        "postgresql://crosscheck@db.internal:5432/crosscheck"
    assert shown_url("postgresql://crosscheck@db.internal/crosscheck") == "postgresql://crosscheck@db.internal/crosscheck"
    assert shown_url("/var/lib/crosscheck/crosscheck.db") == "/var/lib/crosscheck/crosscheck.db"
