"""`crosscheck-server` as a process: configured by environment, SERVING once warmed up, graceful on SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from client import CrosscheckClient, article_from_text
from tests.service.server_process import read_events, start

pytestmark = pytest.mark.model


def test_server_process_serves_then_stops_gracefully_on_sigterm(tmp_path):
    env = dict(os.environ, CROSSCHECK_ADDRESS="localhost:0", CROSSCHECK_DATABASE=str(tmp_path / "p.db"),
               CROSSCHECK_GRACE_SECONDS="5")
    process = subprocess.Popen([sys.executable, "-m", "service.server"], env=env, stderr=subprocess.PIPE, text=True)
    try:
        listening = read_events(process.stderr, "listening")[-1]
        address = f"localhost:{listening['port']}"
        read_events(process.stderr, "serving")
        with CrosscheckClient(address, timeout=60) as client:
            assert client.health() == "SERVING"
            (result,) = client.ingest([article_from_text(
                "MOSCOW, March 25, 2013 - Six meetings were held in 2011, the ministry said on Monday.\n")])
            assert result.created and result.claim_count >= 1
        process.send_signal(signal.SIGTERM)
        events = read_events(process.stderr, "stopped", timeout=60)
        assert any(e["message"] == "shutting down" for e in events)
        assert process.wait(30) == 0
    finally:
        if process.poll() is None:
            process.kill()
    assert (tmp_path / "p.db").exists()


def test_sigterm_with_work_in_flight_drains_then_exits_within_grace(tmp_path):
    import threading

    import grpc

    env = dict(os.environ, CROSSCHECK_ADDRESS="localhost:0", CROSSCHECK_DATABASE=str(tmp_path / "q.db"),
               CROSSCHECK_GRACE_SECONDS="2", CROSSCHECK_DRAIN_SECONDS="1.5", CROSSCHECK_MAX_ARTICLE_CHARS="2000000")
    process = subprocess.Popen([sys.executable, "-m", "service.server"], env=env, stderr=subprocess.PIPE, text=True)
    try:
        port = read_events(process.stderr, "listening")[-1]["port"]
        read_events(process.stderr, "serving")
        address = f"localhost:{port}"
        # long enough to be in flight well past the grace period
        sentences = "".join(f"Minister number {i} said on Monday that talks in city {i} would resume. "
                            for i in range(6000))
        outcome: dict = {}

        def long_ingest():
            with CrosscheckClient(address, timeout=120) as c:
                try:
                    outcome["result"] = c.ingest([article_from_text(sentences, source="Long Wire")])
                except Exception as error:  # noqa: BLE001 - the call is expected to fail on shutdown
                    outcome["error"] = error

        caller = threading.Thread(target=long_ingest)
        caller.start()
        time.sleep(2.0)  # the ingest is being analysed
        signalled = time.monotonic()
        process.send_signal(signal.SIGTERM)
        seen = set()
        channel = grpc.insecure_channel(address)
        from grpc_health.v1 import health_pb2, health_pb2_grpc
        stub = health_pb2_grpc.HealthStub(channel)
        while time.monotonic() - signalled < 1.2:
            try:
                seen.add(health_pb2.HealthCheckResponse.ServingStatus.Name(
                    stub.Check(health_pb2.HealthCheckRequest(), timeout=1).status))
            except grpc.RpcError:
                seen.add("unreachable")
            time.sleep(0.1)
        channel.close()
        assert "NOT_SERVING" in seen  # health said so while the listener was still up
        assert process.wait(30) == 0
        assert time.monotonic() - signalled < 1.5 + 2 + 5
        caller.join(30)
        assert "error" in outcome, outcome
    finally:
        if process.poll() is None:
            process.kill()
    # nothing of the cancelled ingest was committed
    import sqlite3

    with sqlite3.connect(tmp_path / "q.db") as db:
        assert db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 0
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_kill_9_during_ingest_loses_nothing_acknowledged_and_leaves_no_partial_article(tmp_path):
    import sqlite3
    import threading

    database = tmp_path / "crash.db"
    articles = [article_from_text(f"GENEVA - Delegation {i} met on Monday and agreed to resume talks on item {i}, "
                                  f"officials said.\n\nThe meeting of delegation {i} lasted {i + 2} hours.\n",
                                  source=f"Crash Wire {i % 3}") for i in range(40)]
    acknowledged: dict[int, str] = {}
    process, address = start(database)
    try:
        def ingest_one_by_one():
            with CrosscheckClient(address, timeout=30) as c:
                for i, article in enumerate(articles):
                    try:
                        (result,) = c.ingest([article], batch_size=1)
                    except Exception:  # noqa: BLE001 - the server is killed mid-call
                        return
                    acknowledged[i] = result.article_id

        caller = threading.Thread(target=ingest_one_by_one)
        caller.start()
        deadline = time.monotonic() + 120
        while len(acknowledged) < 8 and time.monotonic() < deadline:
            time.sleep(0.05)
        process.kill()  # SIGKILL, mid-ingest
        process.wait(30)
        caller.join(60)
    finally:
        if process.poll() is None:
            process.kill()
    assert 8 <= len(acknowledged) < len(articles)
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {row[0] for row in db.execute("SELECT id FROM articles")}
        # an article is stored whole or not at all: every stored article has its claims and its story link
        assert db.execute("SELECT COUNT(*) FROM articles a WHERE NOT EXISTS "
                          "(SELECT 1 FROM claims c WHERE c.article_id = a.id)").fetchone()[0] == 0
        assert db.execute("SELECT COUNT(*) FROM articles a WHERE NOT EXISTS "
                          "(SELECT 1 FROM story_links s WHERE s.article_id = a.id)").fetchone()[0] == 0
    assert set(acknowledged.values()) <= stored
    process, address = start(database)
    try:
        with CrosscheckClient(address, timeout=60) as c:
            results = c.ingest(articles, batch_size=10)
            assert all(not r.error for r in results)
            for i, article_id in acknowledged.items():
                assert results[i].article_id == article_id and not results[i].created
            assert len({r.article_id for r in results}) == len(articles)
            assert sum(1 for _ in c.iter_articles(page_size=100)) == len(articles)
        process.send_signal(signal.SIGTERM)
        assert process.wait(30) == 0
    finally:
        if process.poll() is None:
            process.kill()
