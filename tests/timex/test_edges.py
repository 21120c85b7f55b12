"""Early/mid/late of a single day: still that day."""

from __future__ import annotations

import datetime as dt

from service.records import PartialDate
from service.timex import tag_times


def test_late_yesterday_is_yesterday() -> None:
    (found,) = tag_times("Officials were not available to comment late yesterday.", PartialDate(1989, 10, 27))
    assert (found.begin, found.end) == (dt.date(1989, 10, 26), dt.date(1989, 10, 26))
