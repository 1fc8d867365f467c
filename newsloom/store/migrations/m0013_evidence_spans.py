"""Where the words an event was read from are in each source sentence: ``event_sources.spans``.

A JSON list ``[{"kind": "trigger"|"mode"|"source"|"target", "start", "end"}]`` of offsets within
the row's ``sentence``, written by the events merge from what the events stage recorded
(``newsloom/events/spans.py``), so the views highlight the words the rule read rather than the
first occurrence of the trigger's word. A store created at this version has the column already
(migration 3 creates ``event_sources`` from the current schema); an older one gets it empty (NULL):
its rows are shown as before (the trigger's first occurrence) until their articles are merged
again (``newsloom run`` on them, or ``newsloom recluster``).
"""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 13

#: This step creates no table; it adds a column to ``event_sources``.
TABLES: tuple[sa.Table, ...] = ()

COLUMN = "spans"


def upgrade(conn: sa.Connection) -> None:
    inspector = sa.inspect(conn)
    if not inspector.has_table("event_sources"):
        return
    if any(column["name"] == COLUMN for column in inspector.get_columns("event_sources")):
        return
    conn.execute(sa.text(f"ALTER TABLE event_sources ADD COLUMN {COLUMN} TEXT"))
