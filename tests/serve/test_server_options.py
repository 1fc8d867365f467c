"""How the server runs: the threads a request's blocking work runs in, and uvicorn's options."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


def _tokens(client: Any) -> float:
    import anyio.to_thread

    return float(client.portal.call(lambda: anyio.to_thread.current_default_thread_limiter().total_tokens))


@pytest.mark.parametrize("threads", [3, 11])
def test_the_app_runs_its_blocking_work_in_as_many_threads_as_asked(module_db: Path, threads: int) -> None:
    from fastapi.testclient import TestClient

    from newsloom.serve.api import create_app

    with TestClient(create_app(str(module_db), embeddings=False, threads=threads)) as client:
        assert _tokens(client) == threads
        assert client.get("/api/events?limit=2").status_code == 200


def test_without_a_number_the_threads_are_anyios_default(module_db: Path) -> None:
    from fastapi.testclient import TestClient

    from newsloom.serve.api import READ_THREADS, create_app

    with TestClient(create_app(str(module_db), embeddings=False, threads=None)) as client:
        assert _tokens(client) == 40 != READ_THREADS


def test_newsloom_serve_runs_uvicorn_with_the_shared_options(
    module_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    from newsloom.serve import SERVER_OPTIONS, run_server

    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: seen.update(options))
    run_server(str(module_db), port=8123)
    assert seen["port"] == 8123 and seen["access_log"] is False
    assert {k: seen[k] for k in SERVER_OPTIONS} == SERVER_OPTIONS
