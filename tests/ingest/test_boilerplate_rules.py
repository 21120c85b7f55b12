"""The general line rules on a page that is not one of the seeds."""

from service.ingest import prepare

PAGE = """Home
World
Politics

Ministers Agree on Grain Export Corridor After Talks

By Jane Doe
June 3, 2022
Share

ISTANBUL (Anadolu) - Ministers agreed on Friday to open a sea corridor for grain exports, officials said.

The corridor will be monitored by a joint centre
in Istanbul, the officials added.

- [Grain prices fall on corridor news](/markets/1)
- [Ports reopen](/ports/2)

  • small-screen-only
  • wide-layout-and-up

Writing by John Roe; Editing by Ann Poe
Follow us
"""


def test_general_debris_is_removed_and_article_kept() -> None:
    prepared = prepare(PAGE)
    paragraphs = [p.of(prepared.clean) for p in prepared.paragraphs]
    assert prepared.title == "Ministers Agree on Grain Export Corridor After Talks"
    assert prepared.source == "Anadolu"
    assert paragraphs[0].startswith("ISTANBUL (Anadolu) - Ministers agreed")
    # A hard-wrapped paragraph stays one paragraph.
    assert paragraphs[1] == "The corridor will be monitored by a joint centre\nin Istanbul, the officials added."
    assert len(paragraphs) == 2


def test_text_without_headline_keeps_its_first_paragraph() -> None:
    text = "Ministers agreed on Friday to open a sea corridor for grain exports, officials said.\n\nPrices fell."
    prepared = prepare(text)
    assert prepared.title == ""
    assert [p.of(text) for p in prepared.paragraphs][0].startswith("Ministers agreed")


def test_inline_markdown_is_blanked_in_place() -> None:
    text = "Talks Resume in Geneva Today\n\nThe envoy met **senior officials** and [the minister](https://x.org/m) on Monday."
    prepared = prepare(text)
    (paragraph,) = prepared.paragraphs
    assert " ".join(paragraph.of(prepared.clean).split()) == "The envoy met senior officials and the minister on Monday."
