"""`crosscheck-server` as a process: configured by environment, SERVING once warmed up, graceful on SIGTERM."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from client import CrosscheckClient, article_from_text

pytestmark = pytest.mark.model


def _read_events(stream, until: str, timeout: float = 300) -> list[dict]:
    events, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = stream.readline()
        if not line:
            break
        try:
            event = json.loads(line)
        except json.JSONDecodeError:
            continue  # a library printing to stderr
        events.append(event)
        if event.get("message") == until:
            return events
    raise AssertionError(f"no {until!r} event; got {events}")


def test_server_process_serves_then_stops_gracefully_on_sigterm(tmp_path):
    env = dict(os.environ, CROSSCHECK_ADDRESS="localhost:0", CROSSCHECK_DATABASE=str(tmp_path / "p.db"),
               CROSSCHECK_GRACE_SECONDS="5")
    process = subprocess.Popen([sys.executable, "-m", "service.server"], env=env, stderr=subprocess.PIPE, text=True)
    try:
        listening = _read_events(process.stderr, "listening")[-1]
        address = f"localhost:{listening['port']}"
        _read_events(process.stderr, "serving")
        with CrosscheckClient(address, timeout=60) as client:
            assert client.health() == "SERVING"
            (result,) = client.ingest([article_from_text(
                "MOSCOW, March 25, 2013 - Six meetings were held in 2011, the ministry said on Monday.\n")])
            assert result.created and result.claim_count >= 1
        process.send_signal(signal.SIGTERM)
        events = _read_events(process.stderr, "stopped", timeout=60)
        assert any(e["message"] == "shutting down" for e in events)
        assert process.wait(30) == 0
    finally:
        if process.poll() is None:
            process.kill()
    assert (tmp_path / "p.db").exists()
