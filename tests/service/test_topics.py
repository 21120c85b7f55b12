"""Across the stories of one topic only near-paraphrases are compared, and only discrepancies are reported."""

from __future__ import annotations

from service.align import ExactIndex, load_scorer
from service.articles import build_article
from service.compare import Analysed
from service.compare.topics import cross_story_findings
from tests.fakes import FakeEmbedder
from service.extract import extract
from service.records import ArticleInput, FindingKind, PartialDate


def analysed(text: str, source: str, story: str, embedder: FakeEmbedder, index: ExactIndex) -> Analysed:
    extraction = extract(build_article(ArticleInput(text, source=source, published=PartialDate(2013, 3, 25)), 10**6))
    embeddings = embedder.embed([c.text for c in extraction.claims])
    index.add([c.id for c in extraction.claims], embeddings)
    return Analysed(extraction, embeddings, story)


def test_a_long_running_claim_repeated_with_another_number_across_stories():
    embedder, index = FakeEmbedder(), ExactIndex(64)
    a = analysed("There have been no meetings at the deputy minister level since 2011, when six were held.\n\n"
                 "Russia invited the general to Moscow for talks.\n", "A", "story-1", embedder, index)
    b = analysed("There have been no meetings at the deputy minister level since 2011, when seven were held.\n\n"
                 "The alliance has vowed to continue developing its missile defences.\n", "B", "story-2", embedder, index)
    topics = {a.extraction.article.id: "topic-1", b.extraction.article.id: "topic-1"}
    findings = cross_story_findings([a, b], topics, index, load_scorer())
    assert [f.kind for f in findings] == [FindingKind.NUMBER_MISMATCH]
    assert {e.source for e in findings[0].evidence} == {"A", "B"}


def test_other_topics_and_the_same_story_are_left_alone():
    embedder, index = FakeEmbedder(), ExactIndex(64)
    text = "There have been no meetings at the deputy minister level since 2011, when {} were held.\n"
    a = analysed(text.format("six"), "A", "story-1", embedder, index)
    b = analysed(text.format("seven"), "B", "story-2", embedder, index)
    c = analysed(text.format("eight"), "C", "story-1", embedder, index)
    topics = {a.extraction.article.id: "topic-1", b.extraction.article.id: "topic-2", c.extraction.article.id: "topic-1"}
    assert cross_story_findings([a, b, c], topics, index, load_scorer()) == []
