"""The shape of the house, checked: one place knows SQL, the store imports no domain, no import cycle.

The import graph is read from the source with ``ast`` (deferred imports inside functions count)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def _measure() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "measure_architecture", ROOT / "scripts" / "measure_architecture.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("measure_architecture", module)
    spec.loader.exec_module(module)
    return module


measure = _measure()


def test_the_cycle_finder_finds_a_cycle_and_only_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert measure.cycles(graph) == [["a", "b", "c"]]
    assert measure.cycles({"a": {"b"}, "b": set()}) == []


def test_nothing_outside_the_store_imports_a_table_or_writes_sql() -> None:
    assert measure.sql_outside_store() == []


def test_the_store_imports_no_domain_code() -> None:
    """``newsloom/store/`` may import itself, the Article it stores, errors and serialisation only."""
    allowed = ("newsloom.store", "newsloom.article", "newsloom.errors", "newsloom.serialize")
    graph = measure.import_graph()
    wrong = {
        module: sorted(t for t in targets if not t.startswith(allowed))
        for module, targets in graph.items()
        if module.startswith("newsloom.store")
    }
    assert {m: t for m, t in wrong.items() if t} == {}


def test_no_import_cycle_anywhere_in_newsloom() -> None:
    assert measure.cycles(measure.import_graph()) == []


def test_the_import_graph_sees_deferred_and_relative_imports() -> None:
    """The graph is only as good as what it reads: a deferred import inside a function counts."""
    graph = measure.import_graph()
    assert "newsloom.runner" in graph["newsloom.corpus"] or "newsloom.corpus" in graph["newsloom.runner"]
    assert "newsloom.stories.embed" in graph["newsloom.compare"]  # imported inside compare_texts
