"""SQL for entities: blocking-key lookups, inserts and upserts (portable SQLAlchemy Core, parameterised).

Every lookup goes through an indexed column (``entity_keys.key``, ``entity_aliases.folded``,
``entities.id``); nothing here scans the entity tables.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from newsloom.store.migrations.m0002_entities import (
    entities,
    entity_aliases,
    entity_keys,
    entity_links,
    entity_roles,
)


@dataclass(frozen=True, slots=True)
class StoredEntity:
    id: int
    key: str
    name: str
    type: str
    gazetteer_id: str | None
    article_count: int


def _entity(row: Any) -> StoredEntity:
    return StoredEntity(row.id, row.key, row.name, row.type, row.gazetteer_id, row.article_count)


def entities_for_keys(conn: sa.Connection, keys: Iterable[str]) -> dict[str, list[StoredEntity]]:
    """Blocking-key lookup: key -> entities holding it (one indexed query)."""
    wanted = sorted(set(keys))
    if not wanted:
        return {}
    query = (
        sa.select(
            entity_keys.c.key.label("blocking_key"),
            entities.c.id,
            entities.c.key,
            entities.c.name,
            entities.c.type,
            entities.c.gazetteer_id,
            entities.c.article_count,
        )
        .join(entities, entities.c.id == entity_keys.c.entity_id)
        .where(entity_keys.c.key.in_(wanted))
    )
    found: dict[str, list[StoredEntity]] = {}
    for row in conn.execute(query):
        found.setdefault(row.blocking_key, []).append(_entity(row))
    return found


def entity_by_key(conn: sa.Connection, key: str) -> StoredEntity | None:
    row = conn.execute(sa.select(entities).where(entities.c.key == key)).first()
    return _entity(row) if row else None


def entity_by_id(conn: sa.Connection, entity_id: int) -> StoredEntity | None:
    row = conn.execute(sa.select(entities).where(entities.c.id == entity_id)).first()
    return _entity(row) if row else None


def aliases_with_folded(conn: sa.Connection, entity_ids: Sequence[int], folded: str) -> dict[int, list[str]]:
    """Aliases of these entities that fold to ``folded`` (to compare diacritics)."""
    if not entity_ids:
        return {}
    query = sa.select(entity_aliases.c.entity_id, entity_aliases.c.alias).where(
        entity_aliases.c.folded == folded, entity_aliases.c.entity_id.in_(list(entity_ids))
    )
    found: dict[int, list[str]] = {}
    for row in conn.execute(query):
        found.setdefault(row.entity_id, []).append(row.alias)
    return found


def insert_entity(
    conn: sa.Connection, key: str, name: str, type_: str, gazetteer_id: str | None
) -> StoredEntity:
    result = conn.execute(
        sa.insert(entities).values(
            key=key, name=name, type=type_, gazetteer_id=gazetteer_id, mention_count=0, article_count=0
        )
    )
    primary_key = result.inserted_primary_key
    assert primary_key is not None
    entity_id = int(primary_key[0])
    return StoredEntity(entity_id, key, name, type_, gazetteer_id, 0)


def key_taken(conn: sa.Connection, key: str) -> bool:
    return conn.execute(sa.select(entities.c.id).where(entities.c.key == key)).first() is not None


def add_keys(conn: sa.Connection, entity_id: int, keys: Iterable[str]) -> None:
    wanted = sorted(set(keys))
    if not wanted:
        return
    have = {
        row.key
        for row in conn.execute(
            sa.select(entity_keys.c.key).where(
                entity_keys.c.entity_id == entity_id, entity_keys.c.key.in_(wanted)
            )
        )
    }
    rows = [{"key": k, "entity_id": entity_id} for k in wanted if k not in have]
    if rows:
        conn.execute(sa.insert(entity_keys), rows)


def add_aliases(conn: sa.Connection, entity_id: int, aliases: dict[tuple[str, str, str], int]) -> None:
    """Upsert aliases: (alias, folded, language) -> how many times seen now."""
    if not aliases:
        return
    names = sorted({a for a, _, _ in aliases})
    existing = {
        (row.alias, row.language): row.id
        for row in conn.execute(
            sa.select(entity_aliases.c.id, entity_aliases.c.alias, entity_aliases.c.language).where(
                entity_aliases.c.entity_id == entity_id, entity_aliases.c.alias.in_(names)
            )
        )
    }
    new_rows = []
    for (alias, folded, language), count in aliases.items():
        alias_id = existing.get((alias, language))
        if alias_id is None:
            new_rows.append(
                {
                    "entity_id": entity_id,
                    "alias": alias,
                    "folded": folded,
                    "language": language,
                    "count": count,
                }
            )
        else:
            conn.execute(
                sa.update(entity_aliases)
                .where(entity_aliases.c.id == alias_id)
                .values(count=entity_aliases.c.count + count)
            )
    if new_rows:
        conn.execute(sa.insert(entity_aliases), new_rows)


def add_links(conn: sa.Connection, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(sa.insert(entity_links), rows)


def update_entity_after_link(
    conn: sa.Connection, entity_id: int, name: str | None, mentions: int, published: str | None
) -> None:
    """Counts, canonical name and first/last seen after one article's mentions were linked."""
    row = conn.execute(
        sa.select(entities.c.first_seen, entities.c.last_seen).where(entities.c.id == entity_id)
    ).one()
    values: dict[str, Any] = {
        "mention_count": entities.c.mention_count + mentions,
        "article_count": entities.c.article_count + 1,
    }
    if name:
        values["name"] = name
    if published:
        if row.first_seen is None or published < row.first_seen:
            values["first_seen"] = published
        if row.last_seen is None or published > row.last_seen:
            values["last_seen"] = published
    conn.execute(sa.update(entities).where(entities.c.id == entity_id).values(**values))


