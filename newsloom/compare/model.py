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
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from newsloom.compare.features import LanguageCenter, PairSpread

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


@dataclass(frozen=True, slots=True)
class _Forest:
    """The trees of one boosted member as padded (trees, nodes) arrays, walked all at once."""

    init: float
    rate: float
    left: np.ndarray
    right: np.ndarray
    feature: np.ndarray
    threshold: np.ndarray
    value: np.ndarray
    depth: int

    @classmethod
    def of(cls, member: Mapping[str, Any]) -> _Forest:
        trees = member["trees"]
        width = max(len(t["left"]) for t in trees)

        def padded(key: str, fill: float, dtype: type) -> np.ndarray:
            out: np.ndarray = np.full((len(trees), width), fill, dtype=dtype)
            for i, tree in enumerate(trees):
                out[i, : len(tree[key])] = tree[key]
            return out

        left = padded("left", -1, np.int64)
        feature = padded("feature", 0, np.int64)
        # leaves carry scikit-learn's feature -2: never read (a leaf stops the walk), kept in range
        return cls(
            init=float(member["init"]),
            rate=float(member["rate"]),
            left=left,
            right=padded("right", -1, np.int64),
            feature=np.where(left == -1, 0, feature),
            threshold=padded("threshold", 0.0, np.float64),
            value=padded("value", 0.0, np.float64),
            depth=width,  # an upper bound on the steps of any walk
        )

    def predict(self, x: np.ndarray) -> np.ndarray:
        trees = np.arange(len(self.left))[:, None]
        rows = np.arange(len(x))[None, :]
        node = np.zeros((len(self.left), len(x)), dtype=np.int64)
        for _ in range(self.depth):
            left = self.left[trees, node]
            inner = left != -1
            if not inner.any():
                break
            go_left = x[rows, self.feature[trees, node]] <= self.threshold[trees, node]
            node = np.where(inner, np.where(go_left, left, self.right[trees, node]), node)
        return np.asarray(self.init + self.rate * self.value[trees, node].sum(axis=0), dtype=float)


def _predict_member(member: Mapping[str, Any], x: np.ndarray, forest: _Forest | None = None) -> np.ndarray:
    if member["type"] == "gbm":
        return (forest or _Forest.of(member)).predict(x)
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
    #: the model for a pair with a language the model has no centre for: trained without the
    #: language-centred features, whose values then come from another centre than in training
    fallback: CompareModel | None = None
    #: boosted members compiled to arrays once (by head and member position), not per call
    _forests: dict[tuple[str, int], _Forest] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def _forest(self, dimension: str, index: int, member: Mapping[str, Any]) -> _Forest | None:
        if member["type"] != "gbm":
            return None
        key = (dimension, index)
        if key not in self._forests:
            self._forests[key] = _Forest.of(member)
        return self._forests[key]

    def predict_matrix(self, x: np.ndarray) -> np.ndarray:
        """(n, 7) scores on the 1-4 scale for a feature matrix in ``feature_names`` order."""
        x = np.atleast_2d(np.asarray(x, dtype=float))
        out = np.zeros((len(x), len(DIMENSIONS)))
        for j, dimension in enumerate(DIMENSIONS):
            head = self.heads.get(dimension)
            if head is None:  # a model fitted on some dimensions only (cross-validation): no score
                out[:, j] = np.nan
                continue
            for i, (member, weight) in enumerate(zip(head["members"], head["weights"], strict=True)):
                out[:, j] += weight * _predict_member(member, x, self._forest(dimension, i, member))
        return np.clip(out, *SCALE)

    def predict_rows(self, x: np.ndarray, known: np.ndarray) -> np.ndarray:
        """:meth:`predict_matrix`, with the rows whose languages are not ``known`` (no centre in the
        model for one of the two texts) scored by the fallback model when there is one."""
        out = self.predict_matrix(x)
        unknown = ~np.asarray(known, dtype=bool)
        if self.fallback is not None and unknown.any():
            index = {n: i for i, n in enumerate(self.feature_names)}
            columns = [index[n] for n in self.fallback.feature_names]
            out[unknown] = self.fallback.predict_matrix(np.atleast_2d(x)[unknown][:, columns])
        return out

    def predict(self, features: Mapping[str, float], languages_known: bool = True) -> dict[str, float]:
        """Scores of one pair from its named features; ``languages_known`` is False when the model
        has no centre for the language of one of the texts (see ``features.languages_known``)."""
        if not languages_known and self.fallback is not None:
            return self.fallback.predict(features)
        missing = [n for n in self.feature_names if n not in features]
        if missing:
            raise ValueError(f"The compare model needs features it was not given: {', '.join(missing)}.")
        row = np.array([[features[n] for n in self.feature_names]])
        return {d: float(v) for d, v in zip(DIMENSIONS, self.predict_matrix(row)[0], strict=True)}

    def to_json(self) -> dict[str, Any]:
        data = {
            "format": FORMAT_VERSION,
            "dimensions": list(DIMENSIONS),
            "feature_names": list(self.feature_names),
            "heads": self.heads,
            "meta": self.meta,
        }
        if self.fallback is not None:
            data["fallback"] = {
                "feature_names": list(self.fallback.feature_names),
                "heads": self.fallback.heads,
            }
        return data

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
        stored = data.get("fallback")
        fallback = cls(tuple(stored["feature_names"]), stored["heads"]) if stored else None
        return cls(tuple(data["feature_names"]), data["heads"], data.get("meta", {}), fallback)


def center_vector(meta: Mapping[str, Any]) -> np.ndarray | None:
    """The corpus mean embedding stored with the model, if any."""
    center: Sequence[float] | None = meta.get("center")
    return np.asarray(center, dtype=np.float32) if center else None


def language_centers(meta: Mapping[str, Any]) -> dict[str, LanguageCenter] | None:
    """The per-language mean vectors stored with the model, if any."""
    from newsloom.compare.features import LanguageCenter

    stored: Mapping[str, Mapping[str, Sequence[float]]] | None = meta.get("languages")
    if not stored:
        return None
    return {
        lang: LanguageCenter(
            np.asarray(c["whole"], dtype=np.float32), np.asarray(c["segment"], dtype=np.float32)
        )
        for lang, c in stored.items()
    }


def pair_spreads(meta: Mapping[str, Any]) -> dict[str, PairSpread]:
    """The chance similarity of each pair of languages stored with the model (see
    ``features.pair_spreads``); empty for a model trained without them."""
    from newsloom.compare.features import PairSpread

    stored: Mapping[str, Sequence[float]] = meta.get("spreads") or {}
    return {key: PairSpread(*(float(v) for v in values)) for key, values in stored.items()}
