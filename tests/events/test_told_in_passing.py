"""An act told in passing is one record with its reports, not a second event, and no report (#13,
session 18): "The meeting came a day after police arrested ..." joins the arrest's record as a
mention, shown apart and counted in none of its figures.

Sentences written here; the arrests are made up.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from newsloom.article import Article
from newsloom.events.evaluate import stories_cross_check
from newsloom.events.merge import merge_article_events
from newsloom.events.passing import MENTION, REPORT, source_kind
from newsloom.events.queries import event_detail
from newsloom.events.stage import find_events
from newsloom.store import Store, schema
from newsloom.store.articles import save_article
from newsloom.views.events import event_view

from .helpers import make_article

PLACES = {
    name: ("place", f"place:{name.lower()}", name, None, None)
    for name in ("Surabaya", "Jakarta", "Vientiane", "Hải Phòng", "Hà Nội")
}
TUESDAY, WEDNESDAY = "2025-11-11", "2025-11-12"


def _read(lang: str, text: str, times: list[tuple[str, str]], article_id: str) -> Article:
    article = make_article(
        text,
        lang,
        PLACES,
        times=[(phrase, day, "day") for phrase, day in times],
        published="2025-11-13",
        article_id=article_id,
        path=f"{article_id}.txt",
    )
    return find_events(article, classifier=False)


@pytest.fixture
def full(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A whole store (the event page reads the entity tables too)."""
    store = Store.open(str(tmp_path / "s.db"))
    try:
        with store.transaction() as connection:
            yield connection
    finally:
        store.close()


def _arrest(article: Article) -> int:
    return next(i for i, e in enumerate(article.events) if e.type == "COERCE")


def _merged_arrest(conn, article: Article) -> int:  # type: ignore[no-untyped-def]
    return merge_article_events(conn, article)[_arrest(article)]


EN_REPORT = (
    "en",
    "Indonesian police arrested two men carrying heroin in Surabaya on Tuesday.",
    [("Tuesday", TUESDAY)],
)
EN_MENTION = (
    "en",
    "Indonesian and Australian officials met in Jakarta on Wednesday. The meeting came a day after "
    "police in Surabaya arrested two men carrying heroin.",
    [("Wednesday", WEDNESDAY)],
)


def test_an_arrest_told_in_passing_joins_its_report_as_a_mention(conn):
    report = _read(*EN_REPORT, "report")
    mention = _read(*EN_MENTION, "mention")
    assert source_kind(report, report.events[_arrest(report)]) == REPORT
    assert source_kind(mention, mention.events[_arrest(mention)]) == MENTION
    first = _merged_arrest(conn, report)
    assert _merged_arrest(conn, mention) == first  # one record, not a second arrest
    detail = event_detail(conn, first)
    assert detail is not None
    assert [s["path"] for s in detail["sources"]] == ["report.txt"]
    assert [s["path"] for s in detail["mentions"]] == ["mention.txt"]
    assert detail["n_articles"] == 1  # the passing mention is no second report


def test_a_vietnamese_mention_joins_the_arrest_and_the_page_shows_it_apart(full):
    conn = full
    report = _read(
        "vi",
        "Công an Việt Nam bắt giữ hai người mang theo heroin tại Hải Phòng hôm thứ Ba.",
        [("thứ Ba", TUESDAY)],
        "vi_report",
    )
    mention = _read(
        "vi",
        "Bộ trưởng hai nước hội đàm tại Hà Nội hôm thứ Tư. Cuộc hội đàm diễn ra một ngày sau khi công an "
        "Việt Nam bắt giữ hai người mang theo heroin tại Hải Phòng.",
        [("thứ Tư", WEDNESDAY)],
        "vi_mention",
    )
    first = _merged_arrest(conn, report)
    assert _merged_arrest(conn, mention) == first
    view = event_view(conn, first)
    assert view is not None
    assert [s.path for s in view.sources] == ["vi_report.txt"]
    assert [s.path for s in view.mentions] == ["vi_mention.txt"]
    assert view.trust.sources == 1


