"""The database the test suite runs on: SQLite files (the default) or PostgreSQL.

``pytest --backend postgres`` (or ``NEWSLOOM_TEST_DB=postgres``) runs the same tests on PostgreSQL:
every store a test opens by a file path (``Store.open(str(tmp_path / "x.db"))``, ``--db x.db``,
``create_app("x.db")``) is opened instead as its own PostgreSQL database on one server, named after
the path, so tests keep their paths and assert what they assert on SQLite. The server is the one
``NEWSLOOM_TEST_DB`` names (``postgresql+psycopg://user@/postgres?host=/socket/dir&port=5432``, as
`.ci/run` starts it), or else a throwaway server this module starts from the PostgreSQL 15 binaries.
A test that is about SQLite files themselves (read-only files, WAL, a subprocess given the path)
is marked ``@pytest.mark.sqlite_only("why")`` and is skipped on PostgreSQL with that reason.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

#: Where Debian/Ubuntu install PostgreSQL 15; NEWSLOOM_PG_BIN overrides it.
PG_BIN = Path(os.environ.get("NEWSLOOM_PG_BIN", "/usr/lib/postgresql/15/bin"))
BACKENDS = ("sqlite", "postgres")


class Session:
    """The session's PostgreSQL server while the suite runs on it (None on SQLite); set by the
    ``_stores_on_backend`` fixture of tests/conftest.py, read by helpers that copy a store."""

    server: PostgresServer | None = None


class BackendUnavailable(RuntimeError):
    """PostgreSQL cannot be had here; the message says why (tests skip with it)."""


def chosen_backend(option: str | None) -> str:
    """The backend from ``--backend``, else ``NEWSLOOM_TEST_DB`` (``postgres`` or a PostgreSQL URL)."""
    if option:
        return option
    env = os.environ.get("NEWSLOOM_TEST_DB", "").strip()
    if not env or env == "sqlite":
        return "sqlite"
    if env == "postgres" or env.startswith("postgresql"):
        return "postgres"
    raise ValueError(
        f"NEWSLOOM_TEST_DB={env!r}: give sqlite, postgres, or a server URL postgresql+psycopg://..."
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    if shutil.which("runuser") is None:
        raise BackendUnavailable(
            "PostgreSQL cannot run as root and runuser is missing to run it as 'postgres'"
        )
    return ["runuser", "-u", "postgres", "--", *command]


@contextmanager
def throwaway_server() -> Iterator[tuple[str, int]]:
    """(socket folder, port) of a PostgreSQL server on a Unix socket only, stopped and deleted at the end."""
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        raise BackendUnavailable("psycopg is not installed (pip install 'newsloom[postgres]')") from exc
    initdb, pg_ctl = PG_BIN / "initdb", PG_BIN / "pg_ctl"
    if not (initdb.exists() and pg_ctl.exists()):
        raise BackendUnavailable(
            f"no PostgreSQL binaries at {PG_BIN} (install postgresql, or set NEWSLOOM_PG_BIN)"
        )
    folder = Path(tempfile.mkdtemp(prefix="newsloom-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    data, port = folder / "data", _free_port()

    def run(*args: str) -> None:
        subprocess.run(_as_server_user([*args]), check=True, capture_output=True)

    try:
        run(str(initdb), "-D", str(data), "-U", "newsloom", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
        options = f"-k {folder} -c listen_addresses='' -p {port} -c fsync=off -c max_connections=300"
        run(str(pg_ctl), "-D", str(data), "-l", str(folder / "log"), "-o", options, "-w", "start")
    except subprocess.CalledProcessError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise BackendUnavailable(
            f"could not start PostgreSQL: {exc.stderr.decode(errors='replace')[-300:]}"
        ) from exc
    try:
        yield str(folder), port
    finally:
        subprocess.run(
            _as_server_user([str(pg_ctl), "-D", str(data), "-m", "immediate", "stop"]), capture_output=True
        )
        shutil.rmtree(folder, ignore_errors=True)


class PostgresServer:
    """One PostgreSQL server for the session: new databases on demand, each dropped at the end."""

    def __init__(self, admin_url: str) -> None:
        self.admin_url = admin_url
        self.salt = uuid.uuid4().hex[:8]  # two sessions on one server never share a database
        self.created: list[str] = []

    def url(self, name: str) -> str:
        """The URL of database ``name`` on this server (the admin URL with another database)."""
        import sqlalchemy as sa

        return sa.make_url(self.admin_url).set(database=name).render_as_string(hide_password=False)

    def _admin(self, *statements: str) -> None:
        import sqlalchemy as sa

        engine = sa.create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                for statement in statements:
                    conn.execute(sa.text(statement))
        finally:
            engine.dispose()

    def new_database(self, name: str, template: str | None = None) -> str:
        """Create database ``name`` (empty, or a copy of ``template``) and return its URL."""
        copy = f' TEMPLATE "{template}"' if template else ""
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"{copy}')
        self.created.append(name)
        return self.url(name)

    def database_for(self, path: str) -> str:
        """The database standing for the SQLite file ``path`` (created on first use)."""
        name = self.name_for(path)
        if name not in self.created:
            self.new_database(name)
        return self.url(name)

    def name_for(self, path: str) -> str:
        resolved = str(Path(path).expanduser().resolve())
        return "f_" + hashlib.sha1(f"{self.salt}:{resolved}".encode()).hexdigest()[:24]

    def copy_file_database(self, source: str, target: str) -> None:
        """What copying the SQLite file ``source`` to ``target`` is on PostgreSQL: a template copy, or,
        while another session uses the source (a test client still open on it), ``db copy``'s
        row-for-row copy (the search index, derived, is then rebuilt at first use)."""
        import sqlalchemy as sa

        self.database_for(source)
        try:
            self.new_database(self.name_for(target), template=self.name_for(source))
            return
        except sa.exc.OperationalError as exc:
            if "being accessed by other users" not in str(exc):
                raise
        from newsloom.store import Store
        from newsloom.store.copy import copy_store

        origin, copy = Store.open(self.url(self.name_for(source))), Store.open(self.database_for(target))
        try:
            copy_store(origin, copy)
        finally:
            origin.close()
            copy.close()

    def drop_all(self) -> None:
        if self.created:
            self._admin(*(f'DROP DATABASE IF EXISTS "{n}" WITH (FORCE)' for n in self.created))
        self.created.clear()


def url_mapper(server: PostgresServer, real: Callable[[str], str]) -> Callable[[str], str]:
    """A replacement for the store's path -> URL function: file paths become PostgreSQL databases."""

    def mapped(path_or_url: str) -> str:
        if "://" in path_or_url or path_or_url.startswith(":memory:"):
            return real(path_or_url)
        return server.database_for(path_or_url)

    return mapped
