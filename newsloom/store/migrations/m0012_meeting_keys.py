"""Meetings' blocking keys by their participants' states and their gathering (``state:ZAF``,
``gathering:meeting``, ``gathering:told``), added to stores written before those keys existed.

Session 9 began keying meetings by these; a store merged before then finds its meetings only by the
older keys (actors, venue), so a visit read between countries alone or a gathering told by its name
never joined them. The keys are computed from each stored meeting's own row by the events package
(``events.stored.backfill_meeting_keys``), the same function the merge step writes them with; keys
already there are left alone, so the step is safe on any store.
"""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 12

#: This step creates no table; it adds rows to ``event_keys``.
TABLES: tuple[sa.Table, ...] = ()


def upgrade(conn: sa.Connection) -> None:
    from newsloom.events.stored import backfill_meeting_keys  # the events package knows the keys

    if sa.inspect(conn).has_table("event_keys"):
        backfill_meeting_keys(conn)
