"""`newsloom db copy SRC DST` moves a store between databases losslessly: the examples' store copied
SQLite -> PostgreSQL -> SQLite exports the same articles, entities, events and stories all the way,
and the SQLite copy holds the same rows as the original, table for table."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from newsloom.cli import app
from newsloom.errors import StoreError
from newsloom.exports import EXPORTS, export_lines
from newsloom.store import Store, schema
from newsloom.store.copy import copied_tables, copy_store
from tests.conftest import fill_with_examples

EXAMPLE_FILES = (
    "text/vi_01_son_waly_unodc.txt",
    "text/id_01_son_waly_unodc.txt",
    "text/vi_03_guterres_luong_cuong_talks.txt",
    "text/en_04_guterres_press_conference.txt",
    "text/en_02_ramaphosa_man_business_forum.txt",
)


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("copy") / "examples.db")
    store = Store.open(path)
    try:
        fill_with_examples(store, EXAMPLE_FILES)
        with store.transaction() as conn:  # one correction, so that every export (and table) has rows
            from newsloom.corrections import Fix, correct
            from newsloom.store.events import EventFilter, list_event_rows

            first = list_event_rows(conn, EventFilter(top_level=True), 1)[0].id
            correct(conn, Fix("event", "location", (first,), {"location": "Hà Nội"}, "copy test"), "test")
    finally:
        store.close()
    return path


def _exports(where: str) -> dict[str, list[str]]:
    store = Store.open(where)
    try:
        with store.connect() as conn:
            return {what: list(export_lines(conn, what, "jsonl")) for what in EXPORTS}
    finally:
        store.close()


def _rows(where: str) -> dict[str, list[tuple[object, ...]]]:
    store = Store.open(where)
    try:
        with store.connect() as conn:
            return {t.name: sorted(conn.execute(sa.select(t)).all(), key=repr) for t in copied_tables()}
    finally:
        store.close()


def _copy(source: str, target: str) -> None:
    result = CliRunner().invoke(app, ["db", "copy", source, target])
    assert result.exit_code == 0, result.output
    assert "Copied" in result.output


def test_a_sqlite_copy_holds_every_row(examples_db: str, tmp_path: Path) -> None:
    copy = str(tmp_path / "copy.db")
    _copy(examples_db, copy)
    rows = _rows(copy)
    assert rows["articles"] and rows["events"] and rows["entities"] and rows["story_members"]
    assert rows == _rows(examples_db)
    assert _exports(copy) == _exports(examples_db)


def test_copying_into_a_store_that_holds_articles_is_refused(examples_db: str, tmp_path: Path) -> None:
    source, target = Store.open(examples_db), Store.open(examples_db)
    try:
        with pytest.raises(StoreError, match="already holds 5 articles"):
            copy_store(source, target)
    finally:
        source.close()
        target.close()


@pytest.mark.slow
def test_a_store_goes_to_postgresql_and_back_unchanged(
    examples_db: str, postgres_url: str, tmp_path: Path
) -> None:
    back = str(tmp_path / "back.db")
    _copy(examples_db, postgres_url)
    _copy(postgres_url, back)
    original = _exports(examples_db)
    assert all(original.values())
    assert _exports(postgres_url) == original
    assert _exports(back) == original
    assert _rows(back) == _rows(examples_db)
    store = Store.open(postgres_url)  # new rows on PostgreSQL take ids after the copied ones
    try:
        with store.transaction() as conn:
            biggest = conn.execute(sa.text("SELECT MAX(id) FROM entities")).scalar()
            added = conn.execute(sa.insert(schema.entities).values(key="t:new", type="person", name="New"))
            new_id = added.inserted_primary_key[0]
        assert new_id == biggest + 1
    finally:
        store.close()
