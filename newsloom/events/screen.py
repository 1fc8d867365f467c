"""The cheap first pass of the event classifier: logistic regression over hashed word n-grams,
distilled from the learned classifier (``events/classifier.py``) on its training sentences.

It reads a sentence in microseconds where the encoder takes tens of milliseconds, and gives each
PLOVER type a probability that approximates the classifier's. The events stage trusts it where it
is sure (every type clearly under or over the probability the decision needs) and calls the
encoder only for the sentences where it is not (see ``events/learned.py``). The weights ship as
``data/screen.npz`` (only the hash buckets seen in training); ``scripts/train_events.py`` rebuilds
them with the classifier.
"""

from __future__ import annotations

import json
import re
import unicodedata
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

ARTIFACT = "data/screen.npz"
#: Hash space of the n-gram features (a collision merges two features; 2^20 keeps them rare).
HASH_BITS = 20
#: Words longer than this also give their prefix of this length as a feature (a crude stem:
#: "protested", "protesters" -> "prote"; Indonesian and French inflect by affixes).
PREFIX = 5
WORD = re.compile(r"\w+")


def sentence_features(text: str) -> list[int]:
    """Hash buckets of a sentence's lowercased words, word pairs and word prefixes (distinct)."""
    words = WORD.findall(unicodedata.normalize("NFC", text).lower())
    grams = [f"w {w}" for w in words]
    grams += [f"b {a} {b}" for a, b in zip(words, words[1:], strict=False)]
    grams += [f"p {w[:PREFIX]}" for w in words if len(w) > PREFIX]
    mask = (1 << HASH_BITS) - 1
    return sorted({zlib.crc32(g.encode("utf-8")) & mask for g in grams})


@dataclass(frozen=True)
class SentenceScreen:
    """Per-type weights of the hashed features that training saw (``buckets`` sorted)."""

    types: tuple[str, ...]
    buckets: np.ndarray  # (k,) int64, sorted
    weights: np.ndarray  # (k, types)
    bias: np.ndarray  # (types,)
    metadata: dict[str, Any] = field(default_factory=dict)

    def logits(self, texts: Sequence[str]) -> np.ndarray:
        found = np.tile(self.bias.astype(np.float32), (len(texts), 1))
        for row, text in enumerate(texts):
            features = np.asarray(sentence_features(text), dtype=np.int64)
            if not len(features) or not len(self.buckets):
                continue
            where = np.minimum(np.searchsorted(self.buckets, features), len(self.buckets) - 1)
            hits = where[self.buckets[where] == features]
            found[row] += self.weights[hits].sum(axis=0)
        return found

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """Each text's probability of each type, an estimate of the classifier's: ``(n, types)``."""
        if not texts:
            return np.zeros((0, len(self.types)), dtype=np.float32)
        return np.asarray(1.0 / (1.0 + np.exp(-self.logits(texts))), dtype=np.float32)

    def save(self, path: str) -> None:
        np.savez_compressed(
            path,
            types=np.asarray(self.types),
            buckets=self.buckets.astype(np.int64),
            weights=self.weights.astype(np.float16),
            bias=self.bias.astype(np.float32),
            metadata=np.asarray(json.dumps(self.metadata)),
        )

    @classmethod
    def load(cls, handle: Any) -> SentenceScreen:
        data = np.load(handle, allow_pickle=False)
        return cls(
            types=tuple(str(t) for t in data["types"]),
            buckets=np.asarray(data["buckets"], dtype=np.int64),
            weights=np.asarray(data["weights"], dtype=np.float32),
            bias=np.asarray(data["bias"], dtype=np.float32),
            metadata=json.loads(str(data["metadata"])),
        )


@cache
def load_screen() -> SentenceScreen:
    """The shipped first pass (``newsloom/events/data/screen.npz``), loaded once per process."""
    path = resources.files("newsloom.events").joinpath(ARTIFACT)
    if not path.is_file():
        raise FileNotFoundError(
            f"The event classifier's first pass {ARTIFACT} is missing from newsloom/events; rebuild it "
            "with 'python scripts/train_events.py'."
        )
    with path.open("rb") as handle:
        return SentenceScreen.load(handle)
