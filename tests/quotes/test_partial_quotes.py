"""What a partial quotation leaves out — at either end, or between the two parts an outlet's narration splits
a quote into — is an omission, never a changed word; changes inside the shared words stay reported."""

from __future__ import annotations

from service.compare.quotes import quote_findings
from service.quotes import compare_quotes
from service.quotes.tokens import PART_BREAK
from service.records import DiffCategory, DiffOp, FindingKind, Severity
from tests.extraction import extraction


def changes(a: str, b: str) -> list[tuple[DiffOp, DiffCategory, str, str]]:
    return [(e.op, e.category, e.a, e.b) for e in compare_quotes(a, b).entries if e.op is not DiffOp.EQUAL]


LONG = ("The warship immediately altered (its direction) towards the suspicious vessels and challenged them. On "
        "seeing the resolve evident in the warship's action and probably mindful of the reputation for resolute "
        "action that the Indian Navy justly enjoys in such deployments, the pirate skiffs reversed course and "
        "tried to flee the area, even as the warship fired warning shots.")


def test_a_left_out_sentence_past_a_shared_comma_is_an_omission() -> None:
    short = "The warship immediately altered towards the suspicious vessels and challenged them,"
    comparison = compare_quotes(LONG, short)
    assert comparison.kind is FindingKind.AGREEMENT
    categories = {category for _, category, _, _ in changes(LONG, short)}
    assert categories == {DiffCategory.BRACKET, DiffCategory.OMISSION}


def test_left_out_sentences_with_figures_are_an_omission_not_a_number() -> None:
    longer = ("While two of the skiffs and its crew managed to get away, Sukanya successfully intercepted the "
              "remaining three skiffs. The three boats had a total of 26 Somali crew on board. During the "
              "operation, six AK-47 rifles, 12 magazines and about 300 rounds of ammunition were found and "
              "confiscated,")
    shorter = "While two of them managed to escape, INS Sukanya successfully intercepted the remaining three."
    found = changes(shorter, longer)
    assert DiffCategory.NUMBER not in {category for _, category, _, _ in found}
    (tail,) = [c for c in found if "26 Somali" in c[3]]
    assert tail[:2] == (DiffOp.INSERT, DiffCategory.OMISSION)
    # the real changes in the words both quote are still there
    assert (DiffOp.REPLACE, DiffCategory.CONTENT_WORD, "escape", "get away") in found
    assert compare_quotes(shorter, longer).severity is Severity.MAJOR


def test_a_partial_quote_lines_up_with_the_tail_it_quotes_not_an_editors_bracket() -> None:
    full = ("For more than three decades, the Endangered Species Act has successfully protected our nation's most "
            "threatened wildlife, and we should be looking for ways to improve it, not weaken it.")
    part = "we should be looking at ways to strengthen [the Endangered Species Act] —not weaken it."
    found = changes(full, part)
    assert found[0][:2] == (DiffOp.DELETE, DiffCategory.OMISSION)
    assert found[0][2].startswith("For more than three decades") and found[0][2].endswith("wildlife, and")
    assert (DiffOp.REPLACE, DiffCategory.FUNCTION_WORD, "for", "at") in found
    assert any(c[1] is DiffCategory.CONTENT_WORD and c[2].startswith("improve it") for c in found)
    assert DiffCategory.NUMBER not in {c[1] for c in found}


def test_words_quoted_where_the_other_outlets_narration_split_the_quote_are_left_out() -> None:
    split = f"We can grow our economy today, {PART_BREAK} and preserve the environment for our grandchildren."
    whole = "We can grow our economy today if we choose to, and preserve the environment for our grandchildren."
    (change,) = changes(split, whole)
    assert change[:2] == (DiffOp.INSERT, DiffCategory.OMISSION)
    assert compare_quotes(split, whole).kind is FindingKind.AGREEMENT
    # no words between the parts: only the comma differs
    assert compare_quotes(split, "We can grow our economy today and preserve the environment for our "
                                 "grandchildren.").kind is FindingKind.AGREEMENT
    # a joining word alone between the parts is a minor wording difference, not words left out
    joined = compare_quotes(f"threatened wildlife. {PART_BREAK} We should be looking for ways to improve it.",
                            "threatened wildlife, and we should be looking for ways to improve it.")
    assert joined.kind is FindingKind.QUOTE_WORDING and joined.severity is Severity.MINOR
    # a "not" left out between the parts is still a negation
    assert compare_quotes(f"We will {PART_BREAK} give up the plant.", "We will not give up the plant.").severity \
        is Severity.MAJOR


def test_a_quote_split_by_its_attribution_is_compared_part_by_part() -> None:
    split = ('President Barack Obama spoke at the Interior Department on Tuesday.\n\n'
             '"We can grow our economy today," Obama said, "and preserve the environment for ourselves and our '
             'children and our grandchildren."\n')
    whole = ('President Barack Obama spoke at the Interior Department on Tuesday.\n\n'
             '"With smart, sustainable policies, we can grow our economy today, with new jobs in clean energy, and preserve the '
             'environment for ourselves and our children and our grandchildren," Obama said.\n')
    a, b = extraction(split, "wire a"), extraction(whole, "wire b")
    findings, _ = quote_findings(a, b)
    assert [f.kind for f in findings] == [FindingKind.AGREEMENT]
