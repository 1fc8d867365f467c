"""What people corrected: the audit records, the rows they touch, and the moves that apply them.

The tables live here, on the schema's metadata (registered when the migrations are discovered), as
``store/watch.py`` does: the corrections' tables and every statement that reads or writes them come
in one module. What a correction means (which rows to move, when to replay it) is decided by
:mod:`newsloom.corrections`; this module only runs the statements it asks for.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np
import sqlalchemy as sa

from newsloom.store.schema import (
    entities,
    entity_aliases,
    entity_keys,
    entity_links,
    entity_roles,
    event_actors,
    event_sources,
    events,
    has_table,
    metadata,
    stories,
    story_dates,
    story_keys,
    story_lsh,
    story_members,
    story_titles,
    storylines,
)

#: one row per correction a person made (undoing one is a correction of kind "undo" too)
corrections = sa.Table(
    "corrections",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(16), nullable=False),  # merge | split | retype | date | ... | undo
    sa.Column("target_kind", sa.String(16), nullable=False),  # event | entity | story | correction
    sa.Column("target_ids", sa.Text, nullable=False),  # JSON list of the ids as the person saw them
    sa.Column("payload", sa.Text, nullable=False),  # JSON: stable anchors and the new values
    sa.Column("reason", sa.Text, nullable=False, default=""),
    sa.Column("token_name", sa.String(64), nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("undone_at", sa.String(32)),
    sa.Column("undone_by", sa.Integer),  # the id of the "undo" correction
)
sa.Index("ix_corrections_target", corrections.c.target_kind, corrections.c.undone_at)

#: the articles each active correction currently covers: an article processed later that shares an
#: event or a story with one of them makes the correction be replayed
correction_refs = sa.Table(
    "correction_refs",
    metadata,
    sa.Column("correction_id", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.String(64), primary_key=True),
)
sa.Index("ix_correction_refs_article", correction_refs.c.article_id)

#: events marked false (kept with their sources, hidden from every list, timeline and export)
hidden_events = sa.Table(
    "hidden_events",
    metadata,
    sa.Column("event_id", sa.Integer, primary_key=True),
    sa.Column("correction_id", sa.Integer, nullable=False),
)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True, slots=True)
class CorrectionRow:
    """A row of ``corrections``, its JSON decoded."""

    id: int
    kind: str
    target_kind: str
    target_ids: list[Any]
    payload: dict[str, Any]
    reason: str
    token_name: str
    created_at: str
    undone_at: str | None
    undone_by: int | None


def _row(row: Any) -> CorrectionRow:
    values = dict(row._mapping)
    values["target_ids"] = json.loads(values["target_ids"])
    values["payload"] = json.loads(values["payload"])
    return CorrectionRow(**values)


# -- the audit records -----------------------------------------------------------------------------


def insert_correction(
    conn: sa.Connection,
    kind: str,
    target_kind: str,
    target_ids: Sequence[Any],
    payload: dict[str, Any],
    reason: str,
    token_name: str,
) -> int:
    result = conn.execute(
        sa.insert(corrections).values(
            kind=kind, target_kind=target_kind, target_ids=_json(list(target_ids)), payload=_json(payload),
            reason=reason, token_name=token_name, created_at=now(),
        )
    )  # fmt: skip
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def get_correction(conn: sa.Connection, correction_id: int) -> CorrectionRow | None:
    row = conn.execute(sa.select(corrections).where(corrections.c.id == correction_id)).first()
    return _row(row) if row else None


def list_corrections(
    conn: sa.Connection,
    target_kind: str | None = None,
    active_only: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[CorrectionRow]:
    """Corrections in the order they were made (the order they are replayed in)."""
    query = sa.select(corrections).order_by(corrections.c.id)
    if target_kind:
        query = query.where(corrections.c.target_kind == target_kind)
    if active_only:
        query = query.where(corrections.c.undone_at.is_(None), corrections.c.kind != "undo")
    if limit is not None:
        query = query.limit(limit).offset(offset)
    return [_row(r) for r in conn.execute(query)]


def corrections_version(conn: sa.Connection) -> int:
    """The newest correction's id (0 before any): changes with every correction and every undo."""
    return int(conn.execute(sa.select(sa.func.max(corrections.c.id))).scalar() or 0)


