"""Language packs: everything newsloom knows about one language lives in ``lang/<iso>/``.

Adding a language is adding a folder with an ``__init__.py`` exporting ``PACK`` (and, as needed,
``time.py``, ``entities.py``, ``events.py`` each exporting ``RULES``). Any language without a
folder is handled by ``lang/generic``. The packs are found in this folder, never listed by hand:
a folder with extraction rules of its own makes its language first-class.
"""

from __future__ import annotations

import importlib
import importlib.util
from functools import cache
from types import ModuleType
from typing import Any

from newsloom.lang.base import LanguagePack

GENERIC = "generic"
#: The parts a pack may hold besides its ``PACK``; having one makes the language first-class.
RULE_PARTS = ("time", "entities", "events")


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


def first_class_languages() -> tuple[str, ...]:
    """Codes of the packs with extraction rules of their own (``lang/ms`` only tells Malay apart: not one).

    >>> {"vi", "en", "id"} <= set(first_class_languages()), "ms" in first_class_languages()
    (True, False)
    """
    return tuple(code for code in available_packs() if any(_has(code, part) for part in RULE_PARTS))


#: The languages with extraction rules of their own (first-class), found in this folder.
FIRST_CLASS = first_class_languages()


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
