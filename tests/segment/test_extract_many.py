"""Extracting several articles in one pass gives each what extracting it alone gives, keeps an article that has
no sentence apart as its own error, and parses each distinct text once."""

from __future__ import annotations

from dataclasses import replace

import pytest

from service.articles import build_article
from service.codec import to_data
from service.errors import InvalidInput
from service.extract import extract, extract_many
from service.nlp import Parses, load_nlp, parse
from service.records import ArticleInput
from tests.harness import SEEDS

DATED = ("WASHINGTON, March 25, 2013 - The Pentagon said on Monday that six meetings were held in 2011, "
         '"and we will continue," the official said. Moscow did not reply, and Kiev refused to comment.\n')


@pytest.fixture(scope="module")
def articles():
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))[:2]] + [DATED]
    return [build_article(ArticleInput(text=t), 1_000_000) for t in texts]


def test_each_article_of_a_batch_gets_what_it_gets_alone(articles):
    together = extract_many(articles)
    assert [to_data(e) for e in together] == [to_data(extract(a)) for a in articles]
    assert all(len(e.claims) > 1 for e in together)


def test_an_article_without_sentences_is_its_own_error(articles):
    # an article whose body kept no paragraph (and no headline) has nothing to make a claim of
    empty = replace(articles[1], paragraphs=(), title_span=None)
    results = extract_many([articles[2], empty, articles[0]])
    assert isinstance(results[1], InvalidInput) and "no sentences" in results[1].message
    assert to_data(results[0]) == to_data(extract(articles[2]))
    assert to_data(results[2]) == to_data(extract(articles[0]))
    with pytest.raises(InvalidInput, match="no sentences"):
        extract(empty)


def test_parses_are_made_once_per_text_and_equal_a_parse_of_the_text_alone():
    parses = Parses()
    texts = ["Moscow did not reply.", "Kiev refused to comment on the talks.", "Moscow did not reply."]
    parses.prepare(texts)
    first = parses(texts[0])
    assert parses(texts[2]) is first  # asked again: the same parse, not a new one
    for text in texts:
        alone = parse(text)
        assert [(t.text, t.tag_, t.dep_, t.head.i, t.lemma_) for t in parses(text)] == \
               [(t.text, t.tag_, t.dep_, t.head.i, t.lemma_) for t in alone]
    with_entities = parses.with_entities("Vladimir Putin met Barack Obama in Paris.")
    assert {e.text for e in with_entities.ents} >= {"Vladimir Putin", "Barack Obama"}
    # a parse made with entities serves a request without them: its tags and dependencies are the same
    assert parses("Vladimir Putin met Barack Obama in Paris.") is with_entities
    plain = load_nlp()("Vladimir Putin met Barack Obama in Paris.", disable=["ner"])
    assert [t.dep_ for t in plain] == [t.dep_ for t in with_entities]
