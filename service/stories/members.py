"""What story clustering reads of the stored articles, and where it reads it from.

Placing an article needs only the stored articles near it: those whose title-and-lead vector is close enough
that their pair score could clear a threshold, with their names, date and current story. `StoryMembers` asks
exactly that, so a clusterer can place against a database (shared by several server processes, nothing read at
start-up) as well as against the in-memory `MemberTable` that evaluations and unit tests fill themselves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Protocol

import numpy as np

from service.stories.clusterer import StoryAssignment


@dataclass(frozen=True, slots=True)
class StoryMember:
    """A stored article as story clustering sees it."""

    article_id: str
    names: tuple[str, ...]
    published: dt.date | None
    embedding: np.ndarray  # title + lead, L2-normalised
    assignment: StoryAssignment
    seq: int  # arrival order: ties between equally good topics go to the later article
    words: tuple[str, ...] = ()  # content words of title and lead (StoryDocument.words); () if never kept


class StoryMembers(Protocol):
    """The stored articles, queried by vector. Read inside the write that stores the placement, so what one
    placement reads is what the next sees."""

    def near(self, embedding: np.ndarray, min_cosine: float) -> list[tuple[StoryMember, float]]:
        """Every stored article whose cosine with `embedding` is at least `min_cosine`, with that cosine (float64,
        computed from the stored float32 rows as the in-memory table does, so every backend decides alike)."""
        ...

    def best_cosine(self, embedding: np.ndarray) -> float | None:
        """The highest cosine of any stored article with `embedding`; None when nothing is stored."""
        ...

    def story_ids_in_use(self, story_ids: Iterable[str], excluding: Iterable[str]) -> set[str]:
        """Which of `story_ids` some stored article outside `excluding` (article ids) belongs to."""
        ...

    def story_count(self, excluding: Iterable[str]) -> int:
        """How many distinct stories the stored articles outside `excluding` belong to."""
        ...


class VectorRows:
    """Title-and-lead vectors in arrival order as one float64 matrix, grown in place (amortised doubling)."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.names: list[tuple[str, ...]] = []
        self.published: list[dt.date | None] = []
        self.words: list[tuple[str, ...]] = []
        self._matrix = np.zeros((0, 0))

    def __len__(self) -> int:
        return len(self.ids)

    def append(self, article_id: str, names: tuple[str, ...], published: dt.date | None, embedding: np.ndarray,
               words: tuple[str, ...] = ()) -> None:
        row = np.asarray(embedding).astype(np.float64)
        if not self._matrix.size:
            self._matrix = np.zeros((16, row.shape[0]))
        elif len(self.ids) == self._matrix.shape[0]:
            self._matrix = np.vstack([self._matrix, np.zeros_like(self._matrix)])
        self._matrix[len(self.ids)] = row
        self.ids.append(article_id)
        self.names.append(tuple(names))
        self.published.append(published)
        self.words.append(tuple(words))

    def extend(self, ids: list[str], names: list[tuple[str, ...]], published: list[dt.date | None],
               matrix: np.ndarray, words: list[tuple[str, ...]] | None = None) -> None:
        """Many rows at once (a store reading its stored vectors): one copy instead of one per row."""
        if not ids:
            return
        rows = np.asarray(matrix).astype(np.float64)
        have = len(self.ids)
        if not self._matrix.size:
            self._matrix = np.zeros((max(16, len(ids)), rows.shape[1]))
        elif have + len(ids) > self._matrix.shape[0]:
            grown = np.zeros((max(2 * self._matrix.shape[0], have + len(ids)), rows.shape[1]))
            grown[:have] = self._matrix[:have]
            self._matrix = grown
        self._matrix[have : have + len(ids)] = rows
        self.ids.extend(ids)
        self.names.extend(names)
        self.published.extend(published)
        self.words.extend(words if words is not None else [()] * len(ids))

    def embedding(self, row: int) -> np.ndarray:
        return self._matrix[row]

    def cosines(self, embedding: np.ndarray) -> np.ndarray:
        return self._matrix[: len(self.ids)] @ np.asarray(embedding).astype(np.float64)

    def near(self, embedding: np.ndarray, min_cosine: float) -> list[tuple[int, float]]:
        if not self.ids:
            return []
        cosines = self.cosines(embedding)
        return [(int(k), float(cosines[k])) for k in np.flatnonzero(cosines >= min_cosine)]

    def best_cosine(self, embedding: np.ndarray) -> float | None:
        return float(np.max(self.cosines(embedding))) if self.ids else None


class MemberTable:
    """StoryMembers held in memory: what a clusterer used alone (evaluations, unit tests) places against."""

    def __init__(self) -> None:
        self._rows = VectorRows()
        self._row_of: dict[str, int] = {}
        self._assignments: dict[str, StoryAssignment] = {}

    def __len__(self) -> int:
        return len(self._rows)

    def remember(self, article_id: str, names: tuple[str, ...], published: dt.date | None, embedding: np.ndarray,
                 assignment: StoryAssignment, words: tuple[str, ...] = ()) -> None:
        if article_id not in self._row_of:
            self._row_of[article_id] = len(self._rows)
            self._rows.append(article_id, names, published, embedding, words)
        self._assignments[article_id] = assignment

    def relink(self, assignment: StoryAssignment) -> None:
        self._assignments[assignment.article_id] = assignment

    def assignments(self) -> dict[str, StoryAssignment]:
        return dict(self._assignments)

    def _member(self, row: int) -> StoryMember:
        article_id = self._rows.ids[row]
        return StoryMember(article_id, self._rows.names[row], self._rows.published[row], self._rows.embedding(row),
                           self._assignments[article_id], row, self._rows.words[row])

    def near(self, embedding: np.ndarray, min_cosine: float) -> list[tuple[StoryMember, float]]:
        return [(self._member(row), cosine) for row, cosine in self._rows.near(embedding, min_cosine)]

    def best_cosine(self, embedding: np.ndarray) -> float | None:
        return self._rows.best_cosine(embedding)

    def story_ids_in_use(self, story_ids: Iterable[str], excluding: Iterable[str]) -> set[str]:
        wanted, skip = set(story_ids), set(excluding)
        return {a.story_id for i, a in self._assignments.items() if i not in skip and a.story_id in wanted}

    def story_count(self, excluding: Iterable[str]) -> int:
        skip = set(excluding)
        return len({a.story_id for i, a in self._assignments.items() if i not in skip})
