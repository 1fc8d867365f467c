"""`kill -9` in the middle of a run: the next run fetches only what was not stored, and stores it once."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from newsloom.store import Store
from newsloom.store.articles import count_articles
from newsloom.store.watch import item_counts, watch_items
from newsloom.watch.loop import Watcher
from tests.watch.server import WORDS, LocalServer
from tests.watch.test_loop import LIGHT

pytestmark = pytest.mark.sqlite_only("kills a watch subprocess that opens the store by its file path")

ROOT = Path(__file__).resolve().parents[2]
PAGES = 12


def _page(n: int) -> str:
    rng = random.Random(n)
    paragraphs = "".join(
        "<p>" + " ".join(rng.choice(WORDS) for _ in range(40)).capitalize() + ".</p>" for _ in range(3)
    )
    return f"<html lang='en'><head><title>Report {n}</title></head><body><article><h1>Report {n}</h1>{paragraphs}</article></body></html>"


def _done(db: Path) -> set[str]:
    if not db.exists():
        return set()
    """Read without Store.open, which would race the watcher's own migrations."""
    engine = sa.create_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as conn:
            query = sa.select(watch_items.c.url).where(watch_items.c.state == "done")
            return {r[0] for r in conn.execute(query)}
    except sa.exc.OperationalError:  # tables not created yet
        return set()
    finally:
        engine.dispose()


@pytest.mark.slow
def test_kill_9_then_resume(server: LocalServer, tmp_path: Path) -> None:
    base = server.url("")
    items = "".join(f"<item><title>Report {n}</title><link>{base}/p/{n}</link></item>" for n in range(PAGES))
    server.set(
        "/rss.xml",
        f"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title>{items}</channel></rss>",
    )
    for n in range(PAGES):
        server.set(f"/p/{n}", _page(n), delay_s=0.3)
    db = tmp_path / "watch.db"
    command = [
        sys.executable, "-m", "newsloom.cli", "watch", server.url("/rss.xml"), "--db", str(db),
        "--interval", "3600", "--stages", "language", "--workers", "1", "--host-delay", "0", "--rounds", "1",
    ]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    try:
        while len(_done(db)) < 3:
            assert process.poll() is None, process.communicate()[1].decode()[-2000:]
            assert time.monotonic() < deadline, "the watcher stored nothing in 120 s"
            time.sleep(0.05)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    done_before = _done(db)
    assert 3 <= len(done_before) < PAGES  # killed in the middle
    fetched_before = sum(server.hits[f"/p/{n}"] for n in range(PAGES))

    store = Store.open(str(db))
    watcher = Watcher(store, LIGHT)
    watcher.run_once()
    with store.connect() as conn:
        assert item_counts(conn) == {"done": PAGES}
        assert count_articles(conn, include_duplicates=True) == PAGES
    assert all(server.hits[url.removeprefix(base)] == 1 for url in done_before)  # nothing stored refetched
    refetched = sum(server.hits[f"/p/{n}"] for n in range(PAGES)) - PAGES
    assert refetched <= fetched_before - len(done_before)  # at most the pages in flight at the kill
    assert server.hits["/rss.xml"] == 1  # the source's next poll time survived the kill
    watcher.run_once()
    assert sum(server.hits[f"/p/{n}"] for n in range(PAGES)) == PAGES + refetched
