from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.watch.server import LocalServer, serve


@pytest.fixture
def server() -> Iterator[LocalServer]:
    yield from serve()
