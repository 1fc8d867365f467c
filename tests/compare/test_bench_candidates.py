"""bench/compare.py --candidates: the monotone constraints and the stacked head, on tiny data."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bench.compare import _fit_predict, _stacked, monotone_signs
from newsloom.compare.model import DIMENSIONS


def test_similarities_lower_the_rating_gaps_raise_it_the_rest_is_free() -> None:
    names = (
        "cos_whole",
        "lcos_whole_z",
        "calign_max",
        "names_jaccard",
        "places_shared",
        "ngrams_cosine",
        "rnames_found",
        "years_gap",
        "style_quotes_gap",
        "same_language",
        "names_both",
        "length_min",
    )
    assert monotone_signs(names) == [-1, -1, -1, -1, -1, -1, -1, 1, 1, 0, 0, 0]


def _data(n: int = 120, seed: int = 0) -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
    rng = np.random.default_rng(seed)
    x = rng.random((n, 3))
    base = 4 - 3 * x[:, 0]  # the more similar (cos_whole high), the lower the rating
    y = np.column_stack([np.clip(base + rng.normal(0, 0.2, n), 1, 4) for _ in DIMENSIONS])
    return x, y, ("cos_whole", "same_language", "length_min")


def test_the_monotone_head_never_rates_a_more_similar_pair_less_similar() -> None:
    x, y, names = _data()
    grid = np.column_stack([np.linspace(0, 1, 50), np.full(50, 0.5), np.full(50, 0.5)])
    scores = _fit_predict("monotone", x, y, grid, names, DIMENSIONS.index("overall"))
    assert np.all(np.diff(scores) <= 1e-9)
    assert scores[0] - scores[-1] > 1.5


def test_the_stacked_head_scores_every_test_row_on_the_scale() -> None:
    x, y, names = _data(seed=1)
    groups = np.arange(len(x)) // 2
    scores = _stacked(x[:100], y[:100], groups[:100], x[100:], names)
    assert scores.shape == (20,)
    assert np.all((scores >= 1) & (scores <= 4))
    assert np.corrcoef(scores, 4 - 3 * x[100:, 0])[0, 1] > 0.8


def test_another_matrix_must_hold_the_stored_pairs_and_columns(tmp_path: Path) -> None:
    from bench.compare import _other_matrix

    pairs = [{"pair_id": "1_2"}, {"pair_id": "3_4"}]
    names = ("cos_whole", "names_jaccard")
    path = tmp_path / "m.npz"
    x = np.array([[0.5, 0.1], [0.2, 0.0]], dtype=np.float32)
    np.savez(path, pair_id=np.array(["1_2", "3_4"]), x=x, names=np.array(names), cosine=np.zeros(2))
    other, other_names = _other_matrix(path, pairs, names)
    assert np.allclose(other, x) and other_names == names
    with pytest.raises(SystemExit, match="first columns"):
        _other_matrix(path, pairs, names[::-1])
    with pytest.raises(SystemExit, match="other pairs"):
        _other_matrix(path, pairs[::-1], names)


def test_another_matrix_may_append_new_features(tmp_path: Path) -> None:
    """A candidate's new features come after the stored columns and are measured with them; a
    matrix that drops a stored column is refused."""
    from bench.compare import _other_matrix

    pairs = [{"pair_id": "1_2"}, {"pair_id": "3_4"}]
    names = ("cos_whole", "names_jaccard")
    path = tmp_path / "wide.npz"
    x = np.array([[0.5, 0.1, 0.3], [0.2, 0.0, 0.0]], dtype=np.float32)
    wide = (*names, "lead_names_jaccard")
    np.savez(path, pair_id=np.array(["1_2", "3_4"]), x=x, names=np.array(wide), cosine=np.zeros(2))
    other, other_names = _other_matrix(path, pairs, names)
    assert other.shape == (2, 3) and other_names == wide
    with pytest.raises(SystemExit, match="first columns"):
        _other_matrix(path, pairs, ("cos_whole", "names_jaccard", "numbers_jaccard", "x"))
