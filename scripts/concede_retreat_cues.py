"""CONCEDE against RETREAT by the sentence's promise/done cues, beside the English reader (#13).

    OMP_NUM_THREADS=1 PYTHONPATH=. python scripts/concede_retreat_cues.py \
        --vector-cache /tmp/en15/vectors [--errors /tmp/cr15/cr_errors.tsv]

Training split only (the English rows of ``--languages``, deduplicated): each row's out-of-fold
probabilities under the recipe (5 folds, C, calibrated, thresholded, sibling margin as trained) go
through the real events stage (``Combination()`` of the tree, each sentence its own article), once as
they are and once after the cue decision: if the promise cue matches (verbal or promised: CONCEDE,
``events/codebook.py``), CONCEDE takes the higher of the two types' threshold-scaled probabilities;
else if the done cue matches (carried out: RETREAT), RETREAT does. ``swap`` also gives the other type
the lower one, ``add`` leaves it. Prints the stage's English macro-F1, CONCEDE/RETREAT counts and a
paired bootstrap (1,000 resamples, seed 11) against the unchanged probabilities; ``--errors`` writes
every row whose CONCEDE/RETREAT the stage gets wrong, with the cue and both threshold ratios.

The cues are this script's (written from the codebook's definitions, session 15): they did not pass
the ship rule (+0.005 and 0.95 of resamples), so they are not in a language pack.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import numpy as np

PROMISE = re.compile(
    r"\b(?:will|would|shall|\w+'ll|pledg\w*|promis\w*|vow\w*|agree[sd]?\s+to|offer(?:s|ed)?\s+to|"
    r"commit(?:s|ted)?\s+(?:itself\s+|themselves\s+)?to|plans?\s+to|planned\s+to|intends?\s+to|"
    r"intended\s+to|(?:is|are|was|were)\s+to|ready\s+to|willing\s+to|announced\s+(?:it|that|plans?|a\s+plan)|"
    r"in\s+the\s+coming\s+(?:days|weeks|months)|by\s+the\s+end\s+of)\b",
    re.I,
)
DONE = re.compile(
    r"\b(?:released|freed|handed\s+(?:back|over)|returned|withdrew|withdrawn|pulled\s+(?:out|back)|"
    r"evacuated|disengaged|demobili[sz]ed|disarmed|dismantled|reopened|resigned|stepped\s+down|"
    r"(?:lifted|eased)\s+(?:\w+\s+){0,3}(?:curfews?|sanctions|embargo(?:es)?|blockades?|emergency|"
    r"lockdowns?|siege))\b",
    re.I,
)


def cue(text: str) -> str | None:
    """``CONCEDE`` for a promise cue, else ``RETREAT`` for a done cue, else None."""
    if PROMISE.search(text):
        return "CONCEDE"
    return "RETREAT" if DONE.search(text) else None


def decide(text: str, row: np.ndarray, thresholds: np.ndarray, c: int, r: int, mode: str) -> np.ndarray:
    """The row with CONCEDE/RETREAT chosen by the cue (see the module doc)."""
    chosen = cue(text)
    if chosen is None:
        return row
    win, lose = (c, r) if chosen == "CONCEDE" else (r, c)
    ratios = (row[c] / thresholds[c], row[r] / thresholds[r])
    out = row.copy()
    out[win] = min(1.0, max(ratios) * thresholds[win])
    if mode == "swap":
        out[lose] = min(ratios) * thresholds[lose]
    return out


def f1_table(found: np.ndarray, gold: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    tp = (found & gold).sum(0)
    fp = (found & ~gold).sum(0)
    fn = (~found & gold).sum(0)
    return 2 * tp / np.maximum(1, 2 * tp + fp + fn), tp, fp, fn


def macro(found: np.ndarray, gold: np.ndarray) -> float:
    return float(f1_table(found, gold)[0][gold.sum(0) > 0].mean())


def main() -> None:
    from train_events import encode_cached, training_texts
    from tune_events_stage import OutOfFold, RowEncoder

    from newsloom.events.classifier import LabelledSentence, drop_opposite_siblings
    from newsloom.events.learned import Combination
    from newsloom.events.sentence_eval import read_sentences, score_types
    from newsloom.events.stage import EventFinder, EventSettings
    from newsloom.events.training import (
        TrainingSet,
        _calibration_rows,
        _sigmoid,
        choose_sibling_margin,
        choose_thresholds,
        fit_platt,
        label_matrix,
        out_of_fold_logits,
        transfer_logits,
    )
    from newsloom.events.types import PLOVER_TYPES

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--languages", default="en,vi,id,fr,packless,concede,weak,news12,en13,en14")
    parser.add_argument("--c", type=float, default=16.0)
    parser.add_argument("--vector-cache", default=None)
    parser.add_argument("--errors", default=None, help="write the stage's CONCEDE/RETREAT errors here")
    args = parser.parse_args()

    texts, labels, codes, _ = training_texts(set(args.languages.split(",")))
    vectors = encode_cached(texts, Path(args.vector_cache) if args.vector_cache else None)
    data = TrainingSet(vectors, label_matrix(labels), tuple(codes))
    logits = out_of_fold_logits(data, args.c)
    moved = transfer_logits(data, args.c)
    rows, truth = _calibration_rows(data, logits, moved)
    platt = fit_platt(rows, truth)
    thresholds = np.asarray(choose_thresholds(_sigmoid(rows, platt), truth))
    margin, _ = choose_sibling_margin(data, logits, moved, platt, thresholds)
    probs = drop_opposite_siblings(_sigmoid(logits, platt), PLOVER_TYPES, thresholds, margin)
    c, r = PLOVER_TYPES.index("CONCEDE"), PLOVER_TYPES.index("RETREAT")

    first: dict[str, int] = {}
    for i, code in enumerate(codes):
        if code == "en":
            first.setdefault(texts[i], i)
    english = sorted(first.values())
    items = [LabelledSentence(texts[i], "en", labels[i], "train") for i in english]
    gold = label_matrix([s.types for s in items]).astype(bool)
    print(
        f"English rows {len(english)}; promise cue {sum(cue(texts[i]) == 'CONCEDE' for i in english)}, "
        f"done cue {sum(cue(texts[i]) == 'RETREAT' for i in english)}",
        flush=True,
    )

    found: dict[str, list[frozenset[str]]] = {}
    events: dict[str, list] = {}
    for name in ("base", "swap", "add"):
        table = probs.copy()
        if name != "base":
            for i in english:
                table[i] = decide(texts[i], probs[i], thresholds, c, r, name)
        finder = EventFinder(
            EventSettings(combination=Combination()),
            encoder=RowEncoder({texts[i]: i for i in english}),
            classifier=OutOfFold(table, thresholds),
        )
        read = finder.pipe(list(read_sentences(items)))
        events[name] = [a.events for a in read]
        found[name] = [frozenset(e.type for e in a.events) for a in read]
        score = score_types([s.types for s in items], found[name])
        print(f"{name}: stage macro-F1 {score.macro_f1:.4f} micro {score.micro_f1:.4f}", flush=True)

    base = label_matrix(found["base"]).astype(bool)
    rng = np.random.default_rng(11)
    samples = [rng.integers(0, len(items), len(items)) for _ in range(1000)]
    for name in ("swap", "add"):
        cand = label_matrix(found[name]).astype(bool)
        wins = np.mean([macro(cand[k], gold[k]) > macro(base[k], gold[k]) for k in samples])
        changed = sum(a != b for a, b in zip(found[name], found["base"], strict=True))
        print(
            f"{name} vs base: macro {macro(cand, gold) - macro(base, gold):+.4f}, "
            f"bootstrap wins {wins:.3f}, rows changed {changed}"
        )
        for j in (c, r):
            fb, tpb, fpb, fnb = f1_table(base, gold)
            fc, tpc, fpc, fnc = f1_table(cand, gold)
            print(
                f"   {PLOVER_TYPES[j]}: F1 {fb[j]:.3f} -> {fc[j]:.3f}, tp {tpb[j]} -> {tpc[j]}, "
                f"fp {fpb[j]} -> {fpc[j]}, fn {fnb[j]} -> {fnc[j]}"
            )
    if args.errors:
        pair = {"CONCEDE", "RETREAT"}
        with open(args.errors, "w", encoding="utf-8") as fh:
            for k, i in enumerate(english):
                want = set(items[k].types) & pair
                got = {e.type: e.classifier for e in events["base"][k] if e.type in pair}
                if want != set(got):
                    fh.write(
                        f"{'/'.join(sorted(want)) or '-'} -> {'/'.join(sorted(got)) or '-'}\t{cue(texts[i]) or '-'}"
                        f"\t{got}\tC={probs[i][c] / thresholds[c]:.2f} R={probs[i][r] / thresholds[r]:.2f}"
                        f"\t{texts[i]}\n"
                    )


if __name__ == "__main__":
    main()
