"""IngestStream through a real server on a real socket: bounded memory on both sides, a result per article in
stream order, bad articles answered one by one, resume after an interruption, and auth, admission and deadlines
as on every pipeline call. The engine is the real one over the fake embedder and the in-memory store; the CLI
test at the end runs the real model."""

from __future__ import annotations

import logging
import threading
import time

import grpc
import pytest

from client import CrosscheckClient, article_from_text
from client.errors import Rejected, Unavailable
from crosscheck_proto import crosscheck_pb2 as pb
from crosscheck_proto import crosscheck_pb2_grpc as pb_grpc
from service.auth import token_hash
from service.settings import Settings
from tests.harness import RunningServer, fake_engine

CHUNK = 4
WINDOW = 6


def _text(number: int) -> str:
    return (f"MOSCOW, March {number % 28 + 1}, 2013 - Officials of region {number} said on Monday that "
            f"{number + 2} meetings were held in 2011 and {number + 7} more are planned.\n")


class Recorder:
    """Wraps the engine's ingest to record each chunk it is given and the articles in analysis at once."""

    def __init__(self, engine, delay: float = 0.0) -> None:
        self.engine, self.delay = engine, delay
        self.chunks: list[int] = []
        self._ingest = engine.ingest
        engine.ingest = self.ingest

    def ingest(self, items, deadline):
        self.chunks.append(len(items))
        if self.delay:
            time.sleep(self.delay)
        return self._ingest(items, deadline)


@pytest.fixture
def server():
    running = RunningServer(Settings(log_format="text", stream_chunk_articles=CHUNK), fake_engine)
    yield running
    running.stop()


