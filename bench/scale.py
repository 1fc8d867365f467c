"""Scale-out benchmark: the same real news texts through the local runner on SQLite (the baseline),
the local runner on PostgreSQL, and Spark local[2] writing Parquet; then `db copy` and the Parquet
export. Articles per second are printed beside their ratio to the SQLite baseline of the same run.

    python bench/scale.py [--articles 40]

Texts: the first ``--articles`` distinct en/fr/es/de texts (over 400 characters) of the SemEval-2022
Task 8 *training* pairs, ``../shared/data/semeval2022-task8/train.jsonl``. PostgreSQL needs its binaries (``/usr/lib/postgresql/15/bin`` or NEWSLOOM_PG_BIN) and
Spark needs pyspark and Java: a part that cannot run says why and is skipped. The local runner runs
the corpus steps too; Spark only the per-article stages (see newsloom/scale/spark.py). The machine is
shared: run it when it is quiet.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT.parent / "shared" / "data" / "semeval2022-task8" / "train.jsonl"
PG_BIN = Path(os.environ.get("NEWSLOOM_PG_BIN", "/usr/lib/postgresql/15/bin"))
LANGUAGES = ("en", "fr", "es", "de")


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
                    handle.write(json.dumps({"title": pair.get(f"title{side}") or "", "text": text}) + "\n")
    return out


def postgres(folder: Path) -> tuple[str, Callable[[], None]] | str:
    """(URL, stop) of a throwaway server, or why there is none."""
    initdb, pg_ctl = PG_BIN / "initdb", PG_BIN / "pg_ctl"
    if not initdb.exists():
        return f"no PostgreSQL binaries at {PG_BIN}"
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_user:
        shutil.chown(folder, "postgres")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    data = folder / "data"
    options = f"-k {folder} -c listen_addresses='' -p {port} -c fsync=off"
    subprocess.run(
        [*as_user, str(initdb), "-D", str(data), "-U", "newsloom", "--auth=trust"],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [*as_user, str(pg_ctl), "-D", str(data), "-l", str(folder / "log"), "-o", options, "-w", "start"],
        check=True,
        capture_output=True,
    )

    def stop() -> None:
        subprocess.run(
            [*as_user, str(pg_ctl), "-D", str(data), "-m", "immediate", "stop"], capture_output=True
        )

    return f"postgresql+psycopg://newsloom@/postgres?host={folder}&port={port}", stop


def local_run(source: Path, db: str) -> float:
    from newsloom.runner import process_paths
    from newsloom.store import Store

    store = Store.open(db)
    started = time.perf_counter()
    report = process_paths([str(source)], store, stages=None, corpus=True)
    seconds = time.perf_counter() - started
    store.close()
    return report.articles / seconds


def warm_up(source: Path) -> None:
    """Load the models once (encoder, lexicons) so the first timed run does not pay for it alone."""
    from newsloom.errors import InputError
    from newsloom.ingest import read_path
    from newsloom.pipeline import Pipeline

    first = next(a for a in read_path(str(source)) if not isinstance(a, InputError))
    Pipeline(None)(first)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=40)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="newsloom-scale-"))
    source = corpus(work, args.articles)
    rows: list[tuple[str, str]] = []
    warm_up(source)
    base = local_run(source, str(work / "base.db"))
    rows.append(("local runner, SQLite (baseline)", f"{base:.2f} articles/s  1.00x"))
    server = postgres(Path(tempfile.mkdtemp(prefix="newsloom-pg-")))
    if isinstance(server, str):
        rows.append(("local runner, PostgreSQL", f"skipped: {server}"))
    else:
        url, stop = server
        try:
            rate = local_run(source, url)
            rows.append(("local runner, PostgreSQL", f"{rate:.2f} articles/s  {rate / base:.2f}x"))
        finally:
            stop()
    from newsloom.store import Store
    from newsloom.store.copy import copy_store

    src, dst = Store.open(str(work / "base.db")), Store.open(str(work / "copy.db"))
    started = time.perf_counter()
    copied = sum(copy_store(src, dst).values())
    rows.append(("db copy SQLite -> SQLite", f"{copied / (time.perf_counter() - started):.0f} rows/s"))
    try:
        from newsloom.scale.spark import spark_run

        started = time.perf_counter()
        report = spark_run([str(source)], work / "spark", master="local[2]")
        rate = report.articles / (time.perf_counter() - started)
        rows.append(("Spark local[2] -> Parquet (stages only)", f"{rate:.2f} articles/s  {rate / base:.2f}x"))
    except Exception as exc:
        rows.append(("Spark local[2] -> Parquet", f"skipped: {exc}"))
    print(f"{args.articles} texts from {TRAIN.name} (training split)")
    for name, figure in rows:
        print(f"  {name:45} {figure}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
