"""Figures of the French pack on the French gold (tests/gold/fr/), with the pack and without it.

``python tests/lang/fr_measure.py [--without-pack]`` prints one JSON object. Without the pack,
``lang/fr`` is hidden from the extraction stages (the reader still sees it, so the bodies are the ones
annotated): French then gets what any language without a folder gets, the generic fallback (numeric
and CLDR dates, capitalised runs, embedding-free event rules with no triggers).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold" / "fr"
TYPES = ("person", "organization", "place")
#: Articles never looked at while the pack's rules were written: their figures are the blind ones.
BLIND = ("fr_09", "fr_10", "fr_11", "fr_12", "fr_13", "fr_14", "fr_15", "fr_16")


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def hide_pack(code: str) -> None:
    """Make ``lang/<code>`` invisible to the extraction stages (must run before any stage is built)."""
    import newsloom.lang as lang

    real_has = lang._has

    def _has(name: str, part: str | None = None) -> bool:
        return name != code and real_has(name, part)

    lang._has = _has  # type: ignore[assignment]
    # A language without a pack is read by data/classifier.json (the packless guard), so a pack-language
    # classifier artifact routing ``code`` (data/classifier_packs_fr.json) does not route it here.
    import newsloom.events.classifier as classifier

    real_routes = classifier.pack_routes

    def pack_routes(data: dict[str, Any], where: str = classifier.PACK_ARTIFACT) -> list[str]:
        routes = [r for r in data.get("metadata", {}).get("routes") or [] if r != code]
        return (
            real_routes({**data, "metadata": {**data["metadata"], "routes": routes}}, where) if routes else []
        )

    classifier.pack_routes = pack_routes  # type: ignore[assignment]


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def score_entities(gold: list[dict[str, Any]], articles: dict[str, Any]) -> dict[str, Any]:
    """Exact span and type of name mentions, per type and over all (micro)."""
    counts = {t: Counter() for t in TYPES}
    errors: list[str] = []
    for doc in gold:
        article = articles[doc["doc"]]
        system = {(m.start, m.end, m.type) for m in article.entities if m.kind == "name" and m.type in TYPES}
        expected = {(m["start"], m["end"], m["type"]) for m in doc["mentions"]}
        for start, end, type_ in expected | system:
            key = "tp" if (start, end, type_) in expected and (start, end, type_) in system else None
            if key is None:
                key = "fn" if (start, end, type_) in expected else "fp"
                errors.append(f"{key} {type_:12} {article.text[start:end]!r} ({doc['doc'][-40:]})")
            counts[type_][key] += 1
    report: dict[str, Any] = {t: round(_f1(c["tp"], c["fp"], c["fn"]), 3) for t, c in counts.items()}
    total = sum(counts.values(), Counter())
    report["micro_f1"] = round(_f1(total["tp"], total["fp"], total["fn"]), 3)
    report["errors"] = sorted(errors)
    return report


def score_times(gold: list[dict[str, Any]], articles: dict[str, Any]) -> dict[str, Any]:
    """Exact (span, value, precision) rate, value accuracy (an overlapping span with the gold value), recall."""
    from newsloom.timex.evaluate import Score, Span, score_text

    total = Score()
    value_right = 0
    for row in gold:
        article = articles[row["doc"]]
        if article.text != row["text"]:
            raise ValueError(f"{row['doc']}: the reader's body changed since the gold was written")
        found = [Span(t.start, t.end, t.value, t.precision, t.end_value) for t in article.times]
        total.add(score_text(row, found))
        for expr in row["expressions"]:
            end = expr["start"] + len(expr["text"])
            value_right += any(
                s.start < end and expr["start"] < s.end and s.value == expr["value"] for s in found
            )
    return {
        "exact": round(total.exact_rate, 3),
        "value_accuracy": round(value_right / total.gold, 3) if total.gold else 1.0,
        "recall": round(total.recall, 3),
        "false_dates": total.false_dates,
        "errors": total.misses + total.false_examples,
    }


def score_events(articles: dict[str, Any], keep: Callable[[str], bool]) -> dict[str, Any]:
    """PLOVER type micro- and macro-F1 (same sentence and type), actor F1 and date accuracy."""
    from newsloom.events.evaluate import Gold, load_gold, score_extraction

    gold = load_gold(GOLD / "events.json")
    part = Gold(articles=[a for a in gold.articles if keep(a["path"])], aliases=gold.aliases)
    score = score_extraction(part, articles)
    tp, fp, fn = (sum(getattr(c, n) for c in score.types.values()) for n in ("tp", "fp", "fn"))
    summary = score.summary()
    return {
        "type_micro_f1": round(_f1(tp, fp, fn), 3),
        "type_macro_f1": summary["type_macro_f1"],
        "per_type_f1": summary["per_type_f1"],
        "actors_f1": summary["actors_f1"],
        "date_accuracy": summary["date_accuracy"],
        "errors": score.misses + score.spurious + score.actor_errors,
    }


def is_blind(path: str) -> bool:
    return Path(path).name.startswith(BLIND)


def measure() -> dict[str, Any]:
    """Run the French fixtures through the per-article stages and score them against the gold:
    all sixteen, the eight the rules were written on ("dev") and the eight never looked at ("blind")."""
    from newsloom.events.evaluate import EVENT_STAGES, read_articles
    from newsloom.pipeline import Pipeline

    entity_gold = _jsonl(GOLD / "entities.jsonl")
    time_gold = _jsonl(GOLD / "times.jsonl")
    paths = [doc["doc"] for doc in entity_gold]
    pipeline = Pipeline(EVENT_STAGES)
    articles = {path: pipeline(article) for path, article in read_articles(paths, ROOT).items()}
    report: dict[str, Any] = {"language_fr": sum(a.language == "fr" for a in articles.values())}
    for part, keep in (("all", lambda p: True), ("dev", lambda p: not is_blind(p)), ("blind", is_blind)):
        report[part] = {
            "articles": sum(1 for p in paths if keep(p)),
            "times": score_times([r for r in time_gold if keep(r["doc"])], articles),
            "entities": score_entities([d for d in entity_gold if keep(d["doc"])], articles),
            "events": score_events(articles, keep),
        }
    return report


if __name__ == "__main__":
    if "--without-pack" in sys.argv:
        hide_pack("fr")
    json.dump(measure(), sys.stdout, ensure_ascii=False, indent=1)
