"""Source and target figures of the events stage on gold that names them, beside one another.

``python bench/event_arguments.py [--gold FILE ...] [--errors]`` prints one JSON object: for the
article gold (``tests/gold/events/gold.json``, as the event gate scores it) and for each JSONL gold
of sentences (``lang``, ``text``, ``events`` with ``type``, ``source``, ``target``; each sentence read
alone as its own article), the actors' tp/fp/fn and F1 over the events whose type the stage found
in the same sentence, split by side. A JSONL gold's ``null`` side expects no actor there; a
``source_optional``-style key is not part of that format. Names are compared folded, letters only,
through the article gold's aliases (``evaluate.norm``). Default JSONL gold: the dev sets that name
actors (``tests/gold/events/modes_dev.jsonl``); the blind sets are measured only when named.

``--countries-by-code`` compares countries by code, not by the language of their name: a gold label
that names a country ("Japan", "Pháp") also matches that country's names in the first-class
languages and ISO 3166 ("Nhật Bản", "France"). The gold files name countries in English in one set
and in the article's language in another; the stage names a country it infers in the article's
language (``EventRules.country_name``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[0] = str(ROOT)  # not bench/: its profile.py would shadow the standard library's

from newsloom.events.evaluate import (  # noqa: E402
    EVENT_STAGES,
    Gold,
    _actors_score,
    load_gold,
    read_articles,
    score_extraction,
)

ARTICLE_GOLD = ROOT / "tests" / "gold" / "events" / "gold.json"
DEV_SENTENCES = (ROOT / "tests" / "gold" / "events" / "modes_dev.jsonl",)


def _f1(tp: int, fp: int, fn: int) -> float:
    return round(2 * tp / (2 * tp + fp + fn), 3) if tp else 0.0


def with_country_names(aliases: dict[str, list[str]], labels: Iterable[str]) -> dict[str, list[str]]:
    """``aliases`` with each label that names a country given every name of that country in the
    languages ``events.actors`` reads (CLDR) and ISO 3166, folded."""
    from newsloom.events.actors import _country_names, country_code, is_state

    names: dict[str, list[str]] = {}
    for folded, code in _country_names().items():
        names.setdefault(code, []).append(folded)
    grown = {label: list(alias) for label, alias in aliases.items()}
    for label in set(labels):
        code = country_code(label) if is_state(label) else None
        if code:
            grown.setdefault(label, []).extend(names.get(code, []))
    return grown


def _labels(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """Every actor label of JSONL gold rows or article gold events."""
    for row in rows:
        for event in row.get("events", []):
            for side in ("source", "target", "source_optional", "target_optional"):
                value = event.get(side)
                for slot in value if isinstance(value, list) else [value]:
                    yield from slot if isinstance(slot, list) else [slot] if isinstance(slot, str) else []


def article_figures(errors: bool, by_code: bool = False) -> dict[str, Any]:
    """The event gate's actor figures on the article gold (same stages, no store)."""
    from newsloom.pipeline import Pipeline

    gold = load_gold(ARTICLE_GOLD)
    if by_code:
        gold = Gold(gold.articles, with_country_names(gold.aliases, _labels(gold.articles)))
    pipeline = Pipeline(EVENT_STAGES)
    articles = {path: pipeline(article) for path, article in read_articles(gold.paths, ROOT).items()}
    score = score_extraction(gold, articles)
    report: dict[str, Any] = {
        "actors_tp_fp_fn": [score.actor_tp, score.actor_fp, score.actor_fn],
        "actors_f1": score.summary()["actors_f1"],
        "type_macro_f1": score.summary()["type_macro_f1"],
    }
    if errors:
        report["errors"] = sorted(score.actor_errors)
    return report


def sentence_figures(
    path: Path, aliases: dict[str, list[str]], errors: bool, by_code: bool = False
) -> dict[str, Any]:
    """Actor figures on one JSONL gold of sentences, by side."""
    from newsloom.events.classifier import LabelledSentence
    from newsloom.events.sentence_eval import read_sentences, stage_events

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if by_code:
        aliases = with_country_names(aliases, _labels(rows))
    items = [LabelledSentence(row["text"], row.get("lang", ""), frozenset(), "gold") for row in rows]
    found = stage_events(read_sentences(items), classifier=True)
    gold = Gold(articles=[], aliases=aliases)
    counts = {side: [0, 0, 0] for side in ("source", "target")}
    notes: list[str] = []
    matched = 0
    for row, events in zip(rows, found, strict=True):
        left = list(events)
        for expected in row["events"]:
            same = [e for e in left if e.type == expected["type"]]
            if not same:
                continue
            slots = {side: [[expected[side]]] if expected.get(side) else [] for side in ("source", "target")}
            wanted = {**slots, "joint": False}

            def overlap(event: Any, wanted: dict[str, Any] = wanted) -> int:
                return sum(_actors_score(side, wanted, event, gold)[0] for side in ("source", "target"))

            best = max(same, key=overlap)
            left.remove(best)
            matched += 1
            for side in ("source", "target"):
                tp, fp, fn, why = _actors_score(side, wanted, best, gold)
                for k, n in enumerate((tp, fp, fn)):
                    counts[side][k] += n
                notes += [f"{row['id']} {expected['type']}: {n}" for n in why]
    report: dict[str, Any] = {"events_matched": matched}
    for side, (tp, fp, fn) in counts.items():
        report[side] = {"tp_fp_fn": [tp, fp, fn], "f1": _f1(tp, fp, fn)}
    all_tp, all_fp, all_fn = (sum(c[k] for c in counts.values()) for k in range(3))
    report["actors_f1"] = _f1(all_tp, all_fp, all_fn)
    if errors:
        report["errors"] = sorted(notes)
    return report


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", nargs="*", default=None, help="JSONL gold files (default: the dev ones)")
    parser.add_argument("--no-articles", action="store_true", help="skip the article gold")
    parser.add_argument("--errors", action="store_true", help="list every actor error")
    parser.add_argument(
        "--countries-by-code", action="store_true", help="a country label matches its names in every language"
    )
    args = parser.parse_args(argv)
    aliases = load_gold(ARTICLE_GOLD).aliases
    report: dict[str, Any] = {}
    if not args.no_articles:
        report["gold.json"] = article_figures(args.errors, args.countries_by_code)
    for path in map(Path, args.gold if args.gold is not None else DEV_SENTENCES):
        report[str(path.relative_to(ROOT) if path.is_absolute() else path)] = sentence_figures(
            path, aliases, args.errors, args.countries_by_code
        )
    json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
    print()


if __name__ == "__main__":
    main()
