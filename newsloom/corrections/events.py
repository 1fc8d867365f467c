"""Corrections of events: merge, split, change the type, date, place or actors, mark false.

An event is found again through its anchors, the (article, trigger span) of each sentence that
reported it when the correction was made: event ids change when an article is merged again, the
sentences do not. Applying a correction twice changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from newsloom.events.actors import fold
from newsloom.events.stored import refresh_event
from newsloom.store import Connection
from newsloom.store import corrections as sql
from newsloom.store.entities import entities_named

Anchors = list[list[Any]]


def anchors(conn: Connection, event_ids: Sequence[int]) -> list[Anchors]:
    """The anchors of each event, in the order given."""
    found = sql.anchors_of_events(conn, event_ids)
    return [[list(a) for a in found[int(i)]] for i in event_ids]


def _move_into(conn: Connection, survivor: int, others: Sequence[int]) -> None:
    moving = sql.source_ids_of_events(conn, others)
    sql.move_sources(conn, [s for ids in moving.values() for s in ids], survivor)
    sql.adopt_statements(conn, others, survivor)
    for other in others:
        refresh_event(conn, other)  # no source left: deleted
    refresh_event(conn, survivor)


def apply_merge(conn: Connection, payload: dict[str, Any]) -> list[int]:
    """Every event holding a sentence of any group becomes the one holding the first group's."""
    located = [sql.sources_at(conn, group) for group in payload["groups"]]
    every = sorted(set().union(*(set(found) for found in located)))
    if not every:
        return []
    survivor = min(located[0]) if located[0] else every[0]
    others = [i for i in every if i != survivor]
    if others:
        _move_into(conn, survivor, others)
    return [survivor]


def apply_split(conn: Connection, payload: dict[str, Any]) -> list[int]:
    """The part's sentences leave any event they share with the rest's, for an event of their own."""
    part = sql.sources_at(conn, payload["part"])
    rest = sql.sources_at(conn, payload["rest"])
    own = sorted(i for i in part if i not in rest)  # an event of the part alone (from an earlier split)
    for event_id in sorted(set(part) & set(rest)):
        target = own[0] if own else sql.copy_event(conn, event_id)
        sql.move_sources(conn, part[event_id], target)
        refresh_event(conn, event_id)
        refresh_event(conn, target)
        own = own or [target]
    return list(dict.fromkeys([*sorted(rest), *own]))  # the rest's event first, then the part's


def _title(values: dict[str, Any], type_: str) -> str:
    """The event's title with another type: "Sơn -> Waly: CONSULT" -> "Sơn -> Waly: MEET"."""
    head = str(values.get("title") or "").rsplit(": ", 1)[0] or "?"
    mode = values.get("mode")
    return f"{head}: {type_}{f' ({mode})' if mode else ''}"


def _actor(conn: Connection, name: str) -> dict[str, Any]:
    """An actor dict for a name a person typed: the stored entity of that name when there is one."""
    folded = fold(name)
    found = entities_named(conn, folded)
    exact = [e for e in found if fold(e.name) == folded] or found[:1]
    if exact:
        entity = exact[0]
        return {"key": f"entity:{entity.id}", "name": entity.name, "text": name, "type": entity.type}
    return {"key": folded, "name": name.strip(), "text": name, "type": ""}


def overlay_values(
    conn: Connection, kind: str, values: dict[str, Any], current: dict[str, Any]
) -> dict[str, Any]:
    """The columns a correction of ``kind`` sets on an event whose row is ``current``."""
    if kind == "retype":
        return {"type": values["type"], "title": _title(current, values["type"])}
    if kind == "date":
        end = values.get("date_end") or None
        return {"date": values["date"], "date_end": end, "precision": "range" if end else "day",
                "date_source": "correction"}  # fmt: skip
    if kind == "location":
        return {"location": values["location"], "location_key": fold(values["location"])}
    if kind == "actors":
        source = [_actor(conn, n) for n in values.get("source", [])]
        target = [_actor(conn, n) for n in values.get("target", [])]
        names = lambda actors: ", ".join(a["name"] for a in actors[:3]) or "?"  # noqa: E731
        head = f"{names(source)} -> {names(target)}" if target else names(source)
        mode = current.get("mode")
        title = f"{head}: {current['type']}{f' ({mode})' if mode else ''}"
        return {"actors": json.dumps({"source": source, "target": target}, ensure_ascii=False, sort_keys=True),
                "title": title}  # fmt: skip
    return {}


def _actor_rows(values: dict[str, Any]) -> list[dict[str, Any]]:
    actors = json.loads(values["actors"])
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for side in ("source", "target"):
        for actor in actors[side]:
            rows.setdefault((actor["key"], side), {"key": actor["key"], "side": side, "name": actor["name"],
                                                   "folded": fold(actor["name"])})  # fmt: skip
    return list(rows.values())


def _keep_together(conn: Connection, anchors: Anchors, splits: Sequence[Anchors]) -> None:
    """The sentences of one corrected event stay one event: a re-merged report whose type, date or
    place no longer matches the corrected event is put back with it (but never across a split a
    person made: ``splits`` are the parts split off by active corrections)."""
    groups = [anchors]
    for part in splits:
        inside = {tuple(a) for a in part}
        groups = [
            piece
            for group in groups
            for piece in (
                [a for a in group if tuple(a) in inside],
                [a for a in group if tuple(a) not in inside],
            )
            if piece
        ]
    for group in groups:
        if len(sql.sources_at(conn, group)) > 1:
            apply_merge(conn, {"groups": [group]})


def apply_overlay(
    conn: Connection, kind: str, payload: dict[str, Any], correction_id: int, splits: Sequence[Anchors] = ()
) -> list[int]:
    """Set the corrected values on every event holding one of the anchored sentences."""
    _keep_together(conn, payload["anchors"], splits)
    ids = sorted(sql.sources_at(conn, payload["anchors"]))
    if kind == "false":
        sql.hide_events(conn, correction_id, ids)
        return ids
    for event_id in ids:
        current = sql.event_values(conn, event_id)
        if current is None:
            continue
        values = overlay_values(conn, kind, payload["values"], current)
        changed = {k: v for k, v in values.items() if current.get(k) != v}
        if changed:
            actors = _actor_rows(values) if kind == "actors" else None
            sql.set_event_values(conn, event_id, changed, actors)
    return ids


def undo_overlay(conn: Connection, kind: str, payload: dict[str, Any]) -> list[int]:
    """Back to what the sources say (the type as it was before the correction)."""
    ids = sorted(sql.sources_at(conn, payload["anchors"]))
    for event_id in ids:
        if kind == "retype" and payload.get("previous"):
            current = sql.event_values(conn, event_id) or {}
            sql.set_event_values(conn, event_id, {"type": payload["previous"]})
            if current:
                refresh_event(conn, event_id)
        else:
            refresh_event(conn, event_id)
    return ids
