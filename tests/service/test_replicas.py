"""Two `crosscheck-server` processes on one PostgreSQL behave as one: the same article through both at once is
stored once, related articles placed concurrently through both end in one story per event, and a retry through
the other replica gets the stored result."""

from __future__ import annotations

import datetime as dt
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from client import CrosscheckClient, article_from_text
from tests.service.server_process import read_events, start as start_server

pytestmark = pytest.mark.model

DAY = dt.date(2024, 11, 12)

# Reports of two events, each in its outlet's own words; what they share is the event (who, where, what).
EVENTS = {
    "quake": [
        ("Andes Daily", "SANTIAGO, Nov 12 - A magnitude 7.1 earthquake struck northern Chile near Antofagasta on "
                        "Tuesday, the national seismology centre said, and two people were killed."),
        ("Pacific Wire", "A powerful magnitude 7.1 earthquake hit the Antofagasta region of northern Chile on "
                         "Tuesday, killing two people, Chile's seismology centre said."),
        ("The Courier", "Two people died when an earthquake of magnitude 7.1 shook Antofagasta in northern Chile "
                        "on Tuesday, according to the national seismology centre."),
        ("Globe Report", "Northern Chile was hit by a 7.1 magnitude earthquake near Antofagasta on Tuesday; the "
                         "seismology centre said two people were killed."),
    ],
    "rates": [
        ("Nordic Post", "OSLO, Nov 12 - Norway's central bank, Norges Bank, raised its key interest rate to 4.75 "
                        "percent on Tuesday to fight inflation, governor Ida Wolden Bache said."),
        ("Market Line", "Norges Bank lifted its policy rate to 4.75 percent on Tuesday, governor Ida Wolden Bache "
                        "said, as Norway's central bank pressed on against inflation."),
        ("Finance Today", "Norway's central bank Norges Bank increased the key rate to 4.75 percent on Tuesday, "
                          "said governor Ida Wolden Bache, citing stubborn inflation."),
    ],
}
FOLLOW_UP = " Officials gave no further details on Tuesday evening."


def _start(database: str) -> tuple[subprocess.Popen, str]:
    return start_server(database, serving=False, grace_seconds="2", drain_seconds="0")


def test_two_servers_on_one_database_store_each_article_once_and_never_split_a_story(postgres):
    import psycopg

    database = postgres.new_database()
    replicas = [_start(database), _start(database)]
    try:
        for process, _ in replicas:
            read_events(process.stderr, "serving")
        addresses = [address for _, address in replicas]
        articles = [(event, source, text + FOLLOW_UP) for event, reports in EVENTS.items() for source, text in reports]
        # every article goes through both replicas at the same moment, so each is raced twice: its own copies
        # against each other, and every placement against the related articles the other replica is placing
        calls = [(i, replica) for i in range(len(articles)) for replica in (0, 1)]
        start = threading.Barrier(len(calls))

        def ingest(call):
            i, replica = call
            _, source, text = articles[i]
            with CrosscheckClient(addresses[replica], timeout=300) as client:
                start.wait()
                return i, client.ingest([article_from_text(text, source=source, published=DAY)])[0]

        with ThreadPoolExecutor(len(calls)) as pool:
            results = list(pool.map(ingest, calls))
        assert not [r.error for _, r in results if r.error]
        by_article: dict[int, list] = {}
        for i, result in results:
            by_article.setdefault(i, []).append(result)
        for i, pair in by_article.items():
            assert len({r.article_id for r in pair}) == 1, articles[i]
            assert sorted(r.created for r in pair) == [False, True]  # one replica stored it, the other found it

        with psycopg.connect(database) as conn:
            (rows,) = conn.execute("SELECT COUNT(*) FROM articles").fetchone()
            stories = dict(conn.execute("SELECT article_id, story_id FROM story_links").fetchall())
        assert rows == len(articles)
        ids = {i: pair[0].article_id for i, pair in by_article.items()}
        for event in EVENTS:
            members = {stories[ids[i]] for i, (e, _, _) in enumerate(articles) if e == event}
            assert len(members) == 1, (event, members)
        assert stories[ids[0]] != stories[ids[len(EVENTS["quake"])]]  # two events, two stories

        # A retry after a lost response, through the other replica: the stored article, its current story.
        _, source, text = articles[0]
        with CrosscheckClient(addresses[1], timeout=120) as client:
            (again,) = client.ingest([article_from_text(text, source=source, published=DAY)])
            assert (again.article_id, again.created) == (ids[0], False)
            assert again.story_id == stories[ids[0]]
            assert again.claim_count == by_article[0][0].claim_count
            listed = {s.id: len(s.articles) for s in client.list_stories().stories}
        with CrosscheckClient(addresses[0], timeout=120) as client:
            assert {s.id: len(s.articles) for s in client.list_stories().stories} == listed
        assert sorted(listed.values()) == sorted(len(reports) for reports in EVENTS.values())
    finally:
        for process, _ in replicas:
            process.terminate()
        for process, _ in replicas:
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
