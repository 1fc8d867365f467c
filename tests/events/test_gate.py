"""The sentence gate before the encoder: what it always sends, what it may skip, its artifact."""

from __future__ import annotations

import json

import numpy as np

from newsloom.events.extract import extract_events
from newsloom.events.gate import SentenceGate, Sparing, bucket, feature_columns, gate_features, load_gate
from newsloom.events.learned import add_classifier_events, candidate_sentences, gated, sentence_signals
from newsloom.events.stage import EventFinder, EventSettings
from newsloom.settings import Settings
from tests.events.helpers import SON, WALY, make_article
from tests.events.test_learned import KeywordEncoder, _classifier

#: a gate that skips every sentence it may skip (no weights, a bar above any probability)
NOTHING = SentenceGate(1024, {}, 0.0, 1.01, frozenset({"en"}))
#: ... and one that sends every sentence (a bar any probability reaches)
EVERYTHING = SentenceGate(1024, {}, 0.0, 0.0, frozenset({"en"}))

POLICE = ("organization", "org:police", "Police", None, None)
PROTESTERS = ("organization", "org:students", "Students", None, None)
TEXT = (
    "Police fired tear gas at Students who marched on parliament. It rained all day in the city. "
    "Bùi Thanh Sơn received Ghada Waly in the capital on Monday. Ghada Waly wore a blue scarf and smiled."
)
NAMES = {"Police": POLICE, "Students": PROTESTERS, "Bùi Thanh Sơn": SON, "Ghada Waly": WALY}


def _article(lang: str = "en"):
    return make_article(TEXT, lang, NAMES)


def test_features_are_words_pairs_language_mentions_and_trigger() -> None:
    found = gate_features("Troops Crossed the border", "en", 5, True)
    assert "w:crossed" in found and "b:troops crossed" in found
    assert found[-3:] == ["lang:en", "mentions:3", "trigger:1"]  # mentions capped at 3
    assert bucket("w:crossed", 1 << 18) == bucket("w:crossed", 1 << 18) < 1 << 18
    assert sum(feature_columns(["w:a", "w:a", "w:b"], 1 << 18).values()) == 3


def test_rule_event_sentences_and_unknown_languages_always_reach_the_encoder() -> None:
    article = _article()
    events = extract_events(article)
    candidates = candidate_sentences(article, events)
    with_events = sorted({e.sentence for e in events})
    assert with_events and set(with_events) < set(candidates)
    assert gated(article, events, candidates, NOTHING) == with_events
    assert gated(article, events, candidates, EVERYTHING) == candidates
    french = SentenceGate(1024, {}, 0.0, 1.01, frozenset({"fr"}))
    assert gated(article, events, candidates, french) == candidates  # English: the gate does not know it


def test_an_article_read_alone_keeps_every_candidate() -> None:
    article = make_article("Bùi Thanh Sơn received Ghada Waly in the capital on Monday.", "en", NAMES)
    candidates = candidate_sentences(article, [])
    assert candidates == [0]
    assert gated(article, [], candidates, NOTHING) == [0]


def test_the_gate_scores_with_its_weights() -> None:
    article = _article()
    text = article.sentences[3].text
    language, mentions, trigger = sentence_signals(article, 3)
    assert (language, mentions) == ("en", 1)
    column = bucket("w:scarf", 1024)
    keen = SentenceGate(1024, {column: 5.0}, -2.0, 0.5, frozenset({"en"}))
    assert keen.score(text, language, mentions, trigger) > 0.9 > keen.score("It rained.", "en", 0, False)
    events = extract_events(article)
    candidates = candidate_sentences(article, events)
    assert 3 in candidates and 3 in gated(article, events, candidates, keen)
    calm = SentenceGate(1024, {column: -5.0}, -2.0, 0.5, frozenset({"en"}))
    assert 3 not in gated(article, events, candidates, calm)


def test_skipped_sentences_are_not_encoded_and_rule_events_keep_their_reading() -> None:
    article = _article()
    events = extract_events(article)
    full, cheap = KeywordEncoder(), KeywordEncoder()
    everything = add_classifier_events(article, events, _classifier(), full)
    some = add_classifier_events(article, events, _classifier(), cheap, gate=NOTHING)
    assert sum(map(len, cheap.calls)) < sum(map(len, full.calls))
    ruled = {e.sentence for e in events}
    assert [e for e in some if e.sentence in ruled] == [e for e in everything if e.sentence in ruled]
    assert {e.sentence for e in some} <= ruled  # no classifier-only event where nothing was read


def test_the_stage_takes_the_gate_from_its_settings() -> None:
    assert EventSettings.from_settings(Settings(event_gate=True)).gate
    assert not EventSettings.from_settings(Settings(event_gate=False)).gate
    article = _article()
    encoder = KeywordEncoder()
    EventFinder(
        EventSettings(gate=True, sparing=Sparing(), prefilter=False),
        encoder=encoder,
        classifier=_classifier(),
    )(article)
    gate = load_gate()
    events = extract_events(article)
    assert encoder.calls == [
        [
            article.sentences[i].text
            for i in gated(article, events, candidate_sentences(article, events), gate)
        ]
    ]


def test_the_shipped_gate_round_trips_and_names_its_training_data() -> None:
    gate = load_gate()
    assert (
        gate.bar < 0.0 and {"en", "fr"} <= gate.languages and gate.weights
    )  # a margin below 0: recall first
    again = SentenceGate.from_json(json.loads(json.dumps(gate.to_json())))
    text = "The army deployed troops along the border on Friday."
    assert gate.needs_encoder("Police fired tear gas at the protesters outside parliament.", "en", 2, True)
    assert np.isclose(again.score(text, "en", 1, True), gate.score(text, "en", 1, True), atol=1e-3)
    assert "training" in gate.metadata["data"] and gate.metadata["script"] == "scripts/train_event_gate.py"


def test_a_sentence_not_asserted_is_skipped_when_only_asserted_ones_give_events() -> None:
    text = TEXT.replace(
        "Ghada Waly wore a blue scarf and smiled.", "Ghada Waly may visit the plant next year."
    )
    article = make_article(text, "en", NAMES)
    events = extract_events(article)
    candidates = candidate_sentences(article, events)
    assert 3 in candidates and 3 not in {e.sentence for e in events}
    assert 3 not in gated(article, events, candidates, EVERYTHING)
    assert 3 in gated(article, events, candidates, EVERYTHING, factual=False)
