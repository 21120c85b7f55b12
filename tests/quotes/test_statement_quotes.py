"""A statement quoted over several paragraphs: typed straight marks around pasted curly ones, introduced by a
line of its own ("Dr. Ward stated:"). Real paragraphs (a Breitbart report of a Senate candidate's statement)
through the real ingest and extract stages."""

from __future__ import annotations

from service.ingest.prepare import prepare
from service.quotes import extract_quotes
from tests.extraction import extraction
from tests.quotes.seed_text import paragraphs

STATEMENT = (
    "McCain Challenger Kelli Ward: Impeach AG Lynch, ‘Stop DC at the Bathroom Door.’\n\n"
    "Former Arizona State Senator Dr. Kelli Ward called for the impeachment of U.S. Attorney General Loretta "
    "Lynch following news that the Department of Justice would sue North Carolina over the state’s new bathroom "
    "bill.\n\n"
    "Dr. Ward stated:\n\n"
    '"The U.S. Department of Justice isn’t about “Equal Justice Under Law” anymore. It’s about President '
    "Obama’s extreme vision of fundamentally transforming our nation, imposing political correctness, and "
    "pulverizing the rights of the states.\n\n"
    '"The latest example of this extreme overreach is Loretta Lynch suing North Carolina for its “Bathroom '
    'Bill,” which allows individual business owners, rather than government bureaucrats, to decide who can use '
    'which bathrooms."\n\n'
    "North Carolina’s HB2 took effect on March 23 of this year.\n"
)


def test_curly_marks_inside_straight_ones_are_a_nested_quote() -> None:
    text = '"The U.S. Department of Justice isn’t about “Equal Justice Under Law” anymore," Ward said.'
    (quote,) = extract_quotes(text, paragraphs(text), person_spans=[])
    assert quote.text == "The U.S. Department of Justice isn’t about “Equal Justice Under Law” anymore,"
    assert quote.speaker == "Ward"


def test_the_lead_in_line_is_kept_as_article_text() -> None:
    prepared = prepare(STATEMENT)
    assert any(p.of(prepared.clean).strip() == "Dr. Ward stated:" for p in prepared.paragraphs)
    # a short label line is still debris when no quote follows it
    label = prepare(STATEMENT.replace("Dr. Ward stated:\n\n\"", "Read more:\n\n"))
    assert not any("Read more" in p.of(label.clean) for p in label.paragraphs)


def test_the_statement_is_one_quote_of_the_named_speaker() -> None:
    quotes = [q for claim in extraction(STATEMENT).claims for q in claim.quotes if q.text.startswith("The U.S.")]
    (quote,) = quotes
    assert "“Equal Justice Under Law” anymore" in quote.text and "which bathrooms." in quote.text
    # the title-case headline lends no longer name ("McCain Challenger Kelli Ward")
    assert quote.speaker == "Kelli Ward" and quote.cue == "stated" and quote.speaker_confident
