"""Speakers the NER model mislabels or runs into other words, read as the people they are, and sure enough to
hold against another outlet's speaker. Real sentences (Washington Post, Politico and HuffPost reports of
PolNeAR) through the real extractor.

- A name taken for a place is a person when an office title follows it and it speaks: places take descriptions
  ("Kabul, the Afghan capital"), not offices.
- A person's name inside an organisation entity ("Meenakshi Ganguly of Human Rights Watch", "Commentary's Noah
  Rothman") is a name of its own, which a person cue must still confirm.
- A profession before a name is a title ("chief strategist Guy Cecil").
- Where capitalised title words run into the name, the recogniser's person says where the name starts
  ("Maricopa County Recorder Helen Purcell").
"""

from __future__ import annotations

import pytest

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


def _quotes(text: str, words: str = ""):
    return [q for claim in extraction(text).claims for q in claim.quotes if words in q.text]


def test_the_model_alone_takes_the_name_for_a_place() -> None:
    # the premise of the rule: without it, the speaker would be a place and never a confident one
    labels = {e.text: e.label_ for e in load_nlp()(ACLU).ents}
    assert labels.get("Matdos Santos") == "GPE"


def test_an_office_holder_tagged_as_a_place_is_a_confident_speaker() -> None:
    (quote, *_) = _quotes(ACLU)
    assert quote.speaker == "Matdos Santos" and quote.speaker_confident


def test_the_same_words_given_to_someone_else_are_a_misattribution() -> None:
    other = ACLU.replace("Matdos Santos, legal director", "Peter Santilli, legal director")
    findings, _ = quote_findings(extraction(ACLU, "wire a"), extraction(other, "wire b"))
    (attribution,) = [f for f in findings if f.kind is FindingKind.QUOTE_ATTRIBUTION]
    assert "Santos" in attribution.explanation and "Santilli" in attribution.explanation


def test_a_place_with_a_description_still_does_not_speak_as_a_person() -> None:
    (quote,) = _quotes('"We will not allow any foreign base on our soil," Kabul, the Afghan capital, said.\n')
    assert not quote.speaker_confident


def _speaker_of(text: str, words: str):
    (quote,) = _quotes(text, words)
    return quote


def test_a_name_of_a_body_entity_is_a_person_of_its_own() -> None:
    text = ('"People stood hours in line in the sun and celebrated yesterday, and today there is a huge '
            'disappointment because their vote didn\'t count," said Meenakshi Ganguly of Human Rights Watch, who '
            "observed voting in Kachin state.\n")
    assert ("Meenakshi Ganguly of Human Rights Watch", "ORG") in {(e.text, e.label_) for e in load_nlp()(text).ents}
    quote = _speaker_of(text, "stood hours")
    assert quote.speaker == "Meenakshi Ganguly" and quote.speaker_confident
    people = {e.text for c in extraction(text).claims for e in c.entities if e.kind.value == "PERSON"}
    assert people == {"Meenakshi Ganguly"}


def test_a_body_named_with_of_stays_a_body() -> None:
    text = '"We will not pay the bonuses this year," the Royal Bank of Scotland said on Monday.\n'
    quote = _speaker_of(text, "bonuses")
    assert not quote.speaker_confident


@pytest.mark.parametrize("text, words, name", [
    # a name after an outlet's possessive
    ("Reporters know they’re being spun, but they go with it anyway. “It’ll annoy Rubio detractors that his "
     "expectations management game worked, he overperformed, and it’ll have an impact in his coverage,” "
     "Commentary’s Noah Rothman tweeted Friday.\n", "annoy Rubio", "Noah Rothman"),
    # a profession before a name is a person's title
    ("In a statement, Priorities USA chief strategist Guy Cecil said: “Karl Rove and the Republicans are "
     "trying to interfere in the Iowa Democratic caucus because they don’t want to run against Hillary "
     "Clinton in November.”\n", "Karl Rove", "Guy Cecil"),
    # title words run into the name, which ends where the recogniser's person begins
    ('"We made some horrendous mistakes, and I apologize for that," Maricopa County Recorder Helen Purcell '
     "said during a contentious hearing in Arizona after the primary.\n", "horrendous", "Helen Purcell"),
], ids=["outlet's possessive", "profession", "title words"])
def test_a_mislabelled_name_is_a_confident_speaker(text: str, words: str, name: str) -> None:
    quote = _speaker_of(text, words)
    assert quote.speaker == name and quote.speaker_confident
