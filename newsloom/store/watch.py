"""What `newsloom watch` keeps: sources and their validators, items seen, alerts and the hits they fired.

Every write the watcher makes goes through these functions; each returns frozen dataclasses. An item
is marked done in the same transaction that stores its article, so a restart (or ``kill -9``) resumes
without fetching or storing anything twice; a hit's ``(alert, key)`` is unique, so an alert fires once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from newsloom.store.chunks import in_chunks
from newsloom.store.schema import metadata, story_members

# The tables live here, on the schema's metadata (registered when the migrations are discovered),
# so that the watcher's tables and repository functions come in one module, as the brief of #17 asks.

watch_sources = sa.Table(
    "watch_sources",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("url", sa.Text, nullable=False, unique=True),
    sa.Column("name", sa.Text, nullable=False, default=""),
    sa.Column("kind", sa.String(16), nullable=False, default=""),  # feed | sitemap | section ("" unknown)
    sa.Column("interval_s", sa.Float, nullable=False),
    sa.Column("paused", sa.Boolean, nullable=False, default=False),
    sa.Column("etag", sa.Text),
    sa.Column("last_modified", sa.Text),
    sa.Column("last_poll_at", sa.Float),  # unix seconds
    sa.Column("next_poll_at", sa.Float, nullable=False, default=0.0),
    sa.Column("last_status", sa.String(48)),  # 200, 304, or a short reason (timeout, too-large, ...)
    sa.Column("last_error", sa.Text),
    sa.Column("failures", sa.Integer, nullable=False, default=0),  # consecutive, for the backoff
    sa.Column("items_seen", sa.Integer, nullable=False, default=0),
    sa.Column("added_at", sa.String(32), nullable=False),
)
sa.Index("ix_watch_sources_due", watch_sources.c.paused, watch_sources.c.next_poll_at)

#: every item URL a source listed; ``state`` pending -> done | failed (one row per URL, whatever source)
watch_items = sa.Table(
    "watch_items",
    metadata,
    sa.Column("url", sa.Text, primary_key=True),
    sa.Column("source_id", sa.Integer, nullable=False),
    sa.Column("state", sa.String(8), nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.String(32)),
    sa.Column("author", sa.Text),
    sa.Column("seen_at", sa.Float, nullable=False),  # when a listing first showed it (unix seconds)
    sa.Column("done_at", sa.Float),
    sa.Column("attempts", sa.Integer, nullable=False, default=0),
    sa.Column("article_id", sa.String(64)),
    sa.Column("error", sa.Text),
)
sa.Index("ix_watch_items_state", watch_items.c.state, watch_items.c.seen_at)

watch_alerts = sa.Table(
    "watch_alerts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(100), nullable=False, unique=True),
    sa.Column("kind", sa.String(16), nullable=False),  # entity | pair | event | text | story
    sa.Column("query", sa.Text, nullable=False),  # JSON object, see newsloom.watch.alerts
    sa.Column("webhook", sa.Text),
    sa.Column("jsonl", sa.Text),
    sa.Column("created_at", sa.String(32), nullable=False),
)

#: one row per thing an alert matched; ``key`` says what "the same thing" is for the alert's kind
watch_hits = sa.Table(
    "watch_hits",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("alert_id", sa.Integer, sa.ForeignKey("watch_alerts.id", ondelete="CASCADE"), nullable=False),
    sa.Column("key", sa.Text, nullable=False),
    sa.Column("article_id", sa.String(64), nullable=False),
    sa.Column("payload", sa.Text, nullable=False),  # JSON sent to the webhook / written to the file
    sa.Column("fired_at", sa.String(32), nullable=False),
    sa.Column("item_seen_at", sa.Float),  # when the item first appeared (for the delay figure)
    sa.Column("webhook_done", sa.Boolean, nullable=False, default=False),
    sa.Column("jsonl_done", sa.Boolean, nullable=False, default=False),
    sa.Column("attempts", sa.Integer, nullable=False, default=0),
    sa.Column("last_error", sa.Text),
    sa.UniqueConstraint("alert_id", "key", name="uq_watch_hits_alert_key"),
)
sa.Index("ix_watch_hits_pending", watch_hits.c.webhook_done, watch_hits.c.jsonl_done)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# -- sources --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    id: int
    url: str
    name: str
    kind: str
    interval_s: float
    paused: bool
    etag: str | None
    last_modified: str | None
    last_poll_at: float | None
    next_poll_at: float
    last_status: str | None
    last_error: str | None
    failures: int
    items_seen: int
    added_at: str


def _source(row: Any) -> Source:
    return Source(**{c.name: getattr(row, c.name) for c in watch_sources.columns})


def add_source(
    conn: sa.Connection, url: str, *, interval_s: float, name: str = "", kind: str = ""
) -> tuple[Source, bool]:
    """The source at ``url`` (created if new; an existing one keeps its state): (source, created)."""
    found = source_by_url(conn, url)
    if found is not None:
        return found, False
    conn.execute(
        sa.insert(watch_sources).values(
            url=url, name=name, kind=kind, interval_s=interval_s, paused=False, next_poll_at=0.0,
            failures=0, items_seen=0, added_at=now_iso(),
        )
    )  # fmt: skip
    created = source_by_url(conn, url)
    assert created is not None
    return created, True


def source_by_url(conn: sa.Connection, url: str) -> Source | None:
    row = conn.execute(sa.select(watch_sources).where(watch_sources.c.url == url)).first()
    return _source(row) if row else None


def list_sources(conn: sa.Connection) -> list[Source]:
    return [_source(r) for r in conn.execute(sa.select(watch_sources).order_by(watch_sources.c.id))]


def due_sources(conn: sa.Connection, at: float, limit: int = 1000) -> list[Source]:
    """Unpaused sources whose next poll time has come, the most overdue first."""
    query = (
        sa.select(watch_sources)
        .where(watch_sources.c.paused.is_(False), watch_sources.c.next_poll_at <= at)
        .order_by(watch_sources.c.next_poll_at)
        .limit(limit)
    )
    return [_source(r) for r in conn.execute(query)]


def next_due_at(conn: sa.Connection) -> float | None:
    query = sa.select(sa.func.min(watch_sources.c.next_poll_at)).where(watch_sources.c.paused.is_(False))
    value = conn.execute(query).scalar()
    return float(value) if value is not None else None


def remove_source(conn: sa.Connection, url: str) -> bool:
    return bool(conn.execute(sa.delete(watch_sources).where(watch_sources.c.url == url)).rowcount)


def set_paused(conn: sa.Connection, url: str, paused: bool) -> bool:
    query = sa.update(watch_sources).where(watch_sources.c.url == url).values(paused=paused)
    return bool(conn.execute(query).rowcount)


def record_poll(conn: sa.Connection, source_id: int, **values: Any) -> None:
    """Write what one poll learnt (validators, status, error, failures, kind, next poll time)."""
    allowed = {c.name for c in watch_sources.columns} - {"id", "url", "added_at"}
    unknown = set(values) - allowed
    if unknown:
        raise ValueError(f"record_poll: unknown source fields {sorted(unknown)}")
    conn.execute(sa.update(watch_sources).where(watch_sources.c.id == source_id).values(**values))


# -- items ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    url: str
    source_id: int
    state: str
    title: str | None
    published: str | None
    author: str | None
    seen_at: float
    attempts: int


def _item(row: Any) -> Item:
    return Item(
        row.url, row.source_id, row.state, row.title, row.published, row.author, row.seen_at, row.attempts
    )


def add_items(conn: sa.Connection, source_id: int, items: Sequence[dict[str, Any]], at: float) -> int:
    """Record the listed items not seen before (by URL) as pending; return how many were new."""
    if not items:
        return 0
    urls = [i["url"] for i in items]
    known: set[str] = set()
    for chunk in in_chunks(urls):
        known.update(
            r[0] for r in conn.execute(sa.select(watch_items.c.url).where(watch_items.c.url.in_(chunk)))
        )
    fresh: dict[str, dict[str, Any]] = {}
    for item in items:
        if item["url"] not in known and item["url"] not in fresh:
            fresh[item["url"]] = {
                "url": item["url"], "source_id": source_id, "state": "pending", "title": item.get("title"),
                "published": item.get("published"), "author": item.get("author"), "seen_at": at, "attempts": 0,
            }  # fmt: skip
    if fresh:
        conn.execute(sa.insert(watch_items), list(fresh.values()))
        conn.execute(
            sa.update(watch_sources)
            .where(watch_sources.c.id == source_id)
            .values(items_seen=watch_sources.c.items_seen + len(fresh))
        )
    return len(fresh)


def pending_items(conn: sa.Connection, limit: int = 200, max_attempts: int = 3) -> list[Item]:
    query = (
        sa.select(watch_items)
        .where(watch_items.c.state == "pending", watch_items.c.attempts < max_attempts)
        .order_by(watch_items.c.seen_at)
        .limit(limit)
    )
    return [_item(r) for r in conn.execute(query)]


def finish_item(
    conn: sa.Connection, url: str, *, article_id: str | None, error: str | None, at: float
) -> None:
    """Mark an item done (its article stored) or failed (with the reason)."""
    state = "done" if error is None else "failed"
    conn.execute(
        sa.update(watch_items)
        .where(watch_items.c.url == url)
        .values(state=state, article_id=article_id, error=error, done_at=at)
    )


def retry_item_later(conn: sa.Connection, url: str, error: str, max_attempts: int) -> None:
    """Count a failed attempt; after ``max_attempts`` the item is failed for good."""
    conn.execute(
        sa.update(watch_items)
        .where(watch_items.c.url == url)
        .values(
            attempts=watch_items.c.attempts + 1,
            error=error,
            state=sa.case((watch_items.c.attempts + 1 >= max_attempts, "failed"), else_="pending"),
        )
    )


def item_counts(conn: sa.Connection) -> dict[str, int]:
    query = sa.select(watch_items.c.state, sa.func.count()).group_by(watch_items.c.state)
    return {str(state): int(n) for state, n in conn.execute(query)}


def source_item_counts(conn: sa.Connection) -> dict[int, dict[str, int]]:
    query = sa.select(watch_items.c.source_id, watch_items.c.state, sa.func.count()).group_by(
        watch_items.c.source_id, watch_items.c.state
    )
    out: dict[int, dict[str, int]] = {}
    for source_id, state, n in conn.execute(query):
        out.setdefault(int(source_id), {})[str(state)] = int(n)
    return out


# -- alerts ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AlertRow:
    id: int
    name: str
    kind: str
    query: dict[str, Any]
    webhook: str | None
    jsonl: str | None
    created_at: str


def _alert(row: Any) -> AlertRow:
    return AlertRow(row.id, row.name, row.kind, json.loads(row.query), row.webhook, row.jsonl, row.created_at)


def add_alert(
    conn: sa.Connection, name: str, kind: str, query: dict[str, Any], webhook: str | None, jsonl: str | None
) -> AlertRow:
    conn.execute(
        sa.insert(watch_alerts).values(
            name=name, kind=kind, query=json.dumps(query, ensure_ascii=False, sort_keys=True),
            webhook=webhook, jsonl=jsonl, created_at=now_iso(),
        )
    )  # fmt: skip
    found = alert_by_name(conn, name)
    assert found is not None
    return found


def alert_by_name(conn: sa.Connection, name: str) -> AlertRow | None:
    row = conn.execute(sa.select(watch_alerts).where(watch_alerts.c.name == name)).first()
    return _alert(row) if row else None


def list_alerts(conn: sa.Connection) -> list[AlertRow]:
    return [_alert(r) for r in conn.execute(sa.select(watch_alerts).order_by(watch_alerts.c.id))]


def remove_alert(conn: sa.Connection, name: str) -> bool:
    found = alert_by_name(conn, name)
    if found is None:
        return False
    conn.execute(sa.delete(watch_hits).where(watch_hits.c.alert_id == found.id))
    conn.execute(sa.delete(watch_alerts).where(watch_alerts.c.id == found.id))
    return True


@dataclass(frozen=True)
class Hit:
    id: int
    alert_id: int
    key: str
    article_id: str
    payload: dict[str, Any]
    fired_at: str
    item_seen_at: float | None
    webhook_done: bool
    jsonl_done: bool
    attempts: int


def _hit(row: Any) -> Hit:
    return Hit(
        row.id, row.alert_id, row.key, row.article_id, json.loads(row.payload), row.fired_at,
        row.item_seen_at, bool(row.webhook_done), bool(row.jsonl_done), row.attempts,
    )  # fmt: skip


def record_hit(
    conn: sa.Connection,
    alert: AlertRow,
    key: str,
    article_id: str,
    payload: dict[str, Any],
    item_seen_at: float | None,
) -> bool:
    """Record that ``alert`` matched ``key``; False (nothing written) when it already fired for it."""
    exists = conn.execute(
        sa.select(watch_hits.c.id).where(watch_hits.c.alert_id == alert.id, watch_hits.c.key == key)
    ).first()
    if exists:
        return False
    conn.execute(
        sa.insert(watch_hits).values(
            alert_id=alert.id, key=key, article_id=article_id,
            payload=json.dumps(payload, ensure_ascii=False), fired_at=now_iso(), item_seen_at=item_seen_at,
            webhook_done=alert.webhook is None, jsonl_done=alert.jsonl is None, attempts=0,
        )
    )  # fmt: skip
    return True


def undelivered_hits(conn: sa.Connection, limit: int = 500) -> list[Hit]:
    query = (
        sa.select(watch_hits)
        .where(sa.or_(watch_hits.c.webhook_done.is_(False), watch_hits.c.jsonl_done.is_(False)))
        .order_by(watch_hits.c.id)
        .limit(limit)
    )
    return [_hit(r) for r in conn.execute(query)]


def mark_delivered(
    conn: sa.Connection, hit_id: int, *, webhook: bool | None = None, jsonl: bool | None = None,
    error: str | None = None,
) -> None:  # fmt: skip
    values: dict[str, Any] = {"attempts": watch_hits.c.attempts + 1, "last_error": error}
    if webhook is not None:
        values["webhook_done"] = webhook
    if jsonl is not None:
        values["jsonl_done"] = jsonl
    conn.execute(sa.update(watch_hits).where(watch_hits.c.id == hit_id).values(**values))


def hits_of(conn: sa.Connection, alert_id: int, limit: int = 100) -> list[Hit]:
    query = sa.select(watch_hits).where(watch_hits.c.alert_id == alert_id).order_by(watch_hits.c.id.desc())
    return [_hit(r) for r in conn.execute(query.limit(limit))]


def hit_counts(conn: sa.Connection) -> dict[int, int]:
    query = sa.select(watch_hits.c.alert_id, sa.func.count()).group_by(watch_hits.c.alert_id)
    return {int(a): int(n) for a, n in conn.execute(query)}


# -- what the alerts read from other domains -------------------------------------------------------


def story_languages(conn: sa.Connection, article_ids: Iterable[str]) -> dict[int, set[str]]:
    """For each story holding one of the articles: the languages of all its members."""
    ids = list(article_ids)
    if not ids:
        return {}
    stories = sa.select(story_members.c.story_id).where(story_members.c.article_id.in_(ids)).distinct()
    query = sa.select(story_members.c.story_id, story_members.c.language).where(
        story_members.c.story_id.in_(stories)
    )
    out: dict[int, set[str]] = {}
    for story_id, language in conn.execute(query):
        out.setdefault(int(story_id), set())
        if language:
            out[int(story_id)].add(str(language))
    return out
