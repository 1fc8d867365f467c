"""Opening the store: engine, pragmas, migrations, transactions."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from newsloom.errors import StoreError
from newsloom.store.dialect import migration_lock
from newsloom.store.migrations import discover
from newsloom.store.schema import schema_version

#: What SQLite says -> what it means for the store, and what to do (checked in this order).
DATABASE_PROBLEMS = (
    (
        "file is not a database",
        "is not a newsloom database (not SQLite, encrypted, or its first page is damaged)",
        "Point --db (NEWSLOOM_DB) at another file, or move this one aside and run again to build a new store.",
    ),
    (
        "malformed",
        "is damaged (SQLite: database disk image is malformed)",
        "Restore it from a backup, or salvage it with `sqlite3 FILE .recover | sqlite3 recovered.db`, or "
        "move it aside and run newsloom again on the articles.",
    ),
    (
        "readonly",
        "is read-only",
        "newsloom writes to its store and to the -wal and -shm files beside it: give write access to the "
        "file and its folder, or copy the store to a writable folder and use --db.",
    ),
    (
        "unable to open database file",
        "cannot be opened",
        "Check that the file and its folder exist and are writable (SQLite's WAL mode creates -wal and "
        "-shm files beside it); on a read-only mount, copy the store to a writable folder and use --db.",
    ),
    (
        "full",
        "cannot grow: the disk (or the database's size limit) is full",
        "Free disk space or move the store elsewhere with --db, then run the same command again: every "
        "article stored before this one is kept whole.",
    ),
    (
        "locked",
        "is locked by another program",
        "Wait for the other newsloom command to finish (or close the program holding the file), then retry.",
    ),
)


#: Statistics are first taken at this many stored articles, then each time the store doubles.
MIN_ANALYZED = 50
#: Rows ANALYZE reads per index (an estimate is enough for the planner, and bounded in time).
ANALYSIS_LIMIT = 1000


class ReadOnlyStoreError(StoreError):
    """A write to a store that is read-only (opened with ``read_only``, or its file cannot be written)."""


READ_ONLY_HINT = (
    "It is served read-only (--read-only, or the file or its folder is not writable): reads work, "
    "writes are refused. Give write access and start again without --read-only to write."
)


def store_error(target: str, exc: Exception, doing: str) -> StoreError:
    """A StoreError that says what SQLite's failure means for the store at ``target`` and what to do."""
    message = str(getattr(exc, "orig", None) or exc)
    for fragment, meaning, hint in DATABASE_PROBLEMS:
        if fragment in message.lower():
            kind = ReadOnlyStoreError if fragment == "readonly" else StoreError
            return kind(f"The store {target} {meaning} ({doing}: {message}). {hint}")
    return StoreError(
        f"The store {target} failed while {doing}: {message}. Check the file, or use another --db."
    )


def _url(path_or_url: str) -> str:
    if "://" in path_or_url:
        return path_or_url
    return f"sqlite:///{Path(path_or_url).expanduser()}"


def _sqlite_file(url: str) -> Path | None:
    """The database file of a SQLite URL (None for other databases and in-memory ones)."""
    if not url.startswith("sqlite:///") or url.startswith("sqlite:///:memory:"):
        return None
    return Path(url.removeprefix("sqlite:///").split("?", 1)[0])


def missing_file(path_or_url: str) -> Path | None:
    """The SQLite file ``path_or_url`` names when it does not exist (None for a file that does, or any
    other database): a read command given a mistyped --db says so instead of creating an empty store."""
    file = _sqlite_file(_url(path_or_url))
    return file if file is not None and not file.exists() else None


def is_writable(path_or_url: str) -> bool:
    """False when the SQLite file exists but this process cannot write it (or create -wal/-shm beside it)."""
    file = _sqlite_file(_url(path_or_url))
    if file is None or not file.exists():
        return True
    return os.access(file, os.W_OK) and os.access(file.parent, os.W_OK)


def _read_only_url(file: Path) -> str:
    """SQLite's read-only URI; ``immutable`` when -shm cannot be created beside the file (read-only folder)."""
    shm = Path(f"{file}-shm")
    immutable = not os.access(file.parent, os.W_OK) and not shm.exists()
    mode = "immutable=1" if immutable else "mode=ro"
    return f"sqlite:///file:{file.resolve()}?{mode}&uri=true"


