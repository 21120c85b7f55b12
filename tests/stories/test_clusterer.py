import datetime as dt

import numpy as np

from service.stories import StoryClusterer, StoryDocument, StoryThresholds, capitalised_names


def _vector(*weights: float) -> np.ndarray:
    row = np.zeros(8)
    row[: len(weights)] = weights
    return row / np.linalg.norm(row)


def _doc(article_id, vector, names=(), published=None):
    return StoryDocument(article_id, article_id, "", tuple(names), published, vector)


MARCH = dt.date(2013, 3, 25)


def test_close_articles_form_one_story_and_distant_ones_new_topics():
    clusterer = StoryClusterer()
    first = clusterer.assign(_doc("a", _vector(1, 0.1), ["Shoigu"], MARCH))
    second = clusterer.assign(_doc("b", _vector(1, 0.15), ["shoigu"], MARCH + dt.timedelta(days=1)))
    other = clusterer.assign(_doc("c", _vector(0, 0, 1), ["Lohan"], MARCH))
    assert first.story_id == second.story_id == "story-a"
    assert first.similarity == 1.0 and 0.0 < second.similarity
    assert other.story_id == "story-c" and other.topic_id != first.topic_id


def test_same_subject_years_apart_is_a_new_story_of_the_same_topic():
    clusterer = StoryClusterer()
    first = clusterer.assign(_doc("a", _vector(1, 0.1), ["Shoigu"], MARCH))
    later = clusterer.assign(_doc("b", _vector(1, 0.1), ["Shoigu"], dt.date(2007, 4, 23)))
    assert later.story_id != first.story_id
    assert later.topic_id == first.topic_id


def test_looser_than_story_but_within_topic_threshold():
    thresholds = StoryThresholds(story=0.9, topic=0.5, name_weight=0.0, lexical_weight=0.0)
    clusterer = StoryClusterer(thresholds)
    first = clusterer.assign(_doc("a", _vector(1, 0)))
    near = clusterer.assign(_doc("b", _vector(1, 1)))  # cosine 0.71
    assert near.story_id != first.story_id and near.topic_id == first.topic_id


def test_same_order_same_result_and_restore_rebuilds_state():
    docs = [_doc(f"d{i}", _vector(1, 0.2 * (i % 3), 0.3 * (i % 2)), [f"N{i % 2}"]) for i in range(8)]
    live = StoryClusterer()
    first_run = [live.assign(d) for d in docs]
    second_run = StoryClusterer()
    assert [second_run.assign(d) for d in docs] == first_run

    restored = StoryClusterer()
    restored.restore(zip(docs[:5], first_run[:5]))
    assert [restored.assign(d) for d in docs[5:]] == first_run[5:]


def test_capitalised_names_skip_sentence_openers():
    names = capitalised_names("Russian and U.S. chiefs met. Officials at the Pentagon said Sergei Shoigu agreed.")
    assert "russian" not in names and "officials" not in names
    assert {"pentagon", "sergei", "shoigu"} <= set(names)


def test_undated_article_needs_more_than_the_story_threshold_to_join_a_dated_story():
    thresholds = StoryThresholds(story=0.5, topic=0.3, name_weight=0.0, lexical_weight=0.0, undated_story=0.85)
    near = _vector(1, 0.8)  # cosine 0.78 to _vector(1, 0): above the story threshold, below the undated one
    dated = StoryClusterer(thresholds)
    first = dated.assign(_doc("a", _vector(1, 0), published=MARCH))
    undated = dated.assign(_doc("b", near))
    assert undated.story_id != first.story_id and undated.topic_id == first.topic_id
    both_dated = StoryClusterer(thresholds)
    both_dated.assign(_doc("a", _vector(1, 0), published=MARCH))
    assert both_dated.assign(_doc("b", near, published=MARCH)).story_id == first.story_id


def test_rare_shared_words_pull_an_article_into_the_story_that_reports_them():
    # the embedding leans to the first story; the words shared with the second tell which event it reports
    thresholds = StoryThresholds(story=0.5, topic=0.0, name_weight=0.0, lexical_weight=0.5)
    clusterer = StoryClusterer(thresholds)
    vector = _vector(1, 0.1)
    rahman = clusterer.assign(StoryDocument("a", "Klitschko stops Rahman in Mannheim", "", (), None, vector))
    thompson = clusterer.assign(StoryDocument("b", "Klitschko stops Thompson in Bern", "", (), None, _vector(0, 1)))
    follow_up = clusterer.assign(StoryDocument("c", "Klitschko beats Thompson in sixth round in Bern", "", (), None,
                                               _vector(0.5, 0.5)))
    assert rahman.story_id != thompson.story_id
    assert follow_up.story_id == thompson.story_id


def test_shared_names_do_not_let_an_undated_article_into_a_dated_story():
    # same capitals and ministers years apart: the names match fully, the wording only moderately
    thresholds = StoryThresholds(story=0.5, topic=0.3, name_weight=0.2, lexical_weight=0.0, undated_story=0.85)
    near = _vector(1, 0.8)  # cosine 0.78; with the full name bonus the score is 0.98
    names = ["Moscow", "Washington"]
    clusterer = StoryClusterer(thresholds)
    first = clusterer.assign(_doc("a", _vector(1, 0), names, published=MARCH))
    undated = clusterer.assign(_doc("b", near, names))
    assert undated.story_id != first.story_id and undated.topic_id == first.topic_id
    paraphrase = clusterer.assign(_doc("c", _vector(1, 0.1), names))  # cosine 0.995
    assert paraphrase.story_id == first.story_id
