"""Crash tests for ``newsloom run`` and ``ingest``: killed (SIGKILL) inside the corpus steps or in the
middle of a multi-article transaction, then run again (issues #19 and #18).

The killed process is the real CLI with one corpus step wrapped so that, at its Nth article, the step
does its work and then the process kills itself: the article's transaction (its rows, the linked
entities, the merged events, the stories) is open and never committed. Each rerun must finish the
job, and the store must end identical to a clean run of the same files: the same row counts and the
same exports.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from newsloom.exports import export_lines
from newsloom.store import Store
from tests.conftest import EXAMPLES, ROOT

pytestmark = [
    pytest.mark.slow,
    pytest.mark.sqlite_only("kills runs in subprocesses that open the store by its file path"),
]

#: Eight bundled reports in three languages, several about the same meetings (events merge, stories form).
FILES = (
    "vi_01_son_waly_unodc.txt",
    "id_01_son_waly_unodc.txt",
    "vi_03_guterres_luong_cuong_talks.txt",
    "en_04_guterres_press_conference.txt",
    "vi_02_luong_cuong_ramaphosa_talks.txt",
    "en_02_ramaphosa_man_business_forum.txt",
    "id_02_penandatanganan_konvensi_hanoi.txt",
    "en_03_hanoi_convention_signing.txt",
)
TABLES = ("articles", "entities", "events", "stories")

#: Runs ``newsloom run`` with the corpus step argv[1] wrapped: at its argv[2]-th call it does its
#: work, then the process SIGKILLs itself inside the article's open transaction.
KILLED_RUN = """
import dataclasses, os, signal, sys
import newsloom.corpus as corpus
step_name, kill_at = sys.argv[1], int(sys.argv[2])
calls = 0
def wrap(step):
    def run(conn, article):
        global calls
        result = step.run(conn, article)
        calls += 1
        if calls == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        return result
    return dataclasses.replace(step, run=run)
corpus.CORPUS_STEPS = tuple(wrap(s) if s.name == step_name else s for s in corpus.CORPUS_STEPS)
sys.argv = ["newsloom", "run", *sys.argv[3:]]
from newsloom.cli import main
main()
"""


#: ``newsloom ingest`` with the store's save wrapped: at its argv[1]-th call it saves, then the process
#: SIGKILLs itself in the middle of the open transaction that holds many articles (one savepoint each).
KILLED_INGEST = """
import os, signal, sys
import newsloom.runner as runner
kill_at = int(sys.argv[1])
calls = 0
save = runner.save_article
def killing(conn, article, near=None, *rest):  # rest: what a worker prepared (--processes N)
    global calls
    status = save(conn, article, near, *rest)
    calls += 1
    if calls == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)
    return status
runner.save_article = killing
save_group = runner.save_articles
def killing_group(conn, batch, near, *rest):  # a plain ingest writes a transaction's articles as one group
    global calls
    statuses = save_group(conn, batch, near, *rest)
    calls += len(batch)
    if calls >= kill_at:
        os.kill(os.getpid(), signal.SIGKILL)
    return statuses
runner.save_articles = killing_group
sys.argv = ["newsloom", "ingest", *sys.argv[2:]]
from newsloom.cli import main
main()
"""

#: ``process_paths`` with the corpus steps and argv[3] articles per transaction; the corpus step argv[1]
#: kills the process at its argv[2]-th call (inside the second transaction when argv[2] > argv[3]).
KILLED_BATCHED_RUN = (
    KILLED_RUN.split("sys.argv = ")[0]
    + """
from newsloom.runner import process_paths
from newsloom.store import Store
process_paths([sys.argv[4]], Store.open(sys.argv[5]), stages=None, corpus=True,
              transaction_articles=int(sys.argv[3]), processes=1)
