"""The stories' blocking reads and storyline key counts (store/stories.py), on statements built
once at import: what they find, and that a call builds no statement of its own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
import sqlalchemy as sa

from newsloom.store import Store
from newsloom.store import stories as sql


@pytest.fixture
def store(tmp_path: Path) -> Any:
    opened = Store.open(str(tmp_path / "s.db"))
    yield opened
    opened.close()


def _story(conn: sa.Connection, date: str | None, keys: list[str]) -> int:
    story_id = sql.insert_story(conn, "test", date, np.ones(4))
    sql.add_story_keys(conn, story_id, date, keys)
    return story_id


def test_a_dated_lookup_finds_its_days_their_unknown_year_and_undated_stories(store: Any) -> None:
    with store.transaction() as conn:
        on_day = _story(conn, "2025-10-21", ["person:a", "place:hanoi"])
        next_day = _story(conn, "2025-10-22", ["person:a"])
        no_year = _story(conn, "XXXX-10-21", ["person:a"])
        undated = _story(conn, None, ["person:a"])
        other_key = _story(conn, "2025-10-21", ["person:b"])
        found = sql.candidates_by_keys(conn, ["person:a", "place:hanoi"], ["2025-10-21"])
        assert found == {on_day: {"person:a", "place:hanoi"}, no_year: {"person:a"}, undated: {"person:a"}}
        assert next_day not in found and other_key not in found
        # undated query: any row of the latest stories, the newest first within the limit
        assert set(sql.candidates_by_keys(conn, ["person:a"], None)) == {on_day, next_day, no_year, undated}
        assert set(sql.candidates_by_keys(conn, ["person:a"], None, limit=1)) == {undated}


def test_storyline_keys_count_up_keep_their_latest_date_and_go_at_zero(store: Any) -> None:
    with store.transaction() as conn:
        line = sql.insert_storyline(conn, "2025-10-21", np.ones(4))
        sql.add_storyline_keys(conn, line, "2025-10-21", ["a", "b"])
        sql.add_storyline_keys(conn, line, "2025-10-20", ["a"])
        assert sql.storyline_key_counts(conn, [line], ["a", "b"]) == {line: {"a": 2, "b": 1}}
        dates = dict(conn.execute(sa.text("SELECT key, date FROM storyline_keys")).all())
        assert dates == {"a": "2025-10-21", "b": "2025-10-21"}
        sql.add_storyline_keys(conn, line, None, ["a", "b"], step=-1)
        assert sql.storyline_key_counts(conn, [line], ["a", "b"]) == {line: {"a": 1}}
        assert sql.storyline_candidates(conn, ["a"], ["2025-10-21"]) == {line: {"a"}}


def test_the_clustering_reads_build_no_statement_per_call(
    store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    with store.transaction() as conn:
        story = _story(conn, "2025-10-21", ["person:a"])
        sql.add_member(conn, story_id=story, article_id="a1", segment=-1, language="vi", score=1.0, via="new")

    class NoBuilding:
        """``sqlalchemy`` as the module sees it, but building a statement fails."""

        def __getattr__(self, name: str) -> Any:
            if name in ("select", "update", "delete", "insert", "text"):
                raise AssertionError(f"sa.{name} called: a statement built per call")
            return getattr(sa, name)

    reads = _reads(story)
    with store.connect() as conn:
        first = [read(conn) for read in reads]  # a lookup's statements are built on its first call
    monkeypatch.setattr(sql, "sa", NoBuilding())
    with store.connect() as conn:
        assert [read(conn) for read in reads] == first
    assert first[0] == {story: {"person:a"}}
    assert first[-1] == story


def _reads(story: int) -> list[Any]:
    return [
        lambda conn: sql.candidates_by_keys(conn, ["person:a"], ["2025-10-21"]),
        lambda conn: sql.candidates_by_keys(conn, ["person:a"], None),
        lambda conn: sql.candidates_by_lsh(conn, [1, 2], ["2025-10-21"]),
        lambda conn: sorted(sql.load_stories(conn, [story])),
        lambda conn: sql.key_counts(conn, [story], ["person:a"]),
        lambda conn: sql.story_key_profile(conn, [story], [], 0.5),
        lambda conn: sql.key_document_counts(conn, ["person:a"]),
        lambda conn: [r.key for r in sql.story_key_rows(conn, story)],
        lambda conn: sql.stories_of_article(conn, "a1"),
        lambda conn: sql.story_languages(conn, [story]),
        lambda conn: sql.load_means(conn, "test", ["vi"]),
        lambda conn: sql.storyline_candidates(conn, ["person:a"], ["2025-10-21"]),
        lambda conn: sql.story_count_estimate(conn),
    ]
