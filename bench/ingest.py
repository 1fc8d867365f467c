"""Ingest throughput: newsloom's ingest vs. a raw stdlib-sqlite3 baseline, on a generated corpus.

    python bench/ingest.py [--articles 10000] [--small 1000]

Builds N text dumps from the bundled examples (and the shared seeds, if beside the repo) with varied
text, ingests them into a fresh SQLite DB through `process_paths` (read, clean, language, sentences,
one transaction per article) and prints articles/s and peak memory next to the baseline that reads
the same files and INSERTs the raw text with sqlite3. Memory is compared between a small and a
large corpus (it must stay flat: the ingest streams).
"""

from __future__ import annotations

import argparse
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def source_texts() -> list[str]:
    from newsloom.ingest import read_path

    texts = []
    for folder in (ROOT / "examples", ROOT.parent / "shared" / "seeds"):
        if folder.exists():
            for item in read_path(str(folder)):
                text = getattr(item, "text", None)
                if text:
                    published = getattr(item, "published", None) or "2025-10-21"
                    texts.append(f" date {published} {text}")
    if not texts:
        raise SystemExit("no examples or seeds found to build a corpus from")
    return texts


def build_corpus(folder: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    texts = source_texts()
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        paragraphs = rng.choice(texts).split("\n\n")
        rng.shuffle(paragraphs[1:])
        paragraphs.append(f"Bản tin số {i}, reference {rng.randrange(10**9)}.")
        (folder / f"{i:06d}.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")


def baseline(folder: Path, db: Path) -> float:
    started = time.perf_counter()
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE raw (path TEXT PRIMARY KEY, text TEXT)")
    for path in sorted(folder.iterdir()):
        with conn:
            conn.execute("INSERT INTO raw VALUES (?, ?)", (str(path), path.read_text(encoding="utf-8")))
    conn.close()
    return time.perf_counter() - started


def measure(folder: str, db: str, processes: str = "1") -> None:
    """Run in a child process so peak memory is this ingest's own."""
    from newsloom.runner import process_paths
    from newsloom.store import Store

    store = Store.open(db)
    started = time.perf_counter()
    report = process_paths([folder], store, processes=int(processes))
    seconds = time.perf_counter() - started
    peak_mb = (
        max(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
        )
        / 1024
    )
    print(f"{report.articles} {seconds:.3f} {peak_mb:.1f} {len(report.errors)}")


def run_child(folder: Path, db: Path, processes: int) -> tuple[int, float, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(folder), str(db), str(processes)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    articles, seconds, peak, errors = int(out[0]), float(out[1]), float(out[2]), int(out[3])
    if errors:
        raise SystemExit(f"{errors} inputs failed during the benchmark")
    return articles, seconds, peak


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--processes", type=int, default=2, help="worker processes for the parallel run")
    parser.add_argument("--child", nargs=3)
    args = parser.parse_args()
    if args.child:
        measure(*args.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        rows = []
        for n in (args.small, args.articles):
            folder = Path(tmp) / f"corpus{n}"
            build_corpus(folder, n)
            base_s = baseline(folder, Path(tmp) / f"raw{n}.db")
            for processes in sorted({1, args.processes}):
                articles, seconds, peak = run_child(folder, Path(tmp) / f"nl{n}_{processes}.db", processes)
                rows.append((n, processes, articles / seconds, n / base_s, peak))
        print(
            f"{'corpus':>8} {'procs':>5} {'newsloom art/s':>15} {'baseline art/s':>15} {'ratio':>7} {'peak MB':>8}"
        )
        for n, processes, rate, base_rate, peak in rows:
            print(
                f"{n:>8} {processes:>5} {rate:>15.1f} {base_rate:>15.1f} {rate / base_rate:>7.3f} {peak:>8.1f}"
            )
        serial = [r for r in rows if r[1] == 1]
        print(
            f"peak memory {serial[-1][0]} vs {serial[0][0]} articles: {serial[-1][4] / serial[0][4]:.2f}x (flat is ~1)"
        )


if __name__ == "__main__":
    main()
