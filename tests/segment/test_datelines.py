"""Date lines are units of their own: never run into the first sentence, never compared, and they date the
article when nothing better does."""

import datetime as dt

from service.align import load_scorer
from service.articles import build_article
from tests.fakes import FakeEmbedder
from service.engine import Engine
from service.extract import extract
from service.records import ArticleInput, FindingKind
from service.store.memory import MemoryStore

A = ("Lawyer : Lindsay Lohan checks into California rehab\n"
     "May 3 , 2013 | 8 : 20 am\n"
     "Lindsay Lohan's attorney said Thursday the actress has checked into a rehab facility in California .\n")
B = ("Lindsay Lohan checks into rehab facility\n"
     "Published 12 : 50 PM , May 2 , 2013\n"
     "Lindsay Lohan's attorney said Thursday the actress has checked into a rehab facility in California .\n")


def test_date_line_is_cut_from_the_first_sentence_and_dates_the_article():
    extraction = extract(build_article(ArticleInput(text=A), 1_000_000))
    units = [(c.unit, c.text) for c in extraction.claims]
    assert units[1] == ("dateline", "May 3 , 2013 | 8 : 20 am")
    body = extraction.claims[2]
    assert body.unit == "body" and body.text.startswith("Lindsay Lohan's attorney")
    assert extraction.article.published.complete == dt.date(2013, 5, 3)
    # "Thursday" in an article of Friday 3 May 2013
    assert [t.begin for t in body.times] == [dt.date(2013, 5, 2)]


def test_two_outlets_publishing_on_different_days_is_no_discrepancy():
    engine = Engine(MemoryStore(), FakeEmbedder(), load_scorer())
    _, findings = engine.compare([ArticleInput(text=A, source="A"), ArticleInput(text=B, source="B")])
    assert not [f for f in findings if f.kind is FindingKind.DATE_MISMATCH]
    ends = {"A": A.index("\nLindsay Lohan's"), "B": B.index("\nLindsay Lohan's")}
    headline_ends = {"A": A.index("\n"), "B": B.index("\n")}
    for finding in findings:
        for e in finding.evidence:
            assert not (headline_ends[e.source] < e.span.start < ends[e.source]), finding.explanation
    # both say Thursday, which their own dates make 2 May
    agreements = [f for f in findings if f.kind is FindingKind.AGREEMENT and "2013-05-02 ~ 2013-05-02" in f.explanation]
    assert agreements


def test_headline_standfirst_and_labelled_date_line_without_blank_lines_are_units_of_their_own():
    # a page copied as text: one unit a line, no final punctuation on the first three
    text = ("Navy foils pirate attack in the Gulf of Aden\n"
            "Warship intercepts three boats carrying armed men\n"
            "Updated : November 11 , 2011 20 : 09 IST\n"
            "An Indian warship on Thursday intercepted three boats with 26 pirates and foiled an attack .\n")
    extraction = extract(build_article(ArticleInput(text=text), 1_000_000))
    units = [(c.unit, c.text) for c in extraction.claims]
    assert units[0] == ("headline", "Navy foils pirate attack in the Gulf of Aden")
    assert units[1] == ("body", "Warship intercepts three boats carrying armed men")
    assert units[2] == ("dateline", "Updated : November 11 , 2011 20 : 09 IST")
    assert units[3][1].startswith("An Indian warship on Thursday")
    assert extraction.article.published.complete == dt.date(2011, 11, 11)


def test_hard_wrapped_lines_still_make_one_sentence():
    text = ("Ministers Agree on Grain Corridor\n\n"
            "The corridor for grain leaving the ports of the region will be monitored by a\n"
            "Joint Coordination Centre in Istanbul, officials said on Friday after the talks.\n")
    extraction = extract(build_article(ArticleInput(text=text), 1_000_000))
    bodies = [c.text for c in extraction.claims if c.unit == "body"]
    assert bodies == ["The corridor for grain leaving the ports of the region will be monitored by a Joint "
                      "Coordination Centre in Istanbul, officials said on Friday after the talks."]


def test_a_date_line_with_its_place_in_capitals_under_a_long_headline_is_its_own_unit():
    text = ("Indian Navy captures 26 Somali pirates in Gulf of Aden\n"
            "Published on : Fri , 11 Nov 2011 at 09 : 56 IST\n"
            "An Indian warship foiled a five - boat pirate attack on merchant vessels on Friday .\n")
    extraction = extract(build_article(ArticleInput(text=text), 1_000_000))
    units = [(c.unit, c.text) for c in extraction.claims]
    assert ("dateline", "Published on : Fri , 11 Nov 2011 at 09 : 56 IST") in units
    assert extraction.article.published.complete == dt.date(2011, 11, 11)
    (body,) = [c for c in extraction.claims if c.text.startswith("An Indian warship")]
    assert [t.begin for t in body.times] == [dt.date(2011, 11, 11)]
