"""The search index: documents (``serve_search_docs``) and, where the database has one, their
full-text table ``serve_search_fts`` (SQLite FTS5; PostgreSQL tsvector with a GIN index). Both
existed before as tables the server made on first use; this step creates them if they are missing
and leaves existing ones as they are. It also indexes ``articles.ingested_at`` (what tells a reader
that articles were added, portably: no ``rowid``)."""

from __future__ import annotations

import sqlalchemy as sa

from newsloom.store import dialect, schema

VERSION = 5

TABLES = (schema.search_docs,)


def upgrade(conn: sa.Connection) -> None:
    schema.metadata.create_all(conn, tables=list(TABLES), checkfirst=True)
    dialect.create_full_text(conn)
    schema.ix_articles_ingested_at.create(conn, checkfirst=True)
