"""Whether two reports tell of one event: one logistic model over their signals, shipped as JSON.

One model judges every pair, whatever the store's size and whatever the languages: a unit and a
candidate story while articles arrive (``newsloom.stories.cluster``), and two units when a recent
window is clustered again (``newsloom.stories.recluster``). It is learned by
``scripts/train_stories.py`` from labelled pairs: the SemEval-2022 Task 8 training pairs (original
ones only, monolingual and German-English), and the project's own story gold (a dev set, with its
Vietnamese/English/Indonesian pairs).

The signals: the centred cosine of the two passages (per-language centring, so a Vietnamese and an
English report of one meeting compare as well as two Vietnamese ones), the weighted overlap of their
entity and event keys, the days between their dates, and whether the pair crosses languages (with
its own slope for the cosine: a small multilingual encoder puts translations less close than two
reports in one language). A missing date is unknown, not far: it gives no date signal at all
(``dated`` = 0), so an undated report is judged on what it says. One thing is a rule, not learned:
a unit whose date is known never joins a story dated more than ``MAX_GAP_DAYS`` away (articles
years apart are never one story, however alike).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

#: The signals, in the order of the model's weights.
FEATURES = ("sim", "overlap", "dated", "days", "exact_days", "cross_language", "cross_sim")
#: Days counted at most (farther candidates are outside the blocking window anyway).
MAX_DAYS = 4
#: A unit dated more than this many days outside a story's dated span never joins it.
MAX_GAP_DAYS = 30
JOIN_MODEL_PATH = Path(__file__).with_name("join_model.json")


@dataclass(frozen=True, slots=True)
class JoinSignals:
    """What is measured between a unit and a candidate story."""

    sim: float  # centred cosine, scaled by how well the unit's language mean is known
    overlap: float  # weighted overlap of entity and event keys, in [0, 1]
    days: int | None  # days between their dates; None when either is unknown
    exact: bool = False  # the unit's date is said in its text (not only its publication date)
    cross: bool = False  # the two sides are in different languages

    def vector(self) -> tuple[float, ...]:
        """The signals in FEATURES order."""
        known = self.days is not None
        days = float(min(self.days, MAX_DAYS)) if self.days is not None else 0.0
        cross = float(self.cross)
        return (
            self.sim,
            self.overlap,
            float(known),
            days,
            days if self.exact else 0.0,
            cross,
            cross * self.sim,
        )


@dataclass(frozen=True, slots=True)
class JoinModel:
    """A logistic model: the log-odds that a unit reports the story's event."""

    weights: tuple[float, ...]
    bias: float
    meta: Mapping[str, Any] = field(default_factory=dict)

    def log_odds(self, signals: JoinSignals) -> float:
        return self.bias + sum(w * x for w, x in zip(self.weights, signals.vector(), strict=True))

    def log_odds_many(
        self, sim: np.ndarray, overlap: np.ndarray, days: np.ndarray, exact: np.ndarray, cross: np.ndarray
    ) -> np.ndarray:
        """``log_odds`` of many pairs at once (arrays of one shape; ``days`` NaN where unknown),
        the signals laid out as in ``JoinSignals.vector``."""
        known = ~np.isnan(days)
        capped = np.where(known, np.minimum(np.nan_to_num(days), MAX_DAYS), 0.0)
        crossed = cross.astype(np.float64)
        columns = (sim, overlap, known.astype(np.float64), capped, capped * exact, crossed, crossed * sim)
        return self.bias + sum(w * x for w, x in zip(self.weights, columns, strict=True))

    def probability(self, signals: JoinSignals) -> float:
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, self.log_odds(signals)))))

    def to_json(self) -> dict[str, Any]:
        return {
            "weights": [round(w, 6) for w in self.weights],
            "bias": round(self.bias, 6),
            "meta": dict(self.meta),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> JoinModel:
        return cls(tuple(float(w) for w in data["weights"]), float(data["bias"]), data.get("meta", {}))


def save_model(model: JoinModel, path: str | Path = JOIN_MODEL_PATH) -> Path:
    """Write ``model`` with the feature names it was trained on."""
    path = Path(path)
    data = {"features": list(FEATURES), "model": model.to_json()}
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def load_model(path: str | Path = JOIN_MODEL_PATH) -> JoinModel:
    """Read a join model file; a missing or stale file is an error that says how to rebuild it."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(
            f"{path}: the story join model is missing. Train it with 'python scripts/train_stories.py'."
        )
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data.get("features", ())) != FEATURES or "model" not in data:
        raise ValueError(
            f"{path}: the join model file needs features {list(FEATURES)} and a 'model'; "
            "retrain it with 'python scripts/train_stories.py'."
        )
    model = JoinModel.from_json(data["model"])
    if len(model.weights) != len(FEATURES):
        raise ValueError(
            f"{path}: the model has {len(model.weights)} weights for {len(FEATURES)} features; "
            "retrain it with 'python scripts/train_stories.py'."
        )
    return model


@cache
def join_model() -> JoinModel:
    """The shipped join model (read once per process)."""
    return load_model()


def _full_date(value: str | None) -> date | None:
    if not value or value.startswith("XXXX"):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def too_far(unit_date: str | None, span: Sequence[str | None]) -> bool:
    """True when ``unit_date`` and the story's dated span are both known and more than
    ``MAX_GAP_DAYS`` apart (a partial or missing date is never too far: it is unknown)."""
    day = _full_date(unit_date)
    known = [d for d in (_full_date(s) for s in span) if d is not None]
    if day is None or not known:
        return False
    gap = max((min(known) - day).days, (day - max(known)).days, 0)
    return gap > MAX_GAP_DAYS
