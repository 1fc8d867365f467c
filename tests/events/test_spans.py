"""The words an event was read from are recorded where the rule read them (#13): a trigger word
written twice in the sentence is marked where the rule matched it, not at its first occurrence.

The sentences are written for these tests; each has the trigger's word twice, and the rule reads
the second."""

from __future__ import annotations

import dataclasses

import pytest

from newsloom.article import Article
from newsloom.events.spans import spans_in_sentence
from newsloom.events.stage import find_events
from newsloom.events.types import Event

from .helpers import SON, WALY, make_article

NAMES = {"Bùi Thanh Sơn": SON, "Ghada Waly": WALY}

#: (language, sentence, trigger word): the rule reads the word's second occurrence
TWICE = [
    # "tiếp tục" (continue) first, "tiếp bà" (receive) second
    ("vi", "Sáng 21/10, tiếp tục chương trình làm việc tại Hà Nội, Phó Thủ tướng Bùi Thanh Sơn đã tiếp bà Ghada Waly.",
     "tiếp"),
    ("en", "With the funding promised last year still not received, Bùi Thanh Sơn received Ghada Waly on Tuesday.",
     "received"),
    ("id", "Setelah menerima laporan itu, Bùi Thanh Sơn menerima Ghada Waly di Jakarta.", "menerima"),
    ("id", "Bùi Thanh Sơn, yang bertemu wartawan pagi itu, kemudian bertemu Ghada Waly di Jakarta.", "bertemu"),
    # the word inside another word first: "met" in "metropolitan"
    ("en", "In the metropolitan area of Hà Nội, Bùi Thanh Sơn met Ghada Waly on Tuesday.", "met"),
]  # fmt: skip


def _meeting(lang: str, text: str) -> tuple[Article, Event]:
    article = find_events(make_article(text, lang, NAMES, published="2025-10-21"), classifier=False)
    meetings = [e for e in article.events if e.type == "CONSULT"]
    assert len(meetings) == 1, [(e.type, e.trigger) for e in article.events]
    return article, meetings[0]


@pytest.mark.parametrize(("lang", "text", "word"), TWICE)
def test_the_trigger_span_is_the_occurrence_the_rule_read(lang: str, text: str, word: str) -> None:
    article, event = _meeting(lang, text)
    second = text.index(word, text.index(word) + 1)
    assert (event.start, event.end) == (second, second + len(word))
    spans = spans_in_sentence(article, event)
    assert spans is not None
    trigger = [s for s in spans if s["kind"] == "trigger"]
    sentence_start = article.sentences[event.sentence].start
    assert trigger == [
        {"kind": "trigger", "start": second - sentence_start, "end": second - sentence_start + len(word)}
    ]
    assert event.evidence.find(word) != trigger[0]["start"]  # the first occurrence would be wrong


@pytest.mark.parametrize(("lang", "text", "word"), TWICE)
def test_the_named_sides_are_recorded_at_their_mentions(lang: str, text: str, word: str) -> None:
    article, event = _meeting(lang, text)
    spans = spans_in_sentence(article, event) or []
    marked = {(s["kind"], event.evidence[s["start"] : s["end"]]) for s in spans}
    assert ("source", "Bùi Thanh Sơn") in marked
    assert ("target", "Ghada Waly") in marked


def test_a_name_written_twice_is_marked_nearest_the_trigger() -> None:
    text = "Ghada Waly arrived on Monday, and on Tuesday Bùi Thanh Sơn received Ghada Waly in Hà Nội."
    article, event = _meeting("en", text)
    target = [s for s in event.spans if s.kind == "target"]
    at = text.rindex("Ghada Waly")
    assert [(s.start, s.end) for s in target] == [(at, at + len("Ghada Waly"))]


def test_mode_words_are_recorded_after_the_trigger_where_the_cue_follows_it() -> None:
    text = "Bùi Thanh Sơn held talks by phone with Ghada Waly on Tuesday."
    article, event = _meeting("en", text)
    assert event.mode == "phone"
    mode = [s for s in event.spans if s.kind == "mode"]
    assert len(mode) == 1 and "phone" in text[mode[0].start : mode[0].end]


def test_a_sentence_not_the_articles_cannot_be_placed() -> None:
    article, event = _meeting("id", TWICE[2][1])
    assert spans_in_sentence(article, dataclasses.replace(event, evidence="another sentence")) is None
    assert spans_in_sentence(article, dataclasses.replace(event, sentence=len(article.sentences))) is None