def upsert_role(
    conn: sa.Connection,
    entity_id: int,
    role: str,
    role_of_key: str,
    role_of_entity_id: int | None,
    role_text: str,
    published: str | None,
    article_id: str,
    evidence: str,
) -> None:
    """Add one sighting of a role; first/last seen follow the article dates."""
    row = conn.execute(
        sa.select(entity_roles).where(
            entity_roles.c.entity_id == entity_id,
            entity_roles.c.role == role,
            entity_roles.c.role_of_key == role_of_key,
        )
    ).first()
    if row is None:
        conn.execute(
            sa.insert(entity_roles).values(
                entity_id=entity_id, role=role, role_of_key=role_of_key, role_of_entity_id=role_of_entity_id,
                role_text=role_text, first_seen=published, last_seen=published, count=1,
                first_article_id=article_id, last_article_id=article_id, evidence=evidence,
            )
        )  # fmt: skip
        return
    values: dict[str, Any] = {"count": entity_roles.c.count + 1}
    if published and (row.first_seen is None or published < row.first_seen):
        values.update(first_seen=published, first_article_id=article_id, evidence=evidence)
    if published and (row.last_seen is None or published >= row.last_seen):
        values.update(last_seen=published, last_article_id=article_id)
    conn.execute(sa.update(entity_roles).where(entity_roles.c.id == row.id).values(**values))


def remove_article_links(conn: sa.Connection, article_id: str) -> int:
    """Forget one article's links (before re-linking it); entity counts go down with them."""
    rows = conn.execute(
        sa.select(entity_links.c.entity_id, sa.func.count().label("n"))
        .where(entity_links.c.article_id == article_id)
        .group_by(entity_links.c.entity_id)
    ).all()
    for row in rows:
        conn.execute(
            sa.update(entities)
            .where(entities.c.id == row.entity_id)
            .values(
                mention_count=entities.c.mention_count - row.n,
                article_count=entities.c.article_count - 1,
            )
        )
    conn.execute(sa.delete(entity_links).where(entity_links.c.article_id == article_id))
    return len(rows)
