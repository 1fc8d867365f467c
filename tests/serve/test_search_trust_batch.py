"""Search hits' trust marks read for a whole page at once (issue #18) are the figures each event's
full record gives, as they were computed one record per hit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa

from newsloom.events.queries import event_detail
from newsloom.serve.search import event_trusts
from newsloom.store import Store
from newsloom.store.schema import events
from tests.serve.conftest import copy_db


def trust_from_record(conn: sa.Connection, ref: str) -> dict[str, Any] | None:
    """The former way: the event's whole record, per hit."""
    event = event_detail(conn, int(ref)) if ref.isdigit() else None
    if event is None:
        return None
    sources = [s for s in event.get("sources") or [] if isinstance(s, dict)]
    return {
        "sources": int(event.get("n_articles") or len({s.get("article_id") for s in sources})),
        "languages": len(event.get("languages") or {s.get("language") for s in sources}),
        "confidence": event.get("confidence"),
        "rules_only": bool(event.get("rules_only")),
    }


def test_page_trust_equals_each_record(served_db: Path, tmp_path: Path) -> None:
    store = Store.open(str(copy_db(served_db, tmp_path)))
    try:
        with store.transaction() as conn:
            ids = [str(row[0]) for row in conn.execute(sa.select(events.c.id).order_by(events.c.id))]
            assert len(ids) >= 3
            # one event whose counts were never stored: its figures come from its source rows
            conn.execute(
                sa.update(events).where(events.c.id == int(ids[0])).values(n_articles=0, languages="[]")
            )
        refs = [*ids, "999999", "not-a-number"]
        with store.connect() as conn:
            found = event_trusts(conn, refs)
            expected = {ref: trust_from_record(conn, ref) for ref in refs}
    finally:
        store.close()
    assert found == expected
    assert found[ids[0]] is not None and found[ids[0]]["sources"] >= 1
    assert found["999999"] is None and found["not-a-number"] is None