def has_active(conn: sa.Connection) -> bool:
    """Whether any correction is in force (False in a store built without the corrections tables)."""
    if not has_table(conn, "corrections"):
        return False
    query = sa.select(corrections.c.id).where(corrections.c.undone_at.is_(None), corrections.c.kind != "undo")
    return conn.execute(query.limit(1)).first() is not None


def mark_undone(conn: sa.Connection, correction_id: int, undo_id: int) -> None:
    conn.execute(
        sa.update(corrections)
        .where(corrections.c.id == correction_id)
        .values(undone_at=now(), undone_by=undo_id)
    )
    conn.execute(sa.delete(correction_refs).where(correction_refs.c.correction_id == correction_id))
    conn.execute(sa.delete(hidden_events).where(hidden_events.c.correction_id == correction_id))


def set_refs(conn: sa.Connection, correction_id: int, article_ids: Iterable[str]) -> None:
    """The articles a correction covers now (replaces what was recorded)."""
    conn.execute(sa.delete(correction_refs).where(correction_refs.c.correction_id == correction_id))
    rows = [{"correction_id": correction_id, "article_id": a} for a in sorted(set(article_ids))]
    if rows:
        conn.execute(sa.insert(correction_refs), rows)


def corrections_covering(conn: sa.Connection, article_ids: Iterable[str]) -> set[int]:
    ids = sorted(set(article_ids))
    if not ids:
        return set()
    query = sa.select(correction_refs.c.correction_id).where(correction_refs.c.article_id.in_(ids)).distinct()
    return {int(r[0]) for r in conn.execute(query)}


# -- events ----------------------------------------------------------------------------------------

#: A source row's stable identity: (article id, trigger start, trigger end). Event ids change when
#: events are merged again; the sentences that report them do not.
Anchor = tuple[str, int, int]


def anchors_of_events(conn: sa.Connection, event_ids: Sequence[int]) -> dict[int, list[Anchor]]:
    found: dict[int, list[Anchor]] = {int(i): [] for i in event_ids}
    if not event_ids:
        return found
    query = (
        sa.select(event_sources.c.event_id, event_sources.c.article_id, event_sources.c.start_offset,
                  event_sources.c.end_offset)
        .where(event_sources.c.event_id.in_(list(event_ids)))
        .order_by(event_sources.c.id)
    )  # fmt: skip
    for row in conn.execute(query):
        found[int(row.event_id)].append((str(row.article_id), int(row.start_offset), int(row.end_offset)))
    return found


def anchors_of_sources(conn: sa.Connection, source_ids: Sequence[int]) -> list[tuple[int, Anchor]]:
    """(event id, anchor) of some source rows."""
    if not source_ids:
        return []
    query = sa.select(
        event_sources.c.event_id, event_sources.c.article_id, event_sources.c.start_offset,
        event_sources.c.end_offset,
    ).where(event_sources.c.id.in_(list(source_ids)))  # fmt: skip
    return [
        (int(r.event_id), (str(r.article_id), int(r.start_offset), int(r.end_offset)))
        for r in conn.execute(query)
    ]


def sources_at(conn: sa.Connection, anchors: Iterable[Sequence[Any]]) -> dict[int, list[int]]:
    """Event id -> ids of its source rows that sit at one of ``anchors`` (read by article)."""
    wanted: dict[str, set[tuple[int, int]]] = {}
    for article_id, start, end in anchors:
        wanted.setdefault(str(article_id), set()).add((int(start), int(end)))
    found: dict[int, list[int]] = {}
    if not wanted:
        return found
    query = sa.select(
        event_sources.c.id, event_sources.c.event_id, event_sources.c.article_id, event_sources.c.start_offset,
        event_sources.c.end_offset,
    ).where(event_sources.c.article_id.in_(sorted(wanted)))  # fmt: skip
    for row in conn.execute(query):
        if (int(row.start_offset), int(row.end_offset)) in wanted[str(row.article_id)]:
            found.setdefault(int(row.event_id), []).append(int(row.id))
    return found


def source_ids_of_events(conn: sa.Connection, event_ids: Sequence[int]) -> dict[int, list[int]]:
    found: dict[int, list[int]] = {int(i): [] for i in event_ids}
    if event_ids:
        query = sa.select(event_sources.c.id, event_sources.c.event_id).where(
            event_sources.c.event_id.in_(list(event_ids))
        )
        for row in conn.execute(query):
            found[int(row.event_id)].append(int(row.id))
    return found


