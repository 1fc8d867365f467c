"""`newsloom spark run` in Spark local[2]: every per-article stage runs in mapPartitions and the
Parquet it writes holds, for each article, what the local pipeline gives the same file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from newsloom.cli import app
from newsloom.errors import InputError
from newsloom.ingest import read_path
from newsloom.pipeline import Pipeline
from tests.conftest import EXAMPLES

#: Text files: HTML goes through trafilatura's process-wide deduplication (see tests/store/test_copy.py).
FILES = (
    "text/vi_01_son_waly_unodc.txt",
    "text/id_01_son_waly_unodc.txt",
    "text/en_04_guterres_press_conference.txt",
)


@pytest.fixture(scope="module")
def spark_ready() -> None:
    pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'newsloom[spark]')")
    pytest.importorskip("pyarrow", reason="pyarrow reads the output back (pip install 'newsloom[parquet]')")
    if shutil.which("java") is None:
        pytest.skip("no Java runtime for Spark (install openjdk-17-jre-headless)")


@pytest.mark.slow
def test_spark_local_gives_the_local_pipeline_articles(spark_ready: None, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in FILES:
        shutil.copy(EXAMPLES / name, inputs / Path(name).name)
    shutil.copy(EXAMPLES / FILES[0], inputs / "again.txt")  # the same article twice: kept once
    (inputs / "empty.txt").write_text("", encoding="utf-8")  # an input that fails: reported
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["spark", "run", str(inputs), "--out", str(out), "--master", "local[2]"])
    assert result.exit_code == 0, result.output

    rows = {row["id"]: row for row in pq.read_table(out / "articles").to_pylist()}
    pipeline = Pipeline(None)
    local = {
        a.id: pipeline(a)
        for name in FILES
        for a in read_path(str(inputs / Path(name).name))
        if not isinstance(a, InputError)
    }
    assert set(rows) == set(local) and len(rows) == len(FILES)
    for article_id, article in local.items():
        row = rows[article_id]
        spark_data, local_data = json.loads(row["data"]), article.to_dict()
        spark_data.pop("path"), local_data.pop("path")  # either copy of the twice-read file may be kept
        assert spark_data == local_data
        assert row["stages"] == ",".join(pipeline.names)
        assert article.embedding is not None
        assert np.allclose(row["embedding"], article.embedding, atol=1e-5)
    errors = pq.read_table(out / "errors").to_pylist()
    assert [Path(e["path"]).name for e in errors] == ["empty.txt"]
