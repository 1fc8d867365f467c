"""Indexes for the event list, found slow with ``EXPLAIN QUERY PLAN`` under bench/serve.py's mixed load.

``/api/events`` lists events newest first with undated-year dates ("XXXX-10-24") after the dated ones:
``ORDER BY CASE WHEN date LIKE 'XXXX%' THEN 1 ELSE 0 END, date DESC NULLS LAST, id``. Without an index on that
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

#: The list order of ``store.events.list_event_rows`` (the same text: SQLite matches expressions);
#: undated events last, which PostgreSQL's DESC must be told (SQLite's index takes no NULLS clause).
LISTED = {
    "sqlite": "(CASE WHEN date LIKE 'XXXX%' THEN 1 ELSE 0 END), date DESC, id",
    "postgresql": "(CASE WHEN date LIKE 'XXXX%' THEN 1 ELSE 0 END), date DESC NULLS LAST, id",
}

#: name -> DDL per database (bench/serve.py drops them to serve a store as it was before this step).
DDL = {
    "ix_events_listed": "CREATE INDEX IF NOT EXISTS ix_events_listed ON events ({listed})",
    "ix_events_type_listed": "CREATE INDEX IF NOT EXISTS ix_events_type_listed ON events (type, {listed})",
    "ix_event_sources_language": (
        "CREATE INDEX IF NOT EXISTS ix_event_sources_language ON event_sources (language, event_id)"
    ),
}
INDEXES = tuple(DDL)


def upgrade(conn: sa.Connection) -> None:
    listed = LISTED.get(conn.dialect.name)
    if listed is None:
        return  # another database: the lists still work, without these indexes
    for ddl in DDL.values():
        conn.execute(sa.text(ddl.format(listed=listed)))
