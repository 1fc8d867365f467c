"""The events stage over a batch: one encoder call, each distinct sentence once, the cheap first
pass trusted only where it is sure, and the same articles as one by one (hand-made classifier,
first pass and encoder: no model loaded)."""

from __future__ import annotations

import numpy as np
import pytest

from newsloom.events.learned import Combination, Screening, classify_batch, needed_probabilities, sure
from newsloom.events.screen import SentenceScreen, load_screen, sentence_features
from newsloom.events.stage import EventFinder, EventSettings
from newsloom.events.types import PLOVER_TYPES
from tests.events.helpers import SON, WALY, make_article
from tests.events.test_learned import POLICE, PROTESTERS, KeywordEncoder, _classifier

REPORTS = (
    "Police fired tear gas at Students who marched on parliament. Bùi Thanh Sơn received Ghada Waly.",
    "Bùi Thanh Sơn received Ghada Waly. Bùi Thanh Sơn thanked Ghada Waly for the visit to Hanoi.",
    "It rained all day in Hanoi and the markets were quiet.",
    "Students marched to the ministry on Friday. Police arrested Students outside the ministry.",
)
NAMES = {"Police": POLICE, "Students": PROTESTERS, "Bùi Thanh Sơn": SON, "Ghada Waly": WALY}


def _articles():
    return [make_article(text, "en", NAMES, article_id=f"a{i}") for i, text in enumerate(REPORTS)]


def _finder(monkeypatch, encoder, screen: SentenceScreen | None, band: float = 0.25) -> EventFinder:
    monkeypatch.setattr("newsloom.events.classifier.load_classifier", _classifier)
    monkeypatch.setattr("newsloom.events.screen.load_screen", lambda: screen)
    return EventFinder(EventSettings(screen=screen is not None, screen_band=band), encoder)


def _word_screen(words: dict[str, tuple[str, float]], languages=("en",)) -> SentenceScreen:
    """A first pass whose only features are single words, each pushing one type's logit."""
    buckets = {}
    for word, (type_, logit) in words.items():
        features = sentence_features(word)  # the word, and its prefix if it is long
        for bucket in features:
            row = buckets.setdefault(bucket, np.zeros(len(PLOVER_TYPES), dtype=np.float32))
            row[PLOVER_TYPES.index(type_)] += logit / len(features)
    order = sorted(buckets)
    return SentenceScreen(
        types=PLOVER_TYPES,
        buckets=np.asarray(order, dtype=np.int64),
        weights=np.asarray([buckets[b] for b in order], dtype=np.float32),
        bias=np.full(len(PLOVER_TYPES), -6.0, dtype=np.float32),  # p = 0.0025 without any
        metadata={"languages": list(languages)},
    )


def test_a_batch_gives_what_one_by_one_gives_in_one_encoder_call(monkeypatch):
    encoder = KeywordEncoder()
    finder = _finder(monkeypatch, encoder, None)
    one_by_one = [finder(article) for article in _articles()]
    calls = len(encoder.calls)
    batch = finder.pipe(_articles())
    assert batch == one_by_one
    assert len(encoder.calls) == calls + 1  # the whole batch in one call
    texts = encoder.calls[-1]
    assert len(texts) == len(set(texts))  # "Bùi Thanh Sơn received Ghada Waly." embedded once
    assert "It rained all day in Hanoi and the markets were quiet." not in texts  # no candidate
    assert {e.type for e in batch[0].events} >= {"COERCE", "PROTEST", "CONSULT"}


def test_the_first_pass_decides_where_it_is_sure_and_the_encoder_reads_the_rest(monkeypatch):
    # the rules find PROTEST in "Police fired tear gas at Students who marched..."; beside it a type
    # needs 0.8: the first pass gives COERCE 0.73 ("tear"), unsure at a band of 0.15, so the
    # encoder reads that sentence (COERCE 0.95) and nothing else (every other sentence is sure)
    screen = _word_screen({"marched": ("PROTEST", 10.0), "tear": ("COERCE", 7.0)})
    encoder = KeywordEncoder()
    finder = _finder(monkeypatch, encoder, screen, band=0.15)
    batch = finder.pipe(_articles())
    assert batch == [finder(article) for article in _articles()]
    embedded = {t for call in encoder.calls for t in call}
    assert embedded == {"Police fired tear gas at Students who marched on parliament."}
    assert any(e.type == "COERCE" and e.sentence == 0 and e.classifier == "model" for e in batch[0].events)
    # trusted everywhere (band 0), the first pass alone decides: COERCE 0.73 < 0.8, no event
    encoder = KeywordEncoder()
    alone = _finder(monkeypatch, encoder, screen, band=0.0).pipe(_articles())
    assert encoder.calls == [] and not any(e.type == "COERCE" for e in alone[0].events)


def test_a_language_the_first_pass_never_saw_goes_to_the_encoder(monkeypatch):
    screen = _word_screen({"marched": ("PROTEST", 10.0)}, languages=("vi",))
    encoder = KeywordEncoder()
    finder = _finder(monkeypatch, encoder, screen)
    finder.pipe(_articles())
    assert any("marched" in t for call in encoder.calls for t in call)


def test_sure_means_every_type_a_band_away_from_its_decision():
    needed = needed_probabilities(_classifier(), Combination(), beside_rules=False)
    assert needed.shape == (len(PLOVER_TYPES),) and float(needed.min()) == pytest.approx(0.6)
    low = np.full(len(PLOVER_TYPES), 0.05, dtype=np.float32)
    assert sure(low, needed, 0.25)
    high = low.copy()
    high[3] = 0.99
    assert sure(high, needed, 0.25)
    near = low.copy()
    near[3] = 0.5
    assert not sure(near, needed, 0.25) and sure(near, needed, 0.05)
    assert not sure(low, needed, 1.5)  # a band above 1: the encoder reads everything


def test_classify_batch_keeps_articles_without_candidates():
    article = make_article("It rained.", "en", {})
    assert classify_batch([article], [[]], _classifier(), KeywordEncoder(), screening=Screening()) == [[]]


def test_a_screen_survives_saving_and_loading(tmp_path):
    screen = _word_screen({"marched": ("PROTEST", 10.0)})
    screen.save(str(tmp_path / "screen.npz"))
    loaded = SentenceScreen.load(str(tmp_path / "screen.npz"))
    assert loaded.types == screen.types and loaded.metadata == screen.metadata
    texts = ["Students marched on Friday.", "Nothing happened."]
    assert np.allclose(loaded.probabilities(texts), screen.probabilities(texts), atol=1e-3)
    assert loaded.probabilities(texts)[0, PLOVER_TYPES.index("PROTEST")] > 0.9
    assert loaded.probabilities(texts)[1].max() < 0.01


def test_the_shipped_first_pass_matches_the_classifier_it_was_distilled_from():
    from newsloom.events.classifier import load_classifier

    screen = load_screen()
    assert screen.types == load_classifier().types
    assert set(screen.metadata["languages"]) >= {"en", "vi", "id", "fr"}
    assert len(screen.buckets) == screen.weights.shape[0] and np.all(np.diff(screen.buckets) > 0)
