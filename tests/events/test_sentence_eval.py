"""Scoring helpers of ``events/sentence_eval.py`` on hand-made articles (no model loaded)."""

from __future__ import annotations

from newsloom.events.sentence_eval import mode_accuracy, score_types
from newsloom.events.stage import EventFinder, EventSettings
from tests.events.helpers import SON, make_article


def test_mode_accuracy_scores_the_modes_of_the_types_found():
    article = make_article("Bùi Thanh Sơn lifted the curfew on Friday.", "en", {"Bùi Thanh Sơn": SON})
    events = EventFinder(EventSettings(classifier=False))(article).events
    assert [(e.type, e.mode) for e in events] == [("RETREAT", "ease")]
    assert mode_accuracy([[("RETREAT", "ease")]], [events]) == (1, 1)
    assert mode_accuracy([[("RETREAT", "withdraw")]], [events]) == (0, 1)
    assert mode_accuracy([[("RETREAT", None)]], [events]) == (0, 1)  # a mode the gold does not give
    assert mode_accuracy([[("PROTEST", "demo")]], [events]) == (0, 0)  # type not found: no mode score
    assert mode_accuracy([[("RETREAT", None)]], [()]) == (0, 0)


def test_type_scores_count_hits_misses_and_false_alarms():
    scores = score_types(
        [frozenset({"PROTEST"}), frozenset()], [frozenset({"PROTEST", "COERCE"}), frozenset()]
    )
    assert scores.counts["PROTEST"] == [1, 0, 0] and scores.counts["COERCE"] == [0, 1, 0]
    assert scores.scored_types == ["PROTEST"] and scores.macro_f1 == 1.0
    assert round(scores.micro_f1, 3) == 0.667
