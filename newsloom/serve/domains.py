"""The domain query functions the routes call, found lazily so a domain not installed yet is a 501.

Routes never hold domain logic: they call ``newsloom.entities.queries``, ``newsloom.events.queries``,
``newsloom.stories.queries`` and ``newsloom.compare`` through :func:`call`, which also refuses a
filter the domain function does not take (501) instead of silently ignoring it.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
from collections.abc import Callable
from functools import cache
from types import ModuleType
from typing import Any

from newsloom.serve.errors import ApiError

#: domain -> the module holding its query functions.
DOMAIN_MODULES = {
    "entities": "newsloom.entities.queries",
    "events": "newsloom.events.queries",
    "stories": "newsloom.stories.queries",
    "compare": "newsloom.compare",
}


@cache
def _module(name: str) -> ModuleType | None:
    path = DOMAIN_MODULES[name]
    try:
        if importlib.util.find_spec(path) is None:
            return None
    except ModuleNotFoundError:
        return None
    return importlib.import_module(path)


def available(domain: str, function: str | None = None) -> bool:
    """True when the domain's module (and the function, if named) exists in this installation."""
    module = _module(domain)
    return module is not None and (function is None or callable(getattr(module, function, None)))


def function(domain: str, name: str) -> Callable[..., Any]:
    """The domain function ``name``, or a 501 that says what is missing."""
    module = _module(domain)
    if module is None:
        raise ApiError(
            501, f"The {domain} part of newsloom is not available in this installation (no module "
            f"{DOMAIN_MODULES[domain]}).",
        )  # fmt: skip
    func = getattr(module, name, None)
    if not callable(func):
        raise ApiError(501, f"{DOMAIN_MODULES[domain]}.{name}() is not available in this installation.")
    return func


def call(domain: str, name: str, *args: Any, **filters: Any) -> Any:
    """Call a domain function with the filters that are set; a filter it does not take is a 501."""
    func = function(domain, name)
    parameters = _parameters(func)
    accepts_any = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values())
    given = {key: value for key, value in filters.items() if value is not None}
    unknown = [key for key in given if key not in parameters and not accepts_any]
    if unknown:
        raise ApiError(
            501, f"Filtering by {', '.join(unknown)} is not supported by {DOMAIN_MODULES[domain]}.{name}() "
            "in this installation.",
        )  # fmt: skip
    return func(*args, **given)


def key_for(domain: str, name: str, raw: str) -> Any:
    """An id from the URL converted to what the domain function takes (int ids stay ints)."""
    func = function(domain, name)
    params = list(_parameters(func).values())
    annotation = params[1].annotation if len(params) > 1 else str
    if annotation in (int, "int"):
        from newsloom.serve.security import parse_int_id

        return parse_int_id(raw)
    return raw


@cache
def _parameters(func: Callable[..., Any]) -> dict[str, inspect.Parameter]:
    return dict(inspect.signature(func).parameters)
