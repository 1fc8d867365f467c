"""The stage registry: ``@stage(name, requires, assigns)`` and what it records.

Apart from :mod:`newsloom.pipeline` so that stage modules can register themselves without importing
the runner that imports them (no import cycle): the pipeline imports the stages, the stages import this.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from newsloom.article import Article

if TYPE_CHECKING:
    from newsloom.settings import Settings

StageFunc = Callable[[Article], Article]
StageFactory = Callable[["Settings"], StageFunc]
#: What the runner knows already for a stage: ``lookup(stage name, keys) -> {key: value}``.
Lookup = Callable[[str, Sequence[str]], Mapping[str, Any]]
T = TypeVar("T")

#: What a reader fills before any stage runs.
PROVIDED_BY_READERS = ("id", "path", "text", "metadata", "boilerplate", "raw", "fmt")

#: The default order of stages (every one is built in: see :func:`builtin_stages`).
DEFAULT_STAGES = ("language", "sentences", "entities", "times", "events", "embed")


@dataclass(frozen=True, slots=True)
class StageInfo:
    """A registered stage: its name, the object registered (function or class), how to build it."""

    name: str
    registered: Any  # the registered function (its own stage) or class (built from settings)
    factory: StageFactory
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    @property
    def func(self) -> StageFunc:
        """The stage as a callable: a function stage itself, else one built once from the default
        settings (for callers written before stages were built from settings; prefer a Pipeline)."""
        return _default_built(self)


@dataclass(frozen=True, slots=True)
class StageFailure:
    """An article a stage failed on (``Pipeline.pipe(..., keep_failures=True)`` yields it in its place)."""

    article: Article
    stage: str
    error: str


_ATTRIBUTE = "__newsloom_stage__"
#: Stages registered with :func:`stage` (the built-in ones and any a test or plugin adds).
_REGISTERED: dict[str, StageInfo] = {}


def stage(
    name: str,
    *,
    requires: Sequence[str] = (),
    assigns: Sequence[str] = (),
    factory: StageFactory | None = None,
) -> Callable[[T], T]:
    """Register a stage: a function ``Article -> Article`` (its own stage), or a class built as
    ``cls(settings)``, or anything with an explicit ``factory(settings)``."""

    def register(obj: T) -> T:
        build: StageFactory
        if factory is not None:
            build = factory
        elif isinstance(obj, type):
            build = obj
        else:
            build = _Constant(obj)  # type: ignore[arg-type]
        info = StageInfo(name, obj, build, tuple(requires), tuple(assigns))
        _REGISTERED[name] = info
        setattr(obj, _ATTRIBUTE, info)
        return obj

    return register


@cache
def _default_built(info: StageInfo) -> StageFunc:
    from newsloom.settings import Settings

    return info.factory(Settings())


@dataclass(frozen=True, slots=True)
class _Constant:
    """The factory of a plain function stage: the function itself, whatever the settings."""

    func: StageFunc

    def __call__(self, _settings: Settings) -> StageFunc:
        return self.func
