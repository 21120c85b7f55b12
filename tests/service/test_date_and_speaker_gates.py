"""Gates before a date or speaker difference is called: the dates must date one event, and both speakers must be
named by the quote's own attribution. Real sentences through the real extractor (spaCy, no embedding model)."""

from __future__ import annotations

from service.compare.dated_events import dated_events, same_dated_event
from service.compare.quotes import quote_findings
from service.records import FindingKind
from tests.extraction import extraction


def _dated(text: str, words: str = ""):
    """The claim with a date, and its date (the one written `words`, when given)."""
    (claim,) = [c for c in extraction(text).claims if c.times]
    return claim, next(t for t in claim.times if words in t.text)


def test_two_dates_of_one_election_calendar_date_different_events() -> None:
    a = _dated("Parliamentary elections in Turkmenistan which are planned for December 15, 2013, will be held on "
               "a two-party basis, a message from the election commission said.")
    b = _dated("It is expected that the start of the campaign for this election will be announced on October 5, "
               "2013, in Turkmenistan.")
    assert not same_dated_event(*a, *b)


def test_the_same_sentence_with_another_day_dates_the_same_event() -> None:
    a = _dated("An Indian warship on Thursday intercepted three boats with 26 Somali pirates and foiled an attack.")
    b = _dated("An Indian warship on Friday intercepted three boats with 26 Somali pirates and foiled an attack.")
    assert same_dated_event(*a, *b)


def test_a_date_dates_the_verbs_coordinated_with_its_own() -> None:
    claim, time = _dated("An Indian warship on Thursday intercepted three boats with 26 Somali pirates in the Gulf "
                         "of Aden and foiled an attack on merchant vessels.")
    assert {"intercept", "foil"} <= dated_events(claim, time)


def test_a_speaker_carried_over_from_an_earlier_quote_is_no_misattribution() -> None:
    a = extraction('Producers announced the host on Friday.\n\n"We are thrilled to have Ellen DeGeneres host the '
                    'Oscars," said Craig Zadan and Neil Meron.', "wire a")
    b = extraction('Ellen DeGeneres spoke first. "I am so excited," said DeGeneres.\n\n'
                    '"We are thrilled to have Ellen DeGeneres host the Oscars."', "wire b")
    findings, _ = quote_findings(a, b)
    assert findings and FindingKind.QUOTE_ATTRIBUTION not in {f.kind for f in findings}


def _aligned(text_a: str, text_b: str):
    from service.compare.claims import AlignedClaims
    from service.records import PartialDate

    def one(text: str, source: str):
        found = extraction(text, source, PartialDate(1998, 2, 13))
        (claim,) = [c for c in found.claims if c.times]
        return found, claim

    return AlignedClaims(*one(text_a, "wire a"), *one(text_b, "wire b"), score=0.99)


def test_several_dates_pair_off_when_the_others_agree() -> None:
    from service.compare.claims import compare_aligned

    pair = _aligned("Two new flights would leave Bombay on Monday and Tuesday nights from March 30, it said.",
                    "Two new flights would leave Bombay on Monday and Friday nights from March 30, it said.")
    (finding,) = compare_aligned(pair)
    assert finding.kind is FindingKind.DATE_MISMATCH
    assert [e.span.of(text) for e, text in zip(finding.evidence, (pair.a.article.text, pair.b.article.text))] \
        == ["Tuesday", "Friday"]


def test_several_dates_with_none_agreeing_are_not_paired_by_position() -> None:
    from service.compare.claims import compare_aligned

    pair = _aligned("Nomination of candidates for the national parliament will take place from October 16 to "
                    "November 14.",
                    "The election, which is scheduled for December 15, was announced on Friday, the commission "
                    "said.")
    assert FindingKind.DATE_MISMATCH not in {f.kind for f in compare_aligned(pair)}


def test_today_inside_a_quote_is_not_held_against_the_other_reports_today() -> None:
    from service.compare.claims import AlignedClaims, compare_aligned
    from service.records import PartialDate

    def one(text: str, source: str, day: int):
        found = extraction(text, source, PartialDate(2009, 3, day))
        return found, found.claims[-1]

    pair = AlignedClaims(
        *one('"We can grow our economy today," Obama said, "and preserve the environment for our children."', "a", 4),
        *one('"We can grow our economy today and preserve the environment for our children," Obama said.', "b", 3),
        score=0.97)
    assert FindingKind.DATE_MISMATCH not in {f.kind for f in compare_aligned(pair)}


