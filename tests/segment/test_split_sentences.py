import pytest

from service.ingest import prepare
from service.records import Span
from service.segment import split_sentences
from tests.ingest.seeds import SEED_IDS, seed_text

# Sentences a reader counts in each seed's body (a caption counts; a quote of two sentences counts two).
SENTENCE_COUNTS = {"000": 13, "001": 14, "002": 13, "003": 16, "004": 27}


def seed_sentences(seed: str):
    prepared = prepare(seed_text(seed))
    return prepared, split_sentences(prepared.clean, prepared.paragraphs)


def sentences_of(text: str) -> list[str]:
    return [s.text for s in split_sentences(text, [Span(0, len(text))])]


@pytest.mark.parametrize("seed", SEED_IDS)
def test_sentence_counts_per_seed(seed: str) -> None:
    _, sentences = seed_sentences(seed)
    assert len(sentences) == SENTENCE_COUNTS[seed]


@pytest.mark.parametrize("seed", SEED_IDS)
def test_sentences_are_trimmed_collapsed_and_in_order(seed: str) -> None:
    prepared, sentences = seed_sentences(seed)
    previous_end = 0
    for index, sentence in enumerate(sentences):
        raw = sentence.span.of(prepared.clean)
        assert sentence.index == index
        assert raw == raw.strip() and sentence.span.start >= previous_end
        assert sentence.text == " ".join(raw.split())
        assert prepared.paragraphs[sentence.paragraph].contains(Span(sentence.span.start, sentence.span.start + 1))
        previous_end = sentence.span.end


@pytest.mark.parametrize("seed", SEED_IDS)
def test_abbreviations_do_not_end_sentences(seed: str) -> None:
    _, sentences = seed_sentences(seed)
    for sentence in sentences:
        assert not sentence.text.endswith(("U.S.", "Nov.", "Mrs.", "Col.", "Gen."))
        assert sentence.text[0].isupper() or sentence.text[0] in "\"“‘("


def test_paragraph_broken_mid_sentence_is_one_sentence() -> None:
    prepared, sentences = seed_sentences("000")
    antonov = [s for s in sentences if "Anatoly" in s.text]
    assert len(antonov) == 1
    assert antonov[0].text.endswith('between deputy ministers," Anatoly Antonov, a deputy of Shoigu, said in comments carried by RIA-Novosti.')
    assert "\n\n" in antonov[0].span.of(prepared.clean)
    assert antonov[0].paragraph == 3


def test_dateline_belongs_to_the_first_sentence() -> None:
    _, sentences = seed_sentences("003")
    assert sentences[0].text.startswith("MOSCOW, April 23 (RIA Novosti) - Moscow and Washington")
    assert sentences[0].text.endswith("on Monday.")


def test_citation_after_a_quote_closes_the_sentence() -> None:
    _, sentences = seed_sentences("004")
    assert any(s.text.endswith('guarantees" (ITAR-Tass II, Nov. 19).') for s in sentences)
    assert any(s.text == '"We do not see any progress in the U.S. position," the Russian foreign policy chief continued.' for s in sentences)


def test_titles_initials_decimals_and_times() -> None:
    text = ("Dr. Smith met Gen. John W. Jones at 9 a.m. Monday in St. Louis. The rate rose 2.5 percent to 3.1 "
            "billion. Mrs. Rice arrived on Nov. 19 and left.")
    assert sentences_of(text) == [
        "Dr. Smith met Gen. John W. Jones at 9 a.m. Monday in St. Louis.",
        "The rate rose 2.5 percent to 3.1 billion.",
        "Mrs. Rice arrived on Nov. 19 and left.",
    ]


def test_acronym_ends_a_sentence_before_a_sentence_starter() -> None:
    assert sentences_of("The envoy flew to the U.S. He met officials there. U.S. Secretary Kerry spoke.") == [
        "The envoy flew to the U.S.", "He met officials there.", "U.S. Secretary Kerry spoke.",
    ]


def test_quotes() -> None:
    text = 'He said: "We will go." Then he left. "Why now?" she asked. “It is time.” They agreed.'
    assert sentences_of(text) == ['He said: "We will go."', "Then he left.", '"Why now?" she asked.', "“It is time.”", "They agreed."]


def test_short_paragraph_without_punctuation_is_not_joined() -> None:
    text = "Background\n\nThe talks began in 2011."
    sentences = split_sentences(text, [Span(0, 10), Span(12, len(text))])
    assert [s.text for s in sentences] == ["Background", "The talks began in 2011."]
    assert [s.paragraph for s in sentences] == [0, 1]


def test_headline_shaped_paragraph_is_not_joined_to_the_next() -> None:
    text = "Navy foils Somali pirate attack off Gulf of Aden\n\nThe Indian Navy said on Saturday it had foiled an attack."
    sentences = split_sentences(text, [Span(0, 48), Span(50, len(text))])
    assert len(sentences) == 2


def test_lower_case_continuation_is_joined() -> None:
    text = "The ministers said on Monday that the talks would resume in Geneva after\n\nthe holiday, officials said."
    sentences = split_sentences(text, [Span(0, 72), Span(74, len(text))])
    assert [s.text for s in sentences] == [
        "The ministers said on Monday that the talks would resume in Geneva after the holiday, officials said."
    ]
    assert sentences[0].paragraph == 0


# Tokenised corpora set a quote's closing mark apart from its full stop.
def test_a_closing_quote_set_apart_from_its_full_stop_ends_the_quoted_sentence() -> None:
    text = ('" We can grow our economy today , " Obama said , " and preserve the environment for our '
            'grandchildren . " The ruling was overturned on Tuesday .')
    assert sentences_of(text) == [
        '" We can grow our economy today , " Obama said , " and preserve the environment for our grandchildren . "',
        "The ruling was overturned on Tuesday .",
    ]
    assert sentences_of("“ It is over . ” Then he went home .") == ["“ It is over . ”", "Then he went home ."]


def test_a_quote_closed_after_its_full_stop_does_not_end_a_sentence_that_goes_on() -> None:
    assert sentences_of('" We will win . " he said . " We are ready . " The crowd cheered .') == [
        '" We will win . " he said .', '" We are ready . "', "The crowd cheered .",
    ]


def test_a_straight_quote_after_a_full_stop_that_opens_the_next_quote_stays_with_it() -> None:
    assert sentences_of('The minister spoke . " We will win , " he said .') == [
        "The minister spoke .", '" We will win , " he said .',
    ]
