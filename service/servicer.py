"""The gRPC servicer: decode the request, run the engine off the event loop, encode the response.

Errors are mapped here, once: a CrosscheckError becomes the status code STATUS_CODES gives its class, with its
message; anything else is logged with its traceback and becomes INTERNAL without leaking internals to the caller.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, AsyncIterator, Awaitable, Callable

import grpc
from google.protobuf.message import DecodeError

from crosscheck_proto import crosscheck_pb2 as pb
from crosscheck_proto import crosscheck_pb2_grpc as pb_grpc
from service import convert
from service.admission import Admission
from service.deadline import Deadline
from service.engine import Engine, IngestItem, IngestOutcome
from service.errors import (
    ArticleTooLarge,
    CrosscheckError,
    DeadlineExceeded,
    InvalidInput,
    ModelError,
    NotFound,
    NotReady,
    Overloaded,
    StoreError,
)
from service.reports.window import day_window, require_after

log = logging.getLogger("crosscheck.servicer")

MAX_PAGE_SIZE = 1000
DEFAULT_PAGE_SIZE = 50

# The one place domain errors meet the transport. A class not listed takes its nearest listed ancestor's code.
STATUS_CODES: dict[type[CrosscheckError], grpc.StatusCode] = {
    CrosscheckError: grpc.StatusCode.INTERNAL,
    InvalidInput: grpc.StatusCode.INVALID_ARGUMENT,
    ArticleTooLarge: grpc.StatusCode.INVALID_ARGUMENT,
    NotFound: grpc.StatusCode.NOT_FOUND,
    ModelError: grpc.StatusCode.FAILED_PRECONDITION,
    StoreError: grpc.StatusCode.INTERNAL,
    NotReady: grpc.StatusCode.UNAVAILABLE,
    Overloaded: grpc.StatusCode.RESOURCE_EXHAUSTED,
    DeadlineExceeded: grpc.StatusCode.DEADLINE_EXCEEDED,
}

# How long a cancelled call keeps its worker slot while its work stops.
CANCEL_WAIT_SECONDS = 5.0

# The trailer gRPC clients read as "retry after this many milliseconds" (gRFC A6, retry pushback).
RETRY_PUSHBACK_KEY = "grpc-retry-pushback-ms"


def status_code(error: CrosscheckError) -> grpc.StatusCode:
    for cls in type(error).__mro__:
        if cls in STATUS_CODES:
            return STATUS_CODES[cls]
    return grpc.StatusCode.INTERNAL


@dataclass(frozen=True, slots=True)
class Malformed:
    """Bytes the transport delivered that do not parse as the method's request message."""

    message_type: str
    reason: str


def _request_parser(message_class: Any) -> Callable[[bytes], Any]:
    def parse(data: bytes) -> Any:
        try:
            return message_class.FromString(data)
        except DecodeError as exc:
            return Malformed(message_class.DESCRIPTOR.full_name, str(exc))

    return parse


def add_to_server(servicer: "CrosscheckServicer", server: grpc.aio.Server) -> None:
    """Registers the service as the generated `add_CrosscheckServiceServicer_to_server` does, but with request
    parsing that hands a malformed message to the method (which refuses it as INVALID_ARGUMENT) rather than
    failing inside the transport, which reports UNKNOWN."""
    service = pb.DESCRIPTOR.services_by_name["CrosscheckService"]
    handlers = {}
    for method in service.methods:
        # IngestStream is the one streaming method; every message of its stream is parsed on its own, so a
        # malformed one is that article's error, not the stream's.
        kind = (grpc.stream_stream_rpc_method_handler if method.client_streaming and method.server_streaming
                else grpc.unary_unary_rpc_method_handler)
        handlers[method.name] = kind(
            getattr(servicer, method.name),
            request_deserializer=_request_parser(getattr(pb, method.input_type.name)),
            response_serializer=getattr(pb, method.output_type.name).SerializeToString,
        )
    server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler(service.full_name, handlers),))


async def _fail(name: str, error: Exception, context: grpc.aio.ServicerContext) -> None:
    """Ends the call with the status code of `error`: a domain error's own, anything else INTERNAL (logged
    with its traceback, never shown to the caller)."""
    if isinstance(error, CrosscheckError):
        code = status_code(error)
        log.info("request rejected", extra={"rpc": name, "code": code.name, "reason": error.message})
        if isinstance(error, Overloaded):
            context.set_trailing_metadata(((RETRY_PUSHBACK_KEY, str(int(error.retry_after * 1000))),))
        await context.abort(code, error.message)
    log.error("request failed", exc_info=error, extra={"rpc": name})
    await context.abort(grpc.StatusCode.INTERNAL, f"{name} failed on the server; see its log")