def test_a_difference_with_a_near_best_link_only_is_no_discrepancy_but_agreement_still_counts() -> None:
    from dataclasses import replace

    from service.compare.claims import compare_aligned

    differing = _aligned("Two new flights would leave Bombay on Monday nights from March 30, it said.",
                         "Two new flights would leave Bombay on Friday nights from March 30, it said.")
    assert FindingKind.DATE_MISMATCH in {f.kind for f in compare_aligned(differing)}
    assert compare_aligned(replace(differing, best=False)) == []
    agreeing = _aligned("Two new flights would leave Bombay on Monday nights from March 30, it said.",
                        "From March 30 two more flights will leave Bombay on Monday nights, the airline said.")
    assert [f.kind for f in compare_aligned(replace(agreeing, best=False))] == [FindingKind.AGREEMENT]


def test_a_date_under_a_preposition_at_the_root_of_the_parse_is_read_without_looping() -> None:
    import signal

    def stuck(*_):
        raise TimeoutError("dated_events did not return")

    # the parse makes "Until" the root: the climb from the date over prepositions must stop there
    previous = signal.signal(signal.SIGALRM, stuck)
    signal.alarm(20)
    try:
        claim, time = _dated("Until December 15, 2013 for the election of the new parliament in Ashgabat.")
        events = dated_events(claim, time)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert events == frozenset({"until"})


def _aligned_at(text_a: str, day_a: int, text_b: str, day_b: int, score: float):
    """The dated claims of two one-paragraph articles of November 2011, linked at `score`."""
    from service.compare.claims import AlignedClaims
    from service.records import PartialDate

    def one(text: str, source: str, day: int):
        found = extraction(text, source, PartialDate(2011, 11, day))
        (claim,) = [c for c in found.claims if c.times]
        return found, claim

    return AlignedClaims(*one(text_a, "wire a", day_a), *one(text_b, "wire b", day_b), score=score)


PIRATES_FRIDAY = ("An Indian warship foiled a five-boat pirate attack on merchant vessels transiting the Gulf of "
                  "Aden on Friday capturing 26 Somali brigands on three of the skiffs.")
PIRATES_THURSDAY = ("An Indian warship on Thursday intercepted three boats with 26 Somali pirates in the Gulf of "
                    "Aden and foiled an attack on merchant vessels.")


def test_two_named_days_of_one_event_are_a_mismatch_on_a_link_below_the_wording_gate() -> None:
    from service.compare.claims import DISCREPANCY_MIN_SCORE, SLOT_MIN_SCORE, compare_aligned

    score = (SLOT_MIN_SCORE + DISCREPANCY_MIN_SCORE) / 2
    pair = _aligned_at(PIRATES_FRIDAY, 12, PIRATES_THURSDAY, 12, score)
    (finding,) = compare_aligned(pair)
    assert finding.kind is FindingKind.DATE_MISMATCH
    assert [e.span.of(text) for e, text in zip(finding.evidence, (pair.a.article.text, pair.b.article.text))] \
        == ["Friday", "Thursday"]
    # below the aligner's own threshold the link is not one fact, whatever the dates say
    from dataclasses import replace
    assert compare_aligned(replace(pair, score=SLOT_MIN_SCORE - 0.05)) == []


def test_a_deictic_date_keeps_the_wording_gate() -> None:
    from dataclasses import replace

    from service.compare.claims import DISCREPANCY_MIN_SCORE, SLOT_MIN_SCORE, compare_aligned

    pair = _aligned_at(PIRATES_FRIDAY.replace("on Friday", "today"), 11,
                       PIRATES_THURSDAY.replace("on Thursday", "yesterday"), 9, DISCREPANCY_MIN_SCORE)
    assert FindingKind.DATE_MISMATCH in {f.kind for f in compare_aligned(pair)}
    assert compare_aligned(replace(pair, score=(SLOT_MIN_SCORE + DISCREPANCY_MIN_SCORE) / 2)) == []


def test_one_act_told_with_two_verbs_dates_one_event() -> None:
    a = _dated("More than 1,300 federal and independent scientists with biological expertise and three leading "
               "scientific societies today called on the Interior and Commerce departments to overturn rule "
               "changes.")
    b = _dated("In a related story, 1,300 biologists and three scientific societies representing some 20,000 "
               "scientists sent separate letters last Friday to the Interior and Commerce departments urging them "
               "to overturn the last-minute Bush rule changes.")
    assert not dated_events(*a) & dated_events(*b)
    assert same_dated_event(*a, *b)


def test_the_same_people_doing_something_else_to_someone_else_is_another_event() -> None:
    a = _dated("More than 1,300 scientists today called on the Interior and Commerce departments to overturn "
               "rule changes.")
    b = _dated("More than 1,300 scientists met reporters last Friday in Washington.")
    assert not same_dated_event(*a, *b)


def test_a_date_in_a_clause_with_its_own_subject_does_not_date_the_verb_above() -> None:
    a = _dated("King decided to fire O'Brien, who still has two years left on the contract he signed when he was "
               "hired by the Sixers on April 21, 2004.", "April")
    b = _dated("The Sixers fired Jim O'Brien on Monday after one season as coach.")
    assert "fire" not in dated_events(*a)
    assert not same_dated_event(*a, *b)
