"""Whether an event was checked by the events classifier: ``events.rules_only``.

An event whose every report (source row) was read by the trigger rules alone (``event_sources.classifier``
is "rules": its sentence was not sent to the encoder, because the sentence gate, the sparing or the
prefilter kept it from it, or the classifier was off) carries its rule's prior confidence, a number
per PLOVER type, not one the model checked; the trust marks show such an event as "not checked by
the model" (``views/trust.py``). A store created at this version has the column already (migration 3
creates ``events`` from the current schema); an older store gets it, filled from its own source
rows by the rule the events merge writes it with (``events.stored``): true when no source row of the
event was read by the classifier.
"""

from __future__ import annotations

import sqlalchemy as sa

from newsloom.store import schema

VERSION = 14

#: This step creates no table; it adds a column to ``events`` and fills it.
TABLES: tuple[sa.Table, ...] = ()

COLUMN = "rules_only"


def upgrade(conn: sa.Connection) -> None:
    inspector = sa.inspect(conn)
    if not inspector.has_table("events"):
        return
    if not any(column["name"] == COLUMN for column in inspector.get_columns("events")):
        conn.execute(sa.text(f"ALTER TABLE events ADD COLUMN {COLUMN} BOOLEAN NOT NULL DEFAULT FALSE"))
    if inspector.has_table("event_sources"):
        fill_rules_only(conn)


def fill_rules_only(conn: sa.Connection) -> None:
    """Each event with source rows, none of them read by the classifier, marked ``rules_only``."""
    events, sources = schema.events, schema.event_sources
    read = sa.select(sources.c.id).where(sources.c.event_id == events.c.id, sources.c.classifier != "rules")
    reported = sa.select(sources.c.id).where(sources.c.event_id == events.c.id)
    conn.execute(sa.update(events).values(rules_only=sa.and_(reported.exists(), ~read.exists())))
