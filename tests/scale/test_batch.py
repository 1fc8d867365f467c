"""`newsloom run --corpus batch`: the corpus steps once over a run's articles, by blocking keys
(entities and events per connected component, stories per date block). On the examples the batch
clusterings of entity mentions, event mentions and story units equal the incremental ones (the
floors below are what was measured: B-cubed F1 1.0 each), a second batch run changes nothing, and
a component that fails is rolled back whole while the others are kept."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsloom.cli import app
from newsloom.scale import batch
from newsloom.scale.agreement import bcubed
from newsloom.scale.blocks import UnionFind, article_keys, components, components_from_blocks, date_blocks
from newsloom.store import Store
from newsloom.store.clusterings import stored_clusterings
from tests.conftest import EXAMPLES
from tests.scale.test_spark_engine import FILES, _clusterings, _exports

#: A report written for this test, naming nobody the examples name: a second component.
OWN_TEXT = (
    "Mayor Elena Marquetti of Porto Vellano opened the Riverside bridge on 3 March 2024. "
    "Marquetti said the Vellano Transit Authority would run buses across it from April. "
    "Engineer Tomas Grieve, who led the works, thanked the crews."
)


def _inputs(folder: Path) -> list[str]:
    own = folder / "own_report.txt"
    own.write_text(OWN_TEXT + "\n", encoding="utf-8")
    return [*(str(EXAMPLES / name) for name in FILES), str(own)]


#: B-cubed F1 of the batch against the incremental run on the examples, measured (never lower these).
FLOORS = {"entities": 1.0, "events": 1.0, "stories": 1.0}


def _run(paths: list[str], db: Path, *options: str) -> str:
    result = CliRunner().invoke(app, ["run", *paths, "--db", str(db), *options])
    assert result.exit_code == 0, result.output
    return str(result.output)


def test_components_join_items_sharing_a_key_and_nothing_else() -> None:
    keys = [{"a"}, {"b"}, {"a", "c"}, {"d"}, {"c", "e"}, set()]
    assert components(keys) == [[0, 2, 4], [1], [3], [5]]
    # the same components from blocks (one key's holders each), as Spark's groupByKey gives them
    assert components_from_blocks(6, [[0, 2], [2, 4]]) == components(keys)
    found = UnionFind(4)
    found.union(3, 1)
    assert found.find(3) == 1 and found.groups() == [[0], [1, 3], [2]]


def test_date_blocks_cut_only_where_no_story_may_span() -> None:
    dates = ["2024-01-01", "2024-01-20", None, "2024-03-01", "XXXX-05-02", "2024-01-31"]
    blocks, undated = date_blocks(dates, max_size=10)
    # 01-01 .. 01-31 are chained within 30 days; 03-01 is 30 days after 01-31 (not more): one block
    assert blocks == [[0, 1, 5, 3]] and undated == [2, 4]
    blocks, _ = date_blocks(["2024-01-01", "2024-02-15", "2024-02-16"], max_size=10)
    assert blocks == [[0], [1, 2]]  # 45 days apart: never one story
    blocks, _ = date_blocks(["2024-01-01"] * 5, max_size=2)
    assert blocks == [[0, 1], [2, 3], [4]]  # a block over the bound is cut in date order


def _example_articles(db: Path) -> list[Any]:
    """The stored articles in ingest order (without their vectors: the store keeps them apart)."""
    from newsloom.store.articles import iter_articles

    store = Store.open(str(db))
    try:
        with store.connect() as conn:
            return list(iter_articles(conn))
    finally:
        store.close()


@pytest.mark.slow
def test_batch_corpus_steps_equal_the_incremental_ones_on_the_examples(tmp_path: Path) -> None:
    paths = _inputs(tmp_path)
    _run(paths, tmp_path / "incremental.db")
    _run(paths, tmp_path / "batch.db", "--corpus", "batch")
    incremental, batched = _clusterings(tmp_path / "incremental.db"), _clusterings(tmp_path / "batch.db")
    for kind, floor in FLOORS.items():
        assert incremental[kind], kind
        score = bcubed(batched[kind], incremental[kind])
        assert score.f1 >= floor and score.only_one == 0, (kind, score)
    # the examples make more than one component, or the blocking would be doing nothing
    articles = _example_articles(tmp_path / "batch.db")
    assert len(components([article_keys(a) for a in articles])) > 1

    before = _exports(tmp_path / "batch.db")
    output = _run(paths, tmp_path / "batch.db", "--corpus", "batch")  # the same input twice
    assert "unchanged" in output
    assert _exports(tmp_path / "batch.db") == before


@pytest.mark.slow
def test_a_failing_component_is_rolled_back_and_the_others_are_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _inputs(tmp_path)
    _run(paths, tmp_path / "plain.db")  # the processed articles, stored again below without corpus steps
    articles = _example_articles(tmp_path / "plain.db")
    parts = components([article_keys(a) for a in articles])
    assert len(parts) > 1
    bad = articles[parts[-1][0]]
    linked = batch.link_article

    def failing(conn: Any, article: Any) -> Any:
        if article.id == bad.id:
            raise ValueError("boom")
        return linked(conn, article)

    monkeypatch.setattr(batch, "link_article", failing)
    store = Store.open(str(tmp_path / "fresh.db"))
    try:
        from newsloom.store.articles import save_article

        with store.transaction() as conn:
            for article in articles:
                save_article(conn, article)
        report = batch.run_batch_corpus(store, articles)
        with store.connect() as conn:
            linked_ids = {unit[0] for unit in stored_clusterings(conn)["entities"]}
    finally:
        store.close()
    failed = {articles[i].id for i in parts[-1]}
    assert {e.path for e in report.errors} == {articles[i].path for i in parts[-1]}
    assert "boom" in report.errors[0].problem and "nothing of this block was kept" in report.errors[0].problem
    assert not linked_ids & failed  # nothing of the failed component half-written
    others = {articles[i].id for part in parts[:-1] for i in part if articles[i].entities}
    assert others and others <= linked_ids


@pytest.mark.slow
def test_batch_on_spark_equals_batch_locally(tmp_path: Path) -> None:
    pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'newsloom[spark]')")
    if shutil.which("java") is None:
        pytest.skip("no Java runtime for Spark (install openjdk-17-jre-headless)")
    paths = [str(EXAMPLES / name) for name in FILES]
    _run(paths, tmp_path / "local.db", "--corpus", "batch")
    _run(paths, tmp_path / "spark.db", "--corpus", "batch", "--engine", "spark", "--master", "local[2]")
    assert _exports(tmp_path / "spark.db") == _exports(tmp_path / "local.db")


@pytest.mark.slow
def test_date_blocks_clustered_on_spark_executors_equal_clustered_here(tmp_path: Path) -> None:
    pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'newsloom[spark]')")
    if shutil.which("java") is None:
        pytest.skip("no Java runtime for Spark (install openjdk-17-jre-headless)")
    from newsloom.runner import process_paths
    from newsloom.store.articles import save_article

    kept: list[Any] = []
    first = Store.open(str(tmp_path / "first.db"))
    try:
        process_paths(_inputs(tmp_path), first, stages=None, corpus=False, keep=kept)
    finally:
        first.close()
    assert kept and all(a.embedding for a in kept)
    results = {}
    for name, clusterer in (("here", None), ("spark", batch.spark_clusterer("local[2]"))):
        store = Store.open(str(tmp_path / f"{name}.db"))
        try:
            with store.transaction() as conn:
                for article in kept:
                    save_article(conn, article)
            # small blocks: several tasks, and stories cut at the bound (the same cut either way)
            report = batch.run_batch_corpus(store, kept, clusterer=clusterer, max_units=4)
            assert report.story_blocks > 1 and not report.errors
        finally:
            store.close()
        results[name] = _clusterings(tmp_path / f"{name}.db")
    assert results["spark"] == results["here"] and results["here"]["stories"]


def test_an_unknown_corpus_mode_is_refused_before_anything_is_read(tmp_path: Path) -> None:
    from newsloom.errors import NewsloomError
    from newsloom.runner import process_paths

    store = Store.open(str(tmp_path / "x.db"))
    try:
        with pytest.raises(NewsloomError, match="No corpus mode 'bulk': choose one of incremental, batch"):
            process_paths([str(EXAMPLES / FILES[0])], store, corpus=True, corpus_mode="bulk")
        with store.connect() as conn:
            assert not stored_clusterings(conn)["entities"]
    finally:
        store.close()


@pytest.mark.slow
def test_a_later_batch_run_joins_the_stories_an_earlier_run_stored(tmp_path: Path) -> None:
    paths = _inputs(tmp_path)
    _run(paths, tmp_path / "all.db", "--corpus", "batch")
    together = _clusterings(tmp_path / "all.db")["stories"]
    _run(paths[:1], tmp_path / "split.db", "--corpus", "batch")
    earlier = {unit[0] for unit in _clusterings(tmp_path / "split.db")["stories"]}
    _run(paths[1:], tmp_path / "split.db", "--corpus", "batch")
    apart = _clusterings(tmp_path / "split.db")["stories"]
    # in one run, a story holds units of both parts; run apart, the second part joins it all the same
    shared = {
        story
        for story in set(together.values())
        if {u[0] in earlier for u, s in together.items() if s == story} == {True, False}
    }
    assert shared
    score = bcubed(apart, together)
    assert (score.f1, score.only_one) == (1.0, 0), score
