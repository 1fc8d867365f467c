"""The route rule's noise margin (round 11, fixed before any candidate was measured): a language is
routed to the pack classifier only where the candidate's out-of-fold macro-F1 beats the shipped
recipe's in at least 95% of paired bootstrap resamples of that language's rows. Toy decisions, no fit."""

from __future__ import annotations

import numpy as np

from newsloom.events.training import (
    ROUTE_CONFIDENCE,
    choose_routes,
    macro_f1,
    paired_bootstrap_wins,
    resampled_macro_f1,
)


def _rows(n: int, errors: int, offset: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """``n`` rows of two types (alternating), and decisions that put ``errors`` rows (from
    ``offset``) on the wrong type."""
    labels = np.zeros((n, 2), dtype=np.int8)
    labels[np.arange(n), np.arange(n) % 2] = 1
    decided = labels.astype(bool)
    wrong = np.arange(offset, offset + errors)
    decided[wrong] = ~decided[wrong]
    return decided, labels


def _pair(n: int, baseline_errors: int, candidate_errors: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Baseline and candidate decisions on the same rows; the candidate's errors are a subset of
    the baseline's when it makes fewer, a superset when more."""
    baseline, labels = _rows(n, baseline_errors)
    candidate, _ = _rows(n, candidate_errors)
    return candidate, baseline, labels


def test_resampled_macro_f1_with_every_row_once_is_macro_f1():
    decided, labels = _rows(40, 7, offset=3)
    labels[:, 1] = 0  # a type with no positive is skipped, as macro_f1 skips it
    once = resampled_macro_f1(decided, labels, np.ones((1, 40)))
    assert once[0] == macro_f1(decided.astype(np.float32), labels, np.full(2, 0.5))
    assert once[0] < 1.0


def test_a_small_gain_on_few_rows_is_not_routed_and_a_large_one_is():
    small = _pair(20, 4, 3)  # vi: one row of 20 better
    large = _pair(300, 90, 30)  # en: 60 rows of 300 better
    worse = _pair(100, 10, 20)  # fr: worse
    candidate = np.concatenate([small[0], large[0], worse[0]])
    baseline = np.concatenate([small[1], large[1], worse[1]])
    labels = np.concatenate([small[2], large[2], worse[2]])
    languages = ["vi"] * 20 + ["en"] * 300 + ["fr"] * 100
    choice = choose_routes(candidate, baseline, labels, languages, ["en", "vi", "fr", "nl"])
    assert choice.gains["vi"] > 0.04  # round 10's rule (any gain) would route it
    assert choice.wins["vi"] < ROUTE_CONFIDENCE
    assert choice.wins["en"] >= ROUTE_CONFIDENCE
    assert choice.gains["fr"] < 0
    assert choice.routes == ["en"]
    assert "nl" not in choice.wins  # not scored: no rows
    assert "1000 paired bootstrap" in choice.rule


def test_a_tie_is_not_routed_and_the_resamples_are_fixed():
    candidate, baseline, labels = _pair(200, 30, 30)
    assert paired_bootstrap_wins(candidate, baseline, labels) == 0.0
    choice = choose_routes(candidate, baseline, labels, ["id"] * 200, ["id"])
    assert choice.routes == []
    small = _pair(20, 4, 3)
    assert paired_bootstrap_wins(*small) == paired_bootstrap_wins(*small)
    assert 0.0 < paired_bootstrap_wins(*small) < 1.0


def _train_events_script():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "scripts" / "train_events.py"
    spec = importlib.util.spec_from_file_location("train_events_script", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_routed_artifact_records_the_margin_rule_and_each_languages_wins():
    """``scripts/train_events.py``'s route step on the real training rows with toy vectors (no
    encoder): a candidate whose out-of-fold decisions are all right is routed for every pack language,
    and the metadata says by which rule, with how many resamples, and the share each language won."""
    import argparse
    from importlib import resources
    from pathlib import Path
    from types import SimpleNamespace

    from newsloom.events.classifier import ARTIFACT
    from newsloom.events.training import ROUTE_RESAMPLES, TrainingSet, label_matrix

    script = _train_events_script()
    texts, label_sets, codes, _ = script.training_texts(set(script.LANGUAGES.split(",")))
    vectors = np.random.default_rng(0).normal(size=(len(texts), 4)).astype(np.float32)
    data = TrainingSet(vectors, label_matrix(label_sets), tuple(codes))

    model = SimpleNamespace(metadata={"cv_by_language": {}})
    args = argparse.Namespace(languages=script.LANGUAGES, routes="en,vi,id,fr")
    shipped = Path(str(resources.files("newsloom.events").joinpath(ARTIFACT)))
    routes = script.route_by_cv(args, model, data, data.labels.astype(bool), texts, shipped)
    assert routes == ["en", "vi", "id", "fr"]
    meta = model.metadata["routes_cv"]
    assert meta["resamples"] == ROUTE_RESAMPLES and meta["confidence"] == ROUTE_CONFIDENCE
    assert "paired bootstrap" in meta["margin_rule"]
    assert set(meta["bootstrap_wins"]) == {"en", "vi", "id", "fr"}
    assert all(share >= ROUTE_CONFIDENCE for share in meta["bootstrap_wins"].values())
    assert all(meta["gain"][g] > 0 for g in routes)
