"""Reading stories back: listing, detail, storylines and the export records."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsloom.exports import export_lines
from newsloom.store import Store
from newsloom.stories.queries import (
    choose_title,
    count_stories,
    export_stories,
    list_stories,
    story_detail,
)
from tests.stories.corpus import arrest_en, bridge_en, bridge_id, follow_up_en, roundup_en, trade_en, trade_vi
from tests.stories.helpers import BagOfWordsEncoder, fake_encoder
from tests.stories.test_cluster import add

__all__ = ["fake_encoder"]


@pytest.fixture
def filled(tmp_path: Path, fake_encoder: BagOfWordsEncoder) -> Iterator[tuple[Store, dict[str, list[int]]]]:
    store = Store.open(str(tmp_path / "queries.db"))
    articles = [trade_en(), trade_vi(), bridge_en(), bridge_id(), arrest_en(), roundup_en(), follow_up_en()]
    found = add(store, *articles)
    yield store, {a.id: ids for a, ids in zip(articles, found, strict=True)}
    store.close()


def test_stories_are_listed_newest_first_with_their_languages(
    filled: tuple[Store, dict[str, list[int]]],
) -> None:
    store, ids = filled
    with store.connect() as conn:
        listed = list_stories(conn)
        assert count_stories(conn) == len(listed) == 4
        assert [s["date"] for s in listed] == sorted((s["date"] for s in listed), reverse=True)
        talks = next(s for s in listed if s["id"] == ids["trade-en"][0])
        assert talks["languages"] == {"en": 2, "vi": 1}  # the report, the roundup, the Vietnamese report
        assert talks["title"] == "Việt Nam and Japan discuss rice exports"
        assert set(talks["titles"]) == {"en", "vi"}
        assert list_stories(conn, date_from="2026-03-04") == [s for s in listed if s["date"] >= "2026-03-04"]
        assert len(list_stories(conn, limit=2)) == 2
        assert list_stories(conn, limit=2, offset=2) == listed[2:4]


def test_a_story_detail_groups_articles_by_language(filled: tuple[Store, dict[str, list[int]]]) -> None:
    store, ids = filled
    with store.connect() as conn:
        detail = story_detail(conn, ids["bridge-en"][0])
        assert story_detail(conn, 10_000) is None
    assert detail is not None
    by_language = detail["articles_by_language"]
    assert {a["id"] for a in by_language["en"]} == {"bridge-en", "roundup-en"}
    assert [a["path"] for a in by_language["id"]] == ["mem/bridge-id.txt"]
    roundup = next(a for a in by_language["en"] if a["id"] == "roundup-en")
    assert roundup["segment"] == 1 and roundup["passage"].startswith("The same afternoon")
    names = {e["name"] for e in detail["entities"]}
    assert "Trần Bình" in names and "Lan Phạm" not in names  # only the roundup's bridge paragraph counts
    assert detail["dates"] == ["2026-03-03"]
    assert detail["storyline"] is not None


def test_export_records_carry_paths_events_and_storyline(filled: tuple[Store, dict[str, list[int]]]) -> None:
    store, ids = filled
    with store.connect() as conn:
        records = list(export_stories(conn, "jsonl"))
    assert len(records) == 4
    for record in records:
        assert {"id", "title", "date", "articles", "events", "storyline"} <= set(record)
        assert all(isinstance(path, str) for path in record["articles"])
    arrest = next(r for r in records if r["id"] == ids["arrest-en"][0])
    assert arrest["articles"] == ["mem/arrest-en.txt", "mem/roundup-en.txt"]
    assert arrest["roundups"] == ["mem/roundup-en.txt"]
    assert arrest["events"] == []  # no events were extracted in this corpus


def test_the_exporter_writes_stories_as_json_lines_and_csv(
    filled: tuple[Store, dict[str, list[int]]],
) -> None:
    store, _ = filled
    with store.connect() as conn:
        lines = list(export_lines(conn, "stories", "jsonl"))
        rows = list(export_lines(conn, "stories", "csv"))
    assert len(lines) == 4
    assert json.loads(lines[0])["articles"]
    csv_lines = "\n".join(rows).splitlines()
    assert csv_lines[0].startswith("id,title,") and len(csv_lines) == 5


def test_a_headline_beats_a_lead_sentence_and_english_breaks_ties() -> None:
    assert choose_title({"vi": ("Tiêu đề", 2), "en": ("A lead sentence.", 1)}) == "Tiêu đề"
    assert choose_title({"vi": ("Tiêu đề", 2), "en": ("Headline", 2)}) == "Headline"
    assert choose_title({}) is None


def test_a_storyline_is_named_after_its_principal_actors(filled: tuple[Store, dict[str, list[int]]]) -> None:
    from newsloom.stories.queries import list_storylines

    store, ids = filled
    with store.connect() as conn:
        lines = list_storylines(conn)
    trade = next(line for line in lines if any(s["id"] == ids["trade-en"][0] for s in line["stories"]))
    bridge = next(line for line in lines if any(s["id"] == ids["bridge-en"][0] for s in line["stories"]))
    assert trade["name"] and {"Lan Phạm", "Kenji Sato"} <= set(trade["name"].split(" (")[0].split(", "))
    assert bridge["name"] and bridge["name"].startswith("Trần Bình")
    assert "Kenji Sato" not in bridge["name"]
