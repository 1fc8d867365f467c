"""Ingest and process inputs into the store: the one function behind `newsloom ingest` and `run`."""

from __future__ import annotations

import dataclasses
import os
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, NoReturn

from newsloom.article import Article
from newsloom.corpus import run_corpus_steps
from newsloom.corrections import replay_stories
from newsloom.errors import InputError, NewsloomError, StoreError
from newsloom.ingest import iter_input_files, read_path
from newsloom.pipeline import Pipeline, StageFailure
from newsloom.settings import Settings, load_settings
from newsloom.store import Connection, Store
from newsloom.store.articles import (
    NearDuplicates,
    paths_of,
    save_article,
    save_articles,
    simhash,
    stages_of,
    stored_form,
)
from newsloom.stories.recluster import recluster_recent

#: The stages `ingest` runs (reading, cleaning, article language); `run` adds every other stage.
INGEST_STAGES = ("language",)
#: Where the stages run: in this process (or its process pool), or on Apache Spark.
ENGINES = ("local", "spark")
#: How the corpus steps run: per article as it is stored, or once over the run's articles by blocks
#: (``newsloom.scale.batch``).
CORPUS_MODES = ("incremental", "batch")


@dataclass
class RunReport:
    """What one ingest/run did."""

    files: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    errors: list[InputError] = field(default_factory=list)
    seconds: float = 0.0
    stages: tuple[str, ...] = ()
    batch: Any = None  # the BatchReport of `--corpus batch`
    copies: list[tuple[str, str]] = field(default_factory=list)  # (path, article id): a known text, new name

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


#: Articles per write transaction when no corpus step runs (each in its own savepoint), and how long
#: a transaction stays open at most: many articles per commit is what makes ingest fast, and a slow
#: feed still lands within a second.
TRANSACTION_ARTICLES = 64
TRANSACTION_SECONDS = 1.0
#: Articles read ahead before the store is asked which of them it holds already (one query for all).
LOOKAHEAD = 32
#: Articles written between two checks of the store's query-planner statistics (Store.keep_statistics).
STATISTICS_EVERY = 500


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
    transaction_articles: int | None = None,
    shown_as: Mapping[str, str] | None = None,
    engine: str = "local",
    master: str = "local[2]",
    corpus_mode: str = "incremental",
    keep: list[Article] | None = None,
) -> RunReport:
    """Read every path, run ``stages`` (None: all of them) on each new article, store it.

    Reading and storing happen here; the stages run through :meth:`Pipeline.pipe` (in batches,
    in ``processes`` workers). Before an article goes to the stages the runner looks up what the
    store already has: an article whose stages are all done is not processed again, and passages
    already embedded are handed to the embed stage. Articles are written ``transaction_articles``
    to a transaction (default: :data:`TRANSACTION_ARTICLES`, or 1 with the corpus steps, whose work
    per article dwarfs a commit), each in its own savepoint, committed at least every
    :data:`TRANSACTION_SECONDS`: an article is stored whole or not at all, a killed run loses only
    its open transaction, and a run started again finishes the job without duplicates. Bad inputs
    are reported and skipped. ``shown_as`` names an input by what a person knows it as instead of
    its path (an upload's temporary file is stored as ``upload:NAME``).

    ``engine="spark"`` runs the stages on Spark (``master``: ``local[2]``, ``spark://host:7077``,
    ``yarn``) and reads Parquet inputs too; the articles come back in input order and are stored, and
    the corpus steps run, here as with the local engine (see :func:`process_on_spark`).

    ``keep``, when given, receives every article stored as new or updated, in input order.
    ``corpus_mode="batch"`` stores the articles first and then runs the corpus steps once over the
    run's new and updated articles, by blocking keys (:func:`newsloom.scale.batch.run_batch_corpus`).
    """
    if engine not in ENGINES:
        raise NewsloomError(f"No engine '{engine}': choose one of {', '.join(ENGINES)}.")
    if corpus_mode not in CORPUS_MODES:
        raise NewsloomError(f"No corpus mode '{corpus_mode}': choose one of {', '.join(CORPUS_MODES)}.")
    if corpus and corpus_mode == "batch":
        options = {
            "stages": stages, "max_bytes": max_bytes, "on_file": on_file, "processes": processes,
            "settings": settings, "transaction_articles": transaction_articles, "shown_as": shown_as,
        }  # fmt: skip
        return _process_batch(paths, store, engine, master, options)
    pipeline = Pipeline(stages, settings if settings is not None else load_settings())
    report = RunReport(stages=pipeline.names)
    started = time.perf_counter()
    if engine == "spark":
        process_on_spark(list(paths), store, pipeline, report, corpus, max_bytes, on_file, master, keep)
        _after_articles(store, report, corpus)
        report.seconds = time.perf_counter() - started
        return report
    files: list[str] = []
    for path in paths:
        for file in iter_input_files(path):
            if isinstance(file, InputError):
                report.errors.append(file)
            else:
                files.append(file)
    size = transaction_articles or (1 if corpus else TRANSACTION_ARTICLES)
    writer = _Writer(store, report, size, on_file, corpus)
    writer.keep = keep
    run = _Run(store, pipeline.names, report, corpus, on_file, writer)
    run.shown_as = dict(shown_as or {})
    lookup = _vectors(store, pipeline)
    try:
        if processes > 1 and len(files) > 1 and "-" not in files:
            _run_in_workers(files, pipeline, run, max_bytes, processes, lookup)
        else:
            for result in pipeline.pipe(run.articles(files, max_bytes), keep_failures=True, lookup=lookup):
                run.settle()
                run.save(result)
            run.settle()
        run.writer.flush()
        store.keep_statistics()
    finally:
        run.writer.batch.rollback()  # a failure or an interrupt: nothing of the open transaction is kept
        if lookup is not None:
            lookup.close()
    _after_articles(store, report, corpus)
    report.seconds = time.perf_counter() - started
    return report


