"""Places of one event at two scales or in two languages are no disagreement (newsloom/events/places.py)."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from newsloom.events.merge import discrepancies
from newsloom.events.places import same_place


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("Presidential Palace", "Hanoi", True),  # a landmark of Vietnam and its capital
        ("Presidential Palace", "Istana Kepresidenan", True),  # the Indonesian name of the palace
        ("Phủ Chủ tịch", "Presidential Palace", True),
        ("Vietnam", "Hà Nội", True),  # a country holds its cities
        ("East Jakarta", "Jakarta Timur", True),  # unknown names built on one known city
        ("Hanoi", "Jakarta", False),
        ("Bali", "Jakarta", False),  # one country, but neither holds the other
        ("Presidential Palace", "National Convention Center", False),  # two landmarks
        ("Hanoi", "Kuala Lumpur", False),
    ],
)
def test_same_place(first, second, same):
    assert same_place(first, second) is same
    assert same_place(second, first) is same


def row(article: str, location: str) -> SimpleNamespace:
    return SimpleNamespace(
        article_id=article, path=f"{article}.txt", language="en", sentence="...", sentence_index=0,
        date="2025-10-24", date_end=None, date_source="time", location=location, location_source="sentence",
        source_actors="[]", target_actors="[]",
    )  # fmt: skip


def test_the_palace_the_capital_and_its_translation_do_not_disagree():
    rows = [row("vi", "Presidential Palace"), row("en", "Hanoi"), row("id", "Istana Kepresidenan")]
    assert [d for d in discrepancies("AGREE", rows) if d["field"] == "location"] == []
    rows.append(row("ms", "Kuala Lumpur"))
    (found,) = [d for d in discrepancies("AGREE", rows) if d["field"] == "location"]
    assert [v["value"] for v in found["values"]] == ["Presidential Palace", "Kuala Lumpur"]


def meeting_row(article: str, *keys: str) -> SimpleNamespace:
    base = row(article, "")
    base.location_source = None
    base.source_actors = json.dumps([{"key": k, "name": k.split(":")[1]} for k in keys])
    return base


def test_a_report_naming_fewer_participants_is_no_disagreement():
    rows = [meeting_row("vi", "person:a"), meeting_row("en", "person:a", "person:b")]
    assert [d for d in discrepancies("CONSULT", rows) if d["field"] == "participants"] == []
    rows.append(meeting_row("id", "person:a", "person:c"))
    (found,) = [d for d in discrepancies("CONSULT", rows) if d["field"] == "participants"]
    assert sorted(v["value"] for v in found["values"]) == [["a"], ["a", "b"], ["a", "c"]]
