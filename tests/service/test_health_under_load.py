"""The server process stays answerable while pathological articles are analysed: health within a second, and
each article finishes (in time that grows with its length, not faster) or is refused with a clear status."""

from __future__ import annotations

import threading
import time

import grpc
import pytest

from client import CrosscheckClient, article_from_text
from tests.service.server_process import start

pytestmark = pytest.mark.model

# Shapes that once took minutes: a run of 20,000 emoji without a space (spaCy's affix splitting is quadratic
# in a word's length), a paragraph of 2,000 quotations none of which closes, and a crowd of distinct names.
PATHOLOGICAL = {
    "emoji run": "Officials said " + "\U0001F600" * 20_000 + " on Monday.\n",
    "unclosed quotes": "MOSCOW - " + " ".join(f'He said "talks {i} resumed.' for i in range(2_000)) + "\n",
    "many names": " ".join(f"Ivan Petrov{i} met John Smith{i} in Paris." for i in range(1_000)) + "\n",
}


def test_health_answers_within_a_second_while_pathological_articles_are_analysed(tmp_path):
    process, address = start(tmp_path / "load.db")
    try:
        outcomes: dict[str, object] = {}

        def ingest(name: str, text: str) -> None:
            with CrosscheckClient(address, timeout=300) as own:
                try:
                    outcomes[name] = own.ingest([article_from_text(text, source=name)])[0]
                except grpc.RpcError as error:
                    outcomes[name] = error

        callers = [threading.Thread(target=ingest, args=item) for item in PATHOLOGICAL.items()]
        for caller in callers:
            caller.start()
        waits = []
        with CrosscheckClient(address, timeout=5) as prober:
            while any(c.is_alive() for c in callers):
                asked = time.monotonic()
                assert prober.health() == "SERVING"
                waits.append(time.monotonic() - asked)
                time.sleep(0.2)
        for caller in callers:
            caller.join()
    finally:
        process.kill()
        process.wait(30)
    assert len(waits) >= 5, "the articles were analysed too fast to probe health while they ran"
    assert max(waits) < 1.0, sorted(waits)[-5:]
    for name, outcome in outcomes.items():
        if isinstance(outcome, grpc.RpcError):
            assert outcome.code() in (grpc.StatusCode.INVALID_ARGUMENT, grpc.StatusCode.RESOURCE_EXHAUSTED), name
        else:
            assert outcome.created or outcome.error_code == "INVALID_ARGUMENT", (name, outcome)
