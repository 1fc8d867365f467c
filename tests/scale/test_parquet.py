"""`newsloom export --format parquet` writes each export as a Parquet file that reads back as the
JSONL export's records (nested values are JSON text, named in the file's metadata)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsloom.cli import app
from newsloom.errors import NewsloomError
from newsloom.exports import EXPORTS, export_lines
from newsloom.store import Store
from tests.conftest import fill_with_examples

pq = pytest.importorskip(
    "pyarrow.parquet", reason="pyarrow is not installed (pip install 'newsloom[parquet]')"
)

FILES = (
    "text/vi_01_son_waly_unodc.txt",
    "text/id_01_son_waly_unodc.txt",
    "text/en_04_guterres_press_conference.txt",
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("parquet") / "examples.db")
    store = Store.open(path)
    try:
        fill_with_examples(store, FILES)
        with store.transaction() as conn:  # one correction, so that every export has records
            from newsloom.corrections import Fix, correct
            from newsloom.store.events import EventFilter, list_event_rows

            first = list_event_rows(conn, EventFilter(top_level=True), 1)[0].id
            correct(conn, Fix("event", "location", (first,), {"location": "Hà Nội"}, "parquet test"), "test")
    finally:
        store.close()
    return path


def _read_back(path: Path) -> list[dict[str, Any]]:
    table = pq.read_table(path)
    nested = set(json.loads(table.schema.metadata[b"newsloom.json_columns"]))
    return [
        {k: json.loads(v) if k in nested and v is not None else v for k, v in row.items()}
        for row in table.to_pylist()
    ]


@pytest.mark.parametrize("what", list(EXPORTS))
def test_a_parquet_export_reads_back_as_the_jsonl_export(db: str, what: str, tmp_path: Path) -> None:
    out = tmp_path / f"{what}.parquet"
    result = CliRunner().invoke(
        app, ["export", "--what", what, "--format", "parquet", "--out", str(out), "--db", db]
    )
    assert result.exit_code == 0, result.output
    store = Store.open(db)
    try:
        with store.connect() as conn:
            expected = [json.loads(line) for line in export_lines(conn, what, "jsonl")]
    finally:
        store.close()
    assert expected
    assert _read_back(out) == expected


def test_parquet_columns_keep_their_types(db: str, tmp_path: Path) -> None:
    out = tmp_path / "entities.parquet"
    CliRunner().invoke(
        app, ["export", "--what", "entities", "--format", "parquet", "--out", str(out), "--db", db]
    )
    schema = pq.read_schema(out)
    assert str(schema.field("id").type) == "int64"
    assert str(schema.field("name").type) == "string"
    assert "names" in json.loads(schema.metadata[b"newsloom.json_columns"])


def test_parquet_needs_a_file(db: str) -> None:
    store = Store.open(db)
    try:
        with store.connect() as conn, pytest.raises(NewsloomError, match="--out"):
            list(export_lines(conn, "articles", "parquet"))
    finally:
        store.close()
