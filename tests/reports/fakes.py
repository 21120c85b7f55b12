"""Reports over articles and findings made by hand: an engine stand-in that answers `select` and `check` from
fixed records, and builders for records and messages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from service.records import (
    Article,
    DiffCategory,
    DiffEntry,
    DiffOp,
    Evidence,
    Finding,
    FindingKind,
    PartialDate,
    Severity,
    Span,
)
from service.store import ArticleSummary
from service.store.memory import MemoryStore


def article(article_id: str, source: str, published: dt.date | None, title: str = "") -> Article:
    date = PartialDate(published.year, published.month, published.day) if published else None
    return Article(id=article_id, content_hash=f"hash-{article_id}", text="", clean="", source=source, url="",
                   title=title or f"{source} on the talks", title_span=None, published=date, published_span=None,
                   content_type="text/plain", paragraphs=())


def evidence(article_id: str, source: str, claim: int, value: str, sentence: str = "") -> Evidence:
    return Evidence(article_id=article_id, source=source, sentence=sentence or f"{source} wrote: {value}",
                    span=Span(claim * 10, claim * 10 + 5), value=value, claim_id=f"{article_id}:{claim}")


def agreement(a: Evidence, b: Evidence, story_id: str = "s1") -> Finding:
    return Finding(FindingKind.AGREEMENT, Severity.INFO, 0.9, f"{a.source} and {b.source} agree", (a, b),
                   story_id=story_id)


def mismatch(kind: FindingKind, severity: Severity, a: Evidence, b: Evidence, story_id: str = "s1") -> Finding:
    return Finding(kind, severity, 0.8, f"{a.source} and {b.source} differ", (a, b), story_id=story_id)


def uncorroborated(a: Evidence, story_id: str = "s1") -> Finding:
    return Finding(FindingKind.UNCORROBORATED, Severity.INFO, 0.5, f"only {a.source} reports this", (a,),
                   story_id=story_id)


ANTONOV_MT = ("We are very interested in further developments on European missile defense, and our minister "
              "offered to restart regular consultations")
ANTONOV_REUTERS = ("We are very interested in further developments on the European missile defence and our "
                   "minister offered to restart regular consultations")


def quote_wording(a_id: str = "mt", b_id: str = "reuters", story_id: str = "s1") -> Finding:
    """The Moscow Times' and Reuters' Antonov quote, the diff going from the first to the second."""
    diff = (
        DiffEntry(DiffOp.EQUAL, "We are very interested in further developments on",
                  "We are very interested in further developments on"),
        DiffEntry(DiffOp.INSERT, "", "the", DiffCategory.FUNCTION_WORD),
        DiffEntry(DiffOp.EQUAL, "European missile", "European missile"),
        DiffEntry(DiffOp.REPLACE, "defense,", "defence", DiffCategory.SPELLING),
        DiffEntry(DiffOp.EQUAL, "and our minister offered to restart regular consultations",
                  "and our minister offered to restart regular consultations"),
    )
    return Finding(
        FindingKind.QUOTE_WORDING, Severity.MINOR, 0.95, 'wording differs: inserted "the"; defense / defence',
        (evidence(a_id, "The Moscow Times", 3, ANTONOV_MT, f'"{ANTONOV_MT}," Antonov said <b>&</b>.'),
         evidence(b_id, "Reuters", 4, ANTONOV_REUTERS, f'"{ANTONOV_REUTERS}," Antonov was quoted as saying.')),
        diff=diff, story_id=story_id,
    )


@dataclass
class FakeEngine:
    """`select` by publication date and `check` returning the findings among the selected articles."""

    articles: list[tuple[Article, str, int]] = field(default_factory=list)  # article, story id, claim count
    findings: list[Finding] = field(default_factory=list)
    store: MemoryStore = field(default_factory=MemoryStore)
    checks: int = 0

    @property
    def reports(self) -> MemoryStore:
        return self.store

    def add(self, item: Article, story_id: str = "s1", claims: int = 10) -> None:
        self.articles.append((item, story_id, claims))

    def select(self, since: dt.date, until: dt.date) -> list[str]:
        return [a.id for a, _, _ in self.articles
                if a.published and a.published.complete and since <= a.published.complete < until]

    def check(self, ids: list[str]) -> tuple[list[ArticleSummary], list[Finding]]:
        self.checks += 1
        chosen = set(ids)
        summaries = [ArticleSummary(a, story, story, claims) for a, story, claims in self.articles if a.id in chosen]
        findings = [f for f in self.findings if {e.article_id for e in f.evidence} <= chosen]
        return summaries, findings


def talks_engine() -> FakeEngine:
    """Three outlets on one story on 25 March 2013, one more on another story two days later, and an article
    without a complete date."""
    engine = FakeEngine()
    day = dt.date(2013, 3, 25)
    engine.add(article("mt", "The Moscow Times", day), "s1", 14)
    engine.add(article("reuters", "Reuters", day), "s1", 15)
    engine.add(article("sputnik", "Sputnik", day), "s1", 10)
    engine.add(article("later", "Reuters", day + dt.timedelta(days=2), "Later talks"), "s2", 5)
    engine.add(article("undated", "Sputnik", None), "s3", 8)
    mt, reuters, sputnik = (evidence("mt", "The Moscow Times", 1, "six meetings in 2011"),
                            evidence("reuters", "Reuters", 1, "six meetings in 2011"),
                            evidence("sputnik", "Sputnik", 1, "six meetings in 2011"))
    engine.findings = [
        quote_wording(),
        agreement(mt, reuters),
        agreement(reuters, sputnik),
        mismatch(FindingKind.DATE_MISMATCH, Severity.MAJOR, evidence("mt", "The Moscow Times", 2, "2013-03-21"),
                 evidence("sputnik", "Sputnik", 2, "2013-03-23")),
        uncorroborated(evidence("sputnik", "Sputnik", 5, "Lavrov <script>alert(1)</script> & co")),
        uncorroborated(evidence("later", "Reuters", 1, "A later claim"), story_id="s2"),
    ]
    return engine
