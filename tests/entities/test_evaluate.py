"""Exact and overlapping span scores (newsloom/entities/evaluate.py)."""

from __future__ import annotations

from newsloom.entities.evaluate import figures, overlap_matches, score


def test_overlap_pairs_each_gold_span_with_one_same_type_prediction() -> None:
    gold = [(0, 10, "place"), (12, 20, "person")]
    assert overlap_matches([(5, 8, "place"), (6, 9, "place")], gold) == 1
    assert overlap_matches([(12, 14, "organization")], gold) == 0


def test_exact_needs_both_edges_and_the_type() -> None:
    exact, overlap = score([([(0, 4, "place"), (10, 15, "person")], [(0, 6, "place"), (10, 15, "person")])])
    assert exact.f1() == 0.5
    assert overlap.f1() == 1.0
    result = figures(exact, overlap)
    assert result["exact_person"] == 1.0 and result["exact_place"] == 0.0


def test_no_gold_and_no_prediction_is_perfect_but_a_false_alarm_is_not() -> None:
    assert score([([], [])])[0].f1() == 1.0
    assert score([([(0, 3, "person")], [])])[0].f1() == 0.0
