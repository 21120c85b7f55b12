"""The command line as a new user meets it: options before or after the command, --version, one-day windows,
and help that says what every option means with an example."""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys

import pytest

from client.cli import build_parser, main
from tests.harness import SEEDS
from tests.client.test_cli import run


def crosscheck(*argv: str, timeout: float = 60) -> subprocess.CompletedProcess:
    """The real entry point in a process of its own, as a shell or cron runs it."""
    return subprocess.run([sys.executable, "-m", "client", *argv], capture_output=True, text=True, timeout=timeout)


@pytest.mark.parametrize("where", ["before", "after"])
def test_connection_options_work_before_and_after_the_command(fake_server, where):
    options = ["--address", fake_server.address, "--timeout", "20", "--json"]
    argv = [*options, "articles"] if where == "before" else ["articles", *options]
    result = crosscheck(*argv)
    assert result.returncode == 0, result.stderr
    assert "articles" in json.loads(result.stdout) or json.loads(result.stdout) == {}


def test_an_option_after_the_command_overrides_the_same_option_before_it(capsys, fake_server):
    code, _, err = run(capsys, "--address", "localhost:1", "health", "--address", fake_server.address)
    assert code == 0, err
    code, _, err = run(capsys, "--address", fake_server.address, "--timeout", "2", "health", "--address",
                       "localhost:1")
    assert code == 3 and "localhost:1" in err


def test_version():
    result = crosscheck("--version")
    assert result.returncode == 0 and re.fullmatch(r"crosscheck \S+\n", result.stdout)


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_option_has_a_meaning_and_every_command_an_example():
    parser = build_parser()
    assert "Examples:" in parser.format_help() and "Exit codes" in parser.format_help()
    for name, command in {"": parser, **_subparsers(parser)}.items():
        for action in command._actions:
            if isinstance(action, argparse._SubParsersAction):
                continue
            assert action.help and len(action.help) > 12, (name, action.dest)
            if action.option_strings and action.nargs != 0 and action.dest not in ("help", "version", "format"):
                # a value-taking option shows what a value looks like
                assert "e.g." in action.help or action.choices, (name, action.dest, action.help)
        if name:
            assert "Example:\n  crosscheck " + name in command.format_help(), name


def test_help_says_which_end_of_a_window_is_exclusive():
    help_text = " ".join(_subparsers(build_parser())["check"].format_help().split())
    assert "first publication day NOT included (exclusive" in help_text
    assert "--day DATE" in help_text


@pytest.mark.parametrize("window", [["--day", "2013-03-25"], ["--since", "2013-03-25", "--until", "2013-03-25"],
                                    ["--since", "2013-03-25", "--until", "2013-03-26"]])
def test_one_day_windows(capsys, fake_server, window):
    run(capsys, "ingest", "--address", fake_server.address, str(SEEDS / "00[01]*.txt"))
    code, out, err = run(capsys, "check", "--address", fake_server.address, "--json", *window)
    assert code == 0, err
    sources = {a["source"] for a in json.loads(out)["articles"]}
    assert sources == {"The Moscow Times", "Reuters"}
    code, out, err = run(capsys, "report", "--address", fake_server.address, "--format", "json", *window)
    assert code == 0, err
    report = json.loads(out)
    assert (report["since"], report["until"]) == ("2013-03-25T00:00:00Z", "2013-03-26T00:00:00Z")


@pytest.mark.parametrize("window, message", [
    (["--since", "2013-03-26", "--until", "2013-03-25"], "--until is the first day not included"),
    (["--day", "2013-03-25", "--since", "2013-03-25"], "--day is the whole window"),
    (["--since", "2013-03-25"], "--since and --until go together"),
])
def test_windows_that_cannot_be_meant_are_usage_errors(capsys, fake_server, window, message):
    code, _, err = run(capsys, "check", "--address", fake_server.address, *window)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1


def test_server_help_says_what_each_setting_does():
    result = subprocess.run([sys.executable, "-m", "service.server", "--help"], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    for meaning in ("where to listen", "the SQLite file", "time in-flight calls get to finish",
                    "HH:MM at which to build the previous day's report", "pipeline calls (ingest, extract",
                    "file of hashed bearer tokens"):
        assert meaning in text
