"""Turn the pipeline's frozen dataclasses into plain JSON data and back.

One generic mechanism (driven by type hints) so every result type shares one stable JSON shape
with the exports, and a new field needs no hand-written (de)serialiser.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar, Union, get_args, get_origin

T = TypeVar("T")


def to_dict(obj: Any) -> Any:
    """Plain-data view of a dataclass (tuples become lists, nested dataclasses dicts)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {
            f.name: to_dict(getattr(obj, f.name))
            for f in dataclasses.fields(obj)
            if f.metadata.get("serialize", True)
        }
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): to_dict(v) for k, v in obj.items()}
    return obj


@cache
def _hints(cls: type) -> dict[str, Any]:
    module = __import__(cls.__module__, fromlist=["_"])
    return typing.get_type_hints(cls, vars(module))


def _convert(tp: Any, value: Any) -> Any:
    """``value`` (plain data) as type ``tp``."""
    return _converter(tp)(value)


def _same(value: Any) -> Any:
    return value


@cache
def _converter(tp: Any) -> Callable[[Any], Any]:
    """The function that turns plain data into ``tp``, worked out once per type: the store reads
    every event and article through here (the type inspection per value was most of its CPU)."""
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(tp) if a is not type(None)]
        classes = [o for o in options if isinstance(o, type) and dataclasses.is_dataclass(o)]
        single = _converter(options[0]) if len(options) == 1 else _same
        if not classes and single is _same:
            return _same
        first_class = classes[0] if classes else None

        def union(value: Any) -> Any:
            if value is None:
                return None
            if first_class is not None and isinstance(value, dict):
                return from_dict(first_class, value)
            return single(value)

        return union
    if origin is tuple or origin is list:
        args = get_args(tp)
        item = _converter(args[0] if args else Any)
        made = tuple if origin is tuple else list

        def sequence(value: Any) -> Any:
            if value is None:
                return None
            return made(value) if item is _same else made([item(v) for v in value])

        return sequence
    if origin is dict:
        _, vt = get_args(tp) or (Any, Any)
        of = _converter(vt)

        def mapping(value: Any) -> Any:
            if value is None:
                return None
            return {k: of(v) for k, v in value.items()}

        return mapping
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        cls = tp

        def dataclass(value: Any) -> Any:
            return from_dict(cls, value) if isinstance(value, dict) else value

        return dataclass
    return _same


@cache
def _fields(cls: type) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    hints = _hints(cls)
    return tuple((f.name, _converter(hints[f.name])) for f in dataclasses.fields(cls))


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a dataclass written by :func:`to_dict`; unknown keys are ignored (older/newer stores)."""
    kwargs = {}
    for name, convert in _fields(cls):  # type: ignore[arg-type]
        if name in data:
            value = data[name]
            kwargs[name] = value if convert is _same or value is None else convert(value)
    return cls(**kwargs)
