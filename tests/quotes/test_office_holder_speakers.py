"""A name the NER model takes for a place is a person when an office title follows it and it speaks: places
take descriptions ("Kabul, the Afghan capital"), not offices. Real sentences (a Washington Post report on an
Oregon court case) through the real extractor."""

from __future__ import annotations

from service.compare.quotes import quote_findings
from service.nlp import load_nlp
from service.records import FindingKind
from tests.extraction import extraction

ACLU = (
    "Despite Santilli's extreme right-leaning views, his case has attracted the interest of First Amendment "
    "activists, including the ACLU of Oregon.\n\n"
    '"We think the government is in an overreach position," Matdos Santos, legal director for ACLU of Oregon, '
    "said over the phone. The ACLU won't be representing Santilli but plans to watch his case closely, dos "
    "Santos says.\n"
)


def _speech(text: str):
    return [q for claim in extraction(text).claims for q in claim.quotes]


def test_the_model_alone_takes_the_name_for_a_place() -> None:
    # the premise of the rule: without it, the speaker would be a place and never a confident one
    labels = {e.text: e.label_ for e in load_nlp()(ACLU).ents}
    assert labels.get("Matdos Santos") == "GPE"


def test_an_office_holder_tagged_as_a_place_is_a_confident_speaker() -> None:
    (quote, *_) = _speech(ACLU)
    assert quote.speaker == "Matdos Santos" and quote.speaker_confident


def test_the_same_words_given_to_someone_else_are_a_misattribution() -> None:
    other = ACLU.replace("Matdos Santos, legal director", "Peter Santilli, legal director")
    findings, _ = quote_findings(extraction(ACLU, "wire a"), extraction(other, "wire b"))
    (attribution,) = [f for f in findings if f.kind is FindingKind.QUOTE_ATTRIBUTION]
    assert "Santos" in attribution.explanation and "Santilli" in attribution.explanation


def test_a_place_with_a_description_still_does_not_speak_as_a_person() -> None:
    (quote,) = _speech('"We will not allow any foreign base on our soil," Kabul, the Afghan capital, said.\n')
    assert not quote.speaker_confident
