"""A store built once from five bundled examples (two meetings in two languages each, and one English
report of two other meetings), copied for each test so that every test corrects its own store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, fill_with_examples

CORRECTED_EXAMPLES = (
    "text/vi_01_son_waly_unodc.txt",
    "text/id_01_son_waly_unodc.txt",
    "text/vi_03_guterres_luong_cuong_talks.txt",
    "html/en_01_guterres_luong_cuong_talks.html",
    "text/en_02_ramaphosa_man_business_forum.txt",
)
#: A later report (a Vietnamese weekly roundup) of the Sơn-Waly meeting, run after the corrections.
LATER = EXAMPLES / "text/vi_07_diem_tin_tuan_cong_uoc_ha_noi.txt"


@pytest.fixture(scope="session")
def corrected_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from newsloom.store import Store

    db = tmp_path_factory.mktemp("corrections") / "examples.db"
    store = Store.open(str(db))
    fill_with_examples(store, CORRECTED_EXAMPLES)
    store.close()
    return db


@pytest.fixture
def store(corrected_source: Path, tmp_path: Path) -> Iterator[object]:
    """A private copy of the examples' store (on PostgreSQL: of the database standing for the path)."""
    from newsloom.store import Store
    from tests.serve.conftest import copy_db

    target = copy_db(corrected_source, tmp_path)
    opened = Store.open(str(target))
    yield opened
    opened.close()


def event_paths(conn: object, top_level: bool = True) -> dict[int, frozenset[str]]:
    """Every listed event (not the statements made at them unless asked) -> the file names of the
    articles reporting it."""
    from newsloom.store.events import EventFilter, list_event_rows, source_rows

    ids = [row.id for row in list_event_rows(conn, EventFilter(top_level=top_level), 1000)]  # type: ignore[arg-type]
    rows = source_rows(conn, ids)  # type: ignore[arg-type]
    return {i: frozenset(Path(r.path).name for r in rows[i]) for i in ids}


def remerge_everything(store: object) -> None:
    """What a later run does when the extraction of every article changed: each article's sources are
    forgotten and its corpus steps run again (the corrections' replay included)."""
    from newsloom.corpus import run_corpus_steps
    from newsloom.events.stored import forget_article, refresh_event
    from newsloom.store.articles import iter_articles

    with store.transaction() as conn:  # type: ignore[attr-defined]
        articles = list(iter_articles(conn))
    for article in articles:
        with store.transaction() as conn:  # type: ignore[attr-defined]
            for event_id in forget_article(conn, article.id):
                refresh_event(conn, event_id)
            run_corpus_steps(conn, article)


def run_later_report(store: object) -> None:
    """A new article through every stage and corpus step, as `newsloom run` does."""
    from newsloom.runner import process_paths

    report = process_paths([str(LATER)], store, stages=None, corpus=True)  # type: ignore[arg-type]
    assert report.ok, report.errors
