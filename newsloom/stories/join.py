"""Whether a unit joins a candidate story: logistic models over the pair's signals, shipped as JSON.

Two models, chosen by whether the story already has a report in the unit's language:

- ``same_language``: learned from labelled pairs of public news articles (``scripts/train_stories.py``,
  SemEval-2022 Task 8 English training pairs), used for the languages it was trained on (its
  meta's ``languages``) once the store knows the language's mean vector well (it was trained on
  vectors centred by the mean of a whole corpus). It leans on the embedding and gives shared names little weight: two
  events of one topic share their names (two earthquakes, two arrests);
- ``cross_language``: the former hand weights (similarity and entity overlap alike), for every
  other candidate until labelled pairs of those languages, run through the project's stages,
  exist: across languages (and in Vietnamese and Indonesian, whose per-language centring starts
  from few vectors) the embedding of a small multilingual model is weaker and canonical entity
  keys carry the match.

The signals are those the clustering measures for each candidate: the centred cosine of the
unit and the story, the weighted overlap of their entity and event keys, and the days between
their dates. A missing date is unknown, not far: it gives no date signal at all (``dated`` = 0),
so an undated report is judged on what it says. Two things are rules, not learned: a unit whose
date is known never joins a story dated more than ``MAX_GAP_DAYS`` away (articles years apart are
never one story, however alike), and the join needs the model's probability above one half.
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

#: The signals, in the order of the model's weights.
FEATURES = ("sim", "overlap", "dated", "days", "exact_days")
#: Days counted at most (farther candidates are outside the blocking window anyway).
MAX_DAYS = 4
#: A unit dated more than this many days outside a story's dated span never joins it.
MAX_GAP_DAYS = 30
JOIN_MODEL_PATH = Path(__file__).with_name("join_model.json")
#: The models of the file, by the kind of candidate they judge.
KINDS = ("same_language", "cross_language")


@dataclass(frozen=True, slots=True)
class JoinSignals:
    """What is measured between a unit and a candidate story."""

    sim: float  # centred cosine, scaled by how well the unit's language mean is known
    overlap: float  # weighted overlap of entity and event keys, in [0, 1]
    days: int | None  # days between their dates; None when either is unknown
    exact: bool = False  # the unit's date is said in its text (not only its publication date)

    def vector(self) -> tuple[float, ...]:
        """The signals in FEATURES order."""
        known = self.days is not None
        days = float(min(self.days, MAX_DAYS)) if self.days is not None else 0.0
        return (self.sim, self.overlap, float(known), days, days if self.exact else 0.0)


@dataclass(frozen=True, slots=True)
class JoinModel:
    """A logistic model: the log-odds that a unit reports the story's event."""

    weights: tuple[float, ...]
    bias: float
    meta: Mapping[str, Any] = field(default_factory=dict)

    def log_odds(self, signals: JoinSignals) -> float:
        return self.bias + sum(w * x for w, x in zip(self.weights, signals.vector(), strict=True))

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


@dataclass(frozen=True, slots=True)
class JoinModels:
    """The model for candidates with a report in the unit's language, and the one for the others."""

    same_language: JoinModel
    cross_language: JoinModel

    def for_candidate(self, same_language: bool, language: str | None, language_vectors: int) -> JoinModel:
        """The learned model for a candidate with a report in the unit's language, when that language
        is one it was trained on (its meta's ``languages``) and the store has centred at least its
        meta's ``min_language_vectors`` vectors of it (it was trained on vectors centred by the mean
        of a whole corpus); the hand weights otherwise."""
        meta = self.same_language.meta
        trained = language in meta.get("languages", ())
        centred = language_vectors >= int(meta.get("min_language_vectors", 0))
        return self.same_language if same_language and trained and centred else self.cross_language

    def save(self, path: str | Path = JOIN_MODEL_PATH) -> Path:
        path = Path(path)
        data = {"features": list(FEATURES), **{kind: getattr(self, kind).to_json() for kind in KINDS}}
        path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        return path

    @classmethod
    def load(cls, path: str | Path = JOIN_MODEL_PATH) -> JoinModels:
        path = Path(path)
        if not path.is_file():
            raise FileNotFoundError(
                f"{path}: the story join model is missing. Train it with 'python scripts/train_stories.py'."
            )
        data = json.loads(path.read_text(encoding="utf-8"))
        if tuple(data.get("features", ())) != FEATURES or any(kind not in data for kind in KINDS):
            raise ValueError(
                f"{path}: the join model file needs features {list(FEATURES)} and models {list(KINDS)}; "
                "retrain it with 'python scripts/train_stories.py'."
            )
        models = {kind: JoinModel.from_json(data[kind]) for kind in KINDS}
        for kind, model in models.items():
            if len(model.weights) != len(FEATURES):
                raise ValueError(
                    f"{path}: the {kind} model has {len(model.weights)} weights for {len(FEATURES)} features; "
                    "retrain it with 'python scripts/train_stories.py'."
                )
        return cls(models["same_language"], models["cross_language"])


@cache
def join_models() -> JoinModels:
    """The shipped join models (read once per process)."""
    return JoinModels.load()


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
