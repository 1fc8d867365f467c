"""A small store built once per test session from bundled examples, with every stage and corpus step.

Five examples give two meetings reported in two languages each (Bùi Thanh Sơn and Ghada Waly in
Vietnamese and Indonesian; Lương Cường and António Guterres in Vietnamese and English) and one
English report of another visit. Each test module gets its own copy of the database file.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, copy_store_file

pytest.importorskip("fastapi", reason="the serve extra (fastapi) is not installed")

SERVED_EXAMPLES = (
    "text/vi_01_son_waly_unodc.txt",
    "text/id_01_son_waly_unodc.txt",
    "text/vi_03_guterres_luong_cuong_talks.txt",
    "html/en_01_guterres_luong_cuong_talks.html",
    "text/en_02_ramaphosa_man_business_forum.txt",
)
TOKEN = "test-token-5b0f"


@pytest.fixture(scope="session")
def served_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The session's store: the examples above through every stage and corpus step."""
    from newsloom.runner import process_paths
    from newsloom.store import Store

    db = tmp_path_factory.mktemp("served") / "served.db"
    store = Store.open(str(db))
    report = process_paths(
        [str(EXAMPLES / name) for name in SERVED_EXAMPLES], store, stages=None, corpus=True
    )
    store.close()
    assert report.ok, report.errors
    assert report.statuses["new"] == len(SERVED_EXAMPLES)
    return db


def copy_db(source: Path, folder: Path) -> Path:
    """A private copy of a closed store (a SQLite file with its WAL file if one is left, or on
    PostgreSQL the database standing for the path)."""
    target = folder / source.name
    copy_store_file(source, target)
    return target


@pytest.fixture(scope="module")
def module_db(served_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_db(served_db, tmp_path_factory.mktemp("module"))


@pytest.fixture(scope="module")
def client(module_db: Path) -> Iterator[object]:
    """A TestClient over the module's copy, with writes allowed by TOKEN."""
    from fastapi.testclient import TestClient

    from newsloom.serve.api import create_app

    with TestClient(create_app(str(module_db), token=TOKEN)) as test_client:
        yield test_client
