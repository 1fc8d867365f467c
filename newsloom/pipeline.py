"""Stages, their registry, and the one runner: ``Pipeline.pipe`` for a loop, a process pool or a
Spark partition.

A stage is registered by name with what it reads (``requires``: Article attributes a stage before
it must fill) and what it sets (``assigns``). Registration gives a *factory*: called once per
pipeline with the :class:`~newsloom.settings.Settings`, it returns the built stage, a callable
``Article -> Article`` holding its models and lexicons (a plain function is its own factory). A
built stage may also offer ``pipe(articles) -> list[Article]``, a batch method with the same
result as calling it on each article, used where a batch is cheaper (one encoder call per batch).
A stage that can reuse stored results offers ``cache_keys(articles)`` and takes what the runner
found for those keys as ``pipe(articles, known=...)``.

Built stages hold no database handle and no process-wide mutable state: the same pipeline runs
in a loop, in the process pool of :meth:`Pipeline.pipe`, or in Spark's ``mapPartitions``
(``Pipeline.from_settings(settings).pipe(partition)``).
"""

from __future__ import annotations

import dataclasses
import os
import pickle
import queue
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, NoReturn, TypeVar, cast, overload

from newsloom.article import Article
from newsloom.cores import free_cores, limit_native_threads
from newsloom.errors import PipelineError
from newsloom.registry import (
    _ATTRIBUTE,
    _REGISTERED,
    DEFAULT_STAGES,
    PROVIDED_BY_READERS,
    Lookup,
    StageFailure,
    StageFunc,
    StageInfo,
    T,
    stage,
)

#: Re-exported: stages register with ``newsloom.registry.stage``; callers may keep importing these here.
__all__ = [
    "DEFAULT_STAGES",
    "Pipeline",
    "PoolStats",
    "StageFailure",
    "StageInfo",
    "batched",
    "builtin_stages",
    "free_cores",
    "registered_stages",
    "stage",
]

if TYPE_CHECKING:
    from newsloom.settings import Settings

R = TypeVar("R")


def builtin_stages() -> tuple[StageInfo, ...]:
    """The stages newsloom ships, imported explicitly, in pipeline order."""
    # imported here, not at the top: every stage module imports `stage` from this one
    from newsloom.entities.stage import add_entities
    from newsloom.events.stage import add_events
    from newsloom.langid import LanguageIdentifier
    from newsloom.sentences import add_sentences
    from newsloom.stories.stage import EmbedStage
    from newsloom.timex.stage import add_times

    objects: tuple[object, ...] = (LanguageIdentifier, add_sentences, add_entities, add_times, add_events,
                                   EmbedStage)  # fmt: skip
    infos = []
    for obj in objects:
        info = getattr(obj, _ATTRIBUTE, None)
        if not isinstance(info, StageInfo):
            raise PipelineError(f"{obj!r} is in the built-in stage list but is not registered with @stage.")
        infos.append(info)
    return tuple(infos)


def registered_stages() -> dict[str, StageInfo]:
    """Every stage by name: the built-in ones, then any registered with :func:`stage` since."""
    known = {info.name: info for info in builtin_stages()}
    known.update(_REGISTERED)
    return known


def default_stage_names() -> tuple[str, ...]:
    return DEFAULT_STAGES


