"""Serving under load: the API and pages on 127.0.0.1 over a ~10,000-article store (prints figures).

    python bench/serve.py [--articles 10000] [--clients 32] [--seconds 30] [--baseline-seconds 10]
                          [--before REF] [--workers 2]

``--before REF`` serves the same store with the code of a git revision first (under uvicorn's
pure-Python HTTP parser and loop, h11 and asyncio, as before httptools and uvloop came in), ``--workers
N`` adds a run of the new code with N read-only worker processes: every run in one invocation, same
store, same load, each with its own same-run baseline. ``--client raw`` drives the load with
keep-alive HTTP/1.1 clients on asyncio streams (~0.1 ms CPU per request against httpx's ~2.4 ms,
measured), ``both`` with each in turn. ``--cpu N`` measures the server's CPU per request in-process.

1. Base store: the bundled examples and the shared seeds through every stage and corpus step
   (cached in bench/out/serve_base.db; a few minutes the first time).
2. Larger store: the base copied table by table until it holds ``--articles`` articles, each copy
   under new ids with its dates moved one day further back, so the timeline spans months and every
   table the server reads (articles, events and their sources, entity links, stories, storylines)
   grows with it. Running the whole pipeline on 10,000 articles would take hours on 2 cores; the
   serving side only needs the stored shape at that size.
3. The server (uvicorn, one process) is started on 127.0.0.1 and a free port; it builds the search
   index before it accepts requests (that time is printed).
4. A bounded load: ``--clients`` concurrent clients (httpx, asyncio) for ``--seconds`` over search
   (vi/en/id queries), event lists and pages, the timeline and the HTML pages. First the same
   clients hit ``GET /api`` (one count query) as the baseline; figures are given as ratios to it.

Traffic goes to 127.0.0.1 only. Errors (any status >= 400, timeouts) are counted and must be 0.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import math
import random
import socket
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"

#: Searches in the three first-class languages, with and without diacritics.
QUERIES = (
    "bui thanh son", "Bùi Thanh Sơn", "Ghada Waly UNODC", "Liên hợp quốc", "United Nations", "cybercrime convention",
    "Công ước Hà Nội", "Konvensi PBB kejahatan siber", "Ramaphosa", "Nam Phi", "penangkapan sabu Bali",
    "drug smuggling arrest", "Guterres Lương Cường", "hợp tác an ninh mạng",
)  # fmt: skip
#: (kind, weight): how often each request kind is drawn.
MIX = (
    ("search", 30),
    ("events", 20),
    ("event", 20),
    ("timeline", 10),
    ("page_event", 12),
    ("page_timeline", 8),
)

#: How each copied table's columns change per copy: article ids, ids, paths, dates; others stay.
COPY_RULES: dict[str, dict[str, str]] = {
    "articles": {"id": "article", "path": "path", "published": "date", "text": "text"},
    "article_paths": {"path": "path", "article_id": "article"},
    "entity_links": {"id": "auto", "article_id": "article", "article_path": "path", "published": "date"},
    "events": {"id": "event", "parent_id": "event", "date": "date", "date_end": "date"},
    "event_sources": {
        "id": "auto", "event_id": "event", "article_id": "article", "path": "path", "published": "date",
        "date": "date", "date_end": "date",
    },
    "event_actors": {"event_id": "event"},
    "storylines": {"id": "storyline", "date_first": "date", "date_last": "date"},
    "stories": {"id": "story", "storyline_id": "storyline", "date": "date", "date_first": "date", "date_last": "date"},
    "story_members": {"story_id": "story", "article_id": "article", "date": "date"},
    "story_titles": {"story_id": "story", "article_id": "article"},
}  # fmt: skip
ID_SPACES = {"event": "events", "story": "stories", "storyline": "storylines"}


def build_base(db: Path) -> None:
    """The examples and seeds through every stage and corpus step (skipped when cached)."""
    if db.exists():
        return
    from newsloom.runner import process_paths
    from newsloom.store import Store

    db.parent.mkdir(parents=True, exist_ok=True)
    inputs = [str(ROOT / "examples")] + [str(p) for p in [ROOT.parent / "shared" / "seeds"] if p.exists()]
    print(f"building the base store from {', '.join(inputs)} (every stage; a few minutes) ...", flush=True)
    partial = db.with_suffix(".partial.db")
    partial.unlink(missing_ok=True)
    store = Store.open(str(partial))
    report = process_paths(inputs, store, stages=None, corpus=True)
    store.close()
    if report.errors:
        raise SystemExit(f"the base store has errors: {report.errors[:3]}")
    conn = sqlite3.connect(partial)  # fold the WAL in before the rename: only the main file moves
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    partial.rename(db)


def _shift(value: object, days: int) -> object:
    if isinstance(value, str) and len(value) >= 10 and value[4] == "-" and value[:4].isdigit():
        return (date.fromisoformat(value[:10]) - timedelta(days=days)).isoformat() + value[10:]
    return value


def scale_store(base: Path, target: Path, articles: int) -> int:
    """Copy the base store's served tables until ``articles`` articles; returns the number of copies
    (a target already made from this base, newer than it, is kept)."""
    with sqlite3.connect(base) as conn:
        base_articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    copies = max(0, math.ceil(articles / base_articles) - 1)
    if target.exists() and target.stat().st_mtime > base.stat().st_mtime:
        with sqlite3.connect(target) as conn:
            made = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        if made == base_articles * (copies + 1):
            return copies
    target.unlink(missing_ok=True)
    target.write_bytes(base.read_bytes())
    conn = sqlite3.connect(target)
    conn.execute("PRAGMA foreign_keys=OFF")
    base_articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    copies = max(0, math.ceil(articles / base_articles) - 1)
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    rules = {name: spec for name, spec in COPY_RULES.items() if name in tables}
    rows = {
        name: conn.execute(f'SELECT * FROM "{name}"').fetchall() for name in rules
    }  # table names come from COPY_RULES
    columns = {name: [c[1] for c in conn.execute(f'PRAGMA table_info("{name}")')] for name in rules}
    spans = {kind: (conn.execute(f'SELECT max(id) FROM "{table}"').fetchone()[0] or 0) if table in tables else 0
             for kind, table in ID_SPACES.items()}  # fmt: skip
    for copy in range(1, copies + 1):
        for name, spec in rules.items():
            out = []
            for row in rows[name]:
                values = list(row)
                for i, column in enumerate(columns[name]):
                    kind, value = spec.get(column), values[i]
                    if kind is None or value is None:
                        continue
                    if kind == "article":
                        values[i] = hashlib.sha1(
                            f"{value}:{copy}".encode(), usedforsecurity=False
                        ).hexdigest()
                    elif kind == "path":
                        values[i] = f"{value}#copy{copy}"
                    elif kind == "date":
                        values[i] = _shift(value, copy)
                    elif kind == "text":
                        values[i] = f"{value}\n\nBản tin số {copy}."
                    elif kind == "auto":
                        values[i] = None
                    else:
                        values[i] = value + copy * spans[kind]
                out.append(values)
            marks = ", ".join("?" * len(columns[name]))
            conn.executemany(
                f'INSERT INTO "{name}" VALUES ({marks})', out
            )  # table names come from COPY_RULES
        if copy % 50 == 0:
            conn.commit()
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return copies


def store_size(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    sizes = {}
    for table in ("articles", "events", "event_sources", "entities", "stories", "storylines"):
        try:
            sizes[table] = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        except sqlite3.OperationalError:
            sizes[table] = 0
    conn.close()
    return sizes


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


#: Set for the --before server: uvicorn's pure-Python HTTP parser and event loop (h11, asyncio).
PURE_ENV = "NEWSLOOM_BENCH_PURE_UVICORN"


def serve(db: str, port: int, workers: int = 1) -> None:
    """Child process: the app under uvicorn on 127.0.0.1 (no token: the bench only reads)."""
    import os

    import uvicorn

    if workers > 1:
        from newsloom.serve.workers import run_workers

        run_workers(db, "127.0.0.1", port, workers, log_level="warning")
        return
    from newsloom.serve.api import create_app

    try:  # as `newsloom serve` runs (an older code has no SERVER_OPTIONS: uvicorn's defaults)
        from newsloom.serve import SERVER_OPTIONS as options
    except ImportError:
        options = {}
    if os.environ.get(PURE_ENV):  # --before: as the older code ran, before httptools and uvloop came in
        options = {**options, "http": "h11", "loop": "asyncio"}
    uvicorn.run(create_app(db, token=None), host="127.0.0.1", port=port, log_level="warning", **options)


def checkout(ref: str, folder: Path) -> Path:
    """The code of a git revision, unpacked in ``folder`` (for --before)."""
    folder.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", ref, "newsloom"], capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    return folder


def knows_listing_indexes(code: Path) -> bool:
    """Whether a checkout has m0011 (and so every index ``as_before`` would take away)."""
    return (code / "newsloom" / "store" / "migrations" / "m0011_listing_indexes.py").exists()


def as_before(db: Path) -> None:
    """The store as a revision before m0010 knows it: the indexes of m0010 on and their version rows
    removed (the older code creates again those it knows when it opens the store)."""
    from newsloom.store.migrations import m0010_serve_indexes as m0010
    from newsloom.store.migrations import m0011_listing_indexes as m0011

    conn = sqlite3.connect(db)
    for name in (*m0010.INDEXES, *m0011.INDEXES):
        conn.execute(f'DROP INDEX IF EXISTS "{name}"')  # names come from the migrations
    conn.execute("DELETE FROM schema_version WHERE version >= ?", (m0010.VERSION,))
    conn.commit()
    conn.close()


def wait_until_up(base_url: str, process: subprocess.Popen[bytes], limit: float = 1800.0) -> float:
    import httpx

    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        if process.poll() is not None:
            raise SystemExit("the server exited while starting")
        try:
            if httpx.get(base_url + "/api", timeout=2).status_code == 200:
                return time.perf_counter() - started
        except httpx.HTTPError:
            pass
        time.sleep(0.25)
    raise SystemExit("the server did not start in time")


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    samples: list[str] = field(default_factory=list)

    def add(self, kind: str, seconds: float, ok: bool, detail: str = "") -> None:
        self.latencies.setdefault(kind, []).append(seconds)
        if not ok:
            self.errors[kind] = self.errors.get(kind, 0) + 1
            if len(self.samples) < 5:
                self.samples.append(f"{kind}: {detail}")


def request_for(kind: str, rng: random.Random, max_event: int) -> str:
    if kind == "api_index":
        return "/api"
    if kind == "search":
        return f"/api/search?q={rng.choice(QUERIES)}&limit=20"
    if kind == "events":
        extra = rng.choice(["", "&type=CONSULT", "&language=vi", "&entity=Guterres", "&date_from=2025-09-01"])
        return f"/api/events?limit=20&offset={rng.randrange(0, 2000, 20)}{extra}"
    if kind == "event":
        return f"/api/events/{rng.randint(1, max_event)}"
    if kind == "timeline":
        return f"/api/timeline?limit={rng.choice([7, 14, 31])}"
    if kind == "page_event":
        return f"/events/{rng.randint(1, max_event)}"
    return "/"


async def drive(base_url: str, clients: int, seconds: float, kinds: tuple[tuple[str, int], ...], max_event: int) -> tuple[Tally, float]:  # fmt: skip
    import httpx

    tally = Tally()
    deadline = time.perf_counter() + seconds
    names = [k for k, _ in kinds]
    weights = [w for _, w in kinds]
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def client(number: int, http: httpx.AsyncClient) -> None:
        rng = random.Random(number)
        while time.perf_counter() < deadline:
            kind = rng.choices(names, weights)[0]
            url = request_for(kind, rng, max_event)
            headers = {"accept": "text/html"} if kind.startswith("page") else {"accept": "application/json"}
            started = time.perf_counter()
            try:
                response = await http.get(url, headers=headers)
                ok = response.status_code < 400 or (
                    kind in ("event", "page_event") and response.status_code == 404
                )
                tally.add(kind, time.perf_counter() - started, ok, f"{url} -> {response.status_code}")
            except httpx.HTTPError as exc:
                tally.add(kind, time.perf_counter() - started, False, f"{url} -> {type(exc).__name__}")

    started = time.perf_counter()
    async with httpx.AsyncClient(base_url=base_url, timeout=60, limits=limits) as http:
        await asyncio.gather(*(client(n, http) for n in range(clients)))
    return tally, time.perf_counter() - started


class RawConnection:
    """One keep-alive HTTP/1.1 connection on asyncio streams: a load generator that spends a small
    fraction of httpx's CPU per request, so that on a machine it shares with the server the clients
    take less of the cores the server is measured on (``--client httpx`` keeps the old one)."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, url: str, accept: str) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        path = url.replace(" ", "%20")
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\nAccept: {accept}\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        lines = head.lower().split(b"\r\n")
        length = next((int(line[15:]) for line in lines if line.startswith(b"content-length:")), None)
        if length is not None:
            await self.reader.readexactly(length)
        elif b"transfer-encoding: chunked" in lines:
            while size := int((await self.reader.readuntil(b"\r\n")).strip(), 16):
                await self.reader.readexactly(size + 2)
            await self.reader.readuntil(b"\r\n")
        else:
            raise ValueError(f"{url}: a response without a length")
        if b"connection: close" in lines:
            await self.close()
        return status

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None