def _wait_for_stream_end(caplog, count: int = 1, timeout: float = 10.0) -> None:
    """A cancelled stream winds down on the server after the caller has gone (its chunk finishes first); the
    server is stopped only once it has, so that no call is left behind half done."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if sum(r.message == "ingest stream ended" for r in caplog.records) >= count:
            return
        time.sleep(0.05)


def test_a_long_stream_keeps_a_bounded_number_of_articles_in_flight(server):
    recorder = Recorder(server.engine)
    total = 120
    pulled, answered, in_flight = [0], [0], []

    def articles():
        for number in range(total):
            in_flight.append(pulled[0] - answered[0])  # sent and not yet answered when the next one is read
            pulled[0] += 1
            yield article_from_text(_text(number), external_id=f"a{number}.txt")

    results = []
    with CrosscheckClient(server.address, timeout=60) as client:
        for result in client.ingest_stream(articles(), window=WINDOW):
            answered[0] += 1
            results.append(result)
    assert [r.index for r in results] == list(range(total))  # one result per article, in stream order
    assert [r.external_id for r in results] == [f"a{n}.txt" for n in range(total)]
    assert all(r.created and r.article_id and not r.error for r in results)
    # The client reads an article only when fewer than WINDOW are unanswered: the generator is pulled lazily.
    assert max(in_flight) <= WINDOW
    # The server analyses at most CHUNK at once, and never more than the client has in flight.
    assert max(recorder.chunks) <= CHUNK and sum(recorder.chunks) == total
    assert len(server.engine.articles(1000)[0]) == total


def test_the_server_holds_two_chunks_at_most_however_far_the_sender_runs_ahead(server, caplog):
    """A sender with a window far wider than the server's chunks: the server still reads only one chunk ahead
    of the one in analysis (flow control holds the rest back in the transport)."""
    Recorder(server.engine, delay=0.05)
    total = 120
    with caplog.at_level(logging.INFO, logger="crosscheck.servicer"):
        with CrosscheckClient(server.address, timeout=60) as client:
            results = list(client.ingest_stream(
                (article_from_text(_text(1000 + n), external_id=f"w{n}.txt") for n in range(total)), window=500))
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not any(r.message == "ingest stream ended" for r in caplog.records):
            time.sleep(0.05)
    assert [r.index for r in results] == list(range(total)) and all(r.created for r in results)
    (ended,) = [r for r in caplog.records if r.message == "ingest stream ended"]
    assert ended.answered == total
    assert CHUNK < ended.most_articles_held <= 2 * CHUNK


def test_bad_articles_get_their_own_errors_and_the_stream_goes_on(server):
    articles = [
        article_from_text(_text(1), external_id="good1.txt"),
        article_from_text("   ", external_id="blank.txt"),
        pb.ArticleInput(data=b"caf\xe9 au lait", external_id="latin1.txt"),
        article_from_text(_text(2), external_id="good2.txt"),
        pb.ArticleInput(text="x", data=b"y", external_id="both.txt"),
        article_from_text(_text(3), external_id="good3.txt"),
    ]
    with CrosscheckClient(server.address, timeout=60) as client:
        results = list(client.ingest_stream(articles, window=3))
    by_name = {r.external_id: r for r in results}
    assert [r.index for r in results] == list(range(6))
    for name in ("good1.txt", "good2.txt", "good3.txt"):
        assert by_name[name].created and not by_name[name].error
    for name, says in (("blank.txt", "text is empty"), ("latin1.txt", "byte 0xe9 at offset 3"),
                       ("both.txt", "give text or data, not both")):
        assert by_name[name].error_code == "INVALID_ARGUMENT" and says in by_name[name].error, by_name[name]
    assert "articles[2] (latin1.txt)" in by_name["latin1.txt"].error  # the stream position, named


def test_a_malformed_message_is_that_articles_error(server):
    """Bytes that are not an IngestStreamRequest, sent through a raw channel."""
    good = pb.IngestStreamRequest(article=pb.ArticleInput(text=_text(5))).SerializeToString()
    with grpc.insecure_channel(server.address) as channel:
        stream = channel.stream_stream("/crosscheck.v1.CrosscheckService/IngestStream",
                                       request_serializer=lambda b: b,
                                       response_deserializer=pb.IngestResult.FromString)
        results = list(stream(iter([good, b"\x0a\x05\x0a\x03ab", good[:3] + b"\xff", good]), timeout=30))
    assert [r.index for r in results] == [0, 1, 2, 3]
    assert results[0].created and not results[3].created  # the same text again: answered as stored
    assert results[1].error_code == "INVALID_ARGUMENT" and "not a valid crosscheck.v1.IngestStreamRequest" in \
        results[1].error


def test_an_interrupted_stream_resumes_skipping_what_was_stored(server):
    embedder = server.engine.embedder
    total = 40
    articles = [article_from_text(_text(n), external_id=f"r{n}.txt") for n in range(total)]
    with CrosscheckClient(server.address, timeout=60) as client:
        first = []
        for result in client.ingest_stream(iter(articles), window=WINDOW):
            first.append(result)
            if len(first) == 15:
                break  # the caller goes away: the stream is cancelled
        time.sleep(0.5)  # let the server wind down what it had already taken
        embedded_before = embedder.texts_embedded
        second = list(client.ingest_stream(iter(articles), window=WINDOW))
    assert len(first) == 15 and all(r.created for r in first)
    assert [r.index for r in second] == list(range(total))
    already = [r for r in second if not r.created]
    # Everything the first stream was answered for is answered from its content hash, with the same id.
    assert {r.external_id for r in first} <= {r.external_id for r in already}
    assert all(r.article_id == f.article_id for r, f in zip(second, first))
    # ... and without analysis: the model was asked only for the claims of the articles that were new.
    fresh = [r for r in second if r.created]
    assert len(already) + len(fresh) == total and not any(r.error for r in second)
    assert len(fresh) >= 1 and embedder.texts_embedded > embedded_before
    # A third pass finds everything stored: each answered from its content hash, and the model never asked.
    embedded_before = embedder.texts_embedded
    with CrosscheckClient(server.address, timeout=60) as client:
        third = list(client.ingest_stream(iter(articles), window=WINDOW))
    assert [r.article_id for r in third] == [r.article_id for r in second] and not any(r.created for r in third)
    assert embedder.texts_embedded == embedded_before


def test_the_stream_needs_the_write_scope(tmp_path):
    writer, reader = "w-token-0123456789", "r-token-0123456789"
    tokens = tmp_path / "tokens"
    tokens.write_text(f"writer write {token_hash(writer)}\nreader read {token_hash(reader)}\n")
    running = RunningServer(Settings(log_format="text", tokens=str(tokens)), fake_engine)
    try:
        articles = [article_from_text(_text(9))]
        for token, code in ((None, grpc.StatusCode.UNAUTHENTICATED), (reader, grpc.StatusCode.PERMISSION_DENIED)):
            with CrosscheckClient(running.address, timeout=30, token=token or "") as client:
                with pytest.raises(Rejected) as refused:
                    list(client.ingest_stream(articles))
                assert refused.value.code == code
        with CrosscheckClient(running.address, timeout=30, token=writer) as client:
            (result,) = list(client.ingest_stream(articles))
            assert result.created
    finally:
        running.stop()


def test_admission_control_applies_to_each_chunk():
    running = RunningServer(Settings(log_format="text", workers=1, max_waiting_calls=0, stream_chunk_articles=2),
                            fake_engine)
    try:
        Recorder(running.engine, delay=1.5)
        busy = threading.Thread(target=lambda: CrosscheckClient(running.address, timeout=30).ingest(
            [article_from_text(_text(20))]))
        busy.start()
        time.sleep(0.5)  # the one worker is now inside the slow ingest
        with CrosscheckClient(running.address, timeout=30) as client:
            with pytest.raises(Rejected) as refused:
                list(client.ingest_stream([article_from_text(_text(21))]))
        assert refused.value.code == grpc.StatusCode.RESOURCE_EXHAUSTED and "busy" in refused.value.message
        busy.join(30)
    finally:
        running.stop()


def test_the_callers_deadline_bounds_the_whole_stream(server, caplog):
    caplog.set_level(logging.INFO, logger="crosscheck.servicer")
    Recorder(server.engine, delay=0.4)
    requests = (pb.IngestStreamRequest(article=article_from_text(_text(30 + n))) for n in range(40))
    with grpc.insecure_channel(server.address) as channel:
        stub = pb_grpc.CrosscheckServiceStub(channel)
        got = []
        with pytest.raises(grpc.RpcError) as failed:
            for result in stub.IngestStream(requests, timeout=1.5):
                got.append(result)
    assert failed.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED
    assert 0 < len(got) < 40  # what was answered before the deadline stands
    time.sleep(1.0)
    stored = {r.article_id for r in got}
    assert stored <= {s.article.id for s in server.engine.articles(1000)[0]}
    _wait_for_stream_end(caplog)


def test_a_silent_server_is_given_up_on_after_the_idle_timeout(server, caplog):
    caplog.set_level(logging.INFO, logger="crosscheck.servicer")
    Recorder(server.engine, delay=3.0)
    with CrosscheckClient(server.address, timeout=1.0) as client:
        with pytest.raises(Unavailable, match="no ingest result within 1 s"):
            list(client.ingest_stream([article_from_text(_text(40))]))
    _wait_for_stream_end(caplog)


@pytest.mark.model
def test_cli_ingest_streams_with_progress_and_resumes(real_server, tmp_path, capsys):
    """The real model and a real SQLite file: a folder ingested with a line of progress per file, then again
    after an interruption, where what was stored is reported as a duplicate."""
    import shutil

    from client.cli import main
    from tests.harness import SEEDS

    folder = tmp_path / "backfill"
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for path in seeds:
        shutil.copy(path, folder / path.name)
    # An interrupted earlier run: the first two files were stored before it stopped.
    with CrosscheckClient(real_server.address, timeout=120) as client:
        for result in client.ingest_stream(iter([article_from_text(p.read_text(), external_id=p.name)
                                                 for p in seeds[:2]])):
            assert not result.error
    capsys.readouterr()
    code = main(["ingest", "--address", real_server.address, "--progress", "--window", "2", str(folder)])
    out, err = capsys.readouterr()
    assert code == 0, err
    # Only the progress lines: stderr may also carry the asyncio loop's notes about servers of earlier tests.
    lines = [line for line in err.splitlines() if line.startswith("[")]
    assert len(lines) == len(seeds)
    for number, (line, path) in enumerate(zip(lines, seeds), start=1):
        state = "duplicate" if number <= 2 else "new"
        assert line == f"[{number}/{len(seeds)}] {state} {path.name}"
    assert f"{len(seeds)} of {len(seeds)} articles stored ({len(seeds) - 2} new)" in out
