import psycopg
import pytest

from service.store.postgres import MIGRATIONS, PostgresStore
from tests.store.contract import StoreContract, make_extraction, vectors


class TestPostgresStore(StoreContract):
    @pytest.fixture
    def store(self, postgres):
        store = PostgresStore(postgres.new_database())
        yield store
        store.close()
