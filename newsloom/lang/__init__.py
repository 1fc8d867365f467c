"""Language packs: everything newsloom knows about one language lives in ``lang/<iso>/``.

Adding a language is adding a folder with an ``__init__.py`` exporting ``PACK`` (and, as needed,
``time.py``, ``entities.py``, ``events.py`` each exporting ``RULES``). Any language without a
folder is handled by ``lang/generic``.
"""

from __future__ import annotations

import importlib
import importlib.util
from functools import cache
from types import ModuleType
from typing import Any

from newsloom.lang.base import LanguagePack

#: The languages with a pack of their own (first-class).
FIRST_CLASS = ("vi", "en", "id")
GENERIC = "generic"


def _module_name(code: str, part: str | None = None) -> str:
    base = f"newsloom.lang.{code}"
    return f"{base}.{part}" if part else base


def _has(code: str, part: str | None = None) -> bool:
    if not code.isidentifier():
        return False
    try:
        return importlib.util.find_spec(_module_name(code, part)) is not None
    except ModuleNotFoundError:
        return False


@cache
def get_pack(code: str | None) -> LanguagePack:
    """The pack for ``code`` (ISO 639-1), or the generic pack."""
    name = code if code and _has(code) else GENERIC
    pack: LanguagePack = importlib.import_module(_module_name(name)).PACK
    return pack


@cache
def load_part(code: str | None, part: str) -> Any:
    """``RULES`` of ``lang/<code>/<part>.py``, else of ``lang/generic/<part>.py``."""
    module: ModuleType
    if code and _has(code, part):
        module = importlib.import_module(_module_name(code, part))
    else:
        module = importlib.import_module(_module_name(GENERIC, part))
    return module.RULES


def available_packs() -> tuple[str, ...]:
    """Codes of every language with a pack of its own."""
    import pkgutil

    import newsloom.lang as lang

    return tuple(sorted(m.name for m in pkgutil.iter_modules(lang.__path__) if m.ispkg and m.name != GENERIC))


@cache
def boilerplate_patterns() -> dict[str, tuple[Any, ...]]:
    """Every pack's boilerplate line patterns by kind: a caption is a caption in any language."""
    merged: dict[str, list[Any]] = {}
    for code in (*available_packs(), GENERIC):
        for kind, patterns in get_pack(code).boilerplate.items():
            merged.setdefault(kind, []).extend(patterns)
    return {kind: tuple(patterns) for kind, patterns in merged.items()}


@cache
def all_sections() -> frozenset[str]:
    """Section words of every pack, case-folded."""
    return frozenset(word.casefold() for code in available_packs() for word in get_pack(code).sections)
