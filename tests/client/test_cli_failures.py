"""Every failure the command line can meet, through the real entry point in its own process: one clear line on
stderr, no traceback, and the exit code the README documents (cron and systemd read only the code)."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.client.test_cli_options import crosscheck
from tests.harness import SEEDS


def one_line(result: subprocess.CompletedProcess) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


def test_each_failure_has_one_line_and_its_exit_code(fake_server, tmp_path: Path):
    address = ["--address", fake_server.address]
    not_a_folder = tmp_path / "plain-file"
    not_a_folder.write_text("x")
    (tmp_path / "empty").mkdir()
    cases = [
        # (argv, exit code, what the line says)
        (["report", "--day", "2013-03-25", "--format", "html", "-o", str(tmp_path / "missing/dir/r.html")], 2,
         "the folder"),
        (["report", "--day", "2013-03-25", "-o", str(not_a_folder / "r.md")], 2, "does not exist"),
        (["report", "--day", "2013-03-25", "-o", str(tmp_path)], 2, "is a folder"),
        (["ingest", str(tmp_path / "nothing-*.txt")], 2, "no file matches this pattern"),
        (["ingest", str(tmp_path / "no-such-folder")], 2, "no such file or folder"),
        (["ingest", str(tmp_path / "empty")], 2, "holds no article files"),
        (["extract", str(SEEDS)], 2, "extract takes one article file"),
        (["check", "--since", "2013-03-26", "--until", "2013-03-25"], 2, "first day not included"),
        (["report", "--nightly", "--timezone", "Mars/Olympus"], 2, "unknown time zone"),
        (["articles", "--limit", "0"], 2, "must be 1 or more"),
        (["frobnicate"], 2, "invalid choice"),
        (["articles", "no-such-article"], 4, "NOT_FOUND"),
    ]
    for argv, code, message in cases:
        result = crosscheck(*address, *argv)
        assert result.returncode == code, (argv, result.returncode, result.stderr)
        assert message in one_line(result), (argv, result.stderr)


def test_an_unwritable_report_file_exits_6_and_leaves_nothing_behind(fake_server):
    # /proc takes no new files even for root, where a read-only folder would not stop it.
    result = crosscheck("--address", fake_server.address, "report", "--day", "2013-03-25", "-o", "/proc/report.md")
    assert result.returncode == 6 and "cannot write /proc/report.md" in one_line(result)


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux's /proc")
def test_an_unreadable_article_exits_6(fake_server):
    # A file no one can read from its start, root included (permissions would not stop root).
    result = crosscheck("--address", fake_server.address, "extract", "/proc/self/mem")
    assert result.returncode == 6 and "cannot read /proc/self/mem" in one_line(result)


def test_a_dangling_link_is_a_usage_error(fake_server, tmp_path: Path):
    link = tmp_path / "article.txt"
    link.symlink_to(tmp_path / "gone.txt")
    result = crosscheck("--address", fake_server.address, "extract", str(link))
    assert result.returncode == 2 and "no such file or folder" in one_line(result)


def test_an_unreachable_server_exits_3():
    result = crosscheck("--address", "localhost:1", "--timeout", "2", "articles")
    assert result.returncode == 3 and "unavailable" in one_line(result)


def _wait_until_loaded(pid: int, library: str, limit: float = 60.0) -> None:
    """Until the process has mapped `library` (a fixed sleep is too short when the machine is busy)."""
    deadline = time.monotonic() + limit
    maps = Path(f"/proc/{pid}/maps")
    while time.monotonic() < deadline:
        if maps.exists() and library in maps.read_text(errors="replace"):
            return
        time.sleep(0.1)
    raise AssertionError(f"process {pid} did not load {library} within {limit:.0f}s")


def test_ctrl_c_exits_130_with_one_line():
    process = subprocess.Popen([sys.executable, "-m", "client", "--address", "localhost:1", "health", "--wait", "60"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _wait_until_loaded(process.pid, "cygrpc")  # a Ctrl-C during interpreter start-up is not the CLI's to handle
    time.sleep(1)  # and it is now waiting for the server
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert err.strip() == "crosscheck health: interrupted"


def test_output_closed_early_is_quiet(fake_server):
    crosscheck("--address", fake_server.address, "ingest", str(SEEDS))
    shell = subprocess.run(f"{sys.executable} -m client --address {fake_server.address} articles --all "
                           "| head -c 1 >/dev/null; echo ${{PIPESTATUS[0]}}".replace("{{", "{").replace("}}", "}"),
                           shell=True, executable="/bin/bash", capture_output=True, text=True, timeout=60)
    assert "Traceback" not in shell.stderr and "BrokenPipe" not in shell.stderr
    assert shell.stdout.strip() in ("0", "141")