class Pipeline:
    """An ordered, checked list of stages built from settings."""

    def __init__(
        self,
        names: Sequence[str] | None = None,
        settings: Settings | None = None,
        *,
        check_reads: bool = False,
    ) -> None:
        from newsloom.settings import load_settings

        self.settings = settings if settings is not None else load_settings()
        self.check_reads = check_reads
        self.stages = _checked_order(tuple(names) if names is not None else default_stage_names())
        self.components: tuple[StageFunc, ...] = tuple(info.factory(self.settings) for info in self.stages)
        #: What the last process-pool run moved and spent (None until one ran).
        self.pool_stats: PoolStats | None = None
        #: How pool workers start: "forkserver" forks them from a server that loaded the models once
        #: (``newsloom.preload``), so they share those pages; "spawn" loads them in each worker.
        self.start_method: str = "forkserver"

    @classmethod
    def from_settings(cls, settings: Settings, names: Sequence[str] | None = None) -> Pipeline:
        """Each stage built once from ``settings`` (models and lexicons loaded per stage instance)."""
        return cls(names, settings)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.stages)

    def get(self, name: str) -> StageFunc:
        """The built stage called ``name``."""
        for info, component in zip(self.stages, self.components, strict=True):
            if info.name == name:
                return component
        raise PipelineError(f"No stage '{name}' in this pipeline. Its stages: {', '.join(self.names)}.")

    def __call__(self, article: Article) -> Article:
        (result,) = self.run_batch([article])
        assert isinstance(result, Article)
        return result

    @overload
    def run_batch(
        self, articles: Sequence[Article], *, keep_failures: Literal[False] = ..., lookup: Lookup | None = ...
    ) -> list[Article]: ...

    @overload
    def run_batch(
        self, articles: Sequence[Article], *, keep_failures: bool, lookup: Lookup | None = ...
    ) -> list[Article | StageFailure]: ...

    def run_batch(
        self, articles: Sequence[Article], *, keep_failures: bool = False, lookup: Lookup | None = None
    ) -> list[Article] | list[Article | StageFailure]:
        """Every stage over ``articles``, stage by stage (batch methods where a stage has one).

        With ``keep_failures``, an article a stage fails on is replaced by a :class:`StageFailure`
        and the others go on; without, the error is raised.
        """
        results: list[Article | StageFailure] = list(articles)
        for info, component in zip(self.stages, self.components, strict=True):
            live = [i for i, r in enumerate(results) if isinstance(r, Article)]
            if not live:
                break
            batch = [r for r in results if isinstance(r, Article)]
            done = self._run_stage(info, component, batch, keep_failures, lookup)
            for index, result in zip(live, done, strict=True):
                results[index] = result
        return results

    def _run_stage(
        self,
        info: StageInfo,
        component: StageFunc,
        batch: list[Article],
        keep_failures: bool,
        lookup: Lookup | None,
    ) -> list[Article | StageFailure]:
        given = [_hide_undeclared(a, info) for a in batch] if self.check_reads else batch
        out: list[Article | StageFailure]
        try:
            out = list(apply_stage(info, component, given, lookup))
        except Exception as exc:
            if not keep_failures or len(batch) == 1:
                if keep_failures:
                    return [StageFailure(batch[0], info.name, f"{type(exc).__name__}: {exc}")]
                raise
            # find the article the batch failed on: the others go on
            out = []
            for article, original in zip(given, batch, strict=True):
                try:
                    out.extend(apply_stage(info, component, [article], lookup))
                except Exception as one:
                    out.append(StageFailure(original, info.name, f"{type(one).__name__}: {one}"))
        if self.check_reads:
            out = [_restore(o, a) if isinstance(o, Article) else o for o, a in zip(out, batch, strict=True)]
        return out

    @overload
    def pipe(
        self,
        articles: Iterable[Article],
        *,
        processes: int = ...,
        batch_size: int | None = ...,
        batch_seconds: float | None = ...,
        keep_failures: Literal[False] = ...,
        lookup: Lookup | None = ...,
    ) -> Iterator[Article]: ...

    @overload
    def pipe(
        self,
        articles: Iterable[Article],
        *,
        processes: int = ...,
        batch_size: int | None = ...,
        batch_seconds: float | None = ...,
        keep_failures: bool,
        lookup: Lookup | None = ...,
    ) -> Iterator[Article | StageFailure]: ...

    def pipe(
        self,
        articles: Iterable[Article],
        *,
        processes: int = 1,
        batch_size: int | None = None,
        batch_seconds: float | None = None,
        keep_failures: bool = False,
        lookup: Lookup | None = None,
    ) -> Iterator[Article] | Iterator[Article | StageFailure]:
        """Every stage over many articles, in input order: the one runner of the loop, the process
        pool (``processes > 1``) and a Spark partition.

        Articles are gathered into batches of ``batch_size`` (default: the settings'); a batch
        waits at most ``batch_seconds`` for more (so a live feed is not held back). ``lookup``
        gives stages with ``cache_keys`` what is already known (e.g. stored embeddings); with
        processes it must be picklable and is called in the workers.
        """
        size = max(1, batch_size or self.settings.batch_size)
        seconds = self.settings.batch_seconds if batch_seconds is None else batch_seconds
        batches = batched(articles, size, seconds)
        if processes <= 1:
            self._share_cores()
            return (
                r
                for batch in batches
                for r in self.run_batch(batch, keep_failures=keep_failures, lookup=lookup)
            )
        return self._pool(batches, processes, keep_failures, lookup)

    def _share_cores(self) -> None:
        """Before this process's first model loads: OpenMP threads for every encoder in it (the
        stage's and any other stage's) = ``encoder_threads``, else the cores free now, unless
        ``OMP_NUM_THREADS`` is set already. Two threads on busy cores run slower than one."""
        if "OMP_NUM_THREADS" not in os.environ:
            threads = self.settings.encoder_threads if self.settings.encoder_threads > 0 else free_cores()
            os.environ["OMP_NUM_THREADS"] = str(threads)

    def _pool(
        self, batches: Iterator[list[Article]], processes: int, keep_failures: bool, lookup: Lookup | None
    ) -> Iterator[Article | StageFailure]:
        """Batches in ``processes`` workers (:meth:`pool_map`)."""
        tasks = ((batch, keep_failures, lookup) for batch in batches if batch)
        for results in self.pool_map(tasks, _run_batch_task, processes):
            yield from results

    def pool_map(
        self, tasks: Iterable[Any], work: Callable[[Pipeline, Any], R], processes: int
    ) -> Iterator[R]:
        """``work(pipeline, task)`` for each task, in ``processes`` workers each holding this pipeline
        built once, results in task order. The workers are forked from a forkserver that loaded the
        models once (:attr:`start_method`; they share those pages), or spawned. At most two
        tasks per worker are in flight (memory stays bounded whatever the input's length). ``work``
        is a module-level function (pickled by name); tasks and results are pickled here, so
        :attr:`pool_stats` counts their bytes, and the workers' CPU and idle seconds come back
        beside each result. Encoder threads per worker: the settings', else the free cores shared
        out (processes x threads = cores)."""
        import multiprocessing

        settings = self.settings
        if settings.encoder_threads <= 0:
            settings = dataclasses.replace(settings, encoder_threads=max(1, free_cores() // processes))
        stats = self.pool_stats = PoolStats(processes=processes, encoder_threads=settings.encoder_threads)
        method = (
            self.start_method if self.start_method in multiprocessing.get_all_start_methods() else "spawn"
        )
        stats.start_method = method
        context = multiprocessing.get_context(method)
        if method == "forkserver":  # only read when the forkserver starts: the first pool of this process
            context.set_forkserver_preload([FORKSERVER_PRELOAD])
            os.environ[WARM_STAGES_VARIABLE] = ",".join(self.names)  # the server warms this run's stages only
        with context.Pool(
            processes, initializer=_init_worker, initargs=(self.names, settings, self.check_reads)
        ) as pool:
            pending: deque[Any] = deque()

            def take() -> R:
                blob, cpu, idle, start_cpu = pending.popleft().get()
                stats.add_result(len(blob), cpu, idle, start_cpu)
                return cast(R, pickle.loads(blob))

            for task in tasks:
                blob = pickle.dumps((work, task), pickle.HIGHEST_PROTOCOL)
                stats.tasks += 1
                stats.bytes_sent += len(blob)
                pending.append(pool.apply_async(_run_task, (blob,)))
                while pending and (len(pending) >= 2 * processes or pending[0].ready()):
                    yield take()
            while pending:
                yield take()


@dataclass
class PoolStats:
    """What a process-pool run moved and spent beside the main process: the bytes pickled each way,
    the workers' CPU seconds in tasks and at start-up (imports, models), and the seconds they sat
    idle between tasks waiting for the main process (the main process's serial share shows there)."""

    processes: int = 0
    encoder_threads: int = 0
    start_method: str = ""
    tasks: int = 0
    bytes_sent: int = 0
    bytes_received: int = 0
    worker_cpu: float = 0.0
    worker_idle: float = 0.0
    worker_start_cpu: float = 0.0

    def add_result(self, size: int, cpu: float, idle: float, start_cpu: float) -> None:
        self.bytes_received += size
        self.worker_cpu += cpu
        self.worker_idle += idle
        self.worker_start_cpu += start_cpu


def _checked_order(chosen: tuple[str, ...]) -> tuple[StageInfo, ...]:
    registry = registered_stages()
    available: set[str] = set(PROVIDED_BY_READERS)
    providers = {attr: info.name for info in registry.values() for attr in info.assigns}
    infos: list[StageInfo] = []
    for name in chosen:
        if name not in registry:
            raise PipelineError(
                f"No stage '{name}' is registered. Available stages: {', '.join(sorted(registry))}."
            )
        info = registry[name]
        missing = [attr for attr in info.requires if attr not in available]
        if missing:
            needed = ", ".join(f"'{m}' (set by stage '{providers.get(m, '?')}')" for m in missing)
            raise PipelineError(f"Stage '{name}' needs {needed}; put that stage before '{name}'.")
        available.update(info.assigns)
        infos.append(info)
    return tuple(infos)


def apply_stage(
    info: StageInfo, component: StageFunc, batch: list[Article], lookup: Lookup | None
) -> list[Article]:
    """One stage over a batch: its batch method if it has one, else article by article."""
    keys = getattr(component, "cache_keys", None)
    batch_method = getattr(component, "pipe", None)
    if lookup is not None and keys is not None and batch_method is not None:
        out = list(batch_method(batch, known=lookup(info.name, keys(batch))))
    elif batch_method is not None:
        out = list(batch_method(batch))
    else:
        out = [component(article) for article in batch]
    if len(out) != len(batch):
        raise PipelineError(f"Stage '{info.name}' returned {len(out)} articles for a batch of {len(batch)}.")
    return [_recorded(info.name, result) for result in out]


def _recorded(name: str, result: object) -> Article:
    if not isinstance(result, Article):
        raise PipelineError(
            f"Stage '{name}' returned {type(result).__name__}, not an Article; "
            "a stage must return the (updated) Article it was given."
        )
    return dataclasses.replace(result, stages=(*result.stages, name))


# -- checking what a stage reads -----------------------------------------------------------------

#: Article attributes set by stages (the rest come from the reader and are always there).
STAGE_ATTRIBUTES = (
    "language",
    "language_confidence",
    "sentences",
    "entities",
    "times",
    "events",
    "sentence_vectors",
    "embedding",
)


class Undeclared:
    """Stands for an attribute a stage did not declare in ``requires``: any use of it fails, naming it."""

    __slots__ = ("stage", "attribute")

    def __init__(self, stage: str, attribute: str) -> None:
        self.stage = stage
        self.attribute = attribute

    def _fail(self, *_: object) -> NoReturn:
        raise PipelineError(
            f"Stage '{self.stage}' reads Article.{self.attribute} but does not declare it in requires; "
            f"add '{self.attribute}' to its requires (and put the stage setting it before it)."
        )

    __bool__ = __len__ = __iter__ = __getitem__ = __contains__ = __hash__ = _fail
    __eq__ = __lt__ = __gt__ = __le__ = __ge__ = __add__ = __str__ = __format__ = _fail  # type: ignore[assignment]

    def __getattr__(self, _name: str) -> NoReturn:
        self._fail()

    def __repr__(self) -> str:
        return f"<undeclared {self.stage}:{self.attribute}>"


def _hide_undeclared(article: Article, info: StageInfo) -> Article:
    hidden = {
        attr: Undeclared(info.name, attr)
        for attr in STAGE_ATTRIBUTES
        if attr not in info.requires and attr not in info.assigns and not _rides_along(attr, info)
    }
    return dataclasses.replace(article, **hidden)  # type: ignore[arg-type]


def _rides_along(attr: str, info: StageInfo) -> bool:
    """``language_confidence`` goes with ``language``: a stage reading one may read the other."""
    return attr == "language_confidence" and ("language" in info.requires or "language" in info.assigns)


def _restore(result: Article, given: Article) -> Article:
    """Put back what was hidden (a stage passes attributes it does not touch through unchanged)."""
    back = {
        attr: getattr(given, attr)
        for attr in STAGE_ATTRIBUTES
        if isinstance(getattr(result, attr), Undeclared)
    }
    return dataclasses.replace(result, **back) if back else result


# -- batching ------------------------------------------------------------------------------------


def batched(items: Iterable[T], size: int, seconds: float | None = None) -> Iterator[list[T]]:
    """Lists of up to ``size`` items. With ``seconds``, an iterator is read in a helper thread and
    a batch is handed on once its first item has waited that long, full or not; an empty list
    marks a wait with nothing new (the caller may hand on finished work meanwhile)."""
    if seconds is None or seconds <= 0 or isinstance(items, Sequence):
        batch: list[T] = []
        for item in items:
            batch.append(item)
            if len(batch) >= size:
                yield batch
                batch = []
        if batch:
            yield batch
        return
    yield from _timed_batches(iter(items), size, seconds)


_END = object()


def _timed_batches(items: Iterator[T], size: int, seconds: float) -> Iterator[list[T]]:
    feed: queue.Queue[Any] = queue.Queue(maxsize=2 * size)
    stop = threading.Event()

    def read() -> None:
        try:
            for item in items:
                while not stop.is_set():
                    try:
                        feed.put(item, timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            feed.put(_END)
        except BaseException as exc:  # handed to the consumer, raised there
            feed.put(_Raised(exc))

    reader = threading.Thread(target=read, name="newsloom-batch-reader", daemon=True)
    reader.start()
    try:
        batch: list[T] = []
        deadline = 0.0
        while True:
            timeout = seconds if not batch else max(0.0, deadline - time.monotonic())
            try:
                item = feed.get(timeout=timeout)
            except queue.Empty:
                yield batch
                batch = []
                continue
            if item is _END:
                break
            if isinstance(item, _Raised):
                raise item.error
            if not batch:
                deadline = time.monotonic() + seconds
            batch.append(item)
            if len(batch) >= size:
                yield batch
                batch = []
        if batch:
            yield batch
    finally:
        stop.set()


@dataclass(frozen=True, slots=True)
class _Raised:
    error: BaseException


# -- process-pool workers: the pipeline built once per worker ------------------------------------
_WORKER: list[Pipeline] = []
#: This worker's clock: [when its last task ended (wall), its CPU seconds of start-up not reported yet].
_WORKER_CLOCK: list[float] = [0.0, 0.0]


#: The module a forkserver imports first: it loads the models its workers share (``newsloom.preload``).
FORKSERVER_PRELOAD = "newsloom.forkserver_warm"
#: Set by :meth:`Pipeline.pool_map` before its forkserver starts: the stages of the run, comma-separated.
#: The warm-up (``newsloom.preload.warm_stages``) loads their models only; a later pool with other
#: stages loads the rest in its workers.
WARM_STAGES_VARIABLE = "NEWSLOOM_WARM_STAGES"


def _init_worker(names: tuple[str, ...], settings: Settings, check_reads: bool) -> None:
    if (
        settings.encoder_threads > 0
    ):  # every native pool in the worker (any encoder, BLAS, lingua) gets its share
        limit_native_threads(settings.encoder_threads)
    _WORKER[:] = [Pipeline(names, settings, check_reads=check_reads)]
    _WORKER_CLOCK[:] = [time.perf_counter(), time.process_time()]


def _run_task(blob: bytes) -> tuple[bytes, float, float, float]:
    """One task in a worker: (its pickled result, CPU seconds, seconds idle before it, start-up CPU
    seconds if not reported yet)."""
    started, cpu = time.perf_counter(), time.process_time()
    idle, start_cpu = started - _WORKER_CLOCK[0], _WORKER_CLOCK[1]
    work, task = pickle.loads(blob)
    result = pickle.dumps(work(_WORKER[0], task), pickle.HIGHEST_PROTOCOL)
    _WORKER_CLOCK[:] = [time.perf_counter(), 0.0]
    return result, time.process_time() - cpu, idle, start_cpu


def _run_batch_task(
    pipeline: Pipeline, task: tuple[list[Article], bool, Lookup | None]
) -> list[Article | StageFailure]:
    batch, keep_failures, lookup = task
    return pipeline.run_batch(batch, keep_failures=keep_failures, lookup=lookup)
