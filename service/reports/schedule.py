"""The nightly report: every day at `nightly_at` in `nightly_timezone`, yesterday's report (in that zone) is
built, stored and, with a `report_dir`, written as files. A failed run is logged and retried with backoff."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from concurrent.futures import Executor
from pathlib import Path
from typing import Awaitable, Callable
from zoneinfo import ZoneInfo

from service.engine import Engine
from service.reports.files import write_report_files
from service.reports.records import Report
from service.reports.service import build_or_get_report
from service.reports.window import single_day
from service.settings import Settings

log = logging.getLogger("crosscheck.reports.nightly")

# First retry after a minute, doubling: long enough for a locked database or a busy disk to clear, short enough
# that the report is there by the morning.
RETRY_BACKOFF_SECONDS = 60.0
RETRY_BACKOFF_LIMIT_SECONDS = 30 * 60.0

Sleep = Callable[[float], Awaitable[None]]
Clock = Callable[[], dt.datetime]


def parse_time_of_day(text: str) -> dt.time:
    try:
        hours, minutes = text.strip().split(":")
        return dt.time(int(hours), int(minutes))
    except ValueError:
        raise ValueError(f"nightly_at: {text!r} is not a time of day as HH:MM") from None


def next_run_at(now: dt.datetime, at: dt.time, zone: ZoneInfo) -> dt.datetime:
    """The first moment strictly after `now` when the wall clock in `zone` shows `at`. On a day whose clocks
    skip `at` (spring forward) the run happens at the same offset past the gap; on a day that repeats it, once,
    at its first occurrence."""
    local_now = now.astimezone(zone)
    day = local_now.date()
    while True:
        candidate = dt.datetime.combine(day, at, tzinfo=zone)
        # Round-trip through UTC to resolve a wall time that does not exist on this day.
        candidate = candidate.astimezone(dt.timezone.utc).astimezone(zone)
        if candidate > local_now:
            return candidate
        day += dt.timedelta(days=1)


def report_day(run_at: dt.datetime, zone: ZoneInfo) -> dt.date:
    """The calendar day before the run's, on the zone's clock."""
    return run_at.astimezone(zone).date() - dt.timedelta(days=1)


def run_once_for_day(engine: Engine, settings: Settings, day: dt.date) -> Report:
    """Builds (or finds) the report of `day`, stores it and writes its files. Safe to repeat: the same
    articles give the same report, and files are replaced whole."""
    window = single_day(day)
    report = build_or_get_report(engine, window.since, window.until)
    if settings.report_dir:
        paths = write_report_files(report, Path(settings.report_dir), day)
        log.info("report files written", extra={"day": day.isoformat(), "paths": [str(p) for p in paths]})
    return report


async def run_with_retries(
    job: Callable[[], Awaitable[Report]], retries: int, *, sleep: Sleep = asyncio.sleep,
    backoff: float = RETRY_BACKOFF_SECONDS,
) -> Report | None:
    """Runs `job`, then up to `retries` more times after a failure, waiting longer each time. Returns None when
    every attempt failed (each failure is logged with its traceback)."""
    delay = backoff
    for attempt in range(retries + 1):
        try:
            return await job()
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("nightly report failed", extra={"attempt": attempt + 1, "of": retries + 1})
            if attempt == retries:
                return None
            await sleep(delay)
            delay = min(delay * 2, RETRY_BACKOFF_LIMIT_SECONDS)
    return None


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


async def _sleep_until(moment: dt.datetime, clock: Clock, sleep: Sleep) -> None:
    # Sleep in bounded steps and re-read the clock: a suspended machine or an adjusted clock does not make the
    # job run a day late.
    while (remaining := (moment - clock()).total_seconds()) > 0:
        await sleep(min(remaining, 600.0))


async def run_nightly(
    engine: Engine, settings: Settings, executor: Executor | None, *, clock: Clock = _utc_now,
    sleep: Sleep = asyncio.sleep, runs: int | None = None,
) -> None:
    """Runs until cancelled (or after `runs` nights, for tests). The build runs on `executor`, off the loop."""
    at = parse_time_of_day(settings.nightly_at)
    zone = ZoneInfo(settings.nightly_timezone)
    loop = asyncio.get_running_loop()
    done = 0
    while runs is None or done < runs:
        moment = next_run_at(clock(), at, zone)
        log.info("next nightly report", extra={"at": moment.isoformat()})
        await _sleep_until(moment, clock, sleep)
        day = report_day(moment, zone)
        started = time.monotonic()

        def job(day: dt.date = day) -> Awaitable[Report]:
            return loop.run_in_executor(executor, run_once_for_day, engine, settings, day)

        report = await run_with_retries(job, settings.nightly_retries, sleep=sleep)
        if report is not None:
            log.info("nightly report done", extra={"day": day.isoformat(), "report_id": report.id,
                                                   "seconds": round(time.monotonic() - started, 1)})
        else:
            log.error("nightly report gave up", extra={"day": day.isoformat()})
        done += 1
