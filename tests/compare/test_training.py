"""Grouped cross-validation: a pair, its translations and pairs sharing an article stay in one fold."""

from __future__ import annotations

import numpy as np
import pytest

from newsloom.compare.model import DIMENSIONS
from newsloom.compare.training import (
    article_ids,
    cross_validate,
    fold_indices,
    pair_groups,
    pearson_by_dimension,
)


def test_article_ids_ignore_language_suffixes() -> None:
    assert article_ids("1484037032zh_1483931345zh") == ["1484037032", "1483931345"]


def test_translated_pair_and_shared_articles_share_a_group() -> None:
    ids = [
        "1484037032_1483931345",
        "1484037032zh_1483931345zh",  # a machine translation of the first
        "1483931345_1500000000",  # shares an article with the first
        "1600000000_1600000001",  # unrelated
    ]
    groups = pair_groups(ids)
    assert groups[0] == groups[1] == groups[2]
    assert groups[3] != groups[0]


def test_folds_never_split_a_group_and_cover_every_pair() -> None:
    rng = np.random.default_rng(0)
    groups = rng.integers(0, 40, size=200)
    folds = fold_indices(groups, folds=5, seed=1)
    assert sorted(np.concatenate(folds).tolist()) == list(range(200))
    owners = [{int(g) for g in groups[f]} for f in folds]
    for i in range(5):
        for j in range(i + 1, 5):
            assert not owners[i] & owners[j]


def test_cross_validation_learns_a_signal_it_never_saw_the_answer_to() -> None:
    rng = np.random.default_rng(5)
    n = 300
    x = rng.normal(size=(n, 3))
    y = np.clip(np.stack([2.5 - x[:, 0] + rng.normal(scale=0.3, size=n) for _ in DIMENSIONS], axis=1), 1, 4)
    groups = np.arange(n) // 3
    oof = cross_validate(x, y, groups, ("a", "b", "c"), folds=3, gbm_params={"n_estimators": 40})
    scores = pearson_by_dimension(oof, y)
    assert scores["overall"] > 0.8
    noise = rng.normal(size=(n, 3))
    oof_noise = cross_validate(noise, y, groups, ("a", "b", "c"), folds=3, gbm_params={"n_estimators": 40})
    assert pearson_by_dimension(oof_noise, y)["overall"] < 0.3


def test_pair_kinds_split_official_from_translated_and_by_language() -> None:
    from newsloom.compare.training import pair_kinds

    pairs = [
        {"pair_id": "1586893419_1587582551", "lang1": "de", "lang2": "de"},
        {"pair_id": "1483772389_1483772403", "lang1": "de", "lang2": "en"},
        {"pair_id": "1484039360it_1484180228it", "lang1": "it", "lang2": "it"},
        {"pair_id": "1484039360it_1484180228", "lang1": "it", "lang2": "en"},
    ]
    kinds = {k: v.tolist() for k, v in pair_kinds(pairs).items()}
    assert kinds["official (untranslated)"] == [True, True, False, False]
    assert kinds["official, two languages"] == [False, True, False, False]
    assert kinds["translated, one language"] == [False, False, True, False]
    assert kinds["translated, two languages"] == [False, False, False, True]
    # every pair is in exactly one of the four official/translated x one/two language classes
    classes = (
        "official, one language",
        "official, two languages",
        "translated, one language",
        "translated, two languages",
    )
    assert [sum(kinds[c][i] for c in classes) for i in range(4)] == [1, 1, 1, 1]


def test_language_blocks_hold_out_a_language_with_every_relative_of_its_pairs() -> None:
    from newsloom.compare.training import language_blocks

    pairs = [
        {"pair_id": "1_2", "lang1": "en", "lang2": "en"},
        {"pair_id": "1zh_2zh", "lang1": "zh", "lang2": "zh"},  # a translation of the first
        {"pair_id": "3_4", "lang1": "de", "lang2": "en"},
        {"pair_id": "5_6", "lang1": "de", "lang2": "de"},
        {"pair_id": "7_8", "lang1": "en", "lang2": "en"},
    ]
    groups = pair_groups([p["pair_id"] for p in pairs])
    blocks = {name: (test.tolist(), train.tolist()) for name, test, train in language_blocks(pairs, groups)}
    assert set(blocks) == {"de", "en", "zh", "cross"}
    assert blocks["zh"] == ([1], [2, 3, 4])  # its original (pair 0) is not trained on
    assert blocks["de"] == ([2, 3], [0, 1, 4])
    assert blocks["en"] == ([0, 2, 4], [3])
    assert blocks["cross"] == ([2], [0, 1, 3, 4])


def test_a_held_out_language_has_no_centre_unless_seen_unrated() -> None:
    from newsloom.compare.training import centred_features, language_blocks
    from tests.compare.test_features import _text

    rng = np.random.default_rng(2)
    pairs, prepared = [], {}
    for k, lang in enumerate(["de"] * 20 + ["en"] * 20 + ["fr"] * 20):
        names = (f"{lang}{k}a", f"{lang}{k}b")
        for name in names:
            prepared[name] = _text(lang, rng.normal(size=(2, 6)))
        pairs.append(
            {
                "pair_id": f"{2 * k}_{2 * k + 1}",
                "lang1": lang,
                "lang2": lang,
                "text1": names[0],
                "text2": names[1],
            }
        )
    groups = pair_groups([p["pair_id"] for p in pairs])
    name, test, train = next(b for b in language_blocks(pairs, groups) if b[0] == "fr")
    assert [pairs[i]["lang1"] for i in test] == ["fr"] * 20
    _, _, known = centred_features(pairs, prepared, train)
    assert known[train].all() and not known[test].any()  # French unseen: the fallback scores it
    _, _, known = centred_features(pairs, prepared, train, also_centre=list(prepared.values()))
    assert known.all()  # French seen without its ratings


