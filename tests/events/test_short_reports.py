"""A sentence read alone (a one-sentence report, as the held-out PLOVER evaluation reads its
sentences) is always read by the classifier, even without a trigger word or an entity mention;
in a longer article the same sentence still needs one (no model loaded: a hand-made classifier)."""

from __future__ import annotations

import dataclasses

import numpy as np

from newsloom.events.classifier import EventClassifier
from newsloom.events.learned import SHORT_ARTICLE, Combination, add_classifier_events, candidate_sentences
from newsloom.events.types import PLOVER_TYPES
from tests.events.helpers import make_article

CHAIN = "Thousands of villagers formed a human chain along the river."


class ChainEncoder:
    """Flags the words "human chain"; counts what it was given."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def encode(self, texts):
        self.seen += list(texts)
        return np.asarray([[1.0 if "human chain" in t else 0.0] for t in texts], dtype=np.float32)


def _protest_classifier() -> EventClassifier:
    weights = np.zeros((len(PLOVER_TYPES), 1), dtype=np.float32)
    weights[PLOVER_TYPES.index("PROTEST"), 0] = 6.0
    return EventClassifier(
        types=PLOVER_TYPES,
        weights=weights,
        bias=np.full(len(PLOVER_TYPES), -3.0, dtype=np.float32),
        thresholds=np.full(len(PLOVER_TYPES), 0.5, dtype=np.float32),
        platt=(1.0, 0.0),
    )


def test_a_sentence_alone_is_read_without_trigger_or_mention():
    article = make_article(CHAIN, "en", {})
    assert not article.entities and len(article.sentences) <= SHORT_ARTICLE
    for reach in ("mentions", "triggers", "events"):
        assert candidate_sentences(article, [], reach) == [0]
    encoder = ChainEncoder()
    events = add_classifier_events(article, [], _protest_classifier(), encoder)
    assert encoder.seen == [CHAIN]
    assert [(e.type, e.classifier, e.source) for e in events] == [("PROTEST", "model", ())]


def test_in_a_longer_article_the_same_sentence_still_needs_a_trigger_or_mention():
    text = (
        "The dam was finished in 1998 after a decade of work. "
        "It supplies water to about two million people downstream. "
        f"{CHAIN} "
        "The provincial governor has not commented on the project so far."
    )
    article = make_article(text, "en", {})
    assert len(article.sentences) > SHORT_ARTICLE
    chain = next(i for i, s in enumerate(article.sentences) if "human chain" in s.text)
    assert chain not in candidate_sentences(article, [], "mentions")


def test_a_sentence_alone_takes_the_short_bar_and_a_long_article_the_usual_one():
    weak = dataclasses.replace(_protest_classifier(), bias=np.full(len(PLOVER_TYPES), -5.5, dtype=np.float32))
    # p(PROTEST) = sigmoid(0.5) = 0.62 with the cue: over a bar of 0.55, under one of 0.7
    short_low = Combination(short_alone=0.55, alone=0.7)
    short_high = Combination(short_alone=0.7, alone=0.55)
    article = make_article(CHAIN, "en", {})
    assert [e.type for e in add_classifier_events(article, [], weak, ChainEncoder(), short_low)] == [
        "PROTEST"
    ]
    assert add_classifier_events(article, [], weak, ChainEncoder(), short_high) == []
    long_text = f"The dam was finished in 1998 after a decade of work. {CHAIN} It supplies water to two million people."
    villagers = {"villagers": ("organization", "org:villagers", "villagers", None, None)}
    long_article = make_article(long_text, "en", villagers)
    assert len(long_article.sentences) > SHORT_ARTICLE
    found = add_classifier_events(long_article, [], weak, ChainEncoder(), short_high)
    assert [(e.type, e.sentence) for e in found] == [("PROTEST", 1)]
    assert add_classifier_events(long_article, [], weak, ChainEncoder(), short_low) == []
