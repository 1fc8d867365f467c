"""Who met, agreed with, accused whom: the actor network of the events of a period.

Nodes are actors under their canonical names (the stored entity an actor's key links to); an edge
joins two actors that take part in one event on opposite sides (source x target), or side by side
when an event has no target (a joint statement: "the two sides agreed"). Actors of one side are not
joined to each other ("Lương Cường, Vietnam -> ..."): a president and his country did not meet.
Each edge counts its events, per PLOVER type, and keeps their ids so that the page links to them.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from newsloom.store import Connection
from newsloom.store import events as event_rows
from newsloom.views.common import Model

#: Events read per query while counting (memory stays flat however many events there are).
BATCH = 1000
#: Edges a network shows by default (the strongest); the CSV and ``limit`` may ask for more.
DEFAULT_EDGES = 60
MAX_EDGES = 500
#: Event ids an edge keeps (the newest); its ``count`` is always the full number.
EVENT_IDS_PER_EDGE = 50
CSV_COLUMNS = ("source", "target", "count", "types", "event_ids")
ENTITY_PREFIX = event_rows.ENTITY_KEY_PREFIX


class NetworkNode(Model):
    """An actor: its key ("entity:12"), the entity id when linked, its canonical name, type, the events
    it takes part in (within the network's edges) and how many other actors it is joined to."""

    key: str
    entity_id: int | None
    name: str
    type: str | None
    events: int
    degree: int


class NetworkEdge(Model):
    """Two actors (keys in a fixed order) and the events joining them: count, per type, ids."""

    source: str
    target: str
    source_name: str
    target_name: str
    count: int
    types: dict[str, int]
    event_ids: list[int]


class Network(Model):
    """The strongest edges of the period (most events first) and the actors they join."""

    date_from: str | None
    date_to: str | None
    type: str | None
    events: int  # events of the period with at least one edge
    edges_total: int  # edges before the cut to ``limit``
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


@dataclass(frozen=True)
class NetworkQuery:
    date_from: str | None = None
    date_to: str | None = None
    type: str | None = None  # a PLOVER type, upper case
    limit: int = DEFAULT_EDGES


@dataclass
class _Actor:
    key: str
    name: str
    type: str | None


@dataclass
class _Tally:
    types: Counter[str] = field(default_factory=Counter)
    event_ids: list[int] = field(default_factory=list)


def actors_of(actors_json: str, renamed: dict[str, str]) -> tuple[list[_Actor], list[_Actor]]:
    """An event's source and target actors (one per key), under canonical names."""
    data = json.loads(actors_json or "{}")
    sides: list[list[_Actor]] = []
    for side in ("source", "target"):
        seen: dict[str, _Actor] = {}
        for actor in data.get(side, []):
            key = str(actor.get("key") or "")
            name = str(actor.get("name") or "")
            if key and name and key not in seen:
                seen[key] = _Actor(key, renamed.get(name, name), actor.get("type"))
        sides.append(list(seen.values()))
    return sides[0], sides[1]


def pairs_of(source: list[_Actor], target: list[_Actor]) -> list[tuple[_Actor, _Actor]]:
    """The pairs an event joins (each in key order): source x target, or the sources among
    themselves when there is no target."""
    pairs = [(s, t) for s in source for t in target] if target else list(combinations(source, 2))
    found = {}
    for a, b in pairs:
        if a.key != b.key:
            first, second = sorted((a, b), key=lambda actor: actor.key)
            found[(first.key, second.key)] = (first, second)
    return list(found.values())


def _full_date(day: str | None) -> bool:
    return bool(day) and str(day)[:4].isdigit()


def _entity_id(key: str) -> int | None:
    number = key[len(ENTITY_PREFIX) :] if key.startswith(ENTITY_PREFIX) else ""
    return int(number) if number.isascii() and number.isdigit() else None


def network_view(conn: Connection, query: NetworkQuery) -> Network:
    """The actor network of the events dated within the query's period (all events without one)."""
    where = event_rows.EventFilter(date_from=query.date_from, date_to=query.date_to, type=query.type)
    tallies: dict[tuple[str, str], _Tally] = {}
    actors: dict[str, _Actor] = {}
    counted = 0
    offset = 0
    while rows := event_rows.list_event_rows(conn, where, BATCH, offset):
        offset += len(rows)
        renamed = event_rows.canonical_actor_names(conn, [row.id for row in rows])
        for row in rows:
            if (query.date_from or query.date_to) and not _full_date(row.date):
                continue  # "XXXX-10-24" sorts after every year: not within a period
            pairs = pairs_of(*actors_of(row.actors, renamed.get(row.id, {})))
            counted += bool(pairs)
            for first, second in pairs:
                actors.setdefault(first.key, first)
                actors.setdefault(second.key, second)
                tally = tallies.setdefault((first.key, second.key), _Tally())
                tally.types[row.type] += 1
                if len(tally.event_ids) < EVENT_IDS_PER_EDGE:
                    tally.event_ids.append(row.id)
    ranked = sorted(
        tallies.items(),
        key=lambda item: (-item[1].types.total(), actors[item[0][0]].name, actors[item[0][1]].name),
    )
    kept = ranked[: max(1, query.limit)]
    edges = [
        NetworkEdge(
            source=a, target=b, source_name=actors[a].name, target_name=actors[b].name,
            count=tally.types.total(), types=dict(tally.types.most_common()), event_ids=tally.event_ids,
        )
        for (a, b), tally in kept
    ]  # fmt: skip
    return Network(
        date_from=query.date_from, date_to=query.date_to, type=query.type, events=counted,
        edges_total=len(tallies), nodes=_nodes(edges, actors), edges=edges,
    )  # fmt: skip


def _nodes(edges: list[NetworkEdge], actors: dict[str, _Actor]) -> list[NetworkNode]:
    """The actors of the kept edges, most events first."""
    events: dict[str, set[int]] = {}
    degree: Counter[str] = Counter()
    for edge in edges:
        for key in (edge.source, edge.target):
            events.setdefault(key, set()).update(edge.event_ids)
            degree[key] += 1
    nodes = [
        NetworkNode(
            key=key, entity_id=_entity_id(key), name=actors[key].name, type=actors[key].type,
            events=len(ids), degree=degree[key],
        )
        for key, ids in events.items()
    ]  # fmt: skip
    return sorted(nodes, key=lambda node: (-node.events, -node.degree, node.name))


def network_csv(network: Network) -> str:
    """The network's edges as CSV: source, target (canonical names), count, types, event ids."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for edge in network.edges:
        types = ";".join(f"{name}:{n}" for name, n in edge.types.items())
        writer.writerow(
            (edge.source_name, edge.target_name, edge.count, types, " ".join(map(str, edge.event_ids)))
        )
    return out.getvalue()


def edge_lines(network: Network, top: int) -> list[dict[str, Any]]:
    """The ``top`` edges as rows for a table (CLI)."""
    return [
        {"actors": f"{e.source_name} — {e.target_name}", "count": e.count,
         "types": ", ".join(f"{t} {n}" for t, n in e.types.items()), "events": e.event_ids[:8]}
        for e in network.edges[:top]
    ]  # fmt: skip
