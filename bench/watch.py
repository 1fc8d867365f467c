"""`newsloom watch` on a local server: throughput beside the plain pipeline, scheduler overhead per
poll, memory over a bounded run, and the delay from an item appearing to its alert (p50/p99).

    python bench/watch.py [--feeds 20] [--items 10] [--duration 40] [--stages language|all]

Everything is on 127.0.0.1 (a server started here, pages of random words written here). Figures:
- items/s: a first round over feeds x items new pages (fetch, read, stages, store) against
  ``newsloom.runner.process_paths`` on pages of the same make saved as files (other random texts,
  so that no cache favours either side), same stages, same run;
- overhead per poll: polling every source once (all answer 304) against the bare conditional GETs;
- memory: resident set size sampled each second of the steady run (first quarter vs last);
- delay: during the steady run a new item appears every --every s in a random feed (polled every
  --interval s); each carries the word an alert looks for; delay = webhook POST received - item
  published on the server.
Politeness delay is 0 here (every feed is on one host); the default of 1 s applies in real use.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.watch.server import WORDS as PAGE_WORDS  # noqa: E402
from tests.watch.server import LocalServer, serve  # noqa: E402  (the tests' loopback server)

WORDS = [
    *PAGE_WORDS,
    "parliament",
    "minister",
    "agreement",
    "protest",
    "police",
    "ministry",
    "trade",
    "fisheries",
    "talks",
    "delegation",
    "visit",
    "summit",
]
MARKER = "lighthouse"
#: the baseline reads pages from other seeds (same length, same words), never the watcher's texts
BASELINE_OFFSET = 10**5


def page(n: int, marker: bool = False) -> str:
    rng = random.Random(n)
    paragraphs = [" ".join(rng.choice(WORDS) for _ in range(60)).capitalize() + "." for _ in range(4)]
    if marker:
        paragraphs[1] += f" A new {MARKER} was opened."
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>Report {n}</title></head><body>"
        f"<article><h1>Report number {n}</h1>{body}</article></body></html>"
    )


def feed(base: str, numbers: list[int]) -> str:
    items = "".join(
        f"<item><title>Report {n}</title><link>{base}/p/{n}</link>"
        "<pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate></item>"
        for n in numbers[-50:]
    )
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>f</title>{items}</channel></rss>"


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


@dataclass
class Setup:
    base: str
    feeds: dict[int, list[int]]
    total: int
    work: Path
    stages: tuple[str, ...] | None


def prepare(args: argparse.Namespace, server: LocalServer) -> Setup:
    """Feeds and pages on the server, the same pages as files for the baseline, models warmed."""
    from newsloom.runner import process_paths
    from newsloom.store import Store

    stages = None if args.stages == "all" else tuple(args.stages.split(","))
    base = server.url("")
    feeds: dict[int, list[int]] = {}
    for f in range(args.feeds):
        feeds[f] = list(range(f * args.items, (f + 1) * args.items))
        server.set(f"/feed/{f}.xml", feed(base, feeds[f]), etag=f'"{f}-0"')
    total = args.feeds * args.items
    work = Path(tempfile.mkdtemp(prefix="newsloom-bench-watch-"))
    (work / "pages").mkdir()
    for n in range(total):
        server.set(f"/p/{n}", page(n))
        # other texts of the same size: caches (embeddings by text) must not favour either side
        (work / "pages" / f"{n}.html").write_text(page(BASELINE_OFFSET + n), encoding="utf-8")
    (work / "warm").mkdir()
    (work / "warm" / "w.html").write_text(page(10**6), encoding="utf-8")
    process_paths([str(work / "warm")], Store.open(str(work / "warm.db")), stages=stages, corpus=args.corpus)
    return Setup(base, feeds, total, work, stages)


def measure_throughput(args: argparse.Namespace, server: LocalServer, setup: Setup) -> Any:
    """Items/s of the watcher's first round beside process_paths on the same pages; returns the watcher."""
    from newsloom.runner import process_paths
    from newsloom.store import Store
    from newsloom.store.watch import add_alert, add_source
    from newsloom.watch.fetch import FetchConfig
    from newsloom.watch.loop import WatchConfig, Watcher

    started = time.perf_counter()
    store = Store.open(str(setup.work / "base.db"))
    baseline = process_paths([str(setup.work / "pages")], store, stages=setup.stages, corpus=args.corpus)
    base_rate = baseline.articles / (time.perf_counter() - started)

    fetch = FetchConfig(host_delay_s=0.0, host_concurrency=args.workers)
    config = WatchConfig(
        interval_s=args.interval, workers=args.workers, stages=setup.stages, corpus=args.corpus, fetch=fetch
    )
    store = Store.open(str(setup.work / "watch.db"))
    with store.transaction() as conn:
        for f in range(args.feeds):
            add_source(conn, server.url(f"/feed/{f}.xml"), interval_s=args.interval)
        add_alert(conn, "marker", "text", {"text": MARKER}, server.url("/hook"), None)
    server.set("/hook", status=204)
    watcher = Watcher(store, config, rng=random.Random(0))
    started = time.perf_counter()
    watcher.run_once()
    rate = sum(watcher.report.statuses.values()) / (time.perf_counter() - started)
    print(
        f"pages: {setup.total} ({args.feeds} feeds x {args.items}); stages: {watcher.pipeline.names}; corpus: {args.corpus}"
    )
    print(
        f"items/s  baseline process_paths {base_rate:7.1f}   watch first round {rate:7.1f}   "
        f"ratio watch/baseline {rate / base_rate:.2f}"
    )
    return watcher


