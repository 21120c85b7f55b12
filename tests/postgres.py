"""A real PostgreSQL 16 with pgvector for the tests, from the PyPI package pgserver (the `postgres` extra): one
server per test session in a temporary directory, a fresh database per test.

Without the extra installed the PostgreSQL tests skip, except under CI (CI=true), where they must run."""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
import uuid
from pathlib import Path

import pytest


def _require_pgserver():
    if os.environ.get("CI"):
        import pgserver  # CI installs the postgres extra: a missing one fails here instead of skipping

        return pgserver
    return pytest.importorskip("pgserver", reason="the postgres extra is not installed (pip install '.[postgres]')")


class PostgresServer:
    """pgserver's PostgreSQL, stopped when the session ends. pgserver runs postgres as a user of its own when
    started as root (postgres refuses to run as root), so the data directory only needs to be writable."""

    def __init__(self, *, durable: bool = False) -> None:
        pgserver = _require_pgserver()
        # Not under pytest's temporary folders: those are private to root (which pgserver's postgres user is not)
        # and pytest removes old ones, which another pytest run may do while this one still uses its server.
        self._directory = Path(tempfile.mkdtemp(prefix="crosscheck-postgres-"))
        os.chmod(self._directory, 0o777)  # the unprivileged user pgserver runs postgres as must reach it
        directory = self._directory
        self._server = pgserver.get_server(str(directory / "pgdata"), cleanup_mode="stop")
        # A throwaway server: durability buys the tests nothing, and without it creating a database per test and
        # the shutdown checkpoint take a fraction of the time.
        if not durable:
            self._server.psql("ALTER SYSTEM SET fsync = off; ALTER SYSTEM SET synchronous_commit = off; "
                              "ALTER SYSTEM SET full_page_writes = off; SELECT pg_reload_conf();")
        self._names = itertools.count()

    def url(self, database: str = "postgres") -> str:
        return self._server.get_uri(database)

    def new_database(self) -> str:
        """A database of its own for one test, as postgresql:// URL."""
        name = f"crosscheck_{next(self._names)}_{uuid.uuid4().hex[:8]}"
        self._server.psql(f"CREATE DATABASE {name};")
        return self.url(name)

    def stop(self) -> None:
        self._server.cleanup()
        shutil.rmtree(self._directory, ignore_errors=True)