async def drive_raw(base_url: str, clients: int, seconds: float, kinds: tuple[tuple[str, int], ...], max_event: int) -> tuple[Tally, float]:  # fmt: skip
    """:func:`drive` with :class:`RawConnection` clients (same draws, same accounting)."""
    from urllib.parse import quote

    host, port = base_url.removeprefix("http://").split(":")
    tally = Tally()
    deadline = time.perf_counter() + seconds
    names = [k for k, _ in kinds]
    weights = [w for _, w in kinds]

    async def client(number: int) -> None:
        rng = random.Random(number)
        connection = RawConnection(host, int(port))
        while time.perf_counter() < deadline:
            kind = rng.choices(names, weights)[0]
            url = quote(request_for(kind, rng, max_event), safe="/?=&")
            accept = "text/html" if kind.startswith("page") else "application/json"
            started = time.perf_counter()
            try:
                status = await asyncio.wait_for(connection.get(url, accept), 60)
                ok = status < 400 or (kind in ("event", "page_event") and status == 404)
                tally.add(kind, time.perf_counter() - started, ok, f"{url} -> {status}")
            except (TimeoutError, OSError, ValueError, asyncio.IncompleteReadError) as exc:
                await connection.close()
                tally.add(kind, time.perf_counter() - started, False, f"{url} -> {type(exc).__name__}")
        await connection.close()

    started = time.perf_counter()
    await asyncio.gather(*(client(n) for n in range(clients)))
    return tally, time.perf_counter() - started


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000 if ordered else float("nan")


