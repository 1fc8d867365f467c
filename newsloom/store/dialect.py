"""What differs between databases, kept here: the full-text index (SQLite pragmas are set in ``db``).

SQLite indexes search documents with FTS5 (bm25 ranking); PostgreSQL with a ``tsvector`` per document
(``simple`` configuration: the text comes folded already, lower case without diacritics) and a GIN
index, ranked by ``ts_rank`` with the title weighted. Both take the same query: any of several
clauses, each a set of phrases that must all occur (optionally in the title only). Another database
has no full-text index (``full_text(conn)`` is False) and search answers from names and meaning.
Writers: on PostgreSQL several processes may write one store at once, so each article's write
transaction first takes one transaction-scoped advisory lock (:func:`lock_writers`) and migrations run
under a session-scoped one (:func:`migration_lock`). SQLite needs neither (one writer at a time by
design, waiting up to ``busy_timeout``).
Everything else in ``newsloom/store/`` is portable SQLAlchemy Core.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import sqlalchemy as sa

#: The full-text table over folded (lower case, no diacritics) title and body of ``serve_search_docs``.
FTS_TABLE = "serve_search_fts"
DIALECTS = ("sqlite", "postgresql")
#: Advisory lock keys (any fixed 64-bit numbers, the same in every newsloom process).
WRITER_LOCK = 0x6E6C_0001  # held by one article's write transaction: save + corpus steps
MIGRATION_LOCK = 0x6E6C_0002  # held while one process checks and applies migrations


def lock_writers(conn: sa.Connection) -> None:
    """Wait until no other process writes an article, and hold that right until this transaction ends.

    Why a lock and not upserts or SERIALIZABLE: the corpus steps read then write across tables (an
    entity found by its blocking keys, an event merged into the best stored candidate, a story picked
    by similarity); two writers that both read before either commits would each create the same
    entity, event or story. Upserts cover only single-row keys, and serialisable transactions would
    abort and have to replay the whole article. One ``pg_advisory_xact_lock`` serialises just the short
    write transaction (the per-article stages, the expensive part, still run in parallel), cannot
    deadlock (one key), and is released by commit or rollback, also when a process dies.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITER_LOCK})


@contextmanager
def migration_lock(engine: sa.Engine) -> Iterator[None]:
    """Hold the migration lock for the block (PostgreSQL): two processes opening a new database at
    once would otherwise both create the tables."""
    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.connect() as conn:
        conn.execute(sa.text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
        conn.commit()
        try:
            yield
        finally:
            conn.execute(sa.text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK})
            conn.commit()


@dataclass(frozen=True)
class Clause:
    """Documents holding every phrase (words in a row), in the title only when ``title_only``."""

    phrases: tuple[tuple[str, ...], ...]
    title_only: bool = False


def full_text(conn_or_engine: sa.Connection | sa.Engine) -> bool:
    """True when this database has a full-text index (SQLite's FTS5, PostgreSQL's tsvector)."""
    return conn_or_engine.dialect.name in DIALECTS


def create_full_text(conn: sa.Connection) -> None:
    """The full-text table, when this database has one (idempotent)."""
    if conn.dialect.name == "sqlite":
        conn.execute(
            sa.text(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
                "title, body, tokenize = 'unicode61 remove_diacritics 2')"
            )
        )
    elif conn.dialect.name == "postgresql":
        conn.execute(
            sa.text(
                f"CREATE TABLE IF NOT EXISTS {FTS_TABLE} (doc_id INTEGER PRIMARY KEY "
                "REFERENCES serve_search_docs (id) ON DELETE CASCADE, document TSVECTOR NOT NULL)"
            )
        )
        conn.execute(
            sa.text(f"CREATE INDEX IF NOT EXISTS ix_{FTS_TABLE} ON {FTS_TABLE} USING GIN (document)")
        )


