"""Rules and the classifier combined, with a hand-made classifier and encoder (no model loaded)."""

from __future__ import annotations

import dataclasses

import numpy as np

from newsloom.events.classifier import EventClassifier
from newsloom.events.learned import Combination, add_classifier_events, asserted, candidate_sentences
from newsloom.events.stage import EventFinder, EventSettings
from newsloom.events.types import PLOVER_TYPES
from newsloom.lang import load_part
from tests.events.helpers import SON, WALY, make_article

#: dimension i of the toy vectors stands for the word CUES[i] in the sentence
CUES = ("tear gas", "marched", "received", "thanked", "arrested")
#: type -> cue dimension it reads
TYPE_CUE = {"COERCE": 0, "PROTEST": 1, "CONSULT": 2, "SUPPORT": 3}


class KeywordEncoder:
    """Counts its calls; a sentence's vector flags which cue words it holds."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def encode(self, texts):
        self.calls.append(list(texts))
        return np.asarray([[1.0 if cue in t else 0.0 for cue in CUES] for t in texts], dtype=np.float32)


def _classifier() -> EventClassifier:
    weights = np.zeros((len(PLOVER_TYPES), len(CUES)), dtype=np.float32)
    for type_, dim in TYPE_CUE.items():
        weights[PLOVER_TYPES.index(type_), dim] = 6.0
    return EventClassifier(
        types=PLOVER_TYPES,
        weights=weights,
        bias=np.full(len(PLOVER_TYPES), -3.0, dtype=np.float32),  # p = 0.05 without the cue, 0.95 with
        thresholds=np.full(len(PLOVER_TYPES), 0.5, dtype=np.float32),
        platt=(1.0, 0.0),
    )


PROTESTERS = ("organization", "org:students", "Students", None, None)
POLICE = ("organization", "org:police", "Police", None, None)


def test_one_encoder_call_per_article_and_only_candidate_sentences():
    text = "Police fired tear gas at Students who marched on parliament. It rained. Bùi Thanh Sơn received Ghada Waly."
    article = make_article(
        text, "en", {"Police": POLICE, "Students": PROTESTERS, "Bùi Thanh Sơn": SON, "Ghada Waly": WALY}
    )
    encoder = KeywordEncoder()
    events = add_classifier_events(article, [], _classifier(), encoder)
    assert len(encoder.calls) == 1 and len(encoder.calls[0]) == 2  # "It rained." is no candidate
    assert candidate_sentences(article, []) == [0, 2]
    assert {(e.type, e.sentence) for e in events} == {("COERCE", 0), ("PROTEST", 0), ("CONSULT", 2)}
    coerce = next(e for e in events if e.type == "COERCE")
    assert coerce.classifier == "model" and coerce.confidence > 0.9
    assert coerce.source == ("org:police",) and coerce.target == ("org:students",)


def test_the_stage_keeps_rule_actors_and_blends_the_confidence(monkeypatch):
    text = "Bùi Thanh Sơn received Ghada Waly on Tuesday."
    article = make_article(text, "en", {"Bùi Thanh Sơn": SON, "Ghada Waly": WALY})
    encoder = KeywordEncoder()
    rules_only = EventFinder(EventSettings(classifier=False))(article).events
    finder = EventFinder(EventSettings(classifier=True), encoder)
    monkeypatch.setattr("newsloom.events.classifier.load_classifier", _classifier)
    both = finder(article).events
    assert [e.type for e in rules_only] == [e.type for e in both] == ["CONSULT"]
    assert both[0].source == rules_only[0].source and both[0].target == rules_only[0].target
    assert both[0].classifier == "rules+model"
    assert both[0].confidence == round((rules_only[0].confidence + 0.953) / 2, 3)


def test_a_weak_rule_event_the_classifier_rejects_is_dropped_only_when_the_veto_is_on():
    text = "Bùi Thanh Sơn praised Ghada Waly for the plan."
    article = make_article(text, "en", {"Bùi Thanh Sơn": SON, "Ghada Waly": WALY})
    rules = EventFinder(EventSettings(classifier=False))(article).events
    assert [e.type for e in rules] == ["SUPPORT"]
    weak = [dataclasses.replace(e, confidence=0.6) for e in rules]
    veto = Combination(veto=0.35)
    assert (
        add_classifier_events(article, weak, _classifier(), KeywordEncoder(), veto) == []
    )  # 0.05 < 0.35 x 0.5
    strong = [dataclasses.replace(e, confidence=0.9) for e in rules]
    kept = add_classifier_events(article, strong, _classifier(), KeywordEncoder(), veto)
    assert [e.type for e in kept] == ["SUPPORT"]
    assert [e.type for e in add_classifier_events(article, weak, _classifier(), KeywordEncoder())] == [
        "SUPPORT"
    ]


def test_hedged_denied_hypothetical_and_condolence_sentences_are_not_asserted():
    en = load_part("en", "events")
    assert asserted("Police arrested twelve people in Jakarta on Monday.", en)
    for text in (
        "Rights groups have warned that vague definitions could be misused against critics.",
        "The minister denied that he had met the businessman.",
        "If the talks collapse, the army may resume its offensive.",
        "The prime minister is expected to visit Tokyo next month.",
        "The president visited the family of the late General Võ Nguyên Giáp.",
    ):
        assert not asserted(text, en), text
    vi = load_part("vi", "events")
    assert not asserted("Các chuyên gia lo ngại giá xăng có thể tiếp tục tăng.", vi)
    assert asserted("Công an bắt giữ 15 đối tượng trong đường dây đánh bạc.", vi)
    id_ = load_part("id", "events")
    assert not asserted("Presiden dijadwalkan berkunjung ke Tokyo bulan depan.", id_)
    assert asserted("Polisi menangkap sepuluh orang terduga pelaku judi online.", id_)


def test_the_classifier_adds_no_event_to_a_hedged_sentence():
    text = "Analysts said Students could be arrested if they marched again."
    article = make_article(text, "en", {"Students": PROTESTERS})
    events = add_classifier_events(article, [], _classifier(), KeywordEncoder())
    assert events == []


def test_a_protest_found_by_the_classifier_has_the_protesters_as_source():
    text = "Police fired tear gas at protesters who marched on parliament."
    article = make_article(text, "en", {})
    events = add_classifier_events(article, [], _classifier(), KeywordEncoder())
    protest = next(e for e in events if e.type == "PROTEST")
    coerce = next(e for e in events if e.type == "COERCE")
    assert [a.role for a in protest.source_actors] == ["CVL"] and [a.role for a in protest.target_actors] == [
        "COP"
    ]
    assert [a.role for a in coerce.source_actors] == ["COP"]


def test_below_the_alone_floor_the_classifier_adds_nothing():
    text = "Bùi Thanh Sơn received Ghada Waly."
    article = make_article(text, "en", {"Bùi Thanh Sơn": SON, "Ghada Waly": WALY})
    assert (
        add_classifier_events(
            article, [], _classifier(), KeywordEncoder(), Combination(alone=0.96, short_alone=0.96)
        )
        == []
    )


def test_a_classifier_event_takes_its_mode_from_the_pack_cues_of_its_sentence():
    from newsloom.events.learned import sentence_mode

    text = (
        "Bùi Thanh Sơn spoke by telephone with Ghada Waly. The minister lifted the curfew on Friday. "
        "Ghada Waly urged both sides to return to talks. Ghada Waly praised the plan."
    )
    article = make_article(text, "en", {"Bùi Thanh Sơn": SON, "Ghada Waly": WALY})
    assert sentence_mode(article, 0, "CONSULT") == "phone"
    assert sentence_mode(article, 1, "RETREAT") == "ease"
    assert sentence_mode(article, 2, "REQUEST") == "meet"
    assert sentence_mode(article, 3, "SUPPORT") is None  # no mode cue in the sentence
    assert sentence_mode(article, 1, "CONSULT") is None


class FarmersEncoder:
    """One dimension: whether the sentence speaks of farmers."""

    def encode(self, texts):
        return np.asarray([[1.0 if "farmers" in t else 0.0] for t in texts], dtype=np.float32)


def test_a_sentence_alone_reports_a_second_type_beside_a_rule_event_at_the_short_bar():
    text = "Bùi Thanh Sơn praised Ghada Waly, whose agency trained farmers in the delta."
    article = make_article(text, "en", {"Bùi Thanh Sơn": SON, "Ghada Waly": WALY})
    rules = EventFinder(EventSettings(classifier=False))(article).events
    assert [e.type for e in rules] == ["SUPPORT"]
    weights = np.zeros((len(PLOVER_TYPES), 1), dtype=np.float32)
    weights[PLOVER_TYPES.index("COOPERATE"), 0] = 3.85  # p(COOPERATE) = sigmoid(0.85) = 0.70
    weights[PLOVER_TYPES.index("SUPPORT"), 0] = 6.0
    classifier = EventClassifier(
        types=PLOVER_TYPES,
        weights=weights,
        bias=np.full(len(PLOVER_TYPES), -3.0, dtype=np.float32),
        thresholds=np.full(len(PLOVER_TYPES), 0.5, dtype=np.float32),
        platt=(1.0, 0.0),
    )
    found = add_classifier_events(article, rules, classifier, FarmersEncoder())
    assert sorted(e.type for e in found) == ["COOPERATE", "SUPPORT"]  # 0.70 clears the short bar 0.6
    strict = Combination(short_beside_rules=0.8)
    assert [e.type for e in add_classifier_events(article, rules, classifier, FarmersEncoder(), strict)] == [
        "SUPPORT"
    ]
