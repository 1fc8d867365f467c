"""scripts/concede_retreat_cues.py (#13): the ship rule it applies and the causes it names, on tiny
hand-made tables (the measurement itself needs the training vectors)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import numpy as np

from newsloom.lang import load_part


def _script() -> Any:
    path = Path(__file__).resolve().parents[2] / "scripts" / "concede_retreat_cues.py"
    spec = importlib.util.spec_from_file_location("concede_retreat_cues", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_ship_rule_counts_false_concessions_on_rows_with_neither_type() -> None:
    cues = _script()
    gold = np.array([[1, 0, 0], [0, 1, 0], [0, 0, 1]] * 4, dtype=bool)  # CONCEDE, RETREAT, other
    base = np.array([[0, 0, 0], [0, 1, 0], [0, 0, 1]] * 4, dtype=bool)  # every CONCEDE missed
    found = gold.copy()
    assert "PASSES" in cues.ship_verdict(base, found, gold, (0, 1))
    noisy = found.copy()
    noisy[2::3, 0] = True  # CONCEDE on all four rows of the other type: +4 false
    noisy_more = np.vstack([noisy, np.array([[1, 0, 1]] * 2, dtype=bool)])
    gold_more = np.vstack([gold, np.array([[0, 0, 1]] * 2, dtype=bool)])
    base_more = np.vstack([base, np.array([[0, 0, 1]] * 2, dtype=bool)])
    verdict = cues.ship_verdict(base_more, noisy_more, gold_more, (0, 1))
    assert "+6" in verdict and "fails" in verdict


def test_a_miss_is_put_down_to_a_trigger_or_to_the_classifiers_bar() -> None:
    cues = _script()
    english = load_part("en", "events")
    assert cues.miss_cause("The minister apologized.", "CONCEDE", set(), 0.1, 1.0, english).startswith(
        "trigger"
    )
    assert cues.miss_cause("Troops left the town.", "RETREAT", set(), 0.7, 1.0, english).startswith(
        "no trigger, classifier 0.5-1x"
    )
    assert "not asserted" in cues.miss_cause(
        "Troops may leave the town.", "RETREAT", set(), 2.0, 1.0, english
    )
