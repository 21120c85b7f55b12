"""The fact aligner over real extractions and the real model: the claim pairs it links report the same fact."""

import pytest

from service.align import FactAligner, load_fact_model
from service.align.facts import FACT_FEATURES, pair_matrix
from service.articles import build_article
from tests.fakes import FakeEmbedder
from service.extract import extract
from service.records import ArticleInput

QUAKE_A = (
    "Strong quake kills 12 on Chile coast\n"
    "May 3, 2013\n"
    "A 5.9-magnitude earthquake struck off the coast of Chile early Thursday, killing at least 12 people.\n\n"
    "The city council said it would meet on Monday to discuss the new budget for the harbour.\n\n"
    "Rescuers searched collapsed buildings in Valparaiso through the night."
)
QUAKE_B = (
    "Chile earthquake death toll rises to 12\n"
    "May 3, 2013\n"
    "Rescuers in Valparaiso searched collapsed buildings overnight for survivors.\n\n"
    "The 5.9-magnitude earthquake that struck Chile on Thursday killed 12 people, officials said.\n\n"
    "Football fans celebrated the national team's win in the capital on Sunday."
)


@pytest.fixture(scope="module")
def embedder():
    from service.embed import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder()


def _analysed(text: str, embedder=None):
    extraction = extract(build_article(ArticleInput(text=text), 1_000_000))
    return extraction, (embedder or FakeEmbedder(384)).embed([c.text for c in extraction.claims])


def test_committed_model_matches_the_features_this_code_computes():
    model = load_fact_model()
    assert model.feature_names == FACT_FEATURES
    assert 0.5 < model.threshold < 1.0


@pytest.mark.model
def test_links_the_claims_that_report_the_same_fact_and_nothing_unrelated(embedder):
    a, emb_a = _analysed(QUAKE_A, embedder)
    b, emb_b = _analysed(QUAKE_B, embedder)
    links = {(a.claims[p.a].text, b.claims[p.b].text) for p in FactAligner(load_fact_model()).align(a, emb_a, b, emb_b)}
    texts = [(x[:30], y[:30]) for x, y in links]
    assert ("A 5.9-magnitude earthquake str", "The 5.9-magnitude earthquake t") in texts
    assert ("Rescuers searched collapsed bu", "Rescuers in Valparaiso searche") in texts
    assert not any("council" in x or "Football" in y for x, y in links)


# One article tells the rescue in two sentences (who searched, and where), the other in one that holds both.
RESCUE_A = (
    "Chile quake toll rises\n"
    "May 3, 2013\n"
    "A 5.9-magnitude earthquake struck off the coast of Chile early Thursday, killing at least 12 people.\n\n"
    "Rescuers with dogs searched collapsed buildings in Valparaiso through the night.\n\n"
    "The rescuers pulled three survivors from a collapsed building in Valparaiso on Friday morning."
)
RESCUE_B = (
    "Twelve dead in Chile earthquake\n"
    "May 3, 2013\n"
    "The 5.9-magnitude earthquake that struck Chile on Thursday killed 12 people, officials said.\n\n"
    "Rescuers with dogs who searched collapsed buildings in Valparaiso through the night pulled three survivors "
    "from the rubble on Friday morning."
)


@pytest.mark.model
def test_a_fact_told_in_two_sentences_is_linked_to_the_one_sentence_that_tells_both(embedder):
    a, emb_a = _analysed(RESCUE_A, embedder)
    b, emb_b = _analysed(RESCUE_B, embedder)
    links = FactAligner(load_fact_model()).align(a, emb_a, b, emb_b)
    (rescue,) = [i for i, c in enumerate(b.claims) if c.text.startswith("Rescuers with dogs")]
    linked = {a.claims[p.a].text[:20] for p in links if p.b == rescue}
    assert linked == {"Rescuers with dogs s", "The rescuers pulled "}
    assert all(p.best for p in links if p.b == rescue)  # each sentence of A has the one of B as its best


