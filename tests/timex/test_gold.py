"""Quality gate of the time resolver: the hand-made gold in tests/gold/times/, through resolve_times."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from newsloom.timex import resolve_times
from newsloom.timex.evaluate import Score, Span, load_gold, score_text
from newsloom.timex.types import PRECISIONS

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold" / "times"
FLOORS = json.loads((ROOT / "tests" / "gold" / "time_floors.json").read_text(encoding="utf-8"))
SEEDS = ROOT.parent / "shared" / "seeds"
LANGUAGES = ("vi", "en", "id")


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    return load_gold(sorted(GOLD.glob("*.jsonl")))


@pytest.fixture(scope="module")
def scores(rows: list[dict[str, Any]]) -> dict[str, Score]:
    by_lang: dict[str, Score] = {"overall": Score()}
    for row in rows:
        exprs = resolve_times(row["text"], lang=row["lang"], published=row["published"])
        found = [Span(e.start, e.end, e.value, e.precision, e.end_value) for e in exprs]
        score = score_text(row, found)
        by_lang.setdefault(row["lang"], Score()).add(score)
        by_lang["overall"].add(score)
    return by_lang


def test_gold_is_well_formed(rows: list[dict[str, Any]]) -> None:
    ids = Counter(row["id"] for row in rows)
    assert [i for i, n in ids.items() if n > 1] == []
    for row in rows:
        assert row["lang"] in LANGUAGES, row["id"]
        if row["published"] is not None:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["published"]), row["id"]
        last_end = 0
        for expr in row["expressions"]:
            assert row["text"][expr["start"] : expr["start"] + len(expr["text"])] == expr["text"], row["id"]
            assert expr["start"] >= last_end, f"{row['id']}: expressions overlap or are out of order"
            last_end = expr["start"] + len(expr["text"])
            assert expr["precision"] in PRECISIONS, row["id"]
            assert (expr["end_value"] is not None) == (expr["precision"] == "range"), row["id"]


def test_gold_is_large_enough(rows: list[dict[str, Any]]) -> None:
    own = Counter(
        row["lang"] for row in rows if not row["id"].startswith(("seed-", "ex-")) for _ in row["expressions"]
    )
    for lang in LANGUAGES:
        assert own[lang] >= FLOORS["min_expressions_per_language"], lang
    negatives = [row for row in rows if not row["expressions"]]
    assert {row["lang"] for row in negatives} == set(LANGUAGES)


def test_seed_gold_uses_the_seed_bodies(rows: list[dict[str, Any]]) -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the repository")
    seeds = {row["id"]: row for row in rows if row["id"].startswith("seed-")}
    assert len(seeds) == 3
    for path in sorted(SEEDS.glob("*.txt")):
        body = re.sub(r"^\s*date \d{4}-\d{2}-\d{2}\s+", "", path.read_text(encoding="utf-8"))
        assert seeds[f"seed-{path.name[:3]}"]["text"] == body


@pytest.mark.parametrize("lang", ["overall", *LANGUAGES])
def test_exact_match_floor(scores: dict[str, Score], lang: str) -> None:
    score = scores[lang]
    assert score.exact_rate >= FLOORS[lang]["exact"], "\n".join(score.misses)


@pytest.mark.parametrize("lang", ["overall", *LANGUAGES])
def test_recall_floor(scores: dict[str, Score], lang: str) -> None:
    score = scores[lang]
    assert score.recall >= FLOORS[lang]["recall"], "\n".join(score.misses)


@pytest.mark.parametrize("lang", ["overall", *LANGUAGES])
def test_no_false_dates(scores: dict[str, Score], lang: str) -> None:
    assert scores[lang].false_dates <= FLOORS[lang]["false_dates"], "\n".join(scores[lang].false_examples)
