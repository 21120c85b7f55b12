"""JSON-ready dicts to and from the frozen records, driven by their type hints.

The stores keep claims, slots and findings as JSON documents; this is the one place that knows how a record
becomes plain data and back, so adding a field to a record needs no change here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import types
import typing
from typing import Any, TypeVar

T = TypeVar("T")


def to_data(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [to_data(v) for v in value]
    return value


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_data(cls: type[T], data: Any) -> T:
    return _decode(cls, data)


def _decode(hint: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _decode(options[0], data)
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v) for v in data)
        return tuple(_decode(a, v) for a, v in zip(args, data))
    if origin is list:
        (arg,) = typing.get_args(hint)
        return [_decode(arg, v) for v in data]
    if isinstance(hint, type):
        if dataclasses.is_dataclass(hint):
            hints = _hints(hint)
            names = {f.name for f in dataclasses.fields(hint)}
            return hint(**{k: _decode(hints[k], v) for k, v in data.items() if k in names})
        if issubclass(hint, enum.Enum):
            return hint(data)
        if hint is dt.datetime:
            return dt.datetime.fromisoformat(data)
        if hint is dt.date:
            return dt.date.fromisoformat(data)
        if hint is float:
            return float(data)
    return data
