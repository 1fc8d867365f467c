"""The interface's own language: English, Vietnamese and Indonesian, its words kept as data.

``{en,vi,id}.json`` map a key ("nav.timeline") to its text; a text may hold ``{name}`` fields, and
an English text that varies with a count is ``{"one": ..., "other": ...}`` (Vietnamese and
Indonesian do not inflect for number). Templates call one helper, ``t(key, **fields)``. The page's
language is ``?lang=xx`` (remembered in a cookie), else the cookie, else the browser's
Accept-Language, else English.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from functools import cache
from importlib import resources
from typing import Any

#: The interface languages, the first the default.
UI_LANGUAGES = ("en", "vi", "id")
DEFAULT_LANGUAGE = UI_LANGUAGES[0]
COOKIE = "newsloom_lang"
#: A year: the choice is a preference, not a session.
COOKIE_SECONDS = 365 * 24 * 3600

Translate = Callable[..., str]


@cache
def messages(language: str) -> dict[str, Any]:
    """The key -> text table of a UI language (packaged JSON)."""
    text = (resources.files("newsloom.serve.i18n") / f"{language}.json").read_text(encoding="utf-8")
    return dict(json.loads(text))


def _text(value: Any, fields: Mapping[str, Any]) -> str:
    if isinstance(value, dict):
        value = value["one"] if fields.get("n") == 1 else value["other"]
    return str(value).format(**fields) if fields else str(value)


@cache
def translator(language: str) -> Translate:
    """``t(key, **fields)`` for a UI language; a key it lacks is taken from English, then shown as is."""
    own = messages(language if language in UI_LANGUAGES else DEFAULT_LANGUAGE)
    english = messages(DEFAULT_LANGUAGE)

    def t(key: str, /, **fields: Any) -> str:  # positional: a field may itself be called "key"
        value = own.get(key, english.get(key))
        return key if value is None else _text(value, fields)

    return t


def from_accept_language(header: str | None) -> str | None:
    """The UI language the browser prefers most ("vi-VN,vi;q=0.9,en;q=0.8" -> "vi"), if any is offered."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate((header or "").split(",")):
        code, _, params = part.strip().partition(";")
        weight = 1.0
        if params.strip().startswith("q="):
            try:
                weight = float(params.strip()[2:])
            except ValueError:
                weight = 0.0
        base = code.strip().lower().split("-")[0]
        if base in UI_LANGUAGES and weight > 0:
            ranked.append((-weight, position, base))
    return min(ranked)[2] if ranked else None


def choose_language(asked: str | None, cookie: str | None, accept_language: str | None) -> str:
    """The page's language: asked (``?lang=``), else the cookie, else Accept-Language, else English."""
    for candidate in (asked, cookie):
        if candidate and candidate.lower() in UI_LANGUAGES:
            return candidate.lower()
    return from_accept_language(accept_language) or DEFAULT_LANGUAGE
