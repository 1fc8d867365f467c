"""Stores written before meetings were keyed by their participants' states and gatherings (#13,
session 12): the store's migration 12 gives their meetings those keys, so a visit read between
countries alone still finds the meeting of its people on an old store. The old store is made here
by merging the talks and removing the keys session 9 added, as the merge wrote events before then."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from newsloom.events.merge import merge_article_events
from newsloom.events.queries import list_events
from newsloom.store import Store, schema

from .test_country_visits import TALKS, VISIT

NEW_KEYS = ("state:%", "gathering:%")


def _old_store(path: Path) -> None:
    """A store holding the talks as a merge before session 9 left them: no state or gathering keys,
    schema version 11."""
    store = Store.open(str(path))
    try:
        with store.transaction() as conn:
            merge_article_events(conn, TALKS)
            for pattern in NEW_KEYS:
                conn.execute(sa.delete(schema.event_keys).where(schema.event_keys.c.key.like(pattern)))
            conn.execute(sa.delete(schema.schema_version).where(schema.schema_version.c.version >= 12))
    finally:
        store.close()


def _state_keys(store: Store) -> list[str]:
    with store.connect() as conn:
        keys = conn.execute(
            sa.select(schema.event_keys.c.key).where(schema.event_keys.c.key.like("state:%"))
        ).scalars()
        return sorted(set(keys))


@pytest.mark.sqlite_only("builds an older SQLite file by removing rows")
def test_an_old_store_gets_its_meetings_state_keys_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _old_store(path)
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:  # the old store as it was: no state keys
        assert not conn.execute(sa.text("SELECT 1 FROM event_keys WHERE key LIKE 'state:%'")).first()
    engine.dispose()
    store = Store.open(str(path))
    try:
        assert _state_keys(store) == ["state:VNM", "state:ZAF"]
        with store.transaction() as conn:  # and the visit read between countries finds the talks
            (talks,) = [e["id"] for e in list_events(conn, limit=10)]
            (visit,) = merge_article_events(conn, VISIT)
        assert visit == talks
    finally:
        store.close()


@pytest.mark.sqlite_only("builds an older SQLite file by removing rows")
def test_the_backfill_adds_nothing_to_a_store_that_has_the_keys(tmp_path: Path) -> None:
    """The migration's keys are the ones the merge step writes today (it restates that rule)."""
    from newsloom.store.migrations import m0012_meeting_keys

    store = Store.open(str(tmp_path / "new.db"))
    try:
        with store.transaction() as conn:
            merge_article_events(conn, TALKS)
            before = conn.execute(sa.select(sa.func.count()).select_from(schema.event_keys)).scalar()
            m0012_meeting_keys.upgrade(conn)
            after = conn.execute(sa.select(sa.func.count()).select_from(schema.event_keys)).scalar()
        assert before == after
    finally:
        store.close()
