"""The batch's lookup of stored ids and paths (issue #18: two queries of five per article saved) stores
exactly what one article per transaction stores: same rows, same paths, same duplicates, same report."""

from __future__ import annotations

from pathlib import Path

from newsloom.runner import process_paths
from newsloom.store import Store

WORDS = " ".join(f"word{i}" for i in range(200))


def _texts(round_: int) -> dict[str, str]:
    texts = {f"{i:02d}.txt": f" date 2025-10-{1 + i:02d} Report {i}: delegation {i} met officials about {i * 13}." for i in range(12)}  # fmt: skip
    texts["same_a.txt"] = f" date 2025-10-21 {WORDS} identical."
    texts["same_b.txt"] = f" date 2025-10-21 {WORDS} identical."  # the same article under two paths
    texts["near.txt"] = f" date 2025-10-21 {WORDS} identical, updated."  # a near-duplicate of it
    if round_ == 2:
        texts["03.txt"] = " date 2025-11-01 A different report now lives in this file about harbours."
        texts["new.txt"] = " date 2025-11-02 A new file on the second round about river transport."
    return texts


def _rows(db: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    store = Store.open(str(db))
    try:
        with store.connect() as conn:
            articles = conn.exec_driver_sql(
                "SELECT id, path, language, simhash, duplicate_of, stages FROM articles ORDER BY id"
            ).all()
            paths = conn.exec_driver_sql("SELECT path, article_id FROM article_paths ORDER BY path").all()
    finally:
        store.close()
    return [tuple(r) for r in articles], [tuple(r) for r in paths]


def test_many_per_transaction_stores_what_one_per_transaction_stores(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    results = {}
    for size in (64, 1):
        db = tmp_path / f"s{size}.db"
        reports = []
        for round_ in (1, 2, 2):  # a first run, a changed file and a new one, then the same again
            for name, text in _texts(round_).items():
                (folder / name).write_text(text, encoding="utf-8")
            store = Store.open(str(db))
            try:
                report = process_paths([str(folder)], store, transaction_articles=size)
            finally:
                store.close()
            assert not report.errors
            reports.append(dict(report.statuses))
        results[size] = (reports, _rows(db))
    (batched_reports, batched), (single_reports, single) = results[64], results[1]
    assert batched == single  # the stored rows (the reports' counts depend on how far the reader ran ahead)
    articles, paths = batched
    assert batched_reports[2] == single_reports[2] == {"unchanged": len(_texts(2))}
    assert any(row[4] is not None for row in articles)  # the near-duplicate is recorded as one
    assert len(paths) == len(_texts(2))
    moved = dict(paths)[str(folder / "03.txt")]
    assert any(row[0] == moved and "different report" not in str(row) for row in articles)
