"""The library API: analyze one text, or a stream of texts, in memory, with no store.

>>> import newsloom
>>> article = newsloom.analyze("Chiều 21/10, Phó Thủ tướng Bùi Thanh Sơn tiếp bà Ghada Waly tại Hà Nội.",
...                            published="2025-10-22")
>>> article.language, article.published
('vi', '2025-10-22')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from functools import cache
from typing import Any

from newsloom.article import Article
from newsloom.events.types import Event
from newsloom.ingest.metadata import normalise_date
from newsloom.pipeline import Pipeline
from newsloom.settings import DEFAULT_LANGUAGES

#: Longest article text (after reading HTML) one ``analyze`` call takes: a long feature is ~30,000.
MAX_ANALYZE_CHARS = 100_000
PUBLISHED_FORMATS = "a datetime.date, a datetime.datetime, or an ISO string such as '2025-10-21' or '2025-10-21T14:30:00+07:00'"


def supported_languages() -> tuple[str, ...]:
    """Language codes ``lang=`` accepts: the first-class packs and every candidate of identification."""
    from newsloom.lang import available_packs

    return tuple(sorted(set(available_packs()) | set(DEFAULT_LANGUAGES)))


#: Halves of a UTF-16 pair standing alone: not text (lingua and UTF-8 refuse them).
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def check_text(text: object, name: str = "text") -> str:
    if isinstance(text, (bytes, bytearray)):
        raise TypeError(f"{name} is bytes; decode it first, e.g. {name}.decode('utf-8').")
    if not isinstance(text, str):
        raise TypeError(f"{name} must be a str, not {type(text).__name__}.")
    if surrogate := _LONE_SURROGATE.search(text):
        raise ValueError(
            f"{name} holds a lone surrogate (U+{ord(surrogate.group()):04X}) at position {surrogate.start()}, "
            "which is not valid Unicode text. Decode the source with errors='replace', or remove it."
        )
    return text


def check_lang(lang: object) -> str | None:
    if lang is None:
        return None
    if not isinstance(lang, str) or lang.lower() not in supported_languages():
        raise ValueError(
            f"lang={lang!r} is not supported. Use None (detect) or one of: {', '.join(supported_languages())}."
        )
    return lang.lower()


def check_published(published: object) -> str | None:
    if published is None:
        return None
    if not isinstance(published, (str, date, datetime)):
        raise TypeError(f"published must be {PUBLISHED_FORMATS}; got {type(published).__name__}.")
    value = normalise_date(published)
    if value is None:
        raise ValueError(f"published={published!r} is not a date. Give {PUBLISHED_FORMATS}.")
    return value


@cache
def _pipeline(disable: frozenset[str] = frozenset()) -> Pipeline:
    from newsloom.pipeline import default_stage_names

    names = default_stage_names()
    unknown = disable - set(names)
    if unknown:
        raise ValueError(f"disable={sorted(unknown)} names no stage; the stages are: {', '.join(names)}.")
    return Pipeline([n for n in names if n not in disable])


def _read(text: str) -> Article:
    """The text (or HTML page) read as the readers read a file; what they refuse is a ValueError."""
    from newsloom.errors import InputError
    from newsloom.ingest.sniff import sniff

    try:
        if sniff(text) == "html":
            from newsloom.ingest.html import parse_html

            return parse_html(text, "<memory>")
        from newsloom.ingest.text import parse_text

        return parse_text(text, "<memory>", fmt="memory")
    except InputError as exc:  # e.g. an HTML page with no article text
        raise ValueError(f"text: {exc.problem}. {exc.hint}") from exc
    except Exception as exc:  # a library's failure on odd input: still the documented error
        raise ValueError(f"text could not be read ({type(exc).__name__}: {str(exc)[:200]}).") from exc


def _article(
    text: str, lang: str | None, published: str | None, url: str | None, title: str | None
) -> Article:
    article = _read(text)
    for name, value in (("published", published), ("source_url", url), ("title", title), ("language", lang)):
        if value:
            article = article.with_meta(name, value, "argument", 1.0)
    return article


def analyze(
    text: str,
    *,
    lang: str | None = None,
    published: str | date | datetime | None = None,
    url: str | None = None,
    title: str | None = None,
    disable: Iterable[str] = (),
) -> Article:
    """Run every per-article stage on ``text`` in memory and return the Article (nothing is stored).

    ``disable`` leaves stages out by name (e.g. ``["embed"]`` when no vector is needed).

    >>> a = analyze("HÀ NỘI — The minister met the delegation on Tuesday.", lang="en", published="2025-10-21")
    >>> a.language, a.meta("dateline")
    ('en', 'HÀ NỘI')
    """
    text = check_text(text)
    lang = check_lang(lang)
    published_iso = check_published(published)
    if not text.strip():
        return Article(id="", path="<memory>", text="", fmt="memory", language=lang)
    article = _article(text, lang, published_iso, url, title)
    if len(article.text) > MAX_ANALYZE_CHARS:
        raise ValueError(
            f"text holds {len(article.text):,} characters of article text, over the {MAX_ANALYZE_CHARS:,} "
            "analyze takes at once (the per-sentence stages cost about a millisecond a character). Split "
            "it into its articles, or raise newsloom.api.MAX_ANALYZE_CHARS."
        )
    return _pipeline(frozenset(disable))(article)


def analyze_many(
    texts_or_dicts: Iterable[str | Mapping[str, Any]],
    *,
    lang: str | None = None,
    progress: bool = False,
    disable: Iterable[str] = (),
) -> Iterator[Article]:
    """:func:`analyze` over a stream, lazily and in order; models and lexicons load once.

    Each item is a text, or a dict with ``text`` and optionally ``title``, ``url``, ``published``, ``lang``.

    >>> [a.language for a in analyze_many(["Pagi ini menteri bertemu dengan delegasi dari Vietnam.",
    ...                                     {"text": "The minister met the delegation.", "lang": "en"}])]
    ['id', 'en']
    """
    default_lang = check_lang(lang)
    items: Iterable[str | Mapping[str, Any]] = texts_or_dicts
    if progress:
        from rich.progress import track

        items = track(list(texts_or_dicts), description="analyze")
    for number, item in enumerate(items):
        if isinstance(item, Mapping):
            if "text" not in item:
                raise ValueError(f"item {number} has no 'text' key; give a str or a dict with 'text'.")
            yield analyze(
                item["text"],
                lang=item.get("lang") or item.get("language") or default_lang,
                published=item.get("published"),
                url=item.get("url"),
                title=item.get("title"),
                disable=disable,
            )
        else:
            yield analyze(item, lang=default_lang, disable=disable)


def extract_events(
    text: str, *, lang: str | None = None, published: str | date | datetime | None = None
) -> list[Event]:
    """The events of ``text`` (runs the stages events depend on: language, sentences, entities, times).

    >>> [(e.type, e.date) for e in extract_events("HÀ NỘI — The Deputy Prime Minister received the UNODC chief "
    ...                                            "on Tuesday.", published="2025-10-21")]
    [('CONSULT', '2025-10-21')]
    """
    return list(analyze(text, lang=lang, published=published, disable=("embed",)).events)


__all__ = ["analyze", "analyze_many", "extract_events", "supported_languages"]