def report(title: str, tally: Tally, elapsed: float, baseline_p50: float | None = None) -> float:
    every = [v for values in tally.latencies.values() for v in values]
    print(f"\n{title}: {len(every)} requests in {elapsed:.1f} s = {len(every) / elapsed:.1f} req/s, "
          f"errors {sum(tally.errors.values())}")  # fmt: skip
    print(f"  {'kind':<14}{'n':>7}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'p50/base':>10}")
    for kind, values in sorted(tally.latencies.items()) + [("all", every)]:
        p50 = percentile(values, 0.5)
        ratio = f"{p50 / baseline_p50:>9.1f}x" if baseline_p50 else f"{'':>10}"
        print(f"  {kind:<14}{len(values):>7}{len(values) / elapsed:>9.1f}{p50:>9.1f}"
              f"{percentile(values, 0.95):>9.1f}{percentile(values, 0.99):>9.1f}{ratio}")  # fmt: skip
    for sample in tally.samples:
        print(f"  error: {sample}")
    return percentile(every, 0.5)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=10_000, help="articles in the served store")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument(
        "--client", choices=("httpx", "raw", "both"), default="httpx",
        help="the load generator: httpx (as before), raw (keep-alive HTTP/1.1 on asyncio streams, a small "
        "fraction of httpx's CPU per request), or both, one after the other against the same server",
    )  # fmt: skip
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--baseline-seconds", type=float, default=10.0)
    parser.add_argument("--before", help="serve with the code of this git revision too (e.g. HEAD~5)")
    parser.add_argument("--workers", type=int, default=1, help="also serve the new code with N workers")
    parser.add_argument(
        "--home-page", type=int, metavar="ROUNDS",
        help="only time the home page's first reader after a start and a reader of another language "
        "(in-process, no load), alternating the codes over ROUNDS",
    )  # fmt: skip
    parser.add_argument(
        "--cpu", type=int, metavar="N",
        help="only the server's CPU per request, in-process (no HTTP, no load generator): each kind N "
        "times with the response cache emptied before each request, then the mix N times per kind with "
        "the cache kept, beside GET /api; --profile KIND,... also prints cProfile's top 10 of those kinds",
    )  # fmt: skip
    parser.add_argument("--profile", default="", help="with --cpu: kinds to profile (e.g. search,event)")
    parser.add_argument(
        "--search-cpu", type=int, metavar="ROUNDS",
        help="only search_view's CPU per query (the QUERIES, embeddings cached) in a process per code, "
        "this code and --before's alternating over ROUNDS, the least of each kept, and whether their "
        "results are the same",
    )  # fmt: skip
    parser.add_argument("--search-child", metavar="DB", help=argparse.SUPPRESS)
    parser.add_argument("--serve", nargs=3, metavar=("DB", "PORT", "WORKERS"), help=argparse.SUPPRESS)
    parser.add_argument("--home-child", metavar="DB", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve[0], int(args.serve[1]), int(args.serve[2]))
        return
    if args.home_child:
        home_child(args.home_child)
        return
    if args.search_child:
        search_child(args.search_child)
        return

    base = OUT / "serve_base.db"
    build_base(base)
    scaled = OUT / f"serve_{args.articles}.db"
    started = time.perf_counter()
    copies = scale_store(base, scaled, args.articles)
    sizes = store_size(scaled)
    print(f"store: {scaled} ({copies} dated copies of the base in {time.perf_counter() - started:.1f} s): "
          + ", ".join(f"{n:,} {t}" for t, n in sizes.items()))  # fmt: skip

    if args.home_page:
        home_pages(scaled, args.home_page, args.before)
        return
    if args.search_cpu:
        search_cpu(scaled, args.search_cpu, args.before)
        return
    if args.cpu:
        if args.before:  # the older code first, in a process of its own, then this one
            import os

            code = checkout(args.before, OUT / "before")
            print(f"\n=== {args.before} ===", flush=True)
            again = [sys.executable, __file__, "--articles", str(args.articles), "--cpu", str(args.cpu)]
            subprocess.run(
                [*again, "--profile", args.profile], env={**os.environ, "PYTHONPATH": str(code)}, check=True
            )
            print("\n=== new ===", flush=True)
        cpu_per_request(scaled, args.cpu, sizes["events"], [k for k in args.profile.split(",") if k])
        return
    runs = [("new, 1 process", ROOT, 1)]
    if args.before:
        runs.insert(0, (f"{args.before}, 1 process", checkout(args.before, OUT / "before"), 1))
    if args.workers > 1:
        runs.append((f"new, {args.workers} workers", ROOT, args.workers))
    errors = 0
    summary = []
    for name, code, workers in runs:
        db = OUT / f"serve_{args.articles}_run.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        db.write_bytes(scaled.read_bytes())
        if code != ROOT and not knows_listing_indexes(code):
            as_before(db)
        print(f"\n=== {name} ===")
        found, lines = run_once(args, db, code, workers, sizes)
        errors += found
        summary.extend((f"{name}, {client}", *line) for client, line in lines)
    print(f"\n{'run':<32}{'startup s':>10}{'req/s':>8}{'p50 ms':>8}{'p99 ms':>8}{'p50/base':>9}"
          f"{'base p99':>9}{'errors':>7}{'/ first':>8}{'/ vi':>7}{'cpu base':>9}{'cpu mix':>8}")  # fmt: skip
    for name, startup, rate, p50, p99, ratio, floor, found, home, other, cpu_base, cpu_mix in summary:
        print(
            f"{name:<32}{startup:>10.1f}{rate:>8.1f}{p50:>8.1f}{p99:>8.1f}{ratio:>8.1f}x{floor:>9.1f}{found:>7}"
            f"{home:>8.0f}{other:>7.0f}{cpu_base:>9.2f}{cpu_mix:>8.2f}"
        )
    print("base p99: the p99 of GET /api (one count query) under the same clients just before the load: "
          "the machine's noise floor in that run; / first, / vi: ms of the home page for its first reader "
          "after the start, then for a reader of another language (no other load); cpu base, cpu mix: the "
          "server's CPU ms per request (its processes' user + system time) under the baseline and the load")  # fmt: skip
    print(f"\nerrors: {errors} (must be 0)")
    if errors:
        raise SystemExit(1)


