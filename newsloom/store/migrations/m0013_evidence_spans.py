"""Where the words an event was read from are in each source sentence: ``event_sources.spans``.

A JSON list ``[{"kind": "trigger"|"mode"|"source"|"target", "start", "end"}]`` of offsets within
the row's ``sentence``, written by the events merge from what the events stage recorded
(``newsloom/events/spans.py``), so the views highlight the words the rule read rather than the
first occurrence of the trigger's word. A store created at this version has the column already
(migration 3 creates ``event_sources`` from the current schema). An older store gets the column,
and each of its rows the trigger's span, computed from the row's own trigger offsets in the article
(``start_offset``, ``end_offset``) and the start of its sentence in the stored article (the
``sentences`` of ``articles.data``): exact, as the events stage read it. The mode's words and the
actors were not recorded then, so those rows mark the trigger alone (an article stored again
records them all; a stored article is not run again). A row whose sentence cannot be placed (its
article gone, its text not the stored sentence) stays NULL: the views search its trigger's word
there, as before. The store imports no domain code: the offsets are read from the stored JSON.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa

from newsloom.store import schema

VERSION = 13

#: This step creates no table; it adds a column to ``event_sources`` and fills it.
TABLES: tuple[sa.Table, ...] = ()

COLUMN = "spans"
#: Source rows read per batch.
BATCH = 500


def upgrade(conn: sa.Connection) -> None:
    inspector = sa.inspect(conn)
    if not inspector.has_table("event_sources"):
        return
    if not any(column["name"] == COLUMN for column in inspector.get_columns("event_sources")):
        conn.execute(sa.text(f"ALTER TABLE event_sources ADD COLUMN {COLUMN} TEXT"))
    if inspector.has_table("articles"):
        add_trigger_spans(conn)


def add_trigger_spans(conn: sa.Connection) -> None:
    """Each source row without spans gets its trigger's span within its sentence, where it can be
    placed (see the module's docstring)."""
    sources = schema.event_sources
    last = 0
    while True:
        rows = conn.execute(
            sa.select(
                sources.c.id, sources.c.article_id, sources.c.sentence_index, sources.c.sentence,
                sources.c.trigger, sources.c.start_offset, sources.c.end_offset,
            )
            .where(sources.c.id > last, sources.c.spans.is_(None))
            .order_by(sources.c.id)
            .limit(BATCH)
        ).all()  # fmt: skip
        if not rows:
            return
        starts = _sentence_starts(conn, sorted({r.article_id for r in rows}))
        found = [
            {"row_id": r.id, "spans": json.dumps(spans)}
            for r in rows
            if (spans := trigger_spans(r, starts.get(r.article_id))) is not None
        ]
        if found:
            # the SET clause comes from the parameters' names (``row_id`` is no column)
            conn.execute(sa.update(sources).where(sources.c.id == sa.bindparam("row_id")), found)
        last = rows[-1].id


def trigger_spans(row: Any, sentences: list[tuple[int, str]] | None) -> list[dict[str, Any]] | None:
    """``[{"kind": "trigger", "start", "end"}]`` of a source row within its sentence (``[]`` for an
    event read from the whole sentence, which has no trigger), or None when it cannot be placed.
    ``sentences``: (start, text) of each sentence of the row's article."""
    if sentences is None or not 0 <= row.sentence_index < len(sentences):
        return None
    start, text = sentences[row.sentence_index]
    if text != row.sentence:
        return None
    if not row.trigger:
        return []
    begin, end = row.start_offset - start, row.end_offset - start
    if not 0 <= begin < end <= len(text) or text[begin:end] != row.trigger:
        return None
    return [{"kind": "trigger", "start": begin, "end": end}]


def _sentence_starts(conn: sa.Connection, article_ids: list[str]) -> dict[str, list[tuple[int, str]]]:
    articles = schema.articles
    found: dict[str, list[tuple[int, str]]] = {}
    rows = conn.execute(sa.select(articles.c.id, articles.c.data).where(articles.c.id.in_(article_ids)))
    for row in rows:
        sentences = json.loads(row.data or "{}").get("sentences") or []
        found[row.id] = [(int(s["start"]), str(s["text"])) for s in sentences]
    return found
