"""Models shipped in newsloom/events are read by one helper; a missing one says which and how to rebuild it."""

from __future__ import annotations

import pytest

from newsloom.events.classifier import ARTIFACT, read_artifact
from newsloom.events.gate import GATE_ARTIFACT


def test_shipped_models_are_read_as_json_objects() -> None:
    for name in (ARTIFACT, GATE_ARTIFACT):
        data = read_artifact(name, "model", "rebuild it")
        assert isinstance(data, dict) and data


def test_a_missing_model_names_the_file_and_the_fix() -> None:
    with pytest.raises(FileNotFoundError, match=r"The thing data/nothing\.json is missing .*run make-it"):
        read_artifact("data/nothing.json", "The thing", "run make-it")
