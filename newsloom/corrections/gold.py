"""Corrections as gold: ``newsloom export --what corrections``.

What people corrected is what the store should say, so each active correction becomes items in the
shape of ``tests/gold/stories.json`` (``events`` and ``stories`` with the articles that report them)
and of the events gold's ``aliases`` (one name -> its other spellings), read from the store as it is
now (after replays). ``jsonl`` writes one item a line with its ``section`` and the correction's audit
fields; ``gold`` writes one JSON document with the sections, as the quality gates read them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from newsloom.corrections.stories import _story_of
from newsloom.store import Connection
from newsloom.store import corrections as sql

Records = Iterator[dict[str, Any]]


def _event_anchors(payload: dict[str, Any]) -> list[list[Any]]:
    if "groups" in payload:
        return [a for group in payload["groups"] for a in group]
    if "part" in payload:
        return [*payload["part"], *payload["rest"]]
    return list(payload["anchors"])


def _event_item(conn: Connection, row: sql.CorrectionRow, event_id: int, paths: list[str]) -> dict[str, Any]:
    values = sql.event_values(conn, event_id) or {}
    actors = json.loads(values.get("actors") or "{}")
    names = [a.get("name") or a["key"] for side in ("source", "target") for a in actors.get(side, [])]
    return {
        "id": f"correction-{row.id}-event-{event_id}", "date": values.get("date"), "date_end": values.get("date_end"),
        "type": values.get("type"), "mode": values.get("mode"), "actors": list(dict.fromkeys(names)),
        "location": values.get("location"), "summary": row.reason or str(values.get("title") or ""), "articles": paths,
    }  # fmt: skip


def _event_items(conn: Connection, row: sql.CorrectionRow) -> Iterator[tuple[str, dict[str, Any]]]:
    ids = sorted(sql.sources_at(conn, _event_anchors(row.payload)))
    paths = sql.paths_of_events(conn, ids)
    for event_id in ids:
        if row.kind == "false":
            yield "false_events", {"id": f"correction-{row.id}-event-{event_id}", "articles": paths[event_id],
                                   "summary": row.reason}  # fmt: skip
        else:
            yield "events", _event_item(conn, row, event_id, paths[event_id])


def _story_items(conn: Connection, row: sql.CorrectionRow) -> Iterator[tuple[str, dict[str, Any]]]:
    payload = row.payload
    groups = payload["groups"] if "groups" in payload else [payload["rest"], payload["part"]]
    ids = sorted({i for i in (_story_of(conn, g) for g in groups) if i is not None})
    paths = sql.paths_of_stories(conn, ids)
    for story_id in ids:
        date, title = sql.story_heading(conn, story_id)
        yield "stories", {"id": f"correction-{row.id}-story-{story_id}", "title": title, "date": date,
                          "events": [], "articles": paths[story_id]}  # fmt: skip


def _entity_items(conn: Connection, row: sql.CorrectionRow) -> Iterator[tuple[str, dict[str, Any]]]:
    payload = row.payload
    keys = payload["keys"] if row.kind == "merge" else [payload["key"], payload["new_key"]]
    for key, entity in sql.entities_by_keys(conn, keys).items():
        aliases = sorted({alias for _, alias, _ in sql.entity_alias_rows(conn, entity.id)} - {entity.name})
        yield "aliases", {"id": f"correction-{row.id}-entity-{entity.id}", "key": key, "name": entity.name,
                          "aliases": aliases}  # fmt: skip


def correction_records(conn: Connection, _format: str = "jsonl") -> Records:
    """One gold item per corrected thing, with its section and the correction's audit fields."""
    makers = {"event": _event_items, "story": _story_items, "entity": _entity_items}
    for row in sql.list_corrections(conn, active_only=True):
        for section, item in makers[row.target_kind](conn, row):
            yield {"section": section, **item, "correction": row.id, "kind": row.kind, "reason": row.reason,
                   "token_name": row.token_name, "created_at": row.created_at}  # fmt: skip


def gold_document(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    """The records as one JSON document in the gold files' shape (``tests/gold/stories.json``)."""
    document: dict[str, Any] = {
        "_note": "Corrections exported by newsloom (newsloom export --what corrections --format gold).",
        "events": [], "stories": [], "storylines": [], "aliases": {}, "false_events": [],
    }  # fmt: skip
    audit = ("section", "correction", "kind", "reason", "token_name", "created_at")
    for record in records:
        section = record["section"]
        item = {k: v for k, v in record.items() if k not in audit}
        if section == "aliases":
            document["aliases"][item["name"]] = item["aliases"]
        else:
            document[section].append(item)
    yield json.dumps(document, ensure_ascii=False, indent=1)
