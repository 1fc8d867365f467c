"""Stage registry and runner.

A stage is a pure callable ``Article -> Article`` registered by name with what it needs
(``requires``: Article attributes that must be filled) and what it sets (``assigns``). The runner
checks the order when a pipeline is built and fails with a named error when a stage misbehaves.
Stages hold no database handle and no global mutable state, so the same pipeline runs in a loop,
in a process pool, or in Spark's ``mapPartitions``.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from newsloom.article import Article
from newsloom.errors import PipelineError

StageFunc = Callable[[Article], Article]

#: What a reader fills before any stage runs.
PROVIDED_BY_READERS = ("id", "path", "text", "metadata", "boilerplate", "raw", "fmt")

#: Modules that register stages, in pipeline order; a module not (yet) present is skipped.
STAGE_MODULES = (
    "newsloom.langid",
    "newsloom.sentences",
    "newsloom.entities.stage",
    "newsloom.timex.stage",
    "newsloom.events.stage",
    "newsloom.stories.stage",
)

#: The default order of stages; names not registered are left out.
DEFAULT_STAGES = ("language", "sentences", "entities", "times", "events", "embed")


@dataclass(frozen=True, slots=True)
class StageInfo:
    name: str
    func: StageFunc
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


_REGISTRY: dict[str, StageInfo] = {}


def stage(
    name: str, *, requires: Sequence[str] = (), assigns: Sequence[str] = ()
) -> Callable[[StageFunc], StageFunc]:
    """Register ``func`` as the stage ``name``."""

    def register(func: StageFunc) -> StageFunc:
        _REGISTRY[name] = StageInfo(name, func, tuple(requires), tuple(assigns))
        return func

    return register


def load_stage_modules() -> None:
    """Import every module that registers stages (idempotent)."""
    for module in STAGE_MODULES:
        if importlib.util.find_spec(module) is not None:
            importlib.import_module(module)


def registered_stages() -> dict[str, StageInfo]:
    load_stage_modules()
    return dict(_REGISTRY)


def default_stage_names() -> tuple[str, ...]:
    registry = registered_stages()
    return tuple(name for name in DEFAULT_STAGES if name in registry)


class Pipeline:
    """An ordered, checked list of stages."""

    def __init__(self, names: Sequence[str] | None = None) -> None:
        registry = registered_stages()
        chosen = tuple(names) if names is not None else default_stage_names()
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
        self.stages: tuple[StageInfo, ...] = tuple(infos)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.stages)

    def __call__(self, article: Article) -> Article:
        for info in self.stages:
            result = info.func(article)
            if not isinstance(result, Article):
                raise PipelineError(
                    f"Stage '{info.name}' returned {type(result).__name__}, not an Article; "
                    "a stage must return the (updated) Article it was given."
                )
            article = replace(result, stages=(*result.stages, info.name))
        return article

    def pipe(self, articles: Iterable[Article], processes: int = 1, chunksize: int = 8) -> Iterator[Article]:
        """Run over many articles, in order; ``processes > 1`` uses a process pool."""
        if processes <= 1:
            for article in articles:
                yield self(article)
            return
        import multiprocessing

        with multiprocessing.get_context("spawn").Pool(
            processes, initializer=_init_worker, initargs=(self.names,)
        ) as pool:
            yield from pool.imap(_run_in_worker, articles, chunksize=chunksize)


_WORKER_PIPELINE: Pipeline | None = None


def _init_worker(names: tuple[str, ...]) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = Pipeline(names)


def _run_in_worker(article: Article) -> Article:
    assert _WORKER_PIPELINE is not None
    return _WORKER_PIPELINE(article)
