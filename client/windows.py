"""Publication windows as the command line takes them: --since (included) and --until (the first day NOT
included), --day for one day, and --nightly's previous calendar day in a time zone."""

from __future__ import annotations

import datetime as dt


class WindowError(ValueError):
    """A window the options cannot mean; the CLI reports it as a usage error."""


def day_window(since: dt.date | None, until: dt.date | None,
               day: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """(since, until) with until exclusive, or None when no window is given. `--until` equal to `--since` names
    that one day: an empty window is never what was meant, and reading it as that day spares the reader knowing
    which end is exclusive. Works on dates and on datetimes alike."""
    if day is not None:
        if since is not None or until is not None:
            raise WindowError("--day is the whole window; leave out --since and --until")
        return day, day + dt.timedelta(days=1)
    if since is None and until is None:
        return None
    if since is None or until is None:
        raise WindowError("--since and --until go together (or give --day)")
    if until == since:
        return since, since + dt.timedelta(days=1)
    if until < since:
        raise WindowError(f"--until ({until.isoformat()}) is before --since ({since.isoformat()}); "
                          "--until is the first day not included")
    return since, until


def nightly_window(timezone: str, today: dt.date | None = None) -> tuple[dt.datetime, dt.datetime]:
    """The previous calendar day in `timezone`, as [midnight, next midnight)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        zone = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise WindowError(f"unknown time zone {timezone!r} (an IANA name such as Europe/London)") from None
    today = today or dt.datetime.now(zone).date()
    day = today - dt.timedelta(days=1)
    start = dt.datetime(day.year, day.month, day.day, tzinfo=zone)
    return start, start + dt.timedelta(days=1)
