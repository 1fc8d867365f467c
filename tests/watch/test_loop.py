"""The whole loop on loopback: poll, fetch, read, pipeline, store; faults; restart without refetching."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from newsloom.store import Store
from newsloom.store.articles import count_articles, iter_articles
from newsloom.store.watch import add_source, item_counts, list_sources, pending_items
from newsloom.watch.fetch import FetchConfig
from newsloom.watch.loop import WatchConfig, Watcher
from tests.watch.pages import ARTICLES, article_html, rss
from tests.watch.server import LocalServer

LIGHT = WatchConfig(
    interval_s=0.0, workers=2, stages=("language",), corpus=False,
    fetch=FetchConfig(timeout_s=1.0, host_delay_s=0.0, max_bytes=256 * 1024),
)  # fmt: skip


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(str(tmp_path / "watch.db"))


def _add(store: Store, *urls: str, interval_s: float = 0.0) -> None:
    with store.transaction() as conn:
        for url in urls:
            add_source(conn, url, interval_s=interval_s)


def _serve_pages(server: LocalServer, slugs: list[str] | None = None) -> None:
    for slug in slugs or list(ARTICLES):
        server.set(f"/news/{slug}", article_html(slug))


def _sources(store: Store) -> dict[str, object]:
    with store.connect() as conn:
        return {s.url.rsplit("/", 1)[1]: s for s in list_sources(conn)}


def test_feed_changes_between_polls_and_304(server: LocalServer, store: Store) -> None:
    base = server.url("")
    _serve_pages(server)
    server.set("/rss.xml", rss(base, ["hanoi-talks", "harbour-opens"]), etag='"1"')
    _add(store, server.url("/rss.xml"))
    watcher = Watcher(store, LIGHT, rng=random.Random(1))
    watcher.run_once()
    with store.connect() as conn:
        assert count_articles(conn) == 2 and item_counts(conn) == {"done": 2}
        stored = {a.title: a for a in iter_articles(conn)}
    talks = stored[ARTICLES["hanoi-talks"][1]]
    assert talks.meta("feed_published") == "2026-03-03" and talks.meta("published") == "2026-03-03"
    assert talks.meta("author") and "News Desk" in talks.meta("author")  # type: ignore[operator]
    assert talks.path == f"{base}/news/hanoi-talks" and talks.language == "en"

    watcher.run_once()  # unchanged feed: a conditional GET answered 304, nothing fetched again
    assert _sources(store)["rss.xml"].last_status == "304"  # type: ignore[attr-defined]
    assert server.hits["/news/hanoi-talks"] == 1 and server.hits["/rss.xml"] == 2

    server.set("/rss.xml", rss(base, ["jakarta-protest", "hanoi-talks", "harbour-opens"]), etag='"2"')
    watcher.run_once()
    with store.connect() as conn:
        assert count_articles(conn) == 3
    assert server.hits["/news/jakarta-protest"] == 1 and server.hits["/news/hanoi-talks"] == 1
    assert watcher.report.not_modified == 1 and watcher.report.items_new == 3


def test_bad_sources_fail_alone(server: LocalServer, store: Store) -> None:
    base = server.url("")
    _serve_pages(server, ["hanoi-talks", "harbour-opens"])
    server.set("/good.xml", rss(base, ["hanoi-talks", "harbour-opens", "jakarta-protest"]))  # one page 404s
    server.set("/down.xml", "oops", status=500)
    server.set("/html.xml", article_html("hanoi-talks"))
    server.set("/slow.xml", rss(base, ["hanoi-talks"]), delay_s=2.0)
    server.set("/loop.xml", status=302, location="/loop.xml")
    server.set("/undated.rss", rss(base, ["harbour-opens"], dated=False))
    names = ["good.xml", "down.xml", "html.xml", "slow.xml", "loop.xml", "undated.rss", "missing.xml"]
    _add(store, *(server.url(f"/{n}") for n in names))
    watcher = Watcher(store, LIGHT, rng=random.Random(2))
    watcher.run_once()
    sources = _sources(store)
    status = {n: sources[n].last_status for n in names}  # type: ignore[attr-defined]
    assert status == {
        "good.xml": "200", "down.xml": "http-500", "html.xml": "not-a-feed", "slow.xml": "timeout",
        "loop.xml": "redirect-loop", "undated.rss": "200", "missing.xml": "http-404",
    }  # fmt: skip
    assert all(sources[n].failures == 1 for n in names if status[n] != "200")  # type: ignore[attr-defined]
    assert all(sources[n].last_error for n in names if status[n] != "200")  # type: ignore[attr-defined]
    with store.connect() as conn:
        assert count_articles(conn) == 2  # the good feed's two pages; the third is a 404
        assert item_counts(conn) == {"done": 2, "failed": 1}
    assert any("jakarta-protest" in e and "404" in e for e in watcher.report.errors)


def test_backoff_grows_with_failures(server: LocalServer, store: Store) -> None:
    server.set("/down.xml", "oops", status=503)
    _add(store, server.url("/down.xml"), interval_s=10.0)
    watcher = Watcher(store, LIGHT, rng=random.Random(3))
    delays = []
    for _ in range(4):
        source = _sources(store)["down.xml"]
        started = time.time()
        watcher.poll(source)  # type: ignore[arg-type]
        delays.append(_sources(store)["down.xml"].next_poll_at - started)  # type: ignore[attr-defined]
    assert _sources(store)["down.xml"].failures == 4  # type: ignore[attr-defined]
    for failures, delay in enumerate(delays, start=1):
        step = 10.0 * 2 ** (failures - 1)
        assert step / 2 - 0.5 <= delay <= step + 0.5
    server.set("/down.xml", rss(server.url(""), []))
    watcher.poll(_sources(store)["down.xml"])  # type: ignore[arg-type]
    assert _sources(store)["down.xml"].failures == 0  # type: ignore[attr-defined]


def test_item_retried_then_given_up(server: LocalServer, store: Store) -> None:
    base = server.url("")
    server.set("/rss.xml", rss(base, ["hanoi-talks"]))
    server.set("/news/hanoi-talks", "busy", status=503)
    _add(store, server.url("/rss.xml"), interval_s=3600.0)
    watcher = Watcher(store, LIGHT)
    watcher.poll_due()
    watcher.process_pending()  # first failure: stays pending
    with store.connect() as conn:
        assert [i.attempts for i in pending_items(conn)] == [1]
    server.set("/news/hanoi-talks", article_html("hanoi-talks"))
    watcher.process_pending()
    with store.connect() as conn:
        assert item_counts(conn) == {"done": 1} and count_articles(conn) == 1


def test_paused_source_is_not_polled(server: LocalServer, store: Store) -> None:
    from newsloom.store.watch import set_paused

    server.set("/rss.xml", rss(server.url(""), []))
    _add(store, server.url("/rss.xml"))
    with store.transaction() as conn:
        set_paused(conn, server.url("/rss.xml"), True)
    Watcher(store, LIGHT).run_once()
    assert server.hits["/rss.xml"] == 0


def test_section_kind_given_by_hand(server: LocalServer, store: Store) -> None:
    """An HTML page at a feed-like URL is an error, unless the source was added as a section page."""
    _serve_pages(server, ["hanoi-talks"])
    server.set("/latest.rss", "<html><body><a href='/news/hanoi-talks'>Talks</a></body></html>")
    with store.transaction() as conn:
        add_source(conn, server.url("/latest.rss"), interval_s=0.0, kind="section")
    Watcher(store, LIGHT).run_once()
    assert _sources(store)["latest.rss"].last_status == "200"  # type: ignore[attr-defined]
    with store.connect() as conn:
        assert count_articles(conn) == 1
