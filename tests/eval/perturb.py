"""Perturbation suite: real articles against copies of themselves with one controlled edit.

    python -m tests.eval.perturb ../shared/data [--articles N] [--errors] [--backend torch|onnx|onnx-int8]

Articles come from PolNeAR train (its gold attributions say who speaks each direct quote) and TimeBank +
AQUAINT (their creation time is the publication date). Each article is paired with copies of itself: one per
edit kind the article allows (see `tests.eval.perturb_edits`), each with ONE edit, and one control copy with
only harmless edits. Both go through `Engine.compare` with the real model and the committed pair scorer.

Scored:
- recall per edit kind: the edit is flagged with the kind a fact-checker expects, with evidence overlapping the
  edited characters in both the original and the copy;
- false discrepancies per pair: on controls every discrepancy; on edit pairs every discrepancy whose evidence
  touches neither the edit nor follows from it (a swapped speaker also changes who "he" is in the quotes that
  follow, so an attribution finding between the old and the new speaker follows from the edit; "that same day"
  denotes the edited date, so a date finding between the same two days as the one at the edit follows from it);
- precision per finding kind and severity: right = at the edit (or following from it) with a kind the edit
  calls for; a finding at the edit of another kind is wrong without being "beyond the edit". The tuning row is
  what `service.compare.confidence` is calibrated on.

Articles whose sha1(name) % 5 == 0 are held out: the rules were fixed on the other ones. The article count is
capped and each article cut to its first paragraphs, so the run stays within a few minutes on two cores.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import re
import sys
import time
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

from tests.eval import perturb_edits as edits
from tests.eval.perturb_edits import CONTROL, EDIT_KINDS, Edit

SEED = 20240611
HELD_OUT_MODULUS = 5
ARTICLES_PER_CORPUS = 40  # tuning articles per corpus; the held-out part gets half as many (ten a kind at
# least, so that one pair is not a tenth of a recall)
MAX_CHARS = 2500  # an article is cut after the paragraph that crosses this
EXPECTED = {
    edits.NUMBER: {"NUMBER_MISMATCH"},
    edits.DATE: {"DATE_MISMATCH"},
    edits.QUOTE: {"QUOTE_WORDING"},
    edits.NEGATION: {"QUOTE_WORDING", "CONTRADICTION"},
    edits.SPEAKER: {"QUOTE_ATTRIBUTION"},
    edits.TITLE: {"ROLE_MISMATCH"},
}
DISCREPANCIES = {"DATE_MISMATCH", "NUMBER_MISMATCH", "QUOTE_WORDING", "QUOTE_ATTRIBUTION", "ROLE_MISMATCH",
                 "CONTRADICTION"}


@dataclass(frozen=True)
class Source:
    name: str
    text: str
    published: dt.date | None
    quotes: tuple[tuple[tuple[int, int], tuple[int, int]], ...] = ()  # gold (quote extent, source span)


@dataclass(frozen=True)
class Pair:
    source: Source
    kind: str  # an edit kind or CONTROL
    edits: tuple[Edit, ...]
    text: str  # the edited copy
    spans: tuple[tuple[int, int], ...]  # each edit's span in the copy


@dataclass
class Tally:
    pairs: Counter = field(default_factory=Counter)  # kind -> pairs
    hits: Counter = field(default_factory=Counter)
    false: Counter = field(default_factory=Counter)  # kind -> false discrepancies
    raised: Counter = field(default_factory=Counter)  # (finding kind, severity) -> discrepancies raised
    correct: Counter = field(default_factory=Counter)  # (finding kind, severity) -> raised at an edit, right kind
    errors: list[str] = field(default_factory=list)


def is_held_out(name: str) -> bool:
    return int(hashlib.sha1(name.encode()).hexdigest(), 16) % HELD_OUT_MODULUS == 0


def _cut(text: str, limit: int = MAX_CHARS) -> str:
    end = 0
    for match in re.finditer(r"\n\s*\n", text):
        end = match.start()
        if end >= limit:
            break
    return text[:end] if end >= limit // 2 else text[:limit].rsplit(" ", 1)[0]


def polnear_sources(folder: Path) -> list[Source]:
    from tests.eval.polnear import articles

    found = []
    for name, text, gold in articles(folder / "polnear" / "train"):
        match = re.search(r"_(\d{4})-(\d{2})-(\d{2})_", name)
        published = dt.date(int(match[1]), int(match[2]), int(match[3])) if match else None
        cut = _cut(text)
        quotes = tuple(
            ((g.extent.start, g.extent.end), (s.start, s.end))
            for g in gold if g.direct and g.extent.end <= len(cut) for s in g.sources[:1]
        )
        # PolNeAR is here for its attributions: only articles with a named speaker to swap are drawn from it.
        if edits.speaker_edits(cut, list(quotes)):
            found.append(Source(name, cut, published, quotes))
    return found


def timeml_sources(folder: Path) -> list[Source]:
    from tests.eval.timeml import read_document

    found = []
    root = folder / "timeml" / "TBAQ-cleaned"
    for path in sorted(root.glob("TimeBank/*.tml")) + sorted(root.glob("AQUAINT/*.tml")):
        document = read_document(path)
        anchor = document.anchor.complete if document.anchor else None
        text = document.text.strip("\n")
        if len(text) >= 800:
            found.append(Source(path.name, _cut(text), anchor))
    return found


def choose(sources: list[Source], rng: random.Random, per_corpus: int) -> tuple[list[Source], list[Source]]:
    tuning = [s for s in sources if not is_held_out(s.name)]
    held_out = [s for s in sources if is_held_out(s.name)]
    return (rng.sample(tuning, min(per_corpus, len(tuning))),
            rng.sample(held_out, min(max(1, per_corpus // 2), len(held_out))))


def make_pairs(source: Source, rng: random.Random) -> list[Pair]:
    text = source.text
    candidates = {
        edits.NUMBER: edits.number_edits(text),
        edits.DATE: edits.date_edits(text),
        edits.QUOTE: edits.quote_word_edits(text),
        edits.NEGATION: edits.negation_edits(text),
        edits.SPEAKER: edits.speaker_edits(text, list(source.quotes)),
        edits.TITLE: edits.title_edits(text),
    }
    pairs = []
    for kind in EDIT_KINDS:
        if candidates[kind]:
            edit = rng.choice(candidates[kind])
            edited, spans = edits.apply(text, [edit])
            pairs.append(Pair(source, kind, (edit,), edited, tuple(spans)))
    harmless = edits.control_edits(text, source.published, rng)
    if harmless:
        edited, spans = edits.apply(text, harmless)
        pairs.append(Pair(source, CONTROL, tuple(harmless), edited, tuple(spans)))
    return pairs


class _Engine:
    """`Engine.compare` with each original article analysed once for all of its copies."""

    def __init__(self, backend: str) -> None:
        from service.align import load_scorer
        from service.embed import open_embedder
        from service.engine import Engine
        from service.store import open_store

        class CachingEngine(Engine):
            known: OrderedDict = OrderedDict()

            def _analyse_many(self, items, leads=True, embedder=None):  # type: ignore[override]
                missing = [item for item in dict.fromkeys(items) if (item, leads) not in self.known]
                self.known.update(((item, leads), result)
                                  for item, result in zip(missing, super()._analyse_many(missing, leads, embedder)))
                found = [self.known[item, leads] for item in items]
                while len(self.known) > 8:
                    self.known.popitem(last=False)
                return found

        self.engine = CachingEngine(open_store("memory:"), open_embedder(backend), load_scorer())

    def compare(self, pair: Pair):
        from service.records import ArticleInput, PartialDate

        published = pair.source.published
        date = PartialDate(published.year, published.month, published.day) if published else None
        original = ArticleInput(text=pair.source.text, source="Original", published=date, external_id="a")
        copy = ArticleInput(text=pair.text, source="Copy", published=date, external_id="b")
        _, findings = self.engine.compare([original, copy], agreements=False)
        return [f for f in findings if f.kind.value in DISCREPANCIES]


def _overlaps(span, start: int, end: int) -> bool:
    # An insertion (start == end) is touched by evidence that contains its position.
    return span.start < max(end, start + 1) and start < span.end if end > start else span.start <= start <= span.end


def _at_edit(finding, pair: Pair, index: int) -> bool:
    edit, (new_start, new_end) = pair.edits[index], pair.spans[index]
    sides = {e.source: e for e in finding.evidence}
    original, copy = sides.get("Original"), sides.get("Copy")
    return (original is not None and copy is not None and _overlaps(original.span, edit.start, edit.end)
            and _overlaps(copy.span, new_start, new_end))


def _touches_edit(finding, pair: Pair) -> bool:
    for index, edit in enumerate(pair.edits):
        new_start, new_end = pair.spans[index]
        for e in finding.evidence:
            if (e.source == "Original" and _overlaps(e.span, edit.start, edit.end)) or (
                    e.source == "Copy" and _overlaps(e.span, new_start, new_end)):
                return True
    return False


def _values(finding) -> tuple[str, str]:
    values = {e.source: e.value for e in finding.evidence}
    return values.get("Original", ""), values.get("Copy", "")


def _follows_from_edit(finding, pair: Pair, findings=()) -> bool:
    if pair.kind == edits.DATE and finding.kind.value == "DATE_MISMATCH":
        # "that same day" refers back to the edited date: the same two days as the finding at the edit
        return any(other.kind.value == "DATE_MISMATCH" and _at_edit(other, pair, 0)
                   and _values(other) == _values(finding) for other in findings)
    if pair.kind != edits.SPEAKER or finding.kind.value != "QUOTE_ATTRIBUTION":
        return False
    from service.people.names import same_person

    edit = pair.edits[0]
    values = {e.source: e.value for e in finding.evidence}
    return same_person(values.get("Original", ""), edit.old_name) and same_person(values.get("Copy", ""),
                                                                                  edit.new_name)


def score(pair: Pair, findings, tally: Tally) -> None:
    """Recall of the edit, false discrepancies beyond it, and for every finding raised whether it was right: at
    the edit (or following from it) with a kind the edit calls for."""
    tally.pairs[pair.kind] += 1
    expected = EXPECTED.get(pair.kind, set())
    if pair.kind != CONTROL:
        if any(f.kind.value in expected and _at_edit(f, pair, 0) for f in findings):
            tally.hits[pair.kind] += 1
        else:
            edit = pair.edits[0]
            context = pair.source.text[max(0, edit.start - 60) : edit.end + 60].replace("\n", " ")
            tally.errors.append(f"MISS  {pair.kind:8} {pair.source.name}: {edit.note} | …{context}…")
    for finding in findings:
        key = (finding.kind.value, finding.severity.value)
        tally.raised[key] += 1
        at_edit = pair.kind != CONTROL and (_touches_edit(finding, pair) or _follows_from_edit(finding, pair, findings))
        if at_edit:
            tally.correct[key] += finding.kind.value in expected
            continue
        tally.false[pair.kind] += 1
        values = " / ".join(f"{e.source}[{e.span.start}:{e.span.end}] {e.value[:70]!r}" for e in finding.evidence)
        tally.errors.append(f"FALSE {pair.kind:8} {pair.source.name}: {finding.kind.value} {finding.severity.value} "
                            f"{finding.explanation[:160]} | {values}")


def _ratio(num: int, den: int, digits: int = 2) -> str:
    return f"{num / den:.{digits}f} ({num}/{den})" if den else "–"


def table(rows: list[tuple[str, Tally]]) -> str:
    header = ["split", *[f"recall: {k}" for k in EDIT_KINDS], "false per pair: controls",
              "false per pair: edit pairs (beyond the edit)"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for label, t in rows:
        edit_pairs = sum(t.pairs[k] for k in EDIT_KINDS)
        edit_false = sum(t.false[k] for k in EDIT_KINDS)
        cells = [label, *[_ratio(t.hits[k], t.pairs[k]) for k in EDIT_KINDS],
                 _ratio(t.false[CONTROL], t.pairs[CONTROL], 3), _ratio(edit_false, edit_pairs, 3)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def precision_table(rows: list[tuple[str, Tally]]) -> str:
    """Per finding kind and severity: the share of raised discrepancies that were right (see `score`)."""
    keys = sorted({key for _, t in rows for key in t.raised})
    lines = ["| split | " + " | ".join(f"{kind} {severity}" for kind, severity in keys) + " |",
             "|" + "---|" * (len(keys) + 1)]
    for label, t in rows:
        lines.append("| " + " | ".join([label, *[_ratio(t.correct[k], t.raised[k]) for k in keys]]) + " |")
    return "\n".join(lines)


def calibration(tally: Tally) -> dict[str, float]:
    """What `service.compare.confidence.MEASURED` holds: each (kind, severity)'s share of right findings,
    smoothed by one right and one wrong so that 4 right of 4 reads 0.83, not certainty."""
    table = {f"{kind} {severity}": round((tally.correct[kind, severity] + 1) / (raised + 2), 2)
             for (kind, severity), raised in sorted(tally.raised.items())}
    right, raised = sum(tally.correct.values()), sum(tally.raised.values())
    table["overall"] = round((right + 1) / (raised + 2), 2)
    return table


def _option(argv: list[str], name: str, default: int) -> int:
    return int(argv[argv.index(name) + 1]) if name in argv else default


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 and not argv[1].startswith("--") else Path("../shared/data")
    if not (folder / "polnear" / "train").is_dir() or not (folder / "timeml" / "TBAQ-cleaned").is_dir():
        print(f"skipped: no PolNeAR train or TimeML data under {folder}")
        return 0
    per_corpus = _option(argv, "--articles", ARTICLES_PER_CORPUS)
    began = time.perf_counter()
    rng = random.Random(SEED)
    tuning, held_out = [], []
    for sources in (polnear_sources(folder), timeml_sources(folder)):
        chosen_tuning, chosen_held_out = choose(sources, rng, per_corpus)
        tuning += chosen_tuning
        held_out += chosen_held_out
    backend = argv[argv.index("--backend") + 1] if "--backend" in argv else "torch"
    engine = _Engine(backend)
    print(f"model backend: {backend}\n")
    tallies = []
    for label, chosen in (("tuning", tuning), ("held out", held_out)):
        tally = Tally()
        for source in chosen:
            for pair in make_pairs(source, random.Random(f"{SEED}:{source.name}")):
                score(pair, engine.compare(pair), tally)
        tallies.append((f"{label} ({len(chosen)} articles)", tally))
    if "--errors" in argv:
        print("\n".join(tallies[0][1].errors), end="\n\n")  # the tuning part's only: held-out errors stay unread
    print(table(tallies))
    print()
    print(precision_table(tallies))
    print("\ncalibration (tuning, (right + 1) / (raised + 2)):", calibration(tallies[0][1]))
    pairs = sum(sum(t.pairs.values()) for _, t in tallies)
    print(f"\n{pairs} pairs compared in {time.perf_counter() - began:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
