"""Stories that do not depend on the order articles arrive in.

An incremental clusterer decides each article once, against the stories of the articles seen before it, so the
same articles in another order make other stories (an early article on the edge of two events founds a story that
later articles split around). Here each arrival re-clusters its region instead: the new article and every stored
article connected to it through pairs that clear the story threshold. The region is clustered from scratch by
average linkage — the two clusters whose members are, on average, most similar merge first while that average
clears the story threshold — with ties broken by article id, so a region's stories are a function of its articles
alone. A re-formed story keeps the id most of its members already had, so that ids stay stable for callers;
only the names, never the membership, depend on arrival order.

Pair scores are those of the incremental clusterer: title-and-lead embedding cosine plus a bonus for shared
names; articles more than a window apart never share a story, and an undated article joins a dated one only on
wording alone well above the threshold. Inside the region, two articles on opposite sides of a clash of words
(service/stories/clashes.py: Rahman in the one and never Thompson, Thompson in the other and never Rahman, across
the region's reports of two Klitschko title defences) never share a story: that tells apart two events of one
subject that embed too close together for any threshold. Topics (looser subjects across stories) are still
decided on arrival: a re-formed story keeps the topic most of its members had.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

import numpy as np

from service.stories.clashes import opposed_pairs
from service.stories.clusterer import StoryAssignment, StoryDocument, StoryThresholds, name_overlap
from service.stories.members import MemberTable, StoryMember, StoryMembers

_BLOCKED = -1.0  # the score of a pair that may never share a story (too far apart in time, undated mismatch)


@dataclass(frozen=True)
class Placement:
    """Where a new article went, and the stored articles whose story changed because of it."""

    assignment: StoryAssignment
    moved: tuple[StoryAssignment, ...]


@dataclass(frozen=True)
class _Member:
    doc: StoryDocument
    names: frozenset[str]
    assignment: StoryAssignment | None  # None for the article being placed
    seq: int = -1
    words: frozenset[str] = frozenset()  # content words of title and lead


def _member(stored: StoryMember) -> _Member:
    doc = StoryDocument(stored.article_id, "", "", stored.names, stored.published, stored.embedding)
    return _Member(doc, frozenset(n.lower() for n in stored.names), stored.assignment, stored.seq,
                   frozenset(stored.words))


class _TakenIds:
    """Story ids a re-formed region may not take: those of stories outside the region (asked of the members on
    first need, since a region rarely wants more than a few) and those given out so far."""

    def __init__(self, members: StoryMembers, region: set[str]) -> None:
        self._members = members
        self._region = region
        self._known: dict[str, bool] = {}
        self._given: set[str] = set()

    def __contains__(self, story_id: str) -> bool:
        if story_id in self._given:
            return True
        if story_id not in self._known:
            self._known[story_id] = bool(self._members.story_ids_in_use([story_id], self._region))
        return self._known[story_id]

    def add(self, story_id: str) -> None:
        self._given.add(story_id)

    def __len__(self) -> int:
        given_outside = self._members.story_ids_in_use(self._given, self._region)
        return self._members.story_count(self._region) + len(self._given - given_outside)


class RegionalClusterer:
    """Places articles against `StoryMembers`: by default an in-memory table it keeps itself (`restore`, then
    `place` remembers each placement); given a store's members, it decides and the caller stores the decision."""

    def __init__(self, thresholds: StoryThresholds | None = None) -> None:
        self.thresholds = thresholds or StoryThresholds()
        self._table = MemberTable()

    # --------------------------------------------------------------------------------------------- state

    def restore(self, history: Iterable[tuple[StoryDocument, StoryAssignment]]) -> None:
        """Loads stored assignments without re-deciding them."""
        for doc, assignment in history:
            self._table.remember(doc.article_id, doc.names, doc.published, doc.embedding, assignment, doc.words)

    def assignments(self) -> dict[str, StoryAssignment]:
        return self._table.assignments()

    # --------------------------------------------------------------------------------------------- scoring

    def _pair_score(self, doc_a: StoryDocument, names_a: frozenset[str],
                    b: StoryDocument, names_b: frozenset[str], cosine: float) -> float:
        t = self.thresholds
        if doc_a.published is not None and b.published is not None:
            if abs((doc_a.published - b.published).days) > t.story_window_days:
                return _BLOCKED
        elif (doc_a.published is None) != (b.published is None) and cosine < t.undated_story:
            return _BLOCKED
        return cosine + t.name_weight * name_overlap(names_a, names_b)

    def _neighbours(self, doc: StoryDocument, names: frozenset[str], members: StoryMembers,
                    seen: dict[str, _Member]) -> list[str]:
        """Stored articles whose pair score with `doc` clears the story threshold."""
        t = self.thresholds
        # the name bonus is at most name_weight, so only these can clear the threshold (a hair of slack: the
        # exact test is the pair score below)
        near = []
        for stored, cosine in members.near(doc.embedding, t.story - t.name_weight - 1e-9):
            if stored.article_id == doc.article_id:
                continue
            member = seen.setdefault(stored.article_id, _member(stored))
            if self._pair_score(doc, names, member.doc, member.names, cosine) >= t.story:
                near.append(stored.article_id)
        return near

    def _region(self, doc: StoryDocument, names: frozenset[str], members: StoryMembers) -> dict[str, _Member]:
        """The stored articles connected to `doc` through pairs that clear the story threshold.

        Average linkage only ever merges clusters holding at least one such pair, so clustering this connected
        component alone gives the same stories as clustering everything: the result depends on which articles
        are stored, not on the order they came in."""
        fetched: dict[str, _Member] = {}
        region: set[str] = set()
        frontier = self._neighbours(doc, names, members, fetched)
        while frontier:
            article_id = frontier.pop()
            if article_id in region:
                continue
            region.add(article_id)
            member = fetched[article_id]
            frontier.extend(i for i in self._neighbours(member.doc, member.names, members, fetched) if i not in region)
        return {i: fetched[i] for i in sorted(region)}

    # --------------------------------------------------------------------------------------------- clustering

    def _cluster(self, docs: list[StoryDocument], words: list[frozenset[str]]) -> list[list[int]]:
        """Average-linkage clusters of `docs` (indexes), merging while the best average clears the threshold;
        two articles on opposite sides of a clash of their `words` never share a cluster."""
        n = len(docs)
        vectors = np.stack([d.embedding.astype(np.float64) for d in docs])
        cosines = vectors @ vectors.T
        names = [frozenset(x.lower() for x in d.names) for d in docs]
        scores = np.full((n, n), _BLOCKED)
        for i in range(n):
            for j in range(i + 1, n):
                scores[i, j] = scores[j, i] = self._pair_score(docs[i], names[i], docs[j], names[j],
                                                               float(cosines[i, j]))
        # Only ever lowers scores, and is a function of the region's articles: the region (connected through
        # pairs that clear the threshold without it) stays what it was, and its stories stay independent of order.
        scores[opposed_pairs(words, self.thresholds.clash_significance)] = _BLOCKED
        # Average linkage on running sums: merging y into x adds y's row of pair-score sums to x's, so each step
        # costs one row update instead of recomputing every cluster pair.
        sums = np.where(scores <= _BLOCKED, 0.0, scores)
        blocked = scores <= _BLOCKED
        np.fill_diagonal(blocked, True)
        sizes = np.ones(n)
        active = np.ones(n, dtype=bool)
        members = [[i] for i in range(n)]
        while True:
            valid = ~blocked & active[:, None] & active[None, :]
            valid = np.triu(valid, 1)
            if not valid.any():
                break
            averages = np.where(valid, sums / np.outer(sizes, sizes), -np.inf)
            # argmax takes the first of equal maxima in index order, and indexes follow article ids
            x, y = np.unravel_index(int(np.argmax(averages)), averages.shape)
            if averages[x, y] < self.thresholds.story:
                break
            sums[x, :] += sums[y, :]
            sums[:, x] = sums[x, :]
            blocked[x, :] |= blocked[y, :]
            blocked[:, x] = blocked[x, :]
            blocked[x, x] = True
            sizes[x] += sizes[y]
            active[y] = False
            members[x] = sorted(members[x] + members[y])
        clusters = [members[i] for i in range(n) if active[i]]
        self._scores = scores
        return clusters

    # --------------------------------------------------------------------------------------------- placing

    def place(self, doc: StoryDocument, members: StoryMembers | None = None) -> Placement:
        """Where `doc` goes and which stored articles move. Against the clusterer's own table the placement is
        remembered; against a store's `members` the caller stores it (with the article, in the same write)."""
        own = members is None
        members = self._table if members is None else members
        names = frozenset(n.lower() for n in doc.names)
        region = self._region(doc, names, members)
        docs = [m.doc for m in region.values()] + [doc]
        words = [m.words for m in region.values()] + [frozenset(doc.words)]
        # Sorted by article id, so the clustering sees the region in the same order whatever the arrival order.
        order = sorted(range(len(docs)), key=lambda k: docs[k].article_id)
        docs = [docs[k] for k in order]
        words = [words[k] for k in order]
        clusters = self._cluster(docs, words)
        placed: dict[str, StoryAssignment] = {}
        taken = _TakenIds(members, set(region))
        for cluster, story_id in zip(clusters, self._story_ids([[docs[k] for k in c] for c in clusters], region, taken)):
            cluster_docs = [docs[k] for k in cluster]
            topic_id = self._topic_for(cluster_docs, doc, region, members)
            for k in cluster:
                others = [self._scores[k, m] for m in cluster if m != k]
                similarity = float(np.mean(others)) if others else 1.0
                placed[docs[k].article_id] = StoryAssignment(docs[k].article_id, story_id, topic_id,
                                                             round(similarity, 6))
        moved = []
        for article_id, member in region.items():
            before = member.assignment
            after = placed[article_id]
            if (before.story_id, before.topic_id) != (after.story_id, after.topic_id):
                moved.append(after)
            if own:
                self._table.relink(after)
        if own:
            self._table.remember(doc.article_id, doc.names, doc.published, doc.embedding, placed[doc.article_id],
                                 doc.words)
        return Placement(placed[doc.article_id], tuple(moved))

    def _story_ids(self, clusters: list[list[StoryDocument]], region: dict[str, _Member], taken: _TakenIds) -> list[str]:
        """A re-formed story keeps the id most of its stored members had, so ids callers hold stay valid; when two
        clusters claim one id the larger keeps it (ties: the smaller first article id). Any other story is named
        after its smallest article id. Which articles share a story never depends on these names."""
        claims: list[tuple[int, str, int]] = []  # (members holding the id, smallest article id, cluster)
        wanted: list[str] = []
        for index, members in enumerate(clusters):
            held = Counter(region[d.article_id].assignment.story_id for d in members if d.article_id in region)
            first = min(d.article_id for d in members)
            wanted.append(sorted(held.items(), key=lambda item: (-item[1], item[0]))[0][0] if held else "")
            claims.append((-held[wanted[-1]] if held else 0, first, index))
        ids = [""] * len(clusters)
        # ids of stories outside the region are never reused
        for _, first, index in sorted(claims):
            if wanted[index] and wanted[index] not in taken:
                ids[index] = wanted[index]
                taken.add(ids[index])
        for _, first, index in sorted(claims):
            if ids[index]:
                continue
            for candidate in sorted(d.article_id for d in clusters[index]):
                if "story-" + candidate not in taken:
                    ids[index] = "story-" + candidate
                    break
            else:
                ids[index] = f"story-{first}-{len(taken)}"
            taken.add(ids[index])
        return ids

    def assign(self, doc: StoryDocument) -> StoryAssignment:
        return self.place(doc).assignment

    def _topic_for(self, cluster: list[StoryDocument], new: StoryDocument, region: dict[str, _Member],
                   members: StoryMembers) -> str:
        """The topic most of the story's stored members had; for a story of the new article alone, the topic of
        the stored article it is most similar to if that clears the topic threshold, else a topic of its own."""
        held = Counter(region[d.article_id].assignment.topic_id for d in cluster if d.article_id in region)
        if held:
            return sorted(held.items(), key=lambda item: (-item[1], item[0]))[0][0]
        t = self.thresholds
        best_cosine = members.best_cosine(new.embedding)
        if best_cosine is not None:
            # A score is the cosine plus at most the name bonus, so nothing below the best cosine less that bonus
            # can win: only those are read.
            floor = max(t.topic, best_cosine) - t.name_weight - 1e-9
            candidates = sorted(((_member(m), c) for m, c in members.near(new.embedding, floor)),
                                key=lambda pair: pair[0].seq)
            names = frozenset(n.lower() for n in new.names)
            best: _Member | None = None
            best_score = t.topic
            for member, cosine in candidates:  # arrival order: of equal scores the later article's topic is taken
                score = cosine + t.name_weight * name_overlap(names, member.names)
                if score >= best_score:
                    best, best_score = member, score
            if best is not None:
                return best.assignment.topic_id
        return "topic-" + new.article_id
