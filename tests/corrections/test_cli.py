"""`newsloom fix ...`: correct, list, undo and export from the command line."""

from __future__ import annotations

import json
from typing import Any

from typer.testing import CliRunner

from newsloom.cli import app
from tests.corrections.test_events import GUTERRES, event_paths, event_with, forum_meetings

runner = CliRunner()


def test_fix_merge_list_false_undo_and_export(store: Any) -> None:
    db = store.engine.url.render_as_string(hide_password=False)  # a file or a PostgreSQL database
    with store.connect() as conn:
        first, second = forum_meetings(conn)
        talks = event_with(conn, GUTERRES)
    merged = runner.invoke(
        app, ["fix", "merge", "event", str(first), str(second), "-r", "one meeting", "--db", db]
    )
    assert merged.exit_code == 0, merged.output
    assert f"-> event {first}" in merged.output
    false = runner.invoke(app, ["fix", "false", str(talks), "--by", "desk-editor", "--db", db])
    assert false.exit_code == 0, false.output
    with store.connect() as conn:
        assert len(forum_meetings(conn)) == 1
        assert GUTERRES not in set(event_paths(conn).values())
    listed = runner.invoke(app, ["fix", "list", "--db", db], env={"COLUMNS": "200"})
    assert listed.exit_code == 0 and "desk-editor" in listed.output and "one meeting" in listed.output
    undone = runner.invoke(app, ["fix", "undo", "2", "--db", db])
    assert undone.exit_code == 0 and "recorded as correction 3" in undone.output
    with store.connect() as conn:
        assert GUTERRES in set(event_paths(conn).values())
    exported = runner.invoke(app, ["export", "--what", "corrections", "--db", db])
    assert exported.exit_code == 0
    assert [json.loads(line)["correction"] for line in exported.output.splitlines()] == [1]


def test_fix_errors_name_what_to_do_and_exit_2(store: Any) -> None:
    db = store.engine.url.render_as_string(hide_password=False)  # a file or a PostgreSQL database
    missing = runner.invoke(app, ["fix", "type", "999999", "AGREE", "--db", db])
    assert missing.exit_code == 2 and "No event 999999" in missing.output
    bad = runner.invoke(app, ["fix", "merge", "planet", "1", "2", "--db", db])
    assert bad.exit_code == 2 and "event" in bad.output and "story" in bad.output


def test_fix_list_piped_prints_each_reason_whole(store: Any) -> None:
    db = store.engine.url.render_as_string(hide_password=False)
    with store.connect() as conn:
        talks = event_with(conn, GUTERRES)
    reason = "the talks were a courtesy call reported twice by the same wire, not a second meeting at all"
    assert runner.invoke(app, ["fix", "false", str(talks), "-r", reason, "--db", db]).exit_code == 0
    listed = runner.invoke(app, ["fix", "list", "--db", db])  # no COLUMNS: output to a pipe
    assert listed.exit_code == 0, listed.output
    assert reason in listed.output  # on one line, not folded at 80 columns