def articles_of_events(conn: sa.Connection, event_ids: Sequence[int]) -> set[str]:
    if not event_ids:
        return set()
    query = (
        sa.select(event_sources.c.article_id).where(event_sources.c.event_id.in_(list(event_ids))).distinct()
    )
    return {str(r[0]) for r in conn.execute(query)}


def events_of_article(conn: sa.Connection, article_id: str) -> set[int]:
    query = sa.select(event_sources.c.event_id).where(event_sources.c.article_id == article_id).distinct()
    return {int(r[0]) for r in conn.execute(query)}


def move_sources(conn: sa.Connection, source_ids: Sequence[int], event_id: int) -> None:
    if source_ids:
        conn.execute(
            sa.update(event_sources).where(event_sources.c.id.in_(list(source_ids))).values(event_id=event_id)
        )


def adopt_statements(conn: sa.Connection, from_ids: Sequence[int], event_id: int) -> None:
    """Statements made at events merged away now belong to the event they were merged into."""
    if from_ids:
        conn.execute(
            sa.update(events).where(events.c.parent_id.in_(list(from_ids))).values(parent_id=event_id)
        )


def copy_event(conn: sa.Connection, event_id: int) -> int:
    """A new event with the identity fields of ``event_id`` (its sources are moved in afterwards)."""
    row = conn.execute(sa.select(events).where(events.c.id == event_id)).one()
    stamp = now()
    values = {c: getattr(row, c) for c in ("type", "mode", "date", "date_end", "precision", "date_source",
                                            "parent_id", "joint", "host")}  # fmt: skip
    values.update(created_at=stamp, updated_at=stamp, title="", actors="{}", src_keys="[]", tgt_keys="[]",
                  context="[]", languages="[]", confidence=0.0, n_sources=0, n_articles=0)  # fmt: skip
    key = conn.execute(sa.insert(events).values(**values)).inserted_primary_key
    assert key is not None
    return int(key[0])


def event_values(conn: sa.Connection, event_id: int) -> dict[str, Any] | None:
    row = conn.execute(sa.select(events).where(events.c.id == event_id)).first()
    return dict(row._mapping) if row else None


def event_types(conn: sa.Connection, event_ids: Sequence[int]) -> dict[int, str]:
    if not event_ids:
        return {}
    query = sa.select(events.c.id, events.c.type).where(events.c.id.in_(list(event_ids)))
    return {int(r.id): str(r.type) for r in conn.execute(query)}


def set_event_values(
    conn: sa.Connection, event_id: int, values: dict[str, Any], actors: Sequence[dict[str, Any]] | None = None
) -> None:
    """Overwrite some columns of an event (and its actor rows when ``actors`` is given)."""
    if values:
        conn.execute(sa.update(events).where(events.c.id == event_id).values(**values, updated_at=now()))
    if actors is not None:
        conn.execute(sa.delete(event_actors).where(event_actors.c.event_id == event_id))
        if actors:
            conn.execute(sa.insert(event_actors), [{**a, "event_id": event_id} for a in actors])


def hide_events(conn: sa.Connection, correction_id: int, event_ids: Iterable[int]) -> None:
    """Exactly ``event_ids`` are the events this correction hides."""
    conn.execute(sa.delete(hidden_events).where(hidden_events.c.correction_id == correction_id))
    ids = sorted(set(event_ids))
    taken = {
        int(r[0])
        for r in conn.execute(sa.select(hidden_events.c.event_id).where(hidden_events.c.event_id.in_(ids)))
    }
    rows = [{"event_id": i, "correction_id": correction_id} for i in ids if i not in taken]
    if rows:
        conn.execute(sa.insert(hidden_events), rows)


def hidden_event_ids() -> Any:
    """A subquery of the hidden events' ids (for the event lists' filters)."""
    return sa.select(hidden_events.c.event_id)


def is_hidden(conn: sa.Connection, event_id: int) -> bool:
    query = sa.select(hidden_events.c.event_id).where(hidden_events.c.event_id == event_id)
    return conn.execute(query).first() is not None


# -- entities --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EntityBrief:
    id: int
    key: str
    name: str
    type: str


