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


STATS_PAGE = """<!DOCTYPE html><html><head><title>Browns defensive snap counts, Week 11</title></head><body>
<div class="entry"><h1>Browns defensive snap counts, stats and notes: Week 11</h1>
<p>The Browns held the Steelers to seven points on Thursday night, and the defensive line did most of the work,
with three sacks and a steady pressure that forced two interceptions in the first half.</p>
<h3>Defensive Line</h3>
<table>
  <thead>
    <tr>
      <th>Pos</th>
      <th>Player</th>
      <th>Plays</th>
      <th>%</th>
    </tr>
  </thead>
  <tbody>
    <tr>
      <td>DL</td>
      <td>Larry Ogunjobi</td>
      <td>63</td>
      <td>85%</td>
    </tr>
    <tr>
      <td>DL</td>
      <td>Myles Garrett</td>
      <td>57</td>
      <td>77%</td>
    </tr>
  </tbody>
</table>
<p>Garrett was suspended indefinitely after the game, so the rotation at defensive end will change this week,
and Chad Thomas should see most of the snaps he leaves behind.</p>
</div></body></html>"""


def test_a_table_row_is_one_line_of_the_article_with_its_numbers() -> None:
    prepared = prepare(STATS_PAGE, "text/html")
    kept = [p.of(prepared.clean) for p in prepared.paragraphs]
    lines = [" ".join(line.split()) for text in kept for line in text.splitlines()]
    # The source's line breaks between cells are whitespace: a row is read as its reader sees it, and its
    # figures are not lone numbers to blank, nor its position label a repeated line.
    assert "DL Larry Ogunjobi 63 85%" in lines and "DL Myles Garrett 57 77%" in lines, lines
    assert len(prepared.clean) == len(STATS_PAGE)


def test_paragraphs_inside_a_layout_tables_cell_stay_apart() -> None:
    from service.ingest.html import mask_html

    page = ("<table>\n<tr>\n<td>\n<p>The council met on Monday.</p>\n<p>It approved the budget.</p>\n</td>\n"
            "<td>Menu</td>\n</tr>\n</table>")
    lines = [" ".join(line.split()) for line in mask_html(page).clean.splitlines() if line.strip()]
    assert lines == ["The council met on Monday.", "It approved the budget.", "Menu"]


TEASER_PAGE = """<!DOCTYPE html><html><head><title>Simulation maps the universe in detail</title></head><body>
<article><h1>Most detailed simulation of the universe yet</h1>
<p>Astronomers in Chicago have run a model of the cosmos on a supercomputer, following the growth of 2.1 trillion
particles over 13.7 billion years, <a href="https://www.example.org/report">the team said on Monday</a>.</p>
<p>The simulation will let researchers test their models of dark matter against the data that new telescopes
are expected to collect over the next decade, according to the project's lead scientist.</p>
<p>"We can now see what emergent trends show up in that data," she said.</p>
<p>[ <a href="https://engadget.example/a">Engadget</a> ]</p>
<p>Write to the science desk at <a href="mailto:science@example.org">science@example.org</a> with questions.</p>
<ul><li><a href="https://www.example.org/64955-stellar-star-images.html"><u>15 Amazing Images of Stars</u></a></li>
<li><a href="https://www.example.org/63847-facts-about-the-milky-way.html"><u>11 Fascinating Facts About Our Milky
Way Galaxy</u></a></li>
<li><a href="https://www.example.org/dark-matter-questions.html"><u>The 11 Biggest Unanswered Questions About Dark
Matter</u></a></li></ul>
<p><em>Originally published on Science Today.</em></p>
</article></body></html>"""


def test_lines_that_are_all_link_text_are_teasers_for_other_stories() -> None:
    prepared = prepare(TEASER_PAGE, "text/html")
    kept = " ".join(" ".join(p.of(prepared.clean).split()) for p in prepared.paragraphs)
    for teaser in ("15 Amazing Images of Stars", "Fascinating Facts", "Biggest Unanswered Questions"):
        assert teaser not in kept
    # A sentence's own link, a source credited in brackets and an e-mail address are the article's.
    assert "billion years, the team said on Monday" in kept
    assert "[ Engadget ]" in kept and "science@example.org" in kept
    assert any(reason == "related" and "Fascinating Facts" in TEASER_PAGE[s.start:s.end]
               for s, reason in prepared.removed)


