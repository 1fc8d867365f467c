"""Scale-out benchmark, two parts, every figure a ratio against a baseline measured in the same run.

1. Throughput: the same real news texts through the local runner on SQLite (the baseline), the
   local runner on PostgreSQL, Spark local[2] -> PostgreSQL (`newsloom run --engine spark`: stages
   on Spark, store and corpus steps on the driver) and Spark local[2] -> Parquet (`newsloom spark
   run`: stages only). Each configuration runs in its own child process; articles per second and
   peak memory (the resident memory of the child and all its descendants, the Spark JVM and Python
   workers included, sampled every 0.2 s) are printed side by side.
2. Corpus steps against a growing store: the time per article of storing it and running the corpus
   steps (linking, event merging, story clustering) when 1k and 10k articles are stored, on SQLite and
   on PostgreSQL, and the ratio 10k/1k (flat: at most 1.5x). The stored articles are synthetic
   copies of processed real articles: each copy keeps the names, times and event triggers at their
   offsets and its vector, its other words are scrambled (a new content id, not a near-duplicate),
   and every date in it moves by one day per round of copies, so ~``--articles`` articles a day
   share names, events and embeddings as a daily news stream does. Running 10k real texts through
   every stage would take hours on this machine.

    python bench/scale.py [--articles 200] [--fill 1000,10000] [--probe 30]

Texts: the first ``--articles`` distinct en/fr/es/de texts (over 400 characters) of the SemEval-2022
Task 8 *training* pairs, ``../shared/data/semeval2022-task8/train.jsonl``. PostgreSQL needs its
binaries (``/usr/lib/postgresql/15/bin`` or NEWSLOOM_PG_BIN); Spark needs pyspark and Java: a part
that cannot run says why and is skipped. The machine is shared: absolute figures mean little.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# bench/profile.py would shadow the standard library's `profile` (cProfile, which spaCy imports)
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(ROOT))
TRAIN = ROOT.parent / "shared" / "data" / "semeval2022-task8" / "train.jsonl"
PG_BIN = Path(os.environ.get("NEWSLOOM_PG_BIN", "/usr/lib/postgresql/15/bin"))
LANGUAGES = ("en", "fr", "es", "de")
CONFIGS = {
    "local-sqlite": "local runner -> SQLite (baseline)",
    "local-postgres": "local runner -> PostgreSQL",
    "spark-postgres": "Spark local[2] -> PostgreSQL (+ corpus steps)",
    "spark-parquet": "Spark local[2] -> Parquet (stages only)",
}
DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def corpus(folder: Path, n: int) -> Path:
    """A JSONL input of ``n`` distinct training texts."""
    seen: set[str] = set()
    out = folder / "train_texts.jsonl"
    with out.open("w", encoding="utf-8") as handle:
        for line in TRAIN.read_text(encoding="utf-8").splitlines():
            pair = json.loads(line)
            for side in ("1", "2"):
                text = (pair.get(f"text{side}") or "").strip()
                if (
                    pair.get(f"lang{side}") in LANGUAGES
                    and len(text) > 400
                    and text not in seen
                    and len(seen) < n
                ):
                    seen.add(text)
                    record = {"title": pair.get(f"title{side}") or "", "text": text}
                    if pair.get(f"date{side}"):
                        record["published"] = str(pair[f"date{side}"])[:10]
                    handle.write(json.dumps(record) + "\n")
    return out


@contextmanager
def postgres(folder: Path) -> Iterator[str]:
    """The admin URL of a throwaway server on a Unix socket, stopped at the end."""
    initdb, pg_ctl = PG_BIN / "initdb", PG_BIN / "pg_ctl"
    if not initdb.exists():
        raise RuntimeError(f"no PostgreSQL binaries at {PG_BIN}")
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_user:
        shutil.chown(folder, "postgres")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    data = folder / "data"
    options = f"-k {folder} -c listen_addresses='' -p {port} -c fsync=off"
    run = lambda *a: subprocess.run([*as_user, *a], check=True, capture_output=True)  # noqa: E731
    run(str(initdb), "-D", str(data), "-U", "newsloom", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
    run(str(pg_ctl), "-D", str(data), "-l", str(folder / "log"), "-o", options, "-w", "start")
    try:
        yield f"postgresql+psycopg://newsloom@/postgres?host={folder}&port={port}"
    finally:
        subprocess.run(
            [*as_user, str(pg_ctl), "-D", str(data), "-m", "immediate", "stop"], capture_output=True
        )


def new_database(admin_url: str, name: str) -> str:
    import sqlalchemy as sa

    engine = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return sa.make_url(admin_url).set(database=name).render_as_string(hide_password=False)


# -- part 1: throughput, one child process per configuration -------------------------------------


def _tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and every descendant (from /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(stat[1]), []).append(int(entry))
            rss[int(entry)] = int(stat[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += rss.get(current, 0)
        todo.extend(children.get(current, []))
    return total


def child(config: str, source: str, target: str) -> None:
    """Run one configuration and print {articles, seconds, peak_mb} as JSON."""
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.2):
            peak[0] = max(peak[0], _tree_rss(os.getpid()))

    threading.Thread(target=sample, daemon=True).start()
    from newsloom.runner import process_paths
    from newsloom.store import Store

    started = time.perf_counter()
    if config == "spark-parquet":
        from newsloom.scale.spark import spark_run

        articles = spark_run([source], Path(target), master="local[2]").articles
    else:
        store = Store.open(target)
        engine = "spark" if config.startswith("spark") else "local"
        report = process_paths([source], store, stages=None, corpus=True, engine=engine, master="local[2]")
        store.close()
        articles = report.articles
    seconds = time.perf_counter() - started
    done.set()
    peak[0] = max(peak[0], _tree_rss(os.getpid()))
    print(json.dumps({"articles": articles, "seconds": seconds, "peak_mb": peak[0] / 2**20}))


def throughput(source: Path, work: Path, admin_url: str | None) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    base: float | None = None
    for config, label in CONFIGS.items():
        if "postgres" in config and admin_url is None:
            rows.append((label, "skipped: no PostgreSQL server"))
            continue
        target = {
            "local-sqlite": str(work / "local.db"),
            "spark-parquet": str(work / "parquet"),
        }.get(config) or new_database(admin_url or "", config.replace("-", "_"))
        done = subprocess.run(
            [sys.executable, __file__, "--child", config, str(source), target], capture_output=True, text=True
        )
        if done.returncode != 0:
            rows.append((label, f"skipped: {done.stderr.strip().splitlines()[-1:]}"))
            continue
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        rate = figures["articles"] / figures["seconds"]
        base = base or rate
        rows.append(
            (label, f"{rate:6.2f} articles/s  {rate / base:5.2f}x  peak {figures['peak_mb']:6.0f} MB")
        )
        print(f"  (so far) {label:48} {rows[-1][1]}", flush=True)
    return rows


# -- part 2: corpus steps' time per article as the store grows ------------------------------------


def processed(source: Path, cache: Path | None = None) -> tuple[list[Any], list[tuple[str, str]]]:
    """The texts through every stage in batches of 64 (models loaded on a first article, not
    counted), and each stage's time per article. ``cache``: a file of pickled processed articles
    (one pickle after the other) read instead when it holds every text, written otherwise."""
    import pickle

    from newsloom.errors import InputError
    from newsloom.ingest import read_path
    from newsloom.pipeline import Pipeline, apply_stage

    articles = [a for a in read_path(str(source)) if not isinstance(a, InputError)]
    if cache is not None and cache.exists():
        found: dict[str, Any] = {}
        with cache.open("rb") as handle:
            while True:
                try:
                    article = pickle.load(handle)
                except (EOFError, pickle.UnpicklingError):  # the end (or a writer still at work)
                    break
                found[article.id] = article
        if all(a.id in found for a in articles):
            return [found[a.id] for a in articles], [("(stages)", f"read from {cache}")]
    pipeline = Pipeline(None)
    pipeline(articles[0])  # warm-up: models and lexicons load here
    spent: dict[str, float] = {}
    done: list[Any] = []
    for start in range(0, len(articles), 64):
        batch = articles[start : start + 64]
        for info, component in zip(pipeline.stages, pipeline.components, strict=True):
            started = time.perf_counter()
            batch = apply_stage(info, component, batch, None)
            spent[info.name] = spent.get(info.name, 0.0) + time.perf_counter() - started
        done.extend(batch)
    if cache is not None and not cache.exists():  # an incomplete cache is left as it is
        with cache.open("wb") as handle:
            for article in done:
                pickle.dump(article, handle)
    total = sum(spent.values())
    rows = [(name, f"{1000 * t / len(done):7.1f} ms/article  {t / total:5.1%}") for name, t in spent.items()]
    return done, rows


def _shift(match: re.Match[str], days: int) -> str:
    try:
        return (date(int(match[1]), int(match[2]), int(match[3])) + timedelta(days=days)).isoformat()
    except ValueError:
        return match[0]


def _spans(value: Any, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Every (start, end) of the article's parts but sentences: mentions, times, event triggers."""
    if isinstance(value, dict):
        if isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
            found.append((value["start"], value["end"]))
        for key, inner in value.items():
            if key != "sentences":
                _spans(inner, found)
    elif isinstance(value, list):
        for inner in value:
            _spans(inner, found)
    return found


