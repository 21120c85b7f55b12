"""The HTML report as a reader sees it: rendered by headless Chromium, the DOM it built queried."""

from pathlib import Path

import pytest

from crosscheck_render import from_message, render_html
from tests.reports import browser
from tests.reports.reports_fixture import report_keys, talks_report

pytestmark = pytest.mark.skipif(browser.chromium() is None, reason="chromium is not installed")

LOCAL_PREFIXES = ("data:", "#")


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render_html(from_message(talks_report())), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def dom(page: Path) -> browser.Element:
    return browser.parse(browser.dump_dom(page))


def test_the_browser_shows_one_section_per_story_with_its_findings(dom: browser.Element):
    report = talks_report()
    stories = dom.find_all("section", cls="story")
    assert [s.attrs["data-story-id"] for s in stories] == [s.story_id for s in report.stories]
    keys = {e.attrs["data-finding-key"] for e in dom.walk() if "finding" in e.classes}
    assert keys == report_keys(report)
    first = stories[0]
    assert "Date mismatch" in first.find_all("article", cls="discrepancy")[0].text


def test_the_quote_diff_is_marked_in_the_page(dom: browser.Element):
    diff = dom.find("div", cls="quote-diff")
    inserted = [(e.text, e.attrs.get("data-category")) for e in diff.find_all("ins")]
    deleted = [(e.text, e.attrs.get("data-category")) for e in diff.find_all("del") if "harmless" in e.classes]
    assert ("the", "function word") in inserted
    assert ("defence", "spelling variant") in inserted
    assert ("defense,", "spelling variant") in deleted


def test_the_matrix_has_one_row_per_source(dom: browser.Element):
    matrix = dom.find("table", id="agreement-matrix")
    rows = matrix.find_all("tr", cls="source-row")
    assert [r.find("th").text for r in rows] == ["Reuters", "Sputnik", "The Moscow Times"]
    assert all(len(r.find_all("td")) == 3 for r in rows)


def test_nothing_in_the_page_can_reach_the_network(dom: browser.Element):
    policy = [e for e in dom.find_all("meta") if e.attrs.get("http-equiv", "").lower() == "content-security-policy"]
    assert policy and "default-src 'none'" in policy[0].attrs["content"]
    for element in dom.walk():
        for name in ("src", "href", "action", "poster", "srcset", "data"):
            value = element.attrs.get(name)
            if element.tag == "a" and name == "href" and "article-link" in element.classes:
                # a link the reader may follow to the article; nothing is fetched to show the page
                assert value.startswith(("https://", "http://")), value
                continue
            assert value is None or value.startswith(LOCAL_PREFIXES), (element.tag, name, value)
        assert "url(" not in element.attrs.get("style", "")
    assert not dom.find_all("script") and not dom.find_all("link") and not dom.find_all("iframe")
    assert "url(" not in dom.find("style").text


@pytest.mark.parametrize("width", [1280, 390])
def test_the_page_renders_on_a_laptop_and_a_phone(page: Path, tmp_path: Path, width: int):
    png = tmp_path / f"report-{width}.png"
    browser.screenshot(page, png, width, 900)
    assert browser.png_size(png) == (width, 900)
