"""The store on PostgreSQL holds what it holds on SQLite: the same examples through every stage and
corpus step give the same articles, entities, events, stories and search hits on both."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from newsloom.store import Store, schema
from tests.conftest import fill_with_examples

EXAMPLE_FILES = (
    "text/vi_01_son_waly_unodc.txt",
    "text/id_01_son_waly_unodc.txt",
    "text/vi_03_guterres_luong_cuong_talks.txt",
    "html/en_01_guterres_luong_cuong_talks.html",
    "text/en_02_ramaphosa_man_business_forum.txt",
)


def _fill(store: Store) -> None:
    fill_with_examples(store, EXAMPLE_FILES)


def _record(store: Store) -> dict[str, Any]:
    """What a reader sees of a store, independent of ids and of the order rows come back in."""
    from newsloom.views.entities import EntityQuery, entities_view
    from newsloom.views.events import EventQuery, events_view
    from newsloom.views.stories import StoryQuery, stories_view, story_view
    from newsloom.views.timeline import TimelineQuery, timeline_view

    with store.connect() as conn:
        events = events_view(conn, EventQuery(limit=100)).items
        entities = entities_view(conn, EntityQuery(limit=100)).items
        stories = [story_view(conn, s.id) for s in stories_view(conn, StoryQuery(limit=100)).items]
        days = timeline_view(conn, TimelineQuery(limit=100)).items
    return {
        "events": Counter((e.type, e.date, e.title, tuple(e.languages), e.n_sources) for e in events),
        "entities": Counter((e.name, e.type, e.articles) for e in entities),
        "stories": {
            frozenset(a.id for reports in s.articles_by_language.values() for a in reports)
            for s in stories
            if s is not None
        },
        "days": [(d.date, d.count) for d in days],
    }


def test_a_migrated_postgresql_database_has_the_schema(postgres_url: str) -> None:
    store = Store.open(postgres_url)
    try:
        names = set(sa.inspect(store.engine).get_table_names())
        assert names == set(schema.metadata.tables) | {"schema_version", "serve_search_fts"}
        assert store.migrate() == []  # opening again applies nothing
    finally:
        store.close()


@pytest.mark.slow
def test_postgresql_holds_what_sqlite_holds(postgres_url: str, tmp_path: Path) -> None:
    records = []
    for where in (str(tmp_path / "same.db"), postgres_url):
        store = Store.open(where)
        try:
            _fill(store)
            records.append(_record(store))
        finally:
            store.close()
    on_sqlite, on_postgres = records
    assert on_sqlite["events"] and on_sqlite["stories"] and on_sqlite["days"]
    assert on_postgres == on_sqlite


@pytest.mark.slow
def test_search_on_postgresql_folds_diacritics_like_sqlite(postgres_url: str, tmp_path: Path) -> None:
    from newsloom.serve.search import SearchIndex

    found = []
    for where in (str(tmp_path / "search.db"), postgres_url):
        store = Store.open(where)
        try:
            _fill(store)
            index = SearchIndex(store, use_embeddings=False)
            assert index.enabled
            hits = index.search("bui thanh son", limit=50)
            found.append({(h.kind, h.language) for h in hits})
            vietnamese = [h for h in hits if h.kind == "article" and h.language == "vi"]
            assert vietnamese and "Bùi Thanh Sơn" in vietnamese[0].snippet
            assert index.search("zzqq nothingness", limit=5) == []
        finally:
            store.close()
    assert found[0] == found[1]
