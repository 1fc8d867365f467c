"""A throwaway PostgreSQL server for the store's tests, when the PostgreSQL binaries are on the machine.

The server listens on a Unix socket in a temporary folder only (no TCP), trusts local connections,
and is stopped at the end of the session. Without ``initdb``/``pg_ctl`` (or ``psycopg``) the tests
that need it are skipped and say why. As root, the server runs as the ``postgres`` user (PostgreSQL
refuses to run as root).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

#: Where Debian/Ubuntu install PostgreSQL 15; NEWSLOOM_PG_BIN overrides it.
PG_BIN = Path(os.environ.get("NEWSLOOM_PG_BIN", "/usr/lib/postgresql/15/bin"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    if shutil.which("runuser") is None:
        pytest.skip("PostgreSQL cannot run as root and runuser is missing to run it as 'postgres'")
    return ["runuser", "-u", "postgres", "--", *command]


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[tuple[str, int]]:
    """(socket folder, port) of a PostgreSQL server started for this session."""
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install 'newsloom[postgres]')")
    initdb, pg_ctl = PG_BIN / "initdb", PG_BIN / "pg_ctl"
    if not (initdb.exists() and pg_ctl.exists()):
        pytest.skip(f"no PostgreSQL binaries at {PG_BIN} (install postgresql, or set NEWSLOOM_PG_BIN)")
    folder = Path(tempfile.mkdtemp(prefix="newsloom-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    data, port = folder / "data", _free_port()
    run = lambda *args: subprocess.run(_as_server_user([*args]), check=True, capture_output=True)  # noqa: E731
    try:
        run(str(initdb), "-D", str(data), "-U", "newsloom", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
        options = f"-k {folder} -c listen_addresses='' -p {port} -c fsync=off"
        run(str(pg_ctl), "-D", str(data), "-l", str(folder / "log"), "-o", options, "-w", "start")
    except subprocess.CalledProcessError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        pytest.skip(f"could not start PostgreSQL: {exc.stderr.decode(errors='replace')[-300:]}")
    try:
        yield str(folder), port
    finally:
        subprocess.run(
            _as_server_user([str(pg_ctl), "-D", str(data), "-m", "immediate", "stop"]), capture_output=True
        )
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: tuple[str, int], request: pytest.FixtureRequest) -> str:
    """The URL of a new, empty database on the session's server (one per test)."""
    import sqlalchemy as sa

    folder, port = postgres_server
    name = "t_" + "".join(c if c.isalnum() else "_" for c in request.node.name.lower())[:50]
    admin = sa.create_engine(
        f"postgresql+psycopg://newsloom@/postgres?host={folder}&port={port}", isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return f"postgresql+psycopg://newsloom@/{name}?host={folder}&port={port}"
