"""CONCEDE and RETREAT read from a clause's head verb (``events/concessions.py``) and the bar they
lower in the stage (``Combination.concession_bar``), with a hand-made classifier (no model loaded)."""

from __future__ import annotations

import numpy as np
import pytest

from newsloom.events.classifier import EventClassifier
from newsloom.events.concessions import concession_types
from newsloom.events.learned import Combination, add_classifier_events
from newsloom.events.types import PLOVER_TYPES
from newsloom.lang import load_part
from tests.events.helpers import make_article

ENGLISH = load_part("en", "events")


@pytest.mark.parametrize(
    ("text", "types"),
    [
        # promised, announced or granted: verbal (codebook: CONCEDE)
        ("The army said it would withdraw its troops from the valley.", {"CONCEDE"}),
        ("The rebels pledged to free the hostages after the holiday.", {"CONCEDE"}),
        ("The minister apologised for the delays at the border.", {"CONCEDE"}),
        ("The company dropped its lawsuit against the union.", {"CONCEDE"}),
        ("The junta lifted the ban on two newspapers.", {"CONCEDE"}),
        ("The teachers called off their strike on Sunday.", {"CONCEDE"}),
        # carried out: material (codebook: RETREAT)
        ("The army withdrew its troops from the valley on Monday.", {"RETREAT"}),
        ("The government lifted the night curfew in the capital.", {"RETREAT"}),
        ("The hostages were freed at the border crossing.", {"RETREAT"}),
        ("The central bank governor resigned on Friday.", {"RETREAT"}),
        # asked, refused, negated, in a relative clause, conditional: nothing
        ("The UN urged Israel to withdraw its troops.", set()),
        ("The president did not resign.", set()),
        ("Hamas has not released the hostages.", set()),
        ("The prisoners who were released last year protested outside the court.", set()),
        ("If Russia will withdraw its troops, the talks resume.", set()),
        ("Police fired tear gas at the crowd.", set()),
    ],
)
def test_the_english_pack_reads_concessions_and_retreats_by_the_codebook_line(text, types):
    assert concession_types(text, ENGLISH) == frozenset(types)


def test_a_pack_without_concession_words_reads_nothing():
    assert concession_types("Quân đội đã rút quân khỏi biên giới.", load_part("vi", "events")) == frozenset()
    assert concession_types("The army withdrew its troops.", load_part("xx", "events")) == frozenset()


class OneEncoder:
    def encode(self, texts):
        return np.ones((len(texts), 1), dtype=np.float32)


def _low_retreat() -> EventClassifier:
    """p(RETREAT) = 0.2 in every sentence (threshold 0.5: 0.4 of it), every other type 0.05."""
    bias = np.full(len(PLOVER_TYPES), -3.0, dtype=np.float32)
    bias[PLOVER_TYPES.index("RETREAT")] = np.log(0.2 / 0.8)
    return EventClassifier(
        types=PLOVER_TYPES,
        weights=np.zeros((len(PLOVER_TYPES), 1), dtype=np.float32),
        bias=bias,
        thresholds=np.full(len(PLOVER_TYPES), 0.5, dtype=np.float32),
        platt=(1.0, 0.0),
    )


def _types(text: str, language: str, combination: Combination | None = None) -> list[str]:
    article = make_article(text, language, {})
    return [e.type for e in add_classifier_events(article, [], _low_retreat(), OneEncoder(), combination)]


def test_a_retreat_read_in_the_clause_is_reported_under_the_threshold():
    text = "The army withdrew its troops from the border town on Monday."
    assert _types(text, "en") == ["RETREAT"]  # 0.2 >= 0.25 x 0.5
    assert _types(text, "en", Combination(concession_bar=None)) == []  # the words not read
    assert _types(text, "en", Combination(concession_bar=0.5)) == []  # 0.2 < 0.5 x 0.5


def test_without_the_words_the_low_probability_adds_nothing():
    assert _types("Heavy rain fell over the capital on Monday morning.", "en") == []
    assert _types("The army may withdraw its troops from the border town.", "en") == []  # hedged
    assert _types("Quân đội đã rút quân khỏi thị trấn biên giới hôm thứ Hai.", "vi") == []
