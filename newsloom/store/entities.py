"""SQL for entities: blocking-key lookups, inserts and upserts (portable SQLAlchemy Core, parameterised).

Every lookup goes through an indexed column (``entity_keys.key``, ``entity_aliases.folded``,
``entities.id``); nothing here scans the entity tables.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from newsloom.store.schema import (
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
    # typed parameters: PostgreSQL cannot deduce one type for a parameter used in several places
    day = sa.bindparam("b_published", type_=sa.String)
    conn.execute(
        sa.update(entities)
        .where(entities.c.id == sa.bindparam("b_id", type_=sa.Integer))
        .values(
            mention_count=entities.c.mention_count + sa.bindparam("b_mentions", type_=sa.Integer),
            article_count=entities.c.article_count + 1,
            first_seen=sa.func.coalesce(
                sa.case(
                    (entities.c.first_seen.is_(None), day),
                    (day < entities.c.first_seen, day),
                    else_=entities.c.first_seen,
                ),
                entities.c.first_seen,
            ),
            last_seen=sa.func.coalesce(
                sa.case(
                    (entities.c.last_seen.is_(None), day),
                    (day > entities.c.last_seen, day),
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


# -- reads for the CLI, the API and exports ------------------------------------------------------------

#: How many entities a lookup by name returns at most.
FIND_LIMIT = 20


@dataclass(frozen=True, slots=True)
class EntityRecord:
    """A row of ``entities``."""

    id: int
    key: str
    name: str
    type: str
    gazetteer_id: str | None
    mention_count: int
    article_count: int
    first_seen: str | None
    last_seen: str | None


@dataclass(frozen=True, slots=True)
class AliasRow:
    entity_id: int
    alias: str
    language: str
    count: int


@dataclass(frozen=True, slots=True)
class RoleRow:
    """A role of an entity, with the name of what it is a role of (when that is a stored entity)."""

    entity_id: int
    role: str
    role_of_key: str
    role_of_entity_id: int | None
    of_name: str | None
    role_text: str
    first_seen: str | None
    last_seen: str | None
    count: int
    first_article_id: str
    evidence: str


@dataclass(frozen=True, slots=True)
class EntityArticleRow:
    """An article naming an entity, and how many times."""

    article_id: str
    article_path: str | None
    published: str | None
    mentions: int


def _records(rows: Iterable[Any]) -> list[EntityRecord]:
    return [EntityRecord(**row._mapping) for row in rows]


def entity_rows(
    conn: sa.Connection, type: str | None = None, limit: int = 50, offset: int = 0
) -> list[EntityRecord]:
    """Entities by article count (most first), of one type when given."""
    query = (
        sa.select(entities)
        .order_by(entities.c.article_count.desc(), entities.c.id)
        .limit(limit)
        .offset(offset)
    )
    if type is not None:
        query = query.where(entities.c.type == type)
    return _records(conn.execute(query))


def entities_named(conn: sa.Connection, folded: str) -> list[EntityRecord]:
    """Entities having the folded name ``folded`` as an alias; else whose alias starts with it.
    Best known first, FIND_LIMIT at most."""
    if not folded:
        return []
    ids = _ids_with_alias(conn, entity_aliases.c.folded == folded)
    if not ids:
        ids = _ids_with_alias(conn, entity_aliases.c.folded.like(_prefix(folded), escape="\\"))
    if not ids:
        return []
    query = sa.select(entities).where(entities.c.id.in_(ids)).order_by(entities.c.article_count.desc())
    return _records(conn.execute(query.limit(FIND_LIMIT)))


def entity_row(conn: sa.Connection, entity_id: int) -> EntityRecord | None:
    found = _records(conn.execute(sa.select(entities).where(entities.c.id == entity_id)))
    return found[0] if found else None


def entity_rows_after(conn: sa.Connection, last: int, batch: int) -> list[EntityRecord]:
    """The next ``batch`` entities after id ``last`` (for exports in constant memory)."""
    return _records(
        conn.execute(sa.select(entities).where(entities.c.id > last).order_by(entities.c.id).limit(batch))
    )


def aliases_of(conn: sa.Connection, ids: Sequence[int]) -> list[AliasRow]:
    """The aliases of some entities, most used first (then alphabetically) for each entity."""
    if not ids:
        return []
    query = (
        sa.select(
            entity_aliases.c.entity_id,
            entity_aliases.c.alias,
            entity_aliases.c.language,
            entity_aliases.c.count,
        )
        .where(entity_aliases.c.entity_id.in_(list(ids)))
        .order_by(entity_aliases.c.entity_id, entity_aliases.c.count.desc(), entity_aliases.c.alias)
    )
    return [AliasRow(**row._mapping) for row in conn.execute(query)]


def _prefix(folded: str) -> str:
    return folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _ids_with_alias(conn: sa.Connection, condition: Any) -> list[int]:
    query = sa.select(entity_aliases.c.entity_id).where(condition).distinct().limit(FIND_LIMIT * 5)
    return [r.entity_id for r in conn.execute(query)]


def names_by_language(conn: sa.Connection, ids: Sequence[int]) -> dict[int, dict[str, list[str]]]:
    """Entity id -> language -> the names seen in it, most used first."""
    if not ids:
        return {}
    found: dict[int, dict[str, list[str]]] = {}
    query = (
        sa.select(entity_aliases.c.entity_id, entity_aliases.c.language, entity_aliases.c.alias)
        .where(entity_aliases.c.entity_id.in_(list(ids)))
        .order_by(
            entity_aliases.c.entity_id,
            entity_aliases.c.language,
            entity_aliases.c.count.desc(),
            entity_aliases.c.id,  # ties in the order they were first seen, the same on every database
        )
    )
    for row in conn.execute(query):
        found.setdefault(row.entity_id, {}).setdefault(row.language, []).append(row.alias)
    return found


_ROLE_OF = entities.alias("role_of")
#: Built once (the merge step asks for roles several times per event, #18).
_ROLES_OF = (
    sa.select(
        entity_roles.c.entity_id, entity_roles.c.role, entity_roles.c.role_of_key,
        entity_roles.c.role_of_entity_id, _ROLE_OF.c.name.label("of_name"), entity_roles.c.role_text,
        entity_roles.c.first_seen, entity_roles.c.last_seen, entity_roles.c.count,
        entity_roles.c.first_article_id, entity_roles.c.evidence,
    )
    .outerjoin(_ROLE_OF, _ROLE_OF.c.id == entity_roles.c.role_of_entity_id)
    .where(entity_roles.c.entity_id.in_(sa.bindparam("ids", expanding=True)))
    .order_by(entity_roles.c.entity_id, entity_roles.c.first_seen, entity_roles.c.role)
)  # fmt: skip


def roles_of(conn: sa.Connection, ids: Sequence[int]) -> list[RoleRow]:
    """The roles of some entities, by entity, first seen and role."""
    if not ids:
        return []
    return [RoleRow(**row._mapping) for row in conn.execute(_ROLES_OF, {"ids": list(ids)})]


def articles_naming(conn: sa.Connection, entity_id: int) -> list[EntityArticleRow]:
    """The articles that name an entity, newest first, with how many mentions each."""
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
    return [EntityArticleRow(**row._mapping) for row in conn.execute(query)]


def paths_naming(conn: sa.Connection, ids: Sequence[int]) -> dict[int, list[str]]:
    """Entity id -> the input paths of the articles that name it, in order."""
    paths: dict[int, list[str]] = {}
    query = (
        sa.select(entity_links.c.entity_id, entity_links.c.article_path)
        .where(entity_links.c.entity_id.in_(list(ids)))
        .distinct()
        .order_by(entity_links.c.entity_id, entity_links.c.article_path)
    )
    for link in conn.execute(query):
        paths.setdefault(link.entity_id, []).append(link.article_path)
    return paths


# -- links, for the corpus steps that read them ----------------------------------------------------

_HAS_LINKS: weakref.WeakKeyDictionary[sa.Engine, bool] = weakref.WeakKeyDictionary()


def has_links(conn: sa.Connection) -> bool:
    """True when this database holds entity links (a store opened without the entity tables has none)."""
    if conn.engine not in _HAS_LINKS:
        _HAS_LINKS[conn.engine] = bool(sa.inspect(conn).has_table("entity_links"))
    return _HAS_LINKS[conn.engine]


_LINKED_SPANS = sa.select(
    entity_links.c.start_offset, entity_links.c.end_offset, entity_links.c.entity_id
).where(entity_links.c.article_id == sa.bindparam("article_id"))


def linked_spans(conn: sa.Connection, article_id: str) -> dict[tuple[int, int], int]:
    """(start, end) of each linked mention of an article -> its canonical entity id."""
    if not has_links(conn):
        return {}
    rows = conn.execute(_LINKED_SPANS, {"article_id": article_id})
    return {(int(r.start_offset), int(r.end_offset)): int(r.entity_id) for r in rows}


def linked_keys(conn: sa.Connection, article_id: str) -> dict[int, str]:
    """Mention start offset -> canonical entity key of each linked mention of an article."""
    if not has_links(conn):
        return {}
    rows = conn.execute(
        sa.select(entity_links.c.start_offset, entities.c.key)
        .join(entities, entities.c.id == entity_links.c.entity_id)
        .where(entity_links.c.article_id == article_id)
    )
    return {int(row.start_offset): str(row.key) for row in rows}


def ids_of_keys(conn: sa.Connection, keys: Iterable[str]) -> dict[str, int]:
    """Entity key -> id, for the keys that are stored."""
    wanted = sorted(set(keys))
    if not wanted or not has_links(conn):
        return {}
    rows = conn.execute(sa.select(entities.c.id, entities.c.key).where(entities.c.key.in_(wanted)))
    return {str(row.key): int(row.id) for row in rows}


@dataclass(frozen=True, slots=True)
class LinkedMention:
    """A mention linked to an entity: where it is, and the entity's key, name and type."""

    article_id: str
    start_offset: int
    key: str
    name: str
    type: str


