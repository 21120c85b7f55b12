"""Inputs a caller can get wrong, through the real server: each gets INVALID_ARGUMENT with a message that says
what and where (never INTERNAL or UNKNOWN), and a batch with one odd article still stores the others."""

from __future__ import annotations

import datetime as dt

import grpc
import pytest

from client import Rejected, article_from_text
from crosscheck_proto import crosscheck_pb2 as pb

UTC = dt.timezone.utc
FAR = dt.datetime(9999, 12, 31, 12, tzinfo=UTC)
BODY = "The ministers met on Monday and agreed to resume the talks in Geneva, officials said.\n"


def _code(call) -> tuple[grpc.StatusCode, str]:
    with pytest.raises(Rejected) as error:
        call()
    return error.value.code, error.value.message


def test_impossible_dates_in_a_dateline_or_url_leave_the_article_undated_and_the_batch_whole(client):
    results = client.ingest([
        article_from_text("Impossible dateline one. " + BODY, source="Odd Dates A"),
        article_from_text("WASHINGTON, April 31, 2013 - " + BODY, source="Odd Dates B"),
        article_from_text("Impossible dateline three. " + BODY, source="Odd Dates C",
                          url="https://news.example/2013/02/30/talks"),
        article_from_text("April 31 , 2013\n" + BODY.replace("Monday", "Tuesday"), source="Odd Dates D"),
    ], batch_size=4)
    assert [r.error for r in results] == ["", "", "", ""]
    for result in results[1:]:
        article = client.get_article(result.article_id).article
        assert not article.published.day, article.published


def test_windows_at_the_end_of_the_calendar_are_invalid_argument(client):
    for call in (lambda: client.check(since=FAR - dt.timedelta(days=1), until=FAR),
                 lambda: client.list_stories(since=FAR.date() - dt.timedelta(days=1), until=FAR.date()),
                 lambda: client.get_report(FAR - dt.timedelta(days=1), FAR)):
        code, message = _code(call)
        assert code is grpc.StatusCode.INVALID_ARGUMENT and "9999" in message, message


@pytest.mark.parametrize("token", ["garbage!", "-1", "x" * 500])
def test_a_page_token_the_server_did_not_give_is_invalid_argument(client, token):
    code, message = _code(lambda: client.list_articles(page_size=5, page_token=token))
    assert code is grpc.StatusCode.INVALID_ARGUMENT and "page_token" in message


def test_a_page_token_the_server_gave_continues_the_listing(client):
    client.ingest([article_from_text(f"Paging check {i}. " + BODY, source=f"Paging {i}") for i in range(3)],
                  batch_size=3)
    first = client.list_articles(page_size=2)
    assert first.next_page_token
    second = client.list_articles(page_size=2, page_token=first.next_page_token)
    assert not {a.id for a in first.articles} & {a.id for a in second.articles}


def test_a_huge_article_id_is_invalid_argument_and_not_echoed_whole(client):
    code, message = _code(lambda: client.get_article("a" * 1_000_000))
    assert code is grpc.StatusCode.INVALID_ARGUMENT and "id" in message and len(message) < 300


def test_a_huge_external_id_is_rejected_in_its_own_result(client):
    (result,) = client.ingest([article_from_text("Long external id. " + BODY, external_id="e" * 100_000)])
    assert result.error and result.error_code == "INVALID_ARGUMENT" and len(result.error) < 300
    assert not result.article_id


def test_a_malformed_message_is_invalid_argument(fake_server):
    channel = grpc.insecure_channel(fake_server.address)
    try:
        raw = channel.unary_unary("/crosscheck.v1.CrosscheckService/GetArticle",
                                  request_serializer=lambda b: b, response_deserializer=lambda b: b)
        for payload in (b"\x0a\x03\xff\xfe\xfd",  # field 1 (id) holding invalid UTF-8
                        b"\x0a\xff\xff\xff\xff\x0f"):  # a length running past the message
            with pytest.raises(grpc.RpcError) as error:
                raw(payload, timeout=10)
            assert error.value.code() is grpc.StatusCode.INVALID_ARGUMENT, error.value.details()
            assert "GetArticleRequest" in error.value.details()
    finally:
        channel.close()


def test_compare_of_more_articles_than_the_limit_is_invalid_argument(client):
    articles = [article_from_text(f"Compare limit {i}. " + BODY) for i in range(51)]
    code, message = _code(lambda: client.compare(articles))
    assert code is grpc.StatusCode.INVALID_ARGUMENT and "the limit is 50" in message
