"""Quality gate: the readers' metadata on every example and seed against tests/gold/metadata.jsonl."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator

import pytest

from newsloom.article import Article
from newsloom.ingest import read_path
from newsloom.langid import identify_language
from tests.conftest import ROOT, SEEDS

GOLD = ROOT / "tests" / "gold" / "metadata.jsonl"
FLOORS = json.loads((ROOT / "tests" / "gold" / "metadata_floors.json").read_text())
FIELDS = [f for f in FLOORS if not f.startswith("_")]


@pytest.fixture(scope="module")
def system() -> Iterator[dict[str, Article]]:
    cwd = os.getcwd()
    os.chdir(ROOT)  # gold paths are relative to the repository root, as a user would type them
    try:
        inputs = ["examples"] + (["../shared/seeds"] if SEEDS.exists() else [])
        found = {}
        for item in (i for path in inputs for i in read_path(path)):
            assert isinstance(item, Article), f"an example failed to read: {item}"
            found[item.path] = identify_language(item)
        yield found
    finally:
        os.chdir(cwd)


def _value(article: Article, field: str) -> str | None:
    if field == "language":
        return article.language
    if field == "published_source":
        meta = article.metadata.get("published")
        return meta.source if meta else None
    return article.meta(field)


def test_every_gold_document_is_read_and_every_example_is_in_the_gold(system: dict[str, Article]) -> None:
    gold_paths = {json.loads(line)["path"] for line in GOLD.read_text().splitlines() if line.strip()}
    missing = {p for p in gold_paths if p not in system and (SEEDS.exists() or not p.startswith("../"))}
    assert not missing, f"gold documents the readers did not produce: {sorted(missing)}"
    assert not set(system) - gold_paths, f"articles without gold: {sorted(set(system) - gold_paths)}"


def test_metadata_fields_hold_their_floors(system: dict[str, Article]) -> None:
    gold = [json.loads(line) for line in GOLD.read_text().splitlines() if line.strip()]
    gold = [g for g in gold if g["path"] in system]
    assert len(gold) >= 40
    report, failures = [], []
    for field in FIELDS:
        wrong = [
            (g["path"], g[field], _value(system[g["path"]], field))
            for g in gold
            if g[field] != _value(system[g["path"]], field)
        ]
        score = 1 - len(wrong) / len(gold)
        report.append(f"{field:18} {score:.3f} (floor {FLOORS[field]})")
        if score < FLOORS[field]:
            failures.append(f"{field}: {score:.3f} < {FLOORS[field]}; wrong: {wrong}")
    print("\n".join(report))
    assert not failures, "\n".join(failures)
