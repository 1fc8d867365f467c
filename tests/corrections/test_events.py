"""Event corrections: each kind is applied, survives a later run (the same input, a new report, and a
re-merge of every article) and can be undone."""

from __future__ import annotations

from typing import Any

import pytest

from newsloom.corrections import CorrectionError, Fix, correct, undo
from tests.corrections.conftest import event_paths, remerge_everything, run_later_report

SON_WALY = frozenset({"vi_01_son_waly_unodc.txt", "id_01_son_waly_unodc.txt"})
GUTERRES = frozenset({"vi_03_guterres_luong_cuong_talks.txt", "en_01_guterres_luong_cuong_talks.html"})
FORUM = "en_02_ramaphosa_man_business_forum.txt"


def top_events(conn: Any) -> dict[int, Any]:
    from newsloom.store.events import EventFilter, list_event_rows

    return {row.id: row for row in list_event_rows(conn, EventFilter(top_level=True), 1000)}


def event_with(conn: Any, paths: frozenset[str]) -> int:
    """The top-level event reported by exactly these files."""
    found = event_paths(conn)
    tops = top_events(conn)
    return next(i for i in sorted(tops) if found[i] == paths)


def forum_meetings(conn: Any) -> list[int]:
    """The two meetings the English business-forum report gives (Mẫn's, and the forum's): its CONSULTs
    with two parties or more (a one-sided CONSULT the report also yields is left out)."""
    import json

    found = event_paths(conn)
    return [
        i for i, row in sorted(top_events(conn).items())
        if found[i] == {FORUM} and row.type == "CONSULT"
        and len(set(json.loads(row.src_keys)) | set(json.loads(row.tgt_keys))) >= 2
    ]  # fmt: skip


def fix(store: Any, target: str, kind: str, ids: list[int], values: dict[str, Any] | None = None) -> Any:
    with store.transaction() as conn:
        return correct(conn, Fix(target, kind, tuple(ids), values or {}, "checked by hand"), "test")


def test_merged_events_stay_merged_through_every_later_run(store: Any) -> None:
    with store.connect() as conn:
        first, second = forum_meetings(conn)
    outcome = fix(store, "event", "merge", [first, second])
    assert outcome.result_ids == [first]  # the first id is kept
    with store.connect() as conn:
        assert forum_meetings(conn) == [first]
    remerge_everything(store)
    run_later_report(store)
    with store.connect() as conn:
        assert forum_meetings(conn) == [first], "a re-run split the merged events again, or lost their id"


def test_a_split_off_report_stays_apart_and_undo_joins_it_again(store: Any) -> None:
    with store.connect() as conn:
        event_id = event_with(conn, SON_WALY)
    outcome = fix(
        store, "event", "split", [event_id], {"articles": ["examples/text/id_01_son_waly_unodc.txt"]}
    )
    assert len(outcome.result_ids) == 2 and outcome.result_ids[0] == event_id
    remerge_everything(store)
    run_later_report(store)  # a Vietnamese roundup reporting the meeting too: it joins one side only
    with store.connect() as conn:
        reported = set(event_paths(conn).values())
        assert not any(paths >= SON_WALY for paths in reported), "the split-off report was merged back"
        assert any("vi_01_son_waly_unodc.txt" in paths for paths in reported)
        assert any("id_01_son_waly_unodc.txt" in paths for paths in reported)
        assert any(
            "vi_01_son_waly_unodc.txt" in paths for i, paths in event_paths(conn).items() if i == event_id
        )
    with store.transaction() as conn:
        undo(conn, outcome.correction.id, "test")
    remerge_everything(store)
    with store.connect() as conn:
        assert any(p >= SON_WALY for p in event_paths(conn).values()), "after the undo, the rules merge them"


def test_a_changed_type_holds_and_keeps_its_reports_together(store: Any) -> None:
    with store.connect() as conn:
        event_id = event_with(conn, GUTERRES)
    fix(store, "event", "retype", [event_id], {"type": "ACCUSE"})
    remerge_everything(store)
    with store.connect() as conn:
        accused = [i for i, row in top_events(conn).items() if row.type == "ACCUSE"]
        assert len(accused) == 1, "the reports of the retyped event were split by the re-run"
        assert event_paths(conn)[accused[0]] == GUTERRES
        assert ": ACCUSE" in top_events(conn)[accused[0]].title


