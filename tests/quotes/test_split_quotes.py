"""One outlet's quote given by the other as two quotes: the second is compared with the rest of the first.
Real sentences (two reports of one Indian Navy operation) through the real extractor."""

from __future__ import annotations

from service.compare.quotes import quote_findings
from service.records import FindingKind
from tests.extraction import extraction

ONE_QUOTE = (
    "An Indian warship on Thursday intercepted three boats with 26 Somali pirates in the Gulf of Aden.\n\n"
    '"The warship immediately altered towards the suspicious vessels and challenged them. While two of them '
    "managed to escape, INS Sukanya successfully intercepted the remaining three and carried out "
    'boarding-and-search action," said Captain Manohar Nambiar, a Navy spokesman.\n'
)
TWO_QUOTES = (
    "An Indian warship foiled a five-boat pirate attack in the Gulf of Aden on Thursday.\n\n"
    '"The warship immediately altered towards the suspicious vessels and challenged them," a Navy officer said.\n\n'
    '"While two of the skiffs and its crew managed to get away, Sukanya successfully intercepted the remaining '
    "three skiffs and carried out well-practiced and professionally executed boarding-and-search action. During "
    'the operation, six rifles were found and confiscated," the officer said.\n'
)


def test_the_second_quote_is_compared_with_the_rest_of_the_quote_the_first_begins() -> None:
    a, b = extraction(TWO_QUOTES, "wire a"), extraction(ONE_QUOTE, "wire b")
    findings, _ = quote_findings(a, b)
    wording = [f for f in findings if f.kind is FindingKind.QUOTE_WORDING]
    assert len(wording) == 1
    (finding,) = wording
    assert "get away" in finding.explanation and "escape" in finding.explanation
    evidence_a = finding.evidence[0].span.of(a.article.text)
    assert evidence_a.startswith('"While two of the skiffs')
    # the rest of a quote adds no second speaker comparison, and the same holds from the other side
    assert FindingKind.QUOTE_ATTRIBUTION not in {f.kind for f in findings}
    reverse, _ = quote_findings(b, a)
    assert [f.kind for f in reverse].count(FindingKind.QUOTE_WORDING) == 1


def test_a_quote_whose_rest_nothing_renders_is_compared_once() -> None:
    only_first = TWO_QUOTES.split("\n\n")[0] + "\n\n" + TWO_QUOTES.split("\n\n")[1] + "\n"
    findings, _ = quote_findings(extraction(only_first, "wire a"), extraction(ONE_QUOTE, "wire b"))
    assert [f.kind for f in findings] == [FindingKind.AGREEMENT]


def test_an_editors_bracketed_name_is_no_sign_of_one_utterance() -> None:
    from service.quotes.matching import same_utterance

    # the speaker's words are "the purposes of the": a name an editor supplies in brackets is in every quote of the story
    assert not same_utterance("the purposes of the [ Endangered Species Act ]",
                              "The new rules weaken the scientific foundation of the Endangered Species Act and make "
                              "it easier to base decisions on politics instead of science.")
    assert same_utterance("And [we] feel that the system is clearly designed to protect populations against Iran",
                          "And (we) feel that the system is clearly designed to protect populations against Iran")
