"""What a person reads at the terminal: outlet names, findings with the text their spans cover, plurals, quote
cues, hyphenated words."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from client import display
from tests.client.test_cli import run
from tests.client.test_cli_options import crosscheck
from tests.harness import SEEDS

SEED_002 = SEEDS / "002_86a9161970b5fe5c.txt"


def _copy(tmp_path: Path, name: str, extra: str) -> Path:
    # New content each time: identity is the content, and the session's server keeps what it stored before.
    path = tmp_path / name
    path.write_text(SEED_002.read_text(encoding="utf-8") + f"\n{extra}\n", encoding="utf-8")
    return path


def _source_of(capsys, address: str, path: Path, *options: str) -> str:
    code, out, err = run(capsys, "ingest", "--address", address, "--json", str(path), *options)
    assert code == 0, err
    article_id = re.search(r'"article_id": "(\w+)"', out).group(1)
    code, out, _ = run(capsys, "articles", "--address", address, article_id)
    return re.search(r"source: (.*?)  published:", out).group(1)


def test_an_article_naming_no_outlet_says_so_in_words(capsys, fake_server, tmp_path):
    path = _copy(tmp_path, "002_86a9161970b5fe5c.txt", "Nothing names the outlet here.")
    assert _source_of(capsys, fake_server.address, path) == "unknown outlet (002_86a9\u2026)"


def test_the_urls_host_names_an_outlet_nobody_else_does(capsys, fake_server, tmp_path):
    path = _copy(tmp_path, "page.txt", "The host names it.")
    source = _source_of(capsys, fake_server.address, path, "--url", "https://www.eastwire.example/2013/03/07/talks")
    assert source == "eastwire.example"


def test_ingest_source_sets_the_outlet_everywhere(capsys, fake_server, tmp_path):
    path = _copy(tmp_path, "002_86a9161970b5fe5c.txt", "The caller names it.")
    assert _source_of(capsys, fake_server.address, path, "--source", "Eastwire News") == "Eastwire News"
    code, out, _ = run(capsys, "stories", "--address", fake_server.address)
    assert "Eastwire News" in out


def test_hyphenated_words_and_quote_cues_read_as_written(capsys, fake_server, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")  # narrow, so that lines wrap near the hyphen
    article = tmp_path / "hyphen.txt"
    article.write_text(
        "Russia and U.S. Aim to Reconvene Missile Defense Talks\n\nMOSCOW, March 25, 2013 - The defence chiefs want to reconvene their long-\n"
        "stalled missile defence talks soon, officials said on Monday after a meeting in the capital.\n\n"
        '"We are very interested in further developments," Anatoly Antonov said in comments carried by '
        "RIA-Novosti.\n", encoding="utf-8")
    code, out, err = run(capsys, "extract", "--address", fake_server.address, str(article))
    assert code == 0, err
    flat = " ".join(out.split())
    assert "long-stalled" in flat and "long- stalled" not in flat
    assert not re.search(r"-\n", out)  # no line of the output ends in a hyphen it did not have
    assert "carried by RIA-Novosti" in flat and "by via" not in flat
    assert re.search(r"^1 sentence|\b\d+ sentences", out, re.M) and "1 claims" not in out


@pytest.mark.model
def test_findings_show_the_text_their_spans_cover(real_server):
    seeds = {"The Moscow Times": SEEDS / "000_09de25b5ce3095c1.txt", "Reuters": SEEDS / "001_86ac386abbbaa423.txt"}
    result = crosscheck("--address", real_server.address, "ingest", *map(str, seeds.values()), timeout=300)
    assert result.returncode == 0, result.stderr
    result = crosscheck("--address", real_server.address, "check", "--day", "2013-03-25", timeout=300)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "\u201c\"" not in out and "\u201c\u201c" not in out  # no quotes around a text's own quotes
    assert not re.search(r"\b1 findings\b|\(s\)", out)
    texts = {name: path.read_text(encoding="utf-8") for name, path in seeds.items()}
    blocks = re.findall(r"^       (The Moscow Times|Reuters) \[(\d+):(\d+)\]\n((?:         .*\n)+)", out, re.M)
    assert len(blocks) >= 10
    for source, start, end, shown in blocks:
        shown_text = " ".join(shown.split("         in: ")[0].splitlines())  # the sentence's rest is context
        covered = display.readable(texts[source][int(start):int(end)])
        assert display.readable(shown_text).strip("\"\u201c\u201d") == covered.strip("\"\u201c\u201d"), (source, start)


def test_date_mismatches_read_as_an_editor_would_say_them():
    from service.compare.claims import said_time
    from service.records import Granularity, Span, TimeExpression, TimeType

    day = TimeExpression(Span(0, 8), "March 21", TimeType.DATE, "2013-03-21", Granularity.DAY,
                         dt.date(2013, 3, 21), dt.date(2013, 3, 21))
    week = TimeExpression(Span(0, 9), "last week", TimeType.DATE, "2013-W12", Granularity.WEEK,
                          dt.date(2013, 3, 18), dt.date(2013, 3, 24), relative=True)
    year = TimeExpression(Span(0, 4), "2011", TimeType.DATE, "2011", Granularity.YEAR,
                          dt.date(2011, 1, 1), dt.date(2011, 12, 31))
    assert said_time(day) == "\u201cMarch 21\u201d (21 March 2013)"
    assert said_time(week) == "\u201clast week\u201d (the week of 18-24 March 2013)"
    assert said_time(year) == "\u201c2011\u201d"


def test_plurals():
    assert display.plural(1, "finding") == "1 finding"
    assert display.plural(2, "story", "stories") == "2 stories"
