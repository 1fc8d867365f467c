"""The shipped compare model: boosted trees and ridge per dimension, as plain JSON read with numpy.

Plain numbers instead of a pickle: the file loads with any scikit-learn version (or none), and a
reviewer can read what it holds.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

#: The SemEval-2022 Task 8 dimensions, in the order of every matrix here.
DIMENSIONS = ("geography", "entities", "time", "narrative", "style", "tone", "overall")
#: The rating scale: 1 = very similar, 4 = very dissimilar.
SCALE = (1.0, 4.0)
MODEL_PATH = Path(__file__).with_name("model.json")
FORMAT_VERSION = 1


def _round(values: Any, digits: int = 6) -> list[Any]:
    return [round(float(v), digits) for v in np.asarray(values).ravel()]


def export_gbm(gbm: Any) -> dict[str, Any]:
    """A fitted ``GradientBoostingRegressor`` as plain lists (init value, rate, trees)."""
    trees = []
    for estimator in gbm.estimators_[:, 0]:
        tree = estimator.tree_
        trees.append(
            {
                "left": tree.children_left.tolist(),
                "right": tree.children_right.tolist(),
                "feature": tree.feature.tolist(),
                "threshold": _round(tree.threshold),
                "value": _round(tree.value[:, 0, 0]),
            }
        )
    init = float(np.ravel(gbm.init_.constant_)[0])
    return {"type": "gbm", "init": init, "rate": float(gbm.learning_rate), "trees": trees}


def export_ridge(ridge: Any, mean: np.ndarray, scale: np.ndarray) -> dict[str, Any]:
    """A fitted ``Ridge`` on standardised features as plain lists."""
    return {
        "type": "ridge",
        "mean": _round(mean),
        "scale": _round(scale),
        "coef": _round(ridge.coef_),
        "intercept": float(ridge.intercept_),
    }


def _predict_tree(tree: Mapping[str, Any], x: np.ndarray) -> np.ndarray:
    left, right = np.asarray(tree["left"]), np.asarray(tree["right"])
    feature, threshold = np.asarray(tree["feature"]), np.asarray(tree["threshold"])
    value = np.asarray(tree["value"])
    node = np.zeros(len(x), dtype=int)
    active = left[node] != -1
    while active.any():
        rows = np.flatnonzero(active)
        here = node[rows]
        go_left = x[rows, feature[here]] <= threshold[here]
        node[rows] = np.where(go_left, left[here], right[here])
        active = left[node] != -1
    return value[node]


def _predict_member(member: Mapping[str, Any], x: np.ndarray) -> np.ndarray:
    if member["type"] == "gbm":
        total = np.full(len(x), member["init"], dtype=float)
        for tree in member["trees"]:
            total += member["rate"] * _predict_tree(tree, x)
        return total
    if member["type"] == "ridge":
        z = (x - np.asarray(member["mean"])) / np.asarray(member["scale"])
        return np.asarray(z @ np.asarray(member["coef"]) + member["intercept"], dtype=float)
    raise ValueError(f"Unknown model member type '{member['type']}' in the compare model file.")


@dataclass
class CompareModel:
    """Per-dimension blends over a fixed list of named features."""

    feature_names: tuple[str, ...]
    heads: dict[str, dict[str, Any]]
    meta: dict[str, Any] = field(default_factory=dict)

    def predict_matrix(self, x: np.ndarray) -> np.ndarray:
        """(n, 7) scores on the 1-4 scale for a feature matrix in ``feature_names`` order."""
        x = np.atleast_2d(np.asarray(x, dtype=float))
        out = np.zeros((len(x), len(DIMENSIONS)))
        for j, dimension in enumerate(DIMENSIONS):
            head = self.heads[dimension]
            for member, weight in zip(head["members"], head["weights"], strict=True):
                out[:, j] += weight * _predict_member(member, x)
        return np.clip(out, *SCALE)

    def predict(self, features: Mapping[str, float]) -> dict[str, float]:
        """Scores of one pair from its named features."""
        missing = [n for n in self.feature_names if n not in features]
        if missing:
            raise ValueError(f"The compare model needs features it was not given: {', '.join(missing)}.")
        row = np.array([[features[n] for n in self.feature_names]])
        return {d: float(v) for d, v in zip(DIMENSIONS, self.predict_matrix(row)[0], strict=True)}

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT_VERSION,
            "dimensions": list(DIMENSIONS),
            "feature_names": list(self.feature_names),
            "heads": self.heads,
            "meta": self.meta,
        }

    def save(self, path: str | Path = MODEL_PATH) -> Path:
        """Write the model as JSON (gzipped when the name ends in .gz)."""
        path = Path(path)
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "wt", encoding="utf-8") as handle:
            json.dump(self.to_json(), handle, separators=(",", ":"))
        return path

    @classmethod
    def load(cls, path: str | Path = MODEL_PATH) -> CompareModel:
        path = Path(path)
        if not path.is_file():
            raise FileNotFoundError(
                f"{path}: the compare model is missing. Train it with 'python scripts/train_compare.py'."
            )
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as handle:
            data = json.load(handle)
        if data.get("format") != FORMAT_VERSION or tuple(data.get("dimensions", ())) != DIMENSIONS:
            raise ValueError(
                f"{path}: compare model of an unknown format; retrain it with scripts/train_compare.py."
            )
        return cls(tuple(data["feature_names"]), data["heads"], data.get("meta", {}))


def center_vector(meta: Mapping[str, Any]) -> np.ndarray | None:
    """The corpus mean embedding stored with the model, if any."""
    center: Sequence[float] | None = meta.get("center")
    return np.asarray(center, dtype=np.float32) if center else None
