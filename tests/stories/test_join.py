"""The join model: its signals, the date rules around it, and the shipped weights."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsloom.stories.join import FEATURES, MAX_DAYS, JoinModel, JoinModels, JoinSignals, join_models, too_far


def test_a_missing_date_gives_no_date_signal_at_all() -> None:
    undated = JoinSignals(sim=0.5, overlap=0.2, days=None, exact=True).vector()
    assert dict(zip(FEATURES, undated, strict=True)) == {
        "sim": 0.5, "overlap": 0.2, "dated": 0.0, "days": 0.0, "exact_days": 0.0,
    }  # fmt: skip


def test_days_are_capped_and_counted_again_when_the_text_says_the_date() -> None:
    said = JoinSignals(0.5, 0.2, days=40, exact=True).vector()
    published = JoinSignals(0.5, 0.2, days=2, exact=False).vector()
    assert said[2:] == (1.0, float(MAX_DAYS), float(MAX_DAYS))
    assert published[2:] == (1.0, 2.0, 0.0)


@pytest.mark.parametrize(
    ("unit", "span", "expected"),
    [
        ("2025-10-21", ("2005-10-21", "2005-10-22"), True),  # twenty years apart
        ("2025-10-21", ("2025-10-01", "2025-10-10"), False),  # inside a month of the span
        ("2025-12-01", ("2025-10-01", "2025-10-10"), True),
        (None, ("2005-10-21", None), False),  # unknown is not far
        ("XXXX-10-21", ("2005-10-21", None), False),  # nor is a date without its year
        ("2025-10-21", (None, None), False),
    ],
)
def test_only_two_known_dates_can_be_too_far(unit: str | None, span: tuple, expected: bool) -> None:
    assert too_far(unit, span) is expected


def test_the_shipped_learned_model_was_trained_by_the_script_on_named_data() -> None:
    model = join_models().same_language
    assert len(model.weights) == len(FEATURES)
    assert "SemEval" in model.meta["trained_on"] and "Apache-2.0" in model.meta["trained_on"]
    assert "scripts/train_stories.py" in model.meta["command"]
    assert model.meta["cv_accuracy"] > model.meta["cv_accuracy_embedding_alone"]


def test_the_learned_model_judges_only_languages_it_knows_with_a_well_known_mean() -> None:
    models = join_models()
    enough = int(models.same_language.meta["min_language_vectors"])
    assert models.for_candidate(True, "en", enough) is models.same_language
    assert models.for_candidate(True, "en", enough - 1) is models.cross_language
    assert models.for_candidate(False, "en", enough) is models.cross_language
    assert models.for_candidate(True, "xx", enough) is models.cross_language


def test_the_learned_model_weighs_shared_names_less_than_the_hand_weights() -> None:
    models = join_models()
    learned, hand = models.same_language.weights, models.cross_language.weights
    # relative to the similarity: two events of one topic share their names
    assert learned[1] / learned[0] < hand[1] / hand[0]


@pytest.mark.parametrize("kind", ["same_language", "cross_language"])
def test_the_shipped_models_rise_with_similarity_and_overlap_and_fall_with_days(kind: str) -> None:
    model = getattr(join_models(), kind)
    base = JoinSignals(0.3, 0.2, days=0)
    assert model.log_odds(JoinSignals(0.6, 0.2, days=0)) > model.log_odds(base)
    assert model.log_odds(JoinSignals(0.3, 0.5, days=0)) > model.log_odds(base)
    assert model.log_odds(JoinSignals(0.3, 0.2, days=3)) < model.log_odds(base)


@pytest.mark.parametrize("kind", ["same_language", "cross_language"])
def test_an_undated_pair_is_not_judged_as_one_days_apart(kind: str) -> None:
    model = getattr(join_models(), kind)
    assert model.log_odds(JoinSignals(0.4, 0.3, days=None)) > model.log_odds(
        JoinSignals(0.4, 0.3, days=MAX_DAYS)
    )


def test_a_model_file_of_other_features_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "join.json"
    path.write_text(
        json.dumps({"features": ["sim"], "same_language": {}, "cross_language": {}}), encoding="utf-8"
    )
    with pytest.raises(ValueError, match="train_stories.py"):
        JoinModels.load(path)
    with pytest.raises(FileNotFoundError, match="train_stories.py"):
        JoinModels.load(tmp_path / "missing.json")


def test_saved_models_load_back_the_same(tmp_path: Path) -> None:
    learned = JoinModel((1.0, 2.0, 0.5, -0.3, -0.1), -0.4, {"trained_on": "test", "languages": ["en"]})
    hand = JoinModel((10.0, 10.0, 0.0, -2.5, -1.5), -4.5)
    loaded = JoinModels.load(JoinModels(learned, hand).save(tmp_path / "join.json"))
    assert loaded == JoinModels(learned, hand)
    assert 0.0 < loaded.same_language.probability(JoinSignals(0.5, 0.1, None)) < 1.0
