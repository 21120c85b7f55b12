from __future__ import annotations

import pytest

from service.settings import Settings
from tests.harness import RunningServer, fake_engine


@pytest.fixture(scope="session")
def postgres():
    """A real PostgreSQL with pgvector (pgserver) for the session; `postgres.new_database()` gives a test its own."""
    from tests.postgres import PostgresServer

    server = PostgresServer()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def fake_server():
    """A real gRPC server on port 0 whose engine uses the fake embedder and the in-memory store."""
    server = RunningServer(Settings(max_article_chars=20_000, log_format="text"), fake_engine)
    yield server
    server.stop()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def real_server(request, tmp_path_factory):
    """The production engine: the real model (sha256 verified) on a real SQLite file, and again on a real
    PostgreSQL with pgvector (pgserver): every test of the real service runs on both backends."""
    if request.param == "sqlite":
        database = str(tmp_path_factory.mktemp("db") / "crosscheck.db")
    else:
        database = request.getfixturevalue("postgres").new_database()
    from service.server import default_engine

    server = RunningServer(Settings(database=database, log_format="text"), default_engine)
    yield server
    server.stop()
