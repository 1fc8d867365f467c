"""Ingest throughput: newsloom's ingest vs. raw stdlib-sqlite3 baselines, on a generated corpus.

    python bench/ingest.py [--articles 10000] [--small 1000] [--processes 2] [--before REF] [--rounds 3]
    python bench/ingest.py --langid

Builds N text dumps from the bundled examples (and the shared seeds, if beside the repo) with varied
text, ingests them into a fresh SQLite DB through `process_paths` (read, clean, language, many
articles per transaction) and prints articles/s and peak memory next to two baselines measured in
the same run that read the same files and INSERT the raw text with sqlite3: "raw" writes them as
newsloom's store does (WAL, synchronous=NORMAL, TRANSACTION_ARTICLES rows per commit), "raw/1" one
commit per file with sqlite3's defaults (the baseline of earlier rounds). ``--before REF`` runs the
same ingest with the code of a git revision too (the same corpus, in the same run). Memory is compared
between a small and a large corpus (it must stay flat: the ingest streams).
``--langid`` prints language identification's accuracy and time per sample length on the labelled
texts at hand (the examples, the seeds, SemEval's training articles).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
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


def baseline(folder: Path, db: Path, per_commit: int = 1, wal: bool = False) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of the raw insert."""
    started, cpu = time.perf_counter(), time.process_time()
    conn = sqlite3.connect(db)
    if wal:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("CREATE TABLE raw (path TEXT PRIMARY KEY, text TEXT)")
    paths = sorted(folder.iterdir())
    for start in range(0, len(paths), per_commit):
        with conn:
            for path in paths[start : start + per_commit]:
                conn.execute("INSERT INTO raw VALUES (?, ?)", (str(path), path.read_text(encoding="utf-8")))
    conn.close()
    return time.perf_counter() - started, time.process_time() - cpu


def labelled_texts() -> list[tuple[str, str]]:
    """(language, text) of the examples (named by language), the seeds and SemEval's training articles."""
    import json

    from newsloom.ingest import read_path

    texts = []
    seeds = {"000": "vi", "001": "en", "002": "vi"}
    for folder, label in (
        (ROOT / "examples", lambda p: p.name[:2]),
        (ROOT.parent / "shared" / "seeds", lambda p: seeds.get(p.name[:3], "")),
    ):
        for path in sorted(folder.rglob("*")) if folder.exists() else []:
            for item in read_path(str(path)) if path.is_file() else []:
                if getattr(item, "text", None):
                    texts.append((label(path), (item.meta("title") or "") + "\n" + item.text))
    semeval = ROOT.parent / "shared" / "data" / "semeval2022-task8" / "train.jsonl"
    for line in semeval.read_text(encoding="utf-8").splitlines() if semeval.exists() else []:
        row = json.loads(line)
        if row["pair_id"].replace("_", "").isdigit():  # official pairs (letters mark machine translations)
            texts += [(row["lang1"], row["text1"]), (row["lang2"], row["text2"])]
    return texts


def langid_samples() -> None:
    """Accuracy and time of language identification per first-sample length (same texts, same run)."""
    from newsloom import langid
    from newsloom.settings import Settings

    texts = labelled_texts()
    settings = Settings()
    identifier = langid.LanguageIdentifier(settings)
    known = [(label, text) for label, text in texts if label in settings.languages]
    rows = []
    for chars in (3000, 600, 400, 300, 200):
        started = time.perf_counter()
        found = [
            langid.identify(text, identifier._narrow, identifier._wide_detector, identifier.min_confidence,
                            sample_chars=chars)[0]
            for _, text in known
        ]  # fmt: skip
        seconds = time.perf_counter() - started
        rows.append((chars, sum(f == label for f, (label, _) in zip(found, known, strict=True)), seconds))
    print(
        f"{len(known)} labelled texts in the candidate languages (current first sample: {langid.SAMPLE_CHARS})"
    )
    print(f"{'chars':>6} {'right':>6} {'accuracy':>9} {'time vs 600':>12}")
    at_600 = next(r[2] for r in rows if r[0] == 600)
    for chars, right, seconds in rows:
        print(f"{chars:>6} {right:>6} {right / len(known):>9.4f} {seconds / at_600:>12.2f}")
    settling(known, identifier)


