"""An address naming several servers spreads the client's calls over all of them (client-side round-robin)."""

from __future__ import annotations

from client import CrosscheckClient, article_from_text
from service.settings import Settings
from tests.harness import RunningServer, fake_engine


def test_calls_are_spread_over_every_server_the_address_names():
    servers = [RunningServer(Settings(max_article_chars=20_000, log_format="text"), fake_engine) for _ in range(2)]
    try:
        address = "ipv4:" + ",".join(f"127.0.0.1:{s.port}" for s in servers)
        with CrosscheckClient(address, timeout=60) as client:
            for i in range(8):
                (result,) = client.ingest([article_from_text(
                    f"GENEVA, March 25, 2013 - Delegates number {i} met on Monday, officials said.\n")])
                assert result.created
        stored = [len(s.engine.store.article_ids()) for s in servers]
        assert sum(stored) == 8 and min(stored) >= 2, stored
    finally:
        for server in servers:
            server.stop()
