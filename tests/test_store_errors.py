"""A damaged, read-only or full store says what is wrong and what to do, as a StoreError (issue #19)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from newsloom.errors import StoreError
from newsloom.store import Store
from newsloom.store.db import store_error

pytestmark = pytest.mark.sqlite_only("about SQLite files themselves (not a database, damaged, full disk)")


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not a database\n" * 200)
    with pytest.raises(StoreError, match="is not a newsloom database") as raised:
        Store.open(str(path))
    assert "--db" in str(raised.value) and str(path) in str(raised.value)


def test_a_damaged_database(tmp_path: Path) -> None:
    path = tmp_path / "damaged.db"
    Store.open(str(path)).close()
    data = path.read_bytes()
    path.write_bytes(data[:4096] + b"\x00" * 100 + data[8000:])  # a page torn in the middle
    with pytest.raises(StoreError, match="is damaged") as raised:
        Store.open(str(path))
    assert ".recover" in str(raised.value)


@pytest.fixture
def tiny_size_limit() -> Iterator[None]:
    """Every new SQLite connection may hold 3 pages: as if the disk were full."""

    def limit(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute("PRAGMA max_page_count=3")

    sa.event.listen(sa.engine.Engine, "connect", limit)
    yield
    sa.event.remove(sa.engine.Engine, "connect", limit)


def test_a_full_disk_while_opening(tmp_path: Path, tiny_size_limit: None) -> None:
    with pytest.raises(StoreError, match="disk .* is full") as raised:
        Store.open(str(tmp_path / "full.db"))
    assert "Free disk space" in str(raised.value)


@pytest.mark.parametrize(
    ("sqlite_says", "meaning", "hint"),
    [
        ("attempt to write a readonly database", "is read-only", "writable folder"),
        ("unable to open database file", "cannot be opened", "-shm"),
        ("database is locked", "is locked", "retry"),
        ("disk I/O error", "failed while", "another --db"),
    ],
)
def test_what_sqlite_says_becomes_a_hint(sqlite_says: str, meaning: str, hint: str) -> None:
    error = store_error(
        "news.db", sa.exc.OperationalError("PRAGMA x", {}, sqlite3.OperationalError(sqlite_says)), "writing"
    )
    assert meaning in str(error) and hint in str(error) and sqlite_says in str(error)
