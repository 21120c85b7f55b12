import pytest

from service.claims import split_claims
from service.ingest import prepare
from service.records import Sentence, Span
from service.segment import split_sentences
from tests.ingest.seeds import SEED_IDS, seed_text


def claims_of(text: str) -> list[str]:
    sentence = Sentence(index=0, span=Span(0, len(text)), text=text)
    return [span.of(text) for span in split_claims(text, sentence)]


def seed_claims(seed: str, sentence_start: str) -> list[str]:
    prepared = prepare(seed_text(seed))
    sentence = next(s for s in split_sentences(prepared.clean, prepared.paragraphs) if s.text.startswith(sentence_start))
    return [span.of(prepared.clean) for span in split_claims(prepared.clean, sentence)]


def test_independent_coordinated_clauses_are_split() -> None:
    assert claims_of("Moscow is demanding a legally binding pledge, and the Obama administration has refused this demand.") == [
        "Moscow is demanding a legally binding pledge",
        "the Obama administration has refused this demand.",
    ]


def test_clauses_with_a_semicolon_are_split() -> None:
    assert claims_of("The ministers met in Geneva on Monday; they agreed to meet again in May.") == [
        "The ministers met in Geneva on Monday",
        "they agreed to meet again in May.",
    ]


def test_comment_participle_becomes_its_own_claim() -> None:
    assert seed_claims("000", "He called for further dialogue") == [
        "He called for further dialogue",
        "noting that Moscow still had concern that U.S. missile defenses could threaten its security.",
    ]


def test_shared_subject_is_not_split() -> None:
    (claim,) = seed_claims("000", "The news came after a March 16 announcement")
    assert claim.endswith("would have been deployed in Europe.")


def test_clauses_under_one_reporting_verb_stay_together() -> None:
    (claim,) = seed_claims("000", "The Pentagon said that Russian Defense Minister")
    assert claim.startswith("The Pentagon said that") and claim.endswith("Jim Miller.")


def test_quote_with_its_attribution_stays_one_claim() -> None:
    (claim,) = seed_claims("002", "‘Missile defence will be one")
    assert claim.endswith("said at a meeting with foreign military attaches.")
    (claim,) = seed_claims("002", "‘We are not challenging")
    assert claim.endswith("he said.")


def test_dateline_is_left_out_of_the_claim() -> None:
    (claim,) = seed_claims("003", "MOSCOW, April 23 (RIA Novosti)")
    assert claim.startswith("Moscow and Washington will continue a dialogue")
    (claim,) = seed_claims("000", "WASHINGTON")
    assert claim.startswith("Russian and U.S. defense chiefs")


@pytest.mark.parametrize("seed", SEED_IDS)
def test_claims_are_ordered_non_empty_spans_inside_their_sentence(seed: str) -> None:
    prepared = prepare(seed_text(seed))
    for sentence in split_sentences(prepared.clean, prepared.paragraphs):
        claims = split_claims(prepared.clean, sentence)
        assert claims
        previous_end = sentence.span.start
        for claim in claims:
            assert sentence.span.contains(claim) and len(claim) > 0
            assert claim.start >= previous_end
            text = claim.of(prepared.clean)
            assert text == text.strip()
            previous_end = claim.end


def test_capitals_before_a_hyphen_are_not_a_dateline() -> None:
    (claim,) = claims_of("NATO - Russia talks resumed in Brussels on Monday after a long pause.")
    assert claim.startswith("NATO - Russia")
