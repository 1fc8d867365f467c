"""Corpus-level events, the sentences (sources) that report them, and the keys that find them.

An event row holds the consolidated view (type, date, place, actors) recomputed from its sources;
each source row is one sentence of one article, in its own language, with what that sentence
says (date, place, actors), so disagreements between sources stay visible. ``event_keys`` is the
blocking index merging uses: (actor key, month-day) -> event, never a scan of all events.
"""

from __future__ import annotations

import sqlalchemy as sa

from newsloom.store import schema

VERSION = 3

#: The tables this step creates (defined in newsloom.store.schema).
TABLES = (
    schema.events,
    schema.event_sources,
    schema.event_keys,
    schema.event_actors,
    schema.event_articles,
)


def upgrade(conn: sa.Connection) -> None:
    schema.metadata.create_all(conn, tables=list(TABLES))
