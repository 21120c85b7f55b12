"""Named days of the (US-centred) news calendar: "Christmas", "Thanksgiving Day", "Election Day"."""

from __future__ import annotations

import datetime as dt
import re
from typing import Callable

from service.records import TimeType
from service.timex.patterns import DATE_COMMA, YEAR4, compile_rule
from service.timex.reading import Context, Reading, Rule
from service.timex.relative import closest_year


def _nth_weekday(year: int, month: int, iso_weekday: int, n: int) -> dt.date:
    """The n-th given weekday of a month; n = -1 for the last."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(iso_weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - iso_weekday) % 7)


_FIXED: dict[str, tuple[int, int]] = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25), "new year's eve": (12, 31),
    "new year's day": (1, 1), "independence day": (7, 4), "halloween": (10, 31), "valentine's day": (2, 14),
    "veterans day": (11, 11),
}
_MOVABLE: dict[str, Callable[[int], dt.date]] = {
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 4, 4),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 4, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 1, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 1, -1),
    "election day": lambda y: _nth_weekday(y, 11, 1, 1) + dt.timedelta(days=1),
}
_NAMES = "|".join(sorted((re.escape(n) for n in (*_FIXED, *_MOVABLE)), key=len, reverse=True))


def holiday(m: re.Match[str], ctx: Context) -> Reading | None:
    name = " ".join(m["name"].lower().replace("’", "'").split())
    rel = (m["rel"] or "").lower()
    if m["year"]:
        year: int | None = int(m["year"])
    else:
        # The month of a movable feast is fixed, which is enough to pick the nearest year.
        month = _FIXED[name][0] if name in _FIXED else _MOVABLE[name](2001).month
        year = closest_year(ctx.anchor, month, None, rel == "next" or ctx.future(m.start(), m.end()))
        if year is not None and rel == "last" and ctx.anchor and ctx.anchor.year == year:
            year -= 1 if (ctx.anchor.month or 12) <= month else 0
    if name in _FIXED:
        month, day = _FIXED[name]
        return Reading(TimeType.DATE, f"{year:04d}-{month:02d}-{day:02d}" if year else f"XXXX-{month:02d}-{day:02d}",
                       relative=not m["year"])
    if year is None:
        return Reading(TimeType.DATE, "XXXX-XX-XX", relative=True)
    return Reading(TimeType.DATE, _MOVABLE[name](year).isoformat(), relative=not m["year"])


RULES: tuple[Rule, ...] = (
    Rule("holiday", compile_rule(
        rf"(?:(?P<rel>(?i:last|next|this))\s+)?(?P<name>(?i:{_NAMES}))(?:{DATE_COMMA}{YEAR4})?".replace("'", "['’]")),
        holiday),
)
