"""Admission control and deadlines: calls beyond capacity are refused at once, a call whose caller has given up
stores nothing, and reads answer while the pipeline is busy."""

from __future__ import annotations

import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import grpc
import pytest

from client import CrosscheckClient, Rejected, article_from_text
from service.admission import Admission
from service.deadline import Deadline
from service.errors import DeadlineExceeded, Overloaded
from service.settings import Settings
from tests.harness import RunningServer, fake_engine

BODY = "The ministers met on Monday and agreed to resume the talks in Geneva, officials said.\n"


def test_admission_queues_up_to_its_limit_then_refuses():
    async def scenario():
        admission = Admission(running=1, waiting=1)
        release = asyncio.Event()
        entered = []

        async def call(name: str, seconds: float | None = 10):
            async with admission.slot(Deadline.after(seconds)):
                entered.append(name)
                await release.wait()

        first = asyncio.create_task(call("first"))
        await asyncio.sleep(0.01)
        second = asyncio.create_task(call("second"))
        await asyncio.sleep(0.01)
        assert (admission.running, admission.waiting) == (1, 1)
        with pytest.raises(Overloaded) as refused:
            await call("third")
        assert refused.value.retry_after > 0 and "1 calls running, 1 waiting" in refused.value.message
        release.set()
        await asyncio.gather(first, second)
        assert entered == ["first", "second"]
        release.clear()
        holder = asyncio.create_task(call("holder"))
        await asyncio.sleep(0.01)
        with pytest.raises(DeadlineExceeded):
            await call("late", seconds=0.05)  # its deadline passes while it waits
        release.set()
        await holder
        assert admission.waiting == 0 and admission.running == 0

    asyncio.run(scenario())


class Gate:
    """Holds every pipeline call of a server until opened, so that calls overlap for certain."""

    def __init__(self) -> None:
        self.opened = threading.Event()
        self.opened.set()  # open while the server warms up
        self.arrived = threading.Semaphore(0)

    def engine(self, settings: Settings):
        engine = fake_engine(settings)
        analyse, extract = engine._analyse_many, engine.extract

        def held(function):
            def run(*args, **kwargs):
                self.arrived.release()
                self.opened.wait(30)
                return function(*args, **kwargs)
            return run

        engine._analyse_many, engine.extract = held(analyse), held(extract)
        return engine


@pytest.fixture
def gated():
    gate = Gate()
    server = RunningServer(Settings(log_format="text", workers=1, max_waiting_calls=1), gate.engine)
    gate.opened.clear()  # warmed up: hold every call from now on
    while gate.arrived.acquire(blocking=False):
        pass
    yield server, gate
    gate.opened.set()
    server.stop()


def test_calls_beyond_capacity_are_refused_fast_and_reads_still_answer(gated):
    server, gate = gated
    outcomes: list[tuple[str, float]] = []

    def extract(n: int):
        started = time.monotonic()
        with CrosscheckClient(server.address, timeout=20) as c:
            try:
                c.extract(article_from_text(f"Call {n}. " + BODY))
                outcomes.append(("ok", time.monotonic() - started))
            except Rejected as error:
                outcomes.append((error.code.name, time.monotonic() - started))

    with ThreadPoolExecutor(4) as pool:
        running = pool.submit(extract, 0)
        assert gate.arrived.acquire(timeout=10)  # one call holds the only worker
        waiting = pool.submit(extract, 1)
        time.sleep(0.3)  # the second waits in line
        refused = [pool.submit(extract, n) for n in (2, 3)]
        for future in refused:
            future.result(10)
        assert [o[0] for o in outcomes] == ["RESOURCE_EXHAUSTED", "RESOURCE_EXHAUSTED"]
        assert all(seconds < 2 for _, seconds in outcomes)
        with CrosscheckClient(server.address, timeout=5) as c:  # a read is not queued behind the pipeline
            assert c.list_articles(page_size=1) is not None
            c.health()
        gate.opened.set()
        running.result(20), waiting.result(20)
    assert sorted(o[0] for o in outcomes) == ["RESOURCE_EXHAUSTED", "RESOURCE_EXHAUSTED", "ok", "ok"]


def test_an_ingest_whose_caller_gave_up_stores_nothing(gated):
    server, gate = gated
    with CrosscheckClient(server.address, timeout=1) as c:
        with pytest.raises(Exception) as failed:
            c.ingest([article_from_text("Given up on. " + BODY, source="Late Wire")])
    assert getattr(failed.value, "code", None) in (grpc.StatusCode.DEADLINE_EXCEEDED, None)
    assert gate.arrived.acquire(timeout=10)
    gate.opened.set()  # the work goes on past the caller's deadline ...
    time.sleep(1.0)
    with CrosscheckClient(server.address, timeout=10) as c:  # ... but writes nothing
        assert not c.list_articles(page_size=10).articles


def test_a_call_that_would_wait_past_its_deadline_is_refused_at_once():
    async def scenario():
        admission = Admission(running=1, waiting=5)
        async with admission.slot(Deadline.after(10)):
            await asyncio.sleep(0.2)  # the pace: a call holds its slot 0.2 s
        release = asyncio.Event()

        async def hold():
            async with admission.slot(Deadline.after(10)):
                await release.wait()

        holder = asyncio.create_task(hold())
        await asyncio.sleep(0.01)
        started = time.monotonic()
        with pytest.raises(Overloaded) as refused:
            async with admission.slot(Deadline.after(0.1)):
                pass
        assert time.monotonic() - started < 0.05 and "longer than its deadline" in refused.value.message
        entered = asyncio.Event()

        async def patient():  # a call whose deadline leaves room still waits its turn
            async with admission.slot(Deadline.after(5)):
                entered.set()

        waiter = asyncio.create_task(patient())
        await asyncio.sleep(0.01)
        assert admission.waiting == 1 and not entered.is_set()
        release.set()
        await asyncio.wait_for(asyncio.gather(holder, waiter), 5)
        assert entered.is_set() and (admission.running, admission.waiting) == (0, 0)

    asyncio.run(scenario())
