"""Stories re-formed around each arrival: the same articles in any order give the same stories."""

import datetime as dt
import itertools
import random

import numpy as np

from service.stories import RegionalClusterer, StoryDocument, StoryThresholds

DAY = dt.date(2013, 3, 25)


def _doc(article_id, vector, names=(), published=DAY):
    vector = np.asarray(vector, dtype=np.float64)
    return StoryDocument(article_id, article_id, "", tuple(names), published, vector / np.linalg.norm(vector))


def _partition(assignments):
    by_story = {}
    for article_id, assignment in assignments.items():
        by_story.setdefault(assignment.story_id, set()).add(article_id)
    return sorted(sorted(members) for members in by_story.values())


def _chain():
    """b sits between a and c: close to both, while a and c are far apart. Arrival order decides, for a
    clusterer that never revisits, whether b founds a story that a and c then join or split around."""
    return [
        _doc("a", [1.0, 0.0, 0.0, 0.0]),
        _doc("b", [0.75, 0.66, 0.0, 0.0]),
        _doc("c", [0.15, 0.99, 0.0, 0.0]),
        _doc("d", [0.0, 0.0, 1.0, 0.1]),
        _doc("e", [0.0, 0.05, 1.0, 0.0]),
    ]


def test_every_arrival_order_gives_the_same_stories():
    thresholds = StoryThresholds(story=0.6, name_weight=0.0)
    seen = set()
    for order in itertools.permutations(_chain()):
        clusterer = RegionalClusterer(thresholds)
        for doc in order:
            clusterer.assign(doc)
        seen.add(str(_partition(clusterer.assignments())))
        ids = {a.story_id for a in clusterer.assignments().values()}
        assert all(i.startswith("story-") for i in ids)
    assert len(seen) == 1
    assert "['d', 'e']" in seen.pop()


def test_a_joined_story_keeps_its_id_and_moves_are_reported():
    clusterer = RegionalClusterer(StoryThresholds(story=0.6, name_weight=0.0))
    first = clusterer.place(_doc("m", [1.0, 0.1, 0.0, 0.0]))
    second = clusterer.place(_doc("c", [1.0, 0.12, 0.0, 0.0]))
    assert first.assignment.story_id == second.assignment.story_id == "story-m"
    assert second.moved == ()
    # "b" lies between the story of m and c and the story of z, y and x: average linkage lets it join the nearer
    # story without chaining the two events into one, and nobody stored moves
    clusterer.place(_doc("z", [0.0, 0.1, 1.0, 0.0]))
    clusterer.place(_doc("y", [0.0, 0.1, 1.0, 0.05]))
    clusterer.place(_doc("x", [0.0, 0.1, 1.0, 0.1]))
    bridge = clusterer.place(_doc("b", [0.8, 0.1, 0.8, 0.0]))
    assert bridge.assignment.story_id == "story-m" and bridge.moved == ()
    assert {i: a.story_id for i, a in clusterer.assignments().items() if i in "zyx"} == dict.fromkeys("zyx", "story-z")


def test_an_article_that_splits_nothing_but_links_two_near_stories_reports_who_moved():
    clusterer = RegionalClusterer(StoryThresholds(story=0.6, name_weight=0.0))
    clusterer.place(_doc("p", [1.0, 0.0, 0.0]))
    clusterer.place(_doc("q", [0.5, 0.866, 0.0]))  # cosine 0.5 with p: apart
    joined = clusterer.place(_doc("a", [0.866, 0.5, 0.0]))  # 0.87 with both: the three average 0.74
    assert {x.story_id for x in clusterer.assignments().values()} == {joined.assignment.story_id}
    assert [m.article_id for m in joined.moved] == ["q"] or [m.article_id for m in joined.moved] == ["p"]


def test_articles_more_than_a_window_apart_never_share_a_story():
    clusterer = RegionalClusterer(StoryThresholds(story=0.6, name_weight=0.0))
    clusterer.assign(_doc("a", [1.0, 0.0], published=DAY))
    clusterer.assign(_doc("b", [1.0, 0.01], published=DAY + dt.timedelta(days=30)))
    assert len(_partition(clusterer.assignments())) == 2


def test_shuffled_real_sized_batches_agree():
    rng = np.random.default_rng(7)
    centres = rng.normal(size=(6, 16))
    docs = [_doc(f"id-{k:02d}", centres[k % 6] + 0.6 * rng.normal(size=16)) for k in range(36)]
    partitions = set()
    for seed in range(3):
        order = docs[:]
        random.Random(seed).shuffle(order)
        clusterer = RegionalClusterer(StoryThresholds(story=0.55, name_weight=0.0))
        for doc in order:
            clusterer.assign(doc)
        partition = _partition(clusterer.assignments())
        assert 3 <= len(partition) <= 12  # stories formed, neither all apart nor all one
        partitions.add(str(partition))
    assert len(partitions) == 1
