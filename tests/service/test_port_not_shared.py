"""A second server on a port already served is refused, instead of sharing it with the first."""

import asyncio

import pytest

from service.server import create_server
from service.settings import Settings
from tests.harness import fake_engine


def test_a_second_server_cannot_bind_a_port_in_use(fake_server):
    async def second():
        return create_server(f"localhost:{fake_server.port}", Settings(log_format="text"), fake_engine)

    with pytest.raises(RuntimeError, match="cannot bind|Failed to bind"):
        asyncio.run(second())
