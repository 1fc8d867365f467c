"""Corrections people made: the audit records, the articles each covers, the events marked false."""

from __future__ import annotations

import sqlalchemy as sa

from newsloom.store import schema
from newsloom.store.corrections import correction_refs, corrections, hidden_events

VERSION = 7

#: The tables this step creates (defined in newsloom.store.corrections, on the schema's metadata).
TABLES = (corrections, correction_refs, hidden_events)


def upgrade(conn: sa.Connection) -> None:
    schema.metadata.create_all(conn, tables=list(TABLES), checkfirst=True)
