"""Attribution shapes beyond "…," X said: participles, colons, unnamed sources, pronouns and their gender,
quotes that a sentence of the writer's separates, and fragments that are not speech."""

from __future__ import annotations

import re

from service.quotes import extract_quotes
from service.quotes.reporting_verbs import reporting_verb_forms
from service.records import Quote, QuoteKind, Span
from tests.quotes.seed_text import paragraphs


def quotes(text: str, *names: str) -> list[Quote]:
    """Quotes of `text`, with every occurrence of `names` given as a PERSON entity."""
    persons = [Span(m.start(), m.end()) for name in names for m in re.finditer(re.escape(name), text)]
    return extract_quotes(text, paragraphs(text), person_spans=persons)


def test_she_said_skips_the_last_man_quoted() -> None:
    text = (
        "Hillary Clinton said she would win the state. Donald Trump said he would win it.\n\n"
        '"We will prevail," she said.\n\n'
        '"Not a chance," he said.'
    )
    found = quotes(text, "Hillary Clinton", "Donald Trump")
    assert [q.speaker for q in found] == ["Hillary Clinton", "Donald Trump"]


def test_participle_takes_the_subject_of_its_clause() -> None:
    text = 'Jane Roe released a statement on Tuesday saying, "We are confident of the outcome."'
    (quote,) = quotes(text, "Jane Roe")
    assert quote.speaker == "Jane Roe"
    assert quote.cue == "saying"


def test_colon_at_the_end_of_the_previous_paragraph_introduces_the_quote() -> None:
    text = "Mark Doe issued the following statement:\n\n“Our thoughts are with the families of the victims.”"
    (quote,) = quotes(text, "Mark Doe")
    assert quote.speaker == "Mark Doe"
    assert quote.kind is QuoteKind.SPEECH


def test_unnamed_source_after_an_inverted_cue() -> None:
    text = '"It was not a convincing argument," said one Democrat familiar with the talks.'
    (quote,) = quotes(text)
    assert quote.speaker_span is not None
    assert quote.speaker_span.of(text).startswith("one Democrat")
    assert quote.speaker == ""


def test_writer_sentence_between_two_quotes_keeps_them_apart() -> None:
    text = 'Jane Roe said the plan was "dead on arrival." She added: "It will not pass this year."'
    found = quotes(text, "Jane Roe")
    assert [q.text for q in found] == ["dead on arrival.", "It will not pass this year."]
    assert all(q.speaker == "Jane Roe" for q in found)


def test_quote_split_by_he_said_with_a_full_stop_stays_one_quote() -> None:
    text = '"We tried," John Smith said. "It did not work out."'
    (quote,) = quotes(text, "John Smith")
    assert len(quote.parts) == 2
    assert quote.speaker == "John Smith"


def test_second_partial_quote_of_a_sentence_shares_the_speaker() -> None:
    text = 'Michael Green said Iowa "has more of a historical resonance," while "Nevada is more of a newcomer."'
    found = quotes(text, "Michael Green")
    assert len(found) == 2
    assert all(q.speaker == "Michael Green" for q in found)


def test_clause_subject_of_an_unattributed_partial_quote() -> None:
    text = 'At a rally in Ohio, Jane Roe described the proposal as "a gift to the banks."'
    (quote,) = quotes(text, "Jane Roe")
    assert quote.kind is QuoteKind.SPEECH
    assert quote.speaker == "Jane Roe"


def test_unattributed_fragments_and_titles_are_not_speech() -> None:
    text = (
        "The bill, a \"half measure\" for the region, stalled in committee.\n\n"
        'Supporters appeared on "Meet the Press," and went home.'
    )
    assert [q.kind for q in quotes(text)] == [QuoteKind.SCARE, QuoteKind.SCARE]


def test_reporting_verbs_are_inflected_but_nouns_are_not_cues() -> None:
    forms = set(reporting_verb_forms())
    assert {"shot back", "tweeted", "tweets", "saying", "says", "told", "chanted", "reacted"} <= forms
    assert not {"state", "note", "report", "answer"} & forms


def test_an_organisation_opening_the_sentence_speaks_when_no_person_does() -> None:
    text = 'The petition accuses the campaign of "attempting to bully a former aide into silence."'
    (quote,) = quotes(text)
    assert quote.speaker_span is not None
    assert quote.speaker_span.of(text) == "The petition"


def test_a_possessive_before_a_noun_that_looks_like_a_cue_is_not_the_speaker() -> None:
    text = 'Mario Vargas Llosa told an audience last week that Trump\'s comments were "intolerable."'
    (quote,) = quotes(text, "Mario Vargas Llosa", "Trump")
    assert quote.speaker == "Mario Vargas Llosa"


def test_a_sentence_reporting_something_else_is_not_the_attribution_of_the_quote_before_it() -> None:
    text = ('"My client is ensconced in the bosom of that facility right now," Heller argued after a prosecutor '
            'objected. "She\'s in rehab right now. Nothing bad is going to happen." White said he was '
            '"completely blindsided" by the placement.')
    found = extract_quotes(text, paragraphs(text), person_spans=[])
    assert found[0].speaker == "Heller" and found[0].cue == "argued"


def test_a_title_case_headline_lends_no_longer_name_to_the_speaker() -> None:
    text = ("Ellen DeGeneres Returns to Host the Oscars\n\nTelevision icon Ellen DeGeneres will return to host "
            "the Oscars.\n\n“I am so excited to be hosting the Oscars for the second time,” said DeGeneres.")
    (quote,) = extract_quotes(text, paragraphs(text), person_spans=[])
    assert quote.speaker == "Ellen DeGeneres"
