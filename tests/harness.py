"""A real crosscheck server on a real socket (port 0), run on its own event-loop thread for tests."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Callable

from service.align import load_scorer
from service.engine import Engine
from service.server import CrosscheckServer, create_server
from service.settings import Settings

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def fake_engine(settings: Settings) -> Engine:
    """Deterministic fake embedder + in-memory store: the whole service without the model."""
    from tests.fakes import FakeEmbedder
    from service.store.memory import MemoryStore

    return Engine(MemoryStore(), FakeEmbedder(), load_scorer(), max_article_chars=settings.max_article_chars)


class RunningServer:
    def __init__(self, settings: Settings, engine_factory: Callable[[Settings], Engine], ready_timeout: float = 300):
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._thread.start()
        self.server: CrosscheckServer
        self.server, self.port = self._call(self._create(settings, engine_factory))
        self.address = f"localhost:{self.port}"
        self._call(self.server.start())
        self._call(self.server.wait_ready(ready_timeout), timeout=ready_timeout + 5)

    async def _create(self, settings, engine_factory):
        return create_server("localhost:0", settings, engine_factory)

    def _call(self, coroutine, timeout: float = 60):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    @property
    def engine(self) -> Engine:
        assert self.server.engine is not None
        return self.server.engine

    def stop(self, grace: float = 1.0) -> None:
        self._call(self.server.stop(grace, drain=0.0))
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(10)
