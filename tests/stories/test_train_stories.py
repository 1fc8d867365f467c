"""scripts/train_stories.py's fit with some weights kept: new features are learned beside an older
model without moving its weights or its bias."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from newsloom.stories.join import FEATURES

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "train_stories.py"


@pytest.fixture(scope="module")
def train() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_stories", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_stories"] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


def pairs(count: int = 400, seed: int = 3) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Random feature rows whose label follows ``sim`` and the last feature."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(count, len(FEATURES)))
    score = 1.5 * x[:, 0] + 2.0 * x[:, -1] - 0.5
    y = (score + rng.logistic(size=count) > 0).astype(int)
    kinds = np.where(np.arange(count) % 2 == 0, "semeval", "gvc")
    return x, y, kinds


def test_the_kept_weights_and_bias_do_not_move_and_the_free_ones_are_learned(train: ModuleType) -> None:
    x, y, kinds = pairs()
    old = {f: 0.1 * (i + 1) for i, f in enumerate(FEATURES[:-2])}
    weights, bias = train.fit(x, y, kinds, 0.3, train.Fixed(old, -0.7, "old.json", "2026-12-05"))
    assert bias == -0.7
    assert dict(zip(FEATURES[:-2], weights[:-2], strict=True)) == old
    assert weights[-1] > 1.0 > abs(weights[-2])  # the label follows the last feature, not the one before


def test_with_nothing_kept_and_no_bias_the_fit_is_sklearns_logistic_regression(train: ModuleType) -> None:
    from sklearn.linear_model import LogisticRegression

    x, y, kinds = pairs(seed=5)
    none = train.Fixed({}, 0.0, "none.json", "")
    weights, _ = train.fit(x, y, kinds, 0.3, none)
    sample = train.sample_weights(y, kinds, 0.3)
    reference = LogisticRegression(C=train.C, fit_intercept=False, max_iter=5000, tol=1e-8)
    reference.fit(x, y, sample_weight=sample)
    assert weights == pytest.approx(reference.coef_[0], abs=1e-3)


def test_a_kept_model_of_unknown_features_is_refused_naming_the_file(
    train: ModuleType, tmp_path: Path
) -> None:
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"features": ["sim", "colour"], "model": {"weights": [1, 2], "bias": 0}}))
    with pytest.raises(SystemExit, match="old.json.*colour"):
        train.read_fixed(path)
    path.write_text("{}")
    with pytest.raises(SystemExit, match="old.json"):
        train.read_fixed(path)


def test_a_kept_model_is_read_by_feature_name(train: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    model = {"weights": [1.5, -2.0], "bias": -3.0, "meta": {"date": "2026-12-05"}}
    path.write_text(json.dumps({"features": ["overlap", "sim"], "model": model}))
    fixed = train.read_fixed(path)
    assert (
        fixed.weights == {"overlap": 1.5, "sim": -2.0} and fixed.bias == -3.0 and fixed.date == "2026-12-05"
    )
