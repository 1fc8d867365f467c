"""The PLOVER codebook and its JSON export."""

from __future__ import annotations

import pytest

from newsloom.events.codebook import TYPES, event_scale, event_type, is_mode, to_plover
from newsloom.events.types import PLOVER_TYPES, Actor, Event


def test_sixteen_types_with_the_codebook_modes():
    assert tuple(TYPES) == PLOVER_TYPES and len(TYPES) == 16
    assert set(TYPES["CONSULT"].modes) == {"visit", "third-party", "multilateral", "phone"}
    assert set(TYPES["REQUEST"].modes) == set(TYPES["REJECT"].modes) == {"assist", "change", "yield", "meet"}
    assert "arrest" in TYPES["COERCE"].modes and "resign" in TYPES["RETREAT"].modes
    assert TYPES["AGREE"].modes == {} and is_mode("AGREE", None) and not is_mode("CONSULT", "host")
    assert {t.quad for t in TYPES.values()} == {1, 2, 3, 4}
    assert event_type("consult").quad == 1 and TYPES["ASSAULT"].quad == 4
    assert event_scale("CONSULT", "visit") == 4 and event_scale("CONSULT") == 2.5
    with pytest.raises(KeyError, match="not a PLOVER event type"):
        event_type("MEET")


def test_plover_json_puts_the_visitor_first():
    host = Actor(
        "person:son",
        "Bùi Thanh Sơn",
        "Bùi Thanh Sơn",
        "person",
        "deputy_head_of_government",
        "Phó Thủ tướng",
        "VNM",
    )
    guest = Actor("person:waly", "Ghada Waly", "Ghada Waly", "person", country="UNO")
    event = Event(
        type="CONSULT", sentence=0, evidence="Sơn tiếp Waly.", start=4, end=8, trigger="tiếp", mode="visit",
        date="2025-10-21", language="vi", source_actors=(host,), target_actors=(guest,), host="source",
    )  # fmt: skip
    record = to_plover(event, coded_date="2025-10-25")
    assert record["event"] == ["CONSULT"] and record["mode"] == ["visit"] and record["date"] == "2025-10-21"
    assert [a["identifier_text"] for a in record["actor"]] == ["Ghada Waly"]
    assert record["recipient"][0]["code"] == "VNM" and record["recipient"][0]["sector"] == "GOV"
    assert record["quad_code"] == 1 and record["event_scale"] == 4.0 and record["event_text"] == ["tiếp"]
    assert {"id", "actor", "recipient", "event", "mode", "cite_info", "coded_date"} <= set(record)


def test_plover_json_of_a_stored_record_with_a_range_and_discrepancy():
    record = {
        "id": 7, "type": "AGREE", "mode": None, "date": "2025-10-24", "date_end": "2025-10-25", "joint": True,
        "actors": {"source": [{"key": "a", "name": "A"}], "target": [{"key": "b", "name": "B"}]},
        "location": "Hanoi", "sources": [{"path": "x.txt", "language": "en", "trigger": "agreed", "sentence_index": 2}],
        "discrepancies": [{"summary": "sources disagree on the date"}],
    }  # fmt: skip
    out = to_plover(record)
    assert out["id"] == "newsloom-7" and out["enddate"] == "2025-10-25"
    assert [a["identifier_text"] for a in out["actor"]] == ["A", "B"] and out["recipient"] == []  # joint
    assert out["event_loc"]["extracted_place"] == "Hanoi" and "disagree" in out["comment"]
    assert out["cite_info"][0]["language"] == "en"
