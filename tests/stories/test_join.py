"""The join model: its signals, the date rules around it, and the shipped weights."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from newsloom.stories.join import (
    FEATURES,
    MAX_DAYS,
    JoinModel,
    JoinSignals,
    join_model,
    load_model,
    save_model,
    too_far,
)


def test_a_missing_date_gives_no_date_signal_at_all() -> None:
    undated = JoinSignals(sim=0.5, overlap=0.2, days=None, exact=True).vector()
    assert dict(zip(FEATURES, undated, strict=True)) == {
        "sim": 0.5, "overlap": 0.2, "dated": 0.0, "days": 0.0, "exact_days": 0.0,
        "cross_language": 0.0, "cross_sim": 0.0, "undated_sim": 0.5, "undated_overlap": 0.2,
        "days_overlap": 0.0, "sim_overlap": 0.1, "numbers": 0.0, "undated_numbers": 0.0,
        "days_numbers": 0.0, "people_apart": 0.0, "places_apart": 0.0, "undated_apart": 0.0,
    }  # fmt: skip


def test_names_apart_enter_as_their_own_signals_and_again_when_undated() -> None:
    dated = dict(zip(FEATURES, JoinSignals(0.5, 0.0, days=1, people_apart=True).vector(), strict=True))
    assert (dated["people_apart"], dated["places_apart"], dated["undated_apart"]) == (1.0, 0.0, 0.0)
    undated = dict(zip(FEATURES, JoinSignals(0.5, 0.0, None, places_apart=True).vector(), strict=True))
    assert (undated["people_apart"], undated["places_apart"], undated["undated_apart"]) == (0.0, 1.0, 1.0)


def test_interactions_weigh_names_and_numbers_by_the_days_between() -> None:
    signals = dict(zip(FEATURES, JoinSignals(0.5, 0.2, days=3, numbers=2.0).vector(), strict=True))
    assert signals["undated_sim"] == signals["undated_overlap"] == signals["undated_numbers"] == 0.0
    assert signals["days_overlap"] == pytest.approx(0.6)
    assert signals["numbers"] == pytest.approx(2 / 3)
    assert signals["days_numbers"] == pytest.approx(2.0)
    many = dict(zip(FEATURES, JoinSignals(0.5, 0.2, days=None, numbers=7.0).vector(), strict=True))
    assert many["numbers"] == many["undated_numbers"] == 1.0  # counted up to MAX_NUMBERS


def test_many_pairs_at_once_score_as_each_pair_alone() -> None:
    model = join_model()
    pairs = [
        JoinSignals(0.5, 0.2, days=None, exact=True, numbers=1.0, people_apart=True),
        JoinSignals(0.1, 0.6, days=2, exact=True, cross=True, places_apart=True),
        JoinSignals(0.3, 0.0, days=9, exact=False, numbers=4.0, people_apart=True, places_apart=True),
    ]
    many = model.log_odds_many(
        np.array([p.sim for p in pairs]),
        np.array([p.overlap for p in pairs]),
        np.array([np.nan if p.days is None else p.days for p in pairs], dtype=np.float64),
        np.array([p.exact for p in pairs]),
        np.array([p.cross for p in pairs]),
        np.array([p.numbers for p in pairs]),
        np.array([p.people_apart for p in pairs]),
        np.array([p.places_apart for p in pairs]),
    )
    assert many == pytest.approx([model.log_odds(p) for p in pairs])


def test_days_are_capped_and_counted_again_when_the_text_says_the_date() -> None:
    said = JoinSignals(0.5, 0.2, days=40, exact=True).vector()
    published = JoinSignals(0.5, 0.2, days=2, exact=False).vector()
    assert said[2:5] == (1.0, float(MAX_DAYS), float(MAX_DAYS))
    assert published[2:5] == (1.0, 2.0, 0.0)


def test_a_cross_language_pair_has_its_own_similarity_slope() -> None:
    assert JoinSignals(0.4, 0.0, None, cross=True).vector()[5:7] == (1.0, 0.4)
    assert JoinSignals(0.4, 0.0, None, cross=False).vector()[5:7] == (0.0, 0.0)


@pytest.mark.parametrize(
    ("unit", "span", "expected"),
    [
        ("2025-10-21", ("2005-10-21", "2005-10-22"), True),  # twenty years apart
        ("2025-10-21", ("2025-10-01", "2025-10-10"), False),  # inside a month of the span
        ("2025-12-01", ("2025-10-01", "2025-10-10"), True),
        (None, ("2005-10-21", None), False),  # unknown is not far
        ("XXXX-10-21", ("2005-10-21", None), False),  # nor is a date without its year
        ("2025-10-21", (None, None), False),
        ("1998", ("2025-10-21", None), True),  # a year alone still tells decades apart
        ("2025-10", ("2024-12-30", None), False),  # but not a month around new year
        ("2025-10-21", ("1990-05", "1991"), True),
        ("XXXX-10", ("1990-05",), False),
    ],
)
def test_only_two_known_dates_can_be_too_far(unit: str | None, span: tuple, expected: bool) -> None:
    assert too_far(unit, span) is expected


def test_the_shipped_model_was_trained_by_the_script_on_named_data() -> None:
    model = join_model()
    assert len(model.weights) == len(FEATURES)
    assert "SemEval" in model.meta["trained_on"] and "Apache-2.0" in model.meta["trained_on"]
    assert "scripts/train_stories.py" in model.meta["command"]
    assert model.meta["cv_accuracy"] > model.meta["cv_accuracy_embedding_alone"]


def test_the_shipped_model_rises_with_similarity_and_overlap_and_falls_with_days() -> None:
    model = join_model()
    for cross in (False, True):
        base = JoinSignals(0.3, 0.2, days=0, cross=cross)
        assert model.log_odds(JoinSignals(0.6, 0.2, days=0, cross=cross)) > model.log_odds(base)
        assert model.log_odds(JoinSignals(0.3, 0.5, days=0, cross=cross)) > model.log_odds(base)
        assert model.log_odds(JoinSignals(0.3, 0.2, days=3, cross=cross)) < model.log_odds(base)


def test_the_shipped_model_rises_with_shared_numbers_dated_or_not() -> None:
    model = join_model()
    for days in (None, 0, 2):
        assert model.log_odds(JoinSignals(0.3, 0.2, days, numbers=2.0)) > model.log_odds(
            JoinSignals(0.3, 0.2, days)
        )


def test_an_undated_pair_is_not_judged_as_one_days_apart() -> None:
    model = join_model()
    assert model.log_odds(JoinSignals(0.4, 0.3, days=None)) > model.log_odds(
        JoinSignals(0.4, 0.3, days=MAX_DAYS)
    )


def test_a_model_file_of_other_features_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "join.json"
    path.write_text(json.dumps({"features": ["sim"], "model": {}}), encoding="utf-8")
    with pytest.raises(ValueError, match="train_stories.py"):
        load_model(path)
    with pytest.raises(FileNotFoundError, match="train_stories.py"):
        load_model(tmp_path / "missing.json")


def test_a_saved_model_loads_back_the_same(tmp_path: Path) -> None:
    model = JoinModel(
        tuple(round(0.1 * i - 0.5, 1) for i in range(len(FEATURES))), -0.4, {"trained_on": "test"}
    )
    loaded = load_model(save_model(model, tmp_path / "join.json"))
    assert loaded == model
    assert 0.0 < loaded.probability(JoinSignals(0.5, 0.1, None)) < 1.0


def test_the_shipped_model_falls_when_dated_reports_name_other_people_or_places() -> None:
    model = join_model()
    for days in (0, 2):
        base = model.log_odds(JoinSignals(0.4, 0.1, days))
        assert model.log_odds(JoinSignals(0.4, 0.1, days, people_apart=True)) < base
        assert model.log_odds(JoinSignals(0.4, 0.1, days, places_apart=True)) < base
