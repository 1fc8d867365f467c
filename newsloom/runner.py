"""Ingest and process inputs into the store: the one function behind `newsloom ingest` and `run`."""

from __future__ import annotations

import dataclasses
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from newsloom.article import Article
from newsloom.corpus import run_corpus_steps
from newsloom.errors import InputError, StoreError
from newsloom.ingest import iter_input_files, read_path
from newsloom.pipeline import Pipeline
from newsloom.store import Connection, Store
from newsloom.store.articles import save_article, stages_done

#: The stages `ingest` runs (reading, cleaning, article language); `run` adds every other stage.
INGEST_STAGES = ("language",)


@dataclass
class RunReport:
    """What one ingest/run did."""

    files: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    errors: list[InputError] = field(default_factory=list)
    seconds: float = 0.0
    stages: tuple[str, ...] = ()

    @property
    def articles(self) -> int:
        return sum(self.statuses.values())

    @property
    def ok(self) -> bool:
        return not self.errors


ProgressCallback = Callable[[str, str], None]


def count_files(paths: Iterable[str]) -> int:
    """How many input files the paths hold (for a progress bar)."""
    return sum(1 for path in paths for f in iter_input_files(path) if not isinstance(f, InputError))


def process_paths(
    paths: Iterable[str],
    store: Store,
    *,
    stages: tuple[str, ...] | None = INGEST_STAGES,
    corpus: bool = False,
    max_bytes: int = 20 * 1024 * 1024,
    on_file: ProgressCallback | None = None,
    processes: int = 1,
) -> RunReport:
    """Read every path, run ``stages`` (None: all registered) on each new article, store it.

    One transaction per article: an article is stored whole or not at all, so an interrupted run
    started again finishes the job without duplicates. Bad inputs are reported and skipped.
    """
    pipeline = Pipeline(stages)
    report = RunReport(stages=pipeline.names)
    started = time.perf_counter()
    files: list[str] = []
    for path in paths:
        for file in iter_input_files(path):
            if isinstance(file, InputError):
                report.errors.append(file)
            else:
                files.append(file)
    db = store.engine.url.render_as_string(hide_password=False)
    if processes > 1 and len(files) > 1:
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        with context.Pool(
            processes, initializer=_init_worker, initargs=(pipeline.names, db, max_bytes)
        ) as pool:
            _store_all(pool.imap(_work, files, chunksize=8), store, corpus, report, on_file)
    else:
        _init_worker(pipeline.names, db, max_bytes, store)
        _store_all(map(_work, files), store, corpus, report, on_file)
    report.seconds = time.perf_counter() - started
    return report


def _store_all(
    results: Iterable[tuple[str, list[tuple[str, Article | InputError]]]],
    store: Store,
    corpus: bool,
    report: RunReport,
    on_file: ProgressCallback | None,
) -> None:
    """Write what the workers produced, one transaction per article, in input order."""
    for file, items in results:
        report.files += 1
        for status, item in items:
            if isinstance(item, InputError):
                report.errors.append(item)
                if status == "failed":
                    report.statuses["failed"] += 1
                continue
            with _writing(store, report, item.path) as conn:
                if status == "unchanged":
                    save_article(conn, item)  # records a new path for a known article, nothing else
                else:
                    status = save_article(conn, item)
                    if corpus and status in ("new", "updated"):
                        run_corpus_steps(conn, item)
            report.statuses[status] += 1
            if item.language and status != "unchanged":
                report.languages[item.language] += 1
        if on_file:
            on_file(file, "done")


# -- per-process worker state: the pipeline and a read connection, loaded once -------------
_WORKER: dict[str, Any] = {}


def _init_worker(names: tuple[str, ...], db: str, max_bytes: int, store: Store | None = None) -> None:
    _WORKER["pipeline"] = Pipeline(names)
    _WORKER["store"] = store or Store.open(db)
    _WORKER["max_bytes"] = max_bytes
    if "embed" in names:  # passages already embedded (this run or an earlier one) are read, not embedded
        from newsloom.stories.stage import attach_store_cache

        attach_store_cache(_WORKER["store"])


def _work(file: str) -> tuple[str, list[tuple[str, Article | InputError]]]:
    """Read one file and run the stages on each article not already processed in the store."""
    pipeline: Pipeline = _WORKER["pipeline"]
    store: Store = _WORKER["store"]
    out: list[tuple[str, Article | InputError]] = []
    for item in read_path(file, _WORKER["max_bytes"]):
        if isinstance(item, InputError):
            out.append(("error", item))
            continue
        with store.connect() as conn:
            done = stages_done(conn, item.id)
        if done is not None and set(pipeline.names) <= done:
            out.append(("unchanged", dataclasses.replace(item, stages=tuple(sorted(done)))))
            continue
        try:
            out.append(("processed", pipeline(item)))
        except Exception as exc:  # a stage failed on this article: report it, keep going
            problem = f"processing failed ({type(exc).__name__}: {exc})"
            out.append(("failed", InputError(item.path, problem, "Please report this as a bug.")))
    return file, out


@contextmanager
def _writing(store: Store, report: RunReport, path: str) -> Iterator[Connection]:
    """One article's transaction; a store failure (full disk, read-only, ...) says what was committed before."""
    try:
        with store.transaction() as conn:
            yield conn
    except StoreError as exc:
        kept = ", ".join(f"{n} {status}" for status, n in sorted(report.statuses.items()) if n) or "none"
        raise type(exc)(
            f"{exc} Nothing of {path} was stored. Before it, this run committed (each article whole): "
            f"{kept}; files read before it: {report.files - 1}."
        ) from exc
