"""How right the rule-only confidence of a rule event is, on the held-out split of the project's
labelled sentences (issue #13): the confidence a rule event keeps when no classifier reads its sentence
(``events.gate.rule_confidence``: its type's rule precision on the TRAINING split, smoothed) against
the share of held-out rule events of that type, and of that type and language, that are right.

    python bench/rule_calibration.py [--min 5]

No encoder: each held-out sentence is read alone through the reading stages and the packs' trigger
rules (``sentence_eval.read_sentences``), as ``scripts/measure_rule_alone.py`` reads them. A rule
event is right when its type is one of the sentence's labels. Prints per type (and per type and
language with at least ``--min`` events) the events, their precision and the shipped confidence, and
the Brier score and expected calibration error (5 bins) of the shipped confidence over all of them.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# bench/profile.py would shadow the standard library's profile (spaCy imports cProfile)
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(ROOT))

from newsloom.events.classifier import load_sentences  # noqa: E402
from newsloom.events.extract import extract_events  # noqa: E402
from newsloom.events.gate import RULE_READINGS, rule_confidence  # noqa: E402
from newsloom.events.sentence_eval import read_sentences  # noqa: E402

LANGUAGES = ("en", "vi", "id", "fr")


def calibration(pairs: list[tuple[float, bool]], bins: int = 5) -> tuple[float, float]:
    """Brier score and expected calibration error of (confidence, right) pairs."""
    brier = sum((c - ok) ** 2 for c, ok in pairs) / len(pairs)
    error = 0.0
    for b in range(bins):
        inside = [(c, ok) for c, ok in pairs if b / bins <= c < (b + 1) / bins or (b == bins - 1 and c >= 1)]
        if inside:
            gap = abs(sum(c for c, _ in inside) / len(inside) - sum(ok for _, ok in inside) / len(inside))
            error += len(inside) / len(pairs) * gap
    return brier, error


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min", type=int, default=5, help="show a type and language with this many events")
    args = parser.parse_args()
    items = [s for s in load_sentences() if s.split == "heldout" and s.language in LANGUAGES]
    cells: dict[tuple[str, str], list[bool]] = defaultdict(list)
    pairs: list[tuple[float, bool]] = []
    for item, article in zip(items, read_sentences(items), strict=True):
        for event in extract_events(article):
            right = event.type in item.types
            cells[(event.type, str(item.language))].append(right)
            pairs.append((rule_confidence(event.type, event.confidence), right))
    print(f"held-out split: {len(items)} sentences of {', '.join(LANGUAGES)}, {len(pairs)} rule events")
    print(f"{'type':<10} {'events':>6} {'right':>6} {'shipped':>8}   by language (events, right)")
    for type_ in sorted({t for t, _ in cells}):
        found = [ok for (t, _), oks in cells.items() if t == type_ for ok in oks]
        shipped = RULE_READINGS[type_].confidence if type_ in RULE_READINGS else float("nan")
        languages = ", ".join(
            f"{lang} {len(cells[(type_, lang)])} {sum(cells[(type_, lang)]) / len(cells[(type_, lang)]):.2f}"
            for lang in LANGUAGES
            if len(cells.get((type_, lang), [])) >= args.min
        )
        print(f"{type_:<10} {len(found):>6} {sum(found) / len(found):>6.3f} {shipped:>8.3f}   {languages}")
    small = sum(1 for oks in cells.values() if len(oks) < args.min)
    print(f"type x language cells: {len(cells)}, {small} with fewer than {args.min} events")
    brier, error = calibration(pairs)
    print(f"shipped rule-only confidence on these events: Brier {brier:.4f}, ECE {error:.4f}, "
          f"mean {sum(c for c, _ in pairs) / len(pairs):.3f} against precision {sum(ok for _, ok in pairs) / len(pairs):.3f}")  # fmt: skip


if __name__ == "__main__":
    main()
