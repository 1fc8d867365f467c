"""An index on who holds a role of a body (``entity_roles.role_of_entity_id``), for event merging."""

from __future__ import annotations

import sqlalchemy as sa

from newsloom.store import schema

VERSION = 9

#: This step creates no table; it adds one index to ``entity_roles``.
TABLES: tuple[sa.Table, ...] = ()


def upgrade(conn: sa.Connection) -> None:
    schema.ROLE_HOLDERS.create(conn, checkfirst=True)
