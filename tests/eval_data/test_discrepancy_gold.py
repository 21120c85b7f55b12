"""The read discrepancy gold set stays true to the rebuilt ECB+ texts: every recorded span is in range and its
characters are the recorded value, every sentence span is a line of the text that holds the span, and the pairs
are the ones the seeded procedure chooses. Skips when the ECB+ data is not on this machine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.eval.ecbtext import rebuild

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "tests" / "eval" / "discrepancy_gold.json"
KINDS = {"DATE_MISMATCH", "NUMBER_MISMATCH", "QUOTE_WORDING", "QUOTE_ATTRIBUTION", "ROLE_MISMATCH",
         "CONTRADICTION", "NAME_SPELLING"}


def _data_root() -> Path | None:
    for candidate in (Path("/work/shared/data/ecbplus"), REPO.parent / "shared" / "data" / "ecbplus"):
        if candidate.is_dir():
            return candidate
    return None


ROOT = _data_root()
needs_data = pytest.mark.skipif(ROOT is None, reason="ECB+ data not found")
PAIRS = json.loads(GOLD.read_text(encoding="utf-8"))


def test_the_gold_file_is_well_formed():
    assert len(PAIRS) >= 45
    assert len({(p["a"], p["b"]) for p in PAIRS}) == len(PAIRS)
    for pair in PAIRS:
        assert pair["read"] is True
        assert pair["a"].endswith("ecbplus") and pair["b"].endswith("ecbplus")
        assert pair["a"].split("_")[0] == pair["b"].split("_")[0] == str(pair["topic"])
        for difference in pair["differences"]:
            assert difference["kind"] in KINDS
            assert difference["note"]
            for side in ("a", "b"):
                span, sentence = difference[side]["span"], difference[side]["sentence"]
                assert sentence[0] <= span[0] < span[1] <= sentence[1]


@needs_data
@pytest.mark.parametrize("pair", PAIRS, ids=[f"{p['a']}-{p['b']}" for p in PAIRS])
def test_every_span_is_the_recorded_text(pair):
    texts = {side: rebuild(ROOT / str(pair["topic"]) / f"{pair[side]}.xml") for side in ("a", "b")}
    for difference in pair["differences"]:
        for side, doc in texts.items():
            record = difference[side]
            start, end = record["span"]
            assert 0 <= start < end <= len(doc.text), (side, record)
            assert doc.text[start:end] == record["value"], (side, record)
            assert tuple(record["sentence"]) in {(s, e) for _, s, e in doc.lines}, (side, record)


@needs_data
def test_the_pairs_are_the_seeded_choice():
    from tests.eval.discrepancy_gold_pairs import choose_pairs

    assert choose_pairs(ROOT) == [(p["topic"], p["a"], p["b"]) for p in PAIRS]
