"""Words beside the sentence vector: the lexical features of the event-type classifier.

A sentence vector blurs the words that decide a PLOVER type ("imposed" against "lifted", "denied"
against "admitted"); a sparse bag of the sentence's words and word bigrams keeps them. Words are
lower-cased, "n't" is read as "not", each word is cut to a stem by a small suffix stripper
(:func:`stem`), and no stop word is removed: negation and hedge words ("not", "may", "would") are
features. The vocabulary (:class:`Vocabulary`) is built from training sentences, a term kept where
it occurs in at least ``MIN_COUNT`` of them; a sentence's features are binary, L2-normalised, so a
long sentence weighs as much as a short one. numpy only; scipy is imported for training alone.

Round 17 gave the French, Vietnamese and Indonesian readers words too, with the ``plain`` tokenizer
(:data:`TOKENIZERS`): lower-cased words, no stemmer and no contraction rule (the stemmer is English's);
a Vietnamese word is a syllable, so its bigrams are the syllable pairs that make most of its words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

#: A term is kept in the vocabulary where it occurs in at least this many training sentences.
MIN_COUNT = 2
WORD = re.compile(r"[^\W_]+", re.UNICODE)
#: English contractions of "not" ("didn't", "won't", "can't") read as the word "not".
NOT_CONTRACTION = re.compile(r"(?:n['’]t)\b", re.IGNORECASE)
#: Suffixes cut from a word, longest first, each with the shortest stem it may leave (a small stemmer:
#: "sanctions", "sanctioned", "sanctioning" -> "sanction"; "imposes", "imposed", "impose" -> "impos").
SUFFIXES: tuple[tuple[str, str, int], ...] = (
    ("ies", "y", 3),
    ("ied", "y", 3),
    ("ing", "", 3),
    ("ed", "", 3),
    ("es", "e", 3),
    ("s", "", 3),
)


def stem(word: str) -> str:
    """A word's stem: one suffix of :data:`SUFFIXES` cut, a final "e" dropped, a doubled final
    consonant made single ("stopped" -> "stop")."""
    for suffix, replacement, least in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= least:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                break
            word = word[: len(word) - len(suffix)] + replacement
            break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]
    return word


#: How a vocabulary cuts a sentence into words: "en" (English: "n't" read as "not", each word
#: stemmed) or "plain" (lower-cased words as written: French, Vietnamese syllables, Indonesian).
TOKENIZERS = ("en", "plain")


def words_of(text: str, tokenizer: str = "en") -> list[str]:
    """The words of a sentence, in order: stems for "en" ("didn't" -> "did", "not"), lower-cased
    words for "plain"."""
    if tokenizer == "plain":
        return WORD.findall(text.lower())
    if tokenizer != "en":
        raise ValueError(f"unknown tokenizer {tokenizer!r}; use one of {TOKENIZERS}")
    text = NOT_CONTRACTION.sub(" not", text.lower())
    return [stem(w) for w in WORD.findall(text)]


def terms_of(text: str, tokenizer: str = "en") -> set[str]:
    """A sentence's terms: its words (stems for "en") and the pairs of adjacent words ("lift ban")."""
    words = words_of(text, tokenizer)
    return set(words) | {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)}


@dataclass(frozen=True)
class Vocabulary:
    """The terms the lexical model reads, in the order of its weights' columns."""

    terms: tuple[str, ...]
    tokenizer: str = "en"
    index: dict[str, int] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.tokenizer not in TOKENIZERS:
            raise ValueError(f"unknown tokenizer {self.tokenizer!r}; use one of {TOKENIZERS}")
        object.__setattr__(self, "index", {t: i for i, t in enumerate(self.terms)})

    def __len__(self) -> int:
        return len(self.terms)

    def columns(self, text: str) -> list[int]:
        """The sorted columns of the vocabulary's terms a sentence holds."""
        return sorted(self.index[t] for t in terms_of(text, self.tokenizer) if t in self.index)

    def logits(self, texts: Sequence[str], weights: np.ndarray) -> np.ndarray:
        """``(n, rows of weights)``: each text's features (binary, L2-normalised) times ``weights.T``."""
        found = np.zeros((len(texts), weights.shape[0]), dtype=np.float32)
        for i, text in enumerate(texts):
            columns = self.columns(text)
            if columns:
                found[i] = weights[:, columns].sum(axis=1) / np.sqrt(len(columns))
        return found

    def matrix(self, texts: Sequence[str]) -> Any:
        """The texts' features as a scipy CSR matrix ``(n, len(self))`` (training only)."""
        from scipy.sparse import csr_matrix

        rows: list[int] = []
        cols: list[int] = []
        values: list[float] = []
        for i, text in enumerate(texts):
            columns = self.columns(text)
            if not columns:
                continue
            rows.extend([i] * len(columns))
            cols.extend(columns)
            values.extend([1.0 / np.sqrt(len(columns))] * len(columns))
        return csr_matrix((values, (rows, cols)), shape=(len(texts), len(self)), dtype=np.float64)


def build_vocabulary(texts: Iterable[str], min_count: int = MIN_COUNT, tokenizer: str = "en") -> Vocabulary:
    """The terms that occur in at least ``min_count`` of ``texts``, sorted (label-free: a term's
    weight is learned only from the sentences of a training fold that hold it)."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(terms_of(text, tokenizer))
    return Vocabulary(tuple(sorted(t for t, n in counts.items() if n >= min_count)), tokenizer)
