"""Entity quality on our held-out split of the public training files: exact and overlapping spans.

    python -m newsloom.entities.evaluate              # every language with data: rules vs learned
    python -m newsloom.entities.evaluate vi --limit 300
    python -m newsloom.entities.evaluate --split dev  # the split the merge rules were tuned on
    python -m newsloom.entities.evaluate id --split dev --dump /tmp/id_dev.txt  # hybrid vs bare model
    python -m newsloom.entities.evaluate --gold tests/gold/blind/entities.jsonl  # blind sentences
    python -m newsloom.entities.evaluate --api vi     # through newsloom.analyze, as an outside scorer
    python -m newsloom.entities.evaluate --api --gold tests/gold/blind2/entities.jsonl  # both together

Exact: same start, end and type. Overlap: the spans share a character and the type matches (each gold
span pairs with at most one prediction). Micro-F1 over person, organization and place. Each sentence
is analysed alone, as the held-out evaluations do.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsloom.entities import corpora
from newsloom.entities.learned import LABEL_TYPES, LearnedRecogniser

CharSpan = tuple[int, int, str]
#: Gold labels of the corpora -> project types.
GOLD_TYPES = LABEL_TYPES


@dataclass(slots=True)
class Counts:
    """True positives, predictions and gold spans, overall and per type."""

    tp: dict[str, int] = field(default_factory=dict)
    predicted: dict[str, int] = field(default_factory=dict)
    gold: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str, tp: int, predicted: int, gold: int) -> None:
        self.tp[kind] = self.tp.get(kind, 0) + tp
        self.predicted[kind] = self.predicted.get(kind, 0) + predicted
        self.gold[kind] = self.gold.get(kind, 0) + gold

    def f1(self, kind: str = "all") -> float:
        tp, predicted, gold = self.tp.get(kind, 0), self.predicted.get(kind, 0), self.gold.get(kind, 0)
        return 2 * tp / (predicted + gold) if predicted + gold else 1.0


def overlap_matches(predicted: list[CharSpan], gold: list[CharSpan]) -> int:
    """Gold spans paired one-to-one with a same-type prediction sharing at least a character."""
    used: set[int] = set()
    matched = 0
    for g_start, g_end, g_type in gold:
        for n, (p_start, p_end, p_type) in enumerate(predicted):
            if n not in used and p_type == g_type and p_start < g_end and g_start < p_end:
                used.add(n)
                matched += 1
                break
    return matched


def score(pairs: Iterable[tuple[list[CharSpan], list[CharSpan]]]) -> tuple[Counts, Counts]:
    """(exact, overlap) counts over ``(predicted, gold)`` pairs of one sentence each."""
    exact, overlap = Counts(), Counts()
    for predicted, gold in pairs:
        for kind in ("all", *GOLD_TYPES.values()):
            p = [s for s in predicted if kind in ("all", s[2])]
            g = [s for s in gold if kind in ("all", s[2])]
            exact.add(kind, len(set(p) & set(g)), len(p), len(g))
            overlap.add(kind, overlap_matches(p, g), len(p), len(g))
    return exact, overlap


def figures(exact: Counts, overlap: Counts) -> dict[str, float]:
    result = {"exact": round(exact.f1(), 3), "overlap": round(overlap.f1(), 3)}
    for kind in GOLD_TYPES.values():
        result[f"exact_{kind}"] = round(exact.f1(kind), 3)
        result[f"overlap_{kind}"] = round(overlap.f1(kind), 3)
    return result


def gold_spans(sentence: corpora.Sentence) -> list[CharSpan]:
    return [(a, b, GOLD_TYPES[label]) for a, b, label in sentence.char_spans()]


def learned_spans(model: LearnedRecogniser) -> Callable[[str], list[CharSpan]]:
    """Predict with the bare model over the project's tokens (no rules)."""
    from newsloom.entities.mentions import tokenize

    def predict(text: str) -> list[CharSpan]:
        toks = tokenize(text)
        return [
            (toks[p.start].start, toks[p.end - 1].end, p.type) for p in model.propose([t.text for t in toks])
        ]

    return predict


