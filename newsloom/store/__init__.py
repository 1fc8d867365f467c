"""The store: SQLite by default (one file, WAL), any SQLAlchemy URL (PostgreSQL) by configuration."""

from newsloom.store.db import Store

__all__ = ["Store"]
