"""Whether two reports tell of one event: one logistic model over their signals, shipped as JSON.

One model judges every pair, whatever the store's size and whatever the languages: a unit and a
candidate story while articles arrive (``newsloom.stories.cluster``), and two units when a recent
window is clustered again (``newsloom.stories.recluster``). It is learned by
``scripts/train_stories.py`` from labelled pairs: the SemEval-2022 Task 8 training pairs (original
ones only, monolingual and German-English), the project's own story gold (a dev set, with its
Vietnamese/English/Indonesian pairs), and the Gun Violence Archive train incidents (reports of one
shooting against reports of like shootings, half of them undated).

The signals: the centred cosine of the two passages (per-language centring, so a Vietnamese and an
English report of one meeting compare as well as two Vietnamese ones), the weighted overlap of their
entity and event keys, the days between their dates, whether the pair crosses languages (with its
own slope for the cosine: a small multilingual encoder puts translations less close than two reports
in one language), how many numbers both state (ages, counts, amounts; not years), and whether both
name people (places) but none in common (``cluster.names_apart``: like reports of other actors, or of
another town, are two events; a low overlap alone does not say so; cities are counted apart from the
countries both may name, ``cluster.places_apart``). They enter
with interactions (``FEATURES``): one linear score cannot hold both reports of one shooting, which
share names and numbers days apart, and distinct meetings of one week, which share actors a day
apart. A missing date is unknown, not far: it gives no date signal at all (``dated`` = 0) and its
own slopes for meaning, names and numbers, so an undated report is judged on what it says. One
thing is a rule, not learned: a unit whose date is known never joins a story dated more than
``MAX_GAP_DAYS`` away, nor, when only years are known, more than ``MAX_GAP_YEARS`` years away
(articles decades apart are never one story, however alike).
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

#: The signals, in the order of the model's weights. The last seven are interactions, so that one
#: logistic model can weigh a signal differently by what else is known: an undated pair is judged on
#: its meaning, names and numbers alone (``undated_*``); names shared by two reports days apart count
#: for less than names shared on one day (``days_overlap``); and numbers (ages, counts, amounts) tell
#: two reports of one incident from reports of a like one that share the words.
FEATURES = (
    "sim",
    "overlap",
    "dated",
    "days",
    "exact_days",
    "cross_language",
    "cross_sim",
    "undated_sim",
    "undated_overlap",
    "days_overlap",
    "sim_overlap",
    "numbers",
    "undated_numbers",
    "days_numbers",
    "people_apart",
    "places_apart",
    "undated_apart",
)
#: Days counted at most (farther candidates are outside the blocking window anyway). A log(1 + days)
#: up to 30 days was tried in round 6: GVC dev 0.890 against 0.897 with this cap (same features).
MAX_DAYS = 4
#: Shared numbers counted at most.
MAX_NUMBERS = 3
#: A unit dated more than this many days outside a story's dated span never joins it.
MAX_GAP_DAYS = 30
#: Two dates known only to the year (or month) are too far apart when their years differ by more.
MAX_GAP_YEARS = 1
JOIN_MODEL_PATH = Path(__file__).with_name("join_model.json")


@dataclass(frozen=True, slots=True)
class JoinSignals:
    """What is measured between a unit and a candidate story."""

    sim: float  # centred cosine, scaled by how well the unit's language mean is known
    overlap: float  # weighted overlap of entity and event keys, in [0, 1]
    days: int | None  # days between their dates; None when either is unknown
    exact: bool = False  # the unit's date is said in its text (not only its publication date)
    cross: bool = False  # the two sides are in different languages
    numbers: float = 0.0  # numbers of the unit the story states too (each by its share of members)
    people_apart: bool = False  # both name people and share none
    places_apart: bool = False  # both name places and share none

    def vector(self) -> tuple[float, ...]:
        """The signals in FEATURES order."""
        days = np.array(np.nan if self.days is None else float(self.days))
        columns = feature_columns(
            np.array(self.sim), np.array(self.overlap), days, np.array(self.exact), np.array(self.cross),
            np.array(self.numbers), np.array(self.people_apart), np.array(self.places_apart),
        )  # fmt: skip
        return tuple(float(c) for c in columns)


def feature_columns(
    sim: np.ndarray, overlap: np.ndarray, days: np.ndarray, exact: np.ndarray, cross: np.ndarray,
    numbers: np.ndarray, people_apart: np.ndarray, places_apart: np.ndarray,
) -> tuple[np.ndarray, ...]:  # fmt: skip
    """The FEATURES of many pairs at once (arrays of one shape; ``days`` NaN where unknown)."""
    known = ~np.isnan(days)
    dated = known.astype(np.float64)
    undated = 1.0 - dated
    capped = np.where(known, np.minimum(np.nan_to_num(days), MAX_DAYS), 0.0)
    crossed = cross.astype(np.float64)
    shared = np.minimum(numbers.astype(np.float64), MAX_NUMBERS) / MAX_NUMBERS
    people = people_apart.astype(np.float64)
    places = places_apart.astype(np.float64)
    return (
        sim,
        overlap,
        dated,
        capped,
        capped * exact.astype(np.float64),
        crossed,
        crossed * sim,
        undated * sim,
        undated * overlap,
        capped * overlap,
        sim * overlap,
        shared,
        undated * shared,
        capped * shared,
        people,
        places,
        undated * np.maximum(people, places),
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
        self,
        sim: np.ndarray,
        overlap: np.ndarray,
        days: np.ndarray,
        exact: np.ndarray,
        cross: np.ndarray,
        numbers: np.ndarray | None = None,
        people_apart: np.ndarray | None = None,
        places_apart: np.ndarray | None = None,
    ) -> np.ndarray:
        """``log_odds`` of many pairs at once (arrays of one shape; ``days`` NaN where unknown)."""
        none = np.zeros_like(sim)
        columns = feature_columns(
            sim, overlap, days, exact, cross,
            none if numbers is None else numbers,
            none if people_apart is None else people_apart,
            none if places_apart is None else places_apart,
        )  # fmt: skip
        total = sum(
            (w * x for w, x in zip(self.weights, columns, strict=True)), np.zeros_like(sim, dtype=np.float64)
        )
        return np.asarray(self.bias + total, dtype=np.float64)

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


def _year(value: str | None) -> int | None:
    return int(value[:4]) if value and value[:4].isdigit() else None


def too_far(unit_date: str | None, span: Sequence[str | None]) -> bool:
    """True when ``unit_date`` and the story's dated span are both known and more than
    ``MAX_GAP_DAYS`` apart, or, when a side is known only to its year or month ("2005",
    "2005-10"), when their years are more than ``MAX_GAP_YEARS`` apart. A missing date, or one
    without its year, is never too far: it is unknown."""
    day = _full_date(unit_date)
    known = [d for d in (_full_date(s) for s in span) if d is not None]
    if day is not None and known:
        gap = max((min(known) - day).days, (day - max(known)).days, 0)
        return gap > MAX_GAP_DAYS
    year = _year(unit_date)
    years = [y for y in (_year(s) for s in span) if y is not None]
    if year is None or not years:
        return False
    return max(min(years) - year, year - max(years), 0) > MAX_GAP_YEARS
