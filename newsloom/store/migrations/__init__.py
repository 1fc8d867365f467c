"""Schema steps, one module each (``m0001_articles.py``, ...), applied in order and recorded once."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

import newsloom.store.migrations as _pkg


def discover() -> list[ModuleType]:
    """Every migration module, ordered by its VERSION."""
    modules = [
        importlib.import_module(f"{_pkg.__name__}.{info.name}")
        for info in pkgutil.iter_modules(_pkg.__path__)
        if info.name.startswith("m") and info.name[1:5].isdigit()
    ]
    modules.sort(key=lambda m: m.VERSION)
    versions = [m.VERSION for m in modules]
    if len(set(versions)) != len(versions):
        raise RuntimeError(f"Two migrations share a VERSION: {versions}")
    return modules
