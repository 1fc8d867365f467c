"""Shared fixtures; the network is blocked in every test (haystack's request_blocker idea)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.backend import (
    BACKENDS,
    BackendUnavailable,
    PostgresServer,
    Session,
    chosen_backend,
    throwaway_server,
)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
EXAMPLES = ROOT / "examples"


def fill_with_examples(store: object, names: tuple[str, ...]) -> None:
    """Run every stage and corpus step on some bundled examples into ``store`` (each one new)."""
    from newsloom.runner import process_paths

    report = process_paths([str(EXAMPLES / name) for name in names], store, stages=None, corpus=True)  # type: ignore[arg-type]
    assert report.ok, report.errors
    assert report.statuses["new"] == len(names)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--backend",
        choices=BACKENDS,
        default=None,
        help="The database every test store is opened on (default: NEWSLOOM_TEST_DB, else sqlite).",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only(reason): about SQLite files themselves; skipped on --backend postgres"
    )


def pytest_report_header(config: pytest.Config) -> str:
    return f"newsloom test backend: {chosen_backend(config.getoption('--backend'))}"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if chosen_backend(config.getoption("--backend")) != "postgres":
        return
    for item in items:
        marker = item.get_closest_marker("sqlite_only")
        if marker is not None:
            why = marker.args[0] if marker.args else "a SQLite-only test"
            item.add_marker(pytest.mark.skip(reason=f"SQLite only ({why})"))


@pytest.fixture(scope="session")
def postgres_admin_url(pytestconfig: pytest.Config) -> Iterator[str]:
    """A URL of the session's PostgreSQL server (its ``postgres`` database): NEWSLOOM_TEST_DB's server
    when it names one, else a throwaway server started here (skipped, saying why, without one)."""
    import os

    given = os.environ.get("NEWSLOOM_TEST_DB", "")
    if given.startswith("postgresql"):
        yield given
        return
    try:
        with throwaway_server() as (folder, port):
            yield f"postgresql+psycopg://newsloom@/postgres?host={folder}&port={port}"
    except BackendUnavailable as exc:
        pytest.skip(str(exc))


@pytest.fixture(scope="session")
def postgres_server_databases(postgres_admin_url: str) -> Iterator[PostgresServer]:
    server = PostgresServer(postgres_admin_url)
    try:
        yield server
    finally:
        server.drop_all()


@pytest.fixture(scope="session")
def test_backend(pytestconfig: pytest.Config) -> str:
    """``sqlite`` or ``postgres``: what this session runs the stores on."""
    return chosen_backend(pytestconfig.getoption("--backend"))


@pytest.fixture(scope="session", autouse=True)
def _stores_on_backend(test_backend: str, request: pytest.FixtureRequest) -> Iterator[PostgresServer | None]:
    """On PostgreSQL, every store opened by a file path is a database of the session's server."""
    if test_backend != "postgres":
        yield None
        return
    from newsloom.store import db
    from tests.backend import url_mapper

    server: PostgresServer = request.getfixturevalue("postgres_server_databases")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(db, "_url", url_mapper(server, db._url))
        patch.setattr(Session, "server", server)
        yield server


def copy_store_file(source: Path, target: Path) -> None:
    """Copy the closed store at the path ``source`` to ``target`` (a template copy on PostgreSQL)."""
    import shutil

    if Session.server is not None:
        Session.server.copy_file_database(str(source), str(target))
        return
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")


class NetworkBlocked(RuntimeError):
    pass


@pytest.fixture(autouse=True)
def _block_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def guard(self: socket.socket, address: object, *args: object, **kwargs: object) -> None:
        host = address[0] if isinstance(address, tuple) else address
        if (
            isinstance(host, str)
            and host not in ("127.0.0.1", "localhost", "::1")
            and not str(host).startswith("/")
        ):
            raise NetworkBlocked(f"a test tried to reach {address}")
        return real_connect(self, address, *args, **kwargs)  # type: ignore[arg-type]

    real_connect = socket.socket.connect
    monkeypatch.setattr(socket.socket, "connect", guard)


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    paths = sorted(SEEDS.glob("*.txt"))
    if not paths:
        pytest.skip("../shared/seeds is not beside the repository")
    return paths
