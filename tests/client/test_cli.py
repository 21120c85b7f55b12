"""CLI behaviour a script depends on: exit codes, usage errors, reading files, folders and globs."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from client.cli import expand_paths, main, nightly_window
from tests.harness import SEEDS


def run(capsys, *argv):
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse usage errors
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def test_unreachable_server_exits_3(capsys):
    code, _, err = run(capsys, "articles", "--address", "localhost:1", "--timeout", "2")
    assert code == 3 and "unavailable" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "--since", "2013-13-01", "--until", "2013-12-01"],
        ["compare", "--fail-on", "NOT_A_KIND", "a", "b"],
        ["report", "--since", "yesterday", "--until", "today"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2(capsys, argv):
    code, _, err = run(capsys, *argv)
    assert code == 2 and err


def test_missing_file_is_a_usage_error(capsys, fake_server):
    code, _, err = run(capsys, "compare", "--address", fake_server.address, "nope.txt", "nope2.txt")
    assert code == 2 and "nope.txt: no such file" in err


def test_rejected_input_exits_4_and_prints_the_reason(capsys, fake_server, tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Caf\xe9".encode("latin-1"))
    code, _, err = run(capsys, "extract", "--address", fake_server.address, str(bad))
    assert code == 4 and "not UTF-8" in err


def test_expand_paths_takes_files_folders_and_globs(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("x")
    (tmp_path / "sub" / "ignore.png").write_bytes(b"x")
    assert expand_paths([str(tmp_path)]) == [tmp_path / "a.txt", tmp_path / "sub" / "b.html"]
    assert expand_paths([str(tmp_path / "*.txt")]) == [tmp_path / "a.txt"]
    assert len(expand_paths([str(SEEDS)])) == 5


def test_ingest_and_stories_json(capsys, fake_server):
    code, out, _ = run(capsys, "ingest", "--address", fake_server.address, "--json", str(SEEDS / "00[01]*.txt"))
    assert code == 0
    results = json.loads(out)["results"]
    assert len(results) == 2 and all(r["article_id"] for r in results)
    code, out, _ = run(capsys, "stories", "--address", fake_server.address, "--json")
    assert code == 0
    listed = {a["id"] for s in json.loads(out)["stories"] for a in s["articles"]}
    assert {r["article_id"] for r in results} <= listed


def test_nightly_window_is_the_previous_local_day():
    since, until = nightly_window("Europe/Moscow", today=dt.date(2013, 3, 26))
    assert since.isoformat() == "2013-03-25T00:00:00+04:00"
    assert until - since == dt.timedelta(days=1)
