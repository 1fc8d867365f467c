"""The shipped trees' own boosting (training.boost_trees), with and without monotone constraints."""

from __future__ import annotations

import numpy as np
import pytest

from newsloom.compare.model import DIMENSIONS, CompareModel
from newsloom.compare.training import boost_trees, fit_model, monotone_signs

NAMES = ("cos_whole", "names_jaccard", "length_min")
PARAMS = {
    "n_estimators": 60,
    "learning_rate": 0.1,
    "max_depth": 3,
    "subsample": 0.8,
    "min_samples_leaf": 10,
    "max_features": 1.0,
    "random_state": 3,
}


def _data(n: int = 400, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, 3))
    # the rating falls as the similarity grows, but the noise bends it upwards here and there
    rating = 2.5 - 0.6 * x[:, 0] + 0.3 * np.sin(6 * x[:, 0]) - 0.2 * x[:, 1] + 0.3 * rng.normal(size=n)
    return x, np.clip(rating, 1, 4)


def test_boosted_member_learns_the_signal_and_scores_like_its_own_sum() -> None:
    x, y = _data()
    member = boost_trees(x[:300], y[:300], PARAMS)
    model = CompareModel(("a", "b", "c"), {"overall": {"members": [member], "weights": [1.0]}})
    scores = model.predict_matrix(x[300:])[:, DIMENSIONS.index("overall")]
    assert np.corrcoef(scores, y[300:])[0, 1] > 0.8
    assert member["init"] == pytest.approx(float(y[:300].mean()))
    assert len(member["trees"]) == PARAMS["n_estimators"]


def test_monotone_head_never_rates_a_more_similar_pair_less_similar() -> None:
    x, y = _data()
    signs = monotone_signs(NAMES)
    assert signs == [-1, -1, 0]
    free = boost_trees(x, y, PARAMS)
    bound = boost_trees(x, y, PARAMS, signs)
    grid = np.column_stack([np.linspace(-3, 3, 400), np.zeros(400), np.zeros(400)])

    def along(member: dict) -> np.ndarray:
        model = CompareModel(NAMES, {"overall": {"members": [member], "weights": [1.0]}})
        return model.predict_matrix(grid)[:, DIMENSIONS.index("overall")]

    assert np.all(np.diff(along(bound)) <= 1e-9)
    assert np.any(np.diff(along(free)) > 1e-6)  # the sine bends the free trees upwards somewhere


def test_monotone_signs_leave_features_with_a_missing_value_free() -> None:
    names = ("years_gap", "rnames_found", "style_quotes_gap", "words_cosine", "names_both", "lalign_lead")
    assert monotone_signs(names) == [0, 0, 1, -1, 0, -1]


def test_fit_model_refuses_an_unknown_booster() -> None:
    x, y = _data(60)
    with pytest.raises(ValueError, match="booster must be one of"):
        fit_model(x, np.tile(y[:, None], (1, 7)), NAMES, {}, booster="xgb")


def test_bagged_booster_averages_gbms_of_other_seeds() -> None:
    from newsloom.compare.training import BAG_SEEDS, GBM_WEIGHT

    x, y = _data(200)
    head = fit_model(x, np.tile(y[:, None], (1, 7)), NAMES, {}, booster="bag", fallback=False).heads[
        "overall"
    ]
    kinds = [m["type"] for m in head["members"]]
    assert kinds == ["gbm"] * BAG_SEEDS + ["ridge"]
    assert sum(head["weights"][:BAG_SEEDS]) == pytest.approx(GBM_WEIGHT)
    assert sum(head["weights"]) == pytest.approx(1.0)
    first = [m["trees"][0]["threshold"] for m in head["members"][:BAG_SEEDS]]
    assert len({tuple(t) for t in first}) > 1  # the seeds draw other rows and features