def links_in_articles(conn: sa.Connection, article_ids: Sequence[str]) -> list[LinkedMention]:
    """Every entity link of some articles: article id, start offset, entity key, name and type."""
    if not article_ids or not has_links(conn):
        return []
    query = (
        sa.select(entity_links.c.article_id, entity_links.c.start_offset, entities.c.key, entities.c.name,
                  entities.c.type)
        .join(entities, entities.c.id == entity_links.c.entity_id)
        .where(entity_links.c.article_id.in_(list(article_ids)))
    )  # fmt: skip
    return [LinkedMention(**row._mapping) for row in conn.execute(query)]


_ROLE_HOLDERS = (
    sa.select(entity_roles.c.role_of_entity_id, entity_roles.c.entity_id)
    .where(entity_roles.c.role_of_entity_id.in_(sa.bindparam("ids", expanding=True)))
    .order_by(entity_roles.c.role_of_entity_id, entity_roles.c.entity_id)
    .distinct()
)


def role_holders(conn: sa.Connection, body_ids: Sequence[int]) -> dict[int, list[int]]:
    """The entities holding a role of each body (ministers of a ministry), by body id."""
    if not body_ids:
        return {}
    found: dict[int, list[int]] = {}
    for body, holder in conn.execute(_ROLE_HOLDERS, {"ids": sorted(set(body_ids))}):
        found.setdefault(body, []).append(holder)
    return found
