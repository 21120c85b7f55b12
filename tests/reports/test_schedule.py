import asyncio
import datetime as dt
import json
import os
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from service.reports import files
from service.reports.schedule import (
    next_run_at,
    parse_time_of_day,
    report_day,
    run_nightly,
    run_once_for_day,
    run_with_retries,
)
from service.settings import Settings
from tests.reports.fakes import talks_engine

UTC = dt.timezone.utc
BERLIN = ZoneInfo("Europe/Berlin")


def test_next_run_is_later_today_or_tomorrow_on_the_zones_clock():
    at = dt.time(2, 30)
    before = dt.datetime(2013, 3, 25, 0, 0, tzinfo=UTC)  # 01:00 in Berlin
    assert next_run_at(before, at, BERLIN) == dt.datetime(2013, 3, 25, 2, 30, tzinfo=BERLIN)
    exactly = dt.datetime(2013, 3, 25, 2, 30, tzinfo=BERLIN)
    assert next_run_at(exactly, at, BERLIN) == dt.datetime(2013, 3, 26, 2, 30, tzinfo=BERLIN)


def test_a_wall_time_the_clocks_skip_runs_once_just_after_the_gap():
    # Berlin skipped 02:00-03:00 on 31 March 2013.
    run = next_run_at(dt.datetime(2013, 3, 30, 12, 0, tzinfo=UTC), dt.time(2, 30), BERLIN)
    assert run.astimezone(UTC) == dt.datetime(2013, 3, 31, 1, 30, tzinfo=UTC)
    following = next_run_at(run, dt.time(2, 30), BERLIN)
    assert following.astimezone(BERLIN).date() == dt.date(2013, 4, 1)


def test_a_repeated_wall_time_runs_once():
    # Berlin repeated 02:00-03:00 on 27 October 2013.
    first = next_run_at(dt.datetime(2013, 10, 26, 12, 0, tzinfo=UTC), dt.time(2, 30), BERLIN)
    second = next_run_at(first, dt.time(2, 30), BERLIN)
    assert second.astimezone(BERLIN).date() == dt.date(2013, 10, 28)


def test_report_day_is_the_day_before_on_the_zones_clock():
    tokyo = ZoneInfo("Asia/Tokyo")
    run = dt.datetime(2013, 3, 25, 16, 0, tzinfo=UTC)  # already the 26th in Tokyo
    assert report_day(run, tokyo) == dt.date(2013, 3, 25)
    assert report_day(run, ZoneInfo("UTC")) == dt.date(2013, 3, 24)


def test_time_of_day_must_be_hours_and_minutes():
    assert parse_time_of_day("03:15") == dt.time(3, 15)
    with pytest.raises(ValueError):
        parse_time_of_day("3pm")


def test_a_run_for_a_day_stores_the_report_and_writes_three_files(tmp_path: Path):
    engine = talks_engine()
    settings = Settings(report_dir=str(tmp_path / "reports"))
    report = run_once_for_day(engine, settings, dt.date(2013, 3, 25))
    names = sorted(p.name for p in (tmp_path / "reports").iterdir())
    assert names == ["report-2013-03-25.html", "report-2013-03-25.json", "report-2013-03-25.md"]
    assert json.loads((tmp_path / "reports" / "report-2013-03-25.json").read_text())["id"] == report.id
    assert engine.store.get_report(report.id) is not None
    again = run_once_for_day(engine, settings, dt.date(2013, 3, 25))
    assert again.id == report.id and len(engine.store.list_reports(10)) == 1


def _report_for(day: dt.date):
    return run_once_for_day(talks_engine(), Settings(), day)


def test_a_failure_while_staging_leaves_the_previous_files_untouched(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch):
    day = dt.date(2013, 3, 25)
    files.write_report_files(_report_for(day), tmp_path, day)
    before = {p.name: p.read_text() for p in tmp_path.iterdir()}

    def broken_json(report) -> str:
        raise RuntimeError("cannot render")

    monkeypatch.setattr(files, "render_json", broken_json)
    with pytest.raises(RuntimeError):
        files.write_report_files(_report_for(dt.date(2013, 3, 27)), tmp_path, day)
    assert {p.name: p.read_text() for p in tmp_path.iterdir()} == before  # no temporary file left either


def test_a_failure_while_replacing_leaves_every_file_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    day = dt.date(2013, 3, 25)
    old, new = _report_for(day), _report_for(dt.date(2013, 3, 27))
    files.write_report_files(old, tmp_path, day)
    real_replace = os.replace
    calls = []

    def failing_replace(source, target):
        calls.append(target)
        if len(calls) == 2:
            raise OSError("disk full")
        real_replace(source, target)

    monkeypatch.setattr(files.os, "replace", failing_replace)
    with pytest.raises(OSError):
        files.write_report_files(new, tmp_path, day)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "report-2013-03-25.html", "report-2013-03-25.json", "report-2013-03-25.md"]
    assert json.loads((tmp_path / "report-2013-03-25.json").read_text())["id"] in (old.id, new.id)
    assert (tmp_path / "report-2013-03-25.html").read_text().rstrip().endswith("</html>")


def test_failures_are_retried_with_growing_waits_then_given_up():
    waits: list[float] = []
    attempts = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    async def failing():
        attempts.append(1)
        raise RuntimeError("database is locked")

    assert asyncio.run(run_with_retries(failing, 3, sleep=sleep, backoff=10)) is None
    assert len(attempts) == 4
    assert waits == [10, 20, 40]


def test_a_run_that_fails_once_succeeds_on_retry():
    outcomes = iter([RuntimeError("locked"), "report"])

    async def sleep(seconds: float) -> None:
        pass

    async def flaky():
        outcome = next(outcomes)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    assert asyncio.run(run_with_retries(flaky, 2, sleep=sleep)) == "report"


def test_nightly_loop_waits_for_the_hour_and_builds_yesterdays_report(tmp_path: Path):
    engine = talks_engine()
    settings = Settings(nightly_at="01:00", nightly_timezone="Europe/Moscow", report_dir=str(tmp_path))
    now = [dt.datetime(2013, 3, 25, 23, 0, tzinfo=UTC)]  # 03:00 on the 26th in Moscow

    def clock() -> dt.datetime:
        return now[0]

    async def sleep(seconds: float) -> None:
        now[0] += dt.timedelta(seconds=seconds)

    asyncio.run(run_nightly(engine, settings, None, clock=clock, sleep=sleep, runs=1))
    # The next 01:00 in Moscow is on the 27th: the report is the 26th's (Moscow's yesterday).
    assert now[0] == dt.datetime(2013, 3, 26, 21, 0, tzinfo=UTC)
    assert sorted(p.name for p in tmp_path.iterdir())[0] == "report-2013-03-26.html"
    (stored,) = engine.store.list_reports(10)
    assert stored.since == dt.datetime(2013, 3, 26, tzinfo=UTC)
