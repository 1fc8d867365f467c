"""The sibling rule: a type dropped when a type of opposite sense is reported far above it, and
its margin chosen on training rows (toy probabilities and vectors, no encoder)."""

from __future__ import annotations

import numpy as np
import pytest

from newsloom.events.classifier import OPPOSITE_SIBLINGS, EventClassifier, drop_opposite_siblings
from newsloom.events.types import PLOVER_TYPES

RETREAT, SANCTION, AGREE = (PLOVER_TYPES.index(t) for t in ("RETREAT", "SANCTION", "AGREE"))


def _rows(*pairs: dict[str, float]) -> np.ndarray:
    rows = np.zeros((len(pairs), len(PLOVER_TYPES)), dtype=np.float32)
    for row, values in zip(rows, pairs, strict=True):
        for type_, p in values.items():
            row[PLOVER_TYPES.index(type_)] = p
    return rows


THRESHOLDS = np.full(len(PLOVER_TYPES), 0.3, dtype=np.float32)


def test_every_sibling_pair_names_known_types_of_opposite_sense():
    assert {a for a, _ in OPPOSITE_SIBLINGS} == {"RETREAT", "CONCEDE"}
    assert all(a in PLOVER_TYPES and b in PLOVER_TYPES and a != b for a, b in OPPOSITE_SIBLINGS)


def test_a_sibling_far_below_its_opposite_is_dropped_either_way_round():
    rows = _rows(
        {"SANCTION": 0.95, "RETREAT": 0.5},  # imposed sanctions, RETREAT beside: dropped
        {"SANCTION": 0.6, "RETREAT": 0.95},  # lifted sanctions, SANCTION beside: dropped
        {"SANCTION": 0.7, "RETREAT": 0.6},  # within the margin: both kept
        {"AGREE": 0.95, "RETREAT": 0.4},  # AGREE is no opposite of RETREAT: kept
    )
    found = drop_opposite_siblings(rows, PLOVER_TYPES, THRESHOLDS, 0.2)
    assert found[0, RETREAT] == 0.0 and found[0, SANCTION] == pytest.approx(0.95)
    assert found[1, SANCTION] == 0.0 and found[1, RETREAT] == pytest.approx(0.95)
    assert found[2, RETREAT] == pytest.approx(0.6) and found[2, SANCTION] == pytest.approx(0.7)
    assert found[3, RETREAT] == pytest.approx(0.4)


def test_a_sibling_under_its_own_threshold_drops_nothing_and_no_margin_is_no_rule():
    rows = _rows({"SANCTION": 0.95, "RETREAT": 0.5})
    high = THRESHOLDS.copy()
    high[SANCTION] = 0.97
    assert drop_opposite_siblings(rows, PLOVER_TYPES, high, 0.2)[0, RETREAT] == pytest.approx(0.5)
    assert np.array_equal(drop_opposite_siblings(rows, PLOVER_TYPES, THRESHOLDS, None), rows)


def _classifier(margin: float | None) -> EventClassifier:
    weights = np.zeros((len(PLOVER_TYPES), 2), dtype=np.float32)
    weights[SANCTION] = [6.0, 0.0]
    weights[RETREAT] = [1.0, 0.0]
    return EventClassifier(
        types=PLOVER_TYPES,
        weights=weights,
        bias=np.full(len(PLOVER_TYPES), -1.0, dtype=np.float32),
        thresholds=np.full(len(PLOVER_TYPES), 0.4, dtype=np.float32),
        platt=(1.0, 0.0),
        sibling_margin=margin,
    )


def test_the_classifier_applies_its_margin_and_keeps_it_through_json():
    probe = np.array([[1.0, 0.0]], dtype=np.float32)  # SANCTION p 0.99, RETREAT p 0.5
    assert set(_classifier(None).predict(probe)[0]) == {"SANCTION", "RETREAT"}
    ruled = _classifier(0.2)
    assert set(ruled.predict(probe)[0]) == {"SANCTION"}
    assert ruled.raw_probabilities(probe)[0, RETREAT] == pytest.approx(0.5)
    again = EventClassifier.from_json(ruled.to_json())
    assert again.sibling_margin == pytest.approx(0.2) and again.predict(probe) == ruled.predict(probe)
    old = ruled.to_json()
    del old["sibling_margin"]  # an artifact from before the rule
    assert EventClassifier.from_json(old).sibling_margin is None