#: Input files per task of a worker process (``processes > 1``): enough that a task's articles make
#: a batch for the stages and one query for what the store holds, few enough that two workers get
#: an even share of a small run.
FILES_PER_TASK = 16


@dataclass(frozen=True, slots=True)
class Prepared:
    """What a worker computed for storing a processed article: its stored form and simhash."""

    form: str
    simhash: int


@dataclass(frozen=True, slots=True)
class FileTask:
    """Files a worker reads, checks against the store (``db``) and processes."""

    files: tuple[str, ...]
    max_bytes: int
    db: str
    shown_as: dict[str, str]
    lookup: StoredVectors | None


@dataclass(frozen=True, slots=True)
class Unread:
    """An :class:`InputError` as a worker sends it back (an exception with arguments of its own
    does not survive pickling)."""

    path: str
    problem: str
    hint: str
    line: int | None

    def error(self) -> InputError:
        return InputError(self.path, self.problem, self.hint, self.line)


#: What a worker sends back for one item of a file: an error; a stored article with nothing left to
#: do (no Prepared); or the article the stages processed (with its Prepared), or their failure.
Outcome = tuple[Article | Unread | StageFailure, Prepared | None]


def _run_in_workers(
    files: list[str],
    pipeline: Pipeline,
    run: _Run,
    max_bytes: int,
    processes: int,
    lookup: StoredVectors | None,
) -> None:
    """Reading, the stored-stages check, the stages and the stored form all in ``processes`` workers
    (:func:`read_and_process`); this process only writes, in input order, grouped as in one process."""
    db = run.store.engine.url.render_as_string(hide_password=False)
    tasks = (
        FileTask(
            tuple(chunk), max_bytes, db, {f: run.shown_as[f] for f in chunk if f in run.shown_as}, lookup
        )
        for chunk in (files[i : i + FILES_PER_TASK] for i in range(0, len(files), FILES_PER_TASK))
    )
    for done in pipeline.pool_map(tasks, read_and_process, processes):
        for file, outcomes in done:
            for item, prepared in outcomes:
                run.take(item, prepared)
            run.writer.file_done(file)


#: The stores a worker process reads, opened once per process (by URL).
_WORKER_STORES: dict[str, Store] = {}


