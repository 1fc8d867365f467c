"""Turn the pipeline's frozen dataclasses into plain JSON data and back.

One generic mechanism (driven by type hints) so every result type shares one stable JSON shape
with the exports, and a new field needs no hand-written (de)serialiser.
"""

from __future__ import annotations

import dataclasses
import types
import typing
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
    if value is None:
        return None
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(tp) if a is not type(None)]
        for option in options:
            if isinstance(option, type) and dataclasses.is_dataclass(option) and isinstance(value, dict):
                return from_dict(option, value)
        return _convert(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        args = get_args(tp)
        item = args[0] if args else Any
        return tuple(_convert(item, v) for v in value)
    if origin is list:
        (item,) = get_args(tp) or (Any,)
        return [_convert(item, v) for v in value]
    if origin is dict:
        _, vt = get_args(tp) or (Any, Any)
        return {k: _convert(vt, v) for k, v in value.items()}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp) and isinstance(value, dict):
        return from_dict(tp, value)
    return value


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a dataclass written by :func:`to_dict`; unknown keys are ignored (older/newer stores)."""
    hints = _hints(cls)  # type: ignore[arg-type]
    kwargs = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name])
    return cls(**kwargs)
