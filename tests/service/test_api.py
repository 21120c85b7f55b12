"""The API through a real gRPC server on a real socket (fake embedder, in-memory store): contract and bad input."""

from __future__ import annotations

import grpc
import pytest

from client import CrosscheckClient, Rejected, article_from_text
from crosscheck_proto import crosscheck_pb2 as pb
from tests.harness import SEEDS

STORY = (
    "WASHINGTON, March 25, 2013 - The Pentagon said on Monday that six meetings were held in 2011.\n\n"
    "Talks set for 2012 were canceled because of scheduling conflicts, an official said.\n"
)


@pytest.fixture
def client(fake_server):
    with CrosscheckClient(fake_server.address, timeout=60) as c:
        yield c


def _count(client: CrosscheckClient) -> int:
    return sum(1 for _ in client.iter_articles())


def test_health_is_serving_and_reflection_lists_the_service(fake_server, client):
    assert client.health() == "SERVING"
    assert client.health("crosscheck.v1.CrosscheckService") == "SERVING"
    from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc

    with grpc.insecure_channel(fake_server.address) as channel:
        stub = reflection_pb2_grpc.ServerReflectionStub(channel)
        responses = stub.ServerReflectionInfo(iter([reflection_pb2.ServerReflectionRequest(list_services="")]))
        names = {s.name for r in responses for s in r.list_services_response.service}
    assert "crosscheck.v1.CrosscheckService" in names


def test_ingest_is_idempotent(client):
    article = article_from_text(STORY + "Idempotence marker one.\n", source="Wire")
    (first,) = client.ingest([article])
    before = _count(client)
    (second,) = client.ingest([article])
    assert first.created and not second.created
    assert first.article_id == second.article_id and second.claim_count == first.claim_count
    assert _count(client) == before


def test_one_bad_article_does_not_sink_the_batch(client):
    good = article_from_text(STORY + "Batch marker.\n", source="Wire", external_id="good.txt")
    empty = article_from_text("   \n", external_id="empty.txt")
    latin1 = pb.ArticleInput(data="Caf\xe9 talks were held.".encode("latin-1"), external_id="latin1.txt")
    bad_date = article_from_text(STORY, external_id="date.txt")
    bad_date.published.CopyFrom(pb.PartialDate(year=2013, month=13, day=1))
    before = _count(client)
    results = client.ingest([good, empty, latin1, bad_date], batch_size=10)
    assert [bool(r.error) for r in results] == [False, True, True, True]
    assert results[0].created and results[0].article_id
    assert "empty" in results[1].error and results[1].error_code == "INVALID_ARGUMENT"
    assert "not UTF-8" in results[2].error and "offset 3" in results[2].error and "latin1.txt" in results[2].error
    assert "month 13" in results[3].error
    assert _count(client) == before + 1


@pytest.mark.parametrize(
    "article, message",
    [
        (article_from_text(""), "text is empty"),
        (article_from_text("word " * 5000), "limit is 20000"),
        (article_from_text("Subscribe\n\nNewsfeed\n\nloader\n"), "boilerplate"),
        (pb.ArticleInput(data=b"\xff\xfe bad"), "not UTF-8"),
    ],
    ids=["empty", "too-large", "no-sentences", "not-utf8"],
)
def test_extract_rejects_bad_input_with_invalid_argument(client, article, message):
    before = _count(client)
    with pytest.raises(Rejected) as error:
        client.extract(article)
    assert error.value.code is grpc.StatusCode.INVALID_ARGUMENT
    assert message in error.value.message
    assert _count(client) == before


def test_unknown_ids_are_not_found(client):
    with pytest.raises(Rejected) as error:
        client.get_article("does-not-exist")
    assert error.value.code is grpc.StatusCode.NOT_FOUND and "does-not-exist" in error.value.message
    with pytest.raises(Rejected) as error:
        client.check(article_ids=["does-not-exist"])
    assert error.value.code is grpc.StatusCode.NOT_FOUND


def test_check_needs_exactly_one_selector(client):
    import datetime as dt

    with pytest.raises(Rejected, match="exactly one"):
        client.check(article_ids=["x"], since=dt.date(2013, 1, 1), until=dt.date(2013, 2, 1))
    with pytest.raises(Rejected, match="must be after"):
        client.check(since=dt.date(2013, 2, 1), until=dt.date(2013, 1, 1))


def test_compare_names_the_bad_article(client):
    good = article_from_text(STORY)
    with pytest.raises(Rejected, match=r"articles\[1\] \(x.txt\): text is empty"):
        client.compare([good, article_from_text(" ", external_id="x.txt")])
    with pytest.raises(Rejected, match="two or more"):
        client.compare([good])


def test_get_article_returns_spans_into_the_submitted_text(client):
    text = (SEEDS / "000_09de25b5ce3095c1.txt").read_text()
    (result,) = client.ingest([article_from_text(text, external_id="000")])
    response = client.get_article(result.article_id)
    assert response.article.text == text
    assert response.article.source == "The Moscow Times"
    for claim in response.claims:
        words = text[claim.span.start : claim.span.end].split()
        assert words == claim.text.split()
        for quote in claim.quotes:
            for part in quote.parts:
                assert text[part.start : part.end].split()[0] in quote.text


def test_list_articles_pages(client):
    for i in range(3):
        client.ingest([article_from_text(STORY + f"Paging marker {i}.\n", source="Wire")])
    total = _count(client)
    page = client.list_articles(page_size=2)
    assert len(page.articles) == 2 and page.next_page_token
    assert len({a.id for a in client.iter_articles(page_size=2)}) == total
    with pytest.raises(Rejected, match="page_size"):
        client.list_articles(page_size=5000)
