"""A definite description ("the officer", "the spokeswoman", "the 52-year-old") as a quote's speaker: only a
person the article introduced as what it describes, never the nearest name."""

from __future__ import annotations

import re

from service.quotes import extract_quotes
from service.quotes.descriptions import Described, describe, fits
from service.quotes.people import Mention
from service.records import Quote, Span
from tests.quotes.seed_text import paragraphs


def quotes(text: str, *names: str) -> list[Quote]:
    persons = [Span(m.start(), m.end()) for name in names for m in re.finditer(re.escape(name), text)]
    return extract_quotes(text, paragraphs(text), person_spans=persons)


def test_the_officer_is_not_a_name_the_tagger_found_among_the_pirates() -> None:
    # "Somani" (a misspelt demonym) is tagged a person; the officer quoted is the unnamed "naval officer".
    text = ("A five - boat pirate attack on merchant vessels transiting the Gulf of Aden was foiled by an Indian "
            "warship , capturing 26 Somani brigands on three of the skiffs , a naval officer said here Friday .\n"
            '"The warship immediately altered towards the suspicious vessels and challenged them , " the officer '
            "said , adding the pirate skiffs then reversed course and tried to flee the area .")
    (quote,) = quotes(text, "Somani")
    assert quote.speaker == "" and not quote.speaker_confident
    assert quote.speaker_title == "officer"


def test_the_officer_is_the_captain_the_article_introduced() -> None:
    text = ("Navy spokesman Captain Manohar Nambiar said the warship was on escort duty in the Gulf of Aden.\n\n"
            "Pirates from Somalia have attacked ships there for years.\n\n"
            '"The warship immediately altered towards the suspicious vessels and challenged them," the officer said.')
    (quote,) = quotes(text, "Manohar Nambiar")
    assert quote.speaker == "Manohar Nambiar" and quote.speaker_confident


def test_the_spokeswoman_skips_the_man_named_last() -> None:
    text = ("Jane Roe, the company's spokeswoman, said the plant would close in June.\n\n"
            "The union leader, Paul Evans, called the decision a betrayal of the workers.\n\n"
            '"We looked at every other option before we made this decision," the spokeswoman said.')
    found = quotes(text, "Jane Roe", "Paul Evans")
    assert [q.speaker for q in found] == ["Jane Roe"] and found[0].speaker_confident


def test_an_age_given_after_the_name_is_a_description() -> None:
    text = ("John Doe, 52, was driving home when the storm hit.\n\n"
            "His neighbour Tom Smith helped him out of the car.\n\n"
            '"I thought the roof would come down on us," the 52-year-old said.')
    (quote,) = quotes(text, "John Doe", "Tom Smith")
    assert quote.speaker == "John Doe"


def test_two_people_introduced_alike_leave_the_description_unsure() -> None:
    text = ("Senator Ann Lee and Senator Mary Ford both voted against the bill.\n\n"
            '"This bill will cost our state thousands of jobs," the senator said.')
    (quote,) = quotes(text, "Ann Lee", "Mary Ford")
    assert not quote.speaker_confident


def test_a_description_fits_its_head_and_its_country() -> None:
    captain = Described(Mention(Span(0, 1), "X"), frozenset({"indian", "navy", "spokesman", "captain"}))
    assert fits("the officer", captain) and fits("the spokesman", captain) and fits("the Indian spokesman", captain)
    assert not fits("the Russian officer", captain) and not fits("the minister", captain)


def test_a_clause_after_the_name_describes_no_one() -> None:
    text = "Tom Smith, who met the officer, said nothing."
    (found,) = describe(text, [Mention(Span(0, 9), "Tom Smith")]) or [None]
    assert found is None


def test_a_class_of_titles_covers_its_members() -> None:
    president = Described(Mention(Span(0, 1), "X"), frozenset({"president"}))
    assert fits("the Russian leader", president) and not fits("the officer", president)
