import datetime as dt

from crosscheck_proto import crosscheck_pb2 as pb
from service.records import FindingKind, Severity
from service.reports.identity import finding_keys
from tests.reports.wire import build_or_get_report, build_report, list_reports
from service.reports.window import day_window
from tests.reports.fakes import article, evidence, mismatch, talks_engine

UTC = dt.timezone.utc
DAY = dt.datetime(2013, 3, 25, tzinfo=UTC)
NEXT_DAY = DAY + dt.timedelta(days=1)


def test_window_is_read_in_the_bounds_own_zone_and_includes_a_started_day():
    moscow = dt.timezone(dt.timedelta(hours=3))
    window = day_window(dt.datetime(2013, 3, 25, 0, 0, tzinfo=moscow), dt.datetime(2013, 3, 26, tzinfo=moscow))
    assert (window.first_day, window.end_day) == (dt.date(2013, 3, 25), dt.date(2013, 3, 26))
    assert window.since == DAY
    afternoon = day_window(DAY, dt.datetime(2013, 3, 27, 15, 0, tzinfo=UTC))
    assert afternoon.end_day == dt.date(2013, 3, 28)


def test_report_covers_only_the_window_with_its_totals():
    report = build_report(talks_engine(), DAY, NEXT_DAY)
    assert report.totals.articles == 3
    assert report.totals.sources == 3
    assert report.totals.stories == 1
    assert report.totals.claims == 14 + 15 + 10
    counts = {(c.kind, c.severity): c.count for c in report.totals.findings}
    assert counts[(pb.FINDING_KIND_AGREEMENT, pb.SEVERITY_INFO)] == 2
    assert counts[(pb.FINDING_KIND_DATE_MISMATCH, pb.SEVERITY_MAJOR)] == 1
    assert {e.article_id for e in report.timeline} == {"mt", "reuters", "sputnik"}


def test_story_lists_the_most_severe_discrepancy_first_and_corroborations_across_three_sources():
    (story,) = build_report(talks_engine(), DAY, NEXT_DAY).stories
    assert [f.kind for f in story.discrepancies] == [pb.FINDING_KIND_DATE_MISMATCH, pb.FINDING_KIND_QUOTE_WORDING]
    assert len(story.agreements) == 2
    (corroboration,) = story.corroborations  # mt~reuters and reuters~sputnik are one fact
    assert list(corroboration.sources) == ["Reuters", "Sputnik", "The Moscow Times"]
    assert len(story.uncorroborated) == 1


def test_matrix_has_every_pair_of_sources_and_counts_agreements_among_aligned():
    report = build_report(talks_engine(), DAY, NEXT_DAY)
    pairs = {(p.source_a, p.source_b): p for p in report.matrix}
    assert set(pairs) == {("Reuters", "Sputnik"), ("Reuters", "The Moscow Times"), ("Sputnik", "The Moscow Times")}
    mt_reuters = pairs[("Reuters", "The Moscow Times")]
    assert (mt_reuters.aligned, mt_reuters.agreed) == (2, 1)  # one agreement, one quote wording
    assert mt_reuters.agreement == 0.5
    mt_sputnik = pairs[("Sputnik", "The Moscow Times")]
    assert (mt_sputnik.aligned, mt_sputnik.agreed, mt_sputnik.agreement) == (1, 0, 0.0)
    rates = {s.source: s for s in report.sources}
    assert rates["The Moscow Times"].discrepancies == 2
    assert rates["The Moscow Times"].discrepancy_rate == 2 / 14


def test_building_the_same_window_twice_gives_the_same_report_and_stores_it_once():
    engine = talks_engine()
    first = build_or_get_report(engine, DAY, NEXT_DAY)
    second = build_or_get_report(engine, DAY, NEXT_DAY)
    assert engine.checks == 1  # unchanged articles: the stored report is returned without a new check
    assert second == first
    rebuilt = build_or_get_report(engine, DAY, NEXT_DAY, rebuild=True)
    assert (rebuilt.id, rebuilt.content_digest) == (first.id, first.content_digest)
    assert rebuilt == first  # an identical build returns the stored report as it is
    assert len(engine.store.list_reports(10)) == 1
    fresh = build_report(talks_engine(), DAY, NEXT_DAY)
    assert (fresh.id, fresh.content_digest) == (first.id, first.content_digest)


def test_new_articles_in_the_window_rebuild_the_report_and_say_what_changed():
    engine = talks_engine()
    first = build_or_get_report(engine, DAY, NEXT_DAY)
    date_finding = next(f for f in first.stories[0].discrepancies if f.kind == pb.FINDING_KIND_DATE_MISMATCH)
    engine.add(article("tass", "TASS", DAY.date()), "s1", 7)
    engine.findings = [f for f in engine.findings if f.kind is not FindingKind.DATE_MISMATCH] + [
        mismatch(FindingKind.NUMBER_MISMATCH, Severity.MAJOR, evidence("tass", "TASS", 1, "7 meetings"),
                 evidence("mt", "The Moscow Times", 1, "6 meetings")),
    ]
    second = build_or_get_report(engine, DAY, NEXT_DAY)
    assert second.id != first.id
    assert second.changes.previous_report_id == first.id
    assert list(second.changes.new_articles) == ["tass"]
    assert list(second.changes.resolved_findings) == [date_finding.key]
    (new_key,) = second.changes.new_findings
    assert new_key in finding_keys(second) and new_key not in finding_keys(first)
    assert [r.id for r in list_reports(engine, 10)][0] == second.id


def test_first_report_of_a_window_is_compared_with_the_previous_windows_report():
    engine = talks_engine()
    earlier = build_or_get_report(engine, DAY, NEXT_DAY)
    later = build_or_get_report(engine, NEXT_DAY, NEXT_DAY + dt.timedelta(days=2))
    assert later.changes.previous_report_id == earlier.id
    assert list(later.changes.new_articles) == ["later"]
    assert set(later.changes.resolved_findings) == finding_keys(earlier)


def test_listed_reports_are_newest_window_first_and_leave_stories_out():
    engine = talks_engine()
    build_or_get_report(engine, DAY, NEXT_DAY)
    build_or_get_report(engine, NEXT_DAY + dt.timedelta(days=1), NEXT_DAY + dt.timedelta(days=2))
    listed = list_reports(engine, 10)
    assert [r.since.ToDatetime(tzinfo=UTC).date() for r in listed] == [dt.date(2013, 3, 27), dt.date(2013, 3, 25)]
    assert all(not r.stories for r in listed)
    assert listed[1].totals.articles == 3
    assert len(list_reports(engine, 1)) == 1


def test_an_empty_window_gives_an_empty_report():
    report = build_report(talks_engine(), dt.datetime(2020, 1, 1, tzinfo=UTC), dt.datetime(2020, 1, 2, tzinfo=UTC))
    assert report.totals.articles == 0 and not report.stories and not report.matrix