def test_date_location_and_actors_are_overlaid_and_undo_restores_the_sources(store: Any) -> None:
    with store.connect() as conn:
        event_id = event_with(conn, SON_WALY)
        before = top_events(conn)[event_id]
    date_fix = fix(store, "event", "date", [event_id], {"date": "2025-10-20"})
    fix(store, "event", "location", [event_id], {"location": "Đà Nẵng"})
    fix(store, "event", "actors", [event_id], {"source": ["Ghada Waly"], "target": ["Bùi Thanh Sơn"]})
    remerge_everything(store)
    run_later_report(store)
    with store.connect() as conn:
        row = next(r for r in top_events(conn).values() if r.location == "Đà Nẵng")
        assert row.date == "2025-10-20" and row.date_source == "correction"
        assert row.title.startswith("Ghada Waly -> Bùi Thanh Sơn")
    with store.transaction() as conn:
        undo(conn, date_fix.correction.id, "test")
    with store.connect() as conn:
        row = next(r for r in top_events(conn).values() if r.location == "Đà Nẵng")
        assert row.date == before.date, "undoing the date brings back what the sources say"


def test_a_false_event_is_hidden_from_lists_and_exports_and_undo_shows_it(store: Any) -> None:
    from newsloom.exports import export_lines

    with store.connect() as conn:
        event_id = event_with(conn, GUTERRES)
        exported = sum(1 for _ in export_lines(conn, "events", "jsonl"))
    outcome = fix(store, "event", "false", [event_id])
    remerge_everything(store)
    with store.connect() as conn:
        assert GUTERRES not in set(event_paths(conn).values())
        assert sum(1 for _ in export_lines(conn, "events", "jsonl")) < exported
    with store.transaction() as conn:
        undo(conn, outcome.correction.id, "test")
    with store.connect() as conn:
        assert GUTERRES in set(event_paths(conn).values())


def test_the_same_input_again_changes_nothing(store: Any) -> None:
    from newsloom.runner import process_paths
    from tests.conftest import EXAMPLES
    from tests.corrections.conftest import CORRECTED_EXAMPLES

    with store.connect() as conn:
        first, second = forum_meetings(conn)
    fix(store, "event", "merge", [first, second])
    with store.connect() as conn:
        before = event_paths(conn)
    process_paths([str(EXAMPLES / n) for n in CORRECTED_EXAMPLES], store, stages=None, corpus=True)
    with store.connect() as conn:
        assert event_paths(conn) == before


@pytest.mark.parametrize(
    ("kind", "ids", "values", "status", "words"),
    [
        ("merge", [1], {}, 422, "two or more"),
        ("merge", [1, 999999], {}, 404, "No event 999999"),
        ("retype", [1], {"type": "PARTY"}, 422, "not a PLOVER type"),
        ("date", [1], {"date": "21/10/2025"}, 422, "YYYY-MM-DD"),
        ("date", [1], {"date": "2025-10-21", "date_end": "2025-10-01"}, 422, "before the start"),
        ("split", [1], {"articles": ["nowhere.txt"]}, 422, "some but not all"),
        ("teleport", [1], {}, 422, "takes: merge, split"),
    ],
)
def test_bad_corrections_are_refused_saying_why_and_store_nothing(
    store: Any, kind: str, ids: list[int], values: dict[str, Any], status: int, words: str
) -> None:
    from newsloom.store.corrections import list_corrections

    with store.connect() as conn:
        real = min(top_events(conn))
    ids = [real if i == 1 else i for i in ids]
    with pytest.raises(CorrectionError) as refused, store.transaction() as conn:
        correct(conn, Fix("event", kind, tuple(ids), values, ""), "test")
    assert refused.value.status == status
    assert words in str(refused.value)
    with store.connect() as conn:
        assert list_corrections(conn) == []


def test_an_undo_is_recorded_and_cannot_be_repeated(store: Any) -> None:
    from newsloom.store.corrections import get_correction

    with store.connect() as conn:
        event_id = event_with(conn, GUTERRES)
    outcome = fix(store, "event", "false", [event_id])
    with store.transaction() as conn:
        undone = undo(conn, outcome.correction.id, "someone", "was right after all")
    with store.connect() as conn:
        original = get_correction(conn, outcome.correction.id)
        assert original is not None and original.undone_by == undone.correction.id
        assert undone.correction.kind == "undo" and undone.correction.token_name == "someone"
    with pytest.raises(CorrectionError, match="already undone"), store.transaction() as conn:
        undo(conn, outcome.correction.id, "someone")
