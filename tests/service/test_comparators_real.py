"""Each comparator through the real service (real model, real socket): two short articles that report the same
event, differing in exactly one thing, and the same pair without the difference."""

from __future__ import annotations

import datetime as dt

import pytest

from client import CrosscheckClient, article_from_text

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def client(real_server):
    with CrosscheckClient(real_server.address, timeout=120) as c:
        yield c


def kinds(client, text_a, text_b, published_a=dt.date(2013, 3, 19), published_b=dt.date(2013, 3, 19)):
    response = client.compare([
        article_from_text(text_a, source="Wire A", published=published_a),
        article_from_text(text_b, source="Wire B", published=published_b),
    ])
    return {(f.kind, f.explanation) for f in response.findings}, response.findings


def _of(findings, kind_name):
    from client._proto import crosscheck_pb2 as pb

    return [f for f in findings if f.kind == pb.FindingKind.Value(f"FINDING_KIND_{kind_name}")]


LEAD = "WASHINGTON - Missile defence officials met in Washington to review the programme.\n\n"


def test_fourteen_vs_forty_one_interceptors_is_a_number_mismatch(client):
    _, findings = kinds(
        client,
        LEAD + "The United States will station 14 new anti-missile interceptors in Alaska, the Pentagon said.\n",
        LEAD + "The United States will station 41 new anti-missile interceptors in Alaska, the Pentagon said.\n",
    )
    (mismatch,) = _of(findings, "NUMBER_MISMATCH")
    assert {e.value.split()[0] for e in mismatch.evidence} == {"14", "41"}


def test_nearly_two_billion_and_one_point_nine_billion_are_compatible(client):
    _, findings = kinds(
        client,
        LEAD + "Congress approved nearly $2 billion for the interceptor programme on Tuesday.\n",
        LEAD + "Congress approved $1.9 billion for the interceptor programme on Tuesday.\n",
    )
    assert not _of(findings, "NUMBER_MISMATCH")
    assert any("billion" in f.explanation or "USD" in f.explanation for f in _of(findings, "AGREEMENT"))


def test_six_meetings_and_six_interceptors_are_not_compared(client):
    _, findings = kinds(
        client,
        LEAD + "Officials said six meetings were held with Russia in 2011 to discuss the shield.\n",
        LEAD + "Officials said six interceptors were tested with Russia watching in 2011.\n",
    )
    assert not _of(findings, "NUMBER_MISMATCH")
    for finding in _of(findings, "AGREEMENT"):
        assert "6 meeting ~ 6 interceptor" not in finding.explanation


def test_same_event_on_different_days_is_a_date_mismatch(client):
    _, findings = kinds(
        client,
        LEAD + "Russian Defence Minister Sergei Shoigu met U.S. envoys in Moscow on Tuesday, March 12, officials said.\n",
        LEAD + "Russian Defence Minister Sergei Shoigu met U.S. envoys in Moscow on March 14, officials said.\n",
    )
    (mismatch,) = _of(findings, "DATE_MISMATCH")
    assert {e.value for e in mismatch.evidence} == {"2013-03-12", "2013-03-14"}


def test_last_week_covers_march_14_in_an_article_of_march_19(client):
    _, findings = kinds(
        client,
        LEAD + "Russian Defence Minister Sergei Shoigu met U.S. envoys in Moscow last week, officials said.\n",
        LEAD + "Russian Defence Minister Sergei Shoigu met U.S. envoys in Moscow on March 14, officials said.\n",
    )
    assert not _of(findings, "DATE_MISMATCH")
    assert any("2013-03-14" in f.explanation for f in _of(findings, "AGREEMENT"))


def test_a_person_with_two_offices_a_day_apart_is_a_role_mismatch(client):
    _, findings = kinds(
        client,
        LEAD + "Defense Minister Sergei Shoigu said Russia wanted the talks to continue.\n",
        LEAD + "Foreign Minister Sergei Shoigu said Russia wanted the talks to continue.\n",
        published_a=dt.date(2013, 3, 18),
    )
    (mismatch,) = _of(findings, "ROLE_MISMATCH")
    assert "Shoigu" in mismatch.explanation


def test_the_same_office_held_by_different_people_years_apart_is_no_mismatch(client):
    _, findings = kinds(
        client,
        LEAD + "U.S. Defense Secretary Robert Gates said the shield threatened no one.\n",
        LEAD + "U.S. Defense Secretary Chuck Hagel said the shield threatened no one.\n",
        published_a=dt.date(2007, 4, 23),
        published_b=dt.date(2013, 3, 25),
    )
    assert not _of(findings, "ROLE_MISMATCH")


def test_a_negated_claim_is_a_contradiction(client):
    _, findings = kinds(
        client,
        LEAD + "The two defence ministers held talks on missile defence in Moscow on Monday.\n",
        LEAD + "The two defence ministers did not hold talks on missile defence in Moscow on Monday.\n",
    )
    (contradiction,) = _of(findings, "CONTRADICTION")
    assert {e.cue for e in contradiction.evidence} >= {"not"}


def test_a_quote_given_to_another_speaker_is_a_misattribution(client):
    quote = '"We will continue discussions with a view of finding mutually acceptable solutions,"'
    _, findings = kinds(
        client,
        LEAD + f"{quote} Russian Foreign Minister Sergei Lavrov said on Friday.\n",
        LEAD + f"{quote} Russian President Dmitry Medvedev said on Friday.\n",
    )
    (misattributed,) = _of(findings, "QUOTE_ATTRIBUTION")
    assert {e.value for e in misattributed.evidence} == {"Sergei Lavrov", "Dmitry Medvedev"}
