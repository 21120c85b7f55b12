"""Polarity that reads the construction: "not X but Y", negative concord, negation inside a quote."""

from __future__ import annotations

from service.polarity import contradiction_cue, main_predicate


def test_not_x_but_y_corrects_rather_than_denies() -> None:
    assert contradiction_cue("The attacker was not one person, but probably several.",
                             "The attacker was probably several people.") is None
    assert contradiction_cue("The fire was started not by lightning but by a cigarette.",
                             "The fire was started by a cigarette.") is None


def test_a_but_that_opens_its_own_clause_leaves_the_negation_standing() -> None:
    assert main_predicate("The minister did not attend the meeting, but his deputy did.").negated


def test_negative_concord_denies_once() -> None:
    assert main_predicate("Nobody never said nothing about the plan.").negated
    assert main_predicate("The police did not find no weapons in the car.").negated


def test_a_refusal_that_is_itself_negated_asserts() -> None:
    assert not main_predicate("The council did not refuse the offer.").negated
    assert main_predicate("The council refused the offer.").negated


def test_negation_inside_a_quote_is_marked_as_the_quotes() -> None:
    found = contradiction_cue('"We will not hold talks on Monday," the minister said.',
                              '"We will hold talks on Monday," the minister said.')
    assert found is not None and found.quoted
    plain = contradiction_cue("The ministers did not hold talks on Monday.", "The ministers held talks on Monday.")
    assert plain is not None and not plain.quoted


def test_negation_in_a_subordinate_clause_does_not_flip_the_claim() -> None:
    assert not main_predicate("Police arrested the man who had not paid his fine.").negated
