"""The cheap first pass before the encoder: which candidate sentences the classifier must read.

A sentence with a rule event, of an article of at most ``SHORT_ARTICLE`` sentences, or of a
language the gate was not trained on always goes to the encoder. Any other candidate (a trigger
word or an entity mention, but no rule event) goes there only when a hashed bag of its words and
bigrams, its language, its number of entity mentions and whether it holds a trigger word score
at or above the gate's ``bar``: a linear model distilled from the encoder and the classifier (it
estimates the classifier's margin: above 0 where it would report a type on its own in that
sentence), the bar chosen by cross-validation for the recall ``data/gate.json`` names. A sentence
the pack's cues read as not asserted (a hedge, denial, plan, opinion) is skipped without a score
when the classifier's own events need an asserted sentence (``Combination.factual``): it could
only give a REJECT. The rest are skipped: in the gold articles most of them gave no event.

``scripts/train_event_gate.py`` rebuilds ``data/gate.json`` (training-split text only); rerun it
after the classifier is retrained (its labels are the classifier's decisions).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from newsloom.events.classifier import read_artifact

GATE_ARTIFACT = "data/gate.json"
_WORD = re.compile(r"\w+")


def gate_features(text: str, language: str, mentions: int, trigger: bool) -> list[str]:
    """The gate's features of one sentence: its words and word pairs (case-folded), its language,
    its number of entity mentions (0, 1, 2, 3 or more) and whether it holds a trigger word."""
    words = _WORD.findall(text.casefold())
    found = [f"w:{w}" for w in words]
    found.extend(f"b:{a} {b}" for a, b in zip(words, words[1:], strict=False))
    found.extend((f"lang:{language}", f"mentions:{min(mentions, 3)}", f"trigger:{int(trigger)}"))
    return found


def bucket(feature: str, buckets: int) -> int:
    """The hashed column of ``feature`` (crc32: the same in every process and on every machine)."""
    return zlib.crc32(feature.encode("utf-8")) % buckets


def feature_columns(features: Iterable[str], buckets: int) -> dict[int, float]:
    """Column -> count of the hashed ``features``."""
    found: dict[int, float] = {}
    for feature in features:
        column = bucket(feature, buckets)
        found[column] = found.get(column, 0.0) + 1.0
    return found


@dataclass(frozen=True)
class SentenceGate:
    """The gate's weights (hashed columns), its bar and the languages it was trained on."""

    buckets: int
    weights: dict[int, float]
    bias: float
    bar: float
    languages: frozenset[str]
    metadata: dict[str, Any] = field(default_factory=dict)

    def score(self, text: str, language: str, mentions: int, trigger: bool) -> float:
        """The gate's estimate of the classifier's margin in this sentence (above 0: it would report
        a type on its own)."""
        columns = feature_columns(gate_features(text, language, mentions, trigger), self.buckets)
        return self.bias + sum(self.weights.get(c, 0.0) * v for c, v in columns.items())

    def needs_encoder(self, text: str, language: str, mentions: int, trigger: bool) -> bool:
        """Whether the sentence goes to the encoder (always for a language the gate does not know)."""
        return language not in self.languages or self.score(text, language, mentions, trigger) >= self.bar

    def to_json(self) -> dict[str, Any]:
        return {
            "metadata": self.metadata,
            "buckets": self.buckets,
            "bias": round(self.bias, 5),
            "bar": round(self.bar, 5),
            "languages": sorted(self.languages),
            "weights": {str(c): round(w, 4) for c, w in sorted(self.weights.items()) if round(w, 4)},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SentenceGate:
        return cls(
            buckets=int(data["buckets"]),
            weights={int(c): float(w) for c, w in data["weights"].items()},
            bias=float(data["bias"]),
            bar=float(data["bar"]),
            languages=frozenset(data["languages"]),
            metadata=dict(data.get("metadata", {})),
        )


@cache
def load_gate() -> SentenceGate:
    """The shipped gate (``newsloom/events/data/gate.json``), loaded once per process."""
    fix = "rebuild it with 'python scripts/train_event_gate.py', or turn the gate off (EventSettings(gate=False))."
    return SentenceGate.from_json(read_artifact(GATE_ARTIFACT, "The sentence gate", fix))
