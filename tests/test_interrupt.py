"""Ctrl-C during `newsloom ingest`/`run`: what is stored and how to resume, no traceback (issue #19)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import newsloom.runner
from newsloom.cli import app
from tests.conftest import EXAMPLES

TEXTS = sorted(str(p) for p in (EXAMPLES / "text").glob("*.txt"))[:3]


def test_ctrl_c_says_what_is_stored_and_how_to_resume(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = newsloom.runner.process_paths

    def interrupted_after_one_file(*args: Any, on_file: Any = None, **kwargs: Any) -> Any:
        def stop(path: str, status: str) -> None:
            on_file(path, status)
            raise KeyboardInterrupt  # the user presses Ctrl-C once the first file is stored

        # one article per transaction: the first file is committed (and reported done) alone
        return real(*args, on_file=stop, transaction_articles=1, **kwargs)

    monkeypatch.setattr(newsloom.runner, "process_paths", interrupted_after_one_file)
    db = str(tmp_path / "interrupted.db")
    result = CliRunner().invoke(app, ["ingest", *TEXTS, "--db", db])
    assert result.exit_code == 130
    out = " ".join(result.output.split())
    assert "Interrupted after 1 of 3 file(s): 1 new article(s) stored by this run, 1 in" in out
    assert "run the same command again" in out and "Traceback" not in out

    monkeypatch.setattr(newsloom.runner, "process_paths", real)
    resumed = CliRunner().invoke(app, ["ingest", *TEXTS, "--db", db])
    assert resumed.exit_code == 0, resumed.output
    assert "unchanged" in resumed.output and "new" in resumed.output