class Store:
    """A newsloom database: one SQLite file by default."""

    def __init__(self, engine: sa.Engine, read_only: bool = False, target: str = "") -> None:
        self.engine = engine
        self.read_only = read_only
        self.target = target or engine.url.render_as_string()

    @classmethod
    def open(cls, path_or_url: str, *, read_only: bool = False) -> Store:
        """Open (and create or upgrade) the store at a file path or SQLAlchemy URL.

        ``read_only`` (SQLite files only) opens an existing store without writing anything to it:
        no migration, no WAL switch; every write raises :class:`ReadOnlyStoreError`.
        """
        url = _url(path_or_url)
        file = _sqlite_file(url)
        if file is not None and not file.parent.exists():
            raise StoreError(
                f"Cannot create the database {path_or_url}: folder {file.parent} does not exist."
            )
        if read_only:
            if file is None or not file.exists():
                raise StoreError(
                    f"Cannot open {path_or_url} read-only: only an existing SQLite file can be. "
                    "Check the --db path, or leave out --read-only to create a store."
                )
            url = _read_only_url(file)
        try:
            engine = sa.create_engine(url)
        except Exception as exc:  # bad URL or missing driver
            raise StoreError(f"Cannot open the store at {path_or_url}: {exc}") from exc
        if engine.dialect.name == "sqlite":
            sa.event.listen(engine, "connect", _read_only_pragmas if read_only else _sqlite_pragmas)
            sa.event.listen(engine, "begin", _sqlite_begin)
        store = cls(engine, read_only=read_only, target=path_or_url)
        try:
            store.check_version() if read_only else store.migrate()
        except sa.exc.DBAPIError as exc:
            engine.dispose()
            raise store_error(path_or_url, exc, "opening it and upgrading its schema") from exc
        except StoreError:
            engine.dispose()
            raise
        return store

    def check_version(self) -> None:
        """A read-only store must already have this newsloom's schema: it cannot be upgraded."""
        newest = max((m.VERSION for m in discover()), default=0)
        found = self.version()
        if found != newest:
            raise StoreError(
                f"The store {self.target} has schema version {found}, this newsloom needs {newest}, and it "
                "is opened read-only so it cannot be upgraded. Open it once with write access (any "
                "command without --read-only), or use a newsloom of the same version."
            )

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
            with self.engine.connect() as conn, conn.execution_options(**{WRITE_OPTION: True}).begin():
                applied = sa.select(schema_version.c.version).where(
                    schema_version.c.version == module.VERSION
                )
                if conn.execute(applied).first() is not None:
                    continue  # another process applied it while this one waited for the write lock
                module.upgrade(conn)
                conn.execute(sa.insert(schema_version).values(version=module.VERSION, name=module.__name__))
            applied_now.append(module.VERSION)
        return applied_now

    @contextmanager
    def transaction(self) -> Iterator[sa.Connection]:
        """One transaction: committed when the block ends, rolled back if it raises.

        A database failure inside it (read-only file, full disk, lock) becomes a :class:`StoreError`
        that says what it means and what to do; the transaction is rolled back first.
        """
        try:
            with self.engine.connect() as conn:
                conn.execution_options(**{WRITE_OPTION: not self.read_only})
                with conn.begin():
                    yield conn
        except sa.exc.DBAPIError as exc:
            raise self.write_error(exc) from exc

    def write_error(self, exc: sa.exc.DBAPIError) -> StoreError:
        """The StoreError of a failed write: what it means for this store and what to do."""
        if self.read_only:
            return ReadOnlyStoreError(
                f"The store {self.target} is read-only: nothing was written. {READ_ONLY_HINT}"
            )
        return store_error(self.target, exc, "writing to it")

    def batch(self) -> WriteBatch:
        """A write transaction for many articles, each in its own savepoint (see :class:`WriteBatch`)."""
        return WriteBatch(self)

    def keep_statistics(self) -> bool:
        """Refresh SQLite's query-planner statistics when the store has doubled since they were taken
        (or never were); True when it did. Without them SQLite guesses join orders from index shapes
        alone and picked, for the event merge's candidates, every event of a type before the few
        sharing an actor key: 35x slower at 10,000 articles, and growing with the store. ANALYZE reads
        at most ``ANALYSIS_LIMIT`` rows per index (~0.06 s at 10,000 articles). PostgreSQL's autovacuum
        keeps its own statistics."""
        if self.read_only or self.engine.dialect.name != "sqlite":
            return False
        with self.transaction() as conn:
            stored = int(conn.exec_driver_sql("SELECT count(*) FROM articles").scalar() or 0)
            has_stats = conn.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'"
            ).first()
            row = (
                conn.exec_driver_sql("SELECT stat FROM sqlite_stat1 WHERE tbl = 'articles' LIMIT 1").first()
                if has_stats
                else None
            )
            analyzed = int(str(row[0]).split()[0]) if row else 0
            if stored < max(MIN_ANALYZED, 2 * analyzed):
                return False
            conn.exec_driver_sql(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
            conn.exec_driver_sql("ANALYZE")
        return True

    def connect(self) -> sa.Connection:
        """A connection for reading (close it, or use it in a ``with`` block)."""
        try:
            return self.engine.connect()
        except sa.exc.DBAPIError as exc:
            raise store_error(self.engine.url.render_as_string(), exc, "connecting to it") from exc

    def version(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.max(schema_version.c.version))).scalar() or 0)

    def close(self) -> None:
        self.engine.dispose()


