import json
from dataclasses import replace

import numpy as np
import pytest

from service.align.features import FEATURE_NAMES, pair_features
from service.align.scorer import best_threshold, fit_scorer, load_scorer, scorer_from_dict, scorer_to_dict
from service.errors import ModelError


def _feature(name: str, a: str, b: str, cosine: float = 0.5) -> float:
    return float(pair_features(a, b, cosine)[FEATURE_NAMES.index(name)])


def test_feature_vector_has_one_value_per_name():
    assert pair_features("a b", "c d", 0.3).shape == (len(FEATURE_NAMES),)


def test_conflicting_numbers_including_number_words():
    assert _feature("number_conflict", "Six meetings were held.", "Seven meetings were held.") == 1.0
    assert _feature("number_jaccard", "Six meetings were held.", "6 meetings were held.") == 1.0
    assert _feature("number_conflict", "14 interceptors in 2013", "14 interceptors") == 0.0


def test_negation_mismatch():
    assert _feature("negation_mismatch", "The talks will continue.", "The talks will not continue.") == 1.0
    assert _feature("negation_mismatch", "The talks will continue.", "Talks are to continue.") == 0.0


def test_inflections_share_stems_and_shared_names_count():
    assert _feature("stem_jaccard", "meetings canceled", "meeting canceled") == 1.0
    assert _feature("name_jaccard", "He met Sergei Shoigu.", "They saw Sergei Shoigu.") == 1.0


def test_shipped_scorer_loads_and_prefers_paraphrases():
    scorer = load_scorer()
    assert 0.0 < scorer.threshold < 1.0
    same = pair_features("Hagel assured Shoigu the talks would continue.",
                         "Hagel assured Shoigu that the talks would continue.", 0.95)
    different = pair_features("Hagel assured Shoigu the talks would continue.",
                              "Gerasimov invited Dempsey to Moscow in May.", 0.35)
    high, low = scorer.score(np.stack([same, different]))
    assert high >= scorer.threshold > low


def test_scorer_round_trips_through_json(tmp_path):
    rng = np.random.default_rng(0)
    x = rng.standard_normal((200, len(FEATURE_NAMES)))
    y = (x[:, 0] + 0.1 * rng.standard_normal(200) > 0).astype(int)
    scorer = replace(fit_scorer(x, y), threshold=0.4)
    path = tmp_path / "scorer.json"
    path.write_text(json.dumps(scorer_to_dict(scorer)))
    loaded = load_scorer(path)
    assert np.allclose(loaded.score(x), scorer.score(x))
    assert np.mean(loaded.accepts(x) == (y == 1)) > 0.9


def test_scorer_with_other_features_is_refused():
    data = scorer_to_dict(load_scorer())
    data["feature_names"] = ["cosine"]
    with pytest.raises(ModelError):
        scorer_from_dict(data)


def test_best_threshold_separates_separable_scores():
    scores = np.array([0.1, 0.2, 0.3, 0.7, 0.8, 0.9])
    labels = np.array([0, 0, 0, 1, 1, 1])
    assert 0.3 < best_threshold(scores, labels) < 0.7
