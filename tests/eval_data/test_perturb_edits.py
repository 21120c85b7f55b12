"""The perturbation suite's speaker edits swap one quoted person for another quoted person, never for a place, a
day or a slogan that happens to look like a name."""

from __future__ import annotations

from tests.eval.perturb_edits import speaker_edits

TEXT = (
    "Kristan Hawkins, president of Students For Life of America, spoke first. \"We will keep marching for as long "
    "as it takes,\" said Kristan Hawkins, president of Students For Life of America. Protesters came from "
    "Southeast Asia and from Ash Wednesday services; Asia was well represented and so was Wednesday's crowd. "
    "Tim Kaine, a senator, disagreed. \"The court has spoken and the law is settled now,\" Kaine said. Hawkins "
    "shook her head."
)


def _gold(quote: str, source: str) -> tuple[tuple[int, int], tuple[int, int]]:
    q, s = TEXT.index(quote), TEXT.index(source, TEXT.index(quote))
    return (q, q + len(quote)), (s, s + len(source))


def test_a_speaker_is_swapped_for_another_quoted_person_only() -> None:
    gold = [
        _gold("\"We will keep marching for as long as it takes,\"", "Kristan Hawkins, president of Students For Life of America"),
        _gold("\"The court has spoken and the law is settled now,\"", "Kaine"),
    ]
    swaps = {(e.old_name, e.new_name) for e in speaker_edits(TEXT, gold)}
    assert swaps == {("Kristan Hawkins", "Tim Kaine"), ("Kaine", "Hawkins")}