TWEET_PAGE = """<!DOCTYPE html><html><head><title>South Dakota's anti-drug slogan</title></head><body>
<div class="article"><h1>South Dakota's new anti-drug slogan draws ridicule</h1>
<p class="article__paragraph">South Dakota launched an anti-drug campaign on Monday with the slogan "Meth. We're on it.",
and the state paid an agency nearly half a million dollars to write it, officials confirmed.</p>
<p class="article__paragraph">And if you haven't yet noticed what might be wrong, a whole lot of people on Twitter
pointed it out.</p>
<div class="social-media-embed"><blockquote class="twitter-tweet"><p lang="en" dir="ltr">Yes this is real and yes
the state spent nearly half a million dollars on it: <a href="https://t.co/Nc0nKoXGBP">https://t.co/Nc0nKoXGBP</a></p>
&mdash; Dianna E. Anderson (@diannaeanderson) <a href="https://twitter.com/x/status/1">November 18, 2019</a>
</blockquote></div>
<p class="article__paragraph">The governor defended the campaign on Tuesday, saying that the attention it drew was
exactly what the state had wanted from it, and that the agency had done its job.</p>
</div>
<div class="sidebar"><blockquote class="twitter-tweet"><p>Follow us for the latest news from Trenton and the
shore, all day, every day.</p>&mdash; NJ News (@njnews)</blockquote></div>
</body></html>"""


def test_a_post_the_article_embeds_between_its_paragraphs_is_kept_and_one_beside_it_is_not() -> None:
    prepared = prepare(TWEET_PAGE, "text/html")
    kept = " ".join(" ".join(p.of(prepared.clean).split()) for p in prepared.paragraphs)
    assert "Yes this is real and yes the state spent nearly half a million dollars on it" in kept
    assert "Dianna E. Anderson (@diannaeanderson)" in kept
    assert "Follow us for the latest news" not in kept
    assert "The governor defended the campaign on Tuesday" in kept


CARD_PAGE = """<!DOCTYPE html><html><head><title>Governor defends anti-drug campaign</title></head><body>
<div class="field-item"><h1>Governor doubles down on anti-drug campaign</h1>
<p>South Dakota Gov. <span class="rollover-people"><a class="rollover-people-link" href="/people/kristi-noem">Kristi
Noem</a><span class="rollover-people-block"><span><img src="/noem.jpg" alt=""><a class="name"
href="/people/kristi-noem">Kristi Lynn Noem</a><a class="people-articles" href="/news/471033-meth">South Dakota
governor doubles down on anti-drug campaign</a> <a class="people-articles" href="/news/467325-pipeline">South Dakota
drops pipeline protest laws after lawsuit</a> <a class="people-articles" href="/news/454842-sign">New law requiring
sign in public schools goes into effect</a> <a class="more" href="/people/kristi-noem">MORE</a></span></span></span>
(R) is defending the state's launch of an anti-drug campaign with the slogan "Meth, we're on it."</p>
<p>The tagline drew criticism from <a href="/a">Democrats</a>, <a href="/b">drug counsellors</a> and
<a href="/c">comedians</a> across the country on Monday, but the governor cited the backlash as proof that the
campaign was working.</p>
</div></body></html>"""


def test_a_hover_card_of_links_inside_a_sentence_is_blanked_and_the_sentence_kept() -> None:
    prepared = prepare(CARD_PAGE, "text/html")
    kept = " ".join(" ".join(p.of(prepared.clean).split()) for p in prepared.paragraphs)
    assert "South Dakota Gov. Kristi Noem (R) is defending the state's launch" in kept
    assert "pipeline protest laws" not in kept and "MORE" not in kept
    # Links a sentence separates by its own words and commas are the sentence's.
    assert "criticism from Democrats , drug counsellors and comedians across the country" in kept


def test_a_line_break_in_the_source_is_a_space_and_a_link_on_its_own_source_line_stays() -> None:
    from service.ingest.html import mask_html

    page = ("<html><body><article><h1>Agency report on river pollution</h1>\n<p>The report on the river was released"
            "\n<a href=\"https://agency.example/report\">by the environment agency on Monday</a>\nafter a year of "
            "sampling at forty sites along its course.</p>\n<pre>line one\nline two</pre>\n"
            "<p>Officials said the levels of nitrates had doubled since the last survey in 2012, mostly because of "
            "the farms upstream of the city.</p></article></body></html>")
    lines = [" ".join(line.split()) for line in mask_html(page).clean.splitlines() if line.strip()]
    assert ("The report on the river was released by the environment agency on Monday after a year of sampling "
            "at forty sites along its course.") in lines
    assert "line one" in lines and "line two" in lines  # a <pre> keeps its own lines
    kept = " ".join(" ".join(p.of(prepare(page, "text/html").clean).split())
                    for p in prepare(page, "text/html").paragraphs)
    assert "released by the environment agency on Monday after a year" in kept


def test_an_extractors_break_where_the_source_wraps_a_sentence_does_not_split_its_paragraph() -> None:
    from tests.ingest.test_publisher_blurb import RELEASE

    prepared = prepare(RELEASE.format(site="Swiss Business Wire"), "text/html")
    paragraphs = [" ".join(p.of(prepared.clean).split()) for p in prepared.paragraphs]
    # The extractor gives "... Its vision is" and "to close ..." as two lines; the page shows one sentence.
    assert any("Its vision is to close digital information gaps" in p for p in paragraphs), paragraphs
