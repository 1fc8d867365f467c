"""The encoder prefilter (``events/prefilter.py``): which of the sentences the gate and the sparing
send to the encoder are read, and what the others keep."""

from __future__ import annotations

import dataclasses
import json

import pytest

from newsloom.events.extract import extract_events
from newsloom.events.gate import RULE_READINGS
from newsloom.events.learned import add_classifier_events, candidate_sentences, classify_batch
from newsloom.events.prefilter import (
    PREFILTER_ARTIFACT,
    Prefilter,
    SentenceSignals,
    cap_kind,
    feature_columns,
    load_prefilter,
    prefilter_features,
    sentence_signals,
)
from newsloom.events.stage import EventFinder, EventSettings
from newsloom.settings import Settings
from tests.events.helpers import make_article
from tests.events.test_gate import NAMES, TEXT
from tests.events.test_gate_sparing import LONG, REQUEST
from tests.events.test_learned import KeywordEncoder, _classifier

KINDS = ("packless", "plain", "rule")


def _everything(kinds: tuple[str, ...] = KINDS, bias: float = -50.0) -> Prefilter:
    """A prefilter that scores every sentence far under its bar (bias -50): it sends none of ``kinds``."""
    return Prefilter(buckets=16, weights={}, bias=bias, bars=dict.fromkeys(kinds, 0.5))


def _sent(encoder: KeywordEncoder) -> list[str]:
    return [t for call in encoder.calls for t in call]


def test_the_shipped_prefilter_loads_with_a_bar_per_kind_and_its_training_command() -> None:
    prefilter = load_prefilter()
    assert set(prefilter.bars) == set(KINDS)
    assert all(0.0 < bar < 1.0 for bar in prefilter.bars.values())
    assert prefilter.metadata["command"].startswith("python scripts/train_prefilter.py")
    assert "training" in prefilter.metadata["data"] and prefilter.metadata["recall_target"] >= 0.85
    assert set(prefilter.most) <= set(KINDS) and all(n >= 1 for n in prefilter.most.values())
    assert "plain_paired" not in prefilter.most  # two-actor plain sentences link reports: never capped
    assert len(prefilter.weights) > 1000  # a trained model, not an empty one


def test_signals_say_what_kind_of_sentence_it_is() -> None:
    article = make_article(LONG, "en", NAMES)
    events = extract_events(article)
    kinds = [sentence_signals(article, i, events).kind for i in range(len(article.sentences))]
    assert kinds == ["rule", "plain", "rule", "plain", "rule"]
    signals = sentence_signals(article, 4, events)
    assert signals.rule_types == frozenset({"REQUEST"}) and signals.mentions == 2 and signals.trigger
    assert signals.index == 4 and signals.language == "en" and signals.asserted
    spanish = make_article(LONG, "es", NAMES)  # no pack with triggers: the classifier is all it has
    assert {sentence_signals(spanish, i, []).kind for i in range(len(spanish.sentences))} == {"packless"}


def test_features_carry_words_stems_and_the_rules_signals() -> None:
    signals = SentenceSignals(
        "Police dispersed protesters", "en", "rule", frozenset({"COERCE"}), 1, True, 0, True
    )
    features = prefilter_features(signals)
    assert {"w:police", "b:police dispersed", "c:<pol", "rule:COERCE", "kind:rule|lead:1"} <= set(features)
    assert "kind:rule|mentions:1" in features and "rules:several" not in features
    # the same sentence the same columns, in any process (crc32, not Python's salted hash)
    assert feature_columns(features, 1 << 16) == feature_columns(prefilter_features(signals), 1 << 16)


def test_a_sentence_scored_under_its_bar_is_not_encoded_and_its_rule_events_keep_the_rule_confidence() -> (
    None
):
    article = make_article(LONG, "en", NAMES)
    events = extract_events(article)
    full, cheap = KeywordEncoder(), KeywordEncoder()
    read = add_classifier_events(article, events, _classifier(), full)
    (skipped,) = classify_batch([article], [events], _classifier(), cheap, prefilter=_everything(("rule",)))
    rule_sentences = {e.sentence for e in events}
    assert rule_sentences == {0, 2, 4}
    assert all(article.sentences[i].text in _sent(full) for i in rule_sentences)
    assert not any(article.sentences[i].text in _sent(cheap) for i in rule_sentences)
    assert article.sentences[3].text in _sent(cheap)  # a plain sentence: that kind has no bar here
    for before in (e for e in read if e.sentence in rule_sentences and e.classifier == "rules+model"):
        after = next(e for e in skipped if (e.sentence, e.type) == (before.sentence, before.type))
        assert (after.source, after.target, after.trigger) == (before.source, before.target, before.trigger)
        assert after.classifier == "rules"
        assert after.confidence == RULE_READINGS[after.type].confidence
    # the sentences still read give what they gave
    assert [e for e in skipped if e.sentence not in rule_sentences] == [
        e for e in read if e.sentence not in rule_sentences
    ]


