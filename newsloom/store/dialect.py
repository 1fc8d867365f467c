"""What differs between databases, kept here: the full-text index (SQLite pragmas are set in ``db``).

SQLite (the default) indexes search documents with FTS5 (bm25 ranking); another database has no
full-text index yet, and search falls back to names and meaning (``full_text(conn)`` is False).
Everything else in ``newsloom/store/`` is portable SQLAlchemy Core.
"""

from __future__ import annotations

import sqlalchemy as sa

#: The FTS5 table over folded (lower case, no diacritics) title and body of ``serve_search_docs``.
FTS_TABLE = "serve_search_fts"


def full_text(conn_or_engine: sa.Connection | sa.Engine) -> bool:
    """True when this database has the full-text index (SQLite's FTS5)."""
    return conn_or_engine.dialect.name == "sqlite"


def create_full_text(conn: sa.Connection) -> None:
    """The full-text table, when this database has one (idempotent)."""
    if full_text(conn):
        conn.execute(
            sa.text(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
                "title, body, tokenize = 'unicode61 remove_diacritics 2')"
            )
        )


def index_text(conn: sa.Connection, doc_id: int, title: str, body: str, *, replace: bool) -> None:
    """(Re)index one document's folded title and body under its id."""
    if not full_text(conn):
        return
    if replace:
        conn.execute(sa.text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :id"), {"id": doc_id})
    conn.execute(
        sa.text(f"INSERT INTO {FTS_TABLE}(rowid, title, body) VALUES (:id, :title, :body)"),
        {"id": doc_id, "title": title, "body": body},
    )


def match_ids(conn: sa.Connection, match: str, title_weight: float, limit: int) -> list[int]:
    """Ids of the documents matching an FTS5 query, best bm25 first (title weighted)."""
    if not full_text(conn):
        return []
    ranked = sa.text(
        f"SELECT rowid, bm25({FTS_TABLE}, :weight, 1.0) AS rank FROM {FTS_TABLE} "
        f"WHERE {FTS_TABLE} MATCH :match ORDER BY rank LIMIT :limit"
    )
    return [
        int(row.rowid)
        for row in conn.execute(ranked, {"match": match, "weight": title_weight, "limit": limit})
    ]
