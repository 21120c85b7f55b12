"""On the seed articles, with the real model: 000 and 001 are one story; 002, 003 and 004 are other stories of
the same topic (US-Russian missile defence talks). Publication dates as the articles give them."""

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from service.stories import StoryAssignment, StoryClusterer, StoryDocument, capitalised_names

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

# title, and the opening words of the lead paragraph, as a reader finds them in each article
SEED_HEADS = {
    "000": ("U.S. and Russia Aim to Reconvene Stalled Missile Defense Talks", "WASHINGTON —", dt.date(2013, 3, 25)),
    "001": ("U.S., Russia aim to reconvene stalled missile defence talks", "MOSCOW/WASHINGTON", dt.date(2013, 3, 25)),
    "002": ("Russia invites US for missile talks", "Russia has invited", dt.date(2013, 3, 7)),
    "003": ("Russia, U.S. agree to continue dialogue on missile defense", "Moscow and Washington will", dt.date(2007, 4, 23)),
    "004": ("Russian, U.S. Foreign Policy Chiefs Discuss Missile Defense", "U.S. Secretary of State", dt.date(2011, 11, 21)),
}


def _head(name: str) -> tuple[str, str, dt.date]:
    text = next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")
    title, lead_start, published = SEED_HEADS[name]
    assert title in text
    start = text.index(lead_start)
    return title, text[start : text.index("\n", start)], published


@pytest.fixture(scope="module")
def documents() -> dict[str, StoryDocument]:
    try:
        from service.embed import SentenceTransformerEmbedder

        embedder = SentenceTransformerEmbedder()
    except Exception as exc:  # the model package is an optional extra
        pytest.skip(f"real model unavailable: {exc}")
    result = {}
    for name in sorted(SEED_HEADS):
        title, lead, published = _head(name)
        embedding = embedder.embed([f"{title}. {lead}"])[0]
        result[name] = StoryDocument(name, title, lead, capitalised_names(f"{title}. {lead}"), published, embedding)
    return result


def _cluster(documents: dict[str, StoryDocument]) -> dict[str, StoryAssignment]:
    clusterer = StoryClusterer()
    return {name: clusterer.assign(documents[name]) for name in sorted(documents)}


@pytest.fixture(scope="module")
def assignments(documents):
    return _cluster(documents)


def test_undated_003_stays_apart_from_the_dated_2013_story(documents):
    # 003 gives only "April 23" (no year), so the service stores no publication date for it
    undated = _cluster({**documents, "003": replace(documents["003"], published=None)})
    assert undated["003"].story_id != undated["000"].story_id
    assert undated["003"].topic_id == undated["000"].topic_id


def test_000_and_001_are_one_story(assignments):
    assert assignments["000"].story_id == assignments["001"].story_id


def test_002_003_004_are_each_their_own_story(assignments):
    stories = {assignments[n].story_id for n in ("000", "002", "003", "004")}
    assert len(stories) == 4


def test_all_five_share_one_topic(assignments):
    assert len({a.topic_id for a in assignments.values()}) == 1