def _entity_briefs(conn: sa.Connection, column: sa.Column[Any], wanted: Iterable[Any]) -> list[EntityBrief]:
    """The entities whose ``column`` is one of ``wanted``, as briefs."""
    values = sorted(set(wanted))
    if not values:
        return []
    query = sa.select(entities.c.id, entities.c.key, entities.c.name, entities.c.type).where(
        column.in_(values)
    )
    return [EntityBrief(int(r.id), str(r.key), str(r.name), str(r.type)) for r in conn.execute(query)]


def entities_by_keys(conn: sa.Connection, keys: Iterable[str]) -> dict[str, EntityBrief]:
    return {brief.key: brief for brief in _entity_briefs(conn, entities.c.key, keys)}


def entities_by_ids(conn: sa.Connection, ids: Iterable[int]) -> dict[int, EntityBrief]:
    return {brief.id: brief for brief in _entity_briefs(conn, entities.c.id, ids)}


def _move_unique(
    conn: sa.Connection, table: sa.Table, column: str, src: Any, dst: Any, unique: Sequence[str]
) -> None:
    """Re-point ``table.column`` rows from ``src`` to ``dst``, dropping those ``dst`` already has."""
    col = table.c[column]
    have = {tuple(r) for r in conn.execute(sa.select(*[table.c[u] for u in unique]).where(col == dst))}
    for row in list(conn.execute(sa.select(table).where(col == src))):
        ident = tuple(getattr(row, u) for u in unique)
        where = sa.and_(col == src, *[table.c[u] == getattr(row, u) for u in unique])
        if ident in have:
            conn.execute(sa.delete(table).where(where))
        else:
            conn.execute(sa.update(table).where(where).values({column: dst}))
            have.add(ident)


def merge_entity_rows(conn: sa.Connection, src: int, dst: int) -> None:
    """Everything of entity ``src`` (links, aliases, keys, roles, event actors) now names ``dst``."""
    conn.execute(sa.update(entity_links).where(entity_links.c.entity_id == src).values(entity_id=dst))
    _move_unique(conn, entity_aliases, "entity_id", src, dst, ("alias", "language"))
    _move_unique(conn, entity_keys, "entity_id", src, dst, ("key",))
    _move_unique(conn, entity_roles, "entity_id", src, dst, ("role", "role_of_key"))
    _move_unique(conn, event_actors, "key", f"entity:{src}", f"entity:{dst}", ("event_id", "side"))
    conn.execute(sa.delete(entities).where(entities.c.id == src))
    recount_entity(conn, dst)


def recount_entity(conn: sa.Connection, entity_id: int) -> None:
    """Mention and article counts and first/last dates of an entity, from its links."""
    row = conn.execute(
        sa.select(
            sa.func.count(), sa.func.count(sa.distinct(entity_links.c.article_id)),
            sa.func.min(entity_links.c.published), sa.func.max(entity_links.c.published),
        ).where(entity_links.c.entity_id == entity_id)
    ).one()  # fmt: skip
    conn.execute(
        sa.update(entities)
        .where(entities.c.id == entity_id)
        .values(mention_count=int(row[0]), article_count=int(row[1]), first_seen=row[2], last_seen=row[3])
    )


def entity_link_texts(conn: sa.Connection, entity_id: int) -> list[tuple[int, str]]:
    """(link id, text) of every mention linked to an entity."""
    query = sa.select(entity_links.c.id, entity_links.c.text).where(entity_links.c.entity_id == entity_id)
    return [(int(r.id), str(r.text)) for r in conn.execute(query)]


def entity_alias_rows(conn: sa.Connection, entity_id: int) -> list[tuple[int, str, str]]:
    """(alias row id, alias, folded) of an entity."""
    query = sa.select(entity_aliases.c.id, entity_aliases.c.alias, entity_aliases.c.folded).where(
        entity_aliases.c.entity_id == entity_id
    )
    return [(int(r.id), str(r.alias), str(r.folded)) for r in conn.execute(query)]


def entity_key_rows(conn: sa.Connection, entity_id: int) -> list[str]:
    return [
        str(r[0])
        for r in conn.execute(sa.select(entity_keys.c.key).where(entity_keys.c.entity_id == entity_id))
    ]


def insert_entity_row(conn: sa.Connection, key: str, name: str, type_: str) -> int:
    result = conn.execute(
        sa.insert(entities).values(key=key, name=name, type=type_, mention_count=0, article_count=0)
    )
    primary = result.inserted_primary_key
    assert primary is not None
    return int(primary[0])


