"""``events.rules_only``: an event no report of which the events classifier read (#13). The merge
writes it from its source rows; migration 14 fills it in a store written before it; the views mark
such an event "not checked by the model"."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import sqlalchemy as sa

from newsloom.article import Article
from newsloom.events.merge import merge_article_events
from newsloom.events.stage import find_events
from newsloom.store import Store, schema
from newsloom.store.articles import save_article
from newsloom.views.events import event_view
from newsloom.views.trust import NOT_CHECKED
from tests.events.helpers import SON, WALY, make_article

NAMES = {"Bùi Thanh Sơn": SON, "Ghada Waly": WALY}
#: two reports of two meetings (different days): each its own event
REPORTS = [
    ("en", "Bùi Thanh Sơn received Ghada Waly in Hà Nội.", "2025-09-02"),
    ("en", "Bùi Thanh Sơn met Ghada Waly in Vienna.", "2025-08-05"),
]


def _read(number: int, read_by: str) -> Article:
    lang, text, day = REPORTS[number]
    article = make_article(text, lang, NAMES, published=day, article_id=f"r{number}", path=f"r{number}.txt")
    article = find_events(article, classifier=False)
    assert article.events, "the rules should read a meeting in the report"
    assert all(e.classifier == "rules" for e in article.events)
    # as the events stage marks a rule event whose sentence the classifier read
    return dataclasses.replace(
        article, events=tuple(dataclasses.replace(e, classifier=read_by) for e in article.events)
    )


def _store(path: Path) -> dict[str, int]:
    """Report 0 read by the rules alone, report 1 by the rules and the classifier; "rules" and
    "rules+model" -> the id of its event."""
    ids = {}
    store = Store.open(str(path))
    try:
        with store.transaction() as conn:
            for number, read_by in enumerate(("rules", "rules+model")):
                article = _read(number, read_by)
                save_article(conn, article)
                merge_article_events(conn, article)
                found = conn.execute(
                    sa.select(schema.event_sources.c.event_id).where(
                        schema.event_sources.c.article_id == article.id
                    )
                ).scalar_one()
                ids[read_by] = int(found)
    finally:
        store.close()
    return ids


def _rules_only(path: Path) -> dict[int, bool]:
    store = Store.open(str(path))  # opening runs the migrations
    try:
        with store.connect() as conn:
            rows = conn.execute(sa.select(schema.events.c.id, schema.events.c.rules_only)).all()
    finally:
        store.close()
    return {int(r.id): bool(r.rules_only) for r in rows}


def test_the_merge_marks_an_event_no_classifier_read(tmp_path: Path) -> None:
    ids = _store(tmp_path / "s.db")
    marked = _rules_only(tmp_path / "s.db")
    assert marked[ids["rules"]] is True
    assert marked[ids["rules+model"]] is False
    store = Store.open(str(tmp_path / "s.db"))
    try:
        with store.connect() as conn:
            unchecked, checked = event_view(conn, ids["rules"]), event_view(conn, ids["rules+model"])
    finally:
        store.close()
    assert unchecked is not None and checked is not None
    assert NOT_CHECKED in unchecked.trust.badges and unchecked.trust.uncertain  # one report, unchecked
    assert NOT_CHECKED not in checked.trust.badges


@pytest.mark.sqlite_only("builds an older SQLite file by dropping a column")
def test_migration_14_fills_the_mark_from_the_source_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    ids = _store(path)
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:  # the store as session 13 wrote it: no column, schema version 13
        conn.execute(sa.text("ALTER TABLE events DROP COLUMN rules_only"))
        conn.execute(sa.delete(schema.schema_version).where(schema.schema_version.c.version >= 14))
    engine.dispose()
    assert _rules_only(path) == {ids["rules"]: True, ids["rules+model"]: False}
