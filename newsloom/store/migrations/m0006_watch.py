"""`newsloom watch`: sources, items seen, alerts and their hits (tables in newsloom.store.watch)."""

from __future__ import annotations

import sqlalchemy as sa

from newsloom.store import schema
from newsloom.store.watch import watch_alerts, watch_hits, watch_items, watch_sources

VERSION = 6

#: The tables this step creates (defined in newsloom.store.watch, on the schema's metadata).
TABLES = (watch_sources, watch_items, watch_alerts, watch_hits)


def upgrade(conn: sa.Connection) -> None:
    schema.metadata.create_all(conn, tables=list(TABLES), checkfirst=True)
