"""Sentence-level PLOVER type scores: each sentence read alone as its own article.

    python -m newsloom.events.sentence_eval [--split heldout] [--transfer] [--gold FILE.jsonl] [--before OLD.json]

Scores the rules alone, the earlier zero-shot similarity classifier (``events/embed.py``), the
learned classifier alone and the events stage (rules + classifier) on the
project-written sentences of one split (``data/sentences_*.tsv``; the held-out split was never
trained on), per language and overall: per-type, macro and micro F1 over the sentences' type sets,
and the calibration of the stage's confidences. ``--transfer`` also trains an English-only
classifier in the run and scores it on the other languages (how far English data carries).
``--gold`` scores another file of sentences instead: one JSON object a line with ``lang``, ``text``
and ``events`` (each with a ``type``), as ``tests/gold/blind/events.jsonl``; its modes are scored in
the convention the set declares in ``coded_modes.json`` beside it (:func:`load_coded_modes`). ``--before`` scores an
earlier classifier artifact (alone, and in the stage reading every sentence with a mention) in the same
run; "stage, reach X" is the stage whose classifier reads only the sentences of reach X (see
``events/learned.py``), "rules + classifier" the shipped stage.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from newsloom.article import Article
from newsloom.events.classifier import EventClassifier, LabelledSentence, embed_sentences, load_sentences
from newsloom.events.codebook import ALL_MODES
from newsloom.events.types import PLOVER_TYPES, Event


@dataclass
class TypeScores:
    counts: dict[str, list[int]] = field(default_factory=dict)  # type -> [tp, fp, fn]

    def f1(self, type_: str) -> float:
        tp, fp, fn = self.counts.get(type_, [0, 0, 0])
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    @property
    def scored_types(self) -> list[str]:
        """Types with gold support (a type never in the gold is not averaged)."""
        return [
            t for t in PLOVER_TYPES if self.counts.get(t, [0, 0, 0])[0] + self.counts.get(t, [0, 0, 0])[2]
        ]

    @property
    def macro_f1(self) -> float:
        types = self.scored_types
        return sum(self.f1(t) for t in types) / len(types) if types else 0.0

    @property
    def micro_f1(self) -> float:
        tp = sum(c[0] for c in self.counts.values())
        fp = sum(c[1] for c in self.counts.values())
        fn = sum(c[2] for c in self.counts.values())
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def score_types(gold: Sequence[frozenset[str]], predicted: Sequence[frozenset[str]]) -> TypeScores:
    """Per-type true/false positives and misses over parallel type sets."""
    scores = TypeScores({t: [0, 0, 0] for t in PLOVER_TYPES})
    for expected, found in zip(gold, predicted, strict=True):
        for type_ in PLOVER_TYPES:
            if type_ in found and type_ in expected:
                scores.counts[type_][0] += 1
            elif type_ in found:
                scores.counts[type_][1] += 1
            elif type_ in expected:
                scores.counts[type_][2] += 1
    return scores


def calibration(
    pairs: Sequence[tuple[float, bool]], bins: int = 5
) -> tuple[float, list[tuple[float, float, int]]]:
    """Expected calibration error of (confidence, correct) pairs, and (mean confidence, precision,
    count) per equal-width bin."""
    table = []
    error = 0.0
    for i in range(bins):
        low, high = i / bins, (i + 1) / bins
        inside = [(c, ok) for c, ok in pairs if low <= c < high or (i == bins - 1 and c == 1.0)]
        if not inside:
            continue
        confidence = sum(c for c, _ in inside) / len(inside)
        precision = sum(1 for _, ok in inside if ok) / len(inside)
        table.append((confidence, precision, len(inside)))
        error += len(inside) / max(1, len(pairs)) * abs(confidence - precision)
    return error, table


def read_sentences(items: Sequence[LabelledSentence]) -> list[Article]:
    """Each sentence through the reading stages, as its own article (language detected), as the
    public ``newsloom.analyze`` reads it."""
    from newsloom.api import analyze

    return [analyze(item.text, disable=("events", "embed")) for item in items]


def stage_events(
    articles: Sequence[Article],
    classifier: bool,
    reach: str | None = None,
    model: EventClassifier | None = None,
    modes: bool = True,
) -> list[tuple[Event, ...]]:
    """The events stage's events per article, with or without the classifier (``model``, default the
    shipped one; ``reach`` default the stage's; ``modes``: its events' modes), in one batch."""
    from newsloom.events.learned import Combination
    from newsloom.events.stage import EventFinder, EventSettings

    settings = EventSettings(classifier=classifier, combination=Combination(modes=modes))
    if reach is not None:
        settings = dataclasses.replace(settings, reach=reach)
    return [article.events for article in EventFinder(settings, classifier=model).pipe(list(articles))]


def stage_types(
    articles: Sequence[Article],
    classifier: bool,
    reach: str | None = None,
    model: EventClassifier | None = None,
) -> tuple[list[frozenset[str]], list[list[tuple[str, float]]]]:
    """Types (and (type, confidence) per event) from the events stage (see :func:`stage_events`)."""
    found = stage_events(articles, classifier, reach, model)
    return [frozenset(e.type for e in events) for events in found], [
        [(e.type, e.confidence) for e in events] for events in found
    ]


#: The file beside a gold set that declares, per gold file, the modes its annotator coded.
CODED_MODES_FILE = "coded_modes.json"


def load_coded_modes(gold: str | Path) -> frozenset[str] | None:
    """The modes the gold file ``gold`` declares it codes (its ``coded_modes`` entry in
    :data:`CODED_MODES_FILE` beside it, copied from the set's README), or None when it codes every
    PLOVER mode (``"all"``) or declares nothing."""
    path = Path(gold)
    declared = path.parent / CODED_MODES_FILE
    if not declared.exists():
        return None
    try:
        entry = json.loads(declared.read_text(encoding="utf-8")).get(path.name)
    except (json.JSONDecodeError, AttributeError) as error:
        raise ValueError(
            f"{declared}: not a JSON object of gold file name -> {{'coded_modes': [...] | 'all'}} ({error}); "
            "fix the file (see tests/gold/events/README.md)"
        ) from None
    if entry is None:
        return None
    coded = entry.get("coded_modes") if isinstance(entry, dict) else None
    if coded == "all":
        return None
    unknown = sorted(set(coded or ()) - ALL_MODES) if isinstance(coded, list) else None
    if not isinstance(coded, list) or unknown:
        raise ValueError(
            f"{declared}: '{path.name}' must give 'coded_modes' as 'all' or a list of codebook modes"
            + (f"; not modes of the codebook: {', '.join(unknown)}" if unknown else "")
        )
    return frozenset(coded)


def in_convention(mode: str | None, coded_modes: frozenset[str] | None) -> str | None:
    """``mode`` as a gold set that codes only ``coded_modes`` would write it: a mode outside its list
    is "no mode" (None list: every mode is coded)."""
    if not mode or (coded_modes is not None and mode not in coded_modes):
        return None
    return mode


def mode_accuracy(
    gold: Sequence[Sequence[tuple[str, str | None]]],
    found: Sequence[Sequence[Event]],
    coded_modes: frozenset[str] | None = None,
) -> tuple[int, int]:
    """(right, scored) modes over the gold events whose type the stage found in their sentence and
    where the gold or the stage gives a mode; right when one of the stage's events of the type has
    the gold mode (no mode on both sides is no score). The stage's modes are read in the gold's
    convention first (:func:`in_convention`: a mode its list does not code is no mode)."""
    right = scored = 0
    for expected, events in zip(gold, found, strict=True):
        for type_, mode in expected:
            modes = {in_convention(e.mode, coded_modes) for e in events if e.type == type_}
            if not modes or (mode is None and modes == {None}):
                continue
            scored += 1
            right += int((mode or None) in modes)
    return right, scored


def classifier_types(
    model: EventClassifier,
    vectors: np.ndarray,
    languages: Sequence[str | None] | None = None,
    texts: Sequence[str] | None = None,
) -> list[frozenset[str]]:
    """The types ``model`` reports per row; with ``languages``, each row read by the classifier its
    language is routed to (``EventClassifier.for_language``); ``texts`` (one per row) for a
    classifier that reads words beside the vector."""
    if languages is None or not model.routes:
        return [frozenset(found) for found in model.predict(vectors, texts)]
    found: list[frozenset[str]] = [frozenset()] * len(vectors)
    for reader in {id(m): m for m in (model.for_language(code) for code in languages)}.values():
        rows = [i for i, code in enumerate(languages) if model.for_language(code) is reader]
        read = None if texts is None else [texts[i] for i in rows]
        for i, types in zip(rows, reader.predict(vectors[rows], read), strict=True):
            found[i] = frozenset(types)
    return found


def _line(name: str, scores: TypeScores) -> str:
    return f"  {name:<22} macro-F1 {scores.macro_f1:.3f}  micro-F1 {scores.micro_f1:.3f}"


def report(
    items: Sequence[LabelledSentence],
    systems: dict[str, list[frozenset[str]]],
    languages: Sequence[str],
    printer: Callable[[str], None] = print,
) -> dict[str, dict[str, TypeScores]]:
    """Print per-language and overall scores of each system; return them."""
    gold = [item.types for item in items]
    results: dict[str, dict[str, TypeScores]] = {}
    for language in [*languages, "all"]:
        index = [
            i for i, item in enumerate(items) if language == "all" or item.language in language.split("+")
        ]
        if not index:
            continue
        events = sum(len(gold[i]) for i in index)
        printer(f"{language}: {len(index)} sentences, {events} gold events")
        results[language] = {}
        for name, predicted in systems.items():
            scores = score_types([gold[i] for i in index], [predicted[i] for i in index])
            results[language][name] = scores
            printer(_line(name, scores))
    printer("per type (all languages): " + "  ".join(f"{name}" for name in systems))
    for type_ in PLOVER_TYPES:
        row = "  ".join(f"{results['all'][name].f1(type_):.2f}" for name in systems)
        printer(f"  {type_:<10} {row}")
    return results


def load_jsonl_modes(path: str) -> list[list[tuple[str, str | None]]]:
    """Per sentence of a JSONL gold file, its events' (type, mode)."""
    with open(path, encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return [[(e["type"], e.get("mode") or None) for e in row.get("events", [])] for row in rows]


def load_jsonl_gold(path: str) -> list[LabelledSentence]:
    """Sentences with their PLOVER types from a JSONL gold file (``lang``, ``text``, ``events``)."""
    found = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                types = frozenset(e["type"] for e in row.get("events", []))
                found.append(LabelledSentence(row["text"], row.get("lang", "xx"), types, "gold"))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="heldout", choices=("heldout", "train"))
    parser.add_argument("--transfer", action="store_true", help="also train an English-only model here")
    parser.add_argument("--gold", default=None, help="a JSONL file of sentences to score instead")
    parser.add_argument("--modes-only", action="store_true", help="with --gold: score only the modes")
    parser.add_argument(
        "--before",
        default=None,
        help="an earlier classifier JSON, scored beside the shipped one in the same run",
    )
    args = parser.parse_args()
    from newsloom.events.classifier import load_classifier
    from newsloom.events.learned import REACHES
    from newsloom.events.stage import EventSettings

    if args.gold:
        items = load_jsonl_gold(args.gold)
    else:
        items = [s for s in load_sentences() if s.split == args.split]
    articles = read_sentences(items)
    if args.gold and args.modes_only:
        _report_modes(args.gold, articles, None)
        return
    rules, _ = stage_types(articles, classifier=False)
    combined, confidences = stage_types(articles, classifier=True)
    vectors = embed_sentences([s.text for s in items])
    from newsloom.events.embed import classify

    similarity = [frozenset({v.type} if v.type else ()) for v in classify([s.text for s in items])]
    systems = {
        "rules (today)": rules,
        "similarity (zero-shot)": similarity,
        "classifier alone": classifier_types(
            load_classifier(), vectors, [a.language for a in articles], [s.text for s in items]
        ),
    }
    if args.transfer:
        systems["classifier (en only)"] = classifier_types(_english_only_model(), vectors)
    if args.before:
        with open(args.before, encoding="utf-8") as handle:
            before = EventClassifier.from_json(json.load(handle))
        systems["classifier before"] = classifier_types(before, vectors, texts=[s.text for s in items])
        systems["stage before"] = stage_types(articles, classifier=True, reach="mentions", model=before)[0]
    for reach in REACHES:
        if reach != EventSettings.reach:
            systems[f"stage, reach {reach}"] = stage_types(articles, classifier=True, reach=reach)[0]
    systems[f"rules + classifier ({EventSettings.reach})"] = combined
    report(items, systems, ("en", "vi", "id", "fr", "es+de"))
    pairs = [(c, t in item.types) for item, found in zip(items, confidences, strict=True) for t, c in found]
    error, table = calibration(pairs)
    print(f"calibration of the stage's event confidences: ECE {error:.3f} over {len(pairs)} events")
    for confidence, precision, count in table:
        print(f"  mean confidence {confidence:.2f}  precision {precision:.2f}  ({count} events)")
    if args.gold:
        _report_modes(args.gold, articles, before if args.before else None)


def _report_modes(gold: str, articles: list[Article], before: EventClassifier | None) -> None:
    gold_modes = load_jsonl_modes(gold)
    coded_modes = load_coded_modes(gold)
    print(
        "modes scored in the gold's convention: "
        + (
            f"{len(coded_modes)} declared modes ({CODED_MODES_FILE})"
            if coded_modes
            else "every codebook mode"
        )
    )
    runs = {"rules alone": stage_events(articles, classifier=False)}
    if before is not None:
        runs["stage before (its events without modes)"] = stage_events(
            articles, classifier=True, reach="mentions", model=before, modes=False
        )
    runs["rules + classifier"] = stage_events(articles, classifier=True)
    for name, found in runs.items():
        right, scored = mode_accuracy(gold_modes, found, coded_modes)
        print(f"mode accuracy, {name}: {right}/{scored} = {right / max(1, scored):.3f}")


def _english_only_model() -> EventClassifier:
    from newsloom.events.embed import load_examples
    from newsloom.events.training import TrainingSet, label_matrix, train_classifier

    train = [s for s in load_sentences() if s.split == "train" and s.language == "en"]
    texts = [s.text for s in train]
    labels = [s.types for s in train]
    for label, sentences in load_examples().items():
        texts += sentences
        labels += [frozenset() if label == "NONE" else frozenset({label})] * len(sentences)
    return train_classifier(TrainingSet(embed_sentences(texts), label_matrix(labels)))


if __name__ == "__main__":
    main()
