"""SQL for entities: blocking-key lookups, inserts and upserts (portable SQLAlchemy Core, parameterised).

Every lookup goes through an indexed column (``entity_keys.key``, ``entity_aliases.folded``,
``entities.id``); nothing here scans the entity tables.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
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


def entities_for_key(conn: sa.Connection, key: str, limit: int) -> list[StoredEntity]:
    """At most ``limit`` entities holding a blocking key (for keys shared by many, like a first name)."""
    query = (
        sa.select(entities)
        .join(entity_keys, entities.c.id == entity_keys.c.entity_id)
        .where(entity_keys.c.key == key)
        .limit(limit)
    )
    return [_entity(row) for row in conn.execute(query)]


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


def add_keys(conn: sa.Connection, keys: Mapping[int, Iterable[str]]) -> None:
    """Blocking keys per entity (those already there are kept): one select, one insert."""
    wanted = {(entity_id, key) for entity_id, ks in keys.items() for key in ks}
    if not wanted:
        return
    # by entity (a few keys each), not by key: "part:maria" may be held by thousands of people
    have = {
        (row.entity_id, row.key)
        for row in conn.execute(
            sa.select(entity_keys.c.entity_id, entity_keys.c.key).where(
                entity_keys.c.entity_id.in_(sorted(keys))
            )
        )
    }
    rows = [{"key": k, "entity_id": e} for e, k in sorted(wanted - have)]
    if rows:
        conn.execute(sa.insert(entity_keys), rows)


def add_aliases(conn: sa.Connection, aliases: dict[tuple[int, str, str, str], int]) -> None:
    """Upsert aliases: (entity id, alias, folded, language) -> times seen in this article."""
    if not aliases:
        return
    ids = sorted({e for e, _, _, _ in aliases})
    existing = {
        (row.entity_id, row.alias, row.language): row.id
        for row in conn.execute(
            sa.select(
                entity_aliases.c.id,
                entity_aliases.c.entity_id,
                entity_aliases.c.alias,
                entity_aliases.c.language,
            )
            .where(entity_aliases.c.entity_id.in_(ids))
            .where(entity_aliases.c.alias.in_(sorted({a for _, a, _, _ in aliases})))
        )
    }
    new_rows, bumps = [], []
    for (entity_id, alias, folded, language), count in aliases.items():
        alias_id = existing.get((entity_id, alias, language))
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
            bumps.append({"b_id": alias_id, "b_count": count})
    if new_rows:
        conn.execute(sa.insert(entity_aliases), new_rows)
    if bumps:
        conn.execute(
            sa.update(entity_aliases)
            .where(entity_aliases.c.id == sa.bindparam("b_id"))
            .values(count=entity_aliases.c.count + sa.bindparam("b_count")),
            bumps,
        )


def add_links(conn: sa.Connection, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(sa.insert(entity_links), rows)


@dataclass(frozen=True, slots=True)
class EntityUpdate:
    """What one article adds to an entity: mentions, and maybe a better canonical name."""

    entity_id: int
    mentions: int
    name: str | None = None


def update_entities_after_link(
    conn: sa.Connection, updates: list[EntityUpdate], published: str | None
) -> None:
    """Counts, canonical names and first/last seen after one article was linked."""
    if not updates:
        return
    rows = [{"b_id": u.entity_id, "b_mentions": u.mentions, "b_published": published} for u in updates]
    conn.execute(
        sa.update(entities)
        .where(entities.c.id == sa.bindparam("b_id"))
        .values(
            mention_count=entities.c.mention_count + sa.bindparam("b_mentions"),
            article_count=entities.c.article_count + 1,
            first_seen=sa.func.coalesce(
                sa.case(
                    (entities.c.first_seen.is_(None), sa.bindparam("b_published")),
                    (sa.bindparam("b_published") < entities.c.first_seen, sa.bindparam("b_published")),
                    else_=entities.c.first_seen,
                ),
                entities.c.first_seen,
            ),
            last_seen=sa.func.coalesce(
                sa.case(
                    (entities.c.last_seen.is_(None), sa.bindparam("b_published")),
                    (sa.bindparam("b_published") > entities.c.last_seen, sa.bindparam("b_published")),
                    else_=entities.c.last_seen,
                ),
                entities.c.last_seen,
            ),
        ),
        rows,
    )
    renames = [{"b_id": u.entity_id, "b_name": u.name} for u in updates if u.name]
    if renames:
        conn.execute(
            sa.update(entities)
            .where(entities.c.id == sa.bindparam("b_id"))
            .values(name=sa.bindparam("b_name")),
            renames,
        )


@dataclass(frozen=True, slots=True)
class RoleSighting:
    """One title seen for an entity in one article."""

    entity_id: int
    role: str
    role_of_key: str
    role_of_entity_id: int | None
    role_text: str
    evidence: str


def upsert_roles(
    conn: sa.Connection, sightings: list[RoleSighting], published: str | None, article_id: str
) -> None:
    """Add the roles seen in one article; first/last seen follow the article dates, the first
    sighting keeps its evidence."""
    unique: dict[tuple[int, str, str], RoleSighting] = {}
    counts: dict[tuple[int, str, str], int] = {}
    for s in sightings:
        key = (s.entity_id, s.role, s.role_of_key)
        unique.setdefault(key, s)
        counts[key] = counts.get(key, 0) + 1
    if not unique:
        return
    existing = {
        (row.entity_id, row.role, row.role_of_key): row
        for row in conn.execute(
            sa.select(entity_roles).where(entity_roles.c.entity_id.in_(sorted({k[0] for k in unique})))
        )
    }
    for key, s in unique.items():
        row = existing.get(key)
        if row is None:
            conn.execute(
                sa.insert(entity_roles).values(
                    entity_id=s.entity_id, role=s.role, role_of_key=s.role_of_key, role_of_entity_id=s.role_of_entity_id,
                    role_text=s.role_text, first_seen=published, last_seen=published, count=counts[key],
                    first_article_id=article_id, last_article_id=article_id, evidence=s.evidence,
                )
            )  # fmt: skip
            continue
        values: dict[str, Any] = {"count": entity_roles.c.count + counts[key]}
        if published and (row.first_seen is None or published < row.first_seen):
            values.update(first_seen=published, first_article_id=article_id, evidence=s.evidence)
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
