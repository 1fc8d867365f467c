"""The event list read through its index (m0011, issue #18): the same rows in the same order as a
sort of every event, for each filter, and a page that no longer sorts the whole table."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from newsloom.store import Store
from newsloom.store.events import EventFilter, EventRow, insert_event, list_event_rows
from newsloom.store.schema import event_sources, events
from tests.serve.conftest import copy_db

#: Dates the examples do not hold: a year-less one, none, and a tie broken by id.
EXTRA_DATES = ("XXXX-10-24", None, "2024-01-02", "2024-01-02", "XXXX-01-05", None)


@pytest.fixture()
def store(served_db: Path, tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(str(copy_db(served_db, tmp_path)))
    with opened.transaction() as conn:
        for date in EXTRA_DATES:
            insert_event(conn, {"type": "CONSULT", "date": date})
    yield opened
    opened.close()


def _listed(row: EventRow) -> tuple[int, int, str, int]:
    """The documented order: dated newest first, year-less dates after them, undated last, then id."""
    date = row.date or ""
    inverted = "".join(chr(0x10FFFF - ord(c)) for c in date) + "\U0010ffff"  # descending, "" last
    return (1 if date.upper().startswith("XXXX") else 0, 1 if row.date is None else 0, inverted, row.id)


def _every(conn: sa.Connection) -> list[EventRow]:
    return [EventRow(**row._mapping) for row in conn.execute(sa.select(events))]


@pytest.mark.parametrize(
    "where",
    [
        EventFilter(),
        EventFilter(type="CONSULT"),
        EventFilter(language="vi"),
        EventFilter(date_from="2025-01-01"),
    ],
    ids=["all", "type", "language", "date_from"],
)
def test_every_page_is_the_sorted_events(store: Store, where: EventFilter) -> None:
    with store.connect() as conn:
        every = _every(conn)
        if where.language:
            written = {r[0] for r in conn.execute(sa.select(event_sources.c.event_id).where(event_sources.c.language == where.language))}  # fmt: skip
            every = [e for e in every if e.id in written]
        every = [e for e in every if (not where.type or e.type == where.type)]
        every = [
            e for e in every if (not where.date_from or (e.date is not None and e.date >= where.date_from))
        ]
        expected = [e.id for e in sorted(every, key=_listed)]
        assert expected, "the filter must keep some events for the test to mean anything"
        paged = [
            row.id
            for offset in range(0, len(expected) + 3, 3)
            for row in list_event_rows(conn, where, 3, offset)
        ]
    assert paged == expected
    assert len(set(paged)) == len(paged)


@pytest.mark.sqlite_only("reads SQLite's query plan")
def test_a_page_reads_the_list_index_instead_of_sorting_every_event(store: Store) -> None:
    from newsloom.store.events import LISTED_ORDER, _visible

    with store.connect() as conn:
        query = sa.select(events.c.id).where(*_visible(conn)).order_by(*LISTED_ORDER).limit(20).offset(40)
        compiled = query.compile(conn)
        plan = " | ".join(str(row[-1]) for row in conn.exec_driver_sql(
            f"EXPLAIN QUERY PLAN {compiled}", tuple(compiled.params.values())
        ))  # fmt: skip
    assert "ix_events_listed" in plan
    assert "TEMP B-TREE" not in plan