def move_entity_parts(
    conn: sa.Connection,
    dst: int,
    link_ids: Sequence[int],
    alias_ids: Sequence[int],
    src: int,
    keys: Sequence[str],
) -> None:
    """Move some links, aliases and blocking keys of entity ``src`` to entity ``dst``."""
    if link_ids:
        conn.execute(
            sa.update(entity_links).where(entity_links.c.id.in_(list(link_ids))).values(entity_id=dst)
        )
    if alias_ids:
        conn.execute(
            sa.update(entity_aliases).where(entity_aliases.c.id.in_(list(alias_ids))).values(entity_id=dst)
        )
    if keys:
        conn.execute(
            sa.update(entity_keys)
            .where(entity_keys.c.entity_id == src, entity_keys.c.key.in_(list(keys)))
            .values(entity_id=dst)
        )
    recount_entity(conn, src)
    recount_entity(conn, dst)


def articles_of_entity(conn: sa.Connection, entity_id: int) -> set[str]:
    query = sa.select(entity_links.c.article_id).where(entity_links.c.entity_id == entity_id).distinct()
    return {str(r[0]) for r in conn.execute(query)}


# -- stories ---------------------------------------------------------------------------------------


def stories_of_articles(conn: sa.Connection, article_ids: Iterable[str]) -> dict[int, set[str]]:
    """Story id -> which of ``article_ids`` are members of it."""
    ids = sorted(set(article_ids))
    found: dict[int, set[str]] = {}
    if not ids:
        return found
    query = sa.select(story_members.c.story_id, story_members.c.article_id).where(
        story_members.c.article_id.in_(ids)
    )
    for row in conn.execute(query):
        found.setdefault(int(row.story_id), set()).add(str(row.article_id))
    return found


def articles_of_stories(conn: sa.Connection, story_ids: Sequence[int]) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {int(i): set() for i in story_ids}
    if story_ids:
        query = sa.select(story_members.c.story_id, story_members.c.article_id).where(
            story_members.c.story_id.in_(list(story_ids))
        )
        for row in conn.execute(query):
            found[int(row.story_id)].add(str(row.article_id))
    return found


@dataclass(frozen=True, slots=True)
class StoryState:
    id: int
    centroid: np.ndarray
    member_count: int
    storyline_id: int | None
    encoder: str


def story_state(conn: sa.Connection, story_id: int) -> StoryState | None:
    row = conn.execute(sa.select(stories).where(stories.c.id == story_id)).first()
    if row is None:
        return None
    centroid = np.frombuffer(row.centroid, dtype="<f8").copy()
    return StoryState(int(row.id), centroid, int(row.member_count), row.storyline_id, str(row.encoder))


def member_vectors(conn: sa.Connection, story_id: int, article_ids: Iterable[str]) -> list[np.ndarray]:
    """The stored passage vectors of some members of a story."""
    from newsloom.store.schema import embeddings

    query = (
        sa.select(embeddings.c.vector)
        .join(story_members, story_members.c.embedding_key == embeddings.c.key)
        .where(story_members.c.story_id == story_id, story_members.c.article_id.in_(sorted(set(article_ids))))
    )
    return [np.frombuffer(r[0], dtype="<f4").astype(np.float64) for r in conn.execute(query)]


def insert_story_row(
    conn: sa.Connection, encoder: str, storyline_id: int | None, centroid: np.ndarray
) -> int:
    stamp = now()
    key = conn.execute(
        sa.insert(stories).values(
            encoder=encoder, centroid=centroid.astype("<f8").tobytes(), member_count=0, storyline_id=storyline_id,
            created_at=stamp, updated_at=stamp,
        )
    ).inserted_primary_key  # fmt: skip
    assert key is not None
    if storyline_id is not None:
        conn.execute(
            sa.update(storylines)
            .where(storylines.c.id == storyline_id)
            .values(story_count=storylines.c.story_count + 1)
        )
    return int(key[0])


