"""Attribution shapes around the quote's own sentence: possessive appositives, attributions closing a sentence,
participles and coordinated cues whose subject leads the clause, and quotes standing as sentences of their own
after the writer's sentence about their speaker."""

from __future__ import annotations

from service.records import Quote
from tests.quotes.test_attribution import quotes


def speaker_words(text: str, quote: Quote) -> str:
    assert quote.speaker_span is not None
    return quote.speaker_span.of(text)


def test_appositive_with_a_possessive_keeps_the_name_before_it() -> None:
    text = '"They are open to new things," Jenna Roe, Twitter’s director of political advertising, said.'
    (quote,) = quotes(text, "Jenna Roe")
    assert quote.speaker == "Jenna Roe"
    assert quote.cue == "said"


def test_direct_attribution_closing_the_sentence_after_a_partial_quote() -> None:
    text = (
        "Mark Doe said the turmoil was part of politics.\n\n"
        '"We show anger, we are alive, unlike the robots you will see" at the other convention, he said.'
    )
    (quote,) = quotes(text, "Mark Doe")
    assert speaker_words(text, quote) == "he"
    assert quote.speaker == "Mark Doe"
    assert quote.speaker_span is not None and quote.speaker_span.start > text.index("convention")


def test_the_person_told_is_not_the_speaker() -> None:
    text = (
        'Jane Roe hailed the vote as "fantastic," telling reporters during a visit to Scotland on Friday that it '
        'was "a great thing."'
    )
    found = quotes(text, "Jane Roe")
    assert found and all(q.speaker == "Jane Roe" for q in found)


def test_participle_after_a_clause_takes_the_clause_subject() -> None:
    text = 'Hours later, Mark Doe returned the compliment, telling Reuters, "He is an amazing man and a friend."'
    (quote,) = quotes(text, "Mark Doe")
    assert quote.speaker == "Mark Doe"
    assert quote.cue == "telling"


def test_cue_coordinated_with_an_earlier_verb_takes_the_clause_subject() -> None:
    text = 'Asked about it, Mark Doe looked into the camera, furrowed his brow and said, "I will endorse you!"'
    (quote,) = quotes(text, "Mark Doe")
    assert speaker_words(text, quote) == "Mark Doe"


def test_quote_after_a_sentence_about_someone_is_theirs() -> None:
    text = 'Buddy Roe praised the governor’s leadership in the storm. "We need someone who gets things done."'
    (quote,) = quotes(text, "Buddy Roe")
    assert quote.speaker == "Buddy Roe"


def test_quote_after_the_writers_she_says_is_attributed_to_that_mention() -> None:
    text = (
        "Gloria Roe, a nurse, was among those polled. She says people should use the bathroom they prefer. "
        '"It is their life; they are not hurting anybody."'
    )
    (quote,) = quotes(text, "Gloria Roe")
    assert speaker_words(text, quote) == "She"
    assert quote.speaker == "Gloria Roe"


def test_it_said_points_at_the_mention_without_naming_a_person() -> None:
    text = 'The campaign backtracked on Monday. In cases of abortion, it said, "the woman is a victim."'
    (quote,) = quotes(text)
    assert speaker_words(text, quote) == "it"
    assert quote.speaker == ""


def test_a_politicians_party_and_state_after_the_name_is_part_of_the_attribution() -> None:
    # Breitbart's and Politico's shapes (PolNeAR): "(R-OH), said", "(D-N.Y.) said", and after the quote
    cases = [
        ('After winning Ohio, Gov. John Kasich (R-OH), said, “I’m getting ready to rent a covered wagon.”',
         "John Kasich"),
        ('But Sen. Chuck Schumer (D-N.Y.) said: "If the Saudis did not participate, they should not fear."',
         "Chuck Schumer"),
        ('"We will not fund it," said Rep. Ted Poe (R-Texas).', "Ted Poe"),
    ]
    for text, name in cases:
        (quote,) = quotes(text, name)
        assert quote.speaker == name and quote.cue in ("said",) and quote.speaker_confident, text
