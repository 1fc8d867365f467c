"""Articles, the raw inputs they came from, and near-duplicate keys."""

from __future__ import annotations

import sqlalchemy as sa

from newsloom.store import schema

VERSION = 1

#: The tables this step creates (defined in newsloom.store.schema).
TABLES = (
    schema.articles,
    schema.article_paths,
    schema.simhash_bands,
)


def upgrade(conn: sa.Connection) -> None:
    schema.metadata.create_all(conn, tables=list(TABLES))