class WordHashEncoder:
    """Vectors from hashed words: any script, no model."""

    name = "word-hash"
    dim = 32

    def encode(self, texts: list[str]) -> np.ndarray:
        import hashlib

        from newsloom.stories.embed import normalise_rows

        rows = np.full((len(texts), self.dim), 0.05, dtype=np.float32)
        for i, text in enumerate(texts):
            for word in text.split():
                rows[i, hashlib.md5(word.encode()).digest()[0] % self.dim] += 1.0
        return normalise_rows(rows)


def test_refreshing_one_language_recomputes_its_rows_centre_and_spread_only() -> None:
    from newsloom.compare.features import feature_names, language_centers, pair_features, prepare_texts
    from newsloom.compare.model import language_centers as stored_centers
    from newsloom.compare.model import pair_spreads as stored_spreads
    from newsloom.compare.training import languages_meta, refresh_rows, spreads_meta

    places = ["القاهرة", "بغداد", "دمشق", "بيروت", "عمان", "الرياض", "تونس", "الجزائر"]
    arabic = [
        f"أعلنت وزارة الصحة في {places[k % 8]} اليوم عن {k + 3} إصابات جديدة بفيروس كورونا. "
        f"وقال المتحدث باسم الوزارة إن الحكومة ستفرض قيودا جديدة على السفر خلال الأسبوع {k}."
        for k in range(32)
    ]
    english = [f"The minister of health in Cairo said {k} new cases were found today." for k in range(4)]
    pairs = [
        {
            "pair_id": f"{k}_{k + 100}",
            "lang1": "ar",
            "lang2": "ar",
            "text1": arabic[2 * k],
            "text2": arabic[2 * k + 1],
        }
        for k in range(16)
    ] + [
        {
            "pair_id": f"{k}_{k + 200}",
            "lang1": "en",
            "lang2": "en",
            "text1": english[2 * k],
            "text2": english[2 * k + 1],
        }
        for k in range(2)
    ]
    names = feature_names()
    dim = WordHashEncoder.dim
    old = np.full(dim, 0.1, dtype=np.float32)
    from newsloom.compare.features import LanguageCenter, PairSpread

    meta = {
        "date_source": "cldr",
        "place_source": "geonames",
        "center": [0.0] * dim,
        "languages": languages_meta({"ar": LanguageCenter(old, old), "en": LanguageCenter(old, old)}),
        "spreads": spreads_meta({"ar|ar": PairSpread(0, 1, 0, 1), "ar|en": PairSpread(0.5, 1, 0.5, 1)}),
    }
    stored = np.zeros((len(pairs), len(names)))
    x, fresh_meta = refresh_rows(pairs, stored, names, ("ar",), meta, WordHashEncoder())

    assert (x[16:] == 0).all()  # English rows as stored
    assert not (x[:16] == 0).all(axis=1).any()
    prepared = prepare_texts(arabic, [None] * 32, WordHashEncoder())
    centre = language_centers(prepared)["ar"]
    assert np.allclose(stored_centers(fresh_meta)["ar"].segment, centre.segment, atol=1e-5)
    assert np.allclose(stored_centers(fresh_meta)["en"].segment, old)
    spreads = stored_spreads(fresh_meta)
    assert spreads["ar|ar"] != PairSpread(0, 1, 0, 1) and spreads["ar|en"] == PairSpread(0.5, 1, 0.5, 1)
    expected = pair_features(
        prepared[0], prepared[1], np.zeros(dim, dtype=np.float32), stored_centers(fresh_meta), spreads
    )
    assert np.allclose(x[0], [expected[n] for n in names], atol=1e-4)


def test_stored_rows_are_matched_by_position_when_ids_repeat() -> None:
    from newsloom.compare.training import stored_pairs

    pairs = [{"pair_id": "1_2", "text1": "a"}, {"pair_id": "3_4"}, {"pair_id": "1_2", "text1": "b"}]
    assert [p.get("text1") for p in stored_pairs(pairs, ["1_2", "3_4", "1_2"])] == ["a", None, "b"]
    unique = [{"pair_id": "1_2"}, {"pair_id": "3_4"}]
    assert stored_pairs(unique, ["3_4", "1_2"]) == unique[::-1]
    with pytest.raises(SystemExit, match="other pairs"):
        stored_pairs(pairs, ["3_4", "1_2", "1_2"])  # reordered, and the ids repeat: no safe match


def test_language_pair_blocks_hold_out_one_pair_of_languages_and_its_relatives() -> None:
    from newsloom.compare.training import language_pair_blocks

    pairs = [
        {"pair_id": "1_2", "lang1": "en", "lang2": "en"},
        {"pair_id": "1de_2", "lang1": "de", "lang2": "en"},  # a translation of the first
        {"pair_id": "3_4", "lang1": "en", "lang2": "de"},  # en-de is de-en
        {"pair_id": "5_6", "lang1": "de", "lang2": "de"},
        {"pair_id": "7_8", "lang1": "en", "lang2": "en"},
    ]
    groups = pair_groups([p["pair_id"] for p in pairs])
    blocks = {
        name: (test.tolist(), train.tolist()) for name, test, train in language_pair_blocks(pairs, groups)
    }
    assert set(blocks) == {"de-de", "de-en", "en-en"}
    assert blocks["de-en"] == ([1, 2], [3, 4])  # pair 0 is the original of pair 1
    assert blocks["en-en"] == ([0, 4], [2, 3])
    assert blocks["de-de"] == ([3], [0, 1, 2, 4])