def test_a_kind_without_a_bar_and_a_sentence_read_alone_always_go_to_the_encoder() -> None:
    article = make_article(LONG, "en", NAMES)
    events = extract_events(article)
    candidates = candidate_sentences(article, events)
    assert _everything(()).kept(article, events, candidates) == candidates  # no bar: every kind is sent
    assert _everything().kept(article, events, candidates) == []
    assert _everything(bias=50.0).kept(article, events, candidates) == candidates  # all above the bar
    alone = make_article(REQUEST, "en", NAMES)  # one sentence: one chance to be read
    found = extract_events(alone)
    assert _everything().kept(alone, found, candidate_sentences(alone, found)) == [0]


def test_the_stage_takes_the_prefilter_from_its_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    assert EventSettings.from_settings(Settings()).prefilter  # on by default
    assert not EventSettings.from_settings(Settings(event_prefilter=False)).prefilter
    monkeypatch.setattr("newsloom.events.prefilter.load_prefilter", lambda: _everything())
    article = make_article(TEXT, "en", NAMES)
    on, off = KeywordEncoder(), KeywordEncoder()
    EventFinder(EventSettings(gate=False), encoder=on, classifier=_classifier())(article)
    EventFinder(EventSettings(gate=False, prefilter=False), encoder=off, classifier=_classifier())(article)
    assert off.calls and not on.calls


def test_a_batch_gives_what_one_by_one_gives_with_the_prefilter() -> None:
    articles = [
        make_article(LONG, "en", NAMES, article_id="a"),
        make_article(TEXT, "en", NAMES, article_id="b"),
        make_article(REQUEST, "en", NAMES, article_id="c"),
    ]
    finder = EventFinder(EventSettings(), encoder=KeywordEncoder(), classifier=_classifier())
    assert [a.events for a in finder.pipe(articles)] == [finder(a).events for a in articles]


def test_a_broken_artifact_names_the_file_and_the_fix() -> None:
    data = json.loads(json.dumps(load_prefilter().to_json()))
    del data["bars"]
    with pytest.raises(ValueError, match=r"prefilter\.json.*train_prefilter\.py"):
        Prefilter.from_json(data, PREFILTER_ARTIFACT)
    again = Prefilter.from_json(load_prefilter().to_json())
    assert again.bars == pytest.approx(load_prefilter().bars, abs=1e-5)
    assert again.weights.keys() == load_prefilter().weights.keys()


def test_a_cap_sends_at_most_that_many_sentences_of_its_kind_those_furthest_over_their_bar() -> None:
    article = make_article(LONG, "en", NAMES)
    events = extract_events(article)
    candidates = candidate_sentences(article, events)
    kinds = {i: sentence_signals(article, i, events).kind for i in candidates}
    rules = [i for i in candidates if kinds[i] == "rule"]
    assert len(rules) > 1 and len(candidates) > len(rules)
    # a word only the last rule sentence has lifts it far over the bar; the others sit just over it
    others = " ".join(article.sentences[i].text.casefold() for i in candidates if i != rules[-1]).split()
    words = article.sentences[rules[-1]].text.casefold().split()
    word = next(w for w in words if w.isalpha() and w not in others)
    lifted = feature_columns([f"w:{word}"], 1 << 16)
    prefilter = Prefilter(1 << 16, dict.fromkeys(lifted, 20.0), bias=0.1, bars=dict.fromkeys(KINDS, 0.5))
    assert prefilter.kept(article, events, candidates) == candidates  # no cap: all are over the bar
    capped = dataclasses.replace(prefilter, most={"rule": 1})
    kept = capped.kept(article, events, candidates)
    # one rule sentence, the lifted one; every sentence of the other kind still sent
    assert [i for i in kept if kinds[i] == "rule"] == [rules[-1]]
    assert [i for i in kept if kinds[i] != "rule"] == [i for i in candidates if kinds[i] != "rule"]
    assert Prefilter.from_json(capped.to_json()).most == {"rule": 1}
    assert Prefilter.from_json(prefilter.to_json()).most == {}


def test_a_plain_sentence_naming_two_entities_is_capped_apart_from_the_other_plain_ones() -> None:
    # the classifier's event between two named actors links two reports of one event: a cap on the
    # plain sentences must not take them (session 13: it broke 2 of the 13 main story events)
    article = make_article(LONG + " Ghada Waly and Bùi Thanh Sơn wore blue scarves and smiled.", "en", NAMES)
    events = extract_events(article)
    candidates = candidate_sentences(article, events)
    signals = {i: sentence_signals(article, i, events) for i in candidates}
    plain = [i for i in candidates if signals[i].kind == "plain"]
    assert [signals[i].mentions for i in plain] == [1, 2]
    assert [cap_kind(signals[i]) for i in plain] == ["plain", "plain_paired"]
    assert cap_kind(signals[candidates[0]]) == "rule"
    prefilter = Prefilter(1 << 16, {}, bias=0.1, bars=dict.fromkeys(KINDS, 0.5))  # all just over the bar
    capped = dataclasses.replace(prefilter, most={"plain": 0, "rule": 1})
    kept = capped.kept(article, events, candidates)
    assert [i for i in kept if signals[i].kind == "plain"] == [plain[1]]
    assert len([i for i in kept if signals[i].kind == "rule"]) == 1
    # read alone (a short article), every candidate still goes, whatever the caps
    short = make_article("Ghada Waly and Bùi Thanh Sơn wore blue scarves and smiled.", "en", NAMES)
    found = extract_events(short)
    assert capped.kept(short, found, candidate_sentences(short, found)) == [0]