def search_child(db: str) -> None:
    """search_view over ``db`` for every query (no language, then Vietnamese only): the least CPU ms per
    query of 3 passes after a warm-up, then a digest of every result."""
    import json

    from newsloom.serve.search import SearchIndex
    from newsloom.store import Store
    from newsloom.views.search import SearchQuery, search_view

    index = SearchIndex(Store.open(db, read_only=True))
    index.refresh(True)
    asked = [SearchQuery(q, None, language, 20, 0) for q in QUERIES for language in (None, "vi")]
    found = [search_view(index, query).model_dump(mode="json") for query in asked]  # warm: embeddings
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        for query in asked:
            search_view(index, query)
        best = min(best, 1000 * (time.process_time() - started) / len(asked))
    digest = hashlib.sha1(json.dumps(found, sort_keys=True).encode(), usedforsecurity=False).hexdigest()
    print(f"{best:.2f} {digest}")


def search_cpu(scaled: Path, rounds: int, before: str | None) -> None:
    """:func:`search_child` for each code, alternating over ``rounds`` (the store's index built once)."""
    import os

    from newsloom.serve.search import SearchIndex
    from newsloom.store import Store

    db = OUT / "serve_search.db"
    if not db.exists() or db.stat().st_mtime < scaled.stat().st_mtime:
        db.write_bytes(scaled.read_bytes())
        store = Store.open(str(db))
        SearchIndex(store, use_embeddings=False).refresh(True)
        store.close()
    codes = [("new", ROOT)] + ([(before, checkout(before, OUT / "before"))] if before else [])
    best: dict[str, float] = {}
    digests: dict[str, str] = {}
    for _ in range(rounds):
        for name, code in codes:
            done = subprocess.run(
                [sys.executable, __file__, "--search-child", str(db)], capture_output=True, text=True,
                check=True, env={**os.environ, "PYTHONPATH": str(code)}, cwd=OUT,
            )  # fmt: skip
            figure, digests[name] = done.stdout.split()[-2:]
            best[name] = min(best.get(name, float("inf")), float(figure))
    print(f"search_view CPU ms per query ({len(QUERIES)} queries, all languages and Vietnamese only), "
          f"least of {rounds} rounds:")  # fmt: skip
    for name, figure in best.items():
        print(f"  {name:<12}{figure:>8.2f}  {figure / best['new']:.2f}x new")
    print(f"  same results: {len(set(digests.values())) == 1}")