"""
)


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}


def _run(folder: Path, db: Path) -> None:
    command = [sys.executable, "-m", "newsloom.cli", "run", str(folder), "--db", str(db), "--processes", "1"]
    done = subprocess.run(command, capture_output=True, text=True, env=_env(), timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]


def _killed_run(folder: Path, db: Path, step: str, at: int) -> None:
    command = [
        sys.executable,
        "-c",
        KILLED_RUN,
        step,
        str(at),
        str(folder),
        "--db",
        str(db),
        "--processes",
        "1",
    ]
    done = subprocess.run(command, capture_output=True, text=True, env=_env(), timeout=300)
    assert done.returncode == -signal.SIGKILL, (
        f"not killed in {step}: {done.returncode} {done.stderr[-2000:]}"
    )


def _state(db: Path) -> tuple[dict[str, int], dict[str, list[str]]]:
    store = Store.open(str(db))
    try:
        with store.connect() as conn:
            counts = {t: int(conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar() or 0) for t in TABLES}
            exports = {what: sorted(export_lines(conn, what, "jsonl")) for what in TABLES}
    finally:
        store.close()
    return counts, exports


def _stored(db: Path) -> int:
    return _state(db)[0]["articles"]


def test_run_killed_inside_the_corpus_steps_then_rerun_equals_a_clean_run(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for name in FILES:
        shutil.copyfile(EXAMPLES / "text" / name, folder / name)
    clean_db, crashed_db = tmp_path / "clean.db", tmp_path / "crashed.db"
    _run(folder, clean_db)
    clean_counts, clean_exports = _state(clean_db)
    assert clean_counts["articles"] == len(FILES) and clean_counts["events"] and clean_counts["stories"]

    _killed_run(folder, crashed_db, "merge_events", 3)  # killed after merging the 3rd article's events
    assert _stored(crashed_db) == 2, "the killed article's transaction was not rolled back"
    _killed_run(folder, crashed_db, "cluster_stories", 2)  # the rerun killed in the last step, 2 articles on
    assert _stored(crashed_db) == 3
    _killed_run(folder, crashed_db, "link_entities", 1)  # killed in the first step of the next article
    assert _stored(crashed_db) == 3
    _run(folder, crashed_db)

    crashed_counts, crashed_exports = _state(crashed_db)
    assert crashed_counts == clean_counts
    for what in TABLES:
        assert crashed_exports[what] == clean_exports[what], f"the {what} export differs from a clean run"


def _copy_files(folder: Path) -> Path:
    folder.mkdir()
    for name in FILES:
        shutil.copyfile(EXAMPLES / "text" / name, folder / name)
    return folder


def _killed(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True, env=_env(), timeout=300)
    assert done.returncode == -signal.SIGKILL, f"not killed: {done.returncode} {done.stderr[-2000:]}"


def _ingest(folder: Path, db: Path) -> None:
    command = [
        sys.executable,
        "-m",
        "newsloom.cli",
        "ingest",
        str(folder),
        "--db",
        str(db),
        "--processes",
        "1",
    ]
    done = subprocess.run(command, capture_output=True, text=True, env=_env(), timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]


def _integrity(db: Path) -> str:
    store = Store.open(str(db))
    try:
        with store.connect() as conn:
            return str(conn.exec_driver_sql("PRAGMA integrity_check").scalar())
    finally:
        store.close()


@pytest.mark.parametrize("processes", [1, 2])
def test_ingest_killed_in_the_middle_of_a_multi_article_transaction_then_rerun_equals_a_clean_ingest(
    tmp_path: Path, processes: int
) -> None:
    from newsloom.runner import TRANSACTION_ARTICLES

    assert len(FILES) < TRANSACTION_ARTICLES  # every file in one transaction: the kill is inside it
    folder = _copy_files(tmp_path / "news")
    clean_db, crashed_db = tmp_path / "clean.db", tmp_path / "crashed.db"
    _ingest(folder, clean_db)
    clean_counts, clean_exports = _state(clean_db)
    assert clean_counts["articles"] == len(FILES)

    # killed once the 5th article is saved (one by one: four savepoints released, the fifth done; as
    # a group: every row of the transaction written), nothing committed; with 2 processes the
    # workers read and process, and the main process killed while writing leaves nothing either
    command = [sys.executable, "-c", KILLED_INGEST, "5", str(folder), "--db", str(crashed_db)]
    _killed([*command, "--processes", str(processes)])
    assert _stored(crashed_db) == 0, "a transaction of many articles was partly committed"
    assert _integrity(crashed_db) == "ok"
    _ingest(folder, crashed_db)
    _ingest(folder, crashed_db)  # the same input twice changes nothing
    crashed_counts, crashed_exports = _state(crashed_db)
    assert crashed_counts == clean_counts
    assert crashed_exports["articles"] == clean_exports["articles"]


def test_run_with_several_articles_per_transaction_killed_in_the_second_then_rerun_equals_a_clean_run(
    tmp_path: Path,
) -> None:
    folder = _copy_files(tmp_path / "news")
    clean_db, crashed_db = tmp_path / "clean.db", tmp_path / "crashed.db"
    _run(folder, clean_db)
    clean_counts, clean_exports = _state(clean_db)

    # 3 articles per transaction; merge_events kills at the 5th article: the 4th and 5th are rolled back
    script = [sys.executable, "-c", KILLED_BATCHED_RUN, "merge_events", "5", "3"]
    _killed([*script, str(folder), str(crashed_db)])
    assert _stored(crashed_db) == 3, "the first transaction (3 articles) was not kept whole"
    assert _integrity(crashed_db) == "ok"
    _run(folder, crashed_db)
    crashed_counts, crashed_exports = _state(crashed_db)
    assert crashed_counts == clean_counts
    for what in TABLES:
        assert crashed_exports[what] == clean_exports[what], f"the {what} export differs from a clean run"


def test_a_full_disk_in_the_middle_of_a_run_is_a_store_error_saying_what_was_committed(
    tmp_path: Path,
) -> None:
    import sqlalchemy as sa

    from newsloom.errors import StoreError
    from newsloom.runner import process_paths

    paths = [str(EXAMPLES / "text" / name) for name in FILES[:4]]
    db = tmp_path / "full.db"
    store = Store.open(str(db))
    process_paths(paths[:1], store, stages=None, corpus=True)
    with store.connect() as conn:
        pages = int(conn.exec_driver_sql("PRAGMA page_count").scalar() or 0)

    def small_disk(dbapi_conn: object, _record: object) -> None:  # SQLite's size limit: SQLITE_FULL past it
        dbapi_conn.execute(f"PRAGMA max_page_count={pages + 2}")  # type: ignore[attr-defined]

    sa.event.listen(store.engine, "connect", small_disk)
    store.engine.dispose()  # new connections get the limit
    try:
        with pytest.raises(StoreError) as raised:
            process_paths(paths, store, stages=None, corpus=True)
    finally:
        store.close()
    message = str(raised.value)
    assert "cannot grow: the disk (or the database's size limit) is full" in message
    assert (
        "Free disk space" in message
        and "Before it, this run committed (each article whole): 1 unchanged;" in message
    )
    assert "files read before it: 1." in message, message  # the article stored before the disk filled
    assert "Traceback" not in message
    reopened = Store.open(str(db))
    try:
        with reopened.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM articles").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    finally:
        reopened.close()
