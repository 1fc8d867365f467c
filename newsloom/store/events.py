"""Reading and writing corpus events: rows, sources, blocking keys (tables in ``m0003_events``).

Every statement is parameterised (SQLAlchemy Core). Candidate events are found by indexed keys
(actor key + month-day, or the parent meeting), never by reading every event.
"""

from __future__ import annotations

import json
import weakref
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from newsloom.store.chunks import in_chunks
from newsloom.store.corrections import hidden_event_ids
from newsloom.store.schema import (
    articles,
    entities,
    event_actors,
    event_articles,
    event_keys,
    event_sources,
    events,
    has_table,
    story_members,
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


#: ``event_sources.kind`` of a row telling its event in passing (``events/passing.py``): joined to the
#: event's record, counted as none of its reports
MENTION_KIND = "mention"


@dataclass(frozen=True, slots=True)
class EventRow:
    """A row of ``events``."""

    id: int
    type: str
    mode: str | None
    date: str | None
    date_end: str | None
    precision: str | None
    date_source: str | None
    location: str | None
    location_key: str | None
    parent_id: int | None
    joint: bool
    host: str | None
    title: str
    actors: str
    src_keys: str
    tgt_keys: str
    context: str
    languages: str
    confidence: float
    n_sources: int
    n_articles: int
    created_at: str
    updated_at: str
    rules_only: bool = False  # no report of it read by the classifier (migration 14)


@dataclass(frozen=True, slots=True)
class SourceRow:
    """A row of ``event_sources``."""

    id: int
    event_id: int
    article_id: str
    path: str
    language: str | None
    published: str | None
    title: str | None
    url: str | None
    article_group: int
    sentence_index: int
    sentence: str
    trigger: str
    start_offset: int
    end_offset: int
    type: str
    mode: str | None
    date: str | None
    date_end: str | None
    precision: str | None
    date_source: str | None
    time_text: str | None
    location: str | None
    location_source: str | None
    source_actors: str
    target_actors: str
    group_src_keys: str
    group_tgt_keys: str
    joint: bool
    host: str | None
    context: str
    confidence: float
    rule: str
    classifier: str
    spans: str | None = None  # JSON; None where the row's sentence could not be placed (migration 13)
    kind: str = "report"  # "report", or "mention": told in passing in an article about else (migration 15)


@dataclass(frozen=True, slots=True)
class EventMentionRow:
    """An event source of an article with what its event is (type, date, title, meeting, reach)."""

    event_id: int
    article_id: str
    start_offset: int
    type: str
    date: str | None
    title: str
    parent_id: int | None
    n_articles: int


@dataclass(frozen=True, slots=True)
class SourceEvidence:
    event_id: int
    path: str
    sentence: str
    type: str
    source_actors: str
    target_actors: str


@dataclass(frozen=True, slots=True)
class SourceDate:
    event_id: int
    path: str
    date: str | None
    actors: str
    kind: str = "report"  # "mention": the article tells the event in passing


def _events(rows: Iterable[Any]) -> list[EventRow]:
    """Rows of ``select(events)``: their columns are EventRow's fields in order (a test checks it);
    built by position, not through each row's mapping (merging reads thousands per article)."""
    return [EventRow(*row) for row in rows]


def _sources(rows: Iterable[Any]) -> list[SourceRow]:
    """Rows of ``select(event_sources)``, by position as in :func:`_events`."""
    return [SourceRow(*row) for row in rows]


# -- prebuilt statements -------------------------------------------------------------------------
# The merge step runs these hundreds of times per article: built once, SQLAlchemy keeps each one's
# cache key and compiled form, instead of building and compiling a new statement per call (#18).

_IDS: sa.BindParameter[Any] = sa.bindparam("ids", expanding=True)
_CANDIDATE_IDS = (
    sa.select(event_keys.c.event_id)
    .join(events, events.c.id == event_keys.c.event_id)
    .where(event_keys.c.key.in_(sa.bindparam("keys", expanding=True)), events.c.type == sa.bindparam("type_"))
    .distinct()
    .limit(MAX_CANDIDATES)
)
_CANDIDATES_BY_DAY = sa.select(events).where(
    events.c.id.in_(
        _CANDIDATE_IDS.where(event_keys.c.day.in_(sa.bindparam("days", expanding=True))).scalar_subquery()
    )
)
_CANDIDATES_BY_MD = sa.select(events).where(
    events.c.id.in_(
        _CANDIDATE_IDS.where(event_keys.c.md.in_(sa.bindparam("days", expanding=True))).scalar_subquery()
    )
)
_CANDIDATES_BY_PARENT = (
    sa.select(events)
    .where(events.c.parent_id == sa.bindparam("parent_id"), events.c.type == sa.bindparam("type_"))
    .limit(MAX_CANDIDATES)
)


#: Every (matched key, event row) of events of a type keyed on some keys on some days (or month-days):
#: the keys of several lookups asked together, told apart by the key each row matched (#18)
def _keyed_on(day: sa.Column[Any]) -> sa.Select[Any]:
    """The lookup of (matched key, event row) on ``day``: ``event_keys.day`` or ``event_keys.md``."""
    return (
        sa.select(event_keys.c.key, events)
        .join(events, events.c.id == event_keys.c.event_id)
        .where(
            event_keys.c.key.in_(sa.bindparam("keys", expanding=True)),
            day.in_(sa.bindparam("days", expanding=True)),
            events.c.type == sa.bindparam("type_"),
        )
    )


_KEYED_BY_DAY = _keyed_on(event_keys.c.day)
_KEYED_BY_MD = _keyed_on(event_keys.c.md)
#: The statements of a stored meeting (no key: ``NULL``), with the keyed events, in one query
_AT_PARENT = sa.select(sa.null().label("key"), events).where(
    events.c.parent_id == sa.bindparam("parent_id"), events.c.type == sa.bindparam("type_")
)
_AT_PARENT_OR_KEYED_BY_DAY = sa.union_all(_AT_PARENT, _KEYED_BY_DAY)
_AT_PARENT_OR_KEYED_BY_MD = sa.union_all(_AT_PARENT, _KEYED_BY_MD)
#: A meeting's keys and mode, and whether some report of the event was read by the rules
_RULED_SOURCE = sa.exists().where(
    event_sources.c.event_id == events.c.id, event_sources.c.classifier != "model"
)
_FACTS = sa.select(
    events.c.id, events.c.src_keys, events.c.tgt_keys, events.c.mode, _RULED_SOURCE.label("ruled")
).where(events.c.id.in_(_IDS))
_ARTICLE_RECORDS = sa.select(articles.c.id, articles.c.data).where(articles.c.id.in_(_IDS))
_EVENT_KEYS_OF = sa.select(events.c.id, events.c.src_keys, events.c.tgt_keys).where(events.c.id.in_(_IDS))
_GET_EVENT = sa.select(events).where(events.c.id == sa.bindparam("event_id"))
_EVENTS_BY_ID = sa.select(events).where(events.c.id.in_(_IDS))
_KEYS_AND_MODES = sa.select(events.c.id, events.c.src_keys, events.c.tgt_keys, events.c.mode).where(
    events.c.id.in_(_IDS)
)
_SOURCE_ROWS = (
    sa.select(event_sources)
    .where(event_sources.c.event_id.in_(_IDS))
    .order_by(
        event_sources.c.event_id,
        event_sources.c.path,
        event_sources.c.sentence_index,
        event_sources.c.start_offset,
        event_sources.c.id,  # two readings of one trigger (rules and model): a total order
    )
)
_INSERT_EVENT = sa.insert(events)
_INSERT_SOURCES = sa.insert(event_sources)
_INSERT_KEYS = sa.insert(event_keys)
_INSERT_ACTORS = sa.insert(event_actors)
_ARTICLE_EVENT_IDS = (
    sa.select(event_sources.c.article_id, event_sources.c.event_id)
    .where(event_sources.c.article_id.in_(_IDS))
    .distinct()
)
_DELETE_ARTICLE_SOURCES = sa.delete(event_sources).where(event_sources.c.article_id.in_(_IDS))
_DELETE_ARTICLE_RECORD = sa.delete(event_articles).where(event_articles.c.article_id.in_(_IDS))
_ARTICLE_SIGNATURES = sa.select(event_articles.c.article_id, event_articles.c.signature).where(
    event_articles.c.article_id.in_(_IDS)
)
_ARTICLE_RECORD = sa.select(event_articles).where(event_articles.c.article_id == sa.bindparam("article_id"))
_INSERT_RECORD = sa.insert(event_articles)
_DETACH_STATEMENTS_OF = sa.update(events).where(events.c.parent_id.in_(_IDS)).values(parent_id=None)
_DELETE_KEYS = sa.delete(event_keys).where(event_keys.c.event_id.in_(_IDS))
_DELETE_ACTORS = sa.delete(event_actors).where(event_actors.c.event_id.in_(_IDS))
_DELETE_EVENTS = sa.delete(events).where(events.c.id.in_(_IDS))
_DELETE_KEY_ROWS = sa.delete(event_keys).where(
    event_keys.c.event_id == sa.bindparam("b_event"),
    event_keys.c.key == sa.bindparam("b_key"),
    event_keys.c.day == sa.bindparam("b_day"),
)
_DELETE_ACTOR_ROWS = sa.delete(event_actors).where(
    event_actors.c.event_id == sa.bindparam("b_event"),
    event_actors.c.key == sa.bindparam("b_key"),
    event_actors.c.side == sa.bindparam("b_side"),
)
#: the SET clause comes from the parameters' names (``b_id`` is no column of ``events``)
_UPDATE_EVENT = sa.update(events).where(events.c.id == sa.bindparam("b_id"))
_ATTACH = (
    sa.update(events)
    .where(events.c.id == sa.bindparam("event_id"), events.c.parent_id.is_(None))
    .values(parent_id=sa.bindparam("meeting_id"))
)
_ARTICLES_OF_EVENTS = (
    sa.select(event_sources.c.article_id).where(event_sources.c.event_id.in_(_IDS)).distinct()
)
_EVENTS_OF_ARTICLES = (
    sa.select(event_sources.c.event_id).where(event_sources.c.article_id.in_(_IDS)).distinct()
)
_PARENTS = sa.select(events.c.parent_id).where(events.c.id.in_(_IDS), events.c.parent_id.isnot(None))
_RULED = (
    sa.select(event_sources.c.event_id)
    .where(event_sources.c.event_id.in_(_IDS), event_sources.c.classifier != "model")
    .distinct()
)


# -- lookups ---------------------------------------------------------------------------------------


def candidates_by_keys(
    conn: sa.Connection, keys: Iterable[str], days: Sequence[tuple[str, str]], type_: str
) -> list[EventRow]:
    """Events of ``type_`` sharing an actor key and a day with the new one: the same day (or the same
    month-day of an event whose year is unknown); a new event without its year looks by month-day."""
    keys = sorted(set(keys))
    if not keys:
        return []
    if days and days[0][0].startswith("XXXX"):
        query, on = _CANDIDATES_BY_MD, sorted({md for _, md in days})
    else:
        query, on = _CANDIDATES_BY_DAY, sorted({d for d, _ in days} | {f"XXXX-{md}" for _, md in days if md})
    return _events(conn.execute(query, {"keys": keys, "days": on, "type_": type_}))


def candidates_by_key_sets(
    conn: sa.Connection, key_sets: Sequence[Iterable[str]], days: Sequence[tuple[str, str]], type_: str
) -> list[list[EventRow]]:
    """:func:`candidates_by_keys` for each of several sets of keys, in one query: merging looks an
    event up by its actors, its participants' states and its venue on the same days (#18). Each
    list holds an event once, in id order, at most ``MAX_CANDIDATES`` of them (the lowest ids)."""
    return candidates_around(conn, None, key_sets, days, type_)[1]


def candidates_around(
    conn: sa.Connection,
    parent_id: int | None,
    key_sets: Sequence[Iterable[str]],
    days: Sequence[tuple[str, str]],
    type_: str,
) -> tuple[list[EventRow], list[list[EventRow]]]:
    """:func:`candidates_by_parent` of ``parent_id`` (none without one) and
    :func:`candidates_by_key_sets`, in one query."""
    sets = [frozenset(keys) for keys in key_sets]
    wanted = sorted(frozenset().union(*sets))
    yearless = bool(days) and days[0][0].startswith("XXXX")
    if yearless:
        on = sorted({md for _, md in days})
    else:
        on = sorted({d for d, _ in days} | {f"XXXX-{md}" for _, md in days if md})
    given: dict[str, Any] = {"type_": type_}
    if wanted and parent_id is not None:
        query: Any = _AT_PARENT_OR_KEYED_BY_MD if yearless else _AT_PARENT_OR_KEYED_BY_DAY
        given.update(keys=wanted, days=on, parent_id=parent_id)
    elif wanted:
        query = _KEYED_BY_MD if yearless else _KEYED_BY_DAY
        given.update(keys=wanted, days=on)
    elif parent_id is not None:
        query = _AT_PARENT
        given.update(parent_id=parent_id)
    else:
        return [], [[] for _ in sets]
    rows: dict[int, EventRow] = {}
    matched: dict[str | None, set[int]] = {}
    for key, *columns in conn.execute(query, given):
        event_id = int(columns[0])
        if event_id not in rows:
            rows[event_id] = EventRow(*columns)
        matched.setdefault(key, set()).add(event_id)

    def first(ids: set[int]) -> list[EventRow]:
        return [rows[i] for i in sorted(ids)[:MAX_CANDIDATES]]

    at_parent = first(matched.get(None, set()))
    return at_parent, [first(set().union(*(matched.get(k, set()) for k in keys))) for keys in sets]


@dataclass(frozen=True, slots=True)
class EventFacts:
    """What merging asks of candidate events and their meetings besides their rows (#18)."""

    meetings: dict[int, tuple[frozenset[str], str | None]]  # a meeting's keys (both sides) and mode
    model_only: set[int]  # the candidates no report of which the rules read


def event_facts(conn: sa.Connection, candidate_ids: Iterable[int], meeting_ids: Iterable[int]) -> EventFacts:
    """:func:`keys_and_modes` of ``meeting_ids`` and :func:`model_only_events` of ``candidate_ids``,
    in one query."""
    candidates, meetings = set(candidate_ids), set(meeting_ids)
    ids = sorted(candidates | meetings)
    if not ids:
        return EventFacts({}, set())
    read, model_only = {}, set()
    for row in conn.execute(_FACTS, {"ids": ids}):
        event_id = int(row.id)
        if event_id in meetings:
            keys = frozenset(json.loads(row.src_keys)) | frozenset(json.loads(row.tgt_keys))
            read[event_id] = (keys, row.mode)
        if event_id in candidates and not row.ruled:
            model_only.add(event_id)
    return EventFacts(read, model_only)


def candidates_by_parent(conn: sa.Connection, parent_id: int, type_: str) -> list[EventRow]:
    """Statements of ``type_`` already attached to a stored meeting."""
    return _events(conn.execute(_CANDIDATES_BY_PARENT, {"parent_id": parent_id, "type_": type_}))


def event_keys_of(conn: sa.Connection, event_ids: Iterable[int]) -> dict[int, frozenset[str]]:
    """The identity keys (both sides) of some events, by id."""
    ids = sorted(set(event_ids))
    if not ids:
        return {}
    rows = conn.execute(_EVENT_KEYS_OF, {"ids": ids})
    return {r.id: frozenset(json.loads(r.src_keys)) | frozenset(json.loads(r.tgt_keys)) for r in rows}


def get_event(conn: sa.Connection, event_id: int) -> EventRow | None:
    found = _events(conn.execute(_GET_EVENT, {"event_id": event_id}))
    return found[0] if found else None


def keys_and_modes(
    conn: sa.Connection, event_ids: Iterable[int]
) -> dict[int, tuple[frozenset[str], str | None]]:
    """The identity keys (both sides) and the mode of some events, by id, in one query."""
    ids = sorted(set(event_ids))
    if not ids:
        return {}
    return {
        int(r.id): (frozenset(json.loads(r.src_keys)) | frozenset(json.loads(r.tgt_keys)), r.mode)
        for r in conn.execute(_KEYS_AND_MODES, {"ids": ids})
    }


def events_by_id(conn: sa.Connection, event_ids: Sequence[int]) -> list[EventRow]:
    """The rows of several events (those that exist), in no particular order."""
    found: list[EventRow] = []
    for chunk in in_chunks(event_ids):
        found.extend(_events(conn.execute(_EVENTS_BY_ID, {"ids": list(chunk)})))
    return found


def source_rows(conn: sa.Connection, event_ids: Sequence[int]) -> dict[int, list[SourceRow]]:
    """Source rows of several events, in reading order."""
    grouped: dict[int, list[SourceRow]] = {i: [] for i in event_ids}
    for chunk in in_chunks(list(grouped)):
        for row in _sources(conn.execute(_SOURCE_ROWS, {"ids": chunk})):
            grouped[row.event_id].append(row)
    return grouped


# -- writing ---------------------------------------------------------------------------------------


def insert_event(conn: sa.Connection, values: dict[str, Any]) -> int:
    """A new event row (its consolidated fields are set by ``update_event``); returns its id."""
    stamp = now()
    defaults = {
        "title": "", "actors": "{}", "src_keys": "[]", "tgt_keys": "[]", "context": "[]", "languages": "[]",
        "confidence": 0.0, "n_sources": 0, "n_articles": 0, "created_at": stamp, "updated_at": stamp,
        "rules_only": False,
    }  # fmt: skip
    result = conn.execute(_INSERT_EVENT, {**defaults, **values})
    key = result.inserted_primary_key
    assert key is not None
    written = _WRITTEN.get()
    if written is not None:
        written[int(key[0])] = _NOTHING_WRITTEN  # a new event has no keys and no actor rows yet
    return int(key[0])


def add_sources(conn: sa.Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Source rows (one per sentence mention), as ``event_sources`` columns."""
    if rows:
        conn.execute(_INSERT_SOURCES, list(rows))


def forget_article(conn: sa.Connection, article_id: str) -> list[int]:
    """Remove an article's sources (before re-merging it); return the events they belonged to."""
    return forget_articles(conn, [article_id])


def forget_articles(conn: sa.Connection, article_ids: Sequence[str]) -> list[int]:
    """Remove the sources and merge records of several articles (three statements per chunk of ids);
    return the events they belonged to, each once, article by article in the order given."""
    by_article: dict[str, list[int]] = {}
    for chunk in in_chunks(list(dict.fromkeys(article_ids))):
        given = {"ids": chunk}
        for row in conn.execute(_ARTICLE_EVENT_IDS, given):
            by_article.setdefault(str(row.article_id), []).append(int(row.event_id))
        conn.execute(_DELETE_ARTICLE_SOURCES, given)
        conn.execute(_DELETE_ARTICLE_RECORD, given)
    touched = [i for article_id in article_ids for i in by_article.get(article_id, [])]
    return list(dict.fromkeys(touched))


def article_records(conn: sa.Connection, article_ids: Sequence[str]) -> dict[str, str]:
    """Article id -> its stored record (``Article.to_dict()`` as JSON text, not decoded), one query
    per chunk of ids: merging builds a neighbour it read before from the same text once (#18)."""
    found: dict[str, str] = {}
    for chunk in in_chunks(list(article_ids)):
        found.update((str(row.id), str(row.data)) for row in conn.execute(_ARTICLE_RECORDS, {"ids": chunk}))
    return found


def article_signature(conn: sa.Connection, article_id: str) -> tuple[str, list[int]] | None:
    row = conn.execute(_ARTICLE_RECORD, {"article_id": article_id}).first()
    return (row.signature, json.loads(row.event_ids)) if row else None


def article_signatures(conn: sa.Connection, article_ids: Sequence[str]) -> dict[str, str]:
    """The recorded signatures of many articles' merges, in one query per chunk of ids."""
    found: dict[str, str] = {}
    for chunk in in_chunks(list(article_ids)):
        rows = conn.execute(_ARTICLE_SIGNATURES, {"ids": chunk})
        found.update({str(row.article_id): str(row.signature) for row in rows})
    return found


def record_article(conn: sa.Connection, article_id: str, signature: str, event_ids: Sequence[int]) -> None:
    conn.execute(
        _INSERT_RECORD,
        {
            "article_id": article_id,
            "signature": signature,
            "event_ids": _json(list(event_ids)),
            "merged_at": now(),
        },
    )


# -- consolidation (the values are computed by newsloom.events.stored) ----------------------------------

#: An event's blocking-key rows (key, day, month-day) and actor rows (key, side, name, folded).
KeyRows = frozenset[tuple[str, str, str]]
ActorRows = tuple[tuple[str, str, str, str], ...]
_NOTHING_WRITTEN: tuple[KeyRows, ActorRows] = (frozenset(), ())

#: Inside :func:`remembering_writes` (one merge step, one transaction): the key and actor rows each
#: event has in the store as this step wrote them, so a refresh writes only what changed. Merging
#: refreshes an event after each source it gains, mostly adding keys and actors it has, or none (#18).
_WRITTEN: ContextVar[dict[int, tuple[KeyRows, ActorRows]] | None] = ContextVar(
    "event_rows_written", default=None
)


@dataclass
class _ActorsDue:
    """Inside :func:`remembering_writes`: the actor rows of the events refreshed, written once when
    the block ends (merging never reads ``event_actors``; an event is refreshed after each source it
    gains, and again when a report is merged again, #18)."""

    conn: sa.Connection | None = None
    stored: dict[int, ActorRows | None] = field(default_factory=dict)  # in the store (None: unknown)
    wanted: dict[int, Sequence[dict[str, Any]]] = field(default_factory=dict)  # as last refreshed

    def owe(
        self,
        conn: sa.Connection,
        event_id: int,
        before: tuple[KeyRows, ActorRows] | None,
        actors: Sequence[dict[str, Any]],
    ) -> None:
        """An event's actor rows are now ``actors``; ``before``: what the block wrote of it."""
        self.conn = conn
        if event_id not in self.stored:
            # the rows it has in the store: none for an event inserted in the block (the only way
            # the block knows an event before its first refresh), else not known here
            self.stored[event_id] = before[1] if before is not None else None
        self.wanted[event_id] = actors

    def write(self) -> None:
        """The actor rows each event gained or lost since the block began, written."""
        if self.conn is None or not self.wanted:
            return
        unknown = [i for i in self.wanted if self.stored[i] is None]
        for chunk in in_chunks(unknown):
            self.conn.execute(_DELETE_ACTORS, {"ids": chunk})
        gone: list[dict[str, Any]] = []
        new: list[dict[str, Any]] = []
        for event_id, actors in self.wanted.items():
            _actor_changes(event_id, actors, frozenset(self.stored[event_id] or ()), gone, new)
        for statement, given in ((_DELETE_ACTOR_ROWS, gone), (_INSERT_ACTORS, new)):
            if given:
                self.conn.execute(statement, given)


def _actor_changes(
    event_id: int,
    actors: Sequence[dict[str, Any]],
    had: frozenset[tuple[str, str, str, str]],
    gone: list[dict[str, Any]],
    new: list[dict[str, Any]],
) -> None:
    """Into ``gone`` and ``new``, the actor rows of an event that had the rows ``had`` and now has
    ``actors`` (a changed name is its row deleted, then inserted again)."""
    rows = [(a["key"], a["side"], a["name"], a["folded"]) for a in actors]
    gone.extend({"b_event": event_id, "b_key": k, "b_side": side} for k, side, *_ in had - set(rows))
    new.extend({**a, "event_id": event_id} for a, row in zip(actors, rows, strict=True) if row not in had)


_ACTORS_DUE: ContextVar[_ActorsDue | None] = ContextVar("event_actors_due", default=None)


@contextmanager
def remembering_writes() -> Iterator[None]:
    """Within the block, remember the key and actor rows written per event (nothing else may write
    ``event_keys`` or ``event_actors`` inside it) and write only their changes; the actor rows
    (which merging does not read) once, when the block ends."""
    token, due = _WRITTEN.set({}), _ACTORS_DUE.set(_ActorsDue())
    try:
        yield
        actors = _ACTORS_DUE.get()
        if actors is not None:
            actors.write()
    finally:
        _ACTORS_DUE.reset(due)
        _WRITTEN.reset(token)


@dataclass(frozen=True, slots=True)
class EventWrite:
    """An event's consolidated ``values`` (columns of ``events``), its blocking keys (key, day,
    month-day) and its actor rows (key, side, name, folded columns of ``event_actors``)."""

    event_id: int
    values: dict[str, Any]
    keys: Sequence[tuple[str, str, str]]
    actors: Sequence[dict[str, Any]]


def delete_event(conn: sa.Connection, event_id: int) -> None:
    """Remove an event left without sources (its statements lose their meeting)."""
    delete_events(conn, [event_id])


def delete_events(conn: sa.Connection, event_ids: Sequence[int]) -> None:
    """Remove events left without sources (their statements lose their meeting): four statements
    per chunk of ids."""
    written = _WRITTEN.get()
    for chunk in in_chunks(list(dict.fromkeys(event_ids))):
        given = {"ids": chunk}
        conn.execute(_DETACH_STATEMENTS_OF, given)
        conn.execute(_DELETE_KEYS, given)
        conn.execute(_DELETE_ACTORS, given)
        conn.execute(_DELETE_EVENTS, given)
        if written is not None:
            for event_id in chunk:  # SQLite may give a deleted event's id to the next new one
                written.pop(event_id, None)
        due = _ACTORS_DUE.get()
        if due is not None:
            for event_id in chunk:  # its rows are gone from the store, and none are due
                due.stored.pop(event_id, None)
                due.wanted.pop(event_id, None)


def update_event(
    conn: sa.Connection,
    event_id: int,
    values: dict[str, Any],
    keys: Sequence[tuple[str, str, str]],
    actors: Sequence[dict[str, Any]],
) -> None:
    """Write an event's consolidated ``values``, and replace its blocking keys (key, day, month-day)
    and its actor rows (key, side, name, folded)."""
    write_events(conn, [EventWrite(event_id, values, keys, actors)])


def write_events(conn: sa.Connection, writes: Sequence[EventWrite]) -> None:
    """:func:`update_event` for several events (one of each), in one statement per table and kind:
    an ``UPDATE`` of the rows (one per set of columns), then the key and actor rows replaced. Inside
    :func:`remembering_writes` only the rows an event gains or loses are written (the rows are sets:
    nothing reads them in the order they were written), its actor rows when the block ends."""
    if not writes:
        return
    stamp = now()
    by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for write in writes:
        by_columns.setdefault(tuple(sorted(write.values)), []).append(
            {**write.values, "updated_at": stamp, "b_id": write.event_id}
        )
    for rows in by_columns.values():
        conn.execute(_UPDATE_EVENT, rows)
    written = _WRITTEN.get()
    due = _ACTORS_DUE.get() if written is not None else None
    cleared: list[int] = []  # events whose rows are not known here: all replaced
    changes: dict[Any, list[dict[str, Any]]] = {
        _DELETE_KEY_ROWS: [], _DELETE_ACTOR_ROWS: [], _INSERT_KEYS: [], _INSERT_ACTORS: []
    }  # fmt: skip
    for write in writes:
        event_id = write.event_id
        keys = frozenset(write.keys)
        actors = tuple((a["key"], a["side"], a["name"], a["folded"]) for a in write.actors)
        before = written.get(event_id) if written is not None else None
        if before is None:
            cleared.append(event_id)
        had_keys, had_actors = (
            (before[0], frozenset(before[1])) if before is not None else (frozenset(), frozenset())
        )
        changes[_DELETE_KEY_ROWS].extend(
            {"b_event": event_id, "b_key": k, "b_day": d} for k, d, _ in had_keys - keys
        )
        changes[_INSERT_KEYS].extend(
            {"key": k, "day": d, "md": md, "event_id": event_id}
            for k, d, md in write.keys
            if (k, d, md) not in had_keys
        )
        if due is not None:  # the actor rows are written when the block ends
            due.owe(conn, event_id, before, write.actors)
        else:
            _actor_changes(
                event_id, write.actors, had_actors, changes[_DELETE_ACTOR_ROWS], changes[_INSERT_ACTORS]
            )
        if written is not None:
            written[event_id] = (keys, actors)
    for chunk in in_chunks(cleared):
        conn.execute(_DELETE_KEYS, {"ids": chunk})
        if due is None:
            conn.execute(_DELETE_ACTORS, {"ids": chunk})
    for statement, rows in changes.items():  # deletions first
        if rows:
            conn.execute(statement, rows)


# -- reads for the CLI, the API and exports ------------------------------------------------------------


@dataclass(frozen=True)
class EventFilter:
    """What a list of events is narrowed to; ``entity`` matches an actor key or its folded name."""

    date_from: str | None = None
    date_to: str | None = None
    type: str | None = None  # a PLOVER type, upper case
    entity: str | None = None
    entity_folded: str | None = None
    language: str | None = None
    top_level: bool = False  # only events that are not statements made at a meeting
    min_articles: int = 0  # only events reported by at least this many articles
    min_confidence: float = 0.0  # only events at least this confident


def _visible(conn: sa.Connection) -> list[Any]:
    """Leave out the events a person marked false (``store/corrections.py``; none in a store whose
    corrections table was never created)."""
    return [events.c.id.not_in(hidden_event_ids())] if has_table(conn, "hidden_events") else []


def _conditions(where: EventFilter) -> list[Any]:
    conditions: list[Any] = []
    if where.date_from:
        conditions.append(events.c.date >= where.date_from)
    if where.date_to:
        conditions.append(events.c.date <= where.date_to)
    if where.type:
        conditions.append(events.c.type == where.type)
    if where.entity:
        folded = where.entity_folded or where.entity
        matching = sa.select(event_actors.c.event_id).where(
            sa.or_(
                event_actors.c.key == where.entity,
                event_actors.c.key == folded,
                event_actors.c.folded == folded,
                event_actors.c.folded.like(f"%{folded}%"),
            )
        )
        conditions.append(events.c.id.in_(matching))
    if where.language:
        # EXISTS, not IN: the planner then reads the events in list order and asks the (language,
        # event_id) index of each (m0011), instead of sorting every event reported in a big language
        written = sa.select(event_sources.c.event_id).where(
            event_sources.c.event_id == events.c.id, event_sources.c.language == where.language.lower()
        )
        conditions.append(written.exists())
    if where.top_level:
        conditions.append(events.c.parent_id.is_(None))
    if where.min_articles > 0:
        conditions.append(events.c.n_articles >= where.min_articles)
    if where.min_confidence > 0:
        conditions.append(events.c.confidence >= where.min_confidence)
    return conditions


#: The event list's order, with literals rather than bound values: SQLite uses the index on this very
#: expression (m0011 ``ix_events_listed``) only when the query's text matches it.
LISTED_ORDER = (
    sa.case(
        (events.c.date.like(sa.literal_column("'XXXX%'")), sa.literal_column("1")),
        else_=sa.literal_column("0"),
    ),
    events.c.date.desc().nulls_last(),  # SQLite's DESC puts NULL last anyway; PostgreSQL's first
    events.c.id,
)


def list_event_rows(conn: sa.Connection, where: EventFilter, limit: int, offset: int = 0) -> list[EventRow]:
    """Events newest first; a date without its year ("XXXX-10-24") after the dated ones, undated last.

    The page's ids first (read in order from an index, no row touched), then their rows: a deep page
    no longer reads and sorts every wide event row before it."""
    ids = [
        int(row[0])
        for row in conn.execute(
            sa.select(events.c.id)
            .where(*_conditions(where), *_visible(conn))
            .order_by(*LISTED_ORDER)
            .limit(limit)
            .offset(offset)
        )
    ]
    if not ids:
        return []
    rows = {row.id: row for row in events_by_id(conn, ids)}
    return [rows[i] for i in ids if i in rows]


def count_event_rows(conn: sa.Connection, where: EventFilter) -> int:
    query = sa.select(sa.func.count()).select_from(events).where(*_conditions(where), *_visible(conn))
    return int(conn.execute(query).scalar() or 0)


def dated_event_rows(conn: sa.Connection, where: EventFilter, limit: int) -> list[EventRow]:
    """Events oldest date first (for a timeline)."""
    query = (
        sa.select(events)
        .where(*_conditions(where), *_visible(conn))
        .order_by(events.c.date, events.c.id)
        .limit(limit)
    )
    return _events(conn.execute(query))


def child_ids(conn: sa.Connection, ids: Sequence[int]) -> dict[int, list[int]]:
    """Event id -> ids of the statements made at it, in id order."""
    if not ids:
        return {}
    found: dict[int, list[int]] = {i: [] for i in ids}
    query = (
        sa.select(events.c.id, events.c.parent_id)
        .where(events.c.parent_id.in_(list(ids)))
        .order_by(events.c.id)
    )
    for child, parent in conn.execute(query):
        found[parent].append(child)
    return found


def statement_rows(conn: sa.Connection, event_id: int) -> list[EventRow]:
    """The statements made at an event (their rows, in id order)."""
    return _events(
        conn.execute(sa.select(events).where(events.c.parent_id == event_id).order_by(events.c.id))
    )


def event_rows_after(conn: sa.Connection, last: int, batch: int) -> list[EventRow]:
    """The next ``batch`` events after id ``last`` (for exports in constant memory)."""
    return _events(
        conn.execute(
            sa.select(events).where(events.c.id > last, *_visible(conn)).order_by(events.c.id).limit(batch)
        )
    )


def newest_event_day(
    conn: sa.Connection, before: str | None = None, not_after: str | None = None
) -> str | None:
    """The newest full date (YYYY-MM-DD) of an event, before ``before`` and up to ``not_after``."""
    query = sa.select(sa.func.max(events.c.date)).where(
        events.c.date.like("____-__-__"), ~events.c.date.like("X%")
    )
    if before:
        query = query.where(events.c.date < before)
    if not_after:
        query = query.where(events.c.date <= not_after)
    value = conn.execute(query).scalar()
    return str(value) if value else None


def event_version(conn: sa.Connection) -> tuple[object, ...]:
    """Changes whenever events are added or removed (a count and the newest id)."""
    return tuple(conn.execute(sa.select(sa.func.count(), sa.func.max(events.c.id))).one())


def stories_of_events(conn: sa.Connection, event_ids: Sequence[int]) -> dict[int, int]:
    """Event id -> the story most of its reporting articles belong to (through the articles they share;
    an article telling the event in passing, a source of kind "mention", links it to no story)."""
    best: dict[int, tuple[int, int]] = {}
    for chunk in in_chunks(event_ids):
        query = (
            sa.select(
                event_sources.c.event_id, story_members.c.story_id,
                sa.func.count(sa.distinct(event_sources.c.article_id)).label("shared"),
            )
            .join(story_members, story_members.c.article_id == event_sources.c.article_id)
            .where(event_sources.c.event_id.in_(chunk), event_sources.c.kind != MENTION_KIND)
            .group_by(event_sources.c.event_id, story_members.c.story_id)
        )  # fmt: skip
        for row in conn.execute(query):
            if row.event_id not in best or row.shared > best[row.event_id][1]:
                best[row.event_id] = (int(row.story_id), int(row.shared))
    return {event: story for event, (story, _) in best.items()}


def event_mentions_in_articles(conn: sa.Connection, article_ids: Sequence[str]) -> list[EventMentionRow]:
    """Every reporting event source of some articles (not those telling an event in passing: kind
    "mention") with its event's type, date, title, parent and article count."""
    if not article_ids or not has_table(conn, "event_sources"):
        return []
    query = (
        sa.select(
            event_sources.c.event_id, event_sources.c.article_id, event_sources.c.start_offset, events.c.type,
            events.c.date, events.c.title, events.c.parent_id, events.c.n_articles,
        )
        .join(events, events.c.id == event_sources.c.event_id)
        .where(event_sources.c.article_id.in_(list(article_ids)), event_sources.c.kind != MENTION_KIND)
    )  # fmt: skip
    return [EventMentionRow(**row._mapping) for row in conn.execute(query)]


def source_evidence(conn: sa.Connection) -> list[SourceEvidence]:
    """Every event source: event id, path, sentence, type and actors (for scoring merges on gold)."""
    columns = event_sources.c
    query = sa.select(
        columns.event_id,
        columns.path,
        columns.sentence,
        columns.type,
        columns.source_actors,
        columns.target_actors,
    )
    return [SourceEvidence(**row._mapping) for row in conn.execute(query)]


def source_dates(conn: sa.Connection) -> list[SourceDate]:
    """Every event source's event id, path and kind with its event's date and actors (for scoring on gold)."""
    query = sa.select(
        event_sources.c.event_id, event_sources.c.path, events.c.date, events.c.actors, event_sources.c.kind
    ).join(events, events.c.id == event_sources.c.event_id)
    return [SourceDate(**row._mapping) for row in conn.execute(query)]


#: How an event's actor key names a linked entity by its id ("entity:12").
ENTITY_KEY_PREFIX = "entity:"


def canonical_actor_names(conn: sa.Connection, event_ids: Sequence[int]) -> dict[int, dict[str, str]]:
    """Event id -> {an actor's name as the event stores it (the first spelling seen) -> the name of the
    stored entity its key links to}, for the names that differ."""
    if not event_ids:
        return {}
    query = sa.select(event_actors.c.event_id, event_actors.c.key, event_actors.c.name).where(
        event_actors.c.event_id.in_(sorted(set(event_ids)))
    )
    actors = list(conn.execute(query))
    ids = {a.key[len(ENTITY_KEY_PREFIX) :] for a in actors if str(a.key).startswith(ENTITY_KEY_PREFIX)}
    numeric = sorted({int(i) for i in ids if i.isascii() and i.isdigit()})
    keys = sorted({str(a.key) for a in actors} - {f"{ENTITY_KEY_PREFIX}{i}" for i in numeric})
    found = conn.execute(
        sa.select(entities.c.id, entities.c.key, entities.c.name).where(
            sa.or_(entities.c.id.in_(numeric), entities.c.key.in_(keys))
        )
    )
    name_of: dict[str, str] = {}
    for row in found:
        name_of[f"{ENTITY_KEY_PREFIX}{row.id}"] = name_of[str(row.key)] = str(row.name)
    renamed: dict[int, dict[str, str]] = {}
    for actor in actors:
        canonical = name_of.get(str(actor.key))
        if canonical and canonical != actor.name:
            renamed.setdefault(int(actor.event_id), {})[str(actor.name)] = canonical
    return renamed


def attach_to_meeting(conn: sa.Connection, event_id: int, meeting_id: int) -> None:
    """Make a statement stored without a meeting one made at ``meeting_id`` (a later report says where)."""
    conn.execute(_ATTACH, {"event_id": event_id, "meeting_id": meeting_id})


def articles_of_events(conn: sa.Connection, event_ids: Iterable[int]) -> set[str]:
    """The articles reporting any of some events."""
    ids = sorted(set(event_ids))
    if not ids:
        return set()
    return {r[0] for r in conn.execute(_ARTICLES_OF_EVENTS, {"ids": ids})}


def events_of_articles(conn: sa.Connection, article_ids: Iterable[str]) -> set[int]:
    """The events some articles report, and the meetings those are statements at."""
    ids = sorted(set(article_ids))
    if not ids:
        return set()
    found = {r[0] for r in conn.execute(_EVENTS_OF_ARTICLES, {"ids": ids})}
    if not found:
        return found
    return found | {r[0] for r in conn.execute(_PARENTS, {"ids": sorted(found)})}


def model_only_events(conn: sa.Connection, event_ids: Iterable[int]) -> set[int]:
    """Those of some events whose every source was found by the learned classifier alone."""
    ids = sorted(set(event_ids))
    if not ids:
        return set()
    return set(ids) - {r[0] for r in conn.execute(_RULED, {"ids": ids})}


_HAS_ARTICLES: weakref.WeakKeyDictionary[sa.Engine, bool] = weakref.WeakKeyDictionary()


def has_articles(conn: sa.Connection) -> bool:
    """True when this database holds the articles (an events-only store, as in unit tests, has not)."""
    if conn.engine not in _HAS_ARTICLES:
        _HAS_ARTICLES[conn.engine] = bool(sa.inspect(conn).has_table("articles"))
    return _HAS_ARTICLES[conn.engine]


def add_event_keys(conn: sa.Connection, keys: Sequence[tuple[str, str, str, int]]) -> int:
    """Add blocking keys (key, day, month-day, event id) an event lacks; those it has are left as
    they are. Returns how many were added."""
    if not keys:
        return 0
    ids = sorted({event_id for *_, event_id in keys})
    have = {
        (r.key, r.day, r.event_id)
        for r in conn.execute(
            sa.select(event_keys.c.key, event_keys.c.day, event_keys.c.event_id).where(
                event_keys.c.event_id.in_(ids)
            )
        )
    }
    new = {(k, d, e): md for k, d, md, e in keys if (k, d, e) not in have}
    if new:
        conn.execute(
            sa.insert(event_keys),
            [{"key": k, "day": d, "md": md, "event_id": e} for (k, d, e), md in new.items()],
        )
    return len(new)