def move_story_members(
    conn: sa.Connection, src: int, dst: int, article_ids: Iterable[str] | None = None
) -> None:
    """Members of story ``src`` (all, or those of ``article_ids``) join story ``dst``."""
    where = [story_members.c.story_id == src]
    if article_ids is not None:
        where.append(story_members.c.article_id.in_(sorted(set(article_ids))))
    have = {
        (str(r.article_id), int(r.segment))
        for r in conn.execute(
            sa.select(story_members.c.article_id, story_members.c.segment).where(
                story_members.c.story_id == dst
            )
        )
    }
    for row in list(
        conn.execute(sa.select(story_members.c.article_id, story_members.c.segment).where(*where))
    ):
        match = sa.and_(
            *where, story_members.c.article_id == row.article_id, story_members.c.segment == row.segment
        )
        if (str(row.article_id), int(row.segment)) in have:
            conn.execute(sa.delete(story_members).where(match))
        else:
            conn.execute(sa.update(story_members).where(match).values(story_id=dst))


def copy_story_keys(conn: sa.Connection, src: int, dst: int, count: int | None = None) -> None:
    """Add the blocking keys of ``src`` to ``dst`` (counts summed, or set to ``count`` when new)."""
    have = {
        str(r.key): int(r._mapping["count"])
        for r in conn.execute(sa.select(story_keys).where(story_keys.c.story_id == dst))
    }
    for row in list(conn.execute(sa.select(story_keys).where(story_keys.c.story_id == src))):
        stored = int(row._mapping["count"])
        added = stored if count is None else min(stored, count)
        if row.key in have:
            conn.execute(
                sa.update(story_keys)
                .where(story_keys.c.story_id == dst, story_keys.c.key == row.key)
                .values(count=have[row.key] + (added if count is None else 0))
            )
        else:
            conn.execute(
                sa.insert(story_keys).values(
                    key=row.key, story_id=dst, date=row.date, count=added, in_storyline=0
                )
            )


def refresh_story(
    conn: sa.Connection, story_id: int, centroid: np.ndarray, buckets: Sequence[int], date: str | None
) -> None:
    """Recompute a story's count, dates, titles and LSH rows from its members; delete it when empty."""
    members = list(
        conn.execute(
            sa.select(story_members.c.article_id, story_members.c.date, story_members.c.language,
                      story_members.c.title, story_members.c.title_rank)
            .where(story_members.c.story_id == story_id)
        )
    )  # fmt: skip
    if not members:
        delete_story(conn, story_id)
        return
    counted: dict[str, int] = {}
    for m in members:
        counted[m.date or ""] = counted.get(m.date or "", 0) + 1
    conn.execute(sa.delete(story_dates).where(story_dates.c.story_id == story_id))
    conn.execute(
        sa.insert(story_dates), [{"story_id": story_id, "date": d, "count": n} for d, n in counted.items()]
    )
    known = sorted(d for d in counted if d and not d.startswith("XXXX"))
    conn.execute(
        sa.update(stories)
        .where(stories.c.id == story_id)
        .values(
            member_count=len(members), centroid=centroid.astype("<f8").tobytes(), date=date,
            date_first=known[0] if known else date, date_last=known[-1] if known else date,
            month_day=date[5:10] if date and len(date) >= 10 else None, updated_at=now(),
        )
    )  # fmt: skip
    conn.execute(sa.update(story_keys).where(story_keys.c.story_id == story_id).values(date=date))
    conn.execute(sa.delete(story_lsh).where(story_lsh.c.story_id == story_id))
    if buckets:
        conn.execute(
            sa.insert(story_lsh), [{"bucket": b, "story_id": story_id, "date": date} for b in buckets]
        )
    conn.execute(sa.delete(story_titles).where(story_titles.c.story_id == story_id))
    best: dict[str, Any] = {}
    for m in members:
        if m.title and m.language and (m.language not in best or m.title_rank > best[m.language].title_rank):
            best[m.language] = m
    if best:
        conn.execute(
            sa.insert(story_titles),
            [{"story_id": story_id, "language": lang, "title": m.title, "rank": m.title_rank, "article_id": m.article_id}
             for lang, m in best.items()],
        )  # fmt: skip


def member_dates(conn: sa.Connection, story_id: int) -> list[str | None]:
    return [
        r[0]
        for r in conn.execute(sa.select(story_members.c.date).where(story_members.c.story_id == story_id))
    ]


