"""`crosscheck-server migrate --from sqlite:... --to postgresql://...`: everything the server stored, copied so
that the copy goes on exactly as the original would."""

from __future__ import annotations

import datetime as dt

import numpy as np

from service.align import load_scorer
from service.engine import Engine, IngestItem
from service.records import ArticleInput
from service.server import main
from service.store import StoredReport
from service.store.postgres import PostgresStore
from service.store.sqlite import SqliteStore
from tests.fakes import FakeEmbedder
from tests.harness import SEEDS


def _seeds():
    return [IngestItem.of(ArticleInput(text=p.read_text(encoding="utf-8"), external_id=p.name))
            for p in sorted(SEEDS.glob("*.txt"))]


def test_migrate_copies_sqlite_into_postgresql_and_the_copy_goes_on_alike(tmp_path, postgres, capsys):
    path = tmp_path / "crosscheck.db"
    source = Engine(SqliteStore(path), FakeEmbedder(), load_scorer())
    source.ingest(_seeds()[:4])
    since = dt.datetime(2013, 3, 25, tzinfo=dt.timezone.utc)
    report = StoredReport("r1", since, since + dt.timedelta(days=1), since + dt.timedelta(days=1, hours=6), "d",
                          b"{}")
    source.store.save_report(report)
    url = postgres.new_database()

    assert main(["migrate", "--from", f"sqlite:///{path}", "--to", url]) == 0
    assert "copied 4 articles (0 were already there) and 1 reports" in capsys.readouterr().out
    assert main(["migrate", "--from", f"sqlite:///{path}", "--to", url]) == 0  # again: nothing twice
    assert "copied 0 articles (4 were already there)" in capsys.readouterr().out

    copy = Engine(PostgresStore(url), FakeEmbedder(), load_scorer())
    original = source.store
    assert copy.store.article_ids() == original.article_ids()
    assert copy.store.story_links() == original.story_links()
    for article_id in original.article_ids():
        assert copy.store.get_extraction(article_id) == original.get_extraction(article_id)
        assert np.allclose(copy.store.claim_embeddings(article_id), original.claim_embeddings(article_id))
        assert copy.store.story_features(article_id).names == original.story_features(article_id).names
    assert copy.store.get_report("r1") == report
    (next_copy,) = copy.ingest(_seeds()[4:5])
    (next_original,) = source.ingest(_seeds()[4:5])
    assert (next_copy.article_id, next_copy.story_id) == (next_original.article_id, next_original.story_id)
    assert copy.store.story_links() == original.story_links()
    copy.close()
    source.close()


def test_migrate_refuses_one_database_as_both_ends(tmp_path, capsys):
    database = f"sqlite:///{tmp_path / 'x.db'}"
    assert main(["migrate", "--from", database, "--to", database]) == 2
    assert "the same database" in capsys.readouterr().err


def test_migrate_from_an_unreachable_database_says_so(tmp_path, capsys):
    code = main(["migrate", "--from", f"postgresql://nobody@/none?host={tmp_path}&connect_timeout=2",
                 "--to", f"sqlite:///{tmp_path / 'x.db'}"])
    assert code == 1
    assert "cannot open database postgresql://nobody@/none" in capsys.readouterr().err
