"""A small Python API over the generated stub: deadlines on every call, gRPC errors mapped to client exceptions.

    with CrosscheckClient("localhost:50051") as client:
        results = client.ingest([article_from_path("seeds/000_09de25b5ce3095c1.txt")])
        findings = client.check(article_ids=[r.article_id for r in results]).findings
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence, TypeVar

import grpc
from google.protobuf.timestamp_pb2 import Timestamp

from crosscheck_proto import crosscheck_pb2 as pb
from crosscheck_proto import crosscheck_pb2_grpc as pb_grpc
from client.errors import Misconfigured, from_rpc_error

DEFAULT_ADDRESS = "localhost:50051"
DEFAULT_TIMEOUT = 120.0
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_HEALTH_STATUS = {0: "UNKNOWN", 1: "SERVING", 2: "NOT_SERVING", 3: "SERVICE_UNKNOWN"}

T = TypeVar("T")


def article_from_path(path: str | Path, *, source: str = "", url: str = "") -> pb.ArticleInput:
    """The file's bytes go as they are: the server decodes them and says at which byte if they are not UTF-8."""
    path = Path(path)
    content_type = pb.CONTENT_TYPE_HTML if path.suffix.lower() in HTML_SUFFIXES else pb.CONTENT_TYPE_TEXT
    return pb.ArticleInput(data=path.read_bytes(), source=source, url=url, content_type=content_type,
                           external_id=path.name)


def article_from_text(text: str, *, source: str = "", url: str = "", title: str = "",
                      published: dt.date | None = None, html: bool = False, external_id: str = "") -> pb.ArticleInput:
    message = pb.ArticleInput(text=text, source=source, url=url, title=title, external_id=external_id,
                              content_type=pb.CONTENT_TYPE_HTML if html else pb.CONTENT_TYPE_TEXT)
    if published is not None:
        message.published.CopyFrom(pb.PartialDate(year=published.year, month=published.month, day=published.day))
    return message


def aware(value: dt.date | dt.datetime) -> dt.datetime:
    """The one rule for times without a zone: a date is its midnight in UTC, a naive time is taken as UTC; a time
    with a zone keeps it (a window's days are read on the caller's clock)."""
    if not isinstance(value, dt.datetime):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.timezone.utc)


def _timestamp(value: dt.date | dt.datetime | None) -> Timestamp | None:
    if value is None:
        return None
    value = aware(value)
    stamp = Timestamp()
    stamp.FromDatetime(value.astimezone(dt.timezone.utc))
    return stamp


def _channel_credentials(ca: str, cert: str, key: str) -> grpc.ChannelCredentials | None:
    if not (ca or cert or key):
        return None
    if bool(cert) != bool(key):
        raise Misconfigured("a client certificate needs both --tls-cert and --tls-key")

    def read(path: str, what: str) -> bytes:
        try:
            with open(path, "rb") as handle:
                return handle.read()
        except OSError as exc:
            raise Misconfigured(f"cannot read the {what} {path}: {exc.strerror or exc}") from None

    return grpc.ssl_channel_credentials(
        root_certificates=read(ca, "CA bundle") if ca else None,
        private_key=read(key, "TLS key") if key else None,
        certificate_chain=read(cert, "TLS certificate") if cert else None,
    )


