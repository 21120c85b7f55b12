"""Check by story and time windows at their edges (Check, GetReport)."""

from __future__ import annotations

import datetime as dt

import grpc
import pytest

from client import Rejected, article_from_text
from crosscheck_proto import crosscheck_pb2 as pb

UTC = dt.timezone.utc
DAY = dt.date(2011, 7, 14)  # a day no other robustness test publishes on
MIDNIGHT = dt.datetime(2011, 7, 14, tzinfo=UTC)
STORY = (
    "GENEVA - Iran and six world powers said on Thursday that talks on the nuclear programme would resume in "
    "Istanbul.\n\nThe delegations met for {hours} hours, an official said.\n"
)


@pytest.fixture(scope="module")
def story(fake_server):
    from client import CrosscheckClient

    with CrosscheckClient(fake_server.address, timeout=60) as c:
        results = c.ingest([
            article_from_text(STORY.format(hours="nine"), source="Window Wire A", published=DAY),
            article_from_text(STORY.format(hours="eleven"), source="Window Wire B", published=DAY),
        ], batch_size=2)
    assert all(not r.error for r in results)
    return results


def test_check_by_story_compares_the_story_articles(client, story):
    assert story[0].story_id == story[1].story_id
    response = client.check(story_id=story[0].story_id)
    assert {a.id for a in response.articles} == {r.article_id for r in story}
    (mismatch,) = [f for f in response.findings if f.kind == pb.FINDING_KIND_NUMBER_MISMATCH]
    assert sorted(e.value for e in mismatch.evidence) == ["11 hour", "9 hour"]
    assert all(e.value.split()[0] in ("9", "11") for e in mismatch.evidence)
    assert {e.source for e in mismatch.evidence} == {"Window Wire A", "Window Wire B"}


def test_check_by_unknown_story_is_not_found(client):
    with pytest.raises(Rejected) as error:
        client.check(story_id="story-does-not-exist")
    assert error.value.code is grpc.StatusCode.NOT_FOUND and "story-does-not-exist" in error.value.message


def test_check_by_whole_day_window_returns_that_day_articles(client, story):
    response = client.check(since=DAY, until=DAY + dt.timedelta(days=1))
    assert {a.id for a in response.articles} == {r.article_id for r in story}


def test_get_report_with_a_zero_length_window_is_invalid_argument(client):
    with pytest.raises(Rejected) as error:
        client.get_report(MIDNIGHT, MIDNIGHT)
    assert error.value.code is grpc.StatusCode.INVALID_ARGUMENT and "must be after" in error.value.message
    with pytest.raises(Rejected) as error:
        client.get_report(MIDNIGHT + dt.timedelta(hours=1), MIDNIGHT)
    assert error.value.code is grpc.StatusCode.INVALID_ARGUMENT


def test_get_report_with_a_one_second_window_covers_its_publication_day(client, story):
    report = client.get_report(MIDNIGHT, MIDNIGHT + dt.timedelta(seconds=1))
    assert report.totals.articles == 2 and report.totals.sources == 2
    whole_day = client.get_report(MIDNIGHT, MIDNIGHT + dt.timedelta(days=1))
    assert whole_day.id == report.id and whole_day.content_digest == report.content_digest


def test_check_with_a_window_inside_one_day_selects_that_day(client, story):
    response = client.check(since=MIDNIGHT + dt.timedelta(hours=6), until=MIDNIGHT + dt.timedelta(hours=18))
    assert {a.id for a in response.articles} == {r.article_id for r in story}


def test_check_until_past_midnight_includes_its_day(client, story):
    response = client.check(since=MIDNIGHT - dt.timedelta(days=1), until=MIDNIGHT + dt.timedelta(hours=6))
    assert {a.id for a in response.articles} == {r.article_id for r in story}
