"""`newsloom serve --workers N` (issue #18): several read-only worker processes answer, and the
supervisor keeps the search index up to date with articles ingested beside the server."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT
from tests.serve.conftest import copy_db

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _wait(check: object, what: str, limit: float = 120.0) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            if check():  # type: ignore[operator]
                return
        except Exception:  # not up yet
            pass
        time.sleep(0.5)
    raise AssertionError(f"{what} did not happen within {limit:.0f} s")


@pytest.fixture()
def server(served_db: Path, tmp_path: Path) -> Iterator[tuple[str, Path, subprocess.Popen[bytes]]]:
    if not Path("/proc/self/stat").exists():
        pytest.skip("counting worker processes reads /proc (Linux only)")
    db = copy_db(served_db, tmp_path)
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("NEWSLOOM_TOKEN", None)
    command = [
        sys.executable,
        "-m",
        "newsloom.cli",
        "serve",
        "--db",
        str(db),
        "--port",
        str(port),
        "--workers",
        "2",
    ]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield f"http://127.0.0.1:{port}", db, process
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.mark.sqlite_only("the server runs in a subprocess that opens the store by its file path")
def test_two_read_only_workers_answer_and_new_articles_reach_the_index(
    server: tuple[str, Path, subprocess.Popen[bytes]],
) -> None:
    import httpx

    from newsloom.runner import process_paths
    from newsloom.store import Store

    url, db, process = server
    _wait(lambda: httpx.get(url + "/api", timeout=5).status_code == 200, "the server starting")
    workers = [
        pid for pid in _children(process.pid) if "spawn_main" in Path(f"/proc/{pid}/cmdline").read_text()
    ]
    assert len(workers) == 2, workers
    events = httpx.get(url + "/api/events?limit=5", timeout=30)
    assert events.status_code == 200 and events.json()["items"]
    upload = httpx.post(url + "/api/ingest", files={"file": ("a.txt", b"x")}, timeout=30)
    assert upload.status_code in (401, 403, 503)  # no token here; with one, read-only workers answer 503

    store = Store.open(str(db))
    try:
        report = process_paths([str(EXAMPLES / "text" / "en_04_guterres_press_conference.txt")], store)
        assert report.statuses["new"] == 1
        (new_id,) = [a for a in _article_ids(store) if a not in _indexed(store)]

        _wait(lambda: new_id in _indexed(store), "the supervisor indexing the new article")
    finally:
        store.close()
    article = httpx.get(f"{url}/api/articles/{new_id}", timeout=30)
    assert article.status_code == 200  # the read-only workers read what was committed beside them


def _article_ids(store: object) -> set[str]:
    with store.connect() as conn:  # type: ignore[attr-defined]
        return {row[0] for row in conn.exec_driver_sql("SELECT id FROM articles")}


def _indexed(store: object) -> set[str]:
    with store.connect() as conn:  # type: ignore[attr-defined]
        query = "SELECT ref FROM serve_search_docs WHERE kind = 'article'"
        return {row[0] for row in conn.exec_driver_sql(query)}
