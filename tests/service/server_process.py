"""`crosscheck-server` started as a child process for tests: its JSON log lines read until an event."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time


def read_events(stream, until: str, timeout: float = 300) -> list[dict]:
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


def start(database, port: int = 0, *, serving: bool = True, **settings: str) -> tuple[subprocess.Popen, str]:
    """A server on `database`, listening and (unless `serving` is False, for callers that start several and wait
    for them together) SERVING; `settings` are CROSSCHECK_* variables (without the prefix)."""
    env = dict(os.environ, CROSSCHECK_ADDRESS=f"localhost:{port}", CROSSCHECK_DATABASE=str(database),
               **{f"CROSSCHECK_{name.upper()}": value for name, value in settings.items()})
    process = subprocess.Popen([sys.executable, "-m", "service.server"], env=env, stderr=subprocess.PIPE, text=True)
    try:
        listening = read_events(process.stderr, "listening")[-1]
        if serving:
            read_events(process.stderr, "serving")
    except BaseException:
        process.kill()
        raise
    return process, f"localhost:{listening['port']}"
