"""Stored events as merging sees them: typed events with their actors, and the consolidation of an
event's fields from its sources (votes on date, place, mode; the union of actors; the title).

The rows are read and written by :mod:`newsloom.store.events`; this module holds what they mean.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from functools import lru_cache
from operator import attrgetter
from threading import Lock
from typing import Any

from newsloom.article import Article
from newsloom.entities.gazetteer import GazetteerEntry, load_gazetteer
from newsloom.entities.names import name_tokens
from newsloom.entities.rules import BODIES_LED
from newsloom.events.actors import country_code, fold
from newsloom.events.gatherings import VENUE_SOURCES, gathering_keys, venue_key
from newsloom.events.parties import entity_ids, roles_from_rows
from newsloom.events.passing import MENTION, source_kind
from newsloom.events.places import place_entry
from newsloom.events.rollup import EXPLICIT_DATE_SOURCES, ArticleEvent
from newsloom.events.spans import spans_in_sentence
from newsloom.events.types import Actor
from newsloom.serialize import from_dict
from newsloom.store import Connection
from newsloom.store import entities as entity_store
from newsloom.store import events as store
from newsloom.store.events import (
    EventFacts,
    article_records,
    article_signature,
    article_signatures,
    articles_of_events,
    attach_to_meeting,
    day_keys,
    event_facts,
    event_keys_of,
    events_of_articles,
    forget_article,
    forget_articles,
    get_event,
    has_articles,
    model_only_events,
    record_article,
    remembering_writes,
    source_rows,
)

__all__ = [
    "StoredEvent", "add_sources", "article_records", "article_signature", "article_signatures", "articles_of_events", "events_of_articles", "attach_to_meeting", "candidates_by_keys", "candidates_by_key_sets", "candidates_around", "candidates_by_parent", "EventFacts", "event_facts",
    "consolidated_date", "day_keys", "event_keys_of", "forget_article", "get_event", "has_articles", "insert_event", "model_only_events",
    "place_vote", "primary_rows", "reporting_rows", "mention_rows", "record_article", "refresh_event", "refresh_events", "row_actors", "source_rows",
    "forget_articles", "remembering_writes",
]  # fmt: skip


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


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
    host: str | None = None  # "source" when the source side received the other ("A received B")

    @property
    def participants(self) -> tuple[Actor, ...]:
        return (*self.source_actors, *self.target_actors)


def _actors(data: Iterable[dict[str, Any]]) -> tuple[Actor, ...]:
    return tuple(from_dict(Actor, a) for a in data)


def row_actors(column: str | None) -> tuple[Actor, ...]:
    """The actors of one side of a stored source row (its ``source_actors`` or ``target_actors``)."""
    return _actors(json.loads(column or "[]"))


#: Candidate rows converted, by their whole value: merging reads the same stored events again for
#: each event of each article it merges (a row's id and columns are its cache key, so a changed
#: event is converted again).
@lru_cache(maxsize=4096)
def _stored(row: store.EventRow) -> StoredEvent:
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
        host=row.host,
    )


def candidates_by_keys(
    conn: Connection, keys: Iterable[str], days: Sequence[tuple[str, str]], type_: str
) -> list[StoredEvent]:
    """Events of ``type_`` sharing an actor key and a day with the new one (see the store's lookup)."""
    return [_stored(r) for r in store.candidates_by_keys(conn, keys, days, type_)]


def candidates_by_key_sets(
    conn: Connection, key_sets: Sequence[Iterable[str]], days: Sequence[tuple[str, str]], type_: str
) -> list[list[StoredEvent]]:
    """:func:`candidates_by_keys` of each of several sets of keys, in one query."""
    return [[_stored(r) for r in rows] for rows in store.candidates_by_key_sets(conn, key_sets, days, type_)]


def candidates_around(
    conn: Connection,
    parent_id: int | None,
    key_sets: Sequence[Iterable[str]],
    days: Sequence[tuple[str, str]],
    type_: str,
) -> tuple[list[StoredEvent], list[list[StoredEvent]]]:
    """:func:`candidates_by_parent` (none without a parent) and :func:`candidates_by_key_sets`, in
    one query."""
    at_parent, keyed = store.candidates_around(conn, parent_id, key_sets, days, type_)
    return [_stored(r) for r in at_parent], [[_stored(r) for r in rows] for rows in keyed]


def candidates_by_parent(conn: Connection, parent_id: int, type_: str) -> list[StoredEvent]:
    """Statements of ``type_`` already attached to a stored meeting."""
    return [_stored(r) for r in store.candidates_by_parent(conn, parent_id, type_)]


def source_rows_of(conn: Connection, event_ids: Sequence[int]) -> dict[int, list[store.SourceRow]]:
    """The source rows (sentence, language, rule, ...) of each of ``event_ids``."""
    return store.source_rows(conn, event_ids)


def source_sentences(conn: Connection, event_ids: Sequence[int]) -> dict[int, list[str]]:
    """The sentences each of ``event_ids`` was read from."""
    return {i: [r.sentence for r in rows] for i, rows in store.source_rows(conn, event_ids).items()}


def insert_event(conn: Connection, group: ArticleEvent, parent_id: int | None) -> int:
    """A new event for an article-level event (its consolidated fields are set by ``refresh_event``)."""
    return store.insert_event(
        conn,
        dict(
            type=group.type,
            mode=group.mode,
            date=group.date,
            date_end=group.date_end,
            precision=group.precision,
            date_source=group.date_source,
            parent_id=parent_id,
            joint=group.joint,
        ),
    )


def add_sources(conn: Connection, event_id: int, article: Article, group: ArticleEvent) -> None:
    """One source row per sentence mention of the article-level event."""
    found = []
    for mention in group.mentions:
        spans = spans_in_sentence(article, mention)  # None: not placed, views search the trigger
        found.append(
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
                "spans": None if spans is None else _json(spans),
                "kind": source_kind(article, mention),
            }
        )
    store.add_sources(conn, found)


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


