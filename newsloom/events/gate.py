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


# -- sparing the encoder beyond the gate (round 6, issue #18) ---------------------------------------


@dataclass(frozen=True)
class RuleReading:
    """What the training split says of the rule events of one PLOVER type, read without the
    classifier: how many there were, how often the classifier (out of fold) added a type beside
    them that was right, and the confidence a rule event of the type keeps when no classifier
    reads its sentence (the type's rule precision, smoothed towards the precision of all rule events)."""

    readings: int
    right_additions: int
    confidence: float


#: Per type, the rule events of the training split's labelled sentences (each read alone, through
#: the reading stages and the packs' rules) against their labels and the classifier of the
#: shipped C fitted out of fold (5 folds): ``python scripts/measure_rule_alone.py`` prints this
#: table and the held-out calibration. Rerun it after the classifier or the rules change.
RULE_READINGS: dict[str, RuleReading] = {
    "ACCUSE": RuleReading(53, 4, 0.921),
    "AGREE": RuleReading(26, 2, 0.787),
    "AID": RuleReading(19, 0, 0.975),
    "ASSAULT": RuleReading(30, 1, 0.840),
    "COERCE": RuleReading(74, 17, 0.701),
    "CONCEDE": RuleReading(21, 0, 0.823),
    "CONSULT": RuleReading(23, 1, 0.943),
    "COOPERATE": RuleReading(33, 1, 0.958),
    "MOBILIZE": RuleReading(7, 0, 0.866),
    "PROTEST": RuleReading(16, 1, 0.923),
    "REJECT": RuleReading(42, 0, 0.774),
    "REQUEST": RuleReading(38, 0, 0.939),
    "RETREAT": RuleReading(26, 0, 0.980),
    "SANCTION": RuleReading(44, 0, 0.906),
    "SUPPORT": RuleReading(37, 4, 0.938),
    "THREATEN": RuleReading(36, 0, 0.985),
}
#: Sentences of a long article's lead the classifier always reads under ``Sparing.focus``: the
#: lead says what happened (the stories' passage is built from it too).
FOCUS_LEAD = 3
#: ... and beyond the lead, the sentences with at least this many entity mentions (an event with
#: a source and a target names two actors)
FOCUS_MENTIONS = 2


@dataclass(frozen=True)
class Sparing:
    """Which of the gate's sentences the encoder is spared, in an article of more than
    ``learned.SHORT_ARTICLE`` sentences (sentences read alone always go to the encoder):

    - ``rules_alone``: a sentence whose rule events are all of types the classifier never changed
      on the training split (no right addition beside them out of fold, :data:`RULE_READINGS`);
    - ``focus``: beyond the first ``lead`` sentences, a sentence with fewer than ``mentions``
      entity mentions.

    A rule event of a spared sentence keeps its type and actors, with its type's calibrated
    rule-only confidence instead of the mean with the classifier's probability."""

    rules_alone: bool = False
    focus: bool = False
    lead: int = FOCUS_LEAD
    mentions: int = FOCUS_MENTIONS

    @property
    def active(self) -> bool:
        return self.rules_alone or self.focus

    def spares(self, index: int, mentions: int, rule_types: frozenset[str]) -> bool:
        """Whether sentence ``index`` (of a long article, with ``mentions`` entity mentions and rule
        events of ``rule_types``) is left to the rules."""
        if self.rules_alone and rule_types and all(stands_alone(t) for t in rule_types):
            return True
        return self.focus and index >= self.lead and mentions < self.mentions


def stands_alone(type_: str) -> bool:
    """Whether a rule event of ``type_`` never had a right type added beside it by the classifier
    on the training split (out of fold)."""
    reading = RULE_READINGS.get(type_)
    return reading is not None and reading.right_additions == 0


def rule_confidence(type_: str, confidence: float) -> float:
    """The confidence of a rule event no classifier read: its type's calibrated rule precision
    (held-out split, the 45 rule events of standing types: Brier 0.061, expected calibration error
    0.030, against 0.109 and 0.226 for the mean with the classifier's probability; every type: 0.095
    and 0.025 against 0.101 and 0.185; ``python scripts/measure_rule_alone.py``), else the rule's own."""
    reading = RULE_READINGS.get(type_)
    return reading.confidence if reading is not None else confidence