def _scrambled(text: str, keep: list[tuple[int, int]], seed: int) -> str:
    """Every word outside ``keep`` replaced by letters of the same length (offsets unchanged), so a
    copy is not a near-duplicate (simhash) of its original but keeps its names, dates and triggers."""
    import random

    rng = random.Random(seed)
    kept = sorted(keep)
    chars = list(text)
    for word in re.finditer(r"\w+", text):
        if any(start < word.end() and word.start() < end for start, end in kept):
            continue
        chars[word.start() : word.end()] = rng.choices("abcdefghijklmnopqrstuvwxyz", k=len(word[0]))
    return "".join(chars)


def variant(article: Any, number: int, days: int) -> Any:
    """A copy with its words scrambled outside names, times and triggers (a new content id, not a
    near-duplicate) and every date ``days`` later."""
    from newsloom.article import Article
    from newsloom.ingest.build import content_id

    data = json.loads(DATE.sub(lambda m: _shift(m, days), json.dumps(article.to_dict(), ensure_ascii=False)))
    data["text"] = _scrambled(data["text"], _spans(data, []), number)
    for sentence in data.get("sentences", []):
        sentence["text"] = data["text"][sentence["start"] : sentence["end"]]
    data["id"] = content_id(data["text"])
    data["path"] = f"synthetic/{number}"
    return dataclasses.replace(Article.from_dict(data), embedding=article.embedding)