def _place_key(name: str) -> str:
    """One key for the names of one place: its gazetteer entry, whatever the language, else the name."""
    entry = place_entry(name)
    return entry.id if entry is not None else f"name:{fold(name)}"


def place_vote(places: Sequence[tuple[str | None, str | None]]) -> str | None:
    """The place most (place, language) reports give, counting the names of one gazetteer place as one
    ("Presidential Palace", "Istana Kepresidenan" and "Phủ Chủ tịch" are one vote). It is shown in
    the language most of its reports are in, as those reports write it most; on a tie, in English
    (the gazetteer's name when no English report names it), whatever order the reports came in."""
    named = [(place, language or "") for place, language in places if place]
    if not named:
        return None
    keys = [_place_key(place) for place, _ in named]
    winner = _vote(keys)
    chosen = [(place, language) for (place, language), key in zip(named, keys, strict=True) if key == winner]
    counts: dict[str, int] = {}
    for _, language in chosen:
        counts[language] = counts.get(language, 0) + 1
    top = max(counts.values())
    tied = [language for language in counts if counts[language] == top]
    entry = place_entry(chosen[0][0])
    if len(tied) > 1 and "en" not in tied and entry is not None:
        return entry.name  # no language has most reports: the gazetteer's (English) name
    language = "en" if "en" in tied else tied[0]
    return _vote([place for place, lang in chosen if lang == language])


def reporting_rows(rows: Sequence[store.SourceRow]) -> list[store.SourceRow]:
    """The rows of an event that report it: not those of articles telling it in passing (kind
    ``mention``, ``events/passing.py``), which join its record but count for nothing. A row without
    a kind (built by hand: ``discrepancies`` takes any rows with the columns it reads) is a report."""
    return [r for r in rows if getattr(r, "kind", None) != MENTION]


def mention_rows(rows: Sequence[store.SourceRow]) -> list[store.SourceRow]:
    """The rows of an event told in passing in an article about something else."""
    return [r for r in rows if getattr(r, "kind", None) == MENTION]


def primary_rows(rows: Sequence[store.SourceRow]) -> list[store.SourceRow]:
    """One row per article: the first mention with an explicit date, else the first mention."""
    by_article: dict[str, list[Any]] = {}
    for row in rows:
        by_article.setdefault(row.article_id, []).append(row)
    primaries = []
    for article_rows in by_article.values():
        article_rows = sorted(article_rows, key=lambda r: r.sentence_index)
        explicit = [r for r in article_rows if r.date_source in (*EXPLICIT_DATE_SOURCES, "story")]
        primaries.append(explicit[0] if explicit else article_rows[0])
    return primaries


