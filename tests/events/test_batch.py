"""The events stage over a batch: one encoder call, each distinct sentence once, the same articles
as one by one; and which sentences the classifier reads (hand-made classifier and encoder: no
model loaded)."""

from __future__ import annotations

import pytest

from newsloom.events.learned import REACHES, candidate_sentences, classify_batch
from newsloom.events.stage import EventFinder, EventSettings
from tests.events.helpers import SON, WALY, make_article
from tests.events.test_learned import POLICE, PROTESTERS, KeywordEncoder, _classifier

REPORTS = (
    "Police fired tear gas at Students who marched on parliament. Bùi Thanh Sơn received Ghada Waly.",
    "Bùi Thanh Sơn received Ghada Waly. Bùi Thanh Sơn thanked Ghada Waly for the visit to Hanoi.",
    # three sentences: a report this long is read by reach (one of at most SHORT_ARTICLE is read whole)
    "It rained all day in Hanoi and the markets were quiet. Traffic was light on the main roads that "
    "evening. Shops in the old quarter closed early.",
    "Students marched to the ministry on Friday. Police arrested Students outside the ministry.",
    "Police used tear gas near the ministry, witnesses said. Ghada Waly spoke about the economy. "
    "Most shops stayed open until the evening.",
)
NAMES = {
    "Police": POLICE,
    "Students": PROTESTERS,
    "Bùi Thanh Sơn": SON,
    "Ghada Waly": WALY,
    "Hanoi": ("place", "place:hanoi", "Hanoi", None, None),
}


def _articles():
    return [make_article(text, "en", NAMES, article_id=f"a{i}") for i, text in enumerate(REPORTS)]


def _finder(monkeypatch, encoder, reach: str = "mentions") -> EventFinder:
    monkeypatch.setattr("newsloom.events.classifier.load_classifier", _classifier)
    return EventFinder(EventSettings(reach=reach), encoder)


@pytest.mark.parametrize("reach", REACHES)
def test_a_batch_gives_what_one_by_one_gives_in_one_encoder_call(monkeypatch, reach):
    encoder = KeywordEncoder()
    finder = _finder(monkeypatch, encoder, reach)
    one_by_one = [finder(article) for article in _articles()]
    calls = len(encoder.calls)
    batch = finder.pipe(_articles())
    assert batch == one_by_one
    assert len(encoder.calls) == calls + 1  # the whole batch in one call
    texts = encoder.calls[-1]
    assert len(texts) == len(set(texts))  # "Bùi Thanh Sơn received Ghada Waly." embedded once
    assert texts.count("Bùi Thanh Sơn received Ghada Waly.") == 1
    # a place mention and no trigger: read only at the widest reach
    assert ("It rained all day in Hanoi and the markets were quiet." in texts) == (reach == "mentions")


def test_the_batch_finds_what_the_classifier_adds(monkeypatch):
    batch = _finder(monkeypatch, KeywordEncoder()).pipe(_articles())
    assert {e.type for e in batch[0].events} >= {"COERCE", "PROTEST", "CONSULT"}
    assert any(e.type == "COERCE" and e.classifier == "model" for e in batch[4].events)


def test_the_reach_narrows_the_sentences_the_classifier_reads(monkeypatch):
    rules = EventFinder(EventSettings(classifier=False))
    article = _articles()[4]  # "used tear gas": no rule event; "spoke about": a mention only
    events = list(rules(article).events)
    assert candidate_sentences(article, events, "mentions") == [0, 1]
    assert candidate_sentences(article, events, "events") == [
        i for i in (0, 1) if any(e.sentence == i for e in events)
    ]
    found = set(candidate_sentences(article, events, "triggers"))
    assert set(candidate_sentences(article, events, "events")) <= found <= {0, 1}
    with pytest.raises(ValueError, match="reach 'all'.*mentions, triggers, events"):
        candidate_sentences(article, events, "all")


def test_a_sentence_over_the_word_limit_is_not_read():
    article = make_article("Police arrested " + "and ".join(["Students "] * 60) + ".", "en", NAMES)
    assert candidate_sentences(article, [], "mentions") == []


def test_classify_batch_keeps_articles_without_candidates():
    article = make_article("It rained.", "en", {})
    encoder = KeywordEncoder()
    assert classify_batch([article], [[]], _classifier(), encoder) == [[]]
    assert encoder.calls == []


def test_each_article_records_the_sentences_it_sent_to_the_encoder(monkeypatch):
    encoder = KeywordEncoder()
    finder = _finder(monkeypatch, encoder)
    one_by_one = [finder(article) for article in _articles()]
    batch = finder.pipe(_articles())
    assert [a.sentence_vectors for a in batch] == [a.sentence_vectors for a in one_by_one]
    read = encoder.calls[-1]
    assert sum(len(a.sentence_vectors) for a in batch) >= len(read)  # every text read is recorded
    for article in batch:
        for recorded in article.sentence_vectors:
            text = article.sentences[recorded.sentence].text
            assert text in read
            assert recorded.vector == tuple(float(x) for x in KeywordEncoder().encode([text])[0])
            assert recorded.encoder == "KeywordEncoder"
    rules_only = EventFinder(EventSettings(classifier=False)).pipe(_articles())
    assert all(a.sentence_vectors == () for a in rules_only)
