"""Reading the entity store: the functions behind ``newsloom entities``, ``newsloom entity NAME``,
``newsloom export --what entities`` and the API. Each returns plain data (dicts and lists)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa

from newsloom.entities.names import folded_name
from newsloom.entities.types import ENTITY_TYPES
from newsloom.errors import NewsloomError
from newsloom.store.migrations.m0002_entities import entities, entity_aliases, entity_links, entity_roles

#: How many rows ``find_entity`` returns at most.
FIND_LIMIT = 20


def list_entities(
    conn: sa.Connection, type: str | None = None, limit: int = 50, offset: int = 0
) -> list[dict[str, Any]]:
    """Entities by article count: id, canonical name, type, names seen per language, article count."""
    if type is not None and type not in ENTITY_TYPES:
        raise NewsloomError(f"Unknown entity type {type!r}: use one of {', '.join(ENTITY_TYPES)}.")
    query = (
        sa.select(entities)
        .order_by(entities.c.article_count.desc(), entities.c.id)
        .limit(limit)
        .offset(offset)
    )
    if type is not None:
        query = query.where(entities.c.type == type)
    rows = conn.execute(query).all()
    names = _names_by_language(conn, [r.id for r in rows])
    return [
        {"id": r.id, "name": r.name, "type": r.type, "names": names.get(r.id, {}), "articles": r.article_count,
         "mentions": r.mention_count, "first_seen": r.first_seen, "last_seen": r.last_seen}
        for r in rows
    ]  # fmt: skip


def find_entity(conn: sa.Connection, name: str) -> list[dict[str, Any]]:
    """Entities having ``name`` (any language, any diacritics or case) as an alias; else whose
    alias starts with it. Best known first."""
    folded = folded_name(name)
    if not folded:
        return []
    ids = _ids_with_alias(conn, entity_aliases.c.folded == folded)
    if not ids:
        ids = _ids_with_alias(conn, entity_aliases.c.folded.like(_prefix(folded), escape="\\"))
    if not ids:
        return []
    rows = conn.execute(
        sa.select(entities)
        .where(entities.c.id.in_(ids))
        .order_by(entities.c.article_count.desc())
        .limit(FIND_LIMIT)
    ).all()
    names = _names_by_language(conn, [r.id for r in rows])
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


def entity_detail(conn: sa.Connection, entity_id: int) -> dict[str, Any] | None:
    """One entity with its aliases, roles over time and articles; None if there is no such id."""
    row = conn.execute(sa.select(entities).where(entities.c.id == entity_id)).first()
    if row is None:
        return None
    aliases = [
        {"alias": a.alias, "language": a.language, "count": a.count}
        for a in conn.execute(
            sa.select(entity_aliases)
            .where(entity_aliases.c.entity_id == entity_id)
            .order_by(entity_aliases.c.count.desc(), entity_aliases.c.alias)
        )
    ]
    return {
        "id": row.id,
        "key": row.key,
        "name": row.name,
        "type": row.type,
        "gazetteer_id": row.gazetteer_id,
        "first_seen": row.first_seen,
        "last_seen": row.last_seen,
        "mentions": row.mention_count,
        "aliases": aliases,
        "roles": _roles(conn, [entity_id]).get(entity_id, []),
        "articles": _articles(conn, entity_id),
    }


def export_entities(conn: sa.Connection, batch: int = 500) -> Iterator[dict[str, Any]]:
    """Every entity as one JSON-ready dict: id, name, type, aliases, roles, articles (input paths)."""
    last = 0
    while True:
        rows = conn.execute(
            sa.select(entities).where(entities.c.id > last).order_by(entities.c.id).limit(batch)
        ).all()
        if not rows:
            return
        ids = [r.id for r in rows]
        aliases: dict[int, list[str]] = {}
        for a in conn.execute(
            sa.select(entity_aliases.c.entity_id, entity_aliases.c.alias)
            .where(entity_aliases.c.entity_id.in_(ids))
            .order_by(entity_aliases.c.entity_id, entity_aliases.c.count.desc(), entity_aliases.c.alias)
        ):
            bucket = aliases.setdefault(a.entity_id, [])
            if a.alias not in bucket:
                bucket.append(a.alias)
        names = _names_by_language(conn, ids)
        roles = _roles(conn, ids)
        paths: dict[int, list[str]] = {}
        for link in conn.execute(
            sa.select(entity_links.c.entity_id, entity_links.c.article_path)
            .where(entity_links.c.entity_id.in_(ids))
            .distinct()
            .order_by(entity_links.c.entity_id, entity_links.c.article_path)
        ):
            paths.setdefault(link.entity_id, []).append(link.article_path)
        for r in rows:
            yield {
                "id": r.id, "key": r.key, "name": r.name, "type": r.type, "gazetteer_id": r.gazetteer_id,
                "aliases": aliases.get(r.id, []), "names": names.get(r.id, {}), "roles": roles.get(r.id, []),
                "articles": paths.get(r.id, []), "first_seen": r.first_seen, "last_seen": r.last_seen,
            }  # fmt: skip
        last = ids[-1]


def _prefix(folded: str) -> str:
    return folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _ids_with_alias(conn: sa.Connection, condition: Any) -> list[int]:
    query = sa.select(entity_aliases.c.entity_id).where(condition).distinct().limit(FIND_LIMIT * 5)
    return [r.entity_id for r in conn.execute(query)]


def _names_by_language(conn: sa.Connection, ids: list[int]) -> dict[int, dict[str, list[str]]]:
    if not ids:
        return {}
    found: dict[int, dict[str, list[str]]] = {}
    query = (
        sa.select(entity_aliases.c.entity_id, entity_aliases.c.language, entity_aliases.c.alias)
        .where(entity_aliases.c.entity_id.in_(ids))
        .order_by(entity_aliases.c.entity_id, entity_aliases.c.language, entity_aliases.c.count.desc())
    )
    for row in conn.execute(query):
        found.setdefault(row.entity_id, {}).setdefault(row.language, []).append(row.alias)
    return found


def _roles(conn: sa.Connection, ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    if not ids:
        return {}
    of = entities.alias("role_of")
    query = (
        sa.select(entity_roles, of.c.name.label("of_name"))
        .outerjoin(of, of.c.id == entity_roles.c.role_of_entity_id)
        .where(entity_roles.c.entity_id.in_(ids))
        .order_by(entity_roles.c.entity_id, entity_roles.c.first_seen, entity_roles.c.role)
    )
    found: dict[int, list[dict[str, Any]]] = {}
    for r in conn.execute(query):
        found.setdefault(r.entity_id, []).append(
            {"role": r.role, "of": r.of_name or (r.role_of_key or None), "of_id": r.role_of_entity_id,
             "title": r.role_text, "first_seen": r.first_seen, "last_seen": r.last_seen, "count": r.count,
             "evidence": {"article_id": r.first_article_id, "text": r.evidence}}
        )  # fmt: skip
    return found


def _articles(conn: sa.Connection, entity_id: int) -> list[dict[str, Any]]:
    query = (
        sa.select(
            entity_links.c.article_id,
            entity_links.c.article_path,
            entity_links.c.published,
            sa.func.count().label("mentions"),
        )
        .where(entity_links.c.entity_id == entity_id)
        .group_by(entity_links.c.article_id, entity_links.c.article_path, entity_links.c.published)
        .order_by(entity_links.c.published.desc(), entity_links.c.article_path)
    )
    return [
        {"id": r.article_id, "path": r.article_path, "published": r.published, "mentions": r.mentions}
        for r in conn.execute(query)
    ]