def test_headline_is_a_claim_of_its_own_and_takes_part_in_alignment():
    a, _ = _analysed(QUAKE_A)
    assert a.claims[0].unit == "headline" and a.claims[0].text == "Strong quake kills 12 on Chile coast"
    assert all(c.unit == "body" and "Strong quake" not in c.text for c in a.claims[1:])
    assert "Chile" in [e.text for e in a.claims[0].entities]


def test_features_are_one_row_per_claim_pair():
    a, emb_a = _analysed(QUAKE_A)
    b, emb_b = _analysed(QUAKE_B)
    assert pair_matrix(a, emb_a, b, emb_b).shape == (len(a.claims), len(b.claims), len(FACT_FEATURES))


def test_committed_discrepancy_model_matches_its_features_and_gates_at_the_comparisons_cut():
    from service.align.facts import DISCREPANCY_FEATURES, load_discrepancy_model
    from service.compare.claims import DISCREPANCY_MIN_SCORE

    model = load_discrepancy_model()
    assert model.feature_names == DISCREPANCY_FEATURES and "articles_cosine" not in DISCREPANCY_FEATURES
    assert model.threshold == DISCREPANCY_MIN_SCORE


# The same fact in two reports, the toll given differently: a discrepancy when the aligner is sure the two claims
# are one claim told twice, and none when only the link scorer is.
TOLL_A = "Quake hits Chile\n\nThe 5.9-magnitude earthquake that struck Chile on Thursday killed 12 people, officials said."
TOLL_B = "Quake hits Chile\n\nThe 5.9-magnitude earthquake that struck Chile on Thursday killed 15 people, officials said."


@pytest.mark.model
def test_a_difference_is_called_a_discrepancy_by_the_discrepancy_scorer_not_by_the_link_score(embedder):
    from dataclasses import replace

    from service.align.facts import load_discrepancy_model
    from service.compare import Analysed, compare_articles
    from service.records import FindingKind

    a, emb_a = _analysed(TOLL_A, embedder)
    b, emb_b = _analysed(TOLL_B, embedder)
    items = [Analysed(a, emb_a), Analysed(replace(b, article=replace(b.article, source="wire b")), emb_b)]

    def numbers(aligner):
        return [f for f in compare_articles(items, aligner, by_story=False) if f.kind is FindingKind.NUMBER_MISMATCH]

    sure = FactAligner(load_fact_model())
    (toll,) = numbers(sure)
    assert {e.value for e in toll.evidence} == {"12 people", "15 people"}
    # a discrepancy scorer that is never sure: the link stays (so does the model's link score), the call goes
    never_sure = replace(load_discrepancy_model(), intercept=-50.0)
    assert not numbers(FactAligner(load_fact_model(), never_sure))
    assert FactAligner(load_fact_model(), never_sure).align(a, emb_a, b, emb_b)


def test_a_claim_copied_word_for_word_has_its_copy_as_its_best_counterpart(embedder):
    text = ("Kimberly-Clark said net rose to $108.8 million, or $1.35 a share, from $90.5 million, or $1.12 a share, a "
            "year ago. Sales rose 6.2% to $1.45 billion from $1.37 billion.\n\nIn the first nine months, profit rose "
            "10% to $313.2 million, or $3.89 a share, from $283.9 million, or $3.53 a share. Sales rose 6.7% to $4.27 "
            "billion from $4 billion.")
    a, emb_a = _analysed(text, embedder)
    b, emb_b = _analysed(text.replace("profit rose 10%", "profit rose 15%"), embedder)
    best = {(p.a, p.b) for p in FactAligner(load_fact_model()).align(a, emb_a, b, emb_b) if p.best}
    copies = {(i, j) for i, ca in enumerate(a.claims) for j, cb in enumerate(b.claims) if ca.text == cb.text}
    assert copies and copies <= best
    # the quarter's sales and the nine months' sales are two facts: neither is the other's best counterpart
    assert all(i == j for i, j in best) and len(best) == len(a.claims)