def measure_polls(args: argparse.Namespace, watcher: Any) -> None:
    """Polling every source once (all answer 304) beside the bare conditional GETs, per source."""
    from newsloom.store.watch import list_sources, record_poll
    from newsloom.watch.fetch import Fetcher

    poll_times, raw_times = [], []
    raw = Fetcher(watcher.config.fetch)
    for _ in range(3):
        with watcher.store.transaction() as conn:
            sources = list_sources(conn)
            for s in sources:
                record_poll(conn, s.id, next_poll_at=0.0)
        started = time.perf_counter()
        watcher.poll_due()
        poll_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        for s in sources:
            raw.get(s.url, etag=s.etag)
        raw_times.append(time.perf_counter() - started)
    raw.close()
    poll_ms = statistics.median(poll_times) / args.feeds * 1000
    raw_ms = statistics.median(raw_times) / args.feeds * 1000
    print(
        f"per poll (304)  watch {poll_ms:.2f} ms (store write included; {args.workers} workers)   "
        f"bare sequential GET {raw_ms:.2f} ms   ratio {poll_ms / raw_ms:.2f}"
    )


def steady_run(args: argparse.Namespace, server: LocalServer, setup: Setup, watcher: Any) -> None:
    """New items appear while the watcher runs for --duration s: alert delay and memory."""
    from newsloom.store.watch import list_sources, record_poll

    appeared: dict[str, float] = {}
    memory: list[float] = []
    stop = threading.Event()

    def publish() -> None:
        rng, n = random.Random(1), setup.total
        while not stop.wait(args.every):
            f = rng.randrange(args.feeds)
            server.set(f"/p/{n}", page(n, marker=True))
            setup.feeds[f].append(n)
            appeared[f"{setup.base}/p/{n}"] = time.monotonic()
            server.set(f"/feed/{f}.xml", feed(setup.base, setup.feeds[f]), etag=f'"{f}-{n}"')
            n += 1

    def sample() -> None:
        while not stop.wait(1.0):
            memory.append(rss_mb())

    with watcher.store.transaction() as conn:
        for s in list_sources(conn):
            record_poll(conn, s.id, next_poll_at=time.time() + random.uniform(0, args.interval))
    for target in (publish, sample):
        threading.Thread(target=target, daemon=True).start()
    watcher.run(duration_s=args.duration, tick_s=0.2)
    stop.set()
    watcher.run(rounds=1)  # let the last items through
    delays = [
        at - appeared[url]
        for at, body in server.post_times
        if (url := json.loads(body)["article"]["url"]) in appeared
    ]
    print(f"steady run {args.duration:.0f} s: {len(appeared)} items appeared, {len(delays)} alerts delivered")
    if delays:
        print(
            f"delay item appears -> alert  p50 {percentile(delays, 0.5):.2f} s   p99 {percentile(delays, 0.99):.2f} s"
            f"   (poll interval {args.interval:g} s: expect about interval/2 + processing)"
        )
    if len(memory) >= 4:
        quarter = max(1, len(memory) // 4)
        print(
            f"memory RSS MB  first quarter {statistics.mean(memory[:quarter]):.0f}   last quarter "
            f"{statistics.mean(memory[-quarter:]):.0f}   max {max(memory):.0f}"
        )
    print(f"watch errors: {len(watcher.report.errors)}")


def run(args: argparse.Namespace, server: LocalServer) -> None:
    setup = prepare(args, server)
    try:
        watcher = measure_throughput(args, server, setup)
        measure_polls(args, watcher)
        steady_run(args, server, setup, watcher)
        watcher.close()
    finally:
        shutil.rmtree(setup.work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--items", type=int, default=10, help="items per feed at the start")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--interval", type=float, default=2.0, help="seconds between polls of a feed")
    parser.add_argument("--every", type=float, default=0.5, help="seconds between two new items")
    parser.add_argument("--duration", type=float, default=40.0, help="seconds of the steady run")
    parser.add_argument("--stages", default="language", help="comma-separated stages, or 'all'")
    parser.add_argument("--corpus", action="store_true", help="run the corpus steps (with --stages all)")
    args = parser.parse_args()
    for server in serve():
        run(args, server)


if __name__ == "__main__":
    main()
