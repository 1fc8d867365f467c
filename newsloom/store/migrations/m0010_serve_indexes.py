"""Indexes for the served reads found slow with ``EXPLAIN QUERY PLAN`` under bench/serve.py's mixed load.

``/api/events?entity=NAME`` filters ``event_actors`` by ``key = ? OR folded = ? OR folded LIKE 'name%'``:
one term without an index turns the whole OR into a scan of every actor row. SQLite uses an index
for a prefix LIKE only when the index folds case as LIKE does (``COLLATE NOCASE``); PostgreSQL's
LIKE is case-sensitive and needs ``text_pattern_ops`` (the ``folded`` column is lower case already).
"""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 10

#: This step creates no table.
TABLES: tuple[sa.Table, ...] = ()
#: The indexes it creates (bench/serve.py drops them to serve a store as it was before this step).
INDEXES = ("ix_event_actors_folded_prefix",)


#: The index per database, as DDL: an ``sa.Index`` on an expression would attach itself to the shared
#: ``event_actors`` table and be created again by the next ``create_all`` in the same process.
DDL = {
    "sqlite": f"CREATE INDEX IF NOT EXISTS {INDEXES[0]} ON event_actors (folded COLLATE NOCASE)",
    "postgresql": f"CREATE INDEX IF NOT EXISTS {INDEXES[0]} ON event_actors (folded text_pattern_ops)",
}


def upgrade(conn: sa.Connection) -> None:
    ddl = DDL.get(conn.dialect.name)
    if ddl is not None:  # another database: the filter still works, without this index
        conn.execute(sa.text(ddl))