def settling(known: list[tuple[str, str]], identifier: object) -> None:
    """What the packs' first look (``newsloom.langcheck``) settles before lingua, whether lingua
    agrees there, and the stage's time with and without it (the same texts, the same run)."""
    from newsloom import langid
    from newsloom.article import Article
    from newsloom.langcheck import settled_language

    packs = identifier._settling  # type: ignore[attr-defined]
    samples = [(label, text[: langid.SAMPLE_CHARS].lower()) for label, text in known]
    settled = [(label, settled_language(sample, packs)) for label, sample in samples]
    looked_at = [(label, text, code) for (label, text), (_, code) in zip(known, settled, strict=True) if code]
    by_lingua = [
        langid.identify(text, identifier._narrow, identifier._wide_detector, identifier.min_confidence)  # type: ignore[attr-defined]
        for _, text, _ in looked_at
    ]  # fmt: skip
    agree = sum(found == code for (_, _, code), (found, _) in zip(looked_at, by_lingua, strict=True))
    right = sum(label == code for label, _, code in looked_at)
    lingua_right = sum(label == found for (label, _, _), (found, _) in zip(looked_at, by_lingua, strict=True))
    print(
        f"settled by the packs before lingua: {len(looked_at)} of {len(known)} "
        f"({', '.join(f'{c} {sum(x[2] == c for x in looked_at)}' for c in sorted({x[2] for x in looked_at}))}); "
        f"lingua agrees on {agree}; right by the label: packs {right}, lingua {lingua_right}; "
        f"lingua's lowest confidence there: {min((c for _, c in by_lingua), default=0):.3f}"
    )
    articles = [Article(id=str(i), path=str(i), text=text) for i, (_, text) in enumerate(known)]
    times = {"lingua only": float("inf"), "packs first": float("inf")}
    for _ in range(3):  # alternating, the least CPU time of each kept (the machine is shared)
        for name, packs_used in (("lingua only", ()), ("packs first", packs)):
            identifier._settling = packs_used  # type: ignore[attr-defined]
            started = time.process_time()
            for start in range(0, len(articles), 64):
                identifier.pipe(articles[start : start + 64])  # type: ignore[attr-defined]
            times[name] = min(times[name], time.process_time() - started)
    identifier._settling = packs  # type: ignore[attr-defined]
    print(
        f"language stage over the {len(known)} texts (CPU, least of 3): packs first {times['packs first']:.2f} s, lingua only "
        f"{times['lingua only']:.2f} s ({times['lingua only'] / times['packs first']:.2f}x faster)"
    )


def measure(folder: str, db: str, processes: str = "1") -> None:
    """Run in a child process so peak memory is this ingest's own. Prints: articles, seconds, peak MB,
    errors, CPU seconds (all processes), then the split of ``--processes N``: this (main) process's
    CPU seconds, the workers' CPU seconds in tasks and at start-up, their seconds idle between tasks,
    bytes pickled to and from the workers, tasks, the peak memory of one worker (0 where the code
    measured has no ``Pipeline.pool_map``: ``--before`` an older revision)."""
    from newsloom.pipeline import Pipeline
    from newsloom.runner import process_paths
    from newsloom.store import Store

    pipelines: list[Pipeline] = []
    if hasattr(Pipeline, "pool_map"):
        original = Pipeline.pool_map

        def spying(self: Pipeline, *args: object, **kwargs: object) -> object:
            pipelines.append(self)
            return original(self, *args, **kwargs)  # type: ignore[arg-type]

        Pipeline.pool_map = spying  # type: ignore[assignment,method-assign]
    store = Store.open(db)
    stop, worker_peak = threading.Event(), [0.0]
    watcher = threading.Thread(target=_children_peak_mb, args=(stop, worker_peak), daemon=True)
    watcher.start()
    started, cpu, main_cpu = time.perf_counter(), _cpu_seconds(), time.process_time()
    report = process_paths([folder], store, processes=int(processes))
    seconds, cpu, main_cpu = (
        time.perf_counter() - started,
        _cpu_seconds() - cpu,
        time.process_time() - main_cpu,
    )
    stop.set()
    watcher.join()
    peak_mb = (
        max(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
        )
        / 1024
    )
    stats = pipelines[-1].pool_stats if pipelines else None
    split = (
        f"{stats.worker_cpu:.3f} {stats.worker_start_cpu:.3f} {stats.worker_idle:.3f} {stats.bytes_sent} "
        f"{stats.bytes_received} {stats.tasks}"
        if stats is not None
        else "0 0 0 0 0 0"
    )
    print(
        f"{report.articles} {seconds:.3f} {peak_mb:.1f} {len(report.errors)} {cpu:.3f} {main_cpu:.3f} {split} "
        f"{worker_peak[0]:.1f}"
    )


