"""Ingest and process inputs into the store: the one function behind `newsloom ingest` and `run`."""

from __future__ import annotations

import dataclasses
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from newsloom.article import Article
from newsloom.corpus import run_corpus_steps
from newsloom.corrections import replay_stories
from newsloom.errors import InputError, StoreError
from newsloom.ingest import iter_input_files, read_path
from newsloom.pipeline import Pipeline, StageFailure
from newsloom.settings import Settings, load_settings
from newsloom.store import Connection, Store
from newsloom.store.articles import save_article, stages_done
from newsloom.stories.recluster import recluster_recent

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
    settings: Settings | None = None,
) -> RunReport:
    """Read every path, run ``stages`` (None: all of them) on each new article, store it.

    Reading and storing happen here; the stages run through :meth:`Pipeline.pipe` (in batches,
    in ``processes`` workers). Before an article goes to the stages the runner looks up what the
    store already has: an article whose stages are all done is not processed again, and passages
    already embedded are handed to the embed stage. One transaction per article: an article is
    stored whole or not at all, so an interrupted run started again finishes the job without
    duplicates. Bad inputs are reported and skipped.
    """
    pipeline = Pipeline(stages, settings if settings is not None else load_settings())
    report = RunReport(stages=pipeline.names)
    started = time.perf_counter()
    files: list[str] = []
    for path in paths:
        for file in iter_input_files(path):
            if isinstance(file, InputError):
                report.errors.append(file)
            else:
                files.append(file)
    run = _Run(store, pipeline.names, report, corpus, on_file)
    lookup = (
        StoredVectors(store.engine.url.render_as_string(hide_password=False))
        if "embed" in pipeline.names
        else None
    )
    results = pipeline.pipe(
        run.articles(files, max_bytes), processes=processes if len(files) > 1 else 1, keep_failures=True,
        lookup=lookup,
    )  # fmt: skip
    for result in results:
        run.settle()
        run.save(result)
    run.settle()
    if corpus and (report.statuses["new"] or report.statuses["updated"]):
        with _writing(store, report, "(re-clustering recent stories)") as conn:
            recluster_recent(conn)  # stories independent of the arrival order (newsloom.stories.recluster)
            replay_stories(conn)  # and what people corrected stays corrected (docs/corrections.md)
    report.seconds = time.perf_counter() - started
    return report


@dataclass
class _FileState:
    outstanding: int = 0  # articles handed to the stages and not stored yet
    read: bool = False


class _Run:
    """One run's bookkeeping. :meth:`articles` is read in the pipeline's reader thread and only
    reads the store; every write and every report entry happens in the caller's thread."""

    def __init__(
        self,
        store: Store,
        names: tuple[str, ...],
        report: RunReport,
        corpus: bool,
        on_file: ProgressCallback | None,
    ) -> None:
        self.store = store
        self.names = set(names)
        self.report = report
        self.corpus = corpus
        self.on_file = on_file
        self.files: dict[str, _FileState] = {}
        self.in_flight: deque[str] = deque()  # the file of each article handed to the stages, in order
        self.decided: deque[tuple[str, str, Article | InputError | None]] = deque()  # without the stages
        self.lock = threading.Lock()

    def articles(self, files: list[str], max_bytes: int) -> Iterator[Article]:
        """The articles of ``files`` not processed yet; the others are left in ``decided``."""
        for file in files:
            with self.lock:
                self.files[file] = _FileState()
            for item in read_path(file, max_bytes):
                if isinstance(item, InputError):
                    self.decided.append((file, "error", item))
                    continue
                with self.store.connect() as conn:
                    done = stages_done(conn, item.id)
                if done is not None and self.names <= done:
                    self.decided.append(
                        (file, "unchanged", dataclasses.replace(item, stages=tuple(sorted(done))))
                    )
                    continue
                with self.lock:
                    self.files[file].outstanding += 1
                    self.in_flight.append(file)
                yield item
            self.decided.append((file, "read", None))

    def settle(self) -> None:
        """Record what was decided without the stages (errors, unchanged articles, files read)."""
        while self.decided:
            file, status, item = self.decided.popleft()
            if isinstance(item, InputError):
                self.report.errors.append(item)
            elif isinstance(item, Article):
                with _writing(self.store, self.report, item.path) as conn:
                    save_article(conn, item)  # records a new path for a known article, nothing else
                self.report.statuses[status] += 1
            else:
                with self.lock:
                    self.files[file].read = True
                self._finished(file)

    def save(self, result: Article | StageFailure) -> None:
        """Store one article the stages processed (in input order), or report its failure."""
        file = self.in_flight.popleft()
        if isinstance(result, StageFailure):
            problem = f"processing failed in stage '{result.stage}' ({result.error})"
            self.report.errors.append(
                InputError(result.article.path, problem, "Please report this as a bug.")
            )
            self.report.statuses["failed"] += 1
        else:
            with _writing(self.store, self.report, result.path) as conn:
                status = save_article(conn, result)
                if self.corpus and status in ("new", "updated"):
                    run_corpus_steps(conn, result)
            self.report.statuses[status] += 1
            if result.language and status != "unchanged":
                self.report.languages[result.language] += 1
        with self.lock:
            self.files[file].outstanding -= 1
        self._finished(file)

    def _finished(self, file: str) -> None:
        with self.lock:
            state = self.files[file]
            done = state.read and state.outstanding == 0
            if done:
                del self.files[file]
        if done:
            self.report.files += 1
            if self.on_file:
                self.on_file(file, "done")


class StoredVectors:
    """The runner's lookup of passage vectors already in the store (the embed stage's cache keys).

    Picklable: each process opens its own read connection to ``db`` on first use.
    """

    def __init__(self, db: str) -> None:
        self.db = db
        self._store: Store | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"db": self.db, "_store": None}

    def __call__(self, stage: str, keys: Sequence[str]) -> Mapping[str, Any]:
        if stage != "embed" or not keys:
            return {}
        from newsloom.store.stories import get_embeddings

        if self._store is None:
            self._store = Store.open(self.db)
        with self._store.connect() as conn:
            return get_embeddings(conn, keys)


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
            f"{kept}; files read before it: {report.files}."
        ) from exc