def home_child(db: str) -> None:
    """The app started over ``db`` (its start-up included), then the home page for its first reader
    and for a reader of another language: wall and CPU ms of each, on one line."""
    from fastapi.testclient import TestClient

    from newsloom.serve.api import create_app

    figures = []
    with TestClient(create_app(db, embeddings=False)) as client:
        for headers in ({"accept": "text/html"}, {"accept": "text/html", "accept-language": "vi"}):
            wall, cpu = time.perf_counter(), time.process_time()
            client.get("/", headers=headers).raise_for_status()
            figures += [1000 * (time.perf_counter() - wall), 1000 * (time.process_time() - cpu)]
    print(" ".join(f"{f:.1f}" for f in figures))


def home_pages(scaled: Path, rounds: int, before: str | None) -> None:
    """:func:`home_child` for each code, alternating over ``rounds``, the least of each figure kept."""
    import os

    codes = [("new", ROOT)] + ([(before, checkout(before, OUT / "before"))] if before else [])
    best: dict[str, list[float]] = {}
    for _ in range(rounds):
        for name, code in codes:
            db = OUT / "serve_home.db"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
            db.write_bytes(scaled.read_bytes())
            if code != ROOT and not knows_listing_indexes(code):
                as_before(db)
            done = subprocess.run(
                [sys.executable, __file__, "--home-child", str(db)], capture_output=True, text=True, check=True,
                env={**os.environ, "PYTHONPATH": str(code)}, cwd=OUT,
            )  # fmt: skip
            figures = [float(f) for f in done.stdout.split()[-4:]]
            best[name] = [min(a, b) for a, b in zip(best.get(name, figures), figures, strict=True)]
    print(f"home page, least of {rounds} rounds (ms): first reader after the start, then another language")
    print(f"{'code':<12}{'first wall':>11}{'first CPU':>10}{'other wall':>11}{'other CPU':>10}")
    for name, (first, first_cpu, other, other_cpu) in best.items():
        print(f"{name:<12}{first:>11.0f}{first_cpu:>10.0f}{other:>11.0f}{other_cpu:>10.0f}")


