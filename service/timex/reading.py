"""What a grammar rule reads from one match, before it becomes a `TimeExpression`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from service.records import PartialDate, TimeType


@dataclass(frozen=True, slots=True)
class Reading:
    type: TimeType
    value: str
    modifier: str = ""
    vague: bool = False
    relative: bool = False
    start_offset: int = 0  # trims a leading word the pattern needed but the extent excludes ("on")
    # Read from an earlier expression of the text rather than the anchor ("the quarter", "the following
    # year"); `value` is what stands when nothing earlier fits, and an empty value drops the reading then.
    anaphor: str = ""


@dataclass(frozen=True, slots=True)
class Context:
    text: str
    anchor: PartialDate | None
    future: Callable[[int, int], bool]  # is the clause around [start, end) about the future?


Handler = Callable[[re.Match[str], Context], Reading | None]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Handler
