"""Putting the extractor's blocks back onto the page's visible text."""

from __future__ import annotations

from service.ingest.alignment import PageTokens, locate_blocks


def test_a_link_the_extractor_dropped_from_a_sentence_stays_with_its_sentence():
    # The page's paragraph with its inline link blanked in place; the extractor's block lacks the link's words.
    visible = ("<p>CBS Sports NFL Insider Jason La Canfora has reported that                   the NFL will fine "
               "Rudolph     for his role in the fight. Rudolph's role was a hot button topic.</p>")
    block = ("CBS Sports NFL Insider Jason La Canfora has reported that for his role in the fight. "
             "Rudolph's role was a hot button topic.")
    spans = locate_blocks([block], PageTokens(visible))
    assert [" ".join(visible[s.start:s.end].split()) for s in spans] == [
        "CBS Sports NFL Insider Jason La Canfora has reported that the NFL will fine Rudolph for his role in "
        "the fight. Rudolph's role was a hot button topic."]


def test_a_word_split_by_adjacent_links_is_kept_whole():
    # <a>Arte</a><a>mis m</a><a>oon</a>: the extractor reads "Artemis moon", the page shows the pieces.
    visible = "to join its    Arte       mis m       oon     program . Today NASA announced the selection."
    spans = locate_blocks(["to join its Artemis moon program. Today NASA announced the selection."],
                          PageTokens(visible))
    assert len(spans) == 1 and "Arte       mis m       oon" in visible[spans[0].start:spans[0].end]


def test_words_between_sentences_or_on_their_own_line_still_split_the_block():
    between_sentences = "The port reopened on Tuesday .  Sponsored : buy cards now  Ships left at dawn ."
    own_line = "The port reopened on\nSponsored : buy cards now\nTuesday and ships left at dawn ."
    for visible, kept in ((between_sentences, ["The port reopened on Tuesday .", "Ships left at dawn ."]),
                          (own_line, ["The port reopened on", "Tuesday and ships left at dawn ."])):
        blocks = [" ".join(kept)]
        spans = locate_blocks(blocks, PageTokens(visible))
        assert [visible[s.start:s.end] for s in spans] == kept
