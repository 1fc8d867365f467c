"""Choose the events stage's bars by cross-validation on the TRAINING split (English rows).

    OMP_NUM_THREADS=1 PYTHONPATH=. python scripts/tune_events_stage.py --vector-cache /tmp/vectors [--long]

The probabilities are those of the shipped English reader's recipe (round 16: the rows of
``--languages``, C ``--c``, words beside the vector ``--lexical concat``), out of fold (5 folds,
calibrated, thresholded and with the sibling margin as ``training.train_with_decisions`` does), on
the training split only. The English rows (deduplicated) then go through the real events stage
(rules of the packs + those probabilities, through the stand-ins below):

- each row read as its own article, as the held-out PLOVER evaluation reads it, for each setting of
  ``Combination.short_alone`` x ``short_beside_rules`` x ``concession_bar`` (:data:`SHORT_GRID`);
- with ``--long``, also the rows five to an article (file order; each row one paragraph), where the
  long-article bars apply, for each ``Combination.alone`` x ``beside_rules`` (:data:`LONG_GRID`).

Prints English stage macro-F1 and micro-F1 per setting, best first, and the choice of the rule
written in session 18 (:data:`MIN_GAIN`). The held-out split and the blind gold are never read here.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from newsloom.article import Article  # noqa: E402
from newsloom.events.classifier import LabelledSentence, drop_opposite_siblings  # noqa: E402
from newsloom.events.learned import Combination  # noqa: E402
from newsloom.events.sentence_eval import read_sentences, score_types  # noqa: E402
from newsloom.events.stage import EventFinder, EventSettings  # noqa: E402
from newsloom.events.types import PLOVER_TYPES  # noqa: E402

#: short_alone, short_beside_rules, concession_bar (beside >= alone)
SHORT_GRID = [
    (a, b, c)
    for a, b, c in itertools.product((0.2, 0.3, 0.4, 0.5), (0.5, 0.6, 0.7, 0.8, 0.9), (0.25, 0.5))
    if b >= a
]
#: alone, beside_rules
LONG_GRID = list(itertools.product((0.5, 0.6, 0.7), (0.7, 0.8, 0.9)))
#: a setting replaces the tree's only with at least this gain of English stage macro-F1 (session 18)
MIN_GAIN = 0.002
#: rows per article in the long reading (as ``scripts/train_prefilter.py`` reads the written rows)
PER_ARTICLE = 5


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

    def probabilities(self, vectors: np.ndarray, texts: Sequence[str] | None = None) -> np.ndarray:
        """The rows' probabilities (``texts`` unused: the table already read the words)."""
        return np.asarray(self.table[vectors[:, 0].astype(int)])

    def for_language(self, language: str | None) -> OutOfFold:
        """One table for every language (the stage asks for a language's reader)."""
        return self


def out_of_fold(
    args: argparse.Namespace,
) -> tuple[list[str], list[frozenset[str]], list[str], np.ndarray, np.ndarray]:
    """The training rows (texts, labels, languages) and their out-of-fold probabilities and thresholds."""
    from train_events import encode_cached, training_texts, words_of_rows

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

    texts, labels, codes, _ = training_texts(set(args.languages.split(",")))
    vectors = encode_cached(texts, Path(args.vector_cache) if args.vector_cache else None)
    words = words_of_rows(texts, codes, args.lexical, args.c) if args.lexical else None
    data = TrainingSet(vectors, label_matrix(labels), tuple(codes), None, words)
    logits = out_of_fold_logits(data, args.c)
    moved = transfer_logits(data, args.c)
    rows, truth = _calibration_rows(data, logits, moved)
    platt = fit_platt(rows, truth)
    thresholds = np.asarray(choose_thresholds(_sigmoid(rows, platt), truth))
    margin, _ = choose_sibling_margin(data, logits, moved, platt, thresholds)
    probs = drop_opposite_siblings(_sigmoid(logits, platt), PLOVER_TYPES, thresholds, margin)
    return texts, labels, codes, probs, thresholds


