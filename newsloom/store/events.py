"""Reading and writing corpus events: rows, sources, blocking keys (tables in ``m0003_events``).

Every statement is parameterised (SQLAlchemy Core). Candidate events are found by indexed keys
(actor key + month-day, or the parent meeting), never by reading every event.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from newsloom.article import Article
from newsloom.events.actors import fold
from newsloom.events.rollup import EXPLICIT_DATE_SOURCES, ArticleEvent
from newsloom.events.types import Actor
from newsloom.serialize import from_dict
from newsloom.store.migrations.m0003_events import (
    event_actors,
    event_articles,
    event_keys,
    event_sources,
    events,
)

#: An event's keys cover at most this many days of its range (a two-week summit, not a year).
MAX_KEYED_DAYS = 16
#: Candidates read per lookup; more means a very common actor on one day (a cap, not a filter).
MAX_CANDIDATES = 500


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def day_keys(start: str | None, end: str | None = None, slack: int = 0) -> list[tuple[str, str]]:
    """(day, month-day) keys of a date range widened by ``slack`` days: ("2025-10-24", "10-24"),
    ("XXXX-10-24", "10-24") when the year is unknown, [("", "")] when undated."""
    if not start or len(start) < 10:
        return [("", "")]
    yearless = start.startswith("XXXX")
    year = "2000" if yearless else start[:4]  # a leap year, for 29 February
    try:
        first = date.fromisoformat(year + start[4:10])
        last = date.fromisoformat(year + end[4:10]) if end and len(end) >= 10 else first
    except ValueError:
        return [("", "")]
    if last < first or (last - first).days > MAX_KEYED_DAYS:
        last = first + timedelta(days=MAX_KEYED_DAYS) if last > first else first
    keys = []
    current = first - timedelta(days=slack)
    while current <= last + timedelta(days=slack):
        md = current.strftime("%m-%d")
        keys.append((f"XXXX-{md}" if yearless else current.isoformat(), md))
        current += timedelta(days=1)
    return keys


@dataclass(frozen=True)
class StoredEvent:
    """The consolidated fields of a stored event that merging compares."""

    id: int
    type: str
    mode: str | None
    date: str | None
    date_end: str | None
    date_source: str | None
    location_key: str | None
    parent_id: int | None
    joint: bool
    source_actors: tuple[Actor, ...]
    target_actors: tuple[Actor, ...]
    src_keys: frozenset[str]
    tgt_keys: frozenset[str]

    @property
    def participants(self) -> tuple[Actor, ...]:
        return (*self.source_actors, *self.target_actors)


def _actors(data: Iterable[dict[str, Any]]) -> tuple[Actor, ...]:
    return tuple(from_dict(Actor, a) for a in data)


def _stored(row: Any) -> StoredEvent:
    actors = json.loads(row.actors or "{}")
    return StoredEvent(
        id=row.id,
        type=row.type,
        mode=row.mode,
        date=row.date,
        date_end=row.date_end,
        date_source=row.date_source,
        location_key=row.location_key,
        parent_id=row.parent_id,
        joint=bool(row.joint),
        source_actors=_actors(actors.get("source", [])),
        target_actors=_actors(actors.get("target", [])),
        src_keys=frozenset(json.loads(row.src_keys or "[]")),
        tgt_keys=frozenset(json.loads(row.tgt_keys or "[]")),
    )


# -- lookups ---------------------------------------------------------------------------------------


def candidates_by_keys(
    conn: sa.Connection, keys: Iterable[str], days: Sequence[tuple[str, str]], type_: str
) -> list[StoredEvent]:
    """Events of ``type_`` sharing an actor key and a day with the new one: the same day (or the same
    month-day of an event whose year is unknown); a new event without its year looks by month-day."""
    keys = sorted(set(keys))
    if not keys:
        return []
    if days and days[0][0].startswith("XXXX"):
        on_day = event_keys.c.md.in_(sorted({md for _, md in days}))
    else:
        on_day = event_keys.c.day.in_(sorted({d for d, _ in days} | {f"XXXX-{md}" for _, md in days if md}))
    ids = (
        sa.select(event_keys.c.event_id)
        .join(events, events.c.id == event_keys.c.event_id)
        .where(event_keys.c.key.in_(keys), on_day, events.c.type == type_)
        .distinct()
        .limit(MAX_CANDIDATES)
        .scalar_subquery()
    )
    rows = conn.execute(sa.select(events).where(events.c.id.in_(ids))).all()
    return [_stored(r) for r in rows]


def candidates_by_parent(conn: sa.Connection, parent_id: int, type_: str) -> list[StoredEvent]:
    """Statements of ``type_`` already attached to a stored meeting."""
    rows = conn.execute(
        sa.select(events).where(events.c.parent_id == parent_id, events.c.type == type_).limit(MAX_CANDIDATES)
    ).all()
    return [_stored(r) for r in rows]


def event_keys_of(conn: sa.Connection, event_ids: Iterable[int]) -> dict[int, frozenset[str]]:
    """The identity keys (both sides) of some events, by id."""
    ids = sorted(set(event_ids))
    if not ids:
        return {}
    rows = conn.execute(
        sa.select(events.c.id, events.c.src_keys, events.c.tgt_keys).where(events.c.id.in_(ids))
    )
    return {r.id: frozenset(json.loads(r.src_keys)) | frozenset(json.loads(r.tgt_keys)) for r in rows}


def get_event(conn: sa.Connection, event_id: int) -> Any:
    return conn.execute(sa.select(events).where(events.c.id == event_id)).first()


def source_rows(conn: sa.Connection, event_ids: Sequence[int]) -> dict[int, list[Any]]:
    """Source rows of several events, in reading order."""
    if not event_ids:
        return {}
    rows = conn.execute(
        sa.select(event_sources)
        .where(event_sources.c.event_id.in_(list(event_ids)))
        .order_by(event_sources.c.event_id, event_sources.c.path, event_sources.c.sentence_index)
    ).all()
    grouped: dict[int, list[Any]] = {i: [] for i in event_ids}
    for row in rows:
        grouped[row.event_id].append(row)
    return grouped


# -- writing ---------------------------------------------------------------------------------------


def insert_event(conn: sa.Connection, group: ArticleEvent, parent_id: int | None) -> int:
    """A new event for an article-level event (its consolidated fields are set by ``refresh_event``)."""
    stamp = now()
    result = conn.execute(
        sa.insert(events).values(
            type=group.type,
            mode=group.mode,
            date=group.date,
            date_end=group.date_end,
            precision=group.precision,
            date_source=group.date_source,
            parent_id=parent_id,
            joint=group.joint,
            title="",
            actors="{}",
            src_keys="[]",
            tgt_keys="[]",
            context="[]",
            languages="[]",
            confidence=0.0,
            n_sources=0,
            n_articles=0,
            created_at=stamp,
            updated_at=stamp,
        )
    )
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def add_sources(conn: sa.Connection, event_id: int, article: Article, group: ArticleEvent) -> None:
    """One source row per sentence mention of the article-level event."""
    rows = []
    for mention in group.mentions:
        rows.append(
            {
                "event_id": event_id,
                "article_id": article.id,
                "path": article.path,
                "language": mention.language or article.language,
                "published": article.published,
                "title": article.title,
                "url": article.meta("source_url"),
                "article_group": group.group,
                "sentence_index": mention.sentence,
                "sentence": mention.evidence,
                "trigger": mention.trigger,
                "start_offset": mention.start,
                "end_offset": mention.end,
                "type": mention.type,
                "mode": mention.mode,
                "date": mention.date,
                "date_end": mention.date_end,
                "precision": mention.precision,
                "date_source": mention.date_source,
                "time_text": mention.time_text,
                "location": mention.location,
                "location_source": mention.location_source,
                "source_actors": _json([a.to_dict() for a in mention.source_actors]),
                "target_actors": _json([a.to_dict() for a in mention.target_actors]),
                "group_src_keys": _json(sorted(group.src_keys)),
                "group_tgt_keys": _json(sorted(group.tgt_keys)),
                "joint": mention.joint,
                "host": mention.host,
                "context": _json(list(mention.context)),
                "confidence": mention.confidence,
                "rule": mention.rule,
                "classifier": mention.classifier,
            }
        )
    if rows:
        conn.execute(sa.insert(event_sources), rows)


def forget_article(conn: sa.Connection, article_id: str) -> list[int]:
    """Remove an article's sources (before re-merging it); return the events they belonged to."""
    touched = [
        r[0]
        for r in conn.execute(
            sa.select(event_sources.c.event_id).where(event_sources.c.article_id == article_id).distinct()
        )
    ]
    conn.execute(sa.delete(event_sources).where(event_sources.c.article_id == article_id))
    conn.execute(sa.delete(event_articles).where(event_articles.c.article_id == article_id))
    return touched


