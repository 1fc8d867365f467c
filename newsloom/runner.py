"""Ingest and process inputs into the store: the one function behind `newsloom ingest` and `run`."""

from __future__ import annotations

import dataclasses
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from newsloom.article import Article
from newsloom.corpus import run_corpus_steps
from newsloom.errors import InputError
from newsloom.ingest import iter_input_files, read_path
from newsloom.pipeline import Pipeline
from newsloom.store import Store
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
) -> RunReport:
    """Read every path, run ``stages`` (None: all registered) on each new article, store it.

    One transaction per article: an article is stored whole or not at all, so an interrupted run
    started again finishes the job without duplicates. Bad inputs are reported and skipped.
    """
    pipeline = Pipeline(stages)
    report = RunReport(stages=pipeline.names)
    started = time.perf_counter()
    for path in paths:
        for item in _with_file_progress(read_path(path, max_bytes), report, on_file):
            if isinstance(item, InputError):
                report.errors.append(item)
                continue
            status = _process_one(item, store, pipeline, corpus, report)
            report.statuses[status] += 1
    report.seconds = time.perf_counter() - started
    return report


def _with_file_progress(
    items: Iterator[Article | InputError], report: RunReport, on_file: ProgressCallback | None
) -> Iterator[Article | InputError]:
    last_file: str | None = None
    for item in items:
        file = item.path.split("#", 1)[0]
        if file != last_file:
            if last_file is not None and on_file:
                on_file(last_file, "done")
            report.files += 1
            last_file = file
        yield item
    if last_file is not None and on_file:
        on_file(last_file, "done")


def _process_one(article: Article, store: Store, pipeline: Pipeline, corpus: bool, report: RunReport) -> str:
    with store.connect() as conn:
        done = stages_done(conn, article.id)
    if done is not None and set(pipeline.names) <= done:
        with store.transaction() as conn:
            save_article(conn, dataclasses.replace(article, stages=tuple(done)))  # records a new path only
        return "unchanged"
    try:
        processed = pipeline(article)
    except Exception as exc:  # a stage failed on this article: report it, keep going
        report.errors.append(
            InputError(
                article.path,
                f"processing failed ({type(exc).__name__}: {exc})",
                "Please report this as a bug.",
            )
        )
        return "failed"
    with store.transaction() as conn:
        status = save_article(conn, processed)
        if corpus and status in ("new", "updated"):
            run_corpus_steps(conn, processed)
    if processed.language:
        report.languages[processed.language] += 1
    return status
