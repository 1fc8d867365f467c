"""The search index grows with the store: a refresh reads only the new articles and what they
touched, never every entity and event again, and ends where a build from scratch ends (issue #18)."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

import newsloom.serve.search as search
from newsloom.runner import process_paths
from newsloom.serve.search import SearchIndex
from newsloom.store import Store
from tests.conftest import EXAMPLES
from tests.serve.conftest import SERVED_EXAMPLES, copy_db


def _docs(store: Store) -> set[tuple[str, str, str, str]]:
    with store.connect() as conn:
        rows = conn.exec_driver_sql("SELECT kind, ref, language, signature FROM serve_search_docs").all()
    return {tuple(row) for row in rows}  # type: ignore[misc]


def test_a_refresh_after_new_articles_equals_a_build_from_scratch(
    served_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "whole").mkdir()
    whole = Store.open(str(copy_db(served_db, tmp_path / "whole")))  # every example, indexed at once
    SearchIndex(whole, use_embeddings=False).refresh(True)

    grown = Store.open(str(tmp_path / "grown.db"))
    paths = [str(EXAMPLES / name) for name in SERVED_EXAMPLES]
    assert process_paths(paths[:3], grown, stages=None, corpus=True).ok
    index = SearchIndex(grown, use_embeddings=False)
    first = index.refresh(True)
    assert first["article"] == 3 and first["event"] > 0
    assert process_paths(paths[3:], grown, stages=None, corpus=True).ok

    def everything(*_: object, **__: object) -> object:
        raise AssertionError("the refresh read every entity or event again")

    monkeypatch.setattr(search, "export_events", everything)
    monkeypatch.setattr(search, "export_entities", everything)
    second = index.refresh(True)
    assert second["article"] == 2
    assert _docs(grown) == _docs(whole)
    with grown.connect() as conn:  # the full-text rows follow the documents one for one
        fts = conn.execute(sa.text("SELECT count(*) FROM serve_search_fts")).scalar()
        assert fts == conn.execute(sa.text("SELECT count(*) FROM serve_search_docs")).scalar()