def consolidated_date(
    rows: Sequence[store.SourceRow],
) -> tuple[str | None, str | None, str | None, str | None]:
    """(date, date_end, precision, date_source) most sources agree on; a known year beats "XXXX"."""
    primaries = primary_rows(rows)
    for tier in ((*EXPLICIT_DATE_SOURCES, "story"), ("published",)):
        tiered = [r for r in primaries if r.date_source in tier and r.date]
        if not tiered:
            continue
        full = [r for r in tiered if not (r.date or "").startswith("XXXX")] or tiered
        day = _vote([r.date for r in full])
        chosen = next(r for r in full if r.date == day)
        ends = [r.date_end for r in full if r.date == day and r.date_end]
        return day, max(ends) if ends else chosen.date_end, chosen.precision, chosen.date_source
    return None, None, None, "none"


class RowActors:
    """The actor columns of source rows, each row's parsed once, when first read: consolidation
    reads them for the sides, the offices wanted and the bodies led (the same dicts each time; none
    of those changes them)."""

    def __init__(self) -> None:
        self._parsed: dict[int, tuple[list[dict[str, Any]], list[dict[str, Any]]]] = {}

    def of(self, row: Any, column: str) -> list[dict[str, Any]]:
        """The actors of ``row``'s ``column`` ("source_actors" or "target_actors")."""
        found = self._parsed.get(id(row))
        if found is None:
            found = (json.loads(row.source_actors or "[]"), json.loads(row.target_actors or "[]"))
            self._parsed[id(row)] = found
        return found[0] if column == "source_actors" else found[1]

    def both(self, row: Any) -> list[dict[str, Any]]:
        """The actors of both columns of ``row``, source side first."""
        return [*self.of(row, "source_actors"), *self.of(row, "target_actors")]


def _union_actors(
    rows: Sequence[store.SourceRow],
    column: str,
    exclude: set[str] | None = None,
    joint_only: bool = False,
    parsed: RowActors | None = None,
) -> list[dict[str, Any]]:
    """The actors of ``column`` over ``rows`` in order, each once, but those in ``exclude`` (only in
    joint rows with ``joint_only``)."""
    parsed = parsed or RowActors()
    seen: dict[str, dict[str, Any]] = {}
    for row in rows:
        skip = exclude if (not joint_only or row.joint) else None
        for actor in parsed.of(row, column):
            if skip and actor["key"] in skip:
                continue
            seen.setdefault(actor["key"], actor)
    return list(seen.values())


