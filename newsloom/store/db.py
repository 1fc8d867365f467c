"""Opening the store: engine, pragmas, migrations, transactions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from newsloom.errors import StoreError
from newsloom.store.dialect import migration_lock
from newsloom.store.migrations import discover
from newsloom.store.schema import schema_version


def _url(path_or_url: str) -> str:
    if "://" in path_or_url:
        return path_or_url
    return f"sqlite:///{Path(path_or_url).expanduser()}"


class Store:
    """A newsloom database: one SQLite file by default."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, path_or_url: str) -> Store:
        """Open (and create or upgrade) the store at a file path or SQLAlchemy URL."""
        url = _url(path_or_url)
        if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
            parent = Path(url.removeprefix("sqlite:///")).parent
            if not parent.exists():
                raise StoreError(f"Cannot create the database {path_or_url}: folder {parent} does not exist.")
        try:
            engine = sa.create_engine(url)
        except Exception as exc:  # bad URL or missing driver
            raise StoreError(f"Cannot open the store at {path_or_url}: {exc}") from exc
        if engine.dialect.name == "sqlite":
            sa.event.listen(engine, "connect", _sqlite_pragmas)
        store = cls(engine)
        store.migrate()
        return store

    def migrate(self) -> list[int]:
        """Apply every migration not applied yet; return the versions applied now."""
        with migration_lock(self.engine):
            return self._migrate()

    def _migrate(self) -> list[int]:
        applied_now: list[int] = []
        with self.engine.begin() as conn:
            schema_version.create(conn, checkfirst=True)
            done = {row[0] for row in conn.execute(sa.select(schema_version.c.version))}
        known = discover()
        newest = max((m.VERSION for m in known), default=0)
        if done and max(done) > newest:
            raise StoreError(
                f"This database has schema version {max(done)}, newer than this newsloom knows ({newest}). "
                "Upgrade newsloom or use another --db file."
            )
        for module in known:
            if module.VERSION in done:
                continue
            with self.engine.begin() as conn:
                module.upgrade(conn)
                conn.execute(sa.insert(schema_version).values(version=module.VERSION, name=module.__name__))
            applied_now.append(module.VERSION)
        return applied_now

    @contextmanager
    def transaction(self) -> Iterator[sa.Connection]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        with self.engine.begin() as conn:
            yield conn

    def connect(self) -> sa.Connection:
        """A connection for reading (close it, or use it in a ``with`` block)."""
        return self.engine.connect()

    def version(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.max(schema_version.c.version))).scalar() or 0)

    def close(self) -> None:
        self.engine.dispose()


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")  # durable at each commit in WAL mode for our purposes
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()
