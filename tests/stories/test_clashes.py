"""Two events of one subject told apart by words that exclude each other: real-looking leads."""

import random

import numpy as np

from service.stories import RegionalClusterer, StoryAssignment, StoryDocument, StoryThresholds
from service.stories.clashes import opposed_pairs
from service.stories.terms import term_frequencies

# Two title defences of one champion, four years apart: the leads share the champion, the belts and the verbs,
# and differ in the challenger and the venue.
MANNHEIM = [
    "Wladimir Klitschko stopped Hasim Rahman in the seventh round in Mannheim to retain his heavyweight titles.",
    "Klitschko retained his IBF and WBO belts with a seventh-round stoppage of Hasim Rahman at the SAP Arena.",
    "Hasim Rahman never troubled Wladimir Klitschko, who won in the seventh round in Mannheim, Germany.",
    "Wladimir Klitschko defended his heavyweight crown by stopping the American Rahman in Mannheim.",
    "Referee Tony Weeks stopped the fight in the seventh round as Klitschko battered Hasim Rahman.",
    "Klitschko dominated a sluggish Rahman and retained the heavyweight titles in Mannheim on Saturday.",
    "Rahman, a former champion, was floored in the sixth and stopped in the seventh by Klitschko.",
    "Wladimir Klitschko kept his heavyweight belts with an easy win over Hasim Rahman in Germany.",
]
BERN = [
    "Wladimir Klitschko stopped Tony Thompson in the sixth round in Bern to retain his heavyweight titles.",
    "Klitschko retained his WBA, IBF and WBO belts with a sixth-round stoppage of Tony Thompson at Stade de Suisse.",
    "Tony Thompson never troubled Wladimir Klitschko, who won in the sixth round in Bern, Switzerland.",
    "Wladimir Klitschko defended his heavyweight crown by stopping the American Thompson in Bern.",
    "The referee stopped the rematch in the sixth round as Klitschko floored Tony Thompson twice.",
    "Klitschko dominated a slow Thompson and retained the heavyweight titles in Bern on Saturday.",
    "Thompson, a 40-year-old southpaw, was floored in the fifth and stopped in the sixth by Klitschko.",
    "Wladimir Klitschko kept his heavyweight belts with an easy win over Tony Thompson in Switzerland.",
]
# One event as several outlets tell it: each picks its own details (the interim coach, the record, the star
# signing), but none of them is a second event.
FIRING = [
    "The Philadelphia 76ers fired coach Maurice Cheeks on Saturday after a 9-14 start to the season.",
    "Maurice Cheeks was fired as head coach of the 76ers; assistant general manager Tony DiLeo takes over.",
    "The 76ers dismissed Maurice Cheeks on Saturday, with the team slumping despite signing Elton Brand.",
    "Philadelphia fired Maurice Cheeks hours before a home game, and Tony DiLeo will coach the rest of the season.",
    "Cheeks became the fifth NBA coach fired this season as the 76ers sat at 9-14 in the Atlantic Division.",
    "The Sixers parted ways with Maurice Cheeks on Saturday after losing eight of their last ten games.",
    "General manager Ed Stefanski fired Cheeks and named Tony DiLeo interim coach of the 76ers.",
    "Maurice Cheeks is out in Philadelphia: the 76ers fired him after Elton Brand failed to lift the team.",
    "The 76ers fired Maurice Cheeks on Saturday; Cheeks had signed a contract extension in September.",
    "Maurice Cheeks lost his job as 76ers coach on Saturday with the team 9-14 and out of the playoff places.",
]


def _words(leads):
    return [frozenset(term_frequencies(lead)) for lead in leads]


def test_articles_naming_different_challengers_of_one_champion_are_opposed():
    opposed = opposed_pairs(_words(MANNHEIM + BERN), 0.1)
    n = len(MANNHEIM)
    assert not opposed[:n, :n].any() and not opposed[n:, n:].any()
    # every Mannheim report against every Bern report that names what the other does not (all of them, here)
    assert opposed[:n, n:].all() and opposed[n:, :n].all()


def test_outlets_picking_different_details_of_one_event_are_not_opposed():
    assert not opposed_pairs(_words(FIRING), 0.1).any()


def test_the_test_turned_off_or_too_few_articles_opposes_nothing():
    assert not opposed_pairs(_words(MANNHEIM + BERN), 0.0).any()
    assert not opposed_pairs(_words(MANNHEIM[:2] + BERN[:2]), 0.1).any()


def _stream(seed):
    """Both defences, embedded (as their leads are) almost alike and naming the same champion."""
    rng = np.random.default_rng(seed)
    subject = rng.normal(size=16)
    docs = []
    for k, lead in enumerate(MANNHEIM + BERN):
        vector = subject + rng.normal(scale=0.15, size=16)
        docs.append(StoryDocument(f"a{k:02d}", "", lead, ("Wladimir Klitschko",), None, vector / np.linalg.norm(vector)))
    return docs


def _stories(docs, thresholds):
    clusterer = RegionalClusterer(thresholds)
    for doc in docs:
        clusterer.assign(doc)
    by_story = {}
    for article_id, assignment in clusterer.assignments().items():
        by_story.setdefault(assignment.story_id, set()).add(article_id)
    return sorted(sorted(members) for members in by_story.values())


def test_the_regional_clusterer_splits_two_defences_in_any_arrival_order():
    docs = _stream(7)
    mannheim = sorted(d.article_id for d in docs[: len(MANNHEIM)])
    bern = sorted(d.article_id for d in docs[len(MANNHEIM):])
    assert _stories(docs, StoryThresholds(clash_significance=0.0)) == [mannheim + bern]
    for seed in range(4):
        shuffled = list(docs)
        random.Random(seed).shuffle(shuffled)
        assert _stories(shuffled, StoryThresholds()) == [mannheim, bern]


def test_restored_articles_keep_their_words():
    """A clusterer that restores stored assignments compares the stored articles' words as it compared them
    when it placed them: the last Bern report joins the Bern story, not one of both defences."""
    docs = _stream(3)
    restored = RegionalClusterer()
    history = [(doc, StoryAssignment(doc.article_id, f"story-{doc.article_id}", "topic-x", 1.0)) for doc in docs[:-1]]
    restored.restore(history)
    story = restored.place(docs[-1]).assignment.story_id
    together = {i for i, assignment in restored.assignments().items() if assignment.story_id == story}
    assert together == {d.article_id for d in docs[len(MANNHEIM):]}