def read_and_process(pipeline: Pipeline, task: FileTask) -> list[tuple[str, list[Outcome]]]:
    """A worker's task: read ``task.files``, ask the store (one query) which articles have every stage
    of ``pipeline`` stored already, run the stages over the others and compute what storing them
    needs; per file, its outcomes in input order."""
    read = [
        (file, [_named(task.shown_as, file, item) for item in read_path(file, task.max_bytes)])
        for file in task.files
    ]
    ids = [item.id for _, items in read for item in items if isinstance(item, Article)]
    store = _worker_store(task.db)
    if task.lookup is not None and task.lookup._store is None:  # the store this worker reads already
        task.lookup._store = _worker_store(task.lookup.db)
    with store.connect() as conn:
        stored = stages_of(conn, ids) if ids else {}
    names = set(pipeline.names)
    todo = [
        item
        for _, items in read
        for item in items
        if isinstance(item, Article) and not (item.id in stored and names <= stored[item.id])
    ]
    size = max(1, pipeline.settings.batch_size)  # a large JSONL file goes through the stages in batches
    processed = iter(
        [
            result
            for start in range(0, len(todo), size)
            for result in pipeline.run_batch(
                todo[start : start + size], keep_failures=True, lookup=task.lookup
            )
        ]
    )
    out: list[tuple[str, list[Outcome]]] = []
    for file, items in read:
        outcomes: list[Outcome] = []
        for item in items:
            if isinstance(item, InputError):
                outcomes.append((Unread(item.path, item.problem, item.hint, item.line), None))
            elif item.id in stored and names <= stored[item.id]:
                outcomes.append((dataclasses.replace(item, stages=tuple(sorted(stored[item.id]))), None))
            else:
                result = next(processed)
                if isinstance(result, StageFailure):
                    outcomes.append((result, None))
                else:
                    outcomes.append((result, Prepared(stored_form(result), simhash(result.text))))
        out.append((file, outcomes))
    return out


def _worker_store(db: str) -> Store:
    """The worker's store at ``db``, opened on its first task (one migration check, one engine)."""
    store = _WORKER_STORES.get(db)
    if store is None:
        store = _WORKER_STORES[db] = Store.open(db)
    return store


def _process_batch(
    paths: Iterable[str], store: Store, engine: str, master: str, options: dict[str, Any]
) -> RunReport:
    """The run without corpus steps, keeping its new and updated articles; then the batch pass."""
    from newsloom.scale.batch import run_batch_corpus, spark_blocker, spark_clusterer

    kept: list[Article] = []
    report = process_paths(paths, store, corpus=False, engine=engine, master=master, keep=kept, **options)
    started = time.perf_counter()
    on_spark = engine == "spark"
    report.batch = run_batch_corpus(
        store, kept, blocker=spark_blocker(master) if on_spark else None,
        clusterer=spark_clusterer(master) if on_spark else None,
    )  # fmt: skip
    report.errors.extend(report.batch.errors)
    report.seconds += time.perf_counter() - started
    return report


def _after_articles(store: Store, report: RunReport, corpus: bool) -> None:
    """Once every article is stored: the newest stories clustered again, whatever the arrival order
    (``stories.recluster``), and what people corrected about stories replayed over it."""
    if corpus and (report.statuses["new"] or report.statuses["updated"]):
        with _writing(store, report, "(re-clustering recent stories)") as conn:
            recluster_recent(conn)
            replay_stories(conn)


def _vectors(store: Store, pipeline: Pipeline) -> StoredVectors | None:
    if "embed" not in pipeline.names:
        return None
    return StoredVectors(store.engine.url.render_as_string(hide_password=False))


def process_on_spark(
    paths: list[str],
    store: Store,
    pipeline: Pipeline,
    report: RunReport,
    corpus: bool,
    max_bytes: int,
    on_file: ProgressCallback | None,
    master: str,
    keep: list[Article] | None = None,
) -> None:
    """The stages on Spark, then, on the driver and in input order, each article stored in its own
    transaction and the corpus steps run on it: exactly what the local engine stores for the same
    inputs (the corpus steps are incremental and order-dependent, so they stay sequential here)."""
    from newsloom.scale.spark import is_parquet_input, spark_results

    files: list[str] = []
    parquet: list[str] = []
    for path in paths:
        if path != "-" and is_parquet_input(path):
            parquet.append(path)
            continue
        for file in iter_input_files(path):
            if isinstance(file, InputError):
                report.errors.append(file)
            else:
                files.append(file)
    if "-" in files:
        raise NewsloomError("The Spark engine reads files, folders and Parquet, not standard input (-).")
    lookup = _vectors(store, pipeline)
    if lookup is not None and store.engine.dialect.name == "sqlite" and not master.startswith("local"):
        lookup = None  # executors elsewhere cannot open the driver's SQLite file: they embed everything
    current: str | None = None
    for source, result in spark_results(
        files, parquet, pipeline.names, pipeline.settings, master=master, max_bytes=max_bytes, lookup=lookup
    ):
        if source != current:
            _file_done(report, current, on_file)
            current = source
        if isinstance(result, InputError):
            report.errors.append(result)
        else:
            store_result(store, report, corpus, result, keep)
    _file_done(report, current, on_file)


