"""`newsloom run INPUT --engine spark --master local[2]`: the stages on Spark, then the store and the
corpus steps on the driver in input order. On the examples it stores what the local runner stores:
the same exports of articles, entities, events and stories, and full B-cubed agreement between the
two runs' clusterings of entity mentions, event mentions and story units. Parquet (the articles
export's shape) is read as an input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsloom.cli import app
from newsloom.exports import EXPORTS, export_lines
from newsloom.scale.agreement import bcubed
from newsloom.store import Store
from newsloom.store.clusterings import stored_clusterings
from tests.conftest import EXAMPLES

#: Four languages' worth of examples, one JSONL file with several articles (order within a file).
FILES = (
    "text/vi_01_son_waly_unodc.txt",
    "text/id_01_son_waly_unodc.txt",
    "text/vi_03_guterres_luong_cuong_talks.txt",
    "text/en_04_guterres_press_conference.txt",
    "text/en_02_ramaphosa_man_business_forum.txt",
    "jsonl/mixed_crawl_hanoi_week.jsonl",
)


@pytest.fixture(scope="module")
def spark_ready() -> None:
    pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'newsloom[spark]')")
    pytest.importorskip(
        "pyarrow", reason="pyarrow writes the Parquet input (pip install 'newsloom[parquet]')"
    )
    if shutil.which("java") is None:
        pytest.skip("no Java runtime for Spark (install openjdk-17-jre-headless)")


def _run(paths: list[str], db: Path, *engine: str) -> None:
    result = CliRunner().invoke(app, ["run", *paths, "--db", str(db), *engine])
    assert result.exit_code == 0, result.output


def _exports(db: Path) -> dict[str, list[Any]]:
    store = Store.open(str(db))
    try:
        with store.connect() as conn:
            return {
                what: [json.loads(line) for line in export_lines(conn, what, "jsonl")] for what in EXPORTS
            }
    finally:
        store.close()


def _clusterings(db: Path) -> dict[str, Any]:
    store = Store.open(str(db))
    try:
        with store.connect() as conn:
            return stored_clusterings(conn)
    finally:
        store.close()


@pytest.mark.slow
def test_spark_engine_stores_what_the_local_runner_stores(spark_ready: None, tmp_path: Path) -> None:
    paths = [str(EXAMPLES / name) for name in FILES]
    _run(paths, tmp_path / "local.db")
    _run(paths, tmp_path / "spark.db", "--engine", "spark", "--master", "local[2]")
    local, spark = _exports(tmp_path / "local.db"), _exports(tmp_path / "spark.db")
    assert len(local["articles"]) >= len(FILES) and local["events"] and local["stories"]
    assert spark == local
    on_local, on_spark = _clusterings(tmp_path / "local.db"), _clusterings(tmp_path / "spark.db")
    for name in ("entities", "events", "stories"):
        assert on_local[name], name
        score = bcubed(on_spark[name], on_local[name])
        assert (score.f1, score.only_one) == (1.0, 0), name

    _run(paths, tmp_path / "spark.db", "--engine", "spark")  # the same input twice changes nothing
    assert _exports(tmp_path / "spark.db") == local


def _without_paths(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            k: _without_paths(v) for k, v in value.items() if k not in ("path", "articles", "roundups")
        }  # input paths
    if isinstance(value, list):
        return [_without_paths(v) for v in value]
    return value


@pytest.mark.slow
def test_parquet_articles_are_a_spark_input_like_their_jsonl_lines(spark_ready: None, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from newsloom.scale.spark import parquet_line

    records = [
        json.loads(line)
        for line in (EXAMPLES / "jsonl/mixed_crawl_hanoi_week.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    # the articles export's column names: url -> source_url, source -> outlet
    rows = [
        {"source_url" if k == "url" else "outlet" if k == "source" else k: v for k, v in r.items()}
        for r in records
    ]
    rows.append({"title": "no text here"})  # a row the reader refuses: reported, the others go on
    (tmp_path / "in").mkdir()
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "in" / "crawl.parquet")
    lines = tmp_path / "crawl.jsonl"
    lines.write_text("\n".join(parquet_line(r) for r in rows[:-1]) + "\n", encoding="utf-8")

    _run([str(lines)], tmp_path / "local.db")
    result = CliRunner().invoke(
        app,
        [
            "run",
            str(tmp_path / "in" / "crawl.parquet"),
            "--db",
            str(tmp_path / "spark.db"),
            "--engine",
            "spark",
        ],
    )
    assert result.exit_code == 1 and 'no "text" string' in result.output, result.output
    local, spark = _exports(tmp_path / "local.db"), _exports(tmp_path / "spark.db")
    assert len(spark["articles"]) == len(records) and spark["events"]
    assert _without_paths(spark) == _without_paths(local)
