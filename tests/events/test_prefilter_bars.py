"""A prefilter bar of its own for a cap kind (``Prefilter.bar``): an artifact can hold the plain
sentences naming two or more entities ("plain_paired") to another bar than the other plain ones
(issue #18, session 15: measured, not shipped; ``python bench/event_texts.py --bars plain_paired``)."""

from __future__ import annotations

import dataclasses

from newsloom.events.extract import extract_events
from newsloom.events.learned import candidate_sentences
from newsloom.events.prefilter import Prefilter, cap_kind, sentence_signals
from tests.events.helpers import make_article
from tests.events.test_gate import NAMES
from tests.events.test_gate_sparing import LONG

KINDS = ("packless", "plain", "rule")


def test_a_bar_for_plain_paired_holds_those_sentences_and_leaves_the_other_plain_ones_to_the_plain_bar() -> (
    None
):
    article = make_article(LONG + " Ghada Waly and Bùi Thanh Sơn wore blue scarves and smiled.", "en", NAMES)
    events = extract_events(article)
    candidates = candidate_sentences(article, events)
    signals = {i: sentence_signals(article, i, events) for i in candidates}
    plain = [i for i in candidates if signals[i].kind == "plain"]
    assert [cap_kind(signals[i]) for i in plain] == ["plain", "plain_paired"]
    # every sentence scores 0.525 (bias 0.1): over the kinds' bar 0.5
    prefilter = Prefilter(1 << 16, {}, bias=0.1, bars=dict.fromkeys(KINDS, 0.5))
    assert prefilter.kept(article, events, candidates) == candidates
    held = dataclasses.replace(prefilter, bars={**prefilter.bars, "plain_paired": 0.6})
    assert held.bar(signals[plain[1]]) == 0.6 and held.bar(signals[plain[0]]) == 0.5
    kept = held.kept(article, events, candidates)
    assert plain[1] not in kept and plain[0] in kept
    assert kept == [i for i in candidates if i != plain[1]]
    assert not held.needs_encoder(signals[plain[1]]) and held.needs_encoder(signals[plain[0]])
    # the bar is written and read back with the artifact
    assert Prefilter.from_json(held.to_json()).bars["plain_paired"] == 0.6
