"""`newsloom export --what corrections`: the corrections as gold items (JSON Lines, or one document in
the shape of tests/gold/stories.json)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from newsloom.corrections import Fix, correct, undo
from tests.corrections.test_events import SON_WALY, event_with, forum_meetings


def test_corrections_export_as_gold_events_stories_and_false_events(store: Any) -> None:
    from newsloom.exports import export_lines

    with store.transaction() as conn:
        first, second = forum_meetings(conn)
        merged = correct(conn, Fix("event", "merge", (first, second), {}, "one meeting"), "test")
        son = event_with(conn, SON_WALY)
        false = correct(conn, Fix("event", "false", (son,), {}, "never happened"), "test")
        undone = correct(conn, Fix("event", "location", (son,), {"location": "Huế"}, ""), "test")
        undo(conn, undone.correction.id, "test")
    with store.connect() as conn:
        records = [json.loads(line) for line in export_lines(conn, "corrections", "jsonl")]
        document = json.loads("\n".join(export_lines(conn, "corrections", "gold")))
    assert {r["correction"] for r in records} == {
        merged.correction.id,
        false.correction.id,
    }  # not the undone one
    event = next(r for r in records if r["section"] == "events")
    assert event["summary"] == "one meeting" and event["type"] == "CONSULT"
    assert [p.rsplit("/", 1)[-1] for p in event["articles"]] == ["en_02_ramaphosa_man_business_forum.txt"]
    assert {"events", "stories", "storylines", "aliases", "false_events"} <= set(document)
    gold_event = document["events"][0]
    # the keys of an event in tests/gold/stories.json
    assert set(gold_event) == {
        "id",
        "date",
        "date_end",
        "type",
        "mode",
        "actors",
        "location",
        "summary",
        "articles",
    }
    assert {p.rsplit("/", 1)[-1] for e in document["false_events"] for p in e["articles"]} == set(SON_WALY)


def test_the_gold_format_is_for_corrections_only(store: Any) -> None:
    from newsloom.errors import NewsloomError
    from newsloom.exports import export_lines

    with pytest.raises(NewsloomError, match="not gold"), store.connect() as conn:
        export_lines(conn, "events", "gold")
    with pytest.raises(NewsloomError, match="events only"), store.connect() as conn:
        export_lines(conn, "corrections", "plover")