def _children_peak_mb(stop: threading.Event, peak: list[float]) -> None:
    """Poll the peak resident memory (VmHWM) of this process's children (the pool's workers)."""
    me = str(os.getpid())
    while not stop.wait(0.2):
        for status in Path("/proc").glob("[0-9]*/status"):
            try:
                fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
            except OSError:
                continue
            if fields.get("PPid", "").strip() == me and "VmHWM" in fields:
                peak[0] = max(peak[0], int(fields["VmHWM"].split()[0]) / 1024)


@dataclass
class Split:
    """Where one ingest's CPU went (seconds), what it pickled (bytes), one worker's peak memory (MB)."""

    main_cpu: float = 0.0
    task_cpu: float = 0.0
    start_cpu: float = 0.0
    idle: float = 0.0
    sent: int = 0
    received: int = 0
    tasks: int = 0
    worker_peak: float = 0.0


def _spin() -> float:
    started = time.perf_counter()
    total = 0
    for i in range(10_000_000):
        total += i
    return time.perf_counter() - started


def _spin_in_child(_: int) -> float:
    return _spin()


def busy_loop_cores() -> float:
    """How many cores two processes actually get now (2.0 on an idle 2-core machine): one busy loop
    alone vs two at once, measured in the same run as the ingest it stands beside."""
    import multiprocessing

    alone = _spin()
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        started = time.perf_counter()
        pool.map(_spin_in_child, [0, 1])
        together = time.perf_counter() - started
    return 2 * alone / together


def _cpu_seconds() -> float:
    """CPU time of this process and its finished workers: on a busy machine the wall clock measures
    the other jobs too, the CPU time only this ingest's work."""
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def run_child(folder: Path, db: Path, processes: int, code: Path = ROOT) -> tuple[int, float, float, float]:
    articles, seconds, peak, cpu, _ = run_child_split(folder, db, processes, code)
    return articles, seconds, peak, cpu


def run_child_split(
    folder: Path, db: Path, processes: int, code: Path = ROOT
) -> tuple[int, float, float, float, Split]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(folder), str(db), str(processes)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(code)},
    )
    if done.returncode:
        raise SystemExit(f"the ingest of {code} failed: {done.stderr[-2000:]}")
    out = done.stdout.split()
    articles, seconds, peak, errors, cpu = (
        int(out[0]),
        float(out[1]),
        float(out[2]),
        int(out[3]),
        float(out[4]),
    )
    if errors:
        raise SystemExit(f"{errors} inputs failed during the benchmark")
    split = Split(*(float(v) for v in out[5:9]), *(int(v) for v in out[9:12]), float(out[12]))  # type: ignore[arg-type]
    return articles, seconds, peak, cpu, split


def checkout(ref: str, folder: Path) -> Path:
    """The code of a git revision, unpacked in ``folder`` (for --before)."""
    folder.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", ref, "newsloom"], capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    return folder


