"""Admission control: at most `running` pipeline calls at once and `waiting` more in line.

Beyond that a call is refused at once (Overloaded, RESOURCE_EXHAUSTED with a retry hint) instead of joining a
queue that only grows: under overload an unbounded queue makes every call late, while refusing some keeps the
accepted ones within their deadlines. A call whose deadline passes while it waits leaves the line without
having started, and one that would wait longer than its deadline allows, by the recent pace of calls, is
refused at once rather than left to time out in line."""

from __future__ import annotations

import asyncio
import contextlib
import time
from typing import AsyncIterator

from service.deadline import Deadline
from service.errors import DeadlineExceeded, Overloaded

# What a refused caller is told to wait before trying again.
RETRY_AFTER_SECONDS = 2.0
# Weight of the newest call in the running mean of how long a call holds its slot.
PACE_WEIGHT = 0.2


class Admission:
    def __init__(self, running: int, waiting: int) -> None:
        if running < 1 or waiting < 0:
            raise ValueError(f"admission needs running >= 1 and waiting >= 0, got {running} and {waiting}")
        self.max_running = running
        self.max_waiting = waiting
        self._slots = asyncio.Semaphore(running)
        self._running = 0
        self._waiting = 0
        self._mean_seconds: float | None = None  # how long a call has held its slot lately

    @property
    def running(self) -> int:
        return self._running

    @property
    def waiting(self) -> int:
        return self._waiting

    @contextlib.asynccontextmanager
    async def slot(self, deadline: Deadline) -> AsyncIterator[None]:
        if self._running >= self.max_running and self._waiting >= self.max_waiting:
            raise Overloaded(
                f"the server is busy ({self._running} calls running, {self._waiting} waiting); "
                f"retry in {RETRY_AFTER_SECONDS:g} s", retry_after=RETRY_AFTER_SECONDS)
        remaining = deadline.remaining()
        expected = self.expected_wait()
        if remaining is not None and expected is not None and expected > remaining:
            raise Overloaded(
                f"the server is busy: a call would wait about {expected:.1f} s for a worker, longer than its "
                f"deadline allows ({remaining:.1f} s); retry in {RETRY_AFTER_SECONDS:g} s",
                retry_after=RETRY_AFTER_SECONDS)
        self._waiting += 1
        try:
            await asyncio.wait_for(self._slots.acquire(), timeout=deadline.remaining())
        except asyncio.TimeoutError:
            raise DeadlineExceeded("the call's deadline passed while it waited for the server; nothing was "
                                   "done") from None
        finally:
            self._waiting -= 1
        self._running += 1
        started = time.monotonic()
        try:
            yield
        finally:
            self._running -= 1
            self._slots.release()
            held = time.monotonic() - started
            self._mean_seconds = held if self._mean_seconds is None else (
                PACE_WEIGHT * held + (1 - PACE_WEIGHT) * self._mean_seconds)

    def expected_wait(self) -> float | None:
        """Seconds a call arriving now would wait for a slot at the recent pace; 0 when one is free, None before
        any call has finished."""
        if self._running < self.max_running:
            return 0.0
        if self._mean_seconds is None:
            return None
        # Every call in line ahead of it, and one of the running ones, must finish first.
        return self._mean_seconds * (self._waiting + 1) / self.max_running
