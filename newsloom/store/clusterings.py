"""The three clusterings the corpus steps build, as plain mappings from a unit to its cluster id:
entity mentions to entities, event mentions to events, story units to stories. Units are named by
what is the same in any store of the same articles (article id and offsets), never by row ids, so
two stores (a local run and a Spark run, SQLite and PostgreSQL) can be compared unit by unit."""

from __future__ import annotations

import sqlalchemy as sa

from newsloom.store.schema import entity_links, event_sources, story_members

#: A unit of a clustering: (article id, start offset, end offset); a whole story unit is (id, -1, -1).
Unit = tuple[str, int, int]


def stored_clusterings(conn: sa.Connection) -> dict[str, dict[Unit, int]]:
    """``{"entities": {mention: entity id}, "events": {mention: event id}, "stories": {unit: story id}}``."""
    mentions = sa.select(
        entity_links.c.article_id,
        entity_links.c.start_offset,
        entity_links.c.end_offset,
        entity_links.c.entity_id,
    )
    events = sa.select(
        event_sources.c.article_id,
        event_sources.c.start_offset,
        event_sources.c.end_offset,
        event_sources.c.event_id,
    )
    stories = sa.select(
        story_members.c.article_id, story_members.c.segment, story_members.c.segment, story_members.c.story_id
    )
    return {
        name: {(str(r[0]), int(r[1]), int(r[2])): int(r[3]) for r in conn.execute(query)}
        for name, query in (("entities", mentions), ("events", events), ("stories", stories))
    }