def _file_done(report: RunReport, file: str | None, on_file: ProgressCallback | None) -> None:
    if file is None:
        return
    report.files += 1
    if on_file:
        on_file(file, "done")


def store_result(
    store: Store,
    report: RunReport,
    corpus: bool,
    result: Article | StageFailure,
    keep: list[Article] | None = None,
) -> None:
    """Store one article the stages processed and run the corpus steps on it, or report its failure."""
    if isinstance(result, StageFailure):
        problem = f"processing failed in stage '{result.stage}' ({result.error})"
        report.errors.append(InputError(result.article.path, problem, "Please report this as a bug."))
        report.statuses["failed"] += 1
        return
    with _writing(store, report, result.path) as conn:
        status = save_article(conn, result)
        if corpus and status in ("new", "updated"):
            run_corpus_steps(conn, result)
    if keep is not None and status in ("new", "updated"):
        keep.append(result)
    report.statuses[status] += 1
    if status == "copy":
        report.copies.append((result.path, result.id))
    if result.language and status not in ("unchanged", "copy"):
        report.languages[result.language] += 1


@dataclass
class _FileState:
    outstanding: int = 0  # articles handed to the stages and not stored yet
    read: bool = False


class _Writer:
    """The run's writes: articles queued, then written :attr:`size` at a time in one transaction
    (a :class:`~newsloom.store.db.WriteBatch`), each in its own savepoint, with the near-duplicate
    lookup of the whole batch in memory (one query).

    What the report says was stored (statuses, languages, files done) moves into the report only
    when its transaction commits, so an error message's "committed before it" is true.
    """

    def __init__(
        self, store: Store, report: RunReport, size: int, on_file: ProgressCallback | None, corpus: bool
    ) -> None:
        self.batch = store.batch()
        self.report = report
        self.size = max(1, size)
        self.on_file = on_file
        self.corpus = corpus
        # (article, status decided before the stages, its stored form and simhash if a worker made them)
        self.queue: list[tuple[Article, str | None, Prepared | None]] = []
        self.queued_at = 0.0
        self.statuses: Counter[str] = Counter()
        self.languages: Counter[str] = Counter()
        self.copies: list[tuple[str, str]] = []
        self.files: list[str] = []
        self.since_statistics = 0  # articles written since the store's statistics were last checked
        self.keep: list[Article] | None = None  # receives the new and updated articles once committed
        self.written: list[Article] = []

    def add(self, article: Article, decided: str | None = None, prepared: Prepared | None = None) -> None:
        """Queue an article; write the queue when it holds ``size`` or waited TRANSACTION_SECONDS."""
        if not self.queue:
            self.queued_at = time.monotonic()
        self.queue.append((article, decided, prepared))
        if len(self.queue) >= self.size or time.monotonic() - self.queued_at >= TRANSACTION_SECONDS:
            self.flush()

    def flush(self) -> None:
        """Write the queue in one transaction and commit it."""
        queue, self.queue = self.queue, []
        if queue:
            near = self._lookup(queue)
            if self.corpus or not self._write_group(queue, near):
                if not self.corpus:  # the group failed as a whole: article by article, to find which
                    near = self._lookup(queue)
                for article, decided, prepared in queue:
                    self._write(article, decided, near, prepared)
            try:
                self.batch.commit()
            except StoreError as exc:
                self.statuses.clear()
                self.languages.clear()
                self.copies.clear()
                self.written = []
                self._stop(exc, f"the {len(queue)} articles from {queue[0][0].path} on")
            self.since_statistics += len(queue)
            if self.since_statistics >= STATISTICS_EVERY:  # a long run keeps the planner's figures fresh
                self.since_statistics = 0
                self.batch.store.keep_statistics()
        self._publish()

    def _lookup(self, queue: list[tuple[Article, str | None, Prepared | None]]) -> NearDuplicates:
        near = NearDuplicates()
        simhashes = {a.id: p.simhash for a, _, p in queue if p is not None}
        try:
            near.load(self.batch.connection(), [a for a, decided, _ in queue if decided is None], simhashes)
        except StoreError as exc:
            self._stop(exc, queue[0][0].path)
        return near

    def _write_group(
        self, queue: list[tuple[Article, str | None, Prepared | None]], near: NearDuplicates
    ) -> bool:
        """The whole queue in one savepoint, each table's rows in one statement (no corpus steps run);
        False, with nothing of it kept, when any part failed (then :meth:`_write` finds which)."""
        try:
            with self.batch.item() as conn:
                forms = [p.form if p is not None else None for _, _, p in queue]
                statuses = save_articles(conn, [article for article, _, _ in queue], near, forms)
        except Exception:  # noqa: BLE001 - redone article by article, which reports what failed
            return False
        for (article, decided, _), status in zip(queue, statuses, strict=True):
            self._count(article, decided, status)
        return True

    def _count(self, article: Article, decided: str | None, stored: str) -> None:
        # decided before the stages as 'unchanged', the store may still find the name new: a copy,
        # unless the name is another spelling of a stored one ("in/a.txt" and "/home/me/in/a.txt")
        status = stored if decided is None or stored == "copy" else decided
        if status == "copy" and _same_file_stored(self.batch.connection(), article):
            status = "unchanged"
        if self.keep is not None and status in ("new", "updated"):
            self.written.append(article)
        self.statuses[status] += 1
        if status == "copy":
            self.copies.append((article.path, article.id))
        if article.language and status not in ("unchanged", "copy"):
            self.languages[article.language] += 1

    def _write(
        self, article: Article, decided: str | None, near: NearDuplicates, prepared: Prepared | None = None
    ) -> None:
        """One article in its savepoint. A store failure (full disk, read-only, locked) commits the
        articles before it and stops the run saying what was committed; any other failure of one
        article rolls back its savepoint only, is reported, and the run goes on."""
        try:
            with self.batch.item() as conn:
                status = save_article(conn, article, near, prepared.form if prepared is not None else None)
                if decided is None and self.corpus and status in ("new", "updated"):
                    run_corpus_steps(conn, article)
        except StoreError as exc:
            self._stop(exc, article.path)
        except Exception as exc:  # a bug in a corpus step: this article only
            near.discard(article.id)
            problem = f"storing failed ({type(exc).__name__}: {exc})"
            self.report.errors.append(InputError(article.path, problem, "Please report this as a bug."))
            self.report.statuses["failed"] += 1
            return
        self._count(article, decided, status)

    def _stop(self, exc: StoreError, what: str) -> NoReturn:
        self.queue = []
        try:
            self.batch.commit()
            self._publish()
        except StoreError:
            self.batch.rollback()
        kept = ", ".join(f"{n} {status}" for status, n in sorted(self.report.statuses.items()) if n) or "none"
        raise type(exc)(
            f"{exc} Nothing of {what} was stored. Before it, this run committed (each article whole): "
            f"{kept}; files read before it: {self.report.files}."
        ) from exc

    def file_done(self, file: str) -> None:
        self.files.append(file)
        if not self.queue:  # nothing of it waits to be written
            self._publish()

    def _publish(self) -> None:
        if self.keep is not None:
            self.keep.extend(self.written)
        self.written = []
        self.report.statuses.update(self.statuses)
        self.report.languages.update(self.languages)
        self.report.copies.extend(self.copies)
        self.statuses.clear()
        self.languages.clear()
        self.copies.clear()
        files, self.files = self.files, []
        for file in files:
            self.report.files += 1
            if self.on_file:
                self.on_file(file, "done")


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
        writer: _Writer,
    ) -> None:
        self.store = store
        self.names = set(names)
        self.report = report
        self.corpus = corpus
        self.on_file = on_file
        self.writer = writer
        self.files: dict[str, _FileState] = {}
        self.in_flight: deque[str] = deque()  # the file of each article handed to the stages, in order
        self.decided: deque[tuple[str, str, Article | InputError | None]] = deque()  # without the stages
        self.lock = threading.Lock()
        self.shown_as: dict[str, str] = {}  # input path -> the name stored for it

    def articles(self, files: list[str], max_bytes: int) -> Iterator[Article]:
        """The articles of ``files`` not processed yet; the others are left in ``decided``. What the
        store holds of them is asked LOOKAHEAD articles at a time, in one query (one per article
        was a seventh of reading)."""
        pending: list[tuple[str, Article | InputError | None]] = []  # (file, item); None: the file ends
        for file in files:
            with self.lock:
                self.files[file] = _FileState()
            for item in (_named(self.shown_as, file, found) for found in read_path(file, max_bytes)):
                pending.append((file, item))
                if len(pending) >= LOOKAHEAD:
                    yield from self._decide(pending)
                    pending = []
            pending.append((file, None))
            if len(pending) >= LOOKAHEAD:
                yield from self._decide(pending)
                pending = []
        yield from self._decide(pending)

    def _decide(self, pending: list[tuple[str, Article | InputError | None]]) -> Iterator[Article]:
        ids = [item.id for _, item in pending if isinstance(item, Article)]
        with self.store.connect() as conn:
            stored = stages_of(conn, ids) if ids else {}
        for file, item in pending:
            if item is None:
                self.decided.append((file, "read", None))
            elif isinstance(item, InputError):
                self.decided.append((file, "error", item))
            elif item.id in stored and self.names <= stored[item.id]:
                done = stored[item.id]
                self.decided.append(
                    (file, "unchanged", dataclasses.replace(item, stages=tuple(sorted(done))))
                )
            else:
                with self.lock:
                    self.files[file].outstanding += 1
                    self.in_flight.append(file)
                yield item

    def settle(self) -> None:
        """Record what was decided without the stages (errors, unchanged articles, files read)."""
        while self.decided:
            file, status, item = self.decided.popleft()
            if isinstance(item, InputError):
                self.report.errors.append(item)
            elif isinstance(item, Article):
                self.writer.add(item, status)  # records a new path for a known article, nothing else
            else:
                with self.lock:
                    self.files[file].read = True
                self._finished(file)

    def take(self, item: Article | Unread | StageFailure, prepared: Prepared | None) -> None:
        """One outcome of a worker (:func:`read_and_process`), in input order."""
        if isinstance(item, Unread):
            self.report.errors.append(item.error())
        elif isinstance(item, StageFailure):
            self._failed(item)
        else:
            self.writer.add(item, "unchanged" if prepared is None else None, prepared)

    def _failed(self, failure: StageFailure) -> None:
        problem = f"processing failed in stage '{failure.stage}' ({failure.error})"
        self.report.errors.append(InputError(failure.article.path, problem, "Please report this as a bug."))
        self.report.statuses["failed"] += 1

    def save(self, result: Article | StageFailure) -> None:
        """Store one article the stages processed (in input order), or report its failure."""
        file = self.in_flight.popleft()
        if isinstance(result, StageFailure):
            self._failed(result)
        else:
            self.writer.add(result)
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
            self.writer.file_done(file)


