"""A report says what it did not compare: through the real CLI and server, the seeds' report names the article
with no known year and the stories only one outlet reports, links articles to their addresses, and opens with
the discrepancies to read first; Chromium shows it so."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.client.test_cli_options import crosscheck
from tests.harness import SEEDS
from tests.reports import browser

UNDATED_TITLE = "Russia, U.S. agree to continue dialogue on missile defense"  # seed 003: "April 23", no year
# Seed 004 is the only report of its story (002's gets a second, linked copy below).
ALONE_TITLES = {"Russian, U.S. Foreign Policy Chiefs Discuss Missile Defense"}
URL = "https://www.eastwire.example/2013/03/07/missile-talks"


@pytest.fixture(scope="module")
def report_files(fake_server, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("left-out")
    linked = folder / "linked.txt"
    linked.write_text((SEEDS / "002_86a9161970b5fe5c.txt").read_text(encoding="utf-8") + "\nWith its address.\n",
                      encoding="utf-8")
    for argv in (["ingest", str(SEEDS)], ["ingest", str(linked), "--url", URL]):
        result = crosscheck("--address", fake_server.address, *argv)
        assert result.returncode == 0, result.stderr
    files = {}
    for fmt in ("html", "md"):
        files[fmt] = folder / f"report.{fmt}"
        result = crosscheck("--address", fake_server.address, "report", "--since", "2007-01-01", "--until",
                            "2014-01-01", "--format", fmt, "-o", str(files[fmt]))
        assert result.returncode == 0, result.stderr
    return files


def test_the_markdown_lists_what_was_left_out(report_files):
    text = report_files["md"].read_text(encoding="utf-8")
    left_out = text.split("## Not compared", 1)[1].split("\n## ", 1)[0]
    assert UNDATED_TITLE in left_out and "Publication day unknown (" in left_out
    assert all(title in left_out for title in ALONE_TITLES) and "Only source of their story (" in left_out
    assert f"(<{URL}>)" in text
    assert text.index("## Read these first") < text.index("## Totals")
    assert "| Facts checked | Sources differ |" in text


def test_the_report_file_is_readable_by_others(report_files):
    # written through a private temporary file, then opened up for the web server or colleague that reads it
    assert report_files["md"].stat().st_mode & 0o777 == 0o644


@pytest.mark.skipif(browser.chromium() is None, reason="chromium is not installed")
def test_the_browser_shows_what_was_left_out_and_what_to_read_first(report_files):
    dom = browser.parse(browser.dump_dom(report_files["html"]))
    left_out = dom.find("section", id="left-out")
    assert UNDATED_TITLE in left_out.find("ul", cls="undated").text
    alone = left_out.find("ul", cls="alone").text
    assert all(title in alone for title in ALONE_TITLES)
    links = [a.attrs["href"] for a in dom.find_all("a", cls="article-link")]
    assert URL in links
    read_first = dom.find("section", id="read-first")
    targets = [a.attrs["href"] for a in read_first.find_all("a")]
    assert targets and all(dom.find_all(id=t.removeprefix("#")) for t in targets)
    main = dom.find("main")
    order = [child.attrs.get("id") for child in main.children]
    assert order.index("read-first") < order.index("totals")
    header = dom.find("table", id="timeline-table").find("thead").text
    assert "Facts checked" in header and "Sources differ" in header
