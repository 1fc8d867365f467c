"""Story redirects: where the reports of a story removed by re-clustering went (newsloom.stories.recluster)."""

from __future__ import annotations

import sqlalchemy as sa

from newsloom.store import schema

VERSION = 8

#: The tables this step creates.
TABLES = (schema.story_redirects,)


def upgrade(conn: sa.Connection) -> None:
    schema.metadata.create_all(conn, tables=list(TABLES), checkfirst=True)