def store_with_corpus_steps(store: Any, articles: list[Any]) -> float:
    """Seconds to store ``articles`` one transaction each, with the corpus steps."""
    from newsloom.corpus import run_corpus_steps
    from newsloom.store.articles import save_article

    started = time.perf_counter()
    statuses: dict[str, int] = {}
    for article in articles:
        with store.transaction() as conn:
            status = save_article(conn, article)
            if status == "new":
                run_corpus_steps(conn, article)
        statuses[status] = statuses.get(status, 0) + 1
    if set(statuses) - {"new"}:
        print(f"  note: not all new: {statuses}", flush=True)
    return time.perf_counter() - started


def corpus_steps(
    base: list[Any], fills: list[int], probe: int, targets: dict[str, str]
) -> list[tuple[str, str]]:
    from newsloom.store import Store

    rows: list[tuple[str, str]] = []
    for backend, target in targets.items():
        store = Store.open(target)
        stored, per_article = 0, []
        for fill in fills:
            copies = [variant(base[i % len(base)], i, i // len(base)) for i in range(stored, fill)]
            fill_seconds = store_with_corpus_steps(store, copies)
            stored = fill
            # the probe: new copies dated like the newest stored ones
            probes = [
                variant(base[i % len(base)], 10**7 + fill + i, stored // len(base)) for i in range(probe)
            ]
            per_article.append(store_with_corpus_steps(store, probes) / probe)
            stored_note = f"(fill {len(copies)} at {1000 * fill_seconds / max(1, len(copies)):.1f} ms each)"
            rows.append(
                (f"{backend}: {fill} stored", f"{1000 * per_article[-1]:7.1f} ms/article  {stored_note}")
            )
            print(f"  (so far) {rows[-1][0]:39} {rows[-1][1]}", flush=True)
        store.close()
        if len(per_article) > 1:
            rows.append(
                (f"{backend}: {fills[-1]} vs {fills[0]} stored", f"{per_article[-1] / per_article[0]:.2f}x")
            )
    return rows


# -- part 3: batch corpus steps against the incremental ones, on the same processed texts ----------


def _stored_only(store: Any, articles: list[Any]) -> tuple[float, list[Any]]:
    """Seconds to store ``articles`` 64 to a transaction, without corpus steps (the runner's way),
    and the articles stored as new (the runner hands only those to the batch corpus steps; a text
    twice in the input, or a near-duplicate, is not)."""
    from newsloom.store.articles import save_article

    started = time.perf_counter()
    new: list[Any] = []
    for start in range(0, len(articles), 64):
        with store.transaction() as conn:
            for article in articles[start : start + 64]:
                if save_article(conn, article) == "new":
                    new.append(article)
    return time.perf_counter() - started, new


def _incremental(store: Any, articles: list[Any]) -> float:
    """Seconds of the incremental run's writes: each article and its corpus steps in a transaction,
    then the end-of-run re-clustering (what `newsloom run` does)."""
    from newsloom.corrections import replay_stories
    from newsloom.stories.recluster import recluster_recent

    seconds = store_with_corpus_steps(store, articles)
    started = time.perf_counter()
    with store.transaction() as conn:
        recluster_recent(conn)
        replay_stories(conn)
    return seconds + time.perf_counter() - started


def batch_vs_incremental(articles: list[Any], targets: dict[str, dict[str, str]]) -> list[tuple[str, str]]:
    """Per backend: the corpus steps' time per article, incremental vs batch (each net of storing
    the articles alone), and B-cubed of the batch's entities, events and stories against the
    incremental ones."""
    from newsloom.scale.agreement import bcubed
    from newsloom.scale.batch import run_batch_corpus
    from newsloom.store import Store
    from newsloom.store.clusterings import stored_clusterings

    rows: list[tuple[str, str]] = []
    n = len(articles)
    for backend, urls in targets.items():
        stores = {role: Store.open(url) for role, url in urls.items()}
        plain = _stored_only(stores["plain"], articles)[0]
        incremental = _incremental(stores["incremental"], articles) - plain
        batch_store, new = _stored_only(stores["batch"], articles)
        started = time.perf_counter()
        report = run_batch_corpus(stores["batch"], new)
        batch = time.perf_counter() - started
        rows.append((f"{backend}: storing alone, 64 per transaction", f"{1000 * plain / n:7.1f} ms/article"))
        rows.append(
            (f"{backend}: incremental corpus steps (net)", f"{1000 * incremental / n:7.1f} ms/article")
        )
        rows.append(
            (f"{backend}: batch corpus steps", f"{1000 * batch / n:7.1f} ms/article  "
             f"{incremental / batch:5.2f}x faster  (storing {1000 * batch_store / n:.1f} ms/article)")
        )  # fmt: skip
        parts = ", ".join(f"{k} {1000 * v / n:.1f}" for k, v in report.seconds.items())
        rows.append((f"{backend}: batch parts (ms/article)", parts))
        rows.append(
            (f"{backend}: batch blocks", f"{report.components} components (largest {report.largest_component} "
             f"of {n} articles), {report.story_blocks} date blocks (largest {report.largest_block} units), "
             f"{len(report.errors)} errors")
        )  # fmt: skip
        clusterings = {}
        for role in ("incremental", "batch"):
            with stores[role].connect() as conn:
                clusterings[role] = stored_clusterings(conn)
        for kind in clusterings["incremental"]:
            b = bcubed(clusterings["batch"][kind], clusterings["incremental"][kind])
            rows.append(
                (f"{backend}: B-cubed batch vs incremental, {kind}",
                 f"P {b.precision:.4f}  R {b.recall:.4f}  F1 {b.f1:.4f}  ({b.units} units, {b.only_one} one-sided)")
            )  # fmt: skip
        for store in stores.values():
            store.close()
        for row in rows[-8:]:
            print(f"  (so far) {row[0]:48} {row[1]}", flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument(
        "--fill", default="1000,10000", help="stored articles at which the corpus steps are timed"
    )
    parser.add_argument("--probe", type=int, default=30, help="articles timed at each fill")
    parser.add_argument("--skip", choices=("throughput", "corpus", "batch"), action="append", default=[])
    parser.add_argument(
        "--cache", type=Path, help="processed articles, pickled (read if complete, else written)"
    )
    parser.add_argument("--stores", default="sqlite,postgres", help="backends of the corpus-steps part")
    parser.add_argument("--child", nargs=3, metavar=("CONFIG", "SOURCE", "TARGET"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # `kill` still stops the PostgreSQL server
    work = Path(tempfile.mkdtemp(prefix="newsloom-scale-"))
    source = corpus(work, args.articles)
    n = sum(1 for _ in source.open(encoding="utf-8"))
    print(
        f"{n} texts from {TRAIN.name} (training split); command: python bench/scale.py {' '.join(sys.argv[1:])}"
    )
    pg_folder = Path(tempfile.mkdtemp(prefix="newsloom-pg-"))
    try:
        with postgres(pg_folder) as admin_url:
            run(args, source, work, admin_url)
    except (RuntimeError, subprocess.CalledProcessError) as exc:
        print(f"PostgreSQL skipped: {exc}")
        run(args, source, work, None)
    shutil.rmtree(work, ignore_errors=True)
    shutil.rmtree(pg_folder, ignore_errors=True)


def run(args: argparse.Namespace, source: Path, work: Path, admin_url: str | None) -> None:
    show: Callable[[str, list[tuple[str, str]]], None] = lambda title, rows: print(  # noqa: E731
        title + "\n" + "\n".join(f"  {name:48} {figure}" for name, figure in rows), flush=True
    )
    if "throughput" not in args.skip:
        show(
            "Throughput (same texts, each configuration in its own process):",
            throughput(source, work, admin_url),
        )
    if "corpus" in args.skip and "batch" in args.skip:
        return
    base, stage_rows = processed(source, args.cache)
    show(f"Per-article stages, one process ({len(base)} texts, batches of 64):", stage_rows)
    stores = args.stores.split(",")
    if "batch" not in args.skip:
        targets: dict[str, dict[str, str]] = {}
        if "sqlite" in stores:
            targets["SQLite"] = {role: str(work / f"{role}.db") for role in ("plain", "incremental", "batch")}
        if admin_url is not None and "postgres" in stores:
            targets["PostgreSQL"] = {
                role: new_database(admin_url, role) for role in ("plain", "incremental", "batch")
            }
        show(
            f"Corpus steps, incremental vs batch ({len(base)} processed texts, same input):",
            batch_vs_incremental(base, targets),
        )
    if "corpus" not in args.skip:
        fills = [int(f) for f in args.fill.split(",")]
        fill_targets = {"SQLite": str(work / "fill.db")} if "sqlite" in stores else {}
        if admin_url is not None and "postgres" in stores:
            fill_targets["PostgreSQL"] = new_database(admin_url, "fill")
        show(
            f"Corpus steps per article ({len(base)} processed texts copied; probe of {args.probe} at each fill):",
            corpus_steps(base, fills, args.probe, fill_targets),
        )


if __name__ == "__main__":
    main()