def test_an_indonesian_mention_alone_is_no_fact_and_does_not_join_another_act(full):
    conn = full
    report = _read(
        "id",
        "Polisi Indonesia menangkap dua pria yang membawa heroin di Surabaya pada Selasa.",
        [("Selasa", TUESDAY)],
        "id_report",
    )
    elsewhere = _read(
        "id",
        "Pejabat kedua negara bertemu di Jakarta pada Rabu. Pertemuan itu berlangsung sehari setelah "
        "polisi menangkap dua pria yang membawa heroin di Vientiane.",
        [("Rabu", WEDNESDAY)],
        "id_elsewhere",
    )
    assert source_kind(elsewhere, elsewhere.events[_arrest(elsewhere)]) == MENTION
    first = _merged_arrest(conn, report)
    other = _merged_arrest(conn, elsewhere)
    assert other != first  # an arrest in Laos told in passing is not the Surabaya arrest
    view = event_view(conn, other)
    assert view is not None
    assert view.sources == [] and [s.path for s in view.mentions] == ["id_elsewhere.txt"]
    assert view.n_articles == 0 and view.confidence == 0.0
    assert view.trust.uncertain  # told in passing only: shown as uncertain, never as a fact


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Officials met in Jakarta on Wednesday, hours after Indonesian police arrested two men in Surabaya.",
        ),
        (
            "vi",
            "Các bộ trưởng hội đàm tại Hà Nội, vài ngày sau khi công an Việt Nam bắt giữ hai người tại Hải Phòng.",
        ),
        (
            "id",
            "Para menteri bertemu di Jakarta, beberapa hari setelah polisi Indonesia menangkap dua pria di Surabaya.",
        ),
        (
            "fr",
            "Les ministres se sont réunis à Hanoï mercredi, quelques jours après que la police vietnamienne a "
            "arrêté deux hommes à Hải Phòng.",
        ),
    ],
)
def test_each_pack_tells_an_arrest_in_passing_and_the_news_around_it_apart(lang: str, text: str) -> None:
    article = _read(lang, text, [], f"passing_{lang}")
    kinds = {e.type: source_kind(article, e) for e in article.events}
    assert kinds["COERCE"] == MENTION
    assert all(kind == REPORT for type_, kind in kinds.items() if type_ != "COERCE")  # the meeting


def test_a_look_back_opening_the_sentence_leaves_its_main_clause_a_report(conn):
    # "A day after arriving, police arrested": the arrest is the news, told after the phrase
    article = _read(
        "id",
        "Sehari setelah tiba di Jakarta, polisi Indonesia menangkap dua pria yang membawa heroin di Surabaya.",
        [],
        "id_opening",
    )
    assert source_kind(article, article.events[_arrest(article)]) == REPORT
    event_id = _merged_arrest(conn, article)
    detail = event_detail(conn, event_id)
    assert detail is not None
    assert [s["path"] for s in detail["sources"]] == ["id_opening.txt"] and detail["mentions"] == []
    assert detail["n_articles"] == 1


def test_the_stories_cross_check_counts_reporting_articles_only(conn):
    report = _read(*EN_REPORT, "report")
    mention = _read(*EN_MENTION, "mention")
    first = _merged_arrest(conn, report)
    assert _merged_arrest(conn, mention) == first  # one record holding the report and the mention
    story = {
        "id": "2025-11-11-surabaya-arrest",
        "date": TUESDAY,
        "actors": ["Indonesia police"],
        "articles": ["report.txt"],
    }
    checked = stories_cross_check({"events": [story]}, conn, ["report.txt", "mention.txt"])
    assert checked.passed == 1, checked.failures


def _stored_kinds(path: Path) -> list[str]:
    store = Store.open(str(path))  # opening runs the migrations
    try:
        with store.connect() as conn:
            return [str(k) for k in conn.execute(sa.select(schema.event_sources.c.kind)).scalars()]
    finally:
        store.close()


def test_migration_15_gives_an_older_store_the_kind_of_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    store = Store.open(str(path))
    try:
        with store.transaction() as conn:
            for lang, text, times in (EN_REPORT, EN_MENTION):
                article = _read(lang, text, times, f"a{len(text)}")
                save_article(conn, article)
                merge_article_events(conn, article)
        assert sorted(_stored_kinds(path)) == [MENTION, REPORT]
        with store.transaction() as conn:  # the store as session 17 wrote it: no column, schema 14
            conn.execute(sa.text("ALTER TABLE event_sources DROP COLUMN kind"))
            conn.execute(sa.delete(schema.schema_version).where(schema.schema_version.c.version >= 15))
    finally:
        store.close()
    assert _stored_kinds(path) == [REPORT, REPORT]  # every older row counted as it was: a report


def test_the_page_the_api_and_the_cli_show_the_mention_apart(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient
    from typer.testing import CliRunner

    from newsloom.cli import app
    from newsloom.serve.api import create_app

    path = tmp_path / "shown.db"
    store = Store.open(str(path))
    try:
        with store.transaction() as conn:
            for lang, text, times, name in (*[(*EN_REPORT, "report")], *[(*EN_MENTION, "mention")]):
                article = _read(lang, text, times, name)
                save_article(conn, article)
                event_id = _merged_arrest(conn, article)
    finally:
        store.close()
    with TestClient(create_app(str(path))) as client:
        record = client.get(f"/api/events/{event_id}").json()
        page = client.get(f"/events/{event_id}").text
    assert [s["path"] for s in record["sources"]] == ["report.txt"]
    assert [s["path"] for s in record["mentions"]] == ["mention.txt"]
    assert record["trust"]["sources"] == 1
    shown_apart = page.split("Also mentioned in", 1)
    assert len(shown_apart) == 2 and "mention.txt" in shown_apart[1] and "mention.txt" not in shown_apart[0]
    printed = CliRunner().invoke(app, ["event", str(event_id), "--db", str(path)])
    assert printed.exit_code == 0, printed.output
    reports, mentions = printed.output.split("Also mentioned in", 1)
    assert "report.txt" in reports and "mention.txt" in mentions and "mention.txt" not in reports