def stage_spans(language: str, mode: str) -> Callable[[str], list[CharSpan]]:
    """Predict with the entity stage in ``mode`` (rules | hybrid), the sentence alone as an article, as
    ``newsloom.analyze(sentence).entities`` gives them (titles standing for people left out)."""
    import dataclasses

    from newsloom.article import Article
    from newsloom.entities.stage import find_mentions
    from newsloom.sentences import split_sentences

    def predict(text: str) -> list[CharSpan]:
        sentences = tuple(dataclasses.replace(s, language=language) for s in split_sentences(text, language))
        article = Article(id="eval", path="<eval>", text=text, language=language, sentences=sentences)
        return [(m.start, m.end, m.type) for m in find_mentions(article, mode) if m.kind == "name"]

    return predict


#: Stages an outside scorer of names has no use for (their cost only); the entity stage and what it needs run.
API_SKIPPED_STAGES = ("embed", "events", "times")


def api_spans(language: str | None) -> Callable[[str], list[CharSpan]]:
    """Predict through the public library call, the sentence alone, as a held-out scorer would:
    ``newsloom.analyze(sentence, lang=...)``, every mention typed person, organization or place (a
    title standing for a person counts too: an outside scorer cannot tell). ``language`` None lets the
    library identify the language of the sentence itself."""
    from newsloom.api import analyze

    kept = set(GOLD_TYPES.values())

    def predict(text: str) -> list[CharSpan]:
        article = analyze(text, lang=language, disable=API_SKIPPED_STAGES)
        return [(m.start, m.end, m.type) for m in article.entities if m.type in kept]

    return predict


def evaluate(sentences: list[corpora.Sentence], predict: Callable[[str], list[CharSpan]]) -> dict[str, float]:
    began = time.perf_counter()
    pairs = [(predict(s.text), gold_spans(s)) for s in sentences]
    seconds = time.perf_counter() - began
    result: dict[str, float] = figures(*score(pairs))
    result["sentences_per_s"] = round(len(sentences) / seconds, 1) if seconds else 0.0
    return result


def evaluate_model(language: str, path: Path, limit: int | None = None) -> dict[str, float]:
    """The bare model's figures on our held-out split (used by the training script)."""
    sentences = corpora.load_sentences(language, "heldout")[:limit]
    result = evaluate(sentences, learned_spans(LearnedRecogniser(path)))
    result["sentences"] = len(sentences)
    return result


def compare(language: str, limit: int | None = None, split: str = "heldout") -> dict[str, dict[str, float]]:
    """Rules, bare model and the stage's hybrid on the same held-out sentences, in one run."""
    from newsloom.entities.learned import learned_recogniser

    sentences = corpora.load_sentences(language, split)[:limit]
    report = {"rules": evaluate(sentences, stage_spans(language, "rules"))}
    model = learned_recogniser(language)
    if model is not None:
        report["model"] = evaluate(sentences, learned_spans(model))
        report["hybrid"] = evaluate(sentences, stage_spans(language, "hybrid"))
    for row in report.values():
        row["sentences"] = len(sentences)
    return report


def compare_api(
    language: str, limit: int | None = None, split: str = "heldout"
) -> dict[str, dict[str, float]]:
    """The public library call on the held-out sentences, told the language and not told it."""
    sentences = corpora.load_sentences(language, split)[:limit]
    report = {
        "api_lang": evaluate(sentences, api_spans(language)),
        "api_auto": evaluate(sentences, api_spans(None)),
    }
    for row in report.values():
        row["sentences"] = len(sentences)
    return report


