"""Read responses kept until the store changes (issue #18): served again while the store's version
is the same, made again once an article lands."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsloom.serve.cache as cache
from newsloom.serve.cache import CACHED_PATHS, StoreVersion
from tests.conftest import EXAMPLES
from tests.serve.conftest import copy_db


@pytest.fixture()
def fresh(served_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[object, Path]]:
    from fastapi.testclient import TestClient

    from newsloom.serve.api import create_app

    monkeypatch.setattr(cache, "CHECK_SECONDS", 0.0)  # read the version at every request
    db = copy_db(served_db, tmp_path)
    with TestClient(create_app(str(db), embeddings=False)) as client:
        yield client, db


def _retitle(db: Path, event_id: int, title: str) -> None:
    """A change the article version does not see (no article added): only a cache would hide it."""
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE events SET title = ? WHERE id = ?", (title, event_id))


@pytest.mark.sqlite_only("changes the SQLite file behind the server's back with sqlite3")
def test_an_event_is_served_from_the_cache_until_an_article_lands(fresh: tuple[object, Path]) -> None:
    from newsloom.runner import process_paths
    from newsloom.store import Store

    client, db = fresh
    first = client.get("/api/events?limit=1").json()["items"][0]  # type: ignore[attr-defined]
    path = f"/api/events/{first['id']}"
    before = client.get(path)  # type: ignore[attr-defined]
    assert before.status_code == 200
    _retitle(db, first["id"], "Retitled behind the cache's back")
    again = client.get(path)  # type: ignore[attr-defined]
    assert again.content == before.content  # the kept response: the store's version did not change
    page = client.get(path.removeprefix("/api"), headers={"accept": "text/html"})  # type: ignore[attr-defined]
    assert page.status_code == 200 and "Retitled behind the cache" in page.text  # another key: made now

    store = Store.open(str(db))
    try:
        report = process_paths([str(EXAMPLES / "text" / "en_04_guterres_press_conference.txt")], store)
    finally:
        store.close()
    assert report.statuses["new"] == 1
    after = client.get(path)  # type: ignore[attr-defined]
    assert after.json()["title"] == "Retitled behind the cache's back"


def test_which_paths_are_kept(fresh: tuple[object, Path]) -> None:
    client, db = fresh
    assert client.get("/api/events/999999").status_code == 404  # type: ignore[attr-defined]
    assert CACHED_PATHS.match("/api/search") and not CACHED_PATHS.match("/api/search/x")
    assert (
        CACHED_PATHS.match("/") and CACHED_PATHS.match("/api/timeline") and CACHED_PATHS.match("/stories/3")
    )
    assert not CACHED_PATHS.match("/api/articles/abc") and not CACHED_PATHS.match("/api/events/1/x")


def test_the_version_is_read_at_most_once_per_interval() -> None:
    reads: list[int] = []

    def read() -> object:
        reads.append(1)
        return len(reads)

    slow, eager = StoreVersion(read, check_seconds=3600.0), StoreVersion(read, check_seconds=0.0)
    assert slow.current() == slow.current() == 1 and len(reads) == 1
    assert eager.current() == 2 and eager.current() == 3


def test_the_version_changes_when_the_search_index_gains_a_document(fresh: tuple[object, Path]) -> None:
    """With workers, another process writes the index after the articles: kept searches must go."""
    from newsloom.serve.api import _store_version
    from newsloom.store import Store
    from newsloom.store import search as index_rows

    _, db = fresh
    store = Store.open(str(db))
    try:
        before = _store_version(store)
        doc = index_rows.SearchDoc(0, "event", "999999", "en", "A title", "A body", None, "signature")
        with store.transaction() as conn:
            index_rows.write_doc(conn, doc, "a title", "a body", existing=None)
        assert _store_version(store) != before
    finally:
        store.close()


def test_a_fresh_version_is_known_without_a_read_and_a_stale_one_is_not() -> None:
    reads: list[int] = []

    def read() -> object:
        reads.append(1)
        return ("v", len(reads))

    version = StoreVersion(read, check_seconds=3600)
    assert version.known() == (False, None)  # never read: the caller must read it (in a thread)
    assert version.current() == ("v", 1)
    assert version.known() == (True, ("v", 1))
    assert len(reads) == 1
    with version._lock:  # a thread reading it: the event loop does not wait for it
        assert version.known() == (False, None)
    assert StoreVersion(read, check_seconds=0).known() == (False, None)


def test_readers_of_a_page_being_made_wait_for_it_instead_of_making_it_again() -> None:
    import asyncio

    from newsloom.serve.cache import KeptResponses, ResponseCache

    made: list[str] = []

    async def slow_app(scope: dict, receive: object, send) -> None:  # type: ignore[no-untyped-def]
        made.append(scope["path"])
        await asyncio.sleep(0.05)  # the page takes a while: the other readers arrive meanwhile
        status = 404 if scope["path"] == "/events/0" else 200
        await send({"type": "http.response.start", "status": status, "headers": []})
        await send({"type": "http.response.body", "body": scope["path"].encode()})

    cache = ResponseCache(slow_app, StoreVersion(lambda: 1, check_seconds=3600), KeptResponses())

    async def read(path: str) -> tuple[int, bytes]:
        sent: list[dict] = []

        async def send(message: dict) -> None:
            sent.append(message)

        scope = {"type": "http", "method": "GET", "path": path, "query_string": b"", "headers": []}
        await cache(scope, None, send)  # type: ignore[arg-type]
        return sent[0]["status"], sent[1]["body"]

    async def readers() -> list[tuple[int, bytes]]:
        return await asyncio.gather(*(read(p) for p in ["/timeline"] * 8 + ["/events/0"] * 2))

    answers = asyncio.run(readers())
    assert answers == [(200, b"/timeline")] * 8 + [(404, b"/events/0")] * 2
    assert made.count("/timeline") == 1  # made once, the 7 others waited for it
    assert made.count("/events/0") == 2  # an answer that is not kept is made for each reader
