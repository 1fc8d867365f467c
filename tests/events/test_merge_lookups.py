"""What merging reads per article-level event (#18): one lookup of the stored events keyed by its
actors, its participants' states and its venue (three before), one of its candidates' meetings and
readers (two before); and the memos of a merge (a neighbour built once per stored record, its groups
once per links and roles, an event's consolidation once per source rows) and the actor rows written
once per merge step change nothing stored."""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
from pathlib import Path

import pytest
import sqlalchemy as sa

from newsloom.events import merge
from newsloom.events import stored as stored_events
from newsloom.store import Store
from newsloom.store.articles import save_article

from .test_merge_replay import _reports


def test_a_meeting_is_looked_up_by_actors_and_states_in_one_statement(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second, _ = _reports()
    store = Store.open(str(tmp_path / "lookups.db"))
    with store.transaction() as conn:
        save_article(conn, first)
        merge.merge_article_events(conn, first)
    with store.transaction() as conn:
        save_article(conn, second)
        meeting = next(g for g in merge._groups(conn, second) if g.type == "CONSULT")
        # a participant's state keys the lookup too (state_candidates): "state:VNM"
        person = dataclasses.replace(meeting.source_actors[0], country="VNM")
        meeting = dataclasses.replace(meeting, source_actors=(person, *meeting.source_actors[1:]))
        assert stored_events.state_keys_of(meeting.type, [person.country]) == {"state:VNM"}

        sent: list[str] = []
        naming = [False]
        real = merge.by_gathering_name

        def by_gathering_name(conn: sa.Connection, group: object) -> object:
            naming[0] = True
            try:
                return real(conn, group)  # type: ignore[arg-type]
            finally:
                naming[0] = False

        def record(_conn: object, _cursor: object, statement: str, *_: object) -> None:
            if not naming[0] and ("event_keys" in statement or "FROM events" in statement):
                sent.append(statement)

        monkeypatch.setattr(merge, "by_gathering_name", by_gathering_name)
        sa.event.listen(store.engine, "before_cursor_execute", record)
        try:
            match = merge.best_match(conn, meeting, None)
        finally:
            sa.event.remove(store.engine, "before_cursor_execute", record)
        assert match is not None  # the meeting the first report stored
        # the candidates (by actor keys and by state keys; with a meeting, its statements) in one statement; their meetings' keys
        # and modes and which of them the classifier alone found in one more: two, not four
        assert sum("event_keys" in s for s in sent) == 1, sent
        assert len(sent) == 2, sent
    store.close()


def test_key_sets_find_what_each_lookup_finds(tmp_path: Path) -> None:
    from newsloom.store import events as rows

    store = Store.open(str(tmp_path / "sets.db"))
    with store.transaction() as conn:
        made = {}
        for name, keys, date in (
            ("a", ["entity:1", "state:VNM"], "2025-10-24"),
            ("b", ["entity:2"], "2025-10-25"),
            ("c", ["venue:x", "entity:3"], "2025-10-24"),
            ("d", ["entity:1"], "XXXX-10-24"),
            ("e", ["state:VNM"], "2025-11-30"),
        ):
            event_id = rows.insert_event(conn, {"type": "CONSULT", "date": date, "joint": False})
            days = rows.day_keys(date)
            actors = [{"key": k, "side": "source", "name": k, "folded": k} for k in keys]
            rows.update_event(
                conn, event_id, {"date": date}, [(k, d, md) for k in keys for d, md in days], actors
            )
            made[name] = event_id
        sets = [{"entity:1", "entity:2"}, {"state:VNM"}, {"venue:x"}, set()]
        for date in ("2025-10-24", "2025-10-26", "XXXX-10-24", None):
            days = rows.day_keys(date, slack=1)
            together = rows.candidates_by_key_sets(conn, sets, days, "CONSULT")
            alone = [rows.candidates_by_keys(conn, keys, days, "CONSULT") for keys in sets]
            assert [sorted(e.id for e in found) for found in together] == [
                sorted(e.id for e in found) for found in alone
            ]
            assert all(len({e.id for e in found}) == len(found) for found in together)  # each once
        found = rows.candidates_by_key_sets(conn, sets, rows.day_keys("2025-10-24", slack=1), "CONSULT")
        assert {e.id for e in found[0]} == {made["a"], made["b"], made["d"]}
        assert rows.candidates_by_key_sets(conn, sets, rows.day_keys("2025-10-24"), "AGREE") == [
            [],
            [],
            [],
            [],
        ]
        # the statements at a meeting come in the same query, apart from the keyed ones
        said = rows.insert_event(
            conn, {"type": "CONSULT", "date": "2025-10-24", "joint": False, "parent_id": made["c"]}
        )
        for parent in (made["c"], made["a"], None):
            days = rows.day_keys("2025-10-24", slack=1)
            for key_sets in (sets, [set()]):
                at_parent, keyed = rows.candidates_around(conn, parent, key_sets, days, "CONSULT")
                by_parent = rows.candidates_by_parent(conn, parent, "CONSULT") if parent else []
                assert [e.id for e in at_parent] == sorted(e.id for e in by_parent)
                assert keyed == rows.candidates_by_key_sets(conn, key_sets, days, "CONSULT")
        assert [e.id for e in rows.candidates_around(conn, made["c"], [], days, "CONSULT")[0]] == [said]
        # the facts of candidates and meetings are what the two lookups read
        ids = list(made.values())
        facts = rows.event_facts(conn, ids, ids[:2])
        assert facts.meetings == rows.keys_and_modes(conn, ids[:2])
        assert facts.model_only == rows.model_only_events(conn, ids)
    store.close()


def _tables(store: Store) -> dict[str, list[str]]:
    found = {}
    with store.connect() as conn:
        for table in ("events", "event_sources", "event_keys", "event_actors", "event_articles"):
            columns = [
                c["name"]
                for c in sa.inspect(conn).get_columns(table)
                if c["name"] not in ("created_at", "updated_at", "merged_at")
            ]
            rows = conn.exec_driver_sql(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            found[table] = sorted(map(repr, rows))
    return found


def _forget_memos() -> None:
    merge._BUILT.clear()
    merge._GROUPED.clear()
    stored_events._CONSOLIDATED.clear()


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_the_memos_and_the_writes_left_for_later_change_nothing_stored(
    tmp_path: Path, order: tuple[int, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    reports = _reports()
    results = {}
    for way in ("as shipped", "no memos", "every row written at once"):
        _forget_memos()
        if way == "every row written at once":  # no diff of key rows, no actor rows left for later
            monkeypatch.setattr(stored_events, "remembering_writes", contextlib.nullcontext)
        store = Store.open(str(tmp_path / f"{way}.db"))
        for index in order:
            if way != "as shipped":
                _forget_memos()
            with store.transaction() as conn:
                save_article(conn, reports[index])
                merge.merge_article_events(conn, reports[index])
        results[way] = _tables(store)
        store.close()
    assert results["as shipped"] == results["no memos"] == results["every row written at once"]
    assert len(results["as shipped"]["events"]) >= 2  # the meeting and what was said at it
    assert len(results["as shipped"]["event_actors"]) >= 2
