"""Fixtures shared by the events tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from newsloom.store.migrations import m0003_events


@pytest.fixture
def conn() -> Iterator[sa.Connection]:
    """An in-memory SQLite store holding the events tables (migration 3)."""
    engine = sa.create_engine("sqlite://")
    with engine.begin() as connection:
        m0003_events.upgrade(connection)
        yield connection