async def call_app(app: object, url: str, accept: bytes) -> int:
    """One GET through the whole ASGI app (middleware, routing, view, rendering, JSON) without HTTP."""
    path, _, query = url.partition("?")
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
        "path": path, "raw_path": path.encode(), "query_string": query.encode(), "root_path": "",
        "headers": [(b"host", b"127.0.0.1"), (b"accept", accept)], "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
    }  # fmt: skip
    status = 0

    async def receive() -> dict[str, object]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, object]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = int(message["status"])  # type: ignore[call-overload]

    await app(scope, receive, send)  # type: ignore[operator]
    return status


def cpu_per_request(scaled: Path, rounds: int, max_event: int, profiled: list[str]) -> None:
    """CPU ms per request of each kind, in one process, against a copy of the scaled store."""
    here = str(Path(__file__).resolve().parent)
    sys.path[:] = [p for p in sys.path if p not in ("", here)]  # bench/profile.py is not the stdlib's
    sys.modules.pop("profile", None)
    import cProfile
    import pstats

    from newsloom.serve.api import create_app

    db = OUT / "serve_cpu.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    db.write_bytes(scaled.read_bytes())
    app = create_app(str(db), token=None)
    kinds = [("api_index", 1), *MIX]

    async def run() -> None:
        lifespan = app.router.lifespan_context(app)
        await lifespan.__aenter__()
        cache = app.state.response_cache
        try:
            for kind, _ in kinds:  # one of each first: the query encoder loads on the first search
                await call_app(app, request_for(kind, random.Random(0), max_event), accept_of(kind))
            print(f"CPU ms per request, in-process, {rounds} requests per kind (same run, same store):")
            print(f"  {'kind':<14}{'uncached':>10}{'/ api':>8}{'mixed':>9}{'/ api':>8}{'statuses':>12}")
            rows = {}
            for kind, _ in kinds:
                rng = random.Random(7)
                urls = [request_for(kind, rng, max_event) for _ in range(rounds)]
                statuses: dict[int, int] = {}
                started = time.process_time()
                for url in urls:
                    cache.clear()
                    found = await call_app(app, url, accept_of(kind))
                    statuses[found] = statuses.get(found, 0) + 1
                uncached = 1000 * (time.process_time() - started) / rounds
                rows[kind] = (uncached, statuses)
            cache.clear()
            names, weights = [k for k, _ in MIX], [w for _, w in MIX]
            rng = random.Random(11)
            drawn = [rng.choices(names, weights)[0] for _ in range(rounds * len(MIX))]
            spent: dict[str, float] = {}
            for timed in (False, True):  # the first pass fills the cache as a server's first seconds do
                for kind in drawn:
                    url = request_for(kind, rng, max_event)
                    started = time.process_time()
                    await call_app(app, url, accept_of(kind))
                    if timed:
                        spent[kind] = spent.get(kind, 0.0) + time.process_time() - started
            base = rows["api_index"][0]
            for kind, (uncached, statuses) in rows.items():
                mixed = 1000 * spent[kind] / drawn.count(kind) if kind in spent else float("nan")
                codes = ",".join(f"{c}:{n}" for c, n in sorted(statuses.items()))
                print(f"  {kind:<14}{uncached:>10.2f}{uncached / base:>7.1f}x{mixed:>9.2f}{mixed / base:>7.1f}x"
                      f"{codes:>12}")  # fmt: skip
            mix_ms = 1000 * sum(spent.values()) / len(drawn)
            print(
                f"  mix (weights {', '.join(f'{k} {w}' for k, w in MIX)}, cache kept, second pass): {mix_ms:.2f} ms per "
                f"request = {mix_ms / base:.1f}x GET /api"
            )
            import anyio.to_thread

            async def in_this_thread(func: Any, *args: Any, **_: Any) -> Any:
                return func(*args)

            anyio.to_thread.run_sync = in_this_thread  # type: ignore[assignment]  # cProfile sees one thread
            for kind in profiled:
                rng = random.Random(13)
                urls = [request_for(kind, rng, max_event) for _ in range(rounds)]
                profile = cProfile.Profile()
                profile.enable()
                for url in urls:
                    cache.clear()
                    await call_app(app, url, accept_of(kind))
                profile.disable()
                print(f"\ncProfile, {kind}, {rounds} uncached requests, top 10 by own time:")
                pstats.Stats(profile).sort_stats("tottime").print_stats(10)
                print(f"cProfile, {kind}, top 10 of newsloom's own functions by cumulative time:")
                pstats.Stats(profile).sort_stats("cumulative").print_stats(
                    r"newsloom/(?!serve/(cache|security|edge)\.py)", 10
                )
        finally:
            await lifespan.__aexit__(None, None, None)

    asyncio.run(run())