def flat_cost(sizes: list[int], probe: int, rounds: int) -> None:
    """The same ``probe`` new articles ingested into stores holding each of ``sizes`` articles (the
    generated corpus, ingested once; a copy kept at each size), alternating over ``rounds``: time
    and CPU per article, peak memory, and the ratio of the largest to the smallest store."""
    import shutil

    with tempfile.TemporaryDirectory() as tmp:
        folder, probes = Path(tmp) / "fill", Path(tmp) / "probe"
        build_corpus(folder, max(sizes))
        build_corpus(probes, probe, seed=11)
        for path in probes.iterdir():  # other names and a mark of their own: new articles in every store
            path.rename(path.with_name("p" + path.name))
            path = path.with_name("p" + path.name)
            path.write_text(path.read_text(encoding="utf-8") + "\n\nProbe copy.", encoding="utf-8")
        fill_db, kept, stored = Path(tmp) / "fill.db", {}, 0
        for size in sorted(sizes):
            part = Path(tmp) / f"part{size}"
            part.mkdir()
            for path in sorted(folder.iterdir())[: size - stored]:
                path.rename(part / path.name)
            articles, seconds, _, _ = run_child(part, fill_db, 1)
            stored = size
            kept[size] = Path(tmp) / f"store{size}.db"
            shutil.copyfile(fill_db, kept[size])
            for suffix in ("-wal", "-shm"):
                if Path(f"{fill_db}{suffix}").exists():
                    shutil.copyfile(f"{fill_db}{suffix}", f"{kept[size]}{suffix}")
            print(f"filled to {size} files ({articles} read this step at {articles / seconds:.0f}/s)")
        best: dict[int, tuple[float, float, float]] = {}
        for round_ in range(rounds):
            for size in sorted(sizes):
                db = Path(tmp) / f"probe{size}_{round_}.db"
                for suffix in ("", "-wal", "-shm"):
                    if Path(f"{kept[size]}{suffix}").exists():
                        shutil.copyfile(f"{kept[size]}{suffix}", f"{db}{suffix}")
                articles, seconds, peak, cpu = run_child(probes, db, 1)
                wall, least, top = best.get(size, (float("inf"), float("inf"), 0.0))
                best[size] = (min(wall, seconds / articles), min(least, cpu / articles), max(top, peak))
        print(f"{'stored':>8} {'ms/article':>11} {'CPU ms/article':>15} {'peak MB':>8}")
        for size in sorted(sizes):
            wall, cpu, peak = best[size]
            print(f"{size:>8} {1000 * wall:>11.3f} {1000 * cpu:>15.3f} {peak:>8.1f}")
        small, large = best[min(sizes)], best[max(sizes)]
        print(
            f"{max(sizes)} vs {min(sizes)} stored: {large[0] / small[0]:.2f}x time, {large[1] / small[1]:.2f}x CPU, "
            f"{large[2] / small[2]:.2f}x peak memory per article of a {probe}-article ingest (flat: <= 1.5x)"
        )


def speedup_bound(one: float, main: float, workers: float, processes: int, cores: float) -> float:
    """The speed-up over one process (``one`` CPU seconds per article) that ``processes`` workers can
    reach: a pipeline runs at the pace of its slowest part, the main process (serial: Amdahl), the
    workers sharing their work, or all of it sharing the cores."""
    return one / max(main, workers / processes, (main + workers) / cores)


