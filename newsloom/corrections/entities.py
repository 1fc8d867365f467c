"""Corrections of entities: merge two (or more) entities into one, split some names off one.

An entity is found again through its stable key (``entities.key``: a gazetteer id or
``type:folded name``), not its row id; a name split off is found through its folded spelling.
"""

from __future__ import annotations

from typing import Any

from newsloom.events.actors import fold
from newsloom.store import Connection
from newsloom.store import corrections as sql


def apply_merge(conn: Connection, payload: dict[str, Any]) -> list[int]:
    """Entities with the second and later keys are merged into the one with the first key."""
    keys = list(payload["keys"])
    found = sql.entities_by_keys(conn, keys)
    present = [found[k] for k in keys if k in found]
    if not present:
        return []
    survivor = present[0]
    for other in present[1:]:
        sql.merge_entity_rows(conn, other.id, survivor.id)
    return [survivor.id]


def apply_split(conn: Connection, payload: dict[str, Any]) -> list[int]:
    """The mentions, aliases and name keys spelt as one of ``aliases`` leave the entity of ``key``
    for the entity of ``new_key`` (created when missing)."""
    found = sql.entities_by_keys(conn, [payload["key"], payload["new_key"]])
    source = found.get(payload["key"])
    if source is None:
        return [found[payload["new_key"]].id] if payload["new_key"] in found else []
    folded = set(payload["aliases"])
    links = [i for i, text in sql.entity_link_texts(conn, source.id) if fold(text) in folded]
    aliases = [i for i, _, f in sql.entity_alias_rows(conn, source.id) if f in folded]
    keys = [k for k in sql.entity_key_rows(conn, source.id) if k.split(":", 1)[-1] in folded]
    target = found.get(payload["new_key"])
    if target is None:
        if not (links or aliases):
            return [source.id]
        target_id = sql.insert_entity_row(conn, payload["new_key"], payload["name"], source.type)
    else:
        target_id = target.id
    if links or aliases or keys:
        sql.move_entity_parts(conn, target_id, links, aliases, source.id, keys)
    return [source.id, target_id]


def watched_keys(kind: str, payload: dict[str, Any]) -> list[str]:
    """The entity keys whose mentions in a new article make the correction be replayed."""
    if kind == "merge":
        return list(payload["keys"])
    return [payload["key"]]