def article_signature(conn: sa.Connection, article_id: str) -> tuple[str, list[int]] | None:
    row = conn.execute(sa.select(event_articles).where(event_articles.c.article_id == article_id)).first()
    return (row.signature, json.loads(row.event_ids)) if row else None


def record_article(conn: sa.Connection, article_id: str, signature: str, event_ids: Sequence[int]) -> None:
    conn.execute(
        sa.insert(event_articles).values(
            article_id=article_id, signature=signature, event_ids=_json(list(event_ids)), merged_at=now()
        )
    )


# -- consolidation ---------------------------------------------------------------------------------


def _vote(values: Iterable[str | None]) -> str | None:
    counted: dict[str, int] = {}
    order: list[str] = []
    for value in values:
        if value:
            if value not in counted:
                order.append(value)
            counted[value] = counted.get(value, 0) + 1
    if not counted:
        return None
    return max(order, key=lambda v: (counted[v], -order.index(v)))


def primary_rows(rows: Sequence[Any]) -> list[Any]:
    """One row per article: the first mention with an explicit date, else the first mention."""
    by_article: dict[str, list[Any]] = {}
    for row in rows:
        by_article.setdefault(row.article_id, []).append(row)
    primaries = []
    for article_rows in by_article.values():
        article_rows = sorted(article_rows, key=lambda r: r.sentence_index)
        explicit = [r for r in article_rows if r.date_source in EXPLICIT_DATE_SOURCES]
        primaries.append(explicit[0] if explicit else article_rows[0])
    return primaries


