"""Whether a source row reports its event or mentions it in passing: ``event_sources.kind``.

"report" (the default) is an article telling the act; "mention" is an article about something else
that tells it in one clause ("The meeting came a day after police arrested two men ..."): the row
joins the event's record, is shown apart ("Also mentioned in"), and is not counted among its reports
(``events/passing.py``, ``events/stored.py``). A store created at this version has the column
already (migration 3 creates ``event_sources`` from the current schema); an older store gets it
with every row a report, as it was counted before (an article stored again is read again; a stored
article is not run again).
"""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 15

#: This step creates no table; it adds a column to ``event_sources``.
TABLES: tuple[sa.Table, ...] = ()

COLUMN = "kind"


def upgrade(conn: sa.Connection) -> None:
    inspector = sa.inspect(conn)
    if not inspector.has_table("event_sources"):
        return
    if not any(column["name"] == COLUMN for column in inspector.get_columns("event_sources")):
        conn.execute(
            sa.text(f"ALTER TABLE event_sources ADD COLUMN {COLUMN} VARCHAR(8) NOT NULL DEFAULT 'report'")
        )
