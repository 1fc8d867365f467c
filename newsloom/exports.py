"""Exports gathered in one place: `newsloom export --what articles|entities|events|stories --format ...`."""

from __future__ import annotations

import csv
import importlib
import importlib.util
import inspect
import io
import json
from collections.abc import Callable, Iterator
from typing import Any

import sqlalchemy as sa

from newsloom.errors import NewsloomError
from newsloom.store.articles import export_record, iter_articles


def _articles(conn: sa.Connection) -> Iterator[dict[str, Any]]:
    for article in iter_articles(conn):
        yield export_record(article)


#: what -> (module, function) giving records; domains not present are not offered.
SOURCES: dict[str, tuple[str, str]] = {
    "entities": ("newsloom.entities.queries", "export_entities"),
    "events": ("newsloom.events.queries", "export_events"),
    "stories": ("newsloom.stories.queries", "export_stories"),
}
FORMATS = ("jsonl", "csv", "plover")


def available_exports() -> dict[str, Callable[..., Iterator[dict[str, Any]]]]:
    found: dict[str, Callable[..., Iterator[dict[str, Any]]]] = {"articles": _articles}
    for what, (module, function) in SOURCES.items():
        try:
            if importlib.util.find_spec(module) is None:
                continue
        except ModuleNotFoundError:
            continue
        func = getattr(importlib.import_module(module), function, None)
        if func is not None:
            found[what] = func
    return found


def _call(
    func: Callable[..., Iterator[dict[str, Any]]], conn: sa.Connection, fmt: str
) -> Iterator[dict[str, Any]]:
    """Pass the format to exporters that take one (events: plover differs from jsonl)."""
    params = inspect.signature(func).parameters
    for name in ("fmt", "format"):
        if name in params:
            return func(conn, **{name: fmt})
    return func(conn)


def export_lines(conn: sa.Connection, what: str, fmt: str) -> Iterator[str]:
    """The export as lines of text (JSON Lines, or CSV with a header row)."""
    sources = available_exports()
    if what not in sources:
        raise NewsloomError(f"Cannot export '{what}'. Choose one of: {', '.join(sorted(sources))}.")
    if fmt not in FORMATS:
        raise NewsloomError(f"Unknown format '{fmt}'. Choose one of: {', '.join(FORMATS)}.")
    if fmt == "plover" and what != "events":
        raise NewsloomError("The plover format is for events only: use --what events --format plover.")
    records = _call(sources[what], conn, fmt)
    if fmt in ("jsonl", "plover"):
        for record in records:
            yield json.dumps(record, ensure_ascii=False)
        return
    writer_buffer = io.StringIO()
    writer: csv.DictWriter[str] | None = None
    for record in records:
        flat = {k: v if isinstance(v, (str, int, float)) or v is None else json.dumps(v, ensure_ascii=False)
                for k, v in record.items()}  # fmt: skip
        if writer is None:
            writer = csv.DictWriter(
                writer_buffer, fieldnames=list(flat), extrasaction="ignore", lineterminator="\n"
            )
            writer.writeheader()
        writer.writerow(flat)
        yield writer_buffer.getvalue().rstrip("\r\n")
        writer_buffer.seek(0)
        writer_buffer.truncate()
