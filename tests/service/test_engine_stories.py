"""Stories through the engine: the seeds ingested in shuffled orders end in the same stories."""

import random

from service.align import load_scorer
from tests.fakes import FakeEmbedder
from service.engine import Engine, IngestItem
from service.records import ArticleInput
from service.store.memory import MemoryStore
from tests.harness import SEEDS


def _stories(order):
    engine = Engine(MemoryStore(), FakeEmbedder(), load_scorer())
    outcomes = engine.ingest([IngestItem.of(ArticleInput(text=p.read_text(encoding="utf-8"), external_id=p.name))
                              for p in order])
    by_name = {o.external_id: o.article_id for o in outcomes}
    links = {link.article_id: link.story_id for link in engine.store.story_links()}
    groups = {}
    for name, article_id in by_name.items():
        groups.setdefault(links[article_id], set()).add(name[:3])
    return sorted(sorted(g) for g in groups.values())


def test_three_orders_of_the_seeds_give_the_same_stories():
    seeds = sorted(SEEDS.glob("*.txt"))
    results = []
    for seed in range(3):
        order = seeds[:]
        random.Random(seed).shuffle(order)
        results.append(_stories(order))
    assert results[0] == results[1] == results[2]
    # the two reports of 25 March 2013 are one event; the others are other events of the subject
    assert results[0] == [["000", "001"], ["002"], ["003"], ["004"]]
