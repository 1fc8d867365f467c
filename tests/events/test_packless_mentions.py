"""The events stage's encoder texts in a language without a pack (issue #18): a sentence naming no
entity is not sent in a long article, since the classifier's events of it would name no actor and
the corpus steps leave such events out (hand-made classifier and counting encoder: no model loaded)."""

from __future__ import annotations

import dataclasses

from newsloom.events.extract import extract_events, sentence_event
from newsloom.events.learned import candidate_sentences
from newsloom.events.prefilter import load_prefilter, sentence_signals
from newsloom.events.stage import EventFinder, EventSettings
from tests.events.helpers import SON, WALY, make_article
from tests.events.test_learned import KeywordEncoder, _classifier

# German: no pack, so every sentence is a candidate and the classifier is all it has
SENTENCES = (
    "Bùi Thanh Sơn traf Ghada Waly am Montag in Wien zu Gesprächen über die Drogenbekämpfung.",
    "Die Polizei nahm in der Nacht drei Verdächtige am Hafen fest.",  # names no entity
    "Ghada Waly lobte die Zusammenarbeit der beiden Länder bei der Ausbildung von Zollbeamten.",
    "Am Abend regnete es in der ganzen Stadt und die Straßen blieben leer.",  # names no entity
)
TEXT = " ".join(SENTENCES)
NAMES = {"Bùi Thanh Sơn": SON, "Ghada Waly": WALY, "Wien": ("place", "place:wien", "Wien", None, None)}


def _sent(text: str) -> list[str]:
    encoder = KeywordEncoder()
    EventFinder(EventSettings(), encoder=encoder, classifier=_classifier())(make_article(text, "de", NAMES))
    return [t for call in encoder.calls for t in call]


def test_a_packless_sentence_naming_no_entity_is_not_sent_though_it_scores_highest() -> None:
    article = make_article(TEXT, "de", NAMES)
    events = extract_events(article)
    signals = [sentence_signals(article, i, events) for i in candidate_sentences(article, events)]
    assert [s.kind for s in signals] == ["packless"] * 4 and [s.mentions for s in signals] == [3, 0, 1, 0]
    prefilter = load_prefilter()
    best = max(signals, key=prefilter.probability)
    assert best.mentions == 0 and prefilter.needs_encoder(best)  # the bar alone would send it first
    assert _sent(TEXT) == [SENTENCES[0], SENTENCES[2]]
    # what its vector could have given: an event naming no actor (left out of the corpus)
    found = sentence_event(article, 1, "ARREST", 0.9, require_actor=False)
    assert found is not None and not found.source_actors and not found.target_actors
    # the old behaviour is one field away, for benches
    loose = dataclasses.replace(prefilter, packless_mentions=0)
    assert 1 in loose.kept(article, events, candidate_sentences(article, events))


def test_a_short_packless_article_sends_every_sentence_even_one_naming_no_entity() -> None:
    assert _sent(" ".join(SENTENCES[:2])) == list(SENTENCES[:2])  # read alone: one chance to be read
