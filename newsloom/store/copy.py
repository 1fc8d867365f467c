"""Copying a whole store into another database (``newsloom db copy SRC DST``): SQLite to PostgreSQL
and back, row for row.

Every table of ``schema`` is copied in foreign-key order with its ids, in one transaction on the
destination (all or nothing), then PostgreSQL's id sequences are moved past the copied ids. The search
index (``serve_search_docs`` and its full-text table) is not copied: it is derived from the other
tables, its full-text part differs between databases, and the search refills it at first use.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa

from newsloom.errors import StoreError
from newsloom.store import dialect
from newsloom.store.db import Store
from newsloom.store.schema import articles, metadata, search_docs

#: Rows read and written per round trip.
BATCH_ROWS = 1000
#: Derived tables left out of a copy (the search rebuilds them).
DERIVED = frozenset({search_docs.name})


def copied_tables() -> list[sa.Table]:
    """The tables a copy carries, parents before children."""
    return [table for table in metadata.sorted_tables if table.name not in DERIVED]


def copy_store(
    source: Store, target: Store, on_table: Callable[[str, int], None] | None = None
) -> dict[str, int]:
    """Copy every row of ``source`` into the empty ``target``; returns rows copied per table."""
    if source.version() != target.version():
        raise StoreError(
            f"The source has schema version {source.version()}, the destination {target.version()}: "
            "open both with the same newsloom (opening a store upgrades it)."
        )
    copied: dict[str, int] = {}
    with source.connect() as read, target.transaction() as write:
        held = write.execute(sa.select(sa.func.count()).select_from(articles)).scalar() or 0
        if held:
            raise StoreError(
                f"The destination already holds {held} articles: copy into a new, empty database "
                "(a copy keeps the source's ids, which would collide)."
            )
        for table in copied_tables():
            copied[table.name] = _copy_table(read, write, table)
            dialect.reset_ids(write, table)
            if on_table:
                on_table(table.name, copied[table.name])
    return copied


def _copy_table(read: sa.Connection, write: sa.Connection, table: sa.Table) -> int:
    query = sa.select(table).order_by(*table.primary_key.columns)
    rows = read.execution_options(stream_results=True, yield_per=BATCH_ROWS).execute(query).mappings()
    count = 0
    for batch in rows.partitions(BATCH_ROWS):
        write.execute(sa.insert(table), [dict(row) for row in batch])
        count += len(batch)
    return count
