"""The store: migrations, one transaction per article, idempotent ingest, near-duplicates, kill -9."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from newsloom.errors import StoreError
from newsloom.ingest.text import parse_text
from newsloom.runner import process_paths
from newsloom.store import Store
from newsloom.store.articles import count_articles, iter_articles, save_article


def _article_text(i: int) -> str:
    return (
        f" date 2025-10-{1 + i % 28:02d} Report number {i}: delegation {i} met officials in city {i * 7} "
        f"to discuss cooperation item {i * 13} and signed memorandum {i * 31}.\n\nSecond paragraph {i}."
    )


def test_migrations_are_versioned_and_applied_once(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    first = Store.open(db)
    version = first.version()
    assert version >= 1
    assert Store.open(db).migrate() == []  # nothing left to apply
    with first.transaction() as conn:
        conn.execute(sa.text("INSERT INTO schema_version (version, name) VALUES (9999, 'future')"))
    with pytest.raises(StoreError, match="newer than this newsloom"):
        Store.open(db)


@pytest.mark.sqlite_only("SQLite's journal mode")
def test_wal_mode(tmp_path: Path) -> None:
    store = Store.open(str(tmp_path / "w.db"))
    with store.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_same_input_twice_changes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(5):
        (folder / f"{i}.txt").write_text(_article_text(i))
    store = Store.open(str(tmp_path / "s.db"))
    first = process_paths([str(folder)], store)
    assert first.statuses["new"] == 5
    with store.connect() as conn:
        before = [a.to_dict() for a in iter_articles(conn)]
    second = process_paths([str(folder)], store)
    assert second.statuses == {"unchanged": 5}
    with store.connect() as conn:
        assert [a.to_dict() for a in iter_articles(conn)] == before


def test_near_identical_recrawl_is_a_duplicate(tmp_path: Path) -> None:
    store = Store.open(str(tmp_path / "d.db"))
    words = " ".join(f"word{i}" for i in range(300))
    original = parse_text(f" date 2025-10-21 {words} and the end.", "first.txt")
    recrawl = parse_text(f" date 2025-10-21 {words} and the end, updated.", "second.txt")
    other = parse_text(" date 2025-10-21 " + " ".join(f"other{i}" for i in range(300)), "third.txt")
    with store.transaction() as conn:
        assert save_article(conn, original) == "new"
        assert save_article(conn, recrawl) == "duplicate"
        assert save_article(conn, other) == "new"
        assert count_articles(conn) == 2 and count_articles(conn, include_duplicates=True) == 3


def test_failed_transaction_leaves_nothing(tmp_path: Path) -> None:
    store = Store.open(str(tmp_path / "t.db"))
    article = parse_text(_article_text(1), "x.txt")
    with pytest.raises(RuntimeError), store.transaction() as conn:
        save_article(conn, article)
        raise RuntimeError("crash in the middle of an article")
    with store.connect() as conn:
        assert count_articles(conn, include_duplicates=True) == 0
        assert conn.exec_driver_sql("SELECT count(*) FROM article_paths").scalar() == 0


@pytest.mark.slow
@pytest.mark.sqlite_only("a subprocess is given the store's file path")
def test_kill_9_then_rerun_leaves_exactly_the_articles(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(1000):
        (folder / f"{i:04d}.txt").write_text(_article_text(i))
    db = tmp_path / "k.db"
    command = [sys.executable, "-m", "newsloom.cli", "ingest", str(folder), "--db", str(db)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if db.exists():
            try:
                with sa.create_engine(f"sqlite:///{db}").connect() as conn:
                    stored = conn.exec_driver_sql("SELECT count(*) FROM articles").scalar() or 0
            except sa.exc.OperationalError:
                continue
            if stored >= 50:
                break
    assert proc.poll() is None, "the ingest finished before it could be killed; make the corpus larger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 0 < stored < 1000
    rerun = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    store = Store.open(str(db))
    with store.connect() as conn:
        assert count_articles(conn, include_duplicates=True) == 1000
        assert conn.exec_driver_sql("SELECT count(DISTINCT path) FROM articles").scalar() == 1000
