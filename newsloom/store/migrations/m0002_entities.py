"""Canonical entities, their aliases, blocking keys, links to article mentions, and roles over time."""

from __future__ import annotations

import sqlalchemy as sa

from newsloom.store import schema

VERSION = 2

#: The tables this step creates (defined in newsloom.store.schema).
TABLES = (
    schema.entities,
    schema.entity_aliases,
    schema.entity_keys,
    schema.entity_links,
    schema.entity_roles,
)


def upgrade(conn: sa.Connection) -> None:
    schema.metadata.create_all(conn, tables=list(TABLES))
