"""Corpus-level events, the sentences (sources) that report them, and the keys that find them.

An event row holds the consolidated view (type, date, place, actors) recomputed from its sources;
each source row is one sentence of one article, in its own language, with what that sentence
says (date, place, actors), so disagreements between sources stay visible. ``event_keys`` is the
blocking index merging uses: (actor key, month-day) -> event, never a scan of all events.
"""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 3

metadata = sa.MetaData()

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("type", sa.String(16), nullable=False),  # PLOVER type
    sa.Column("mode", sa.String(32)),
    sa.Column("date", sa.String(10)),  # ISO start; "XXXX-MM-DD" when no source knows the year
    sa.Column("date_end", sa.String(10)),
    sa.Column("precision", sa.String(16)),
    sa.Column("date_source", sa.String(16)),  # time | previous | meeting | published | none
    sa.Column("location", sa.Text),
    sa.Column("location_key", sa.String(300)),
    sa.Column("parent_id", sa.Integer, sa.ForeignKey("events.id", ondelete="SET NULL")),  # the meeting
    sa.Column("joint", sa.Boolean, nullable=False, default=False),
    sa.Column("host", sa.String(8)),
    sa.Column("title", sa.Text, nullable=False, default=""),
    sa.Column("actors", sa.Text, nullable=False, default="{}"),  # JSON {"source": [...], "target": [...]}
    sa.Column("src_keys", sa.Text, nullable=False, default="[]"),  # JSON: identity keys of the source side
    sa.Column("tgt_keys", sa.Text, nullable=False, default="[]"),
    sa.Column("context", sa.Text, nullable=False, default="[]"),
    sa.Column("languages", sa.Text, nullable=False, default="[]"),
    sa.Column("confidence", sa.Float, nullable=False, default=0.0),
    sa.Column("n_sources", sa.Integer, nullable=False, default=0),
    sa.Column("n_articles", sa.Integer, nullable=False, default=0),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("updated_at", sa.String(32), nullable=False),
)
sa.Index("ix_events_date", events.c.date)
sa.Index("ix_events_type_date", events.c.type, events.c.date)
sa.Index("ix_events_parent", events.c.parent_id, events.c.type)

#: one row per sentence-level event mention: the evidence, in its own language
event_sources = sa.Table(
    "event_sources",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    sa.Column("article_id", sa.String(64), nullable=False),
    sa.Column("path", sa.Text, nullable=False),
    sa.Column("language", sa.String(8)),
    sa.Column("published", sa.String(10)),
    sa.Column("title", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("article_group", sa.Integer, nullable=False),
    sa.Column("sentence_index", sa.Integer, nullable=False),
    sa.Column("sentence", sa.Text, nullable=False),
    sa.Column("trigger", sa.Text, nullable=False),
    sa.Column("start_offset", sa.Integer, nullable=False),
    sa.Column("end_offset", sa.Integer, nullable=False),
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("mode", sa.String(32)),
    sa.Column("date", sa.String(10)),
    sa.Column("date_end", sa.String(10)),
    sa.Column("precision", sa.String(16)),
    sa.Column("date_source", sa.String(16)),
    sa.Column("time_text", sa.Text),
    sa.Column("location", sa.Text),
    sa.Column("location_source", sa.String(16)),
    sa.Column("source_actors", sa.Text, nullable=False, default="[]"),  # JSON list of actor dicts
    sa.Column("target_actors", sa.Text, nullable=False, default="[]"),
    sa.Column("group_src_keys", sa.Text, nullable=False, default="[]"),  # the article-level event's keys
    sa.Column("group_tgt_keys", sa.Text, nullable=False, default="[]"),
    sa.Column("joint", sa.Boolean, nullable=False, default=False),
    sa.Column("host", sa.String(8)),
    sa.Column("context", sa.Text, nullable=False, default="[]"),
    sa.Column("confidence", sa.Float, nullable=False, default=0.0),
    sa.Column("rule", sa.Text, nullable=False, default=""),
    sa.Column("classifier", sa.String(16), nullable=False, default="rules"),
)
sa.Index("ix_event_sources_event", event_sources.c.event_id)
sa.Index("ix_event_sources_article", event_sources.c.article_id)

#: blocking keys: an actor key and a day ("2025-10-24"; "XXXX-10-24" when no source knows the year;
#: "" when undated) lead to candidate events; the month-day serves dates without their year
event_keys = sa.Table(
    "event_keys",
    metadata,
    sa.Column("key", sa.String(300), primary_key=True),
    sa.Column("day", sa.String(10), primary_key=True),
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("md", sa.String(5), nullable=False),
)
sa.Index("ix_event_keys_event", event_keys.c.event_id)
sa.Index("ix_event_keys_md", event_keys.c.key, event_keys.c.md)

#: the actors of each event, by name, for `newsloom events --entity NAME`
event_actors = sa.Table(
    "event_actors",
    metadata,
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("key", sa.String(300), primary_key=True),
    sa.Column("side", sa.String(8), primary_key=True),  # source | target
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("folded", sa.String(300), nullable=False),
)
sa.Index("ix_event_actors_key", event_actors.c.key)
sa.Index("ix_event_actors_folded", event_actors.c.folded)

#: which events an article contributed to, and a signature of its events (re-runs are no-ops)
event_articles = sa.Table(
    "event_articles",
    metadata,
    sa.Column("article_id", sa.String(64), primary_key=True),
    sa.Column("signature", sa.String(64), nullable=False),
    sa.Column("event_ids", sa.Text, nullable=False, default="[]"),
    sa.Column("merged_at", sa.String(32), nullable=False),
)


def upgrade(conn: sa.Connection) -> None:
    metadata.create_all(conn)