def test_the_margin_is_chosen_on_training_rows_and_no_rule_wins_when_it_does_not_help():
    from newsloom.events.training import TrainingSet, choose_sibling_margin, label_matrix

    labels = [frozenset({"SANCTION"})] * 20 + [frozenset({"RETREAT"})] * 20
    data = TrainingSet(np.zeros((40, 2), dtype=np.float32), label_matrix(labels), ())
    logit = np.log(np.array([0.95, 0.6]) / (1 - np.array([0.95, 0.6])))
    sanction_rows = np.full((20, len(PLOVER_TYPES)), -5.0, dtype=np.float32)
    sanction_rows[:, SANCTION], sanction_rows[:, RETREAT] = logit
    retreat_rows = np.full((20, len(PLOVER_TYPES)), -5.0, dtype=np.float32)
    retreat_rows[:, RETREAT], retreat_rows[:, SANCTION] = logit
    logits = np.concatenate([sanction_rows, retreat_rows])
    margin, scores = choose_sibling_margin(data, logits, None, (1.0, 0.0), THRESHOLDS)
    assert margin is not None and margin < 0.35 and scores[str(margin)] == pytest.approx(1.0)
    assert scores["None"] < 1.0
    # both right on every row: dropping one only loses, so no rule
    both = [frozenset({"SANCTION", "RETREAT"})] * 40
    data = TrainingSet(data.vectors, label_matrix(both), ())
    assert choose_sibling_margin(data, logits, None, (1.0, 0.0), THRESHOLDS)[0] is None


def test_a_margin_for_an_existing_artifact_keeps_its_weights_and_reads_unseen_languages_with_them():
    from newsloom.events.training import TrainingSet, choose_margin_for, label_matrix

    model = _classifier(None)
    model = EventClassifier(**{**model.__dict__, "metadata": {"languages": ["en"], "C": 4.0}})
    # English rows the model was trained on: three separable kinds, refitted out-of-fold
    rng = np.random.default_rng(3)
    english = np.concatenate(
        [rng.normal(centre, 0.2, (20, 2)) for centre in ([3.0, 0.0], [0.0, 3.0], [-3.0, 0.0])]
    )
    english_labels = [frozenset({t}) for t in ("SANCTION", "AGREE", "RETREAT") for _ in range(20)]
    # Italian rows it never saw: its own weights put RETREAT (p 0.5) beside SANCTION (p 0.99)
    italian = np.tile([[1.0, 0.0]], (10, 1))
    data = TrainingSet(
        np.concatenate([english, italian]).astype(np.float32),
        label_matrix(english_labels + [frozenset({"SANCTION"})] * 10),
        ("en",) * 60 + ("it",) * 10,
    )
    chosen = choose_margin_for(model, data)
    assert chosen.sibling_margin is not None and chosen.sibling_margin < 0.49
    assert (
        chosen.metadata["sibling_margin_scores"]["None"]
        < chosen.metadata["sibling_margin_scores"][str(chosen.sibling_margin)]
    )
    assert chosen.metadata["sibling_margin_rows"] == {"en": 60, "it": 10}
    assert np.array_equal(chosen.weights, model.weights) and np.array_equal(
        chosen.thresholds, model.thresholds
    )
    assert chosen.platt == model.platt and model.sibling_margin is None
    # Italian rows that are both: dropping RETREAT only loses there, so no rule
    both = TrainingSet(
        data.vectors, label_matrix(english_labels + [frozenset({"SANCTION", "RETREAT"})] * 10), data.languages
    )
    assert choose_margin_for(model, both).sibling_margin is None
    with pytest.raises(ValueError, match="language"):
        choose_margin_for(model, TrainingSet(data.vectors, data.labels, ()))
