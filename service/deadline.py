"""When a call's work must stop: the caller's deadline, or the caller going away.

The pipeline runs on worker threads, where gRPC's context cannot be consulted; a `Deadline` is what crosses over.
The engine checks it between articles and again just before each write, so nothing is stored for a call that
has already failed on the caller's side."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from service.errors import DeadlineExceeded


@dataclass(frozen=True)
class Deadline:
    at: float | None = None  # time.monotonic() after which the caller no longer waits; None: no deadline
    cancelled: threading.Event = field(default_factory=threading.Event, compare=False)

    @classmethod
    def after(cls, seconds: float | None) -> "Deadline":
        return cls(None if seconds is None else time.monotonic() + seconds)

    def remaining(self) -> float | None:
        return None if self.at is None else max(0.0, self.at - time.monotonic())

    def expired(self) -> bool:
        return self.cancelled.is_set() or (self.at is not None and time.monotonic() >= self.at)

    def require(self, what: str) -> None:
        """Raises DeadlineExceeded, naming what was not done, once the caller has given up."""
        if self.cancelled.is_set():
            raise DeadlineExceeded(f"the call was cancelled by its caller; {what} was not done")
        if self.at is not None and time.monotonic() >= self.at:
            raise DeadlineExceeded(f"the call's deadline passed; {what} was not done")


NO_DEADLINE = Deadline()
