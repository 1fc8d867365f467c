"""A new, empty PostgreSQL database per test, on the session's server (see tests/backend.py): the
server ``NEWSLOOM_TEST_DB`` names, or a throwaway one on a Unix socket started from the PostgreSQL
binaries. Without them (or psycopg) the tests that need it are skipped and say why."""

from __future__ import annotations

import pytest

from tests.backend import PostgresServer


@pytest.fixture
def postgres_url(postgres_server_databases: PostgresServer, request: pytest.FixtureRequest) -> str:
    """The URL of a new, empty database on the session's server (one per test)."""
    name = "t_" + "".join(c if c.isalnum() else "_" for c in request.node.name.lower())[:50]
    return postgres_server_databases.new_database(name)
