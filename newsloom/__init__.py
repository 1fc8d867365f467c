"""newsloom: news in many languages turned into one cross-lingual record of events, entities and stories.

>>> import newsloom
>>> newsloom.analyze("Kemarin Menteri Luar Negeri bertemu dengan Sekjen PBB di Jakarta.", published="2025-10-22").language
'id'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from newsloom.api import analyze, analyze_many, extract_events
    from newsloom.article import Article
    from newsloom.timex.resolve import resolve_times

_LAZY = {
    "analyze": "newsloom.api",
    "analyze_many": "newsloom.api",
    "extract_events": "newsloom.api",
    "Article": "newsloom.article",
    "resolve_times": "newsloom.timex.resolve",
}

__all__ = ["Article", "analyze", "analyze_many", "extract_events", "resolve_times"]


def __getattr__(name: str) -> Any:
    """Import the public functions on first use, so `import newsloom` stays fast."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'newsloom' has no attribute {name!r}")
