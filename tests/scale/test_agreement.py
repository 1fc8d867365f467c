"""B-cubed between two clusterings of the same units (newsloom/scale/agreement.py)."""

from __future__ import annotations

import pytest

from newsloom.scale.agreement import bcubed


def test_the_same_grouping_under_other_ids_agrees_fully() -> None:
    found = {"a": 1, "b": 1, "c": 2}
    reference = {"a": "x", "b": "x", "c": "y"}
    score = bcubed(found, reference)
    assert (score.precision, score.recall, score.f1, score.units, score.only_one) == (1.0, 1.0, 1.0, 3, 0)


def test_a_split_cluster_costs_recall_and_a_merge_costs_precision() -> None:
    reference = {"a": 1, "b": 1, "c": 1, "d": 2}
    split = bcubed({"a": 1, "b": 1, "c": 3, "d": 2}, reference)
    # a, b: 2/3 of their reference cluster each; c: 1/3; d: 1
    assert split.precision == 1.0
    assert split.recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    merged = bcubed({"a": 1, "b": 1, "c": 1, "d": 1}, reference)
    assert merged.recall == 1.0
    assert merged.precision == pytest.approx((3 / 4 * 3 + 1 / 4) / 4)
    assert 0 < merged.f1 < 1


def test_units_only_one_side_holds_are_counted_apart() -> None:
    score = bcubed({"a": 1, "b": 1, "z": 9}, {"a": 1, "b": 1})
    assert score.units == 2 and score.only_one == 1 and score.f1 == 1.0
    assert bcubed({}, {}).f1 == 1.0
    assert bcubed({"a": 1}, {"b": 1}).f1 == 0.0
