"""A speaker named by surname takes the full name the article gives the person, not a run of capitalised words
that a headline or a sentence's first word glued to it."""

from __future__ import annotations

import re

from service.people.names import same_person
from service.quotes import extract_quotes
from service.records import Span
from tests.quotes.seed_text import paragraphs


def speakers(text: str, *names: str) -> list[str]:
    persons = [Span(m.start(), m.end()) for name in names for m in re.finditer(re.escape(name), text)]
    return [q.speaker for q in extract_quotes(text, paragraphs(text), person_spans=persons)]


def test_a_title_case_headline_with_a_figure_lends_no_name() -> None:
    text = ("Ellen DeGeneres To Host 86th Oscars\n\n"
            "Ellen DeGeneres will host the Academy Awards next year, the Academy said on Friday.\n\n"
            '"I am so excited to be hosting the Oscars for the second time," DeGeneres said.')
    assert speakers(text, "Ellen DeGeneres To Host", "Ellen DeGeneres", "DeGeneres") == ["Ellen DeGeneres"]


def test_the_full_name_the_article_repeats_beats_one_glued_to_a_sentence_opener() -> None:
    text = ("Ellen DeGeneres will host the Academy Awards next year.\n\n"
            "Choosing DeGeneres, known for her gentler humor, signals a safe show.\n\n"
            "Ellen DeGeneres hosted the show in 2007.\n\n"
            '"I am so excited to be hosting the Oscars for the second time," DeGeneres said.')
    assert speakers(text, "Ellen DeGeneres", "Choosing DeGeneres", "DeGeneres") == ["Ellen DeGeneres"]


def test_a_name_without_its_first_given_name_is_the_same_person() -> None:
    assert same_person("Boone Isaacs", "Cheryl Boone Isaacs")
    assert same_person("Garcia Marquez", "Gabriel Garcia Marquez")
    assert not same_person("Laura Bush", "George Bush") and not same_person("Jim Mills", "Jim Miller")


def test_the_portfolio_left_of_a_title_is_not_part_of_the_name() -> None:
    assert same_person("Commerce Gary Locke", "Gary Locke") and same_person("Interior Ken Salazar", "Salazar")
    assert not same_person("Commerce Gary Locke", "Barack Obama")
