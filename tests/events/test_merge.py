"""Corpus-level merging, the store and the query functions, on an in-memory database."""

from __future__ import annotations

import dataclasses
import json

import pytest
import sqlalchemy as sa

from newsloom.events.merge import merge_article_events
from newsloom.events.queries import event_detail, export_events, list_events, timeline
from newsloom.events.stage import find_events

from .helpers import SON, UNODC, VN, WALY, make_article

NAMES = {"Bùi Thanh Sơn": SON, "Ghada Waly": WALY, "UNODC": UNODC, "Việt Nam": VN}


def vi_report(day: str = "21/10", value: str = "2025-10-21TAF", article_id: str = "vi1") -> object:
    text = f"Chiều {day}, Phó Thủ tướng Bùi Thanh Sơn tiếp bà Ghada Waly. Phó Thủ tướng cảm ơn UNODC."
    names = {**NAMES, "Phó Thủ tướng": SON}
    article = make_article(
        text, "vi", names, times=[(f"Chiều {day}", value, "part_of_day")], published="2025-10-22",
        article_id=article_id, path=f"{article_id}.txt",
    )  # fmt: skip
    return find_events(article, classifier=False)


def en_report(weekday: str = "Tuesday", value: str = "2025-10-21") -> object:
    text = f"HÀ NỘI — Deputy Prime Minister Bùi Thanh Sơn on {weekday} received Ghada Waly. He thanked UNODC."
    article = make_article(
        text, "en", NAMES, times=[(weekday, value, "day")], published="2025-10-21",
        article_id="en1", path="en1.txt", dateline="HÀ NỘI",
    )  # fmt: skip
    return find_events(article, classifier=False)


def test_two_reports_in_two_languages_are_one_event(conn):
    vi_ids = merge_article_events(conn, vi_report())
    en_ids = merge_article_events(conn, en_report())
    assert vi_ids == en_ids and len(vi_ids) == 2  # the meeting, and the thanks made at it
    detail = event_detail(conn, vi_ids[0])
    assert detail["type"] == "CONSULT" and detail["date"] == "2025-10-21"
    assert sorted(s["language"] for s in detail["sources"]) == ["en", "vi"]
    assert {s["path"] for s in detail["sources"]} == {"vi1.txt", "en1.txt"}
    assert any("tiếp" in s["sentence"] for s in detail["sources"])
    assert detail["discrepancies"] == [] and detail["location"] == "Hà Nội"
    assert detail["statements"] == [vi_ids[1]]
    thanks = event_detail(conn, vi_ids[1])
    assert thanks["parent_id"] == vi_ids[0] and thanks["n_articles"] == 2


def test_a_source_that_disagrees_on_the_date_is_listed(conn):
    merge_article_events(conn, vi_report())
    ids = merge_article_events(conn, en_report("Wednesday", "2025-10-22"))  # within a day: same meeting
    detail = event_detail(conn, ids[0])
    dates = [d for d in detail["discrepancies"] if d["field"] == "date"]
    assert len(dates) == 1
    said = {v["value"]: {s["path"] for s in v["sources"]} for v in dates[0]["values"]}
    assert said == {"2025-10-21": {"vi1.txt"}, "2025-10-22": {"en1.txt"}}


def test_the_same_people_days_apart_are_two_meetings(conn):
    first = merge_article_events(conn, vi_report())
    later = merge_article_events(conn, vi_report("25/10", "2025-10-25TAF", article_id="vi2"))
    assert first[0] != later[0]


def test_merging_again_changes_nothing_and_a_changed_article_replaces_its_sources(conn):
    article = vi_report()
    ids = merge_article_events(conn, article)
    count = conn.execute(sa.text("select count(*) from event_sources")).scalar()
    assert merge_article_events(conn, article) == ids
    assert conn.execute(sa.text("select count(*) from event_sources")).scalar() == count
    shorter = dataclasses.replace(article, sentences=article.sentences[:1], events=())
    new_ids = merge_article_events(conn, find_events(shorter, classifier=False))
    assert len(new_ids) == 1
    assert conn.execute(sa.text("select count(*) from event_sources")).scalar() == 1
    assert conn.execute(sa.text("select count(*) from events")).scalar() == 1  # the emptied statement is gone


def test_queries_filter_and_export(conn):
    merge_article_events(conn, vi_report())
    merge_article_events(conn, en_report())
    assert [e["type"] for e in list_events(conn, type="consult")] == ["CONSULT"]
    assert len(list_events(conn, entity="ghada waly")) == 1  # folded name
    assert len(list_events(conn, entity="Bùi Thanh Sơn")) == 2
    assert list_events(conn, date_from="2025-10-22") == []
    assert len(list_events(conn, language="en")) == 2 and list_events(conn, language="id") == []
    days = timeline(conn)
    assert [d["date"] for d in days] == ["2025-10-21"] and len(days[0]["events"]) == 1  # statements hidden
    assert len(timeline(conn, include_statements=True)[0]["events"]) == 2
    records = list(export_events(conn, format="jsonl"))
    assert {
        "id",
        "type",
        "mode",
        "date",
        "date_end",
        "precision",
        "actors",
        "location",
        "sources",
        "discrepancies",
    } <= set(records[0])
    assert {"path", "language", "sentence"} <= set(records[0]["sources"][0])
    json.dumps(records, ensure_ascii=False)  # plain data all the way down
    rows = list(export_events(conn, format="csv"))
    assert rows[0]["type"] == "CONSULT" and "vi1.txt" in rows[0]["paths"]
    plover = list(export_events(conn, format="plover"))
    assert plover[0]["event"] == ["CONSULT"] and plover[0]["actor"][0]["identifier_text"] == "Ghada Waly"
    with pytest.raises(Exception, match="Unknown event export format"):
        list(export_events(conn, format="xml"))


def test_candidates_come_from_the_blocking_keys(conn):
    merge_article_events(conn, vi_report())
    keys = conn.execute(sa.text("select key, day, md from event_keys")).all()
    assert ("person:bui thanh son", "2025-10-21", "10-21") in keys
    assert all(day == "2025-10-21" for _, day, _ in keys)


def test_a_statement_to_the_other_side_or_to_its_country_is_one_event(conn):
    anutin = ("person", "person:anutin", "Anutin Charnvirakul", "head_of_government", None)
    names = {
        "Bùi Thanh Sơn": SON,
        "Anutin Charnvirakul": anutin,
        "Thái Lan": ("place", "place:th", "Thailand", None, None),
    }
    vi = make_article(
        "Chiều 21/10, Phó Thủ tướng Bùi Thanh Sơn tiếp ông Anutin Charnvirakul. "
        "Bùi Thanh Sơn đề xuất tăng cường hợp tác với Thái Lan.",
        "vi", names, times=[("Chiều 21/10", "2025-10-21TAF", "part_of_day")], published="2025-10-22",
        article_id="vi9", path="vi9.txt",
    )  # fmt: skip
    en = make_article(
        "On Tuesday, Bùi Thanh Sơn received Anutin Charnvirakul. "
        "Bùi Thanh Sơn proposed closer cooperation to Anutin Charnvirakul.",
        "en", names, times=[("Tuesday", "2025-10-21", "day")], published="2025-10-21",
        article_id="en9", path="en9.txt",
    )  # fmt: skip
    vi_ids = merge_article_events(conn, find_events(vi, classifier=False))
    en_ids = merge_article_events(conn, find_events(en, classifier=False))
    assert len(vi_ids) == 2 and vi_ids == en_ids