def dump_differences(language: str, split: str = "dev") -> list[str]:
    """Lines showing each sentence where the hybrid and the bare model differ: gold, model and hybrid
    spans, and which gold spans the hybrid lost or gained against the model. Only on the dev split:
    the held-out split measures and is never read for tuning."""
    from newsloom.entities.learned import learned_recogniser

    if split != "dev":
        raise ValueError(f"--dump reads the dev split only (got {split!r}): run it with --split dev")
    model = learned_recogniser(language)
    if model is None:
        return [f"{language}: no learned model shipped, nothing to compare"]
    bare, hybrid = learned_spans(model), stage_spans(language, "hybrid")
    lines: list[str] = []
    lost = gained = 0
    for sentence in corpora.load_sentences(language, split):
        gold, by_model, by_hybrid = (
            set(gold_spans(sentence)),
            set(bare(sentence.text)),
            set(hybrid(sentence.text)),
        )
        if by_model == by_hybrid:
            continue
        lost_here, gained_here = (by_model & gold) - by_hybrid, (by_hybrid & gold) - by_model
        lost, gained = lost + len(lost_here), gained + len(gained_here)

        def shown(spans: set[CharSpan], text: str = sentence.text) -> str:
            return " | ".join(f"{text[a:b]}/{kind[:3]}" for a, b, kind in sorted(spans))

        lines += [
            sentence.text,
            f"  gold  : {shown(gold)}",
            f"  model : {shown(by_model)}",
            f"  hybrid: {shown(by_hybrid)}",
            f"  lost: {shown(lost_here)}   gained: {shown(gained_here)}",
            "",
        ]
    lines.append(f"{language} {split}: the hybrid lost {lost} gold spans the model found and gained {gained}")
    return lines


def _score_gold_file(
    path: Path, predictors: Callable[[str], list[tuple[str, Callable[[str], Any]]]]
) -> dict[str, dict[str, dict[str, float]]]:
    """Per language of a JSON-lines sentence gold, the figures of each (name, predictor) the
    language gets from ``predictors``."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    report: dict[str, dict[str, dict[str, float]]] = {}
    for language in sorted({row["lang"] for row in rows}):
        mine = [row for row in rows if row["lang"] == language]
        gold = [[(e["start"], e["end"], e["type"]) for e in row["entities"]] for row in mine]
        report[language] = {}
        for name, predict in predictors(language):
            result: dict[str, float] = figures(
                *score((predict(row["text"]), g) for row, g in zip(mine, gold, strict=True))
            )
            result["sentences"] = len(mine)
            report[language][name] = result
    return report


def compare_gold_file(path: Path) -> dict[str, dict[str, dict[str, float]]]:
    """Rules vs hybrid per language on a JSON-lines gold of single sentences
    (``{"lang", "text", "entities": [{"start", "end", "type"}]}``, e.g. tests/gold/blind/entities.jsonl)."""
    return _score_gold_file(
        path, lambda language: [(m, stage_spans(language, m)) for m in ("rules", "hybrid")]
    )


def compare_gold_file_api(path: Path) -> dict[str, dict[str, dict[str, float]]]:
    """:func:`compare_gold_file` through the public call, the sentence alone, told the language and
    not told it (``api_lang``, ``api_auto``)."""
    return _score_gold_file(
        path, lambda language: [("api_lang", api_spans(language)), ("api_auto", api_spans(None))]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("languages", nargs="*", default=sorted(corpora.SOURCES))
    parser.add_argument("--limit", type=int, default=None, help="at most this many held-out sentences")
    parser.add_argument(
        "--split",
        choices=("heldout", "dev"),
        default="heldout",
        help="dev: the 5%% used while tuning the merge",
    )
    parser.add_argument("--gold", type=Path, default=None, help="score a JSON-lines sentence gold instead")
    parser.add_argument("--api", action="store_true", help="score newsloom.analyze (with and without lang)")
    parser.add_argument(
        "--dump",
        type=Path,
        default=None,
        help="write the sentences where hybrid and model differ (dev split)",
    )
    args = parser.parse_args(argv)
    if args.dump is not None:
        if args.split != "dev":
            parser.error("--dump reads the dev split only: add --split dev")
        lines = [line for language in args.languages for line in dump_differences(language, args.split)]
        args.dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(lines[-1] if lines else "nothing to dump")
        return 0
    if args.gold is not None:
        gold_scorer = compare_gold_file_api if args.api else compare_gold_file
        for language, rows in gold_scorer(args.gold).items():
            for name, row in rows.items():
                print(f"{language} {name:7s} {json.dumps(row)}")
        return 0
    for language in args.languages:
        if not corpora.available(language):
            print(
                f"{language}: no data under {corpora.MIRROR}; fetch {[s.repo for s in corpora.SOURCES[language]]}"
            )
            continue
        scorer = compare_api if args.api else compare
        for name, row in scorer(language, args.limit, args.split).items():
            print(f"{language} {name:7s} {json.dumps(row)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
