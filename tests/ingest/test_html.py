import re
from pathlib import Path

from service.ingest import prepare
from service.segment import split_sentences
from tests.ingest.seeds import seed_text

FIXTURE = Path(__file__).parent / "fixtures" / "moscow_times_excerpt.html"


def words(value: str) -> str:
    """Characters without whitespace, one apostrophe form: entity padding and inline tags only move spaces."""
    return "".join(value.replace("’", "'").replace("“", '"').replace("”", '"').split())


def test_html_page_gives_the_plain_seed_sentences_with_spans_into_the_html() -> None:
    html = FIXTURE.read_text(encoding="utf-8")
    prepared = prepare(html, "text/html")
    assert len(prepared.clean) == len(html)
    sentences = split_sentences(prepared.clean, prepared.paragraphs)

    plain = seed_text("000")
    plain_prepared = prepare(plain)
    plain_words = {words(s.text) for s in split_sentences(plain_prepared.clean, plain_prepared.paragraphs)}
    assert len(sentences) == 8
    for sentence in sentences:
        assert words(sentence.text) in plain_words
        assert " ".join(sentence.span.of(prepared.clean).split()) == sentence.text
        raw = sentence.span.of(html)
        first_word = re.search(r"\w+", sentence.text)
        assert first_word is not None and raw.removeprefix("&quot;").startswith(first_word.group())
        assert raw.endswith(".") or raw.endswith("&quot;")
    assert sentences[0].span.of(html).startswith("WASHINGTON &mdash; Russian")


def test_html_title_outlet_and_furniture() -> None:
    html = FIXTURE.read_text(encoding="utf-8")
    prepared = prepare(html, "text/html")
    assert prepared.title == "U.S. and Russia Aim to Reconvene Stalled Missile Defense Talks"
    assert prepared.title_span is not None and prepared.title_span.of(html) == prepared.title
    assert prepared.source == "The Moscow Times"
    body = " ".join(p.of(prepared.clean) for p in prepared.paragraphs)
    for furniture in ("Opinion", "dataLayer", "margin", "Nice Problem", "All rights reserved", "byline widget"):
        assert furniture not in body
    reasons = {reason for _, reason in prepared.removed}
    assert {"navigation", "script", "style", "footer", "related", "comment", "title"} <= reasons


def test_entities_become_their_character_in_place() -> None:
    html = "<html><body><p>Deal with AT&amp;T worth &#36;5 in Russia&#x2019;s east.</p></body></html>"
    prepared = prepare(html)
    clean = prepared.clean
    assert len(clean) == len(html)
    assert clean[html.index("&amp;")] == "&" and clean[html.index("&amp;") + 1 : html.index("&amp;") + 5] == "    "
    assert clean[html.index("&#36;")] == "$"
    assert clean[html.index("&#x2019;")] == "’"
    (paragraph,) = prepared.paragraphs
    assert " ".join(paragraph.of(clean).split()) == "Deal with AT& T worth $ 5 in Russia’ s east."


def test_block_tags_keep_paragraphs_apart_and_inline_tags_do_not() -> None:
    html = "<html><body><div><p>First point is <b>made</b> here today.</p><p>Second point follows it.</p></div></body></html>"
    prepared = prepare(html, "text/html")
    texts = [" ".join(p.of(prepared.clean).split()) for p in prepared.paragraphs]
    assert texts == ["First point is made here today.", "Second point follows it."]
