import pytest

from service.polarity import Contradiction, contradiction_cue, polarity
from service.records import Span


def whole(text: str) -> Span:
    return Span(0, len(text))


def test_seed_no_meetings_is_negated_by_no() -> None:
    text = (
        "There have been no meetings at the deputy minister level since 2011, when six were held, "
        "a U.S. defense official said Monday."
    )
    result = polarity(text, whole(text))
    assert result.negated and result.cue == "no"
    assert result.cue_span is not None and result.cue_span.of(text) == "no"


def test_seed_refusal_is_a_negation() -> None:
    text = "The Obama administration has refused this demand."
    result = polarity(text, whole(text))
    assert result.negated and result.cue == "refused"


def test_cue_span_is_into_the_whole_text() -> None:
    text = "Intro sentence. The talks were not held on Monday."
    result = polarity(text, Span(16, len(text)))
    assert result.cue_span is not None and result.cue_span.of(text) == "not"


@pytest.mark.parametrize(
    "text",
    [
        "Both presidents expressed satisfaction with the current level of political dialogue.",
        "It's no secret that the dialogue is at a standstill.",
        "There is no doubt that the talks will continue.",
        "Not only did they meet, but they agreed on a plan.",
        "The man who did not come to the talks was angry.",
        "The talks went ahead whether or not Russia agreed.",
        "Russia agreed to continue the dialogue.",
    ],
)
def test_assertions_are_not_negated(text: str) -> None:
    assert not polarity(text, whole(text)).negated


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("We do not see any progress in the U.S. position.", "not"),
        ("Moscow didn't comment on the plan.", "n't"),
        ("Nobody attended the meeting.", "Nobody"),
        ("Neither side commented on the visit.", "Neither"),
        ("He has never visited Moscow.", "never"),
        ("Russia declined to comment.", "declined"),
        ("The ministry denied the report.", "denied"),
        ("Lawmakers failed to reach a deal.", "failed"),
        ("NATO rejected the proposal.", "rejected"),
    ],
)
def test_negations_of_the_main_predicate(text: str, cue: str) -> None:
    result = polarity(text, whole(text))
    assert result.negated and result.cue == cue


def test_double_negation_asserts() -> None:
    assert not polarity("Russia did not refuse the offer.", whole("Russia did not refuse the offer.")).negated


def test_contradiction_names_each_cue() -> None:
    found = contradiction_cue("The talks were held on Monday.", "The talks were not held on Monday.")
    assert isinstance(found, Contradiction)
    assert (found.cue_a, found.cue_b) == ("", "not")
    assert found.explanation


def test_two_negated_claims_do_not_contradict() -> None:
    assert contradiction_cue("The talks were not held on Monday.", "No talks were held on Monday.") is None
    assert contradiction_cue("Russia refused the demand.", "Russia did not accept the demand.") is None


def test_existential_denial_contradicts_the_event() -> None:
    found = contradiction_cue("There have been no meetings since 2011.", "Meetings were held in 2012.")
    assert found is not None and found.cue_a == "no"


def test_refusal_contradicts_agreement() -> None:
    assert contradiction_cue("The administration refused the demand.", "The administration accepted the demand.")
    assert contradiction_cue("Russia refused to sign the treaty.", "Russia signed the treaty.")
    assert contradiction_cue("Russia agreed to sign the treaty.", "Russia declined to sign the treaty.")


def test_same_verb_about_different_things_is_not_a_contradiction() -> None:
    assert contradiction_cue("The man is not playing the guitar.", "The man is playing the piano.") is None
    assert contradiction_cue("A woman is not boiling shrimps.", "A woman is combing her hair.") is None


def test_negation_outside_the_main_predicate_does_not_contradict() -> None:
    assert contradiction_cue(
        "The official who did not attend said the talks were held.", "The talks were held."
    ) is None


def test_a_copula_saying_different_things_of_one_subject_is_no_contradiction() -> None:
    a = ("The trade says that Ross' negotiations with LionsGate the first time around weren't so hot either, "
         "an inside source calling it \"a terrible experience.\"")
    b = ("And negotiations for him to do the first movie were \"a terrible experience,\" says a source with "
         "knowledge of the discussions.")
    assert contradiction_cue(a, b) is None


def test_a_copula_denying_what_the_other_asserts_is_a_contradiction() -> None:
    found = contradiction_cue("The driver of the bus was not guilty of the crash, a jury said.",
                              "The driver of the bus was guilty of the crash, a jury said.")
    assert found is not None and found.cue_a == "not"


def test_a_question_denies_nothing() -> None:
    # "Why don't you ..." urges; it neither asserts nor denies that they will
    assert contradiction_cue("“Why don’t you all surprise them on Tuesday?”", "Voters surprised them on Tuesday.") is None
    assert contradiction_cue("Why didn't the police act sooner?", "The police acted sooner.") is None


def test_quote_marks_alone_do_not_change_a_claims_polarity() -> None:
    curly = "“We don’t accept the ruling,” the minister said."
    straight = '"We don’t accept the ruling," the minister said.'
    assert contradiction_cue(curly, straight) is None
    assert contradiction_cue(straight, '"We accept the ruling," the minister said.') is not None
