"""How `newsloom serve` runs uvicorn."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


def test_newsloom_serve_runs_uvicorn_with_the_shared_options(
    module_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    from newsloom.serve import SERVER_OPTIONS, run_server

    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: seen.update(options))
    monkeypatch.setattr(
        "newsloom.serve.check_port_free", lambda host, port: None
    )  # uvicorn binds nothing here
    run_server(str(module_db), port=8123)
    assert seen["port"] == 8123 and seen["access_log"] is False
    assert {k: seen[k] for k in SERVER_OPTIONS} == SERVER_OPTIONS