def consolidated_date(rows: Sequence[Any]) -> tuple[str | None, str | None, str | None, str | None]:
    """(date, date_end, precision, date_source) most sources agree on; a known year beats "XXXX"."""
    primaries = primary_rows(rows)
    for tier in (EXPLICIT_DATE_SOURCES, ("published",)):
        tiered = [r for r in primaries if r.date_source in tier and r.date]
        if not tiered:
            continue
        full = [r for r in tiered if not r.date.startswith("XXXX")] or tiered
        day = _vote([r.date for r in full])
        chosen = next(r for r in full if r.date == day)
        ends = [r.date_end for r in full if r.date == day and r.date_end]
        return day, max(ends) if ends else chosen.date_end, chosen.precision, chosen.date_source
    return None, None, None, "none"


def _union_actors(rows: Sequence[Any], column: str, exclude: set[str] | None = None) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for row in rows:
        for actor in json.loads(getattr(row, column) or "[]"):
            if exclude and actor["key"] in exclude:
                continue
            seen.setdefault(actor["key"], actor)
    return list(seen.values())


def _title(
    type_: str,
    mode: str | None,
    source: Sequence[dict[str, Any]],
    target: Sequence[dict[str, Any]],
    joint: bool,
) -> str:
    names = lambda actors: ", ".join(a.get("name") or a["key"] for a in actors[:3]) or "?"  # noqa: E731
    label = f"{type_}{f' ({mode})' if mode else ''}"
    if joint or not target:
        return f"{names(source)}: {label}"
    return f"{names(source)} -> {names(target)}: {label}"


def refresh_event(conn: sa.Connection, event_id: int) -> bool:
    """Recompute an event's consolidated fields and keys from its sources; delete it when none is left."""
    rows = source_rows(conn, [event_id])[event_id]
    if not rows:
        conn.execute(sa.update(events).where(events.c.parent_id == event_id).values(parent_id=None))
        conn.execute(sa.delete(event_keys).where(event_keys.c.event_id == event_id))
        conn.execute(sa.delete(event_actors).where(event_actors.c.event_id == event_id))
        conn.execute(sa.delete(events).where(events.c.id == event_id))
        return False
    type_ = rows[0].type
    date_, date_end, precision, date_source = consolidated_date(rows)
    primaries = primary_rows(rows)
    explicit_places = [r.location for r in primaries if r.location and r.location_source != "dateline"]
    location = _vote(explicit_places) or _vote([r.location for r in primaries])
    source = _union_actors(rows, "source_actors")
    target = _union_actors(rows, "target_actors", exclude={a["key"] for a in source})
    joint = any(r.joint for r in rows)
    mode = _vote([r.mode for r in rows])
    src_keys = sorted({k for r in rows for k in json.loads(r.group_src_keys)})
    tgt_keys = sorted({k for r in rows for k in json.loads(r.group_tgt_keys)})
    context = sorted({c for r in rows for c in json.loads(r.context)})
    languages = sorted({r.language for r in rows if r.language})
    per_article: dict[str, float] = {}
    for row in rows:
        per_article[row.article_id] = max(per_article.get(row.article_id, 0.0), row.confidence)
    doubt = 1.0
    for value in per_article.values():
        doubt *= 1.0 - value
    conn.execute(
        sa.update(events)
        .where(events.c.id == event_id)
        .values(
            mode=mode,
            date=date_,
            date_end=date_end,
            precision=precision,
            date_source=date_source,
            location=location,
            location_key=fold(location) if location else None,
            joint=joint,
            host=_vote([r.host for r in rows]),
            title=_title(type_, mode, source, target, joint),
            actors=_json({"source": source, "target": target}),
            src_keys=_json(src_keys),
            tgt_keys=_json(tgt_keys),
            context=_json(context),
            languages=_json(languages),
            confidence=round(1.0 - doubt, 4),
            n_sources=len(rows),
            n_articles=len(per_article),
            updated_at=now(),
        )
    )
    conn.execute(sa.delete(event_keys).where(event_keys.c.event_id == event_id))
    keys = sorted(set(src_keys) | set(tgt_keys))
    days = day_keys(date_, date_end)
    if keys:
        conn.execute(
            sa.insert(event_keys),
            [{"key": k, "day": d, "md": md, "event_id": event_id} for k in keys for d, md in days],
        )
    conn.execute(sa.delete(event_actors).where(event_actors.c.event_id == event_id))
    actor_rows = [
        {
            "event_id": event_id,
            "key": a["key"],
            "side": side,
            "name": a.get("name") or a["key"],
            "folded": fold(a.get("name") or a["key"]),
        }
        for side, actors in (("source", source), ("target", target))
        for a in actors
    ]
    if actor_rows:
        conn.execute(sa.insert(event_actors), actor_rows)
    return True
