"""The learned skip (``events/skip.py``): of the sentences the prefilter keeps, those it scores under
its bar are not embedded, never in an article read alone (issue #18, session 16)."""

from __future__ import annotations

import dataclasses

from newsloom.events.extract import extract_events
from newsloom.events.gate import bucket
from newsloom.events.learned import candidate_sentences
from newsloom.events.prefilter import Prefilter, skip_signals
from newsloom.events.skip import SkipModel, skip_features
from newsloom.events.stage import EventFinder, EventSettings
from tests.events.helpers import make_article
from tests.events.test_gate import NAMES
from tests.events.test_gate_sparing import LONG, REQUEST
from tests.events.test_learned import KeywordEncoder, _classifier

KINDS = ("packless", "plain", "rule")
#: every sentence over the prefilter's bars (bias 0.1: 0.525 against 0.5)
PREFILTER = Prefilter(1 << 16, {}, bias=0.1, bars=dict.fromkeys(KINDS, 0.5))


def test_a_sentence_under_the_bar_is_not_embedded_and_an_article_read_alone_always_is() -> None:
    article = make_article(LONG, "en", NAMES)
    events = extract_events(article)
    candidates = candidate_sentences(article, events)
    assert len(article.sentences) > 2 and candidates
    assert PREFILTER.kept(article, events, candidates) == candidates
    # one word's weight sends the sentence that holds it under the bar (0.5); the others stay over
    signals = {i: skip_signals(article, i, events) for i in candidates}
    urged = next(i for i in candidates if "urged" in article.sentences[i].text)
    assert signals[urged].kind == "rule" and signals[urged].rule_confidences
    model = SkipModel(1 << 14, {bucket("w:urged", 1 << 14): -5.0}, bias=1.0, bar=0.5)
    assert model.skips(signals[urged])
    assert not any(model.skips(signals[i]) for i in candidates if i != urged)
    held = dataclasses.replace(PREFILTER, skip=model)
    assert held.kept(article, events, candidates) == [i for i in candidates if i != urged]
    # a sentence read alone (an article of at most two sentences) is always embedded
    alone = make_article(REQUEST, "en", NAMES)
    alone_events = extract_events(alone)
    alone_candidates = candidate_sentences(alone, alone_events)
    assert alone_candidates and held.kept(alone, alone_events, alone_candidates) == alone_candidates
    # the artifact is written and read back whole
    assert SkipModel.from_json(model.to_json()) == model


def test_the_stage_sends_the_encoder_no_skipped_sentence(monkeypatch) -> None:
    from newsloom.events import prefilter as prefilters

    model = SkipModel(1 << 14, {bucket("w:received", 1 << 14): -5.0}, bias=1.0, bar=0.5)
    article = make_article(LONG, "en", NAMES)
    sent = {}
    for name, chosen in (("without", PREFILTER), ("with", dataclasses.replace(PREFILTER, skip=model))):
        monkeypatch.setattr(prefilters, "load_prefilter", lambda chosen=chosen: chosen)
        encoder = KeywordEncoder()
        EventFinder(EventSettings(), encoder=encoder, classifier=_classifier()).pipe([article])
        sent[name] = [t for call in encoder.calls for t in call]
    assert any("received" in t for t in sent["without"])
    assert sent["with"] == [t for t in sent["without"] if "received" not in t]


def test_features_name_the_kind_rules_and_entities() -> None:
    article = make_article(LONG, "en", NAMES)
    events = extract_events(article)
    urged = next(i for i, s in enumerate(article.sentences) if "urged" in s.text)
    found = skip_features(skip_signals(article, urged, events))
    assert "kind:rule" in found and "rule|asserted:1" in found and "w:urged" in found
    assert any(f.startswith("rule|rule:") for f in found)
    assert any(f.startswith("rule|entity:person") for f in found)
