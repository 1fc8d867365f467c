"""A plain ingest writes a transaction's articles as one group (issue #18): each table's rows in one
statement, with the same statuses and rows as one article at a time; a failing group is redone
article by article, which names the article that failed."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import newsloom.runner as runner
from newsloom.article import Article
from newsloom.ingest.text import parse_text
from newsloom.runner import process_paths
from newsloom.store import Store
from newsloom.store.articles import NearDuplicates, save_article, save_articles

WORDS = " ".join(f"word{i}" for i in range(200))


def _articles() -> list[Article]:
    first = parse_text(f" date 2025-10-21 {WORDS} and the end.", "a.txt")
    return [
        first,
        parse_text(f" date 2025-10-21 {WORDS} and the end, updated.", "b.txt"),  # near-duplicate of a
        dataclasses.replace(first, path="copy-of-a.txt"),  # the same body under another name
        parse_text(" date 2025-10-22 " + " ".join(f"other{i}" for i in range(200)), "c.txt"),
        parse_text(" date 2025-10-23 " + " ".join(f"third{i}" for i in range(200)), "a.txt"),  # a.txt changed
        dataclasses.replace(first, stages=("language",)),  # more stages than stored: an update
    ]


def _rows(store: Store) -> dict[str, list[tuple[object, ...]]]:
    with store.connect() as conn:
        return {
            "articles": list(conn.exec_driver_sql(
                "SELECT id, path, language, data, stages, simhash, duplicate_of FROM articles ORDER BY ingested_at"
            )),
            "article_paths": list(conn.exec_driver_sql("SELECT * FROM article_paths ORDER BY path")),
            "simhash_bands": list(conn.exec_driver_sql("SELECT * FROM simhash_bands ORDER BY 1, 2, 3")),
        }  # fmt: skip


def _save(store: Store, articles: list[Article], group: bool) -> list[str]:
    with store.batch() as batch:
        near = NearDuplicates()
        near.load(batch.connection(), articles)
        with batch.item() as conn:
            if group:
                return save_articles(conn, articles, near)
            return [save_article(conn, article, near) for article in articles]


def test_a_group_writes_what_one_by_one_writes(tmp_path: Path) -> None:
    stored = parse_text(f" date 2025-10-20 {WORDS} and the end, first seen.", "old.txt")
    results = {}
    for group in (False, True):
        store = Store.open(str(tmp_path / f"{group}.db"))
        _save(store, [stored], group)  # a near-duplicate already in the store
        statuses = _save(store, _articles(), group)
        results[group] = (statuses, _rows(store))
    assert results[True] == results[False]
    statuses, rows = results[True]
    assert statuses == [
        "duplicate",
        "duplicate",
        "copy",
        "new",
        "new",
        "updated",
    ]  # copy: a known text, new name
    assert len(rows["article_paths"]) == 5 and len(rows["articles"]) == 5


def test_a_failing_group_is_redone_article_by_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"{i}.txt").write_text(f" date 2025-10-2{i} " + " ".join(f"w{i}x{j}" for j in range(50)))
    calls: list[int] = []

    def failing_group(conn: object, batch: list[Article], near: NearDuplicates, *_: object) -> list[str]:
        calls.append(len(batch))
        raise ValueError("the group broke")

    monkeypatch.setattr(runner, "save_articles", failing_group)
    store = Store.open(str(tmp_path / "s.db"))
    report = process_paths([str(folder)], store)
    assert calls == [3] and report.statuses == {"new": 3} and not report.errors
    assert len(_rows(store)["articles"]) == 3