def accept_of(kind: str) -> bytes:
    return b"text/html" if kind.startswith("page") else b"application/json"


def server_cpu(pid: int) -> float:
    """CPU seconds (user + system) of the server process and its worker processes so far."""
    import os

    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for task in [pid, *children_of(pid)]:
        try:
            fields = Path(f"/proc/{task}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    return total


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
            except (OSError, ValueError, IndexError):
                continue
    return found


def cpu_line(spent: tuple[float, float], tally: Tally, pid: int) -> tuple[float, str]:
    """Server and load-generator CPU ms per request since ``spent`` (server, this process)."""
    requests = max(1, sum(map(len, tally.latencies.values())))
    server = 1000 * (server_cpu(pid) - spent[0]) / requests
    client = 1000 * (time.process_time() - spent[1]) / requests
    return server, f"  CPU ms per request: server {server:.2f}, load generator {client:.2f}"


Line = tuple[float, float, float, float, float, float, int, float, float, float, float]


def run_once(
    args: argparse.Namespace, db: Path, code: Path, workers: int, sizes: dict[str, int]
) -> tuple[int, list[tuple[str, Line]]]:
    """One server (this code, these workers) under the baseline and the mixed load, once per client
    kind asked for; returns the errors and a summary line per client kind."""
    import os

    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": str(code), **({PURE_ENV: "1"} if code != ROOT else {})}
    command = [sys.executable, __file__, "--serve", str(db), str(port), str(workers)]
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    errors, lines = 0, []
    try:
        startup = wait_until_up(base_url, process)
        print(f"server up on {base_url} after {startup:.1f} s (search index built from the store)")
        import httpx

        first = []  # the home page for its first reader, then for a reader of another language: no load
        for headers in ({"accept": "text/html"}, {"accept": "text/html", "accept-language": "vi"}):
            begun = time.perf_counter()
            httpx.get(base_url + "/", headers=headers, timeout=120).raise_for_status()
            first.append(1000 * (time.perf_counter() - begun))
        print(
            f"home page: first reader {first[0]:.0f} ms, then a reader of another language {first[1]:.0f} ms"
        )
        for kind, _ in MIX:  # one of each first: the query encoder loads on the first search
            for _ in range(workers):
                httpx.get(base_url + request_for(kind, random.Random(0), sizes["events"]), timeout=120)
        for client in ("httpx", "raw") if args.client == "both" else (args.client,):
            drive_with = drive if client == "httpx" else drive_raw
            spent = server_cpu(process.pid), time.process_time()
            baseline, elapsed = asyncio.run(
                drive_with(base_url, args.clients, args.baseline_seconds, (("api_index", 1),), sizes["events"])
            )  # fmt: skip
            base_cpu = cpu_line(spent, baseline, process.pid)
            base_p50 = report(f"baseline GET /api (one count query), {client} clients", baseline, elapsed)
            print(base_cpu[1])
            spent = server_cpu(process.pid), time.process_time()
            tally, elapsed = asyncio.run(
                drive_with(base_url, args.clients, args.seconds, MIX, sizes["events"])
            )
            load_cpu = cpu_line(spent, tally, process.pid)
            title = f"load: {args.clients} {client} clients, {args.seconds:.0f} s, mixed reads"
            p50 = report(title, tally, elapsed, base_p50)
            print(load_cpu[1])
            errors += sum(tally.errors.values()) + sum(baseline.errors.values())
            every = [v for values in tally.latencies.values() for v in values]
            floor = percentile([v for values in baseline.latencies.values() for v in values], 0.99)
            found = sum(tally.errors.values()) + sum(baseline.errors.values())
            line = (startup, len(every) / elapsed, p50, percentile(every, 0.99), p50 / base_p50, floor, found,
                    *first, base_cpu[0], load_cpu[0])  # fmt: skip
            lines.append((client, line))
    finally:
        process.terminate()
        process.wait(timeout=30)
    return errors, lines


if __name__ == "__main__":
    main()
