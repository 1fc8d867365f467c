"""Many articles per write transaction: a savepoint each, the batch's near-duplicate lookup in memory,
a failing article rolled back alone, and SQLite transactions begun by the store (issue #18)."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsloom.runner as runner
from newsloom.article import Article
from newsloom.ingest.text import parse_text
from newsloom.runner import process_paths
from newsloom.store import Connection, Store
from newsloom.store.articles import NearDuplicates, count_articles, find_near_duplicate, save_article, simhash

WORDS = " ".join(f"word{i}" for i in range(300))


def _write(folder: Path, texts: dict[str, str]) -> Path:
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _report(i: int) -> str:
    return f" date 2025-10-{1 + i:02d} Report {i}: delegation {i} met officials in city {i * 7} about item {i * 13}."


def test_a_failing_article_rolls_back_its_savepoint_only_and_the_rerun_stores_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _write(tmp_path / "in", {f"{i}.txt": _report(i) for i in range(4)})
    store = Store.open(str(tmp_path / "s.db"))

    def failing_step(conn: Connection, article: Article) -> None:
        if article.path.endswith("2.txt"):
            raise ValueError("a corpus step broke on this article")

    monkeypatch.setattr(runner, "run_corpus_steps", failing_step)
    report = process_paths([str(folder)], store, corpus=True, transaction_articles=4)
    assert report.statuses == {"new": 3, "failed": 1}
    assert [e.path for e in report.errors] == [str(folder / "2.txt")]
    assert "a corpus step broke" in str(report.errors[0])
    with store.connect() as conn:  # its row was saved inside its savepoint, then rolled back with it
        assert count_articles(conn, include_duplicates=True) == 3
        assert conn.exec_driver_sql("SELECT count(*) FROM article_paths").scalar() == 3
    monkeypatch.setattr(runner, "run_corpus_steps", lambda conn, article: None)
    again = process_paths([str(folder)], store, corpus=True, transaction_articles=4)
    assert again.statuses == {"unchanged": 3, "new": 1} and not again.errors


def test_the_batch_lookup_finds_the_near_duplicates_the_store_lookup_finds(tmp_path: Path) -> None:
    texts = {
        "a.txt": f" date 2025-10-21 {WORDS} and the end.",
        "b.txt": f" date 2025-10-21 {WORDS} and the end, updated.",  # near-duplicate of a, same batch
        "c.txt": " date 2025-10-21 " + " ".join(f"other{i}" for i in range(300)),
    }
    folder = _write(tmp_path / "in", texts)
    store = Store.open(str(tmp_path / "b.db"))
    report = process_paths([str(folder)], store, transaction_articles=64)
    assert report.statuses == {"new": 2, "duplicate": 1}
    later = parse_text(f" date 2025-10-22 {WORDS} and the end, corrected.", "d.txt")  # of a stored one
    with store.transaction() as conn:
        near = NearDuplicates()
        near.load(conn, [later])
        assert near.find(simhash(later.text)) == find_near_duplicate(conn, simhash(later.text)) is not None
        assert save_article(conn, later, near) == "duplicate"


def test_a_savepoint_outside_a_transaction_does_not_commit_on_its_own(tmp_path: Path) -> None:
    """pysqlite before 3.12 began no transaction before a SAVEPOINT, whose RELEASE then committed."""
    store = Store.open(str(tmp_path / "t.db"))
    first, second = parse_text(_report(1), "1.txt"), parse_text(_report(2), "2.txt")
    with pytest.raises(RuntimeError), store.batch() as batch:
        for article in (first, second):
            with batch.item() as conn:
                save_article(conn, article)
        assert batch.size == 2
        raise RuntimeError("killed before the batch commits")
    with store.connect() as conn:
        assert count_articles(conn, include_duplicates=True) == 0
    with store.batch() as batch, batch.item() as conn:
        save_article(conn, first)
    with store.connect() as conn:
        assert count_articles(conn) == 1
