"""The actor network: canonical names, who is joined to whom (and who is not), filters and CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from newsloom.store import Connection
from newsloom.views.network import Network, NetworkQuery, _Actor, network_csv, network_view, pairs_of


def edge_between(network: Network, a: str, b: str):  # type: ignore[no-untyped-def]
    return next((e for e in network.edges if {e.source_name, e.target_name} == {a, b}), None)


def test_the_two_meetings_are_edges_under_canonical_names(conn: Connection) -> None:
    network = network_view(conn, NetworkQuery())
    names = {node.name for node in network.nodes}
    assert {"Bùi Thanh Sơn", "Ghada Waly", "Lương Cường", "António Guterres"} <= names
    assert "Bui Thanh Son" not in names  # the first spelling seen gives way to the canonical name
    son_waly = edge_between(network, "Bùi Thanh Sơn", "Ghada Waly")
    assert son_waly is not None and son_waly.types.get("CONSULT", 0) >= 1
    talks = edge_between(network, "Lương Cường", "António Guterres")
    assert talks is not None and "CONSULT" in talks.types and talks.count >= 2
    assert talks.count == sum(talks.types.values()) == len(talks.event_ids)


def test_edge_events_name_both_actors(conn: Connection) -> None:
    from newsloom.views.events import event_view

    network = network_view(conn, NetworkQuery())
    talks = edge_between(network, "Lương Cường", "António Guterres")
    assert talks is not None
    for event_id in talks.event_ids:
        event = event_view(conn, event_id)
        assert event is not None
        named = {a["name"] for side in ("source", "target") for a in event.actors.model_dump()[side]}
        assert {"Lương Cường", "António Guterres"} <= named, (event_id, named)


def test_actors_of_one_side_are_not_joined(conn: Connection) -> None:
    # "Lương Cường, Vietnam -> António Guterres, United Nations": the president and his country are one side
    network = network_view(conn, NetworkQuery())
    assert edge_between(network, "Lương Cường", "Vietnam") is None


def test_nodes_count_their_edges(conn: Connection) -> None:
    network = network_view(conn, NetworkQuery())
    for node in network.nodes:
        touching = [e for e in network.edges if node.key in (e.source, e.target)]
        assert node.degree == len(touching) > 0
        assert node.events == len({i for e in touching for i in e.event_ids})
    linked = [n for n in network.nodes if n.key.startswith("entity:")]
    assert linked and all(n.entity_id == int(n.key.split(":")[1]) for n in linked)


def test_period_and_type_filters(conn: Connection) -> None:
    everything = network_view(conn, NetworkQuery())
    later = network_view(conn, NetworkQuery(date_from="2025-10-22"))
    assert edge_between(everything, "Bùi Thanh Sơn", "Ghada Waly") is not None
    assert edge_between(later, "Bùi Thanh Sơn", "Ghada Waly") is None  # 21 October
    assert edge_between(later, "Lương Cường", "António Guterres") is not None
    agree = network_view(conn, NetworkQuery(type="AGREE"))
    assert agree.edges and all(set(e.types) == {"AGREE"} for e in agree.edges)
    assert network_view(conn, NetworkQuery(date_from="2999-01-01")).edges == []


def test_limit_keeps_the_strongest_edges(conn: Connection) -> None:
    everything = network_view(conn, NetworkQuery())
    top = network_view(conn, NetworkQuery(limit=2))
    assert len(top.edges) == 2 and top.edges_total == everything.edges_total > 2
    assert [e.count for e in top.edges] == [e.count for e in everything.edges[:2]]
    assert min(e.count for e in top.edges) >= max(e.count for e in everything.edges[2:])
    kept = {k for e in top.edges for k in (e.source, e.target)}
    assert {n.key for n in top.nodes} == kept


def test_csv_has_one_row_per_edge(conn: Connection) -> None:
    network = network_view(conn, NetworkQuery())
    rows = list(csv.DictReader(io.StringIO(network_csv(network))))
    assert len(rows) == len(network.edges)
    first = rows[0]
    assert (first["source"], first["target"], int(first["count"])) == (
        network.edges[0].source_name, network.edges[0].target_name, network.edges[0].count,
    )  # fmt: skip
    assert [int(i) for i in first["event_ids"].split()] == network.edges[0].event_ids


def test_pairs_are_source_by_target_or_joint() -> None:
    a, b, c = (
        _Actor("entity:1", "A", "person"),
        _Actor("entity:2", "B", "person"),
        _Actor("entity:3", "C", None),
    )
    assert {(x.key, y.key) for x, y in pairs_of([a], [b, c])} == {
        ("entity:1", "entity:2"),
        ("entity:1", "entity:3"),
    }
    # no target: a joint statement joins every pair of its sources
    assert {(x.key, y.key) for x, y in pairs_of([c, a, b], [])} == {
        ("entity:1", "entity:3"), ("entity:2", "entity:3"), ("entity:1", "entity:2"),
    }  # fmt: skip
    assert pairs_of([a], []) == [] and pairs_of([a], [a]) == []


def test_cli_prints_the_strongest_edges(module_db: Path) -> None:
    from typer.testing import CliRunner

    from newsloom.cli import app

    runner = CliRunner()
    shown = runner.invoke(app, ["network", "--db", str(module_db), "--top", "50"])
    assert shown.exit_code == 0, shown.output
    assert "Lương Cường — António Guterres" in shown.output and "Bùi Thanh Sơn — Ghada Waly" in shown.output
    later = runner.invoke(app, ["network", "--db", str(module_db), "--since", "2025-10-22", "--top", "50"])
    assert later.exit_code == 0 and "Bùi Thanh Sơn — Ghada Waly" not in later.output
    bad = runner.invoke(app, ["network", "--db", str(module_db), "--since", "yesterday"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output
    places = runner.invoke(app, ["map", "--db", str(module_db)])
    assert places.exit_code == 0 and "Hanoi" in places.output and "21.02" in places.output
