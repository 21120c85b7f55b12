"""Quotes and speakers on the seed articles, as a reader of them can check."""

from __future__ import annotations

import functools

import pytest

from service.quotes import compare_quotes, extract_quotes
from service.records import DiffCategory, DiffOp, FindingKind, Quote, QuoteKind, Severity
from tests.quotes.seed_text import paragraphs, quote_starting, seed


@functools.cache
def quotes_of(prefix: str) -> tuple[Quote, ...]:
    text = seed(prefix)
    return tuple(extract_quotes(text, paragraphs(text)))


@pytest.mark.parametrize("prefix, intermediary", [("000", "RIA-Novosti"), ("001", "RIA")])
def test_antonov_is_attributed_across_the_paragraph_break(prefix: str, intermediary: str) -> None:
    text = seed(prefix)
    quote = quote_starting(list(quotes_of(prefix)), "We are very interested")
    assert quote.speaker == "Anatoly Antonov"
    assert quote.intermediary == intermediary
    assert quote.speaker_title == "a deputy of Shoigu"
    assert quote.speaker_span is not None
    assert quote.speaker_span.of(text).split() == ["Anatoly", "Antonov"]


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_both_stavridis_quotes_go_to_james_stavridis(prefix: str) -> None:
    quotes = list(quotes_of(prefix))
    assert quote_starting(quotes, "We strongly disagree").speaker == "James Stavridis"
    assert quote_starting(quotes, "And").speaker == "James Stavridis"
    assert quote_starting(quotes, "And").cue == "wrote"


def test_british_single_quotes_and_pronoun_resolution_in_002() -> None:
    quotes = list(quotes_of("002"))
    for words in ("Missile defence will be", "good results", "We are not challenging"):
        quote = quote_starting(quotes, words)
        assert quote.speaker == "Valery Gerasimov", words
        assert quote.kind is QuoteKind.SPEECH
    # apostrophes inside a single-quoted stretch do not end it
    assert "NATO’s right" in quote_starting(quotes, "We are not challenging").text


def test_kislyak_quote_split_by_its_attribution_is_one_quote() -> None:
    quote = quote_starting(list(quotes_of("003")), "The American side")
    assert quote.speaker == "Sergei Kislyak"
    assert quote.speaker_title == "Russian deputy foreign minister"
    assert len(quote.parts) == 2
    assert quote.text.endswith("The dialogue will continue at the expert level.")


def test_putin_quotes_including_the_russian_leader() -> None:
    quotes = list(quotes_of("003"))
    for words in ("Mrs. [Condoleezza] Rice", "Other meetings", "a busy political season"):
        assert quote_starting(quotes, words).speaker == "Vladimir Putin", words


def test_lavrov_yesin_and_medvedev_in_004() -> None:
    quotes = list(quotes_of("004"))
    for words in ("As for the missile defense", "On the initiative", "We note that", "We do not see"):
        assert quote_starting(quotes, words).speaker == "Sergei Lavrov", words
    assert quote_starting(quotes, "We note that").intermediary == "ITAR-Tass"
    assert quote_starting(quotes, "It's no secret").speaker == "Victor Yesin"
    medvedev = quote_starting(quotes, "We will have to take")
    assert medvedev.speaker == "Dmitry Medvedev"
    assert medvedev.speaker_title == "president"


def test_antonov_wording_differs_by_a_function_word_only() -> None:
    a = quote_starting(list(quotes_of("000")), "We are very interested").text
    b = quote_starting(list(quotes_of("001")), "We are very interested").text
    comparison = compare_quotes(a, b)
    assert comparison.kind is FindingKind.QUOTE_WORDING
    assert comparison.severity is Severity.MINOR
    changes = {(e.a, e.b, e.category) for e in comparison.entries if e.op is not DiffOp.EQUAL}
    assert ("", "the", DiffCategory.FUNCTION_WORD) in changes
    assert (",", "", DiffCategory.PUNCTUATION) in changes
    assert ("defense", "defence", DiffCategory.SPELLING) in changes


def test_stavridis_bracket_styles_agree() -> None:
    a = quote_starting(list(quotes_of("000")), "And").text
    b = quote_starting(list(quotes_of("001")), "And").text
    comparison = compare_quotes(a, b)
    assert comparison.kind is FindingKind.AGREEMENT
    assert {e.category for e in comparison.entries if e.op is not DiffOp.EQUAL} == {DiffCategory.BRACKET}
