"""The scores the gold gate uses: extended B-cubed and purity."""

from __future__ import annotations

import pytest

from tests.stories.metrics import bcubed, purity


def test_a_perfect_clustering_scores_one() -> None:
    gold = {"a": {"x"}, "b": {"x"}, "c": {"y"}}
    assert bcubed({"a": {1}, "b": {1}, "c": {2}}, gold) == (1.0, 1.0, 1.0)


def test_one_big_cluster_loses_precision_and_singletons_lose_recall() -> None:
    gold = {"a": {"x"}, "b": {"x"}, "c": {"y"}, "d": {"y"}}
    precision, recall, _ = bcubed({k: {1} for k in gold}, gold)
    assert recall == 1.0 and precision == pytest.approx(0.5)
    precision, recall, _ = bcubed({k: {k} for k in gold}, gold)
    assert precision == 1.0 and recall == pytest.approx(0.5)


def test_a_roundup_in_both_of_its_stories_is_perfect() -> None:
    gold = {"a": {"x"}, "b": {"y"}, "r": {"x", "y"}}
    assert bcubed({"a": {1}, "b": {2}, "r": {1, 2}}, gold)[2] == 1.0


def test_a_roundup_in_only_one_of_its_stories_costs_recall_only() -> None:
    gold = {"a": {"x"}, "b": {"y"}, "r": {"x", "y"}}
    precision, recall, _ = bcubed({"a": {1}, "b": {2}, "r": {1}}, gold)
    assert precision == 1.0
    # r shares y with b and with itself (twice over), and finds only x of it: (1 + 1/2 + 0) / 3 for r,
    # (1 + 0) / 2 for b, 1 for a.
    assert recall == pytest.approx((1 + 0.5 + (1 + 0.5 + 0) / 3) / 3)


def test_merging_a_roundups_stories_costs_precision() -> None:
    gold = {"a": {"x"}, "b": {"y"}, "r": {"x", "y"}}
    precision, recall, _ = bcubed({"a": {1}, "b": {1}, "r": {1}}, gold)
    assert precision == pytest.approx((2 / 3 + 2 / 3 + 1) / 3)  # a and b share a cluster, not a story
    assert recall < 1.0  # and r sits in one cluster where it belongs to two stories


def test_an_item_left_out_is_a_cluster_of_its_own() -> None:
    gold = {"a": {"x"}, "b": {"x"}}
    assert bcubed({"a": {1}}, gold)[1] == pytest.approx(0.5)


def test_purity_counts_items_in_their_clusters_majority() -> None:
    assert purity({"a": 1, "b": 1, "c": 1}, {"a": "x", "b": "x", "c": "y"}) == pytest.approx(2 / 3)
    assert purity({"a": 1, "b": 2}, {"a": "x", "b": "x"}) == 1.0
