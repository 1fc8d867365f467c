"""The watch loop: poll the sources that are due, fetch each new item's page, read it with the HTML
reader, run the pipeline and the corpus steps, store it, and fire the alerts it matches.

State lives in the store (``newsloom.store.watch``): validators, failures and the next poll time
per source, every item URL seen. An item is marked done in the transaction that stores its
article, so a restart or ``kill -9`` neither fetches nor stores anything twice.
"""

from __future__ import annotations

import dataclasses
import logging
import random
import threading
import time
from collections import Counter
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

from newsloom.article import Article, MetaField
from newsloom.corpus import run_corpus_steps
from newsloom.errors import InputError
from newsloom.pipeline import Pipeline
from newsloom.store import Connection, Store
from newsloom.store.articles import save_article, stages_done
from newsloom.store.watch import (
    Item,
    Source,
    add_items,
    due_sources,
    finish_item,
    list_alerts,
    list_sources,
    next_due_at,
    now_iso,
    pending_items,
    record_hit,
    record_poll,
    retry_item_later,
    story_languages,
)
from newsloom.watch.alerts import hit_payload, match_article, needs_stories
from newsloom.watch.fetch import FetchConfig, Fetcher, FetchError, Response, decode_body
from newsloom.watch.listing import expected_kind, read_listing
from newsloom.watch.schedule import MAX_BACKOFF_S, next_poll_at

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WatchConfig:
    #: seconds between two polls of a source that gives none of its own (EMM and GDELT: 10-15 min)
    interval_s: float = 900.0
    #: pages fetched at once (over all hosts; FetchConfig.host_concurrency bounds each host)
    workers: int = 4
    #: a page that failed this many times is given up (its reason kept on the item)
    max_item_attempts: int = 3
    max_backoff_s: float = MAX_BACKOFF_S
    #: pipeline stages (None: every registered stage, as `newsloom run`)
    stages: tuple[str, ...] | None = None
    #: run linking, event merging and story clustering, as `newsloom run` does
    corpus: bool = True
    fetch: FetchConfig = field(default_factory=FetchConfig)


@dataclass
class WatchReport:
    polls: int = 0
    not_modified: int = 0
    poll_errors: int = 0
    items_new: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    item_errors: int = 0
    hits: int = 0
    errors: list[str] = field(default_factory=list)

    def note_error(self, message: str) -> None:
        log.warning("%s", message)
        self.errors.append(message)
        del self.errors[:-200]  # keep the latest ones: a long run must not grow without bound


def add_provenance(article: Article, item: Item, source_url: str) -> Article:
    """The feed's date, title and author beside the page's own (the page's wins where both say)."""
    metadata = dict(article.metadata)
    detail = f"listed by {source_url}"
    for name, value in (("published", item.published), ("title", item.title), ("author", item.author)):
        if not value:
            continue
        value = value[:10] if name == "published" else value
        if name not in metadata:
            metadata[name] = MetaField(value, "feed", 0.85, detail)
        metadata[f"feed_{name}"] = MetaField(value, "feed", 0.85, detail)
    if "source_url" not in metadata:
        metadata["source_url"] = MetaField(item.url, "feed", 0.9, detail)
    return dataclasses.replace(article, metadata=metadata)


def read_page(response: Response) -> Article:
    from newsloom.ingest.html import parse_html
    from newsloom.ingest.sniff import sniff

    text = decode_body(response)
    if text is None:
        raise InputError(response.url, "the page's text encoding cannot be recognised", "Nothing to do.")
    if sniff(text) != "html":
        raise InputError(response.url, "the item's page is not HTML", "Check the feed's item links.")
    return parse_html(text, response.url)


