"""One encoder cache per process: the events classifier and the stories embed stage encode a text
both need once, and get the same vector for it."""

from __future__ import annotations

import numpy as np
import pytest

import newsloom.encoder
from newsloom.encoder import clear_process_caches, process_cache
from newsloom.events.classifier import embed_sentences
from newsloom.settings import Settings
from newsloom.stories import embed
from newsloom.stories.embed import make_encoder
from newsloom.stories.stage import EmbedStage, article_passage
from tests.stories.helpers import FAKE, BagOfWordsEncoder, fake_encoder, make_article

__all__ = ["fake_encoder"]  # the fixture, imported for pytest


def test_encoders_of_one_name_share_the_process_cache(fake_encoder: BagOfWordsEncoder) -> None:
    first, second = make_encoder(FAKE), make_encoder(FAKE, batch_size=4)
    assert first.cache is second.cache is process_cache(FAKE)
    vectors = first.encode(["Troops crossed the border on Monday.", "The talks resumed."])
    again = second.encode(["The talks resumed.", "Troops crossed the border on Monday."])
    assert np.array_equal(again, vectors[::-1])
    assert sum(len(call) for call in fake_encoder.calls) == 2  # the second encoder encoded nothing


def test_a_text_both_stages_need_is_encoded_once_with_the_same_vector(
    fake_encoder: BagOfWordsEncoder,
) -> None:
    article = make_article("one", "Police dispersed the protesters in the capital on Friday.")
    passage = article_passage(article)
    sentences = embed_sentences([passage, "Another sentence of the report."], make_encoder(FAKE))
    assert len(fake_encoder.calls) == 1
    done = EmbedStage(Settings(encoder=FAKE))(article)
    assert len(fake_encoder.calls) == 1  # the stage found the classifier's vector
    assert done.embedding == tuple(float(x) for x in sentences[0])


def test_clearing_empties_every_encoder_s_cache_in_place(fake_encoder: BagOfWordsEncoder) -> None:
    encoder = make_encoder(FAKE)
    encoder.encode(["The minister resigned."])
    clear_process_caches()
    encoder.encode(["The minister resigned."])
    assert len(fake_encoder.calls) == 2


def test_another_encoder_name_has_another_cache(
    fake_encoder: BagOfWordsEncoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Other(BagOfWordsEncoder):
        name = "other-bow"

    monkeypatch.setattr(newsloom.encoder, "_CACHES", {})
    embed.register_encoder("other-bow", Other)
    assert make_encoder("other-bow").cache is not make_encoder(FAKE).cache


def test_a_process_cache_is_bounded_least_recently_used_out_first() -> None:
    from newsloom.encoder import ProcessCache

    cache = ProcessCache(max_entries=2)
    for key in ("a", "b"):
        cache.put(key, np.ones(2, dtype=np.float32))
    assert cache.get("a") is not None  # "b" is now the least recently used
    cache.put("c", np.zeros(2, dtype=np.float32))
    assert cache.get("b") is None and cache.get("a") is not None and len(cache) == 2
