"""`newsloom watch`: sources, items seen, alerts and their hits (tables defined in newsloom.store.watch).

Numbered 6: version 5 is the search index step on the store restructuring branch.
"""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 6


def upgrade(conn: sa.Connection) -> None:
    from newsloom.store.watch import metadata

    metadata.create_all(conn, checkfirst=True)