class Watcher:
    """Polls the store's sources and processes their new items; safe to stop and start at any point."""

    def __init__(
        self, store: Store, config: WatchConfig | None = None, fetcher: Fetcher | None = None,
        rng: random.Random | None = None,
    ) -> None:  # fmt: skip
        self.store = store
        self.config = config or WatchConfig()
        self.fetcher = fetcher or Fetcher(self.config.fetch)
        self.rng = rng or random.Random()
        self.pipeline = Pipeline(self.config.stages)
        self.report = WatchReport()
        self._sources_by_id: dict[int, str] = {}
        self._lock = threading.Lock()

    # -- polling -------------------------------------------------------------------------------

    def poll(self, source: Source) -> int:
        """Poll one source; record validators, status and next poll time; return new items."""
        now = time.time()
        with self._lock:  # polls run in worker threads
            self.report.polls += 1
        expected = source.kind or expected_kind(source.url)  # "section" (given by hand) takes HTML as it is
        try:
            response = self.fetcher.get(source.url, etag=source.etag, last_modified=source.last_modified)
            if response.status == 304:
                with self._lock:
                    self.report.not_modified += 1
                self._record(source, now, status="304")
                return 0
            listing = read_listing(response, expected, self._fetch_child, since=source.last_poll_at)
        except FetchError as exc:
            with self._lock:
                self.report.poll_errors += 1
                self.report.note_error(f"source {source.url}: {exc}")
            self._record(source, now, status=exc.reason, error=str(exc), failed=True)
            return 0
        for note in listing.notes:
            log.info("source %s: %s", source.url, note)
        with self.store.transaction() as conn:
            new = add_items(conn, source.id, [i.as_row() for i in listing.items], now)
            self._record(
                source, now, status=str(response.status), conn=conn, kind=listing.kind,
                etag=response.etag, last_modified=response.last_modified,
            )  # fmt: skip
        with self._lock:
            self.report.items_new += new
        return new

    def _fetch_child(self, url: str) -> Response:
        return self.fetcher.get(url)

    def _record(
        self, source: Source, now: float, *, status: str, error: str | None = None, failed: bool = False,
        conn: Connection | None = None, **values: object,
    ) -> None:  # fmt: skip
        failures = source.failures + 1 if failed else 0
        values = {k: v for k, v in values.items() if v is not None or k in ("etag", "last_modified")}
        if failed or status == "304":
            values.pop("etag", None)
            values.pop("last_modified", None)
        fields = dict(
            last_poll_at=now, last_status=status, last_error=error, failures=failures,
            next_poll_at=next_poll_at(now, source.interval_s, failures, self.rng, self.config.max_backoff_s),
            **values,
        )  # fmt: skip
        if conn is not None:
            record_poll(conn, source.id, **fields)
            return
        with self.store.transaction() as new_conn:
            record_poll(new_conn, source.id, **fields)

    def poll_due(self) -> int:
        """Poll every source whose time has come (in parallel, politely); return new items."""
        with self.store.connect() as conn:
            sources = due_sources(conn, time.time())
        if not sources:
            return 0
        with ThreadPoolExecutor(self.config.workers) as pool:
            return sum(pool.map(self.poll, sources))

    # -- items ---------------------------------------------------------------------------------

    def process_pending(self, stop: threading.Event | None = None) -> int:
        """Fetch, read, run and store every pending item; return how many were handled."""
        handled = 0
        tried: set[str] = set()  # a failed item waits for the next round, not retried in a tight loop
        while not (stop and stop.is_set()):
            with self.store.connect() as conn:
                batch = [
                    item
                    for item in pending_items(conn, limit=500, max_attempts=self.config.max_item_attempts)
                    if item.url not in tried
                ][: max(16, self.config.workers * 8)]
                self._sources_by_id = dict(_source_urls(conn))
            if not batch:
                break
            tried.update(item.url for item in batch)
            with ThreadPoolExecutor(self.config.workers) as pool:
                futures: dict[Future[Response], Item] = {
                    pool.submit(self.fetcher.get, item.url): item for item in batch
                }
                while futures:
                    done, _ = wait(futures, return_when=FIRST_COMPLETED)
                    for future in done:
                        self._handle(futures.pop(future), future)
                        handled += 1
        return handled

    def _handle(self, item: Item, future: Future[Response]) -> None:
        try:
            article = add_provenance(
                read_page(future.result()), item, self._sources_by_id.get(item.source_id, "")
            )
        except FetchError as exc:
            self._item_failed(item, str(exc), retry=exc.retry)
            return
        except InputError as exc:
            self._item_failed(item, str(exc), retry=False)
            return
        self._store(item, article)

    def _item_failed(self, item: Item, message: str, *, retry: bool) -> None:
        self.report.item_errors += 1
        self.report.note_error(f"item {item.url}: {message}")
        with self.store.transaction() as conn:
            if retry:
                retry_item_later(conn, item.url, message, self.config.max_item_attempts)
            else:
                finish_item(conn, item.url, article_id=None, error=message, at=time.time())

    def _store(self, item: Item, article: Article) -> None:
        """Run the stages (unless already run on this body) and store it with its item, in one transaction."""
        with self.store.connect() as conn:
            done = stages_done(conn, article.id)
        if done is None or not set(self.pipeline.names) <= done:
            try:
                article = self.pipeline(article)
            except Exception as exc:  # a stage failed on this article: report it, keep going
                self._item_failed(item, f"processing failed ({type(exc).__name__}: {exc})", retry=False)
                return
        with self.store.transaction() as conn:
            status = save_article(conn, article)
            if self.config.corpus and status in ("new", "updated"):
                run_corpus_steps(conn, article)
            finish_item(conn, item.url, article_id=article.id, error=None, at=time.time())
            if status == "new":
                self.report.hits += self._fire_alerts(conn, article, item)
        self.report.statuses[status] += 1

    def _fire_alerts(self, conn: Connection, article: Article, item: Item) -> int:
        alerts = list_alerts(conn)
        if not alerts:
            return 0
        stories = story_languages(conn, [article.id]) if needs_stories(alerts) else {}
        fired = 0
        for alert in alerts:
            for match in match_article(alert, article, stories):
                payload = hit_payload(alert, match, article, item.url, now_iso())
                fired += record_hit(conn, alert, match.key, article.id, payload, item.seen_at)
        return fired

    # -- the loop ------------------------------------------------------------------------------

    def run_once(self, stop: threading.Event | None = None) -> None:
        """One round: poll what is due, process what is pending, deliver what fired."""
        from newsloom.watch.notify import deliver_pending

        self.poll_due()
        self.process_pending(stop)
        with _webhook_client() as client:
            deliver_pending(self.store, client)

    def run(self, *, rounds: int | None = None, duration_s: float | None = None,
            stop: threading.Event | None = None, tick_s: float = 1.0) -> WatchReport:  # fmt: skip
        """Run rounds until ``rounds`` are done, ``duration_s`` has passed or ``stop`` is set."""
        stop = stop or threading.Event()
        deadline = time.monotonic() + duration_s if duration_s is not None else None
        done = 0
        while not stop.is_set():
            self.run_once(stop)
            done += 1
            if rounds is not None and done >= rounds:
                break
            with self.store.connect() as conn:
                due = next_due_at(conn)
            pause = tick_s if due is None else min(max(0.0, due - time.time()), tick_s * 30)
            if deadline is not None:
                if time.monotonic() >= deadline:
                    break
                pause = min(pause, deadline - time.monotonic())
            stop.wait(max(pause, 0.05))
        return self.report

    def close(self) -> None:
        self.fetcher.close()


def _source_urls(conn: Connection) -> list[tuple[int, str]]:
    return [(s.id, s.url) for s in list_sources(conn)]


def _webhook_client():  # type: ignore[no-untyped-def]
    from newsloom.watch.notify import webhook_client

    return webhook_client()
