"""What the CLI, the API and the web pages ask of stored events (one function each).

- ``list_events``: events filtered by date, type, entity, language (``newsloom events``);
- ``event_detail``: one event with every source sentence in its language and the discrepancies
  (``newsloom event ID``);
- ``timeline``: events by day (``newsloom timeline``);
- ``export_events``: records for ``newsloom export --what events --format jsonl|csv|plover``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from newsloom.errors import NewsloomError
from newsloom.events.actors import fold
from newsloom.events.codebook import TYPES, to_plover
from newsloom.events.merge import discrepancies
from newsloom.events.stored import mention_rows, one_participant, reporting_rows
from newsloom.store import Connection
from newsloom.store import events as store

EXPORT_FORMATS = ("jsonl", "csv", "plover")
#: Rows read per query while exporting (memory stays flat however many events there are).
EXPORT_BATCH = 500


def _filters(
    date_from: str | None,
    date_to: str | None,
    type: str | None,
    entity: str | None,
    language: str | None,
    top_level: bool = False,
    min_sources: int = 0,
    min_confidence: float = 0.0,
) -> store.EventFilter:
    if type and type.upper() not in TYPES:
        raise NewsloomError(f"'{type}' is not a PLOVER event type. Types: {', '.join(TYPES)}.")
    return store.EventFilter(
        date_from=date_from, date_to=date_to, type=type.upper() if type else None, entity=entity,
        entity_folded=fold(entity) if entity else None, language=language, top_level=top_level,
        min_articles=min_sources, min_confidence=min_confidence,
    )  # fmt: skip


def _summary(row: store.EventRow) -> dict[str, Any]:
    actors = json.loads(row.actors or "{}")
    return {
        "id": row.id,
        "type": row.type,
        "mode": row.mode,
        "date": row.date,
        "date_end": row.date_end if row.date_end != row.date else None,
        "precision": row.precision,
        "title": row.title,
        "source": [a.get("name") or a["key"] for a in one_participant(actors.get("source", []))],
        "target": [a.get("name") or a["key"] for a in one_participant(actors.get("target", []))],
        "location": row.location,
        "languages": json.loads(row.languages or "[]"),
        "n_sources": row.n_sources,
        "n_articles": row.n_articles,
        "confidence": row.confidence,
        "parent_id": row.parent_id,
        "rules_only": bool(row.rules_only),
    }


def list_events(
    conn: Connection,
    date_from: str | None = None,
    date_to: str | None = None,
    type: str | None = None,
    entity: str | None = None,
    language: str | None = None,
    limit: int = 50,
    offset: int = 0,
    min_sources: int = 0,
    min_confidence: float = 0.0,
) -> list[dict[str, Any]]:
    """Events, newest first, as summary dicts (id, type, mode, date, title, actors, location, counts);
    ``min_sources`` counts distinct reporting articles."""
    where = _filters(
        date_from, date_to, type, entity, language, min_sources=min_sources, min_confidence=min_confidence
    )
    return [_summary(row) for row in store.list_event_rows(conn, where, limit, offset)]


def count_events(
    conn: Connection,
    date_from: str | None = None,
    date_to: str | None = None,
    type: str | None = None,
    entity: str | None = None,
    language: str | None = None,
) -> int:
    return store.count_event_rows(conn, _filters(date_from, date_to, type, entity, language))


def _source(row: store.SourceRow) -> dict[str, Any]:
    return {
        "path": row.path,
        "language": row.language,
        "sentence": row.sentence,
        "sentence_index": row.sentence_index,
        "trigger": row.trigger,
        "start": row.start_offset,
        "end": row.end_offset,
        "article_id": row.article_id,
        "title": row.title,
        "url": row.url,
        "published": row.published,
        "date": row.date,
        "date_end": row.date_end,
        "date_source": row.date_source,
        "time_text": row.time_text,
        "location": row.location,
        "location_source": row.location_source,
        "source": [a.get("name") or a["key"] for a in json.loads(row.source_actors)],
        "target": [a.get("name") or a["key"] for a in json.loads(row.target_actors)],
        "confidence": row.confidence,
        "classifier": row.classifier,
        "spans": _spans(row),
    }


def _spans(row: store.SourceRow) -> list[dict[str, Any]] | None:
    """The words the event was read from in the row's sentence (``[{kind, start, end, text}]``,
    offsets within ``sentence``); None when the row was written before they were recorded."""
    if row.spans is None:
        return None
    return [{**span, "text": row.sentence[span["start"] : span["end"]]} for span in json.loads(row.spans)]


def _record(
    row: store.EventRow, rows: Sequence[store.SourceRow], children: Sequence[int] = ()
) -> dict[str, Any]:
    """The full record of an event (the jsonl export shape)."""
    actors = json.loads(row.actors or "{}")
    return {
        "id": row.id,
        "type": row.type,
        "mode": row.mode,
        "date": row.date,
        "date_end": row.date_end,
        "precision": row.precision,
        "date_source": row.date_source,
        # a person, the body he speaks for and his country shown as one participant
        "actors": {side: one_participant(actors.get(side, [])) for side in ("source", "target")},
        "joint": bool(row.joint),
        "host": row.host,
        "location": row.location,
        "context": json.loads(row.context or "[]"),
        "confidence": row.confidence,
        "parent_id": row.parent_id,
        "statements": list(children),
        "title": row.title,
        "languages": json.loads(row.languages or "[]"),
        "n_articles": row.n_articles,
        "rules_only": bool(row.rules_only),
        # the articles reporting it; those telling it in passing are shown apart ("Also mentioned in")
        "sources": [_source(r) for r in reporting_rows(rows)],
        "mentions": [_source(r) for r in mention_rows(rows)],
        "discrepancies": discrepancies(row.type, rows),
    }


def _children(conn: Connection, ids: Sequence[int]) -> dict[int, list[int]]:
    return store.child_ids(conn, ids)


def event_detail(conn: Connection, event_id: int) -> dict[str, Any] | None:
    """One event: its record with every source (sentence, language, path) and its discrepancies,
    the meeting it belongs to and the statements made at it; None when there is no such event."""
    row = store.get_event(conn, event_id)
    if row is None:
        return None
    rows = store.source_rows(conn, [event_id])[event_id]
    record = _record(row, rows, _children(conn, [event_id])[event_id])
    if row.parent_id is not None:
        parent = store.get_event(conn, row.parent_id)
        record["parent"] = _summary(parent) if parent is not None else None
    record["statement_summaries"] = [_summary(r) for r in store.statement_rows(conn, event_id)]
    return record


def timeline(
    conn: Connection,
    date_from: str | None = None,
    date_to: str | None = None,
    type: str | None = None,
    entity: str | None = None,
    language: str | None = None,
    limit: int = 500,
    include_statements: bool = False,
) -> list[dict[str, Any]]:
    """Events by day, oldest first: ``[{"date": "2025-10-21", "events": [summary, ...]}, ...]``.

    By default only events that are not statements made at a meeting (the meeting stands for them);
    undated events come last under ``"date": None``.
    """
    where = _filters(date_from, date_to, type, entity, language, top_level=not include_statements)
    days: dict[str | None, list[dict[str, Any]]] = {}
    for row in store.dated_event_rows(conn, where, limit):
        days.setdefault(row.date, []).append(_summary(row))
    ordered = sorted((d for d in days if d is not None), key=lambda d: (d.startswith("XXXX"), d))
    result: list[dict[str, Any]] = [{"date": d, "events": days[d]} for d in ordered]
    if None in days:
        result.append({"date": None, "events": days[None]})
    return result


def _csv_row(record: dict[str, Any]) -> dict[str, Any]:
    names = lambda actors: "; ".join(a.get("name") or a["key"] for a in actors)  # noqa: E731
    return {
        "id": record["id"],
        "type": record["type"],
        "mode": record["mode"] or "",
        "date": record["date"] or "",
        "date_end": record["date_end"] or "",
        "precision": record["precision"] or "",
        "source_actors": names(record["actors"]["source"]),
        "target_actors": names(record["actors"]["target"]),
        "location": record["location"] or "",
        "confidence": record["confidence"],
        "parent_id": record["parent_id"] if record["parent_id"] is not None else "",
        "n_sources": len(record["sources"]),
        "languages": "; ".join(record["languages"]),
        "paths": "; ".join(sorted({s["path"] for s in record["sources"]})),
        "discrepancies": " | ".join(d["summary"] for d in record["discrepancies"]),
    }


def iter_event_records(conn: Connection, batch: int = EXPORT_BATCH) -> Iterator[dict[str, Any]]:
    """Every event's full record, in id order, read ``batch`` events at a time."""
    last = 0
    while True:
        rows = store.event_rows_after(conn, last, batch)
        if not rows:
            return
        ids = [r.id for r in rows]
        sources = store.source_rows(conn, ids)
        children = _children(conn, ids)
        for row in rows:
            yield _record(row, sources[row.id], children[row.id])
        last = ids[-1]


def export_events(conn: Connection, format: str = "jsonl") -> Iterator[dict[str, Any]]:
    """Event records for export: ``jsonl`` (full records: id, type, mode, date, date_end, precision,
    actors, location, sources [{path, language, sentence, ...}], discrepancies, ...), ``csv`` (one
    flat row per event), or ``plover`` (the PLOVER codebook's JSON fields)."""
    if format not in EXPORT_FORMATS:
        raise NewsloomError(
            f"Unknown event export format '{format}'. Choose one of: {', '.join(EXPORT_FORMATS)}."
        )
    for record in iter_event_records(conn):
        if format == "jsonl":
            yield record
        elif format == "csv":
            yield _csv_row(record)
        else:
            yield to_plover(record)
