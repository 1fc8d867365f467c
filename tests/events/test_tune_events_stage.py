"""scripts/tune_events_stage.py: the stand-ins the stage reads and the session-18 choice rule."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import numpy as np

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "tune_events_stage.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("tune_events_stage", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("tune_events_stage", module)
    spec.loader.exec_module(module)
    return module


def test_the_stand_in_reads_the_rows_the_encoder_gave_with_or_without_texts() -> None:
    script = _script()
    table = np.array([[0.1, 0.9], [0.7, 0.2]], dtype=np.float32)
    encoder = script.RowEncoder({"b": 1, "a": 0})
    reader = script.OutOfFold(table, np.array([0.5, 0.5]))
    vectors = encoder.encode(["b", "a"])
    assert reader.for_language("en") is reader
    assert np.array_equal(reader.probabilities(vectors, ["b", "a"]), table[[1, 0]])
    assert np.array_equal(reader.probabilities(vectors), table[[1, 0]])


def test_a_setting_replaces_the_tree_only_with_the_minimum_gain() -> None:
    script = _script()
    tree = (0.3, 0.6, 0.25)
    small = [(0.8100, 0.8, tree), (0.8115, 0.8, (0.4, 0.7, 0.25))]
    assert script.choose(small, tree) == tree
    large = [(0.8100, 0.8, tree), (0.8100 + script.MIN_GAIN + 1e-4, 0.8, (0.4, 0.7, 0.25))]
    assert script.choose(large, tree) == (0.4, 0.7, 0.25)
