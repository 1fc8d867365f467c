"""Two `newsloom run` processes writing one PostgreSQL database at once, fed overlapping inputs, end
with each article, entity, event mention and story exactly once: what a single run of the same files
stores. (How many events the mentions merge into depends on the order articles arrive in (20 or 21
on five examples in single runs in two orders), so events are compared by their sources."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from newsloom.store import Store
from tests.conftest import EXAMPLES, ROOT
from tests.store.test_copy import EXAMPLE_FILES
from tests.store.test_postgres import _record

#: Each process gets four of the five files (three shared), the second in the reverse order, so
#: both meet the same articles, entities and events at about the same time.
FIRST = [str(EXAMPLES / name) for name in EXAMPLE_FILES[:4]]
SECOND = [str(EXAMPLES / name) for name in reversed(EXAMPLE_FILES[1:])]


def _run(paths: list[str], db: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [
        sys.executable,
        "-c",
        "from newsloom.cli import main; main()",
        "run",
        *paths,
        "--db",
        db,
        "-j",
        "1",
    ]
    return subprocess.Popen(
        command, env=env, cwd=ROOT, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )


def _duplicates(store: Store) -> dict[str, int]:
    """Rows stored twice that should be once: an article in two stories or two events' sources, an
    entity key on two entities."""
    queries = {
        "article in two stories": "SELECT article_id FROM story_members WHERE segment = -1 "
        "GROUP BY article_id HAVING COUNT(DISTINCT story_id) > 1",
        "entity key on two entities": "SELECT key FROM entity_keys GROUP BY key HAVING COUNT(*) > 1",
        "event source twice": "SELECT event_id FROM event_sources "
        "GROUP BY event_id, article_id, sentence_index, trigger HAVING COUNT(*) > 1",
    }
    with store.connect() as conn:
        return {name: len(conn.execute(sa.text(sql)).all()) for name, sql in queries.items()}


@pytest.mark.slow
def test_two_concurrent_runs_store_everything_once(postgres_url: str, tmp_path: Path) -> None:
    first, second = _run(FIRST, postgres_url), _run(SECOND, postgres_url)
    outputs = [process.communicate(timeout=900)[0] for process in (first, second)]
    assert (first.returncode, second.returncode) == (0, 0), outputs

    single = Store.open(str(tmp_path / "single.db"))
    shared = Store.open(postgres_url)
    try:
        from newsloom.runner import process_paths

        report = process_paths(
            [str(EXAMPLES / name) for name in EXAMPLE_FILES], single, stages=None, corpus=True
        )
        assert report.ok, report.errors
        assert _duplicates(shared) == dict.fromkeys(_duplicates(shared), 0)
        with shared.connect() as a, single.connect() as b:
            for table in ("articles", "entities", "stories", "story_members"):
                count = f"SELECT COUNT(*) FROM {table}"
                assert a.execute(sa.text(count)).scalar() == b.execute(sa.text(count)).scalar(), table
            mentions = "SELECT article_id, sentence_index, start_offset, type FROM event_sources"
            assert sorted(a.execute(sa.text(mentions)).all()) == sorted(b.execute(sa.text(mentions)).all())
        on_shared, on_single = _record(shared), _record(single)
        assert on_shared["entities"] == on_single["entities"]
        assert on_shared["stories"] == on_single["stories"]
    finally:
        single.close()
        shared.close()
