"""One table of abbreviated titles and ranks, read alike by the splitters, the tokenizer, names and roles."""

import pytest

from service.abbreviations import WRITTEN_FORMS, expand, office_or_rank
from service.nlp import load_nlp
from service.people.mentions import entities_from_doc
from service.people.names import same_person
from service.people.roles import compatible_roles, normalise_role
from service.quotes.sentences import sentence_spans
from service.records import Span
from service.segment import split_sentences


@pytest.mark.parametrize(
    ("short", "full"),
    [("Sen.", "senator"), ("Lt.", "lieutenant"), ("Sgt", "sergeant"), ("Supt.", "superintendent"),
     ("Cmdr.", "commander"), ("Det.", "detective"), ("Pvt.", "private"), ("Adm.", "admiral")],
)
def test_short_forms_expand(short: str, full: str) -> None:
    assert expand(short) == full == office_or_rank(short)


def test_honorifics_name_no_office_and_other_words_are_left_alone() -> None:
    assert office_or_rank("Dr.") == "" and office_or_rank("Mr.") == ""
    assert expand("Lieutenant") == "lieutenant" and office_or_rank("Lieutenant") == ""


# PolNeAR (West Journal, 2016): a quote, then "Sen." with its name.
SANDERS = ("“When people respond by the millions to your message, then that message is now mainstream,” Sen. "
           "Sanders said recently. “That changes political reality.")


@pytest.mark.parametrize("title", ["Sen.", "Lt. Gov.", "Sgt.", "Capt.", "Det. Insp.", "Cmdr.", "Pvt."])
def test_no_sentence_ends_after_an_abbreviated_title(title: str) -> None:
    text = f"The report was read out by {title} Mark Rowley on Monday. He took no questions."
    sentences = [s.text for s in split_sentences(text, [Span(0, len(text))])]
    assert sentences == [f"The report was read out by {title} Mark Rowley on Monday.", "He took no questions."]
    spans = [text[s.start : s.end].strip() for s in sentence_spans(text, Span(0, len(text)))]
    assert spans == sentences


def test_both_splitters_keep_sen_with_the_name_after_a_quote() -> None:
    expected = SANDERS.index("“That")
    assert [s.span.start for s in split_sentences(SANDERS, [Span(0, len(SANDERS))])] == [0, expected]
    assert [s.start for s in sentence_spans(SANDERS, Span(0, len(SANDERS)))][-1] in (expected, expected - 1)


@pytest.mark.parametrize("form", ["Lt.", "Sgt.", "Capt.", "Cpl.", "Insp.", "Det.", "Supt."])
def test_the_tokenizer_keeps_each_abbreviation_one_token(form: str) -> None:
    assert form in WRITTEN_FORMS
    doc = load_nlp()(f"Police said {form} John Miller was hurt.")
    assert form in [t.text for t in doc]


def test_the_tokenizer_still_splits_a_sentence_final_acronym() -> None:
    doc = load_nlp()("The company filed its report with the SEC.")
    assert [t.text for t in doc][-2:] == ["SEC", "."]


@pytest.mark.parametrize(
    ("a", "b"),
    [("Sen. Bernie Sanders", "Senator Sanders"), ("Lt. Col. Oliver North", "Lieutenant Colonel Oliver North"),
     ("Det. Insp. Jane Roe", "Jane Roe"), ("Pvt. Bradley Manning", "Bradley Manning")],
)
def test_an_abbreviated_title_is_not_part_of_the_name(a: str, b: str) -> None:
    assert same_person(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Lt. Gov.", "Lieutenant Governor"), ("Sen.", "Senator"), ("Supt.", "Superintendent"),
     ("Cmdr.", "Commander"), ("U.S. Sen.", "United States Senator")],
)
def test_abbreviated_and_written_out_offices_normalise_alike(a: str, b: str) -> None:
    assert normalise_role(a) == normalise_role(b) != ""


def test_a_rank_abbreviated_or_not_is_no_office() -> None:
    assert normalise_role("Lt.") == normalise_role("Lieutenant") == ""
    assert normalise_role("Lt. Col.") == normalise_role("Maj. Gen.") == ""


def test_lieutenant_before_an_office_makes_another_office() -> None:
    assert normalise_role("Lt. Gov.") == "lieutenant governor"
    assert not compatible_roles(normalise_role("Lt. Gov."), normalise_role("Gov."))
    assert compatible_roles(normalise_role("Lt. Gov."), normalise_role("Lieutenant Governor"))


@pytest.mark.parametrize("space", [" ", "\u00a0"])
def test_a_no_break_space_joins_title_and_name_like_a_space(space: str) -> None:
    text = SANDERS.replace("Sen. ", "Sen." + space)
    doc = load_nlp()(text)
    (sanders,) = [e for e in entities_from_doc(doc, [Span(0, len(text))]) if "Sanders" in e.text]
    assert (sanders.title, sanders.role) == ("Sen.", "senator")
    assert sanders.title_span is not None and text[sanders.title_span.start : sanders.title_span.end] == "Sen."


def test_an_abbreviated_rank_before_a_name_is_its_title() -> None:
    text = "Lt. Gov. Mike Smith said the state would appeal the ruling, and Sgt. John Miller agreed with him."
    doc = load_nlp()(text)
    titles = {e.text: (e.title, e.role) for e in entities_from_doc(doc, [Span(0, len(text))])}
    assert titles["Mike Smith"] == ("Lt. Gov.", "lieutenant governor")
    assert titles["John Miller"] == ("Sgt.", "")
