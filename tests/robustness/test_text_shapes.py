"""Plain-text articles of awkward shapes: offsets stay code points into the text as submitted."""

from __future__ import annotations

import grpc
import pytest

from client import Rejected, article_from_text
from tests.robustness.conftest import count_articles
from tests.robustness.spans import span_problems

LEAD = "WASHINGTON, March 25, 2013 - The Pentagon said on Monday that six meetings were held in 2011.\n\n"
SECOND = "Talks set for 2012 were canceled because of scheduling conflicts, an official said.\n"


def _quotes(response):
    return [q for c in response.claims for q in c.quotes]


def test_unicode_offsets_are_code_points(client):
    text = (
        "MOSCOW, March 25, 2013 - Caf\u00e9 owner Zo\u00eb \u00c5ngstr\u00f6m said on Monday that \U0001f44d\U0001f3fd "
        "six meetings were held in 2011 in \u6771\u4eac.\n\n"
        "The ministry (\u05de\u05e9\u05e8\u05d3 \u05d4\u05d7\u05d5\u05e5) said 14 interceptors will be deployed by "
        "2017, citing cafe\u0301 records.\n\n"
        "\u201cWe are ready \U0001f600 to talk,\u201d \u00c5ngstr\u00f6m said on Tuesday.\n"
    )
    response = client.extract(article_from_text(text))
    assert span_problems(text, response) == []
    times = {t.text: text[t.span.start:t.span.end] for c in response.claims for t in c.times}
    assert times["2017"] == "2017" and times["Tuesday"] == "Tuesday"
    (quote,) = _quotes(response)
    assert text[quote.parts[0].start:quote.parts[0].end].startswith("We are ready \U0001f600")
    assert quote.speaker.endswith("\u00c5ngstr\u00f6m")


def test_crlf_line_endings_keep_offsets_and_paragraphs(client):
    text = (LEAD + SECOND + "\n\u201cWe will talk again,\u201d Smith said.\n").replace("\n", "\r\n")
    response = client.extract(article_from_text(text))
    assert span_problems(text, response) == []
    assert len(response.article.paragraphs) == 3
    assert all("\r" not in c.text for c in response.claims)
    unix = client.extract(article_from_text(text.replace("\r\n", "\n")))
    assert [c.text for c in response.claims] == [c.text for c in unix.claims]


def test_unbalanced_quotation_mark_does_not_swallow_the_article(client):
    text = LEAD + "\u201cWe are ready to talk, Antonov said on Monday.\n\nThe talks will resume in April, he said.\n"
    response = client.extract(article_from_text(text))
    assert span_problems(text, response) == []
    assert any("resume in April" in c.text for c in response.claims)
    for quote in _quotes(response):
        # An opening mark never closed may not run on past its own paragraph into unquoted text.
        assert "resume in April" not in quote.text


def test_quote_over_several_paragraphs_is_one_quote_whose_parts_follow_the_paragraphs(client):
    text = (LEAD + "\u201cWe are ready to continue the dialogue,\u201d Antonov said. "
            "\u201cThe missile defence system is a threat.\n\n\u201cWe will respond if needed,\u201d he added.\n")
    response = client.extract(article_from_text(text))
    assert span_problems(text, response) == []
    run_on = [q for q in _quotes(response) if "threat" in q.text]
    assert len(run_on) == 1
    (quote,) = run_on
    assert "respond if needed" in quote.text
    paragraphs = response.article.paragraphs
    # Each part lies inside one paragraph; together they cover the paragraph break the quote runs over.
    homes = [next(i for i, p in enumerate(paragraphs) if p.start <= part.start and part.end <= p.end)
             for part in quote.parts]
    assert len(set(homes)) == 2
    assert any(text[p.start:p.end].startswith("We will respond") for p in quote.parts)


def test_one_huge_paragraph_is_split_into_its_sentences(client):
    text = " ".join(f"The ministry said on March {i % 28 + 1}, 2013 that {i + 2} meetings were held in Moscow."
                    for i in range(120))
    response = client.extract(article_from_text(text))
    assert len(response.article.paragraphs) == 1
    assert len(response.sentences) == 120
    assert span_problems(text, response) == []
    last = response.claims[-1]
    assert "121 meetings" in last.text and [q.value for q in last.quantities] == [121]


def test_sentence_of_ten_thousand_characters_without_a_full_stop(client):
    text = "The ministry said that " + " ".join(["talks continued and"] * 500) + " ended"
    assert len(text) > 10_000
    response = client.extract(article_from_text(text))
    assert span_problems(text, response) == []
    covered = sum(c.span.end - c.span.start for c in response.claims)
    assert covered >= len(text.strip()) * 0.99


def test_repeated_paragraph_is_one_claim_on_its_first_copy(client):
    # A paragraph printed twice is a publishing glitch: counting it twice would let an article corroborate itself.
    text = LEAD + SECOND + "\n" + SECOND
    response = client.extract(article_from_text(text))
    assert span_problems(text, response) == []
    starts = [c.span.start for c in response.claims if c.text.startswith("Talks set for 2012")]
    assert starts == [text.index(SECOND)]


def test_headline_only_is_rejected_as_invalid_input_and_not_stored(client):
    before = count_articles(client)
    with pytest.raises(Rejected) as error:
        client.extract(article_from_text("Russia and US hold missile talks\n"))
    assert error.value.code is grpc.StatusCode.INVALID_ARGUMENT
    (result,) = client.ingest([article_from_text("Russia and US hold missile talks\n")])
    assert result.error_code == "INVALID_ARGUMENT" and not result.article_id
    assert count_articles(client) == before


def test_headline_with_a_full_sentence_is_one_claim(client):
    text = "Russia and US hold missile talks in Moscow on March 25, 2013."
    response = client.extract(article_from_text(text))
    assert [c.text for c in response.claims] == [text]
    assert span_problems(text, response) == []


def test_dateline_with_a_year_sets_the_publication_date(client):
    response = client.extract(article_from_text(LEAD + SECOND))
    published = response.article.published
    assert (published.year, published.month, published.day) == (2013, 3, 25)
