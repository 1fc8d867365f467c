"""An event's title names every participant of a joint event, not only its first side."""

from __future__ import annotations

from newsloom.events.stored import _title

CUONG = {"key": "entity:1", "name": "Lương Cường"}
GUTERRES = {"key": "entity:2", "name": "António Guterres"}


def test_a_joint_meeting_names_both_sides() -> None:
    assert _title("CONSULT", "visit", [CUONG], [GUTERRES], joint=True) == (
        "Lương Cường, António Guterres: CONSULT (visit)"
    )


def test_a_directed_event_keeps_its_arrow_and_a_lone_side_its_name() -> None:
    assert (
        _title("REQUEST", None, [CUONG], [GUTERRES], joint=False)
        == "Lương Cường -> António Guterres: REQUEST"
    )
    assert _title("SUPPORT", None, [CUONG], [], joint=False) == "Lương Cường: SUPPORT"
    assert _title("AGREE", None, [], [], joint=True) == "?: AGREE"
