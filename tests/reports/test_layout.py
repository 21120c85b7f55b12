"""The HTML report laid out by headless Chromium on a phone (390 px) and a laptop (1280 px): nothing wider than
the screen unless it sits in a scroll box that shows it scrolls, words whole, chart labels legible, the quote
diff's words apart. A copy of the page gets a measuring script (the report itself has none) whose findings the
dumped DOM carries back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosscheck_render import from_message, render_html
from tests.reports import browser
from tests.reports.reports_fixture import talks_report

pytestmark = pytest.mark.skipif(browser.chromium() is None, reason="chromium is not installed")
PROBE = Path(__file__).with_name("layout_probe.js")


def measured(html: str, folder: Path, width: int) -> dict:
    # Only the copy may run a script: its policy adds 'unsafe-inline' scripts to the report's.
    probe = html.replace("default-src 'none';", "default-src 'none'; script-src 'unsafe-inline';", 1)
    probe = probe.replace("</body>", f"<script>{PROBE.read_text(encoding='utf-8')}</script></body>", 1)
    page = folder / f"probe-{width}.html"
    page.write_text(probe, encoding="utf-8")
    dom = browser.dump_dom(page, width=width, height=900)
    return json.loads(browser.parse(dom).find("pre", id="layout-probe").text)


@pytest.fixture(scope="module")
def html() -> str:
    return render_html(from_message(talks_report()))


@pytest.mark.parametrize("width", [390, 1280])
def test_nothing_overflows_the_screen_outside_a_scroll_box_that_shows_it(html, tmp_path, width):
    found = measured(html, tmp_path, width)
    assert found["pageWidth"] <= found["viewport"], found["escaping"]
    assert found["escaping"] == []
    for box in found["boxes"]:
        if box["overflows"]:
            assert box["shadow"] and (box["hint"] or width > 760), box
    assert found["brokenWords"] == []
    assert found["smallChartText"] == []
    assert found["articleColumn"] is None or found["articleColumn"] >= 150
    # "defense" and "defence" never run together as "defensedefence"
    assert found["diffGaps"] and all(between.isspace() for _, between, _ in found["diffGaps"]), found["diffGaps"]


def test_the_phone_layout_scrolls_the_wide_tables_rather_than_squeezing_them(html, tmp_path):
    found = measured(html, tmp_path, 390)
    assert any(box["overflows"] for box in found["boxes"])  # there was something to scroll: the test can fail
