"""scripts/concede_retreat_cues.py (#13, session 15): the cue decision the script measures (it did not
ship; the test keeps the measured script honest for the next session that reruns it)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import numpy as np


def _script() -> Any:
    path = Path(__file__).resolve().parents[2] / "scripts" / "concede_retreat_cues.py"
    spec = importlib.util.spec_from_file_location("concede_retreat_cues", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_cues_follow_the_codebook_line() -> None:
    cues = _script()
    assert cues.cue("The army said it would withdraw its troops from the valley.") == "CONCEDE"
    assert cues.cue("The rebels pledged to free the hostages.") == "CONCEDE"
    assert cues.cue("The army withdrew its troops from the valley on Monday.") == "RETREAT"
    assert cues.cue("The government lifted the night curfew in the capital.") == "RETREAT"
    # unbanning a newspaper is CONCEDE by the codebook: no done cue
    assert cues.cue("The government lifted the ban on two newspapers.") is None
    assert cues.cue("Police fired tear gas at the crowd.") is None


def test_decide_moves_the_higher_ratio_to_the_cued_type() -> None:
    cues = _script()
    thresholds = np.array([0.5, 0.2])  # CONCEDE at 0, RETREAT at 1
    row = np.array([0.1, 0.4])  # ratios 0.2 and 2.0: RETREAT over its threshold
    swapped = cues.decide("It said it would release them.", row, thresholds, 0, 1, "swap")
    assert swapped[0] == 1.0 and np.isclose(swapped[1], 0.04)  # CONCEDE takes ratio 2.0 (capped)
    added = cues.decide("It said it would release them.", row, thresholds, 0, 1, "add")
    assert added[0] == 1.0 and added[1] == row[1]
    assert cues.decide("Police fired tear gas.", row, thresholds, 0, 1, "swap") is row
