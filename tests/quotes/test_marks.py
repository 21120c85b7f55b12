"""Finding quotes in constructed paragraphs: marks, apostrophes, splits, paragraphs, scare quotes."""

from __future__ import annotations

from service.quotes import extract_quotes
from service.records import QuoteKind
from tests.quotes.seed_text import paragraphs


def quotes(text: str):
    return extract_quotes(text, paragraphs(text), person_spans=[])


def test_straight_quotes_and_split_attribution_make_one_quote() -> None:
    text = 'Officials met on Monday.\n\n"We are," Jane Doe said, "very interested."'
    (quote,) = quotes(text)
    assert quote.text == "We are, very interested."
    assert len(quote.parts) == 2
    assert quote.speaker == "Jane Doe"
    assert quote.span.of(text) == '"We are," Jane Doe said, "very interested."'


def test_colon_introduced_quote() -> None:
    (quote,) = quotes("The minister said: “We will not back down.”")
    assert quote.text == "We will not back down."
    assert quote.cue == "said"
    assert quote.speaker_span is not None


def test_apostrophes_are_not_quote_marks() -> None:
    text = "NATO’s plan and Russia’s answer: we’ve seen it before, the envoy’s aide said."
    assert quotes(text) == []


def test_unbalanced_mark_neither_crashes_nor_swallows_later_quotes() -> None:
    text = (
        "He said “this never closes.\n\n"
        "A plain paragraph without any quotation.\n\n"
        "“Later words,” John Smith said."
    )
    found = quotes(text)
    assert found[-1].text == "Later words,"
    assert found[-1].speaker == "John Smith"
    assert all("plain paragraph" not in q.text for q in found)


def test_quote_running_over_paragraphs_that_reopen_marks() -> None:
    text = "“First paragraph of the speech.\n\n“Second paragraph of it.\n\n“Last one,” Mary Major said."
    (quote,) = quotes(text)
    assert len(quote.parts) == 3
    assert quote.speaker == "Mary Major"
    assert quote.text.startswith("First paragraph") and quote.text.endswith("Last one,")


def test_scare_quotes_and_titles() -> None:
    found = quotes('The so-called "Phased Adaptive Approach" was dropped. Critics call it a "Trojan Horse" now.')
    assert [q.kind for q in found] == [QuoteKind.SCARE, QuoteKind.SCARE]


def test_partial_quote_with_a_cue_is_speech() -> None:
    (quote,) = quotes('Medvedev said any response would be "sensible and adequate" in his view.')
    assert quote.kind is QuoteKind.SPEECH
    assert quote.speaker == "Medvedev"


def test_nested_quotes_stay_inside() -> None:
    (quote,) = quotes("“He told me ‘never again’ and left,” Ann Lee said.")
    assert quote.text == "He told me ‘never again’ and left,"


def test_a_quote_closed_in_the_next_paragraph_runs_on_into_it() -> None:
    text = ("Producers announced the host.\n\n“I am so excited to be hosting the Oscars for the second time.\n\n"
            "You know what they say - the third time's the charm,” said DeGeneres.")
    (quote,) = quotes(text)
    assert quote.text == ("I am so excited to be hosting the Oscars for the second time. "
                          "You know what they say - the third time's the charm,")
    assert quote.speaker == "DeGeneres" and quote.cue == "said"


def test_an_unclosed_quote_is_not_carried_into_a_paragraph_that_opens_its_own() -> None:
    text = ('He walked in and said "we are here.\n\n'
            'He told Parliament that " a demonstration is one thing and murder is quite another. "')
    found = quotes(text)
    assert [q.text for q in found] == ["we are here.", "a demonstration is one thing and murder is quite another."]


def test_treebank_double_quotes_are_quotation_marks() -> None:
    text = ("Crown Prince Hassan declined to discuss details, but said: ``I don't think that his majesty would be "
            "traveling at this crucial moment if the Iraqi leadership did not have a rational approach.''")
    (quote,) = quotes(text)
    assert quote.text.startswith("I don't think that his majesty") and quote.text.endswith("approach.")
    assert quote.kind is QuoteKind.SPEECH