def delete_story(conn: sa.Connection, story_id: int) -> None:
    row = conn.execute(sa.select(stories.c.storyline_id).where(stories.c.id == story_id)).first()
    for table in (story_members, story_keys, story_lsh, story_dates, story_titles):
        conn.execute(sa.delete(table).where(table.c.story_id == story_id))
    conn.execute(sa.delete(stories).where(stories.c.id == story_id))
    if row is not None and row.storyline_id is not None:
        conn.execute(
            sa.update(storylines)
            .where(storylines.c.id == row.storyline_id)
            .values(story_count=storylines.c.story_count - 1)
        )


def ids_covered_by(conn: sa.Connection, correction_id: int) -> list[str]:
    """The articles a correction covers now."""
    query = sa.select(correction_refs.c.article_id).where(correction_refs.c.correction_id == correction_id)
    return [str(r[0]) for r in conn.execute(query)]


def entity_keys_of_article(conn: sa.Connection, article_id: str) -> set[str]:
    """The keys of the entities an article's mentions are linked to."""
    query = (
        sa.select(entities.c.key)
        .join(entity_links, entity_links.c.entity_id == entities.c.id)
        .where(entity_links.c.article_id == article_id)
        .distinct()
    )
    return {str(r[0]) for r in conn.execute(query)}


def paths_of_events(conn: sa.Connection, event_ids: Sequence[int]) -> dict[int, list[str]]:
    """Event id -> the input paths of the articles that report it (sorted)."""
    found: dict[int, set[str]] = {int(i): set() for i in event_ids}
    if event_ids:
        query = sa.select(event_sources.c.event_id, event_sources.c.path).where(
            event_sources.c.event_id.in_(list(event_ids))
        )
        for row in conn.execute(query):
            found[int(row.event_id)].add(str(row.path))
    return {i: sorted(paths) for i, paths in found.items()}


def paths_of_stories(conn: sa.Connection, story_ids: Sequence[int]) -> dict[int, list[str]]:
    """Story id -> the input paths of its member articles (sorted)."""
    from newsloom.store.schema import articles

    found: dict[int, set[str]] = {int(i): set() for i in story_ids}
    if story_ids:
        query = (
            sa.select(story_members.c.story_id, articles.c.path)
            .join(articles, articles.c.id == story_members.c.article_id)
            .where(story_members.c.story_id.in_(list(story_ids)))
        )
        for row in conn.execute(query):
            found[int(row.story_id)].add(str(row.path))
    return {i: sorted(paths) for i, paths in found.items()}


def story_heading(conn: sa.Connection, story_id: int) -> tuple[str | None, str]:
    """(date, a title: English if there is one, else any) of a story."""
    row = conn.execute(sa.select(stories.c.date).where(stories.c.id == story_id)).first()
    titles = {
        str(r.language): str(r.title)
        for r in conn.execute(sa.select(story_titles).where(story_titles.c.story_id == story_id))
    }
    title = titles.get("en") or next(iter(titles.values()), "")
    return (row.date if row else None), title


def event_exists(conn: sa.Connection, event_id: int) -> bool:
    return conn.execute(sa.select(events.c.id).where(events.c.id == event_id)).first() is not None


def renumber_event(conn: sa.Connection, from_id: int, to_id: int) -> None:
    """Give event ``from_id`` the free id ``to_id`` (the id a person corrected it under), with its
    sources, keys, actors, statements and the article records that name it."""
    from newsloom.store.schema import event_articles, event_keys

    row = conn.execute(sa.select(events).where(events.c.id == from_id)).one()
    conn.execute(sa.insert(events).values({**dict(row._mapping), "id": to_id}))
    for table in (event_sources, event_keys, event_actors):
        conn.execute(sa.update(table).where(table.c.event_id == from_id).values(event_id=to_id))
    conn.execute(sa.update(events).where(events.c.parent_id == from_id).values(parent_id=to_id))
    conn.execute(sa.update(hidden_events).where(hidden_events.c.event_id == from_id).values(event_id=to_id))
    naming = sa.select(event_sources.c.article_id).where(event_sources.c.event_id == to_id).distinct()
    for record in list(
        conn.execute(sa.select(event_articles).where(event_articles.c.article_id.in_(naming)))
    ):
        ids = [to_id if i == from_id else i for i in json.loads(record.event_ids)]
        conn.execute(
            sa.update(event_articles)
            .where(event_articles.c.article_id == record.article_id)
            .values(event_ids=_json(ids))
        )
    conn.execute(sa.delete(events).where(events.c.id == from_id))