def long_articles(items: list[LabelledSentence]) -> list[Article]:
    """The rows ``PER_ARTICLE`` to an article, each row one paragraph, read by the stages before events."""
    from newsloom.api import analyze

    return [
        analyze(
            "\n\n".join(s.text for s in items[i : i + PER_ARTICLE]), lang="en", disable=("events", "embed")
        )
        for i in range(0, len(items), PER_ARTICLE)
    ]


def choose(
    results: list[tuple[float, float, tuple[float, ...]]], current: tuple[float, ...]
) -> tuple[float, ...]:
    """The best setting if it beats ``current`` by ``MIN_GAIN`` or more, else ``current``."""
    score = {setting: macro for macro, _, setting in results}
    best = max(results)
    return best[2] if best[0] - score[current] >= MIN_GAIN else current


def report(
    title: str, results: list[tuple[float, float, tuple[float, ...]]], names: str, current: tuple[float, ...]
) -> None:
    print(title)
    for macro, micro, setting in sorted(results, reverse=True):
        mark = "  (tree)" if setting == current else ""
        print(f"  {names} {setting}: macro-F1 {macro:.4f}  micro-F1 {micro:.4f}{mark}", flush=True)
    print(f"  chosen by the rule (gain >= {MIN_GAIN}): {choose(results, current)}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--languages", default="en,vi,id,fr,packless,concede,weak,news12,en13,en14")
    parser.add_argument("--c", type=float, default=16.0, help="the classifier's C (the shipped one)")
    parser.add_argument("--lexical", default="concat", help="the reader's words: concat, mean or '' (none)")
    parser.add_argument("--vector-cache", default=None, help="<cache>.npy/.json of the encoder's vectors")
    parser.add_argument(
        "--long", action="store_true", help="also the long-article bars (rows five to an article)"
    )
    parser.add_argument("--no-short", action="store_true", help="skip the short bars")
    args = parser.parse_args()

    texts, labels, codes, probs, thresholds = out_of_fold(args)
    first: dict[str, int] = {}
    for i, code in enumerate(codes):
        if code == "en":
            first.setdefault(texts[i], i)
    english = sorted(first.values())
    items = [LabelledSentence(texts[i], "en", labels[i], "train") for i in english]
    gold = [s.types for s in items]
    stand_in = OutOfFold(probs, thresholds)
    print(
        f"{len(items)} English training rows, out-of-fold (C={args.c}, lexical {args.lexical or 'none'})",
        flush=True,
    )
    tree = Combination()

    if not args.no_short:
        articles = read_sentences(items)
        encoder = RowEncoder({texts[i]: i for i in english})
        results = []
        for alone, beside, bar in SHORT_GRID:
            combination = Combination(short_alone=alone, short_beside_rules=beside, concession_bar=bar)
            finder = EventFinder(EventSettings(combination=combination), encoder=encoder, classifier=stand_in)
            found = [frozenset(e.type for e in a.events) for a in finder.pipe(articles)]
            scores = score_types(gold, found)
            results.append((scores.macro_f1, scores.micro_f1, (alone, beside, bar)))
        current = (tree.short_alone, tree.short_beside_rules, tree.concession_bar or 0.0)
        report("rows read alone:", results, "short_alone/short_beside_rules/concession_bar", current)

    if args.long:
        articles = long_articles(items)
        rows: dict[str, int] = {}
        for k, article in enumerate(articles):
            for sentence in article.sentences:
                rows.setdefault(sentence.text, english[k * PER_ARTICLE + sentence.paragraph])
        encoder = RowEncoder(rows)
        results = []
        for alone, beside in LONG_GRID:
            combination = Combination(alone=alone, beside_rules=beside)
            finder = EventFinder(EventSettings(combination=combination), encoder=encoder, classifier=stand_in)
            found: list[set[str]] = [set() for _ in items]
            for k, article in enumerate(finder.pipe(articles)):
                for event in article.events:
                    found[k * PER_ARTICLE + article.sentences[event.sentence].paragraph].add(event.type)
            scores = score_types(gold, [frozenset(f) for f in found])
            results.append((scores.macro_f1, scores.micro_f1, (alone, beside)))
        report(
            f"rows {PER_ARTICLE} to an article:",
            results,
            "alone/beside_rules",
            (tree.alone, tree.beside_rules),
        )


if __name__ == "__main__":
    main()
