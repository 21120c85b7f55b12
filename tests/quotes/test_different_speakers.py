"""Two people's remarks on one subject are not one quote given to two people: differently attributed quotes
pair only when they say nearly the same words. Real sentences (two reports of the Endangered Species Act rule
being overturned) through the real extractor."""

from __future__ import annotations

from service.compare.quotes import quote_findings
from service.quotes import nearly_same_words, same_utterance
from service.records import FindingKind
from tests.extraction import extraction

OBAMA = (
    "President Barack Obama on Tuesday overturned a Bush administration rule on endangered species.\n\n"
    '"For more than three decades, the Endangered Species Act has successfully protected our nation\'s most '
    'threatened wildlife. We should be looking for ways to improve it, not weaken it," Obama said.\n'
)
LOCKE = (
    "Commerce Secretary Gary Locke said the old rule would be restored while the agencies review it.\n\n"
    '"For decades, the Endangered Species Act has protected threatened species and their habitats," said Locke.\n'
)
LOCKE_GIVEN_OBAMAS_WORDS = (
    "Commerce Secretary Gary Locke said the old rule would be restored while the agencies review it.\n\n"
    '"For more than three decades, the Endangered Species Act has successfully protected our nation\'s most '
    'threatened wildlife," said Locke.\n'
)


def test_two_peoples_remarks_on_one_act_are_not_one_quote() -> None:
    findings, _ = quote_findings(extraction(OBAMA, "wire a"), extraction(LOCKE, "wire b"))
    assert not {FindingKind.QUOTE_ATTRIBUTION, FindingKind.QUOTE_WORDING} & {f.kind for f in findings}


def test_one_remark_given_to_two_people_is_still_a_misattribution() -> None:
    findings, _ = quote_findings(extraction(OBAMA, "wire a"), extraction(LOCKE_GIVEN_OBAMAS_WORDS, "wire b"))
    (attribution,) = [f for f in findings if f.kind is FindingKind.QUOTE_ATTRIBUTION]
    assert "Obama" in attribution.explanation and "Locke" in attribution.explanation


def test_words_between_the_shared_ones_count_on_both_sides() -> None:
    obama = ("For more than three decades, the Endangered Species Act has successfully protected our nation's most "
             "threatened wildlife.")
    locke = "For decades, the Endangered Species Act has protected threatened species and their habitats,"
    assert same_utterance(obama, locke)  # the share of the shorter's words alone lets them pass
    assert not nearly_same_words(obama, locke)
    # a partial quotation and a one-word change are still nearly the same words
    assert nearly_same_words("the Endangered Species Act has successfully protected our nation's most threatened "
                             "wildlife", obama)
    assert nearly_same_words("We are deeply shocked by the unjust death of three of our citizens",
                             "We are all deeply shocked by the unjust death of three of our citizens")
