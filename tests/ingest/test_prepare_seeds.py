"""Boilerplate removal, headline and outlet on the five seed articles, as a reader of them sees it."""

import pytest

from service.ingest import prepare
from tests.ingest.seeds import SEED_IDS, seed_text

# Page debris found in the seeds; none of it may survive in a kept paragraph.
DEBRIS = (
    "narrow-browser-and-phone", "landscape-tablet", "0 : 0", "Subscribe", "Newsfeed", "Chats",
    "log in or register", "loader", "To participate in the discussion", "Comments are closed", "Category:",
    "Related articles", "Missile Defense Is a Nice Problem to Have", "Original url", "themoscowtimes.com",
    "By [The Moscow Times]", "**", "March 7, 2013 | By More", "Reuters logo", "11:37 PM", "5 years ago",
    "November 21, 2011", "About", "Countries", "Our Standards", "Trust Principles", "Reporting by", "Editing by",
    "REUTERS/Kham", "AP Photo", "The latest news and stories from Russia", "Stay tuned", "Sputnik International",
)

REAL_PARAGRAPH_STARTS = {
    "000": ("WASHINGTON — Russian and U.S. defense chiefs", "There have been no meetings at the deputy minister level since 2011",
            '"We are very interested', "Antonov, a deputy of Shoigu", '"And [we] feel'),
    "001": ("MOSCOW/WASHINGTON (Reuters) - Russian", "Russia's Defence Minister Sergei Shoigu speaks",
            "Cold War-era foes Moscow and Washington", "“And (we) feel"),
    "002": ("Russia has invited US Joint Chiefs", "‘Missile defence will be one", "There was no comment",
            "Russia has threatened a range of countermeasures"),
    "003": ("MOSCOW, April 23 (RIA Novosti) - Moscow and Washington", "President Vladimir Putin said at the meeting",
            '"Mrs. [Condoleezza] Rice', "Putin and Bush discussed", "Both presidents expressed satisfaction"),
    "004": ("(Nov. 21) - U.S. Secretary of State Hillary Clinton speaks", "U.S. Secretary of State Hillary Clinton and her",
            "Moscow is demanding", '"A missile defense system for NATO?'),
}

TITLES = {
    "000": "U.S. and Russia Aim to Reconvene Stalled Missile Defense Talks",
    "001": "U.S., Russia aim to reconvene stalled missile defence talks",
    "002": "Russia invites US for missile talks",
    "003": "Russia, U.S. agree to continue dialogue on missile defense",
    "004": "Russian, U.S. Foreign Policy Chiefs Discuss Missile Defense",
}

# 003 is a RIA Novosti dispatch (its dateline) shown on the Sputnik site: the agency that reported it is the
# source. 002 and 004 do not name their publisher (004 only cites ITAR-Tass).
OUTLETS = {"000": "The Moscow Times", "001": "Reuters", "002": "", "003": "RIA Novosti", "004": ""}


def kept(seed: str) -> list[str]:
    text = seed_text(seed)
    prepared = prepare(text)
    return [p.of(prepared.clean) for p in prepared.paragraphs]


@pytest.mark.parametrize("seed", SEED_IDS)
def test_clean_keeps_every_position(seed: str) -> None:
    text = seed_text(seed)
    prepared = prepare(text)
    assert len(prepared.clean) == len(text)
    assert all(c == t or c.isspace() for c, t in zip(prepared.clean, text))
    assert all(c == "\n" for c, t in zip(prepared.clean, text) if t == "\n")


@pytest.mark.parametrize("seed", SEED_IDS)
def test_paragraphs_are_ordered_trimmed_slices(seed: str) -> None:
    text = seed_text(seed)
    prepared = prepare(text)
    assert prepared.paragraphs
    previous_end = 0
    for paragraph in prepared.paragraphs:
        assert paragraph.start >= previous_end
        slice_ = paragraph.of(text)
        assert slice_ == slice_.strip() and slice_
        assert paragraph.of(prepared.clean).strip() == paragraph.of(prepared.clean)
        previous_end = paragraph.end


@pytest.mark.parametrize("seed", SEED_IDS)
def test_no_debris_in_kept_paragraphs(seed: str) -> None:
    for paragraph in kept(seed):
        for debris in DEBRIS:
            assert debris not in paragraph, (debris, paragraph[:80])


@pytest.mark.parametrize("seed", SEED_IDS)
def test_news_paragraphs_are_kept(seed: str) -> None:
    paragraphs = kept(seed)
    for start in REAL_PARAGRAPH_STARTS[seed]:
        assert sum(p.startswith(start) for p in paragraphs) == 1, start


@pytest.mark.parametrize("seed", SEED_IDS)
def test_headline_is_the_title_not_a_paragraph(seed: str) -> None:
    text = seed_text(seed)
    prepared = prepare(text)
    assert prepared.title == TITLES[seed]
    assert prepared.title_span is not None and prepared.title_span.of(text) == TITLES[seed]
    assert all(TITLES[seed] not in p for p in kept(seed))


@pytest.mark.parametrize("seed", SEED_IDS)
def test_outlet(seed: str) -> None:
    assert prepare(seed_text(seed)).source == OUTLETS[seed]


def test_caption_keeps_its_sentence_but_not_the_photo_credit() -> None:
    caption = next(p for p in kept("001") if p.startswith("Russia's Defence Minister Sergei Shoigu speaks"))
    assert caption.endswith("in Hanoi March 5, 2013.")


def test_repeated_paragraphs_are_kept_once() -> None:
    paragraphs = kept("004")
    assert sum("Hillary Clinton speaks in July" in p for p in paragraphs) == 1
    assert sum("on Saturday held talks that touched on missile defense" in p for p in paragraphs) == 1
    # 003 gives its lead without and then with the dateline: the full one stays.
    lead = [p for p in kept("003") if "will continue a dialogue on America's missile defense plans" in p]
    assert len(lead) == 1 and lead[0].startswith("MOSCOW, April 23 (RIA Novosti)")


def test_repeated_paragraph_is_masked_later_not_earlier() -> None:
    text = seed_text("004")
    prepared = prepare(text)
    first = text.index("U.S. Secretary of State Hillary Clinton and her")
    assert any(p.start == first for p in prepared.paragraphs)
    assert (first, "repeated paragraph") not in [(s.start, r) for s, r in prepared.removed]


def test_removed_parts_say_why() -> None:
    reasons = {reason for _, reason in prepare(seed_text("001")).removed}
    assert {"css classes", "credits", "photo credit", "logo", "repeated title"} <= reasons
    reasons = {reason for _, reason in prepare(seed_text("000")).removed}
    assert {"related", "byline", "source url", "title"} <= reasons


def test_caller_source_wins_and_url_host_names_the_outlet() -> None:
    text = seed_text("002")
    assert prepare(text, source_hint="Global Security Newswire").source == "Global Security Newswire"
    assert prepare(text, url="https://www.reuters.com/article/x").source == "Reuters"
    assert prepare(text, url="https://news.example.org/a/1").source == "news.example.org"