def index_text(conn: sa.Connection, doc_id: int, title: str, body: str, *, replace: bool) -> None:
    """(Re)index one document's folded title and body under its id."""
    if conn.dialect.name == "sqlite":
        if replace:
            conn.execute(sa.text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :id"), {"id": doc_id})
        conn.execute(
            sa.text(f"INSERT INTO {FTS_TABLE}(rowid, title, body) VALUES (:id, :title, :body)"),
            {"id": doc_id, "title": title, "body": body},
        )
    elif conn.dialect.name == "postgresql":
        conn.execute(
            sa.text(
                f"INSERT INTO {FTS_TABLE} (doc_id, document) VALUES (:id, "
                "setweight(to_tsvector('simple', :title), 'A') || setweight(to_tsvector('simple', :body), 'B')) "
                "ON CONFLICT (doc_id) DO UPDATE SET document = EXCLUDED.document"
            ),
            {"id": doc_id, "title": title, "body": body},
        )


def unindex_text(conn: sa.Connection, doc_id: int) -> None:
    """Remove one document's full-text entry."""
    if conn.dialect.name == "sqlite":
        conn.execute(sa.text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :id"), {"id": doc_id})
    elif conn.dialect.name == "postgresql":
        conn.execute(sa.text(f"DELETE FROM {FTS_TABLE} WHERE doc_id = :id"), {"id": doc_id})


def match_ids(conn: sa.Connection, clauses: Sequence[Clause], title_weight: float, limit: int) -> list[int]:
    """Ids of the documents matching any clause, best ranked first (title matches weigh more)."""
    if not clauses:
        return []
    if conn.dialect.name == "sqlite":
        ranked = sa.text(
            f"SELECT rowid, bm25({FTS_TABLE}, :weight, 1.0) AS rank FROM {FTS_TABLE} "
            f"WHERE {FTS_TABLE} MATCH :match ORDER BY rank LIMIT :limit"
        )
        params = {"match": fts5_query(clauses), "weight": title_weight, "limit": limit}
        return [int(row.rowid) for row in conn.execute(ranked, params)]
    if conn.dialect.name == "postgresql":
        ranked = sa.text(
            f"SELECT doc_id FROM {FTS_TABLE}, to_tsquery('simple', :match) AS query "
            "WHERE document @@ query ORDER BY ts_rank(CAST(:weights AS float4[]), document, query) DESC, doc_id "
            "LIMIT :limit"
        )
        weights = f"{{0, 0, {1.0 / title_weight}, 1.0}}"  # D, C, B (body), A (title)
        params = {"match": ts_query(clauses), "weights": weights, "limit": limit}
        return [int(row.doc_id) for row in conn.execute(ranked, params)]
    return []


def fts5_query(clauses: Sequence[Clause]) -> str:
    """SQLite FTS5 syntax: ``("w1" "w2 w3") OR (title : "w4")``. Words are ``[^\\W_]+`` runs: no
    quote or operator can reach the query."""
    rendered = []
    for clause in clauses:
        phrases = " ".join('"' + " ".join(words) + '"' for words in clause.phrases)
        rendered.append(f"(title : {phrases})" if clause.title_only else f"({phrases})")
    return " OR ".join(rendered)


def ts_query(clauses: Sequence[Clause]) -> str:
    """PostgreSQL tsquery syntax: ``(w1 & w2 <-> w3) | (w4:A)`` (``:A`` = in the title)."""
    rendered = []
    for clause in clauses:
        mark = ":A" if clause.title_only else ""
        phrases = " & ".join("(" + " <-> ".join(w + mark for w in words) + ")" for words in clause.phrases)
        rendered.append(f"({phrases})")
    return " | ".join(rendered)


def reset_ids(conn: sa.Connection, table: sa.Table) -> None:
    """After rows were inserted with their ids given (``db copy``), make the next generated id follow
    the largest one. SQLite does so by itself; PostgreSQL's serial sequence has to be moved."""
    if conn.dialect.name != "postgresql":
        return
    for column in table.primary_key.columns:
        if column.autoincrement is True:
            conn.execute(
                sa.text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column.name}'), "
                    f"COALESCE((SELECT MAX({column.name}) FROM {table.name}), 0) + 1, false)"
                )
            )
