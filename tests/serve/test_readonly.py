"""Serving a store that cannot be written: reads work, writes are refused with the reason (issue #19).

Tests run as root, where ``chmod`` does not stop writes, so the read-only store is opened with the
``read_only`` setting (``newsloom serve --read-only``); detection of a file this process cannot write
(``os.access``) is checked by making ``os.access`` answer as it does for another user.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsloom.store import Store
from newsloom.store.db import ReadOnlyStoreError, is_writable
from tests.serve.conftest import TOKEN, copy_db
from tests.serve.test_api import assert_error
from tests.serve.test_ingest import AUTH, REPORT, upload

pytestmark = pytest.mark.sqlite_only("read-only and unwritable SQLite files")


def _digest(db: Path) -> str:
    return hashlib.sha256(db.read_bytes()).hexdigest()


def _read_only_copy(served_db: Path, folder: Path, *, index: bool) -> Path:
    """A copy of the served store (search index built first if ``index``), its file made read-only."""
    from newsloom.serve.api import create_app

    db = copy_db(served_db, folder)
    if index:
        with TestClient(create_app(str(db), token=None, embeddings=False)):
            pass  # startup builds the search index, then the store is closed
    db.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    return db


@pytest.fixture(scope="module")
def read_only_db(served_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    db = _read_only_copy(served_db, tmp_path_factory.mktemp("readonly"), index=True)
    yield db
    db.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_a_read_only_store_serves_reads_and_refuses_uploads_saying_why(read_only_db: Path) -> None:
    from newsloom.serve.api import create_app

    before = _digest(read_only_db)
    with TestClient(create_app(str(read_only_db), token=TOKEN, read_only=True, embeddings=False)) as client:
        assert client.app.state.read_only is True  # type: ignore[attr-defined]
        info = client.get("/api").json()
        assert info["articles"] == 5
        articles = client.get("/api/articles").json()
        assert len(articles["items"]) == 5
        assert client.get(f"/api/articles/{articles['items'][0]['id']}").status_code == 200
        hits = client.get("/api/search", params={"q": "Guterres"}).json()
        assert hits["items"], "the search index stored before is searched on a read-only store"
        assert client.get("/", headers={"accept": "text/html"}).status_code == 200
        assert client.get("/api/export", params={"what": "events"}).text.count("\n") >= 1
        error = assert_error(upload(client, "a.txt", REPORT.encode(), headers=AUTH), 503, "read_only")
        assert "read-only" in error["message"] and "--read-only" in error["message"]
        assert client.get("/api").json()["articles"] == 5
    assert _digest(read_only_db) == before, "serving a read-only store wrote to its file"


def test_a_write_through_a_read_only_store_raises_a_store_error_that_says_so(read_only_db: Path) -> None:
    store = Store.open(str(read_only_db), read_only=True)
    try:
        refused = pytest.raises(ReadOnlyStoreError, match="read-only: nothing was written")
        with refused, store.transaction() as conn:
            conn.exec_driver_sql("DELETE FROM articles")
        with store.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM articles").scalar() == 5
    finally:
        store.close()


def test_a_read_only_store_without_its_search_index_still_answers(
    served_db: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from newsloom.serve.api import create_app

    db = _read_only_copy(served_db, tmp_path, index=False)
    try:
        with TestClient(create_app(str(db), token=None, read_only=True, embeddings=False)) as client:
            assert client.app.state.search.enabled is False  # type: ignore[attr-defined]
            response = client.get("/api/search", params={"q": "Guterres"})
            assert response.status_code == 200
            assert response.json()["items"] == []  # no index to search: an empty answer, not an error
            assert len(client.get("/api/articles").json()["items"]) == 5
        assert "full-text search is off until the store can be written" in caplog.text
    finally:
        db.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_a_store_this_process_cannot_write_is_served_read_only(
    served_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsloom.serve.api import create_app

    db = copy_db(served_db, tmp_path)
    assert is_writable(str(db))
    real_access = os.access
    monkeypatch.setattr(
        "newsloom.store.db.os.access",
        lambda path, mode: False if mode == os.W_OK else real_access(path, mode),
    )  # as for a user without write permission (chmod does not stop root)
    assert not is_writable(str(db))
    with TestClient(create_app(str(db), token=TOKEN, embeddings=False)) as client:
        assert client.app.state.read_only is True  # type: ignore[attr-defined]
        assert client.get("/api").json()["articles"] == 5
        assert_error(upload(client, "a.txt", REPORT.encode(), headers=AUTH), 503, "read_only")


@pytest.mark.skipif(os.geteuid() == 0, reason="running as root: chmod does not stop root from writing")
def test_a_chmod_read_only_store_is_detected(served_db: Path, tmp_path: Path) -> None:
    db = copy_db(served_db, tmp_path)
    db.chmod(stat.S_IRUSR)
    try:
        assert not is_writable(str(db))
    finally:
        db.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_read_only_needs_an_existing_store(tmp_path: Path) -> None:
    from newsloom.errors import StoreError

    with pytest.raises(StoreError, match="only an existing SQLite file"):
        Store.open(str(tmp_path / "missing.db"), read_only=True)


def test_newsloom_serve_read_only_starts_serves_and_says_so(read_only_db: Path) -> None:
    import json
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    from tests.conftest import ROOT

    with socket.socket() as probe:  # a free port on loopback
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "newsloom.cli", "serve", "--db", str(read_only_db), "--read-only",
               "--port", str(port)]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NEWSLOOM_TOKEN": TOKEN}
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    try:
        info, deadline = None, time.monotonic() + 120
        while info is None and time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api", timeout=5) as response:
                    info = json.load(response)
            except OSError:
                time.sleep(0.5)
        assert info is not None, "the server did not answer on a read-only store"
        assert info["articles"] == 5
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=30)
    assert "the store is read-only: reads work, uploads are refused" in stderr


def test_a_full_store_is_served_with_search_off_and_uploads_refused_saying_why(
    served_db: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import sqlalchemy as sa

    from newsloom.serve.api import create_app

    db = copy_db(served_db, tmp_path)  # its search index is not built yet: startup must write it
    app = create_app(str(db), token=TOKEN, embeddings=False)
    store = app.state.store
    with store.connect() as conn:
        pages = int(conn.exec_driver_sql("PRAGMA page_count").scalar() or 0)

    def full_disk(dbapi_conn: object, _record: object) -> None:  # SQLite's size limit: SQLITE_FULL past it
        dbapi_conn.execute(f"PRAGMA max_page_count={pages}")  # type: ignore[attr-defined]

    sa.event.listen(store.engine, "connect", full_disk)
    store.engine.dispose()
    with TestClient(app) as client:
        assert "full-text search is off until the store can be written" in caplog.text
        assert "is full" in caplog.text
        assert client.get("/api").json()["articles"] == 5
        assert client.get("/api/search", params={"q": "Guterres"}).status_code == 200
        error = assert_error(upload(client, "a.txt", REPORT.encode(), headers=AUTH), 503, "store_unavailable")
        assert "Free disk space" in error["message"]
        assert client.get("/api").json()["articles"] == 5
