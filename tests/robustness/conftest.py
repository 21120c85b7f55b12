from __future__ import annotations

import pytest

from client import CrosscheckClient


@pytest.fixture
def client(fake_server):
    with CrosscheckClient(fake_server.address, timeout=60) as c:
        yield c


def count_articles(client: CrosscheckClient) -> int:
    return sum(1 for _ in client.iter_articles(page_size=200))
