"""The classifier's own readings list actors with the list words of the stage's languages, as the
rules do (hand-made classifier and encoder: no model loaded)."""

from __future__ import annotations

from newsloom.events import learned
from newsloom.events.conjunctions import default_list_words, list_words
from newsloom.events.stage import EventFinder, EventSettings
from tests.events.helpers import make_article
from tests.events.test_learned import POLICE, PROTESTERS, KeywordEncoder, _classifier

TEXT = "Police used tear gas near the ministry, witnesses said."


def test_the_stage_s_list_words_reach_the_classifier_s_readings(monkeypatch):
    seen: list[object] = []
    original = learned.sentence_event

    def spy(*args, **kwargs):
        seen.append(kwargs.get("words"))
        return original(*args, **kwargs)

    monkeypatch.setattr(learned, "sentence_event", spy)
    article = make_article(TEXT, "en", {"Police": POLICE, "Students": PROTESTERS})
    english_only = EventSettings(languages=("en",))
    found = EventFinder(english_only, KeywordEncoder(), _classifier())(article)
    assert any(e.classifier == "model" for e in found.events)  # the classifier read the sentence itself
    assert seen and all(words is list_words(("en",)) for words in seen)
    assert list_words(("en",)) is not default_list_words()  # English alone, not every first-class language