def print_split(
    n: int,
    processes: int,
    codes: list[tuple[str, Path]],
    splits: dict[tuple[int, str], tuple[float, Split]],
    rates: dict[tuple[int, str], list[float]],
    free: list[float],
) -> None:
    """Where the CPU of 1 and of ``processes`` processes went per article (the least-CPU round), the
    speed-up the main process's serial share allows, and the wall-clock ratio of each round beside
    the cores two busy loops got in that round."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    print(
        f"[processes] {n} articles: CPU ms per article (user+sys, least-CPU round), {processes} vs 1 process"
    )
    print(
        f"{'code':>8} {'procs':>5} {'main':>7} {'workers':>8} {'of it start':>11} {'idle s':>7} "
        f"{'B out/art':>9} {'B in/art':>9} {'worker MB':>9} {'bound':>6} {'at free':>7}"
    )
    for name, _ in codes:
        t1 = splits[(1, name)][0] / n
        for procs in (1, processes):
            total, split = splits[(procs, name)]
            main, workers = split.main_cpu / n, max(0.0, total - split.main_cpu) / n
            line = (
                f"{name:>8} {procs:>5} {1000 * main:>7.3f} {1000 * workers:>8.3f} "
                f"{1000 * split.start_cpu / n:>11.3f} {split.idle:>7.2f} {split.sent / n:>9.0f} "
                f"{split.received / n:>9.0f} {split.worker_peak:>9.1f}"
            )
            if procs > 1:
                at_free = sum(free) / len(free)
                line += f" {speedup_bound(t1, main, workers, procs, cpus):>6.2f}"
                line += f" {speedup_bound(t1, main, workers, procs, at_free):>7.2f}"
            print(line)
        ratios = [two / one for one, two in zip(rates[(1, name)], rates[(processes, name)], strict=True)]
        print(
            f"{'':>8} measured {processes} vs 1 process per round: "
            + ", ".join(f"{r:.2f}x (free cores {f:.2f})" for r, f in zip(ratios, free, strict=True))
        )
    print(
        f"main: the main process's CPU (reading, writing; with 1 process, everything); workers: the "
        f"workers' (of it start: their start-up, imports and models); idle s: seconds the workers waited "
        f"between tasks; B out/in: bytes pickled per article to and from the workers; bound: the speed-up "
        f"over 1 process the CPU split allows on {cpus} idle cores, at free: on the free cores measured"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--processes", type=int, default=2, help="worker processes for the parallel run")
    parser.add_argument("--before", help="also ingest with the code of this git revision (e.g. HEAD~3)")
    parser.add_argument("--rounds", type=int, default=1, help="alternating rounds, the fastest of each kept")
    parser.add_argument("--langid", action="store_true", help="language identification per sample length")
    parser.add_argument(
        "--flat", help="stored articles at which a probe's ingest is timed, e.g. 1000,50000 (flat cost)"
    )
    parser.add_argument("--probe", type=int, default=500, help="articles ingested at each --flat size")
    parser.add_argument("--child", nargs=3)
    args = parser.parse_args()
    if args.child:
        measure(*args.child)
        return
    if args.flat:
        flat_cost([int(n) for n in args.flat.split(",")], args.probe, args.rounds)
        return
    if args.langid:
        langid_samples()
        return
    from newsloom.runner import TRANSACTION_ARTICLES

    with tempfile.TemporaryDirectory() as tmp:
        codes = [("new", ROOT)] + (
            [(args.before, checkout(args.before, Path(tmp) / "before"))] if args.before else []
        )
        rows = []
        for n in (args.small, args.articles):
            folder = Path(tmp) / f"corpus{n}"
            build_corpus(folder, n)
            # every measurement ``--rounds`` times, alternating, the fastest kept: a busy machine slows
            # all alike, and the fastest is the least disturbed
            best: dict[tuple[int, str], tuple[float, float, float]] = {}
            splits: dict[tuple[int, str], tuple[float, Split]] = {}  # the least-CPU round's split
            rates: dict[tuple[int, str], list[float]] = {}  # articles/s per round
            free: list[float] = []  # what two busy loops got, per round, beside the ingests
            raw_s = raw1_s = raw1_cpu = float("inf")
            for round_ in range(args.rounds):
                raw_s = min(
                    raw_s,
                    baseline(folder, Path(tmp) / f"raw{n}_{round_}.db", TRANSACTION_ARTICLES, wal=True)[0],
                )
                wall, cpu = baseline(folder, Path(tmp) / f"raw1_{n}_{round_}.db")
                raw1_s, raw1_cpu = min(raw1_s, wall), min(raw1_cpu, cpu)
                for processes in sorted({1, args.processes}):
                    for name, code in codes:
                        db = Path(tmp) / f"nl{n}_{processes}_{name}_{round_}.db"
                        articles, seconds, peak, cpu, split = run_child_split(folder, db, processes, code)
                        rates.setdefault((processes, name), []).append(articles / seconds)
                        if cpu < splits.get((processes, name), (float("inf"), split))[0]:
                            splits[(processes, name)] = (cpu, split)
                        rate, top, least = best.get((processes, name), (0.0, 0.0, float("inf")))
                        best[(processes, name)] = (
                            max(rate, articles / seconds),
                            max(top, peak),
                            min(least, cpu),
                        )
                free.append(busy_loop_cores())
            if args.processes > 1:
                print_split(n, args.processes, codes, splits, rates, free)
            for (processes, name), (rate, peak, cpu) in best.items():
                rows.append(
                    (
                        n,
                        processes,
                        name,
                        rate,
                        n / raw_s,
                        n / raw1_s,
                        peak,
                        1000 * cpu / n,
                        1000 * raw1_cpu / n,
                    )
                )
        print(
            f"{'corpus':>7} {'procs':>5} {'code':>8} {'art/s':>8} {'raw art/s':>10} {'ratio':>6} "
            f"{'raw/1 art/s':>12} {'ratio':>6} {'peak MB':>8} {'CPU ms/art':>10} {'raw/1 CPU':>9}"
        )
        for n, processes, name, rate, raw, raw1, peak, cpu_ms, raw1_ms in rows:
            print(
                f"{n:>7} {processes:>5} {name:>8} {rate:>8.1f} {raw:>10.1f} {rate / raw:>6.3f} "
                f"{raw1:>12.1f} {rate / raw1:>6.3f} {peak:>8.1f} {cpu_ms:>10.3f} {raw1_ms:>9.3f}"
            )
        print(
            "CPU ms/art: CPU time (process and workers, user+sys; the stages' model loading included) per "
            "article, the least of the rounds; raw/1 CPU: the same for the raw insert with one commit per file"
        )
        serial = [r for r in rows if r[1] == 1 and r[2] == "new"]
        print(
            f"peak memory {serial[-1][0]} vs {serial[0][0]} articles: {serial[-1][6] / serial[0][6]:.2f}x (flat is ~1)"
        )


if __name__ == "__main__":
    main()
