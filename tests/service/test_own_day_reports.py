"""Two articles weeks apart that each date the event at their own publication day report two occurrences; two
articles days apart that give different days dispute one. Real sentences through the real extractor."""

from __future__ import annotations

from service.compare.claims import AlignedClaims, compare_aligned
from service.compare.own_day import on_own_day, separate_occurrences
from service.records import FindingKind, PartialDate
from tests.extraction import extraction

REVERSAL = ("The Obama administration overturned one of the most controversial environmental measures of the George "
            "Bush era today, striking down a rule that had weakened protection for endangered species.")
MEMO = ("President Obama on Tuesday overturned a last-minute Bush administration regulation that many "
        "environmentalists claim weakened the Endangered Species Act.")
CALL = ("More than 1,300 federal and independent scientists with biological expertise and three leading scientific "
        "societies today called on the Interior and Commerce departments to overturn rule changes made in January.")
LETTERS = ("1,300 biologists and three scientific societies representing some 20,000 scientists sent separate "
           "letters last Friday to the Interior and Commerce departments urging them to overturn the rule changes.")


def _one(text: str, source: str, published: PartialDate):
    found = extraction(text, source, published)
    (claim,) = [c for c in found.claims if c.times]
    return found, claim


def _kinds(text_a: str, day_a: PartialDate, text_b: str, day_b: PartialDate) -> set[FindingKind]:
    pair = AlignedClaims(*_one(text_a, "wire a", day_a), *_one(text_b, "wire b", day_b), score=0.99)
    return {f.kind for f in compare_aligned(pair)}


def test_each_article_dating_the_act_at_its_own_day_weeks_apart_is_no_mismatch() -> None:
    assert FindingKind.DATE_MISMATCH not in _kinds(REVERSAL, PartialDate(2009, 4, 28), MEMO, PartialDate(2009, 3, 3))


def test_the_same_two_sentences_days_apart_still_dispute_the_day() -> None:
    # "on Tuesday" of an article of Friday 1 May is 28 April, "today" of one of 30 April is 30 April
    assert FindingKind.DATE_MISMATCH in _kinds(REVERSAL, PartialDate(2009, 4, 30), MEMO, PartialDate(2009, 5, 1))


def test_today_against_last_friday_in_articles_a_day_apart_is_raised() -> None:
    assert FindingKind.DATE_MISMATCH in _kinds(CALL, PartialDate(2009, 4, 27), LETTERS, PartialDate(2009, 4, 28))


def test_a_date_away_from_its_own_day_weeks_later_is_still_raised() -> None:
    # "last Friday" of 8 May is 1 May, a week from its article's day: the later article dates the letters itself
    assert FindingKind.DATE_MISMATCH in _kinds(CALL, PartialDate(2009, 4, 27), LETTERS, PartialDate(2009, 5, 8))


def _time(text: str, published: PartialDate):
    extraction, claim = _one(text, "wire", published)
    return claim.times[0], extraction.article


def test_own_day_is_the_publication_day_give_or_take_one() -> None:
    today, article = _time(CALL, PartialDate(2009, 4, 27))
    assert on_own_day(today, article)
    friday, article = _time(LETTERS, PartialDate(2009, 4, 28))
    assert not on_own_day(friday, article)
    tuesday, article = _time(MEMO, PartialDate(2009, 3, 4))  # "on Tuesday" of a Wednesday: yesterday
    assert on_own_day(tuesday, article)


def test_separate_occurrences_need_more_than_a_week_between_the_articles() -> None:
    a = _time(REVERSAL, PartialDate(2009, 4, 28))
    assert separate_occurrences(*a, *_time(REVERSAL, PartialDate(2009, 4, 20)))
    assert not separate_occurrences(*a, *_time(REVERSAL, PartialDate(2009, 4, 21)))
    assert not separate_occurrences(*a, *_time(REVERSAL, PartialDate(2009, 4, 25)))


def test_no_publication_date_no_rule() -> None:
    a = _time(REVERSAL, PartialDate(2009, 4, 28))
    assert not separate_occurrences(*a, *_time(MEMO, PartialDate(2009, 3)))