def _same_file_stored(conn: Connection, article: Article) -> bool:
    """Whether another name stored for ``article`` is the same file as its path (the same item
    '#N' of it): the same input read under another spelling, not a copy."""
    file, _, item = article.path.partition("#")
    if not os.path.isfile(file):
        return False
    for other in paths_of(conn, article.id):
        other_file, _, other_item = other.partition("#")
        if other != article.path and other_item == item and os.path.isfile(other_file):
            try:
                if os.path.samefile(file, other_file):
                    return True
            except OSError:
                continue
    return False


def _named(shown_as: Mapping[str, str], file: str, item: Article | InputError) -> Article | InputError:
    """``item`` with its path under the name the input is shown as (an item keeps its '#N')."""
    shown = shown_as.get(file)
    if shown is None or not item.path.startswith(file):
        return item
    path = shown + item.path[len(file) :]
    if isinstance(item, InputError):
        return InputError(path, item.problem, item.hint, item.line)
    return dataclasses.replace(item, path=path)


class StoredVectors:
    """The runner's lookup of passage vectors already in the store (the embed stage's cache keys).

    Picklable: each process opens its own read connection to ``db`` on first use.
    """

    def __init__(self, db: str) -> None:
        self.db = db
        self._store: Store | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"db": self.db, "_store": None}

    def close(self) -> None:
        """Close this process's connection (a PostgreSQL database cannot be copied while it is open)."""
        if self._store is not None:
            self._store.close()
            self._store = None

    def __call__(self, stage: str, keys: Sequence[str]) -> Mapping[str, Any]:
        if stage != "embed" or not keys:
            return {}
        from newsloom.store.stories import get_embeddings

        if self._store is None:
            self._store = Store.open(self.db)
        with self._store.connect() as conn:
            return get_embeddings(conn, keys)


@contextmanager
def _writing(store: Store, report: RunReport, what: str) -> Iterator[Connection]:
    """One transaction after the articles (the re-clustering); a store failure (full disk,
    read-only, ...) says what the run committed before it."""
    try:
        with store.transaction() as conn:
            yield conn
    except StoreError as exc:
        kept = ", ".join(f"{n} {status}" for status, n in sorted(report.statuses.items()) if n) or "none"
        raise type(exc)(
            f"{exc} Nothing of {what} was stored. Before it, this run committed (each article whole): "
            f"{kept}; files read before it: {report.files}."
        ) from exc
