"""The views' tests read the same examples' store as the server's tests (built once per session),
through one read connection per module."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsloom.store import Connection, Store
from tests.serve.conftest import copy_db, module_db, served_db

__all__ = ["conn", "copy_db", "module_db", "served_db"]


@pytest.fixture(scope="module")
def conn(module_db: Path) -> Iterator[Connection]:  # noqa: F811  (module_db is the fixture above)
    store = Store.open(str(module_db))
    with store.connect() as connection:
        yield connection
    store.close()
