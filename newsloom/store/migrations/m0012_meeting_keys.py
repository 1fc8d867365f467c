"""Meetings' blocking keys by their participants' states and their gathering (``state:ZAF``,
``gathering:meeting``, ``gathering:told``), added to stores written before those keys existed.

Session 9 began keying meetings by these; a store merged before then finds its meetings only by the
older keys (actors, venue), so a visit read between countries alone or a gathering told by its name
never joined them. The keys are computed here from each stored meeting's own row, as the merge step
wrote them at this schema version (``events.stored.refresh_event``, ``state_keys_of`` and
``gatherings.gathering_keys``; a test checks the two agree); keys already there are left alone, so
the step is safe on any store. The store imports no domain code, so the rule is restated here.
"""

from __future__ import annotations

import json

import sqlalchemy as sa

from newsloom.store import schema
from newsloom.store.events import add_event_keys, day_keys

VERSION = 12

#: This step creates no table; it adds rows to ``event_keys``.
TABLES: tuple[sa.Table, ...] = ()

#: Meetings read per batch.
BATCH = 500


def meeting_keys(mode: str | None, actors: str, src_keys: str, tgt_keys: str) -> set[str]:
    """The state and gathering keys of a stored CONSULT row."""
    sides = json.loads(actors or "{}")
    people = [*sides.get("source", []), *sides.get("target", [])]
    keys = {f"state:{a['country']}" for a in people if a.get("country")}
    if mode == "multilateral":
        named = bool(json.loads(src_keys or "[]") or json.loads(tgt_keys or "[]"))
        keys.add("gathering:meeting" if named else "gathering:told")
    return keys


def upgrade(conn: sa.Connection) -> None:
    if not sa.inspect(conn).has_table("event_keys"):
        return
    events = schema.events
    last = 0
    while True:
        rows = conn.execute(
            sa.select(
                events.c.id, events.c.mode, events.c.date, events.c.date_end, events.c.actors,
                events.c.src_keys, events.c.tgt_keys,
            )
            .where(events.c.id > last, events.c.type == "CONSULT")
            .order_by(events.c.id)
            .limit(BATCH)
        ).all()  # fmt: skip
        if not rows:
            return
        add_event_keys(
            conn,
            [
                (key, day, md, row.id)
                for row in rows
                for key in sorted(meeting_keys(row.mode, row.actors, row.src_keys, row.tgt_keys))
                for day, md in day_keys(row.date, row.date_end)
            ],
        )
        last = rows[-1].id