class WriteBatch:
    """One write transaction holding many articles, each in a savepoint of its own.

    :meth:`item` opens the transaction on first use and a savepoint per article: an article that
    fails rolls back its savepoint only, the others of the batch stay. :meth:`commit` makes the batch
    durable; a process killed before it leaves the store as it was before the batch (SQLite's and
    PostgreSQL's atomic commit), so a rerun redoes the batch whole.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.size = 0  # articles written in the open transaction
        self.opened_at = 0.0  # time.monotonic() when the open transaction began
        self._conn: sa.Connection | None = None
        self._transaction: sa.RootTransaction | None = None

    @contextmanager
    def item(self) -> Iterator[sa.Connection]:
        """A savepoint for one article inside the batch's transaction (opened if needed)."""
        conn = self.connection()
        try:
            savepoint = conn.begin_nested()
        except sa.exc.DBAPIError as exc:
            raise self.store.write_error(exc) from exc
        try:
            yield conn
        except sa.exc.DBAPIError as exc:
            _undo(savepoint)
            raise self.store.write_error(exc) from exc
        except BaseException:
            _undo(savepoint)
            raise
        try:
            savepoint.commit()
        except sa.exc.DBAPIError as exc:
            raise self.store.write_error(exc) from exc
        self.size += 1

    def connection(self) -> sa.Connection:
        """The batch's connection, inside its transaction (opened if needed), for reads ahead of the items."""
        if self._conn is None or self._transaction is None:
            self._open()
        assert self._conn is not None
        return self._conn

    def _open(self) -> None:
        try:
            self._conn = self.store.engine.connect()
            self._conn.execution_options(**{WRITE_OPTION: not self.store.read_only})
            self._transaction = self._conn.begin()
        except sa.exc.DBAPIError as exc:
            self._close()
            raise self.store.write_error(exc) from exc
        self.opened_at = time.monotonic()

    def commit(self) -> None:
        """Commit what the batch holds (nothing to do when nothing is open)."""
        if self._transaction is None:
            return
        if not self._still_open():
            self.rollback()
            raise StoreError(
                f"The store {self.store.target} rolled back the open transaction after an error: the "
                "articles of this batch were not stored. Run the same command again to store them."
            )
        try:
            self._transaction.commit()
        except sa.exc.DBAPIError as exc:
            self.rollback()
            raise self.store.write_error(exc) from exc
        self._close()

    def _still_open(self) -> bool:
        """False when SQLite rolled the whole transaction back itself (it may, on a full disk or an
        I/O error): committing then would store nothing while seeming to succeed."""
        if self._conn is None or self._conn.dialect.name != "sqlite":
            return True
        return bool(self._conn.connection.dbapi_connection.in_transaction)  # type: ignore[union-attr]

    def rollback(self) -> None:
        """Drop what the batch holds."""
        if self._transaction is not None and self._transaction.is_active:
            # SQLite may have rolled it back already (full disk, I/O error): nothing is kept either way
            with contextlib.suppress(sa.exc.DBAPIError):
                self._transaction.rollback()
        self._close()

    def _close(self) -> None:
        if self._conn is not None:
            self._conn.close()
        self._conn, self._transaction, self.size = None, None, 0

    def __enter__(self) -> WriteBatch:
        return self

    def __exit__(self, kind: object, *_: object) -> None:
        if kind is None:
            self.commit()
        else:
            self.rollback()


def _undo(savepoint: sa.NestedTransaction) -> None:
    """Roll back one article's savepoint; SQLite may have dropped it already with the whole transaction."""
    with contextlib.suppress(sa.exc.DBAPIError):
        if savepoint.is_active:
            savepoint.rollback()


#: Execution option of a connection that begins its transactions as a writer (SQLite: BEGIN IMMEDIATE).
WRITE_OPTION = "newsloom_writer"


def _sqlite_begin(conn: sa.Connection) -> None:
    """Begin SQLite transactions ourselves: Python's sqlite3 driver (before 3.12) begins one only
    before an INSERT/UPDATE/DELETE, so the reads before it ran outside the transaction and a SAVEPOINT
    outside any transaction began (and its RELEASE committed) one of its own. A writer begins
    IMMEDIATE: it takes the write lock first (waiting up to busy_timeout), so what it reads stays
    true until it commits and it never fails half-way on a lock upgrade."""
    writer = bool(conn.get_execution_options().get(WRITE_OPTION))
    conn.exec_driver_sql("BEGIN IMMEDIATE" if writer else "BEGIN")


def _read_only_pragmas(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # transactions are begun by _sqlite_begin
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA query_only=ON")  # a write fails at once, whatever the file's permissions
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # transactions are begun by _sqlite_begin
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")  # durable at each commit in WAL mode for our purposes
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()
