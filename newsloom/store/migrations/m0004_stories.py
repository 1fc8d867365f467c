"""Embeddings by content hash, stories, their members, blocking keys, LSH buckets, and storylines.

Every lookup the clustering makes goes through an index: ``story_keys (key, date, story_id)``,
``story_lsh (bucket, date, story_id)``, ``story_members.article_id``, ``storyline_keys (key, date,
storyline_id)``: equality on the key and on each day of a date window, or a recent-id range for
undated stories, so a lookup reads the rows of its window, never the whole history of a key.
"""

from __future__ import annotations

import sqlalchemy as sa

from newsloom.store import schema

VERSION = 4

#: The tables this step creates (defined in newsloom.store.schema).
TABLES = (
    schema.embeddings,
    schema.embedding_means,
    schema.stories,
    schema.story_members,
    schema.story_keys,
    schema.story_key_counts,
    schema.story_lsh,
    schema.story_dates,
    schema.story_titles,
    schema.storylines,
    schema.storyline_keys,
)


def upgrade(conn: sa.Connection) -> None:
    schema.metadata.create_all(conn, tables=list(TABLES))
