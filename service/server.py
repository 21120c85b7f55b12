"""The gRPC server: `create_server(address, settings) -> (server, port)`, health, reflection, graceful shutdown.

Health is NOT_SERVING until the model is loaded and a warm-up article has gone through the whole pipeline; on
SIGTERM/SIGINT health turns NOT_SERVING first (so load balancers stop routing), then in-flight calls get
`grace_seconds` to finish.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import logging
import os
import signal
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection

from crosscheck_proto import crosscheck_pb2 as pb
from service import settings as settings_module
from service.admission import Admission
from service.auth import TokenInterceptor, load_tokens
from service.engine import Engine
from service.errors import InvalidInput, ModelError, StoreError
from service.logging_setup import configure_logging
from service.servicer import CallLimits, CrosscheckServicer, add_to_server
from service.settings import Settings
from service.store import shown_url

log = logging.getLogger("crosscheck.server")

SERVICE_NAME = pb.DESCRIPTOR.services_by_name["CrosscheckService"].full_name

WARM_UP_ARTICLE = (
    "WASHINGTON, March 25, 2013 - The Pentagon said on Monday that six meetings were held in 2011, "
    '"and we will continue," the official said.\n'
)

EngineFactory = Callable[[Settings], Engine]


def default_engine(settings: Settings) -> Engine:
    """The production engine: the real model (verified), the SQLite store, the committed pair scorer."""
    from pathlib import Path

    from service.align import load_scorer
    from service.embed import CachedEmbedder, open_embedder
    from service.model_export import ensure
    from service.store import open_store

    model_path = Path(settings.model_path) if settings.model_path else None
    cache_dir = Path(settings.model_cache) if settings.model_cache else None
    ensure(settings.model_backend, model_path, cache_dir, log=log.info)
    store = open_store(settings.database)
    model = open_embedder(settings.model_backend, model_path, cache_dir=cache_dir,
                          batch_size=settings.embed_batch_size, verify=settings.verify_model,
                          threads=settings.model_threads)
    return Engine(store, CachedEmbedder(model, persistent=store), load_scorer(),
                  max_article_chars=settings.max_article_chars)


class CrosscheckServer:
    """A grpc.aio server whose engine loads in the background after the port is bound."""

    def __init__(self, settings: Settings, engine_factory: EngineFactory) -> None:
        self.settings = settings
        self._engine_factory = engine_factory
        self._executor = ThreadPoolExecutor(max_workers=settings.workers, thread_name_prefix="crosscheck")
        options = [
            ("grpc.max_receive_message_length", settings.max_message_bytes),
            ("grpc.max_send_message_length", settings.max_message_bytes),
            # A second server started on a port in use must fail, not share it and split new connections
            # between two stores.
            ("grpc.so_reuseport", 0),
        ]
        interceptors = []
        if settings.tokens:
            interceptors.append(TokenInterceptor(load_tokens(Path(settings.tokens))))
        self.grpc = grpc.aio.server(options=options, interceptors=interceptors)
        self.servicer = CrosscheckServicer(
            self._executor, Admission(settings.workers, settings.max_waiting_calls),
            CallLimits(max_batch_articles=settings.max_batch_articles,
                       stream_chunk_articles=settings.stream_chunk_articles,
                       max_compare_articles=settings.max_compare_articles,
                       max_check_articles=settings.max_check_articles,
                       default_deadline_seconds=settings.default_deadline_seconds),
        )
        add_to_server(self.servicer, self.grpc)
        self.health = health.aio.HealthServicer()
        health_pb2_grpc.add_HealthServicer_to_server(self.health, self.grpc)
        reflection.enable_server_reflection((SERVICE_NAME, health.SERVICE_NAME, reflection.SERVICE_NAME), self.grpc)
        self.ready = asyncio.Event()
        self.load_error: BaseException | None = None
        self.engine: Engine | None = None
        self._loader: asyncio.Task | None = None
        self._scheduler: asyncio.Task | None = None

    async def _set_health(self, status: int) -> None:
        for name in ("", SERVICE_NAME):
            await self.health.set(name, status)

    async def start(self) -> None:
        await self._set_health(health_pb2.HealthCheckResponse.NOT_SERVING)
        await self.grpc.start()
        self._loader = asyncio.create_task(self._load())

    async def _load(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            engine = await loop.run_in_executor(self._executor, self._engine_factory, self.settings)
            await loop.run_in_executor(self._executor, self._warm_up, engine)
        except BaseException as exc:  # the process stays up and answers health NOT_SERVING with the cause logged
            self.load_error = exc
            log.exception("engine failed to load")
            self.ready.set()
            return
        self.engine = engine
        self.servicer.attach(engine)
        await self._set_health(health_pb2.HealthCheckResponse.SERVING)
        log.info("serving", extra={"address": self.settings.address, "database": shown_url(self.settings.database)})
        self.ready.set()
        if self.settings.nightly_at:
            from service.reports.schedule import run_nightly

            self._scheduler = asyncio.create_task(run_nightly(engine, self.settings, self._executor))

    @staticmethod
    def _warm_up(engine: Engine) -> None:
        from service.records import ArticleInput, PartialDate

        engine.extract(ArticleInput(WARM_UP_ARTICLE, source="warm-up", published=PartialDate(2013, 3, 25)))
        engine.embedder.embed(["warm-up sentence for the embedding model"])

    async def wait_ready(self, timeout: float | None = None) -> None:
        await asyncio.wait_for(self.ready.wait(), timeout)
        if self.load_error is not None:
            raise RuntimeError(f"engine failed to load: {self.load_error}") from self.load_error

    async def stop(self, grace: float | None = None, drain: float | None = None) -> None:
        """NOT_SERVING first, for `drain` seconds while the listener still answers (so that load balancers and
        health checks see it and send no more calls); then no new calls, and the ones in flight get `grace`
        seconds before they are cancelled. Cancelled work stops before its next write; the threads still busy
        with it are not waited for."""
        grace = self.settings.grace_seconds if grace is None else grace
        drain = self.settings.drain_seconds if drain is None else drain
        await self._set_health(health_pb2.HealthCheckResponse.NOT_SERVING)
        log.info("draining", extra={"drain_seconds": drain, "grace_seconds": grace})
        await asyncio.sleep(drain)
        for task in (self._scheduler, self._loader):
            if task is not None and not task.done():
                task.cancel()
        await self.grpc.stop(grace)
        self._executor.shutdown(wait=False, cancel_futures=True)
        self.servicer.close()
        if self.engine is not None:
            self.engine.close()
        log.info("stopped")

    async def wait_for_termination(self) -> None:
        await self.grpc.wait_for_termination()


def create_server(
    address: str, settings: Settings | None = None, engine_factory: EngineFactory = default_engine
) -> tuple[CrosscheckServer, int]:
    """Builds the server and binds `address` ("host:0" picks a free port); call `start()` to serve."""
    settings = settings or Settings()
    if settings.stream_chunk_articles < 1:
        raise ConfigurationError(f"--stream-chunk-articles must be at least 1, not {settings.stream_chunk_articles}")
    credentials = server_credentials(settings)
    if not is_loopback(address) and not settings.insecure and (credentials is None or not settings.tokens):
        raise ConfigurationError(
            f"refusing to listen on {address} without TLS and tokens: anyone who reaches the port could read and "
            "write every article; set --tls-cert/--tls-key and --tokens, or --insecure on a trusted network")
    server = CrosscheckServer(settings, engine_factory)
    try:
        if credentials is None:
            port = server.grpc.add_insecure_port(address)
        else:
            port = server.grpc.add_secure_port(address, credentials)
    except RuntimeError as exc:
        raise RuntimeError(f"cannot bind {address}: {exc}") from None
    if port == 0:
        raise RuntimeError(f"cannot bind {address}")
    return server, port


class ConfigurationError(ValueError):
    """The settings cannot make a server (a missing certificate, an unsafe address)."""


def server_credentials(settings: Settings) -> grpc.ServerCredentials | None:
    if not settings.tls_cert and not settings.tls_key:
        if settings.tls_client_ca:
            raise ConfigurationError("--tls-client-ca needs --tls-cert and --tls-key")
        return None
    if not (settings.tls_cert and settings.tls_key):
        raise ConfigurationError("TLS needs both --tls-cert and --tls-key")

    def read(path: str, what: str) -> bytes:
        try:
            return Path(path).read_bytes()
        except OSError as exc:
            raise ConfigurationError(f"cannot read the {what} {path}: {exc.strerror or exc}") from None

    client_ca = read(settings.tls_client_ca, "client CA bundle") if settings.tls_client_ca else None
    return grpc.ssl_server_credentials(
        [(read(settings.tls_key, "TLS key"), read(settings.tls_cert, "TLS certificate"))],
        root_certificates=client_ca, require_client_auth=client_ca is not None,
    )


def is_loopback(address: str) -> bool:
    host = address.rsplit(":", 1)[0].strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


async def serve(settings: Settings) -> None:
    server, port = create_server(settings.address, settings)
    await server.start()
    log.info("listening", extra={"address": settings.address, "port": port})
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stopping.set)
    await stopping.wait()
    log.info("shutting down", extra={"grace_seconds": settings.grace_seconds})
    await server.stop()


def check_model(settings: Settings) -> None:
    """Before the port is bound: the model files the settings name exist (an ONNX export missing from the cache
    is built) and match their pinned checksums. Raises ModelError saying which file and what to do."""
    from service.model_export import ensure
    from service.onnx_files import VARIANTS, verify_export

    path = ensure(settings.model_backend, Path(settings.model_path) if settings.model_path else None,
                  Path(settings.model_cache) if settings.model_cache else None, log=log.info)
    if path is not None:
        verify_export(path, VARIANTS[settings.model_backend])


def migrate_main(argv: list[str]) -> int:
    """`crosscheck-server migrate --from SOURCE --to TARGET`: copies every article, story and report."""
    from service.store import open_store
    from service.store.copy import copy_store

    parser = argparse.ArgumentParser(
        prog="crosscheck-server migrate",
        description="Copy a crosscheck database into another (e.g. SQLite into PostgreSQL). Safe to run again: "
                    "articles already in the target are left as they are.",
        epilog="Example: crosscheck-server migrate --from sqlite:///var/lib/crosscheck/crosscheck.db "
               "--to postgresql://crosscheck@db.internal/crosscheck",
    )
    parser.add_argument("--from", dest="source", required=True, metavar="DATABASE",
                        help="the database to copy (SQLite path, sqlite:///path or postgresql://...)")
    parser.add_argument("--to", dest="target", required=True, metavar="DATABASE",
                        help="the database to copy into (created tables are migrated first)")
    args = parser.parse_args(argv)
    if args.source == args.target:
        print("crosscheck-server migrate: --from and --to are the same database", file=sys.stderr)
        return 2
    try:
        source, target = open_store(args.source), open_store(args.target)
    except StoreError as exc:
        print(f"crosscheck-server migrate: {exc}", file=sys.stderr)
        return 1
    try:
        def progress(done: int, total: int) -> None:
            if done == total or done % 1000 == 0:
                print(f"{done}/{total} articles", file=sys.stderr)

        result = copy_store(source, target, progress)
    except StoreError as exc:
        print(f"crosscheck-server migrate: {exc} (run it again to finish: copied articles are kept)",
              file=sys.stderr)
        return 1
    finally:
        source.close()
        target.close()
    print(f"copied {result.articles_copied} articles ({result.articles_present} were already there) and "
          f"{result.reports_copied} reports from {shown_url(args.source)} to {shown_url(args.target)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["build-model"]:
        from service.model_export import main as build_model

        return build_model(argv[1:])
    if argv[:1] == ["migrate"]:
        return migrate_main(argv[1:])
    parser = argparse.ArgumentParser(
        prog="crosscheck-server",
        description="Run the crosscheck gRPC service. `crosscheck-server build-model` exports the ONNX model "
                    "files into the model cache (see `crosscheck-server build-model --help`).",
        epilog="Example: crosscheck-server --address 0.0.0.0:50051 --database /var/lib/crosscheck/crosscheck.db "
               "--tls-cert server.pem --tls-key server.key --tokens /etc/crosscheck/tokens. "
               "To copy a database into another: crosscheck-server migrate --help",
    )
    settings_module.add_arguments(parser)
    settings = settings_module.from_args(parser.parse_args(argv))
    configure_logging(settings.log_level, settings.log_format)
    try:
        check_model(settings)
        asyncio.run(serve(settings))
    except (ConfigurationError, InvalidInput) as exc:
        print(f"crosscheck-server: {exc}", file=sys.stderr)
        return 2
    except ModelError as exc:
        print(f"crosscheck-server: cannot load the model: {exc.message}", file=sys.stderr)
        return 2
    logging.shutdown()
    # A pipeline thread may still be inside one long article whose call was cancelled: it writes nothing more
    # (it checks its deadline before writing), and waiting for it would break the grace period's promise.
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
