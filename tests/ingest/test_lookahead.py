"""The runner asks the store which articles it holds already LOOKAHEAD at a time (issue #18): one
query for many, the same answers as one by one."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from newsloom.runner import LOOKAHEAD, process_paths
from newsloom.store import Store
from newsloom.store.articles import stages_done, stages_of


def test_a_rerun_asks_the_store_once_per_lookahead(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    files = 2 * LOOKAHEAD + 5
    for i in range(files):
        (folder / f"{i:03d}.txt").write_text(
            f" date 2025-10-21 Report {i}: " + " ".join(f"w{i}x{j}" for j in range(30))
        )
    store = Store.open(str(tmp_path / "s.db"))
    assert process_paths([str(folder)], store).statuses == {"new": files}
    asked: list[str] = []

    def count(conn: object, cursor: object, statement: str, *args: object) -> None:
        if "articles.stages" in statement and "articles.id IN" in statement:
            asked.append(statement)

    sa.event.listen(store.engine, "before_cursor_execute", count)
    again = process_paths([str(folder)], store)
    sa.event.remove(store.engine, "before_cursor_execute", count)
    assert again.statuses == {"unchanged": files} and again.files == files
    # files and their ends: (2 * files) / LOOKAHEAD lookups, not one per article
    assert 1 <= len(asked) <= 2 * files // LOOKAHEAD + 1
    with store.connect() as conn:
        ids = [row.id for row in conn.exec_driver_sql("SELECT id FROM articles")]
        found = stages_of(conn, [*ids, "not-stored"])
        assert found == {i: stages_done(conn, i) for i in ids}