def _mapped(method: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
    name = method.__name__

    @functools.wraps(method)
    async def wrapper(self: "CrosscheckServicer", request: Any, context: grpc.aio.ServicerContext) -> Any:
        try:
            if isinstance(request, Malformed):
                raise InvalidInput(f"the request is not a valid {request.message_type}: {request.reason}")
            return await method(self, request, context)
        except Exception as exc:
            await _fail(name, exc, context)

    return wrapper


def _mapped_stream(method: Callable[..., AsyncIterator[Any]]) -> Callable[..., AsyncIterator[Any]]:
    """`_mapped` for a response-streaming method: what it yielded stays sent; an error ends the stream with
    its status code."""
    name = method.__name__

    @functools.wraps(method)
    async def wrapper(self: "CrosscheckServicer", requests: Any, context: grpc.aio.ServicerContext):
        try:
            async for response in method(self, requests, context):
                yield response
        except Exception as exc:
            await _fail(name, exc, context)

    return wrapper


def _ingest_result(outcome: IngestOutcome, offset: int = 0) -> pb.IngestResult:
    return pb.IngestResult(
        index=outcome.index + offset, external_id=outcome.external_id, article_id=outcome.article_id,
        created=outcome.created, claim_count=outcome.claim_count, story_id=outcome.story_id,
        error=outcome.error.message if outcome.error else "",
        error_code=status_code(outcome.error).name if outcome.error else "",
    )


def _stream_item(index: int, request: pb.IngestStreamRequest | Malformed) -> IngestItem:
    """One message of an IngestStream as the article it carries, or what is wrong with it."""
    if isinstance(request, Malformed):
        return IngestItem("", rejected=InvalidInput(f"articles[{index}]: the message is not a valid "
                                                    f"{request.message_type}: {request.reason}"))
    if not request.HasField("article"):
        return IngestItem("", rejected=InvalidInput(f"articles[{index}]: article: required"))
    return _ingest_item(index, request.article)


def _ingest_item(index: int, message: pb.ArticleInput) -> IngestItem:
    """The article, or what made it unreadable, reported in this article's own result."""
    try:
        return IngestItem(message.external_id, article=convert.article_input(message, convert.where(index, message)))
    except CrosscheckError as exc:
        return IngestItem(message.external_id, rejected=exc)


def _days(request: pb.CheckRequest | pb.ListStoriesRequest) -> tuple[dt.date | None, dt.date | None]:
    """A since/until pair as whole publication days, the way reports read windows (publication dates have no
    time of day): the day of `since`, up to and including the day of an `until` that is past midnight."""
    since = convert.datetime_in(request.since, "since")
    until = convert.datetime_in(request.until, "until")
    if since is None or until is None:
        return (since.date() if since else None), (until.date() if until else None)
    require_after(since, until)
    window = day_window(since, until)
    return window.first_day, window.end_day


@dataclass(frozen=True, slots=True)
class CallLimits:
    """The bounds on one call, from the server's settings (where their defaults are)."""

    max_batch_articles: int
    max_compare_articles: int
    max_check_articles: int
    # Articles of one IngestStream analysed together; the stream reads at most one more chunk ahead.
    stream_chunk_articles: int
    # The deadline a call gets when its caller sets none: work never runs unbounded.
    default_deadline_seconds: float


class CrosscheckServicer(pb_grpc.CrosscheckServiceServicer):
    """Pipeline calls (ingest, extract, compare, check, report) run on `executor` behind `admission`; reads of
    what is stored run on their own small pool, so that they answer while the pipeline is busy."""

    def __init__(self, executor: ThreadPoolExecutor, admission: Admission, limits: CallLimits) -> None:
        self._engine: Engine | None = None
        self._executor = executor
        self._reads = ThreadPoolExecutor(max_workers=2, thread_name_prefix="crosscheck-read")
        self._admission = admission
        self._limits = limits

    def attach(self, engine: Engine) -> None:
        self._engine = engine

    def close(self) -> None:
        self._reads.shutdown(wait=False, cancel_futures=True)

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise NotReady("the server is still loading its model; retry shortly")
        return self._engine

    def _deadline(self, context: grpc.aio.ServicerContext) -> Deadline:
        remaining = context.time_remaining()
        return Deadline.after(self._limits.default_deadline_seconds if remaining is None else remaining)

    async def _pipeline(self, deadline: Deadline, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """CPU-bound work (model, parser), off the event loop and behind admission control. When the caller goes
        away the work is told to stop (it checks `deadline` before writing), and the slot is held while it winds
        down, up to CANCEL_WAIT_SECONDS."""
        async with self._admission.slot(deadline):
            deadline.require("the call")
            loop = asyncio.get_running_loop()
            future = loop.run_in_executor(self._executor, functools.partial(function, *args, **kwargs))
            try:
                return await asyncio.shield(future)
            except asyncio.CancelledError:
                deadline.cancelled.set()
                # Hold the slot while the work winds down (it stops at its next check), but not for ever: one
                # long article cannot be interrupted, and shutdown must not wait on it.
                await asyncio.wait([future], timeout=CANCEL_WAIT_SECONDS)
                if future.done() and not future.cancelled():
                    future.exception()  # retrieved: it is the DeadlineExceeded the cancellation caused
                raise

    async def _read(self, function: Callable[..., Any], *args: Any) -> Any:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._reads, functools.partial(function, *args))

    # ------------------------------------------------------------------------------------------ articles

    @_mapped
    async def IngestArticles(self, request: pb.IngestArticlesRequest, context) -> pb.IngestArticlesResponse:
        engine = self.engine
        if not request.articles:
            raise InvalidInput("articles: the batch is empty")
        if len(request.articles) > self._limits.max_batch_articles:
            raise InvalidInput(f"articles: {len(request.articles)} in one batch; the limit is "
                               f"{self._limits.max_batch_articles}")
        items = [_ingest_item(index, message) for index, message in enumerate(request.articles)]
        deadline = self._deadline(context)
        outcomes = await self._pipeline(deadline, engine.ingest, items, deadline)
        return pb.IngestArticlesResponse(results=[_ingest_result(o) for o in outcomes])

    @_mapped_stream
    async def IngestStream(self, requests: AsyncIterator[Any], context) -> AsyncIterator[pb.IngestResult]:
        """Chunks of the stream through `Engine.ingest`, each behind admission control like one IngestArticles
        call. A reader task keeps at most one chunk waiting while the previous one is analysed (a bounded
        queue), so the server holds at most two chunks of articles whatever the stream's length; gRPC's flow
        control holds the sender back meanwhile. The caller's deadline, if it set one, bounds the whole stream;
        without one each chunk gets the default deadline, so a backfill may run as long as it keeps sending but
        no chunk runs unbounded."""
        engine = self.engine
        chunk = self._limits.stream_chunk_articles
        remaining = context.time_remaining()
        whole = Deadline.after(remaining) if remaining is not None else None
        # The reader holds one article while it waits for room: with the queue's chunk - 1 that is one chunk ahead.
        waiting: asyncio.Queue = asyncio.Queue(maxsize=max(1, chunk - 1))
        end = object()
        # Articles read from the stream and not yet answered, and the most there were at once: logged at the
        # end, the figure the bound above promises.
        held = {"now": 0, "most": 0}

        async def read() -> None:
            index = 0
            try:
                async for request in requests:
                    held["now"] += 1
                    held["most"] = max(held["most"], held["now"])
                    await waiting.put(_stream_item(index, request))
                    index += 1
            finally:  # also when reading fails: the loop below then stops, and `await reader` raises
                if not waiting.full():
                    waiting.put_nowait(end)
                else:
                    await waiting.put(end)

        reader = asyncio.create_task(read())
        offset, finished = 0, False
        try:
            while not finished:
                first = await waiting.get()
                if first is end:
                    break
                items = [first]
                while len(items) < chunk and not waiting.empty():
                    item = waiting.get_nowait()
                    if item is end:
                        finished = True
                        break
                    items.append(item)
                deadline = whole or Deadline.after(self._limits.default_deadline_seconds)
                outcomes = await self._pipeline(deadline, engine.ingest, items, deadline)
                for outcome in outcomes:
                    yield _ingest_result(outcome, offset)
                offset += len(items)
                held["now"] -= len(items)
            await reader  # a transport error while reading surfaces here
        finally:
            reader.cancel()
            # Waited for, so that it is gone before the call is (its own cancellation is its result here).
            await asyncio.gather(reader, return_exceptions=True)
            log.info("ingest stream ended", extra={"answered": offset, "most_articles_held": held["most"]})

    @_mapped
    async def GetArticle(self, request: pb.GetArticleRequest, context) -> pb.GetArticleResponse:
        if not request.id:
            raise InvalidInput("id: required")
        extraction, summary = await self._read(self.engine.article, convert.identifier(request.id, "id"))
        article, sentences, claims = convert.extraction(extraction, story_id=summary.story_id,
                                                         topic_id=summary.topic_id)
        return pb.GetArticleResponse(article=article, sentences=sentences, claims=claims)

    @_mapped
    async def ListArticles(self, request: pb.ListArticlesRequest, context) -> pb.ListArticlesResponse:
        if request.page_size < 0 or request.page_size > MAX_PAGE_SIZE:
            raise InvalidInput(f"page_size: {request.page_size} is not in 0-{MAX_PAGE_SIZE}")
        page, token = await self._read(
            self.engine.articles, request.page_size or DEFAULT_PAGE_SIZE, request.page_token
        )
        return pb.ListArticlesResponse(articles=[convert.summary(s) for s in page], next_page_token=token)

    @_mapped
    async def Extract(self, request: pb.ExtractRequest, context) -> pb.ExtractResponse:
        engine = self.engine
        if not request.HasField("article"):
            raise InvalidInput("article: required")
        item = convert.article_input(request.article, "article")
        extraction = await self._pipeline(self._deadline(context), engine.extract, item)
        article, sentences, claims = convert.extraction(extraction)
        return pb.ExtractResponse(article=article, sentences=sentences, claims=claims)

    # ------------------------------------------------------------------------------------------ findings

    @_mapped
    async def Compare(self, request: pb.CompareRequest, context) -> pb.CompareResponse:
        engine = self.engine
        if len(request.articles) > self._limits.max_compare_articles:
            raise InvalidInput(f"articles: {len(request.articles)} to compare; the limit is "
                               f"{self._limits.max_compare_articles} (ingest them and Check their story instead)")
        items = [convert.article_input(m, convert.where(i, m)) for i, m in enumerate(request.articles)]
        articles, findings = await self._pipeline(self._deadline(context), engine.compare, items,
                                                  agreements=not request.omit_agreements)
        return pb.CompareResponse(
            articles=[convert.article(a, with_text=False, claim_count=0) for a in articles],
            findings=[convert.finding(f) for f in findings],
        )

    @_mapped
    async def Check(self, request: pb.CheckRequest, context) -> pb.CheckResponse:
        engine = self.engine
        since, until = _days(request)
        article_ids = [convert.identifier(i, f"article_ids[{n}]") for n, i in enumerate(request.article_ids)]
        story_id = convert.identifier(request.story_id, "story_id")
        ids = await self._read(engine.select, article_ids, story_id, since, until)
        if len(ids) > self._limits.max_check_articles:
            raise InvalidInput(f"the selection holds {len(ids)} articles; Check compares at most "
                               f"{self._limits.max_check_articles} at once: narrow the window or the story")
        summaries, findings = await self._pipeline(self._deadline(context), engine.check, ids,
                                                   agreements=not request.omit_agreements)
        return pb.CheckResponse(
            articles=[convert.summary(s) for s in summaries], findings=[convert.finding(f) for f in findings]
        )

    @_mapped
    async def ListStories(self, request: pb.ListStoriesRequest, context) -> pb.ListStoriesResponse:
        since, until = _days(request)
        views = await self._read(self.engine.stories, since, until)
        return pb.ListStoriesResponse(stories=[convert.story(v) for v in views])

    # ------------------------------------------------------------------------------------------ reports

    @_mapped
    async def GetReport(self, request: pb.GetReportRequest, context) -> pb.GetReportResponse:
        from service.reports.service import build_or_get_report

        since = convert.datetime_in(request.since, "since")
        until = convert.datetime_in(request.until, "until")
        if since is None or until is None:
            raise InvalidInput("since and until are both required")
        require_after(since, until)
        report = await self._pipeline(self._deadline(context), build_or_get_report, self.engine, since, until,
                                      rebuild=request.rebuild)
        return pb.GetReportResponse(report=convert.report(report))

    @_mapped
    async def ListReports(self, request: pb.ListReportsRequest, context) -> pb.ListReportsResponse:
        from service.reports.service import list_reports

        if request.page_size < 0 or request.page_size > MAX_PAGE_SIZE:
            raise InvalidInput(f"page_size: {request.page_size} is not in 0-{MAX_PAGE_SIZE}")
        reports = await self._read(list_reports, self.engine, request.page_size or DEFAULT_PAGE_SIZE)
        return pb.ListReportsResponse(reports=[convert.report(r) for r in reports])
