"""Wording comparison, overlap and speaker identity on constructed quotes."""

from __future__ import annotations

from service.quotes import compare_quotes, quote_overlap, same_speaker
from service.records import DiffCategory, DiffOp, FindingKind, Severity


def categories(a: str, b: str) -> set[DiffCategory]:
    return {e.category for e in compare_quotes(a, b).entries if e.op is not DiffOp.EQUAL}


def test_identical_quotes_agree_with_one_equal_run() -> None:
    comparison = compare_quotes("We strongly disagree.", "We strongly disagree.")
    assert comparison.kind is FindingKind.AGREEMENT and comparison.severity is Severity.INFO
    assert [e.op for e in comparison.entries] == [DiffOp.EQUAL]


def test_changed_content_word_is_major() -> None:
    comparison = compare_quotes("We strongly disagree with the plan.", "We strongly oppose the plan.")
    assert comparison.kind is FindingKind.QUOTE_WORDING
    assert comparison.severity is Severity.MAJOR
    assert DiffCategory.CONTENT_WORD in categories("We strongly disagree with the plan.", "We strongly oppose the plan.")


def test_negation_is_major() -> None:
    comparison = compare_quotes("we agree", "we do not agree")
    assert comparison.severity is Severity.MAJOR
    assert DiffCategory.NEGATION in categories("we agree", "we do not agree")


def test_changed_number_is_major() -> None:
    assert compare_quotes("14 interceptors", "40 interceptors").severity is Severity.MAJOR
    assert categories("14 interceptors", "40 interceptors") == {DiffCategory.NUMBER}


def test_fragment_agrees() -> None:
    comparison = compare_quotes("good results", "Russia and NATO have achieved good results in many areas")
    assert comparison.kind is FindingKind.AGREEMENT
    assert comparison.fragment


def test_spelling_and_case_variants_agree() -> None:
    comparison = compare_quotes("The talks were cancelled, it signalled", "the talks were canceled, it signaled")
    assert comparison.kind is FindingKind.AGREEMENT
    assert categories("The talks were cancelled, it signalled", "the talks were canceled, it signaled") == {
        DiffCategory.CASE, DiffCategory.SPELLING}


def test_editorial_bracket_insertion_agrees() -> None:
    comparison = compare_quotes("not targeted against missile [shield]", "not targeted against missile")
    assert comparison.kind is FindingKind.AGREEMENT
    assert categories("not targeted against missile [shield]", "not targeted against missile") == {DiffCategory.BRACKET}


def test_quote_overlap() -> None:
    assert quote_overlap("strongly disagree", "We strongly DISAGREE.") == 1.0
    assert quote_overlap("missile defence talks", "missile defense talks") == 1.0
    assert quote_overlap("we agree", "they refuse") == 0.0
    assert 0.0 < quote_overlap("we agree on talks", "we refuse talks") < 1.0
    assert quote_overlap("", "anything") == 0.0


def test_same_speaker() -> None:
    assert same_speaker("Antonov", "Anatoly Antonov")
    assert not same_speaker("Antonov", "Lavrov")
    assert not same_speaker("", "")
    assert not same_speaker("", "Antonov")


def test_two_remarks_sharing_a_frame_are_not_one_utterance() -> None:
    from service.quotes import same_utterance

    assert not same_utterance("The man is frightened", "The man is a wreck")
    assert same_utterance("We will keep the plant open until June", "We will keep the plant open until July")
    assert same_utterance("good results", "Russia and NATO have achieved good results in many areas")


def test_compound_and_hyphenation_variants_are_spelling() -> None:
    for a, b in [("send us an email today", "send us an e-mail today"),
                 ("the new data center opens", "the new datacenter opens"),
                 ("up 5 per cent on the year", "up 5 percent on the year"),
                 ("we have six reactors", "we have 6 reactors")]:
        comparison = compare_quotes(a, b)
        assert comparison.kind is FindingKind.AGREEMENT, (a, b)
        assert categories(a, b) == {DiffCategory.SPELLING}, (a, b)


def test_a_partial_quote_of_the_same_words_is_never_major() -> None:
    full = "We will not close the plant, and 300 jobs are safe until 2020"
    for part in ("We will not close the plant", "and 300 jobs are safe until 2020"):
        comparison = compare_quotes(part, full)
        assert comparison.kind is FindingKind.AGREEMENT and comparison.fragment


def test_a_moved_possessive_apostrophe_is_spelling() -> None:
    result = compare_quotes(
        "I completely understand the Greek population's anger, its incomprehension at the size of the effort",
        "I completely understand the Greek populations' anger, its incomprehension at the size of the effort",
    )
    assert result.kind is FindingKind.AGREEMENT
    assert [e.category for e in result.entries if e.op is not DiffOp.EQUAL] == [DiffCategory.SPELLING]


def test_its_against_its_contraction_is_still_a_difference() -> None:
    result = compare_quotes("it's a great day for the party", "its a great day for the party")
    assert result.kind is FindingKind.QUOTE_WORDING


def test_a_quote_cut_at_a_sentence_end_is_a_fragment_despite_its_punctuation() -> None:
    result = compare_quotes(
        "The warship immediately altered towards the suspicious vessels and challenged them,",
        "The warship immediately altered towards the suspicious vessels and challenged them. While two of them "
        "managed to escape, INS Sukanya successfully intercepted the remaining three and carried out "
        "boarding-and-search action,",
    )
    assert result.kind is FindingKind.AGREEMENT and result.fragment
    assert {e.category for e in result.entries if e.op is not DiffOp.EQUAL} <= {DiffCategory.OMISSION,
                                                                                 DiffCategory.PUNCTUATION}


def test_a_quote_that_stops_earlier_before_a_shared_comma_is_an_omission() -> None:
    result = compare_quotes(
        "I am so excited to be hosting the Oscars for the second time,",
        "I am so excited to be hosting the Oscars for the second time. You know what they say - the third "
        "time's the charm,",
    )
    assert result.kind is FindingKind.AGREEMENT


def test_an_apostrophe_written_apart_is_spelling() -> None:
    # A tokenised source writes "time ’ s"; the same words elsewhere read "time's".
    comparison = compare_quotes("You know what they say - the third time ’ s the charm.",
                                "You know what they say - the third time's the charm.")
    assert comparison.kind is FindingKind.AGREEMENT
    assert compare_quotes("the third time's the charm", "the third time is the charm").severity is Severity.MAJOR


def test_an_ordinal_in_figures_or_in_words_is_one_word_written_two_ways() -> None:
    from service.quotes import compare_quotes

    same = compare_quotes(
        "By rolling back this 11th hour regulation, we are ensuring that threatened and endangered species "
        "continue to receive the full protection of the law",
        "By rolling back this eleventh-hour regulation, we are ensuring that threatened and endangered species "
        "continue to receive the full protection of the law")
    assert same.kind.name == "AGREEMENT"
    changed = compare_quotes("this 11th hour regulation will stand", "this twelfth hour regulation will stand")
    assert changed.kind.name == "QUOTE_WORDING" and changed.severity.name == "MAJOR"
