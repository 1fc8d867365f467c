"""The learned skip: of the sentences the prefilter still sends to the encoder, those whose vector is
unlikely to change the events stage's output (issue #18, session 16).

The prefilter (``events/prefilter.py``) was trained on the sentences before it, with its caps applied
after; this model is trained on the sentences the shipped stage actually embeds (gate, sparing,
prefilter and its caps), labelled by whether the sentence's vector changes its events (type,
source, target) against its rule events alone: ``scripts/train_skip.py``, training text only
(SemEval-2022 Task 8 TRAINING texts, the training split of the project's labelled sentences). Its
features are what the stage knows without the encoder (:class:`SkipSignals`): the sentence's cap
kind and language, its rule events' types and confidences, the pack's trigger words in it, its
entity mentions and their kinds, its position and length, whether the pack's cues read it as
asserted, and hashed words and word pairs. Not the prefilter's probability: the prefilter was
trained on the same training sentences, so on them it is in-sample and would look better than it is. A sentence read alone (an article of
at most ``SHORT_ARTICLE`` sentences) is never skipped.

Session 17: the model may also read the sentence's first-pass vector (``events/firstpass.py``, a
static word table distilled from the encoder; ``dense``) and the classifier's margins on the first
pass's estimate of the encoder's vector (``margins``). Measured, not shipped: on SemEval training
rows it ranks changed sentences better than words (out-of-fold AUC 0.62 against 0.57; the encoder's
own vector gives 0.72, the classifier's reading of it 0.95) and saves 21% of the stage's encoder
tokens on 100 unseen SemEval training texts with every changed sentence still sent, but nothing on
the gold articles (pack languages), where the rule asked for 20% too (``scripts/train_skip.py
--features firstpass``, ``bench/event_texts.py --skip``, ``bench/firstpass.py``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import numpy as np

from newsloom.events.classifier import read_artifact
from newsloom.events.firstpass import FirstPassTable, load_firstpass
from newsloom.events.gate import feature_columns

SKIP_ARTIFACT = "data/skip.json"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class SkipSignals:
    """What the stage knows of a sentence it would embed, without any vector (built by
    ``prefilter.skip_signals``)."""

    text: str
    language: str
    kind: str  # the prefilter's cap kind: packless, rule, plain, plain_paired
    rule_confidences: tuple[tuple[str, float], ...]  # its rule events' (type, confidence)
    triggers: int  # trigger words of its pack in it
    mention_types: tuple[str, ...]  # its entity mentions' types, in order
    index: int
    sentences: int  # sentences in the article
    asserted: bool


def skip_features(signals: SkipSignals) -> list[str]:
    """The model's features: the signals as words (numbers in a few bins, alone and crossed with the
    kind) and the sentence's case-folded words and word pairs."""
    kind = signals.kind
    words = _WORD.findall(signals.text.casefold())
    confidences = [c for _, c in signals.rule_confidences]
    place = signals.index / max(1, signals.sentences - 1)
    bins = {
        "lang": signals.language,
        "rules": str(min(len(confidences), 3)),
        "conf": f"{min(confidences, default=0.0):.1f}",
        "maxconf": f"{max(confidences, default=0.0):.1f}",
        "triggers": str(min(signals.triggers, 3)),
        "mentions": str(min(len(signals.mention_types), 4)),
        "index": str(min(signals.index, 6)),
        "place": f"{round(place * 4)}",
        "length": str(min(len(words) // 8, 6)),
        "asserted": str(int(signals.asserted)),
    }
    found = [f"kind:{kind}"]
    for name, value in bins.items():
        found.append(f"{name}:{value}")
        found.append(f"{kind}|{name}:{value}")
    found.extend(f"{kind}|rule:{t}" for t, _ in signals.rule_confidences)
    found.extend(f"{kind}|rule:{t}|{c:.1f}" for t, c in signals.rule_confidences)
    found.extend(f"{kind}|entity:{t}" for t in sorted(set(signals.mention_types)))
    found.append(f"{kind}|entities:{'+'.join(sorted(set(signals.mention_types)))}")
    found.extend(f"w:{w}" for w in words)
    found.extend(f"b:{a} {b}" for a, b in zip(words, words[1:], strict=False))
    return found


@dataclass(frozen=True)
class SkipModel:
    """Logistic weights over hashed :func:`skip_features` and the bar under which a sentence the
    prefilter kept is not embedded after all."""

    buckets: int
    weights: dict[int, float]
    bias: float
    bar: float
    metadata: dict[str, Any] = field(default_factory=dict)
    #: weights of the sentence's first-pass vector (``events/firstpass.py``) times ``dense_scale``;
    #: empty: the model reads no vector
    dense: tuple[float, ...] = ()
    dense_scale: float = 1.0
    #: the dense part also reads the classifier's margins on the first pass's estimate of the
    #: encoder's vector (:func:`dense_features`)
    margins: bool = False
    #: the first-pass table ``dense`` was fitted on (None: the shipped one); not part of the JSON
    table: FirstPassTable | None = field(default=None, compare=False, repr=False)

    def probability(self, signals: SkipSignals) -> float:
        """The estimated probability that the sentence's vector changes its events."""
        logit = self.bias
        if self.buckets:
            columns = feature_columns(skip_features(signals), self.buckets)
            logit += sum(self.weights.get(c, 0.0) * v for c, v in columns.items())
        if self.dense:
            found = dense_features(self.table or load_firstpass(), signals, self.margins)
            if len(found) != len(self.dense):
                raise ValueError(
                    f"the skip model reads {len(self.dense)} first-pass features, the table gives "
                    f"{len(found)}: rebuild it with 'python scripts/train_skip.py --features firstpass'"
                )
            logit += self.dense_scale * float(np.asarray(self.dense, dtype=np.float32) @ found)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit))))

    def skips(self, signals: SkipSignals) -> bool:
        return self.probability(signals) < self.bar

    def to_json(self) -> dict[str, Any]:
        return {
            "metadata": self.metadata,
            "buckets": self.buckets,
            "bias": round(self.bias, 5),
            "bar": round(self.bar, 5),
            "weights": {str(c): round(w, 3) for c, w in sorted(self.weights.items()) if round(w, 3)},
            **(
                {"dense": [round(w, 4) for w in self.dense], "dense_scale": self.dense_scale}
                if self.dense
                else {}
            ),
            **({"margins": True} if self.margins else {}),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], where: str = SKIP_ARTIFACT) -> SkipModel:
        try:
            return cls(
                buckets=int(data["buckets"]),
                weights={int(c): float(w) for c, w in data["weights"].items()},
                bias=float(data["bias"]),
                bar=float(data["bar"]),
                metadata=dict(data.get("metadata", {})),
                dense=tuple(float(w) for w in data.get("dense", ())),
                dense_scale=float(data.get("dense_scale", 1.0)),
                margins=bool(data.get("margins", False)),
            )
        except (AttributeError, KeyError, TypeError, ValueError) as exc:
            raise ValueError(
                f"{where}: not a skip model ({exc!r}); rebuild it with 'python scripts/train_skip.py'"
            ) from exc


def dense_features(table: FirstPassTable, signals: SkipSignals, margins: bool = False) -> np.ndarray:
    """The sentence's first-pass vector and, with ``margins``, the classifier of its language read on
    the first pass's estimate of the encoder's vector: each type's probability minus its threshold."""
    vector = table.vector(signals.text)
    if not margins:
        return vector
    from newsloom.events.classifier import load_classifier

    classifier = load_classifier().for_language(signals.language)
    probabilities = classifier.probabilities(table.estimate(signals.text)[None, :], [signals.text])[0]
    return np.concatenate([vector, probabilities - classifier.thresholds]).astype(np.float32)


@cache
def load_skip() -> SkipModel:
    """The shipped skip model (``newsloom/events/data/skip.json``), loaded once per process."""
    fix = "rebuild it with 'python scripts/train_skip.py'."
    return SkipModel.from_json(read_artifact(SKIP_ARTIFACT, "The encoder skip model", fix))
