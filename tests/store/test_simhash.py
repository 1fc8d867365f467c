"""The simhash written for speed (issue #18) gives the very values the stored articles hold: the
straightforward form it replaced is kept here as the reference."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest

from newsloom.store.articles import hash_words, simhash
from tests.conftest import EXAMPLES


def reference_simhash(text: str) -> int:
    words = hash_words(text)
    shingles = [" ".join(words[i : i + 3]) for i in range(max(1, len(words) - 2))]
    digests = b"".join(hashlib.blake2b(s.encode(), digest_size=8).digest() for s in shingles)
    bits = np.unpackbits(np.frombuffer(digests, dtype=np.uint8).reshape(len(shingles), 8), axis=1)
    votes = bits.sum(axis=0, dtype=np.int64) * 2 - len(shingles)
    value = int("".join("1" if v > 0 else "0" for v in votes), 2)
    return value - (1 << 64) if value >= 1 << 63 else value


@pytest.mark.parametrize("text", ["", "  ,, ", "một", "Bùi Thanh", "Bùi Thanh Sơn", "A b c d", "x " * 500])
def test_short_and_odd_bodies_hash_as_before(text: str) -> None:
    assert simhash(text) == reference_simhash(text)


def test_every_example_hashes_as_before() -> None:
    bodies = [
        p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.rglob("*")) if p.suffix in (".txt", ".html")
    ]
    assert len(bodies) >= 5
    values = [simhash(b) for b in bodies]
    assert values == [reference_simhash(b) for b in bodies]
    assert any(v < 0 for v in values) and any(v > 0 for v in values)  # both halves of the signed range