class CrosscheckClient:
    def __init__(self, address: str | None = None, *, timeout: float = DEFAULT_TIMEOUT,
                 max_message_bytes: int = 64 * 1024 * 1024, token: str | None = None,
                 tls_ca: str | None = None, tls_cert: str | None = None, tls_key: str | None = None) -> None:
        """`token` (else CROSSCHECK_TOKEN) is sent as a bearer token. TLS is used when `tls_ca` (a PEM bundle to
        verify the server with; else CROSSCHECK_TLS_CA) is given; `tls_cert`/`tls_key` present a client
        certificate for mutual TLS (else CROSSCHECK_TLS_CERT / CROSSCHECK_TLS_KEY)."""
        self.address = address or os.environ.get("CROSSCHECK_ADDRESS") or DEFAULT_ADDRESS
        self.timeout = timeout
        token = token if token is not None else os.environ.get("CROSSCHECK_TOKEN", "")
        self._metadata = (("authorization", f"Bearer {token}"),) if token else ()
        # round_robin: an address that resolves to several servers (dns:///crosscheck.internal:50051 with one
        # record per replica, or ipv4:10.0.0.1:50051,10.0.0.2:50051) spreads calls over all of them; one server
        # is used as before.
        options = [("grpc.max_receive_message_length", max_message_bytes),
                   ("grpc.max_send_message_length", max_message_bytes),
                   ("grpc.lb_policy_name", "round_robin")]
        credentials = _channel_credentials(
            tls_ca if tls_ca is not None else os.environ.get("CROSSCHECK_TLS_CA", ""),
            tls_cert if tls_cert is not None else os.environ.get("CROSSCHECK_TLS_CERT", ""),
            tls_key if tls_key is not None else os.environ.get("CROSSCHECK_TLS_KEY", ""),
        )
        if credentials is None:
            self._channel = grpc.insecure_channel(self.address, options=options)
        else:
            self._channel = grpc.secure_channel(self.address, credentials, options=options)
        self._stub = pb_grpc.CrosscheckServiceStub(self._channel)

    def __enter__(self) -> "CrosscheckClient":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._channel.close()

    def _call(self, method: Callable[..., T], request: object, timeout: float | None = None) -> T:
        try:
            return method(request, timeout=timeout or self.timeout, metadata=self._metadata)
        except grpc.RpcError as error:
            raise from_rpc_error(error, self.address) from None

    # ------------------------------------------------------------------------------------------ health

    def health(self, service: str = "") -> str:
        """SERVING, NOT_SERVING, ... from the standard grpc.health.v1 service.

        The two health messages are encoded by hand (a string field 1; an enum field 1) so that the client
        needs no package beyond grpcio and protobuf."""
        check = self._channel.unary_unary(
            "/grpc.health.v1.Health/Check",
            request_serializer=lambda name: (b"\x0a" + _varint(len(name.encode())) + name.encode()) if name else b"",
            response_deserializer=lambda data: data[1] if len(data) >= 2 and data[0] == 0x08 else 0,
        )
        status = self._call(check, service, timeout=5.0)
        return _HEALTH_STATUS.get(status, f"UNKNOWN({status})")

    def wait_until_serving(self, timeout: float = 300.0, interval: float = 0.5) -> None:
        """Blocks until health says SERVING; raises Unavailable after `timeout` seconds."""
        import time

        from client.errors import Unavailable

        deadline = time.monotonic() + timeout
        last = "no answer"
        while time.monotonic() < deadline:
            try:
                last = self.health()
                if last == "SERVING":
                    return
            except Unavailable as exc:
                last = exc.message
            time.sleep(interval)
        raise Unavailable(f"server at {self.address} not serving after {timeout:.0f}s: {last}")

    # ------------------------------------------------------------------------------------------ articles

    def ingest(self, articles: Iterable[pb.ArticleInput], *, batch_size: int = 8,
               on_batch: Callable[[list[pb.IngestResult]], None] | None = None) -> list[pb.IngestResult]:
        """Sends articles in batches; result indexes refer to the position in `articles`."""
        results: list[pb.IngestResult] = []
        for offset, batch in _batches(articles, batch_size):
            response = self._call(self._stub.IngestArticles, pb.IngestArticlesRequest(articles=batch))
            for result in response.results:
                result.index += offset
            results.extend(response.results)
            if on_batch:
                on_batch(list(response.results))
        return results

    def ingest_stream(self, articles: Iterable[pb.ArticleInput], *, window: int = 16,
                      idle_timeout: float | None = None) -> Iterator[pb.IngestResult]:
        """Streams `articles` through one IngestStream call and yields each one's result as it arrives (index =
        position in `articles`). `articles` is read lazily: at most `window` articles are sent and not yet
        answered, so a generator reading files keeps at most that many in memory. The stream has no overall
        deadline; `idle_timeout` (default: the client's timeout) is how long to wait for the next result before
        giving up with Unavailable (DEADLINE_EXCEEDED). Closing the generator early cancels the stream; what the server
        stored stays stored."""
        import threading

        from client.errors import Unavailable

        if window < 1:
            raise ValueError("window must be at least 1")
        credit = threading.Semaphore(window)
        closed = threading.Event()

        def requests() -> Iterator[pb.IngestStreamRequest]:
            for article in articles:
                while not credit.acquire(timeout=0.1):
                    if closed.is_set():
                        return
                if closed.is_set():
                    return
                yield pb.IngestStreamRequest(article=article)

        call = self._stub.IngestStream(requests(), metadata=self._metadata)
        idle = idle_timeout or self.timeout
        timed_out = threading.Event()

        def give_up() -> None:
            timed_out.set()
            call.cancel()

        watchdog = threading.Timer(idle, give_up)
        watchdog.daemon = True
        watchdog.start()
        try:
            for result in call:
                watchdog.cancel()
                credit.release()
                yield result
                watchdog = threading.Timer(idle, give_up)
                watchdog.daemon = True
                watchdog.start()
        except grpc.RpcError as error:
            if timed_out.is_set():
                raise Unavailable(f"server at {self.address} sent no ingest result within {idle:.0f} s (the deadline "
                                  "passed)", grpc.StatusCode.DEADLINE_EXCEEDED) from None
            raise from_rpc_error(error, self.address) from None
        finally:
            watchdog.cancel()
            closed.set()
            call.cancel()  # a no-op once the stream has ended; stops it when the caller stopped reading

    def get_article(self, article_id: str) -> pb.GetArticleResponse:
        return self._call(self._stub.GetArticle, pb.GetArticleRequest(id=article_id))

    def list_articles(self, page_size: int = 50, page_token: str = "") -> pb.ListArticlesResponse:
        return self._call(self._stub.ListArticles, pb.ListArticlesRequest(page_size=page_size, page_token=page_token))

    def iter_articles(self, page_size: int = 100) -> Iterator[pb.Article]:
        token = ""
        while True:
            page = self.list_articles(page_size, token)
            yield from page.articles
            token = page.next_page_token
            if not token:
                return

    def extract(self, article: pb.ArticleInput) -> pb.ExtractResponse:
        return self._call(self._stub.Extract, pb.ExtractRequest(article=article))

    # ------------------------------------------------------------------------------------------ findings

    def compare(self, articles: Sequence[pb.ArticleInput], *, omit_agreements: bool = False) -> pb.CompareResponse:
        return self._call(self._stub.Compare, pb.CompareRequest(articles=articles, omit_agreements=omit_agreements))

    def check(self, *, article_ids: Sequence[str] = (), story_id: str = "",
              since: dt.date | dt.datetime | None = None, until: dt.date | dt.datetime | None = None,
              omit_agreements: bool = False) -> pb.CheckResponse:
        request = pb.CheckRequest(article_ids=article_ids, story_id=story_id, omit_agreements=omit_agreements,
                                  since=_timestamp(since), until=_timestamp(until))
        return self._call(self._stub.Check, request)

    def list_stories(self, since: dt.date | None = None, until: dt.date | None = None) -> pb.ListStoriesResponse:
        return self._call(self._stub.ListStories, pb.ListStoriesRequest(since=_timestamp(since), until=_timestamp(until)))

    # ------------------------------------------------------------------------------------------ reports

    def get_report(self, since: dt.date | dt.datetime, until: dt.date | dt.datetime, *,
                   rebuild: bool = False) -> pb.Report:
        request = pb.GetReportRequest(since=_timestamp(since), until=_timestamp(until), rebuild=rebuild)
        return self._call(self._stub.GetReport, request).report

    def list_reports(self, page_size: int = 50) -> list[pb.Report]:
        return list(self._call(self._stub.ListReports, pb.ListReportsRequest(page_size=page_size)).reports)


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def _batches(items: Iterable[T], size: int) -> Iterator[tuple[int, list[T]]]:
    batch: list[T] = []
    offset = 0
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield offset, batch
            offset += len(batch)
            batch = []
    if batch:
        yield offset, batch
