"""Reading the entity store: the functions behind ``newsloom entities``, ``newsloom entity NAME``,
``newsloom export --what entities`` and the views. Each returns plain records (dicts and lists) made
from the typed rows of :mod:`newsloom.store.entities`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newsloom.entities.names import folded_name
from newsloom.entities.types import ENTITY_TYPES
from newsloom.errors import NewsloomError
from newsloom.store import Connection
from newsloom.store import entities as store

#: How many rows ``find_entity`` returns at most.
FIND_LIMIT = store.FIND_LIMIT


def list_entities(
    conn: Connection, type: str | None = None, limit: int = 50, offset: int = 0
) -> list[dict[str, Any]]:
    """Entities by article count: id, canonical name, type, names seen per language, article count."""
    if type is not None and type not in ENTITY_TYPES:
        raise NewsloomError(f"Unknown entity type {type!r}: use one of {', '.join(ENTITY_TYPES)}.")
    rows = store.entity_rows(conn, type=type, limit=limit, offset=offset)
    names = store.names_by_language(conn, [r.id for r in rows])
    return [
        {"id": r.id, "name": r.name, "type": r.type, "names": names.get(r.id, {}), "articles": r.article_count,
         "mentions": r.mention_count, "first_seen": r.first_seen, "last_seen": r.last_seen}
        for r in rows
    ]  # fmt: skip


def find_entity(conn: Connection, name: str) -> list[dict[str, Any]]:
    """Entities having ``name`` (any language, any diacritics or case) as an alias; else whose
    alias starts with it. Best known first."""
    rows = store.entities_named(conn, folded_name(name))
    names = store.names_by_language(conn, [r.id for r in rows])
    return [
        {
            "id": r.id,
            "name": r.name,
            "type": r.type,
            "names": names.get(r.id, {}),
            "articles": r.article_count,
        }
        for r in rows
    ]


def _roles(rows: list[store.RoleRow]) -> dict[int, list[dict[str, Any]]]:
    found: dict[int, list[dict[str, Any]]] = {}
    for r in rows:
        found.setdefault(r.entity_id, []).append(
            {"role": r.role, "of": r.of_name or (r.role_of_key or None), "of_id": r.role_of_entity_id,
             "title": r.role_text, "first_seen": r.first_seen, "last_seen": r.last_seen, "count": r.count,
             "evidence": {"article_id": r.first_article_id, "text": r.evidence}}
        )  # fmt: skip
    return found


def entity_detail(conn: Connection, entity_id: int) -> dict[str, Any] | None:
    """One entity with its aliases, roles over time and articles; None if there is no such id."""
    row = store.entity_row(conn, entity_id)
    if row is None:
        return None
    aliases = [
        {"alias": a.alias, "language": a.language, "count": a.count} for a in store.aliases_of(conn, [row.id])
    ]
    articles = [
        {"id": a.article_id, "path": a.article_path, "published": a.published, "mentions": a.mentions}
        for a in store.articles_naming(conn, entity_id)
    ]
    return {
        "id": row.id, "key": row.key, "name": row.name, "type": row.type, "gazetteer_id": row.gazetteer_id,
        "first_seen": row.first_seen, "last_seen": row.last_seen, "mentions": row.mention_count,
        "aliases": aliases, "roles": _roles(store.roles_of(conn, [entity_id])).get(entity_id, []),
        "articles": articles,
    }  # fmt: skip


def export_entities(conn: Connection, batch: int = 500) -> Iterator[dict[str, Any]]:
    """Every entity as one JSON-ready dict: id, name, type, aliases, roles, articles (input paths)."""
    last = 0
    while rows := store.entity_rows_after(conn, last, batch):
        ids = [r.id for r in rows]
        aliases: dict[int, list[str]] = {}
        for a in store.aliases_of(conn, ids):
            bucket = aliases.setdefault(a.entity_id, [])
            if a.alias not in bucket:
                bucket.append(a.alias)
        names = store.names_by_language(conn, ids)
        roles = _roles(store.roles_of(conn, ids))
        paths = store.paths_naming(conn, ids)
        for r in rows:
            yield {
                "id": r.id, "key": r.key, "name": r.name, "type": r.type, "gazetteer_id": r.gazetteer_id,
                "aliases": aliases.get(r.id, []), "names": names.get(r.id, {}), "roles": roles.get(r.id, []),
                "articles": paths.get(r.id, []), "first_seen": r.first_seen, "last_seen": r.last_seen,
            }  # fmt: skip
        last = ids[-1]