def _sides(
    rows: Sequence[store.SourceRow], parsed: RowActors | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(source, target) actors of an event: the union over its rule-backed sources, then what the
    readings the classifier alone found add. Those never move an actor to the other side ("He agreed
    with the Prime Minister" does not make the visitor a host), and a country they add goes to the
    side of its own people ("Laos" beside Thongloun Sisoulith, wherever the reading put it).

    A joint source ("the sides agreed", a meeting implied by it) names participants, not a side: its
    actors join the source side only where no directed source puts them on the target side ("Quang
    received Naghiyev" keeps Naghiyev a guest when "các bên nhất trí" names him among the sides)."""
    parsed = parsed or RowActors()
    ruled = [r for r in rows if r.classifier != "model"]
    others = [r for r in rows if r.classifier == "model"] if ruled else []
    chosen = ruled or rows
    directed = [r for r in chosen if not r.joint]
    hosts = {a["key"] for a in _union_actors(directed, "source_actors", parsed=parsed)}
    guests = {a["key"] for a in _union_actors(directed, "target_actors", parsed=parsed)} - hosts
    source = _union_actors(chosen, "source_actors", exclude=guests, joint_only=True, parsed=parsed)
    target = _union_actors(chosen, "target_actors", exclude={a["key"] for a in source}, parsed=parsed)
    known = {a["key"] for a in (*source, *target)}
    # the state of each actor as any report gives it ("State President Lương Cường" names none)
    states = {a["key"]: a["country"] for r in rows for a in parsed.both(r) if a.get("country")}

    def of(country: str | None, side: list[dict[str, Any]]) -> bool:
        return country is not None and any(
            (a.get("country") or states.get(a["key"])) == country for a in side
        )

    for column, own in (("source_actors", source), ("target_actors", target)):
        for actor in _union_actors(others, column, exclude=known, parsed=parsed):
            country = actor.get("country") if actor.get("type") == "place" else None
            on_source, on_target = of(country, source), of(country, target)
            side = source if on_source and not on_target else target if on_target and not on_source else own
            side.append(actor)
            known.add(actor["key"])
    return source, target


@dataclass(frozen=True)
class Office:
    """What the entity store knows of a person: the roles they hold and the state they belong to."""

    roles: frozenset[str]
    state: str | None


@lru_cache(maxsize=4096)
def body_entry(name: str) -> GazetteerEntry | None:
    """The gazetteer organization a body's name stands for ("National Assembly of Vietnam",
    "Quốc hội Việt Nam"), when exactly one does."""
    gazetteer = load_gazetteer()
    found = {s.entry_id for s in gazetteer.lookup(name_tokens(name), None) if s.entry_id.startswith("org:")}
    return gazetteer.entries[found.pop()] if len(found) == 1 else None


def _led_kind(actor: dict[str, Any]) -> tuple[str, str | None] | None:
    """(kind, state) of a body some role leads (``BODIES_LED``: a legislature, a party), else None."""
    if actor.get("type") != "organization":
        return None
    entry = body_entry(actor.get("name") or actor["key"])
    if entry is None or entry.kind not in BODIES_LED.values():
        return None
    return entry.kind, actor.get("country") or (
        country_code(f"place:{entry.country}") if entry.country else None
    )


def _offices_wanted(rows: Sequence[store.SourceRow], parsed: RowActors | None = None) -> set[str]:
    """The people of an event whose offices consolidation reads: those of events where a body some
    role leads is named (no store read for the others, and no row read where no body is named)."""
    if not any('"organization"' in row.source_actors + row.target_actors for row in rows):
        return set()
    parsed = parsed or RowActors()
    people: set[str] = set()
    led = False
    for row in rows:
        for actor in parsed.both(row):
            if actor.get("type") == "person":
                people.add(actor["key"])
            elif not led and _led_kind(actor) is not None:
                led = True
    return people if led else set()


def stored_offices(conn: Connection, keys: Iterable[str]) -> dict[str, Office]:
    """The roles and state the entity store holds for each stored person among ``keys``."""
    rows = entity_store.roles_of(conn, entity_ids(keys))
    if not rows:
        return {}
    states = roles_from_rows(rows).states
    held: dict[str, set[str]] = {}
    for row in rows:
        held.setdefault(f"entity:{row.entity_id}", set()).add(row.role)
    return {key: Office(frozenset(roles), states.get(key)) for key, roles in held.items()}


def with_bodies_led(
    side: list[dict[str, Any]],
    rows: Sequence[store.SourceRow],
    offices: dict[str, Office],
    parsed: RowActors | None = None,
) -> list[dict[str, Any]]:
    """One side with each body a person on it leads among that person's affiliations ("Trần Thanh
    Mẫn" speaks for "National Assembly of Vietnam" beside him): a role that leads that kind of body
    (``BODIES_LED``), held in the body's state. The person's roles and state come from any report of
    the event, else from the entity store (``offices``); a person given the body also gets that state."""
    bodies = [(a["key"], body) for a in side if (body := _led_kind(a)) is not None]
    if not bodies:
        return side
    parsed = parsed or RowActors()
    roles: dict[str, set[str]] = {}
    states: dict[str, str] = {}
    for row in rows:
        for actor in parsed.both(row):
            if actor.get("role"):
                roles.setdefault(actor["key"], set()).add(actor["role"])
            if actor.get("country"):
                states.setdefault(actor["key"], actor["country"])
    out = []
    for actor in side:
        if actor.get("type") != "person":
            out.append(actor)
            continue
        office = offices.get(actor["key"])
        held = roles.get(actor["key"], set()) | (office.roles if office else frozenset())
        state = actor.get("country") or states.get(actor["key"]) or (office.state if office else None)
        kinds = {BODIES_LED[r] for r in held if r in BODIES_LED}
        led = [key for key, (kind, country) in bodies if kind in kinds and state and country == state]
        if led:
            known = actor.get("affiliations") or []
            actor = {**actor, "affiliations": [*known, *(k for k in led if k not in known)], "country": state}
        out.append(actor)
    return out


def one_participant(side: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """One side of an event as people see it: a person, the body he speaks for and his country are one
    participant ("Luong Tam Quang" for "Luong Tam Quang, Vietnam, Ministry of Public Security"), as
    merging counts them (``newsloom.events.parties``). A body among a person's affiliations goes, an
    unnamed force a named body beside it belongs to ("Indonesia police" beside "Kepolisian Daerah
    Bali"), and a country of a person or body beside it; everyone stays when nothing stands for them."""
    people = [a for a in side if a.get("type") == "person"]
    spoken_for = {k for a in people for k in a.get("affiliations", [])}
    forces = {k for a in side if a.get("type") == "organization" for k in a.get("affiliations", [])}
    countries = {
        a.get("country") for a in side if a.get("type") in ("person", "organization") and a.get("country")
    }

    def stands_for(actor: dict[str, Any]) -> bool:
        if actor.get("type") == "organization":
            return actor["key"] in spoken_for
        if actor.get("type") == "group":
            return actor["key"] in forces
        return actor.get("type") == "place" and actor.get("country") in countries

    kept = [a for a in side if not stands_for(a)]
    return kept or list(side)


def _title(
    type_: str,
    mode: str | None,
    source: Sequence[dict[str, Any]],
    target: Sequence[dict[str, Any]],
    joint: bool,
) -> str:
    names = lambda actors: ", ".join(a.get("name") or a["key"] for a in actors[:3]) or "?"  # noqa: E731
    label = f"{type_}{f' ({mode})' if mode else ''}"
    source, target = one_participant(source), one_participant(target)
    if joint or not target:  # joint: every participant acts together ("Lương Cường, António Guterres")
        return f"{names([*source, *target])}: {label}"
    return f"{names(source)} -> {names(target)}: {label}"


#: The blocking key of a meeting by the state of one of its participants ("state:ZAF"): a meeting read
#: between countries alone ("the first visit of a South African president to Vietnam") finds the
#: meeting of those countries' people that day by it (see ``merge.state_candidates``).
STATE_KEY = "state:"


def state_keys_of(type_: str, countries: Iterable[str | None]) -> set[str]:
    """The state keys of a meeting with participants of ``countries`` (none for other types)."""
    return {f"{STATE_KEY}{c}" for c in countries if c} if type_ == "CONSULT" else set()


def _state_keys(type_: str, source: list[dict[str, Any]], target: list[dict[str, Any]]) -> set[str]:
    return state_keys_of(type_, (a.get("country") for a in (*source, *target)))


def refresh_event(conn: Connection, event_id: int) -> bool:
    """Recompute an event's consolidated fields and keys from its sources; delete it when none is left."""
    return bool(refresh_events(conn, [event_id]))


def refresh_events(conn: Connection, event_ids: Iterable[int]) -> list[int]:
    """:func:`refresh_event` for several events at once (their sources read in one query, each
    table written in one statement, the offices of their people in one); returns those still
    standing, the others are deleted."""
    ids = list(dict.fromkeys(event_ids))
    if not ids:
        return []
    rows = store.source_rows(conn, ids)
    store.delete_events(conn, [i for i in ids if not rows[i]])
    kept = [i for i in ids if rows[i]]
    parsed = {i: RowActors() for i in kept}
    wanted = {i: _offices_wanted(_told(rows[i]), parsed[i]) for i in kept}
    offices = stored_offices(conn, set().union(*wanted.values())) if any(wanted.values()) else {}
    store.write_events(
        conn,
        [
            consolidated(i, rows[i], {k: offices[k] for k in wanted[i] if k in offices}, parsed[i])
            for i in kept
        ],
    )
    return kept


def _told(rows: Sequence[store.SourceRow]) -> list[store.SourceRow]:
    """The rows an event's fields are read from: its reports, or its mentions when it has none."""
    return reporting_rows(rows) or list(rows)


#: What consolidation reads of a source row: every column but the row's and its event's ids
_READ = attrgetter(*(f.name for f in fields(store.SourceRow) if f.name not in ("id", "event_id")))
#: Consolidations by the source rows they were computed from: merging an article again (a replay)
#: gives most of its events back the sources they had before, and refreshes them after each one (#18)
_CONSOLIDATED: dict[
    tuple[Any, ...], tuple[dict[str, Any], list[tuple[str, str, str]], list[dict[str, Any]]]
] = {}
_CONSOLIDATED_LIMIT = 1024
_CONSOLIDATED_LOCK = Lock()


def consolidated(
    event_id: int,
    rows: Sequence[store.SourceRow],
    offices: dict[str, Office] | None = None,
    parsed: RowActors | None = None,
) -> store.EventWrite:
    """An event's consolidated fields, blocking keys and actor rows, from its (non-empty) sources
    and the stored offices of its people: a function of the rows' columns and order alone (not
    their ids) and of those offices, computed once per both."""
    offices = offices or {}
    read = (
        tuple(map(_READ, rows)),
        tuple(sorted((k, tuple(sorted(o.roles)), o.state) for k, o in offices.items())),
    )
    found = _CONSOLIDATED.get(read)
    if found is None:
        found = _consolidate(rows, offices, parsed)
        with _CONSOLIDATED_LOCK:
            while len(_CONSOLIDATED) >= _CONSOLIDATED_LIMIT:
                _CONSOLIDATED.pop(next(iter(_CONSOLIDATED)))
            _CONSOLIDATED[read] = found
    values, keys, actors = found
    return store.EventWrite(event_id, values, keys, actors)


def _consolidate(
    all_rows: Sequence[store.SourceRow],
    offices: dict[str, Office] | None = None,
    parsed: RowActors | None = None,
) -> tuple[dict[str, Any], list[tuple[str, str, str]], list[dict[str, Any]]]:
    """:func:`consolidated`'s values, keys and actor rows. The fields are its reports' (its mentions'
    when it has none); only reports count (articles, sources, languages, confidence): an event told
    in passing alone has none, a confidence of 0, and shows as uncertain. Its blocking keys are every
    row's, so a later report finds it."""
    parsed = parsed or RowActors()
    reports = reporting_rows(all_rows)
    rows = reports or list(all_rows)
    type_ = rows[0].type
    date_, date_end, precision, date_source = consolidated_date(rows)
    primaries = primary_rows(rows)
    explicit_places = [(r.location, r.language) for r in primaries if r.location_source != "dateline"]
    location = place_vote(explicit_places) or place_vote([(r.location, r.language) for r in primaries])
    sides = _sides(rows, parsed)
    state_keys = _state_keys(type_, *sides)  # the blocking keys of the sides as the reports give them
    source, target = (with_bodies_led(side, rows, offices or {}, parsed) for side in sides)
    joint = any(r.joint for r in rows)
    mode = _vote([r.mode for r in rows])
    src_keys = sorted({k for r in all_rows for k in json.loads(r.group_src_keys)})
    tgt_keys = sorted({k for r in all_rows for k in json.loads(r.group_tgt_keys)})
    context = sorted({c for r in rows for c in json.loads(r.context)})
    languages = sorted({r.language for r in reports if r.language})
    per_article: dict[str, float] = {}
    for row in reports:
        per_article[row.article_id] = max(per_article.get(row.article_id, 0.0), row.confidence)
    doubt = 1.0  # no report: no confidence at all
    for value in per_article.values():
        doubt *= 1.0 - value
    values = dict(
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
        n_sources=len(reports),
        n_articles=len(per_article),
        # no report read by the classifier: the confidence is the rules' prior (``gate.rule_confidence``)
        rules_only=all(r.classifier == "rules" for r in rows),
    )
    # a gathering's venue named in a report keys it too: a report naming no one finds it by that
    venue_places = [(r.location, r.language) for r in primaries if r.location_source in VENUE_SOURCES]
    venue = venue_key(type_, mode, place_vote(venue_places), VENUE_SOURCES[0]) if venue_places else None
    keys = sorted(
        set(src_keys)
        | set(tgt_keys)
        | ({venue} if venue else set())
        | state_keys
        | gathering_keys(type_, mode, bool(src_keys or tgt_keys))
    )
    days = day_keys(date_, date_end)
    actor_rows = [
        {
            "key": a["key"],
            "side": side,
            "name": a.get("name") or a["key"],
            "folded": fold(a.get("name") or a["key"]),
        }
        for side, actors in (("source", source), ("target", target))
        for a in actors
    ]
    return values, [(k, d, md) for k in keys for d, md in days], actor_rows
