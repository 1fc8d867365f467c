"""Corrections on PostgreSQL: the same merge, split, type change and false mark hold through a re-run
as on SQLite (the throwaway server of tests/store/conftest.py; skipped, saying why, without it)."""

from __future__ import annotations

from typing import Any

import pytest

from newsloom.corrections import Fix, correct, undo
from newsloom.store import Store
from tests.conftest import fill_with_examples
from tests.corrections.conftest import CORRECTED_EXAMPLES, remerge_everything
from tests.corrections.test_events import (
    GUTERRES,
    SON_WALY,
    event_paths,
    event_with,
    forum_meetings,
    top_events,
)
from tests.store.conftest import postgres_url  # noqa: F401  (the fixture)


@pytest.mark.slow
def test_corrections_hold_on_postgresql(postgres_url: str) -> None:  # noqa: F811
    store = Store.open(postgres_url)
    try:
        fill_with_examples(store, CORRECTED_EXAMPLES)
        with store.transaction() as conn:
            first, second = forum_meetings(conn)
            correct(conn, Fix("event", "merge", (first, second)), "test")
            son = event_with(conn, SON_WALY)
            split = correct(
                conn, Fix("event", "split", (son,), {"articles": _articles(conn, son)[1:]}), "test"
            )
            talks = event_with(conn, GUTERRES)
            correct(conn, Fix("event", "retype", (talks,), {"type": "ACCUSE"}), "test")
        remerge_everything(store)
        with store.connect() as conn:
            assert forum_meetings(conn) == [first]
            assert SON_WALY not in set(event_paths(conn).values())
            assert event_paths(conn)[talks] == GUTERRES and top_events(conn)[talks].type == "ACCUSE"
        with store.transaction() as conn:
            undo(conn, split.correction.id, "test")
        with store.connect() as conn:
            assert SON_WALY in set(event_paths(conn).values())
    finally:
        store.close()


def _articles(conn: Any, event_id: int) -> list[str]:
    from newsloom.store.corrections import articles_of_events

    return sorted(articles_of_events(conn, [event_id]))
