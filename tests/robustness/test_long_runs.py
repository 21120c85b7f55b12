"""Runs of characters without whitespace longer than any word reach spaCy in bounded pieces, so one hostile
"word" costs time linear in its length; the Doc still spells the text exactly, and ordinary text is tokenised
as spaCy tokenises it."""

from __future__ import annotations

import pytest

from service.nlp import LONGEST_RUN, load_nlp

TEXTS = [
    "Officials said " + "\U0001F600" * 450 + " on Monday.",
    "x" * (3 * LONGEST_RUN + 1),
    " " + "a" * (LONGEST_RUN + 50) + "  b\n" + "c" * (LONGEST_RUN + 1) + " d.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_a_long_run_becomes_pieces_and_the_text_is_kept(text):
    doc = load_nlp()(text)
    assert doc.text == text
    assert max(len(token) for token in doc) <= LONGEST_RUN
    assert sum(len(token.text_with_ws) for token in doc) == len(text)


def test_text_without_a_long_run_is_tokenised_as_spacy_does():
    nlp = load_nlp()
    text = ("MOSCOW, March 25 (Reuters) - U.S. and Russian envoys met on Monday. "
            "https://example.com/a/" + "b" * (LONGEST_RUN - 30) + "  \n\nThey said: “No.”")
    ours = [(t.text, t.whitespace_) for t in nlp.tokenizer(text)]
    assert ours == [(t.text, t.whitespace_) for t in nlp.tokenizer.inner(text)]
