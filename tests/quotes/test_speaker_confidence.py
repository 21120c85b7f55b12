"""Which speakers are sure enough to hold against another outlet's: named people, and pronouns no other person
could stand for."""

from __future__ import annotations

import re

from service.quotes import extract_quotes
from service.records import Quote, Span
from tests.quotes.seed_text import paragraphs


def quotes(text: str, *names: str) -> list[Quote]:
    persons = [Span(m.start(), m.end()) for name in names for m in re.finditer(re.escape(name), text)]
    return extract_quotes(text, paragraphs(text), person_spans=persons)


def test_a_named_person_in_the_attribution_is_confident() -> None:
    (quote,) = quotes('"We will keep the plant open until the end of the year," John Harper said on Monday.',
                      "John Harper")
    assert quote.speaker == "John Harper" and quote.speaker_confident


def test_he_said_right_after_the_named_speaker_is_confident() -> None:
    text = ('Coach Dan Riley said the team had trained hard all week.\n\n'
            '"We were ready for this game from the first minute," he said.')
    (quote,) = quotes(text, "Dan Riley")
    assert quote.speaker == "Dan Riley" and quote.speaker_confident


def test_he_said_after_a_sentence_about_another_man_is_not_confident() -> None:
    text = ('Coach Dan Riley said the team had trained hard all week.\n\n'
            'Striker Paul Evans was taken off with a knee injury in the second half.\n\n'
            '"We were ready for this game from the first minute," he said.')
    (quote,) = quotes(text, "Dan Riley", "Paul Evans")
    assert not quote.speaker_confident


def test_a_place_or_body_is_not_a_confident_speaker() -> None:
    (quote,) = quotes('"We will not accept any deployment near our borders," Moscow said on Friday.')
    assert not quote.speaker_confident


def test_sentence_initial_and_is_not_part_of_the_name() -> None:
    (quote,) = quotes('And Donald Trump said: "We are going to win so much you will be tired of winning."',
                      "Donald Trump")
    assert quote.speaker.split()[0] != "And"
