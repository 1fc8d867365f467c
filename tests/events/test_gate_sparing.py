"""Sparing the encoder beyond the gate: rule events that stand without the classifier, and the
lead and two-actor sentences of a long article (``events/gate.py`` ``Sparing``)."""

from __future__ import annotations

from newsloom.events.extract import extract_events
from newsloom.events.gate import RULE_READINGS, Sparing, rule_confidence, stands_alone
from newsloom.events.learned import add_classifier_events, candidate_sentences, spared
from newsloom.events.stage import EventFinder, EventSettings
from newsloom.events.types import PLOVER_TYPES
from newsloom.settings import Settings
from tests.events.helpers import make_article
from tests.events.test_gate import NAMES, TEXT
from tests.events.test_learned import KeywordEncoder, _classifier

#: sentences: 0 PROTEST (2 mentions), 1 none (0), 2 CONSULT (2), 3 none (1), 4 REQUEST (2)
LONG = TEXT + " Ghada Waly urged Bùi Thanh Sơn to release the detained students."
REQUEST = "Ghada Waly urged Bùi Thanh Sơn to release the detained students."


def _spared(sparing: Sparing, text: str = LONG, lang: str = "en") -> list[int]:
    article = make_article(text, lang, NAMES)
    events = extract_events(article)
    return spared(article, events, candidate_sentences(article, events), sparing)


def test_rules_alone_spares_a_sentence_only_when_every_rule_type_stands() -> None:
    article = make_article(LONG, "en", NAMES)
    types = {e.sentence: e.type for e in extract_events(article)}
    assert types == {0: "PROTEST", 2: "CONSULT", 4: "REQUEST"}
    assert stands_alone("REQUEST") and not stands_alone("CONSULT") and not stands_alone("PROTEST")
    assert _spared(Sparing(rules_alone=True)) == [4]
    assert _spared(Sparing()) == []  # off: nothing spared


def test_focus_keeps_the_lead_and_the_sentences_naming_two_actors() -> None:
    assert _spared(Sparing(focus=True, lead=1)) == [3]  # one mention, beyond the lead
    assert _spared(Sparing(focus=True, lead=4)) == []  # in the lead
    assert _spared(Sparing(focus=True, lead=1, mentions=3)) == [2, 3, 4]
    assert _spared(Sparing(rules_alone=True, focus=True, lead=1)) == [3, 4]


def test_sentences_read_alone_are_never_spared() -> None:
    both = Sparing(rules_alone=True, focus=True, lead=0, mentions=9)
    assert _spared(both, REQUEST) == []
    assert _spared(both, LONG) == [0, 2, 3, 4]


def test_a_language_without_rules_is_never_spared() -> None:
    assert _spared(Sparing(rules_alone=True, focus=True, lead=0, mentions=9), LONG, "es") == []
    assert _spared(Sparing(focus=True, lead=1), LONG, "en") == [3]


def test_a_spared_rule_event_keeps_its_reading_with_the_calibrated_confidence() -> None:
    article = make_article(LONG, "en", NAMES)
    events = extract_events(article)
    full, cheap = KeywordEncoder(), KeywordEncoder()
    read = add_classifier_events(article, events, _classifier(), full)
    alone = add_classifier_events(article, events, _classifier(), cheap, sparing=Sparing(rules_alone=True))
    assert article.sentences[4].text in full.calls[0]
    assert article.sentences[4].text not in [t for call in cheap.calls for t in call]
    before = next(e for e in read if e.sentence == 4 and e.type == "REQUEST")
    after = next(e for e in alone if e.sentence == 4 and e.type == "REQUEST")
    assert (after.source, after.target, after.trigger) == (before.source, before.target, before.trigger)
    assert after.confidence == RULE_READINGS["REQUEST"].confidence != before.confidence
    assert after.classifier == "rules" and before.classifier == "rules+model"
    # the sentences still read give what they gave
    assert [e for e in alone if e.sentence != 4] == [e for e in read if e.sentence != 4]


def test_the_stage_takes_the_sparing_from_its_settings() -> None:
    assert EventSettings.from_settings(Settings()).sparing.active  # on by default
    assert not EventSettings.from_settings(
        Settings(event_rules_alone=False, event_focus=False)
    ).sparing.active
    sparing = EventSettings.from_settings(Settings(event_rules_alone=True, event_focus=True)).sparing
    assert sparing.rules_alone and sparing.focus
    article = make_article(LONG, "en", NAMES)
    encoder = KeywordEncoder()
    settings = EventSettings(gate=False, sparing=Sparing(rules_alone=True), prefilter=False)
    EventFinder(settings, encoder=encoder, classifier=_classifier())(article)
    assert encoder.calls and article.sentences[4].text not in encoder.calls[0]


def test_the_table_of_rule_readings_is_consistent() -> None:
    assert set(RULE_READINGS) <= set(PLOVER_TYPES) and len(RULE_READINGS) >= 12
    for type_, reading in RULE_READINGS.items():
        assert 0 <= reading.right_additions <= reading.readings
        assert 0.5 < reading.confidence <= 0.99
        assert stands_alone(type_) == (reading.right_additions == 0)
        assert rule_confidence(type_, 0.1) == reading.confidence
    assert rule_confidence("NOT_A_TYPE", 0.42) == 0.42 and not stands_alone("NOT_A_TYPE")
