"""The server's log as an operator's collector reads it: the real `crosscheck-server` process loading the real
model writes one JSON object per line on stderr, and nothing about what is normal (faiss trying CPU builds, the
model loader's progress bar)."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time

import pytest


@pytest.mark.model
def test_the_log_is_one_json_object_a_line_and_quiet_about_normal_work(tmp_path):
    process = subprocess.Popen(
        [sys.executable, "-m", "service.server", "--address", "localhost:0", "--database", str(tmp_path / "c.db")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    lines: list[bytes] = []
    deadline = time.monotonic() + 300
    try:
        assert process.stderr is not None
        while time.monotonic() < deadline:
            line = process.stderr.readline()
            if not line:
                break
            lines.append(line)
            if b'"message": "serving"' in line:
                break
        process.send_signal(signal.SIGTERM)
        _, rest = process.communicate(timeout=60)
        lines.extend(rest.splitlines(keepends=True))
    finally:
        if process.poll() is None:
            process.kill()
    text = b"".join(lines).decode("utf-8")
    assert '"message": "serving"' in text, text
    assert "\r" not in text and "Loading weights" not in text
    entries = [json.loads(line) for line in text.splitlines() if line.strip()]
    assert all({"time", "level", "logger", "message"} <= set(e) for e in entries)
    assert not [e for e in entries if e["logger"].startswith("faiss")], entries
    assert [e["message"] for e in entries if e["level"] == "INFO" and e["logger"] == "crosscheck.server"][:2] == [
        "listening", "serving"]
