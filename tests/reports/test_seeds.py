"""The seeds' report end to end: the five seed articles ingested by the real engine, their report built, stored
and rendered. The fast tests use the deterministic fake embedder; one uses the real model."""

import datetime as dt
import json
from pathlib import Path

import pytest

from crosscheck_proto import crosscheck_pb2 as pb
from crosscheck_render import from_message, render_html, render_json, render_markdown
from tests.reports import browser
from tests.reports.reports_fixture import html_keys, markdown_keys, report_keys

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
UTC = dt.timezone.utc
SINCE, UNTIL = dt.datetime(2007, 1, 1, tzinfo=UTC), dt.datetime(2014, 1, 1, tzinfo=UTC)


def seeds_engine(embedder):
    from service.align import load_scorer
    from service.engine import Engine, IngestItem
    from service.records import ArticleInput
    from service.store.memory import MemoryStore

    engine = Engine(MemoryStore(), embedder, load_scorer())
    paths = sorted(SEEDS.glob("*.txt"))
    engine.ingest([IngestItem.of(ArticleInput(p.read_text(encoding="utf-8"), external_id=p.name)) for p in paths])
    return engine


@pytest.fixture(scope="module")
def engine():
    from tests.fakes import FakeEmbedder

    return seeds_engine(FakeEmbedder())


@pytest.fixture(scope="module")
def report(engine) -> pb.Report:
    from tests.reports.wire import build_or_get_report

    return build_or_get_report(engine, SINCE, UNTIL)


def _antonov_wording(report: pb.Report) -> pb.Finding:
    found = [
        f for s in report.stories for f in s.discrepancies
        if f.kind == pb.FINDING_KIND_QUOTE_WORDING
        and {e.source for e in f.evidence} == {"The Moscow Times", "Reuters"}
        and all("Antonov" in e.sentence for e in f.evidence)
    ]
    assert len(found) == 1
    return found[0]


def test_the_report_has_antonovs_quote_wording_with_the_and_the_spelling_variant(report: pb.Report):
    finding = _antonov_wording(report)
    changed = {(d.a, d.b): d.category for d in finding.diff if d.op != pb.DIFF_OP_EQUAL}
    the = [category for (a, b), category in changed.items() if "the" in (a, b)]
    assert the == [pb.DIFF_CATEGORY_FUNCTION_WORD]
    assert [c for (a, b), c in changed.items() if {a.strip(","), b.strip(",")} == {"defense", "defence"}] == [
        pb.DIFF_CATEGORY_SPELLING]


def test_the_matrix_and_source_rates_cover_every_source_in_the_window(report: pb.Report):
    sources = {a.source for s in report.stories for a in s.articles}
    assert {"The Moscow Times", "Reuters"} <= sources
    assert {s.source for s in report.sources} == sources
    assert len(report.matrix) == len(sources) * (len(sources) - 1) // 2
    pair = next(p for p in report.matrix if {p.source_a, p.source_b} == {"The Moscow Times", "Reuters"})
    assert pair.aligned >= 2 and 0 < pair.agreement < 1  # they agree on much, not on Antonov's wording


def test_the_same_window_built_again_is_the_same_report(engine, report: pb.Report):
    from tests.reports.wire import build_or_get_report, build_report

    assert build_or_get_report(engine, SINCE, UNTIL) == report
    rebuilt = build_report(engine, SINCE, UNTIL)
    assert (rebuilt.id, rebuilt.content_digest) == (report.id, report.content_digest)


def test_markdown_json_and_html_carry_the_same_findings(report: pb.Report):
    keys = report_keys(report)
    assert markdown_keys(render_markdown(from_message(report))) == keys
    assert html_keys(render_html(from_message(report))) == keys
    document = json.loads(render_json(report))
    assert {f["key"] for s in document["stories"] for part in ("discrepancies", "agreements", "uncorroborated")
            for f in s.get(part, [])} == keys


@pytest.mark.skipif(browser.chromium() is None, reason="chromium is not installed")
def test_the_seeds_report_in_the_browser(report: pb.Report, tmp_path: Path):
    page = tmp_path / "seeds.html"
    page.write_text(render_html(from_message(report)), encoding="utf-8")
    dom = browser.parse(browser.dump_dom(page))
    assert len(dom.find_all("section", cls="story")) == len(report.stories)
    key = _antonov_wording(report).key
    finding = next(e for e in dom.walk() if e.attrs.get("data-finding-key") == key and e.tag == "article")
    diff = finding.find("div", cls="quote-diff")
    assert "the" in [e.text for e in (*diff.find_all("ins"), *diff.find_all("del")) if "material" in e.classes]
    spelling = [e for e in diff.walk() if e.attrs.get("data-category") == "spelling variant"]
    assert {e.text.strip(",") for e in spelling} == {"defense", "defence"}
    assert all("harmless" in e.classes for e in spelling)
    rows = dom.find("table", id="agreement-matrix").find_all("tr", cls="source-row")
    assert sorted(r.attrs["data-source"] for r in rows) == sorted(s.source for s in report.sources)


@pytest.mark.model
def test_the_seeds_report_with_the_real_model():
    from service.embed import CachedEmbedder, SentenceTransformerEmbedder
    from tests.reports.wire import build_or_get_report

    report = build_or_get_report(seeds_engine(CachedEmbedder(SentenceTransformerEmbedder())), SINCE, UNTIL)
    _antonov_wording(report)
    story = next(s for s in report.stories if {a.source for a in s.articles} >= {"The Moscow Times", "Reuters"})
    assert any({"The Moscow Times", "Reuters"} <= set(c.sources) for c in story.corroborations)
