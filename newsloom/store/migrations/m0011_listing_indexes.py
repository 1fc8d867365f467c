"""Indexes for the event list, found slow with ``EXPLAIN QUERY PLAN`` under bench/serve.py's mixed load.

``/api/events`` lists events newest first with undated-year dates ("XXXX-10-24") after the dated ones:
``ORDER BY CASE WHEN date LIKE 'XXXX%' THEN 1 ELSE 0 END, date DESC, id``. Without an index on that
very expression every page sorted the whole table in a temporary B-tree (SQLite: ~45 ms at 26k
events, whatever the page); with it a page reads its rows in order and stops. The list query
(``store.events.LISTED_ORDER``) writes the expression with the same literals, or the planner would
not match it. ``?type=`` gets the same order after the type, and ``?language=`` an index that finds
the events reported in a language without reading every source row.
"""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 11

#: This step creates no table.
TABLES: tuple[sa.Table, ...] = ()

#: The list order of ``store.events.list_event_rows`` (the same text: SQLite matches expressions).
LISTED = "(CASE WHEN date LIKE 'XXXX%' THEN 1 ELSE 0 END), date DESC, id"

#: name -> DDL, the same on SQLite and PostgreSQL (bench/serve.py drops them to serve a store as before).
DDL = {
    "ix_events_listed": f"CREATE INDEX IF NOT EXISTS ix_events_listed ON events ({LISTED})",
    "ix_events_type_listed": f"CREATE INDEX IF NOT EXISTS ix_events_type_listed ON events (type, {LISTED})",
    "ix_event_sources_language": (
        "CREATE INDEX IF NOT EXISTS ix_event_sources_language ON event_sources (language, event_id)"
    ),
}
INDEXES = tuple(DDL)


def upgrade(conn: sa.Connection) -> None:
    if conn.dialect.name not in ("sqlite", "postgresql"):
        return  # another database: the lists still work, without these indexes
    for ddl in DDL.values():
        conn.execute(sa.text(ddl))
