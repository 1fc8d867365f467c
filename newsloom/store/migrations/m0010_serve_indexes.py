"""Indexes for the served reads found slow with ``EXPLAIN QUERY PLAN`` under bench/serve.py's mixed load.

``/api/events?entity=NAME`` filters ``event_actors`` by ``key = ? OR folded = ? OR folded LIKE 'name%'``:
one term without an index turns the whole OR into a scan of every actor row. SQLite uses an index
for a prefix LIKE only when the index folds case as LIKE does (``COLLATE NOCASE``); PostgreSQL's
LIKE is case-sensitive and needs ``text_pattern_ops`` (the ``folded`` column is lower case already).
"""

from __future__ import annotations

import sqlalchemy as sa

from newsloom.store.schema import event_actors

VERSION = 10

#: This step creates no table.
TABLES: tuple[sa.Table, ...] = ()
#: The indexes it creates (bench/serve.py drops them to serve a store as it was before this step).
INDEXES = ("ix_event_actors_folded_prefix",)


def upgrade(conn: sa.Connection) -> None:
    if conn.dialect.name == "sqlite":
        index = sa.Index(INDEXES[0], event_actors.c.folded.collate("NOCASE"))
    else:
        index = sa.Index(INDEXES[0], event_actors.c.folded, postgresql_ops={"folded": "text_pattern_ops"})
    index.create(conn, checkfirst=True)
