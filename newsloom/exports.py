"""Exports gathered in one place: `newsloom export --what articles|entities|events|stories --format ...`.

Two explicit registries: :data:`EXPORTS` (what can be exported: records read from the store, and
the formats each offers) and :data:`WRITERS` (how records become lines). A lookup that fails names
everything the registry knows.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from newsloom.entities.queries import export_entities
from newsloom.errors import NewsloomError
from newsloom.events.queries import export_events
from newsloom.store import Connection
from newsloom.store.articles import export_record, iter_articles
from newsloom.stories.queries import export_stories

Records = Iterator[dict[str, Any]]


@dataclass(frozen=True)
class Export:
    """One thing that can be exported: ``records(conn, format)`` and the formats it offers."""

    records: Callable[[Connection, str], Records]
    formats: tuple[str, ...] = ("jsonl", "csv")


def _articles(conn: Connection, _format: str) -> Records:
    for article in iter_articles(conn):
        yield export_record(article)


def _entities(conn: Connection, _format: str) -> Records:
    return export_entities(conn)


def _stories(conn: Connection, format: str) -> Records:
    return export_stories(conn, format)


#: what -> its records; events also offer the PLOVER codebook's JSON (``plover``).
EXPORTS: dict[str, Export] = {
    "articles": Export(_articles),
    "entities": Export(_entities),
    "events": Export(export_events, ("jsonl", "csv", "plover")),
    "stories": Export(_stories),
}


def jsonl_lines(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    """One JSON object a line."""
    for record in records:
        yield json.dumps(record, ensure_ascii=False)


def csv_lines(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    """A header row from the first record, then one row per record (nested values as JSON)."""
    buffer = io.StringIO()
    writer: csv.DictWriter[str] | None = None
    for record in records:
        flat = {k: v if isinstance(v, (str, int, float)) or v is None else json.dumps(v, ensure_ascii=False)
                for k, v in record.items()}  # fmt: skip
        if writer is None:
            writer = csv.DictWriter(buffer, fieldnames=list(flat), extrasaction="ignore", lineterminator="\n")
            writer.writeheader()
        writer.writerow(flat)
        yield buffer.getvalue().rstrip("\r\n")
        buffer.seek(0)
        buffer.truncate()


#: format -> how its records are written (``plover`` records are JSON lines too).
WRITERS: dict[str, Callable[[Iterable[dict[str, Any]]], Iterator[str]]] = {
    "jsonl": jsonl_lines,
    "csv": csv_lines,
    "plover": jsonl_lines,
}
FORMATS = tuple(WRITERS)


def find_export(what: str, fmt: str) -> Export:
    """The export of ``what`` in ``fmt``, or an error naming what there is."""
    if what not in EXPORTS:
        raise NewsloomError(f"Cannot export '{what}'. Choose one of: {', '.join(EXPORTS)}.")
    if fmt not in WRITERS:
        raise NewsloomError(f"Unknown format '{fmt}'. Choose one of: {', '.join(WRITERS)}.")
    export = EXPORTS[what]
    if fmt not in export.formats:
        if fmt == "plover":
            raise NewsloomError("The plover format is for events only: use --what events --format plover.")
        raise NewsloomError(f"{what} are exported as {', '.join(export.formats)}, not {fmt}.")
    return export


def export_lines(conn: Connection, what: str, fmt: str) -> Iterator[str]:
    """The export as lines of text (JSON Lines, or CSV with a header row)."""
    export = find_export(what, fmt)
    return WRITERS[fmt](export.records(conn, fmt))
