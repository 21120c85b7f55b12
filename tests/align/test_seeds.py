"""On the seed articles, with the real model: 000 (Moscow Times) and 001 (Reuters) report the same facts."""

import re
from pathlib import Path

import pytest

from service.align.aligner import align_claims
from service.align.scorer import load_scorer

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _sentences(name: str) -> list[str]:
    text = next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")
    text = re.sub(r"\n(?=[a-z])", " ", text)  # 000 breaks one quote's attribution across lines
    pieces = re.split(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])|\n+", text)
    return [p.strip() for p in pieces if len(p.split()) >= 6]


@pytest.fixture(scope="module")
def alignment():
    try:
        from service.embed import SentenceTransformerEmbedder

        embedder = SentenceTransformerEmbedder()
    except Exception as exc:  # the model package is an optional extra
        pytest.skip(f"real model unavailable: {exc}")
    a, b = _sentences("000"), _sentences("001")
    pairs = align_claims(a, embedder.embed(a), b, embedder.embed(b), load_scorer())
    return a, b, [(a[p.a], b[p.b]) for p in pairs]


@pytest.mark.parametrize(
    "in_000, in_001",
    [
        ("There have been no meetings", "There have been no meetings"),
        ("14 new anti-missile interceptors", "14 new anti-missile interceptors"),
        ("We are very interested", "We are very interested"),
    ],
)
def test_same_fact_aligns(alignment, in_000, in_001):
    _, _, pairs = alignment
    assert any(in_000 in x and in_001 in y for x, y in pairs)


def test_nothing_aligns_with_the_photo_caption_or_the_credits(alignment):
    _, _, pairs = alignment
    unrelated = ("speaks in front of the Russian flag", "Reporting by Gabriela Baczynska")
    assert not [y for _, y in pairs if any(u in y for u in unrelated)]


def test_every_aligned_pair_of_001_is_the_best_counterpart_it_has(alignment):
    a, b, pairs = alignment
    # the two articles carry the same paragraphs in the same order: no 000 sentence should pair with a 001
    # sentence from a different paragraph topic, e.g. the Ryabkov statement with the Stavridis quote
    for x, y in pairs:
        assert not ("Ryabkov" in x and "Stavridis" in y)
        assert not ("Stavridis" in x and "Ryabkov" in y)
