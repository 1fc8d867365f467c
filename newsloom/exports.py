"""Exports gathered in one place: `newsloom export --what articles|entities|events|stories --format ...`.

Three explicit registries: :data:`EXPORTS` (what can be exported: records read from the store, and
the formats each offers), :data:`WRITERS` (how records become lines) and :data:`FILE_WRITERS` (formats
that are files, not lines: Parquet). A lookup that fails names everything the registries know.

The Parquet schema is the JSONL export's shape, flat and stable: one column per top-level field in
the order the records give them; strings, integers, floats and booleans as such; nested values
(lists, objects: provenance, names by language, sources) as JSON text, listed in the file's
key-value metadata under ``newsloom.json_columns`` so a reader can decode them.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsloom.corrections.gold import correction_records, gold_document
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
    formats: tuple[str, ...] = ("jsonl", "csv", "parquet")


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
    "events": Export(export_events, ("jsonl", "csv", "plover", "parquet")),
    "stories": Export(_stories),
    # gold: one document in the shape tests/gold/ reads (see docs/corrections.md)
    "corrections": Export(correction_records, ("jsonl", "csv", "parquet", "gold")),
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
    "gold": gold_document,
}


def _json_cell(value: Any) -> Any:
    return (
        value
        if isinstance(value, (str, int, float, bool)) or value is None
        else json.dumps(value, ensure_ascii=False)
    )


def _arrow_type(values: list[Any]) -> Any:
    """The Arrow type of a column: bool, int64 or float64 when every value is one, else string."""
    import pyarrow as pa

    present = [v for v in values if v is not None]
    if present and all(isinstance(v, bool) for v in present):
        return pa.bool_()
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return pa.int64()
    if present and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return pa.float64()
    return pa.string()


def parquet_file(records: Iterable[dict[str, Any]], path: Path) -> int:
    """Write the records as one Parquet file (schema: see the module's docstring); returns the rows."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise NewsloomError(
            "Parquet exports need pyarrow: pip install 'newsloom[parquet]' (or pip install pyarrow)."
        ) from exc
    rows = list(records)
    names = list(dict.fromkeys(name for row in rows for name in row))
    nested = [n for n in names if any(isinstance(r.get(n), (dict, list, tuple)) for r in rows)]
    columns = {}
    for name in names:
        values = [_json_cell(row.get(name)) for row in rows]
        kind = pa.string() if name in nested else _arrow_type(values)
        columns[name] = pa.array(
            [float(v) if kind == pa.float64() and v is not None else v for v in values], kind
        )
    table = pa.table(columns).replace_schema_metadata(
        {
            "newsloom.json_columns": json.dumps(nested),
            "newsloom.shape": "the JSONL export, nested values as JSON",
        }
    )
    pq.write_table(table, path)
    return len(rows)


#: format -> how its records are written to a file (formats that are not lines of text).
FILE_WRITERS: dict[str, Callable[[Iterable[dict[str, Any]], Path], int]] = {"parquet": parquet_file}
FORMATS = (*WRITERS, *FILE_WRITERS)


def find_export(what: str, fmt: str) -> Export:
    """The export of ``what`` in ``fmt``, or an error naming what there is."""
    if what not in EXPORTS:
        raise NewsloomError(f"Cannot export '{what}'. Choose one of: {', '.join(EXPORTS)}.")
    if fmt not in FORMATS:
        raise NewsloomError(f"Unknown format '{fmt}'. Choose one of: {', '.join(FORMATS)}.")
    export = EXPORTS[what]
    if fmt not in export.formats:
        if fmt == "plover":
            raise NewsloomError("The plover format is for events only: use --what events --format plover.")
        raise NewsloomError(f"{what} are exported as {', '.join(export.formats)}, not {fmt}.")
    return export


def export_lines(conn: Connection, what: str, fmt: str) -> Iterator[str]:
    """The export as lines of text (JSON Lines, or CSV with a header row)."""
    export = find_export(what, fmt)
    if fmt in FILE_WRITERS:
        raise NewsloomError(f"{fmt} is written to a file, not as lines: give --out FILE.{fmt}.")
    return WRITERS[fmt](export.records(conn, fmt))


def export_file(conn: Connection, what: str, fmt: str, path: Path) -> int:
    """Write the export to ``path`` in any format; returns how many records were written.

    The file appears whole or not at all: it is written beside ``path`` under a hidden name and
    renamed when complete, so a failure (a full disk, a store error) never leaves half an export."""
    export = find_export(what, fmt)
    if not path.parent.is_dir():
        raise NewsloomError(
            f"Cannot write {path}: folder {path.parent} does not exist. Create it or choose another --out."
        )
    partial = path.with_name(f".{path.name}.part")
    try:
        if fmt in FILE_WRITERS:  # a file format holds the JSON Lines records
            count = FILE_WRITERS[fmt](export.records(conn, "jsonl"), partial)
        else:
            count = 0
            with partial.open("w", encoding="utf-8") as handle:
                for line in WRITERS[fmt](export.records(conn, fmt)):
                    handle.write(line + "\n")
                    count += 1
        os.replace(partial, path)
    except OSError as exc:
        raise NewsloomError(
            f"Cannot write {path} ({exc.strerror or exc}). Check the folder's permissions and free space."
        ) from exc
    finally:
        partial.unlink(missing_ok=True)
    return count
