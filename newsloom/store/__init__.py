"""The store: SQLite by default (one file, WAL), any SQLAlchemy URL (PostgreSQL) by configuration.

The only package that knows SQL: tables in ``schema``, one repository module per domain
(``articles``, ``entities``, ``events``, ``stories``, ``search``), database differences in ``dialect``.
Other code passes a :data:`Connection` it got from :meth:`Store.connect` or :meth:`Store.transaction`.
"""

import sqlalchemy as sa

from newsloom.store.db import Store

#: A connection to the store, as repository functions take it (opaque outside ``newsloom/store/``).
Connection = sa.Connection

__all__ = ["Connection", "Store"]
