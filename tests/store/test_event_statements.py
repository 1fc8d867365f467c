"""The event store's prebuilt statements (built once at import, #18) find, write and delete what the
statements built per call did: by day and by month-day, by type, by parent; keys and actors replaced."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from newsloom.store import Store
from newsloom.store import events as rows
from newsloom.store.schema import event_sources, events


def test_row_types_list_their_tables_columns_in_order() -> None:
    # event and source rows are built by position from select(table): the fields must follow it
    assert [f.name for f in dataclasses.fields(rows.EventRow)] == [c.name for c in events.columns]
    assert [f.name for f in dataclasses.fields(rows.SourceRow)] == [c.name for c in event_sources.columns]


def _event(conn, type_: str, date: str | None, mode: str | None = None, parent: int | None = None) -> int:
    values = {"type": type_, "mode": mode, "date": date, "parent_id": parent, "joint": False}
    return rows.insert_event(conn, values)


def _keyed(conn, event_id: int, keys: list[str], date: str | None, mode: str | None = None) -> None:
    days = rows.day_keys(date)
    actors = [{"key": k, "side": "source", "name": k, "folded": k} for k in keys]
    values = {"mode": mode, "date": date, "title": f"event {event_id}", "n_sources": len(keys)}
    rows.update_event(conn, event_id, values, [(k, d, md) for k in keys for d, md in days], actors)


def test_candidates_found_by_key_day_and_type(tmp_path: Path) -> None:
    store = Store.open(str(tmp_path / "events.db"))
    with store.transaction() as conn:
        meeting = _event(conn, "CONSULT", "2025-10-24", mode="multilateral")
        _keyed(conn, meeting, ["entity:1", "entity:2"], "2025-10-24", mode="multilateral")
        yearless = _event(conn, "CONSULT", "XXXX-10-25")
        _keyed(conn, yearless, ["entity:1"], "XXXX-10-25")
        other_type = _event(conn, "COOPERATE", "2025-10-24")
        _keyed(conn, other_type, ["entity:1"], "2025-10-24")
        statement = _event(conn, "COOPERATE", "2025-10-24", parent=meeting)
        _keyed(conn, statement, ["entity:2"], "2025-10-24")

        def found(keys: set[str], date: str, type_: str) -> set[int]:
            return {e.id for e in rows.candidates_by_keys(conn, keys, rows.day_keys(date, slack=1), type_)}

        # a dated lookup also finds the event whose year is unknown on a day of its window
        assert found({"entity:1"}, "2025-10-24", "CONSULT") == {meeting, yearless}
        assert found({"entity:2"}, "2025-10-24", "CONSULT") == {meeting}
        assert found({"entity:9"}, "2025-10-24", "CONSULT") == set()
        assert found({"entity:1"}, "2025-10-20", "CONSULT") == set()
        # a yearless lookup goes by month-day
        assert found({"entity:1"}, "XXXX-10-23", "CONSULT") == {meeting}
        assert found({"entity:1", "entity:2"}, "2025-10-24", "COOPERATE") == {other_type, statement}
        assert {e.id for e in rows.candidates_by_parent(conn, meeting, "COOPERATE")} == {statement}
        assert rows.candidates_by_parent(conn, meeting, "CONSULT") == []
        read = rows.keys_and_modes(conn, [meeting, yearless, statement, 999])
        assert {i: mode for i, (_, mode) in read.items()} == {
            meeting: "multilateral",
            yearless: None,
            statement: None,
        }
        assert rows.keys_and_modes(conn, []) == {}
        assert rows.event_keys_of(conn, [meeting]) == {meeting: frozenset()}  # sides are set by refresh

        # keys and actors are replaced, not added to; the update sets the given fields only
        _keyed(conn, meeting, ["entity:3"], "2025-10-24", mode="multilateral")
        assert found({"entity:1", "entity:2"}, "2025-10-24", "CONSULT") == {yearless}
        assert found({"entity:3"}, "2025-10-24", "CONSULT") == {meeting}
        assert rows.keys_and_modes(conn, [meeting])[meeting][0] == frozenset()  # sides are set by refresh
        row = rows.get_event(conn, meeting)
        assert row is not None and (row.title, row.n_sources, row.type) == (f"event {meeting}", 1, "CONSULT")
        assert rows.canonical_actor_names(conn, [meeting]) == {}

        # deleting a meeting detaches its statements and removes its keys
        rows.delete_event(conn, meeting)
        assert rows.get_event(conn, meeting) is None
        assert found({"entity:3"}, "2025-10-24", "CONSULT") == set()
        kept = rows.get_event(conn, statement)
        assert kept is not None and kept.parent_id is None
        rows.attach_to_meeting(conn, statement, yearless)
        kept = rows.get_event(conn, statement)
        assert kept is not None and kept.parent_id == yearless
        rows.attach_to_meeting(conn, statement, other_type)  # a statement keeps the meeting it has
        kept = rows.get_event(conn, statement)
        assert kept is not None and kept.parent_id == yearless
    store.close()


def _rows_of(conn, event_id: int) -> tuple[set[tuple[str, str, str]], set[tuple[str, str, str, str]]]:
    import sqlalchemy as sa

    from newsloom.store.schema import event_actors, event_keys

    keys = conn.execute(
        sa.select(event_keys.c.key, event_keys.c.day, event_keys.c.md).where(
            event_keys.c.event_id == event_id
        )
    )
    actors = conn.execute(
        sa.select(event_actors.c.key, event_actors.c.side, event_actors.c.name, event_actors.c.folded).where(
            event_actors.c.event_id == event_id
        )
    )
    return {tuple(r) for r in keys}, {tuple(r) for r in actors}


def test_inside_a_merge_step_only_changed_rows_are_written_and_the_rows_are_those_given(
    tmp_path: Path,
) -> None:
    import sqlalchemy as sa

    store = Store.open(str(tmp_path / "events.db"))
    # (keys, date, actors as (key, side, name)): grown, the same, shrunk, renamed, moved in time
    steps = [
        (["entity:1"], "2025-10-24", [("entity:1", "source", "Quang")]),
        (
            ["entity:1", "entity:2"],
            "2025-10-24",
            [("entity:1", "source", "Quang"), ("entity:2", "target", "Waly")],
        ),
        (
            ["entity:1", "entity:2"],
            "2025-10-24",
            [("entity:1", "source", "Quang"), ("entity:2", "target", "Waly")],
        ),
        (["entity:2"], "2025-10-24", [("entity:2", "target", "Waly")]),
        (
            ["entity:2", "entity:3"],
            "2025-10-24",
            [("entity:2", "target", "Ghada Waly"), ("entity:3", "source", "UN")],
        ),
        (["entity:2"], "2025-10-25", [("entity:2", "source", "Ghada Waly")]),
    ]
    statements: list[str] = []
    sa.event.listen(store.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    with store.transaction() as conn:
        other = _event(conn, "CONSULT", "2025-10-24")
        _keyed(conn, other, ["entity:1", "entity:9"], "2025-10-24")  # written outside: replaced whole
        with rows.remembering_writes():
            event = _event(conn, "CONSULT", "2025-10-24")
            for step, (keys, date, actors) in enumerate(steps):
                statements.clear()
                days = rows.day_keys(date)
                given = [{"key": k, "side": s, "name": n, "folded": n.lower()} for k, s, n in actors]
                rows.update_event(
                    conn, event, {"date": date}, [(k, d, md) for k in keys for d, md in days], given
                )
                kinds = [s.split()[0] for s in statements]
                # the keys at once (merging reads them); the actor rows when the block ends
                assert _rows_of(conn, event) == ({(k, d, md) for k in keys for d, md in days}, set())
                if step == 1:  # grown: only inserts after the update
                    assert kinds == ["UPDATE", "INSERT"]
                if step == 2:  # unchanged: the update alone
                    assert kinds == ["UPDATE"]
        assert _rows_of(conn, event)[1] == {(k, s, n, n.lower()) for k, s, n in steps[-1][2]}
        with rows.remembering_writes():
            statements.clear()
            rows.update_event(conn, other, {}, [("entity:5", "2025-10-24", "10-24")], [])
            assert sum(s.startswith("DELETE") for s in statements) == 1  # not known here: all replaced
            assert _rows_of(conn, other) == (
                {("entity:5", "2025-10-24", "10-24")},
                {
                    ("entity:1", "source", "entity:1", "entity:1"),
                    ("entity:9", "source", "entity:9", "entity:9"),
                },
            )
            rows.delete_event(conn, event)
            again = _event(conn, "CONSULT", "2025-10-24")  # SQLite may give the deleted id again
            rows.update_event(conn, again, {}, [("entity:7", "2025-10-24", "10-24")], [])
            assert _rows_of(conn, again) == ({("entity:7", "2025-10-24", "10-24")}, set())
        assert _rows_of(conn, other) == ({("entity:5", "2025-10-24", "10-24")}, set())
        assert _rows_of(conn, again) == ({("entity:7", "2025-10-24", "10-24")}, set())
        assert _rows_of(conn, event if event != again else -1) == (set(), set())
    store.close()
