"""A string of receptions: the host is the subject after a "continuing ..." phrase, every guest of a
list whose names each carry their title is a target, and "held a string of meetings" is a meeting."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsloom.events.extract import extract_events

from .helpers import make_article

QUANG = ("person", "person:quang", "Lương Tam Quang", "minister", None)
UN = ("organization", "org:un", "Liên hợp quốc", None, None)


def _person(key: str, name: str, role: str, org: str) -> tuple[str, str, str, str, str]:
    return ("person", key, name, role, org)


#: The titles the entities stage reads before each name (``Mention.role_text``).
TITLES = {"Paulo Chachine": "Bộ trưởng", "Ali Naghiyev": "Giám đốc", "Mmamoloko Kubayi": "Bộ trưởng"}


def _article(text: str, lang: str, names: dict):  # noqa: ANN202
    article = make_article(text, lang, names, published="2025-10-26")
    return replace(
        article, entities=tuple(replace(m, role_text=TITLES.get(m.text)) for m in article.entities)
    )


def _consult(text: str, lang: str, names: dict) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    article = _article(text, lang, names)
    return [(e.source, e.target) for e in extract_events(article) if e.type == "CONSULT"]


VI_GUESTS = {
    "Lương Tam Quang": QUANG,
    "Liên hợp quốc": UN,
    "Paulo Chachine": _person("person:chachine", "Paulo Chachine", "minister", "org:mz"),
    "Ali Naghiyev": _person("person:naghiyev", "Ali Naghiyev", "director", "org:az"),
    "Mmamoloko Kubayi": _person("person:kubayi", "Mmamoloko Kubayi", "minister", "org:za"),
}


def test_a_continuing_phrase_is_no_subject_and_every_titled_guest_is_a_target() -> None:
    text = (
        "Sáng 26/10, tiếp tục chuỗi hoạt động bên lề Lễ mở ký Công ước Liên hợp quốc, Đại tướng Lương Tam "
        "Quang, Bộ trưởng Bộ Công an, đã lần lượt tiếp Bộ trưởng Paulo Chachine, Giám đốc Ali Naghiyev và Bộ trưởng Mmamoloko Kubayi."
    )
    found = _consult(text, "vi", VI_GUESTS)
    # received in turn: one meeting per guest (events/counterparts.py)
    assert found == [
        (("person:quang",), ("person:chachine",)),
        (("person:quang",), ("person:naghiyev",)),
        (("person:quang",), ("person:kubayi",)),
    ], found


@pytest.mark.parametrize(
    ("gap_text", "listed"),
    [
        (", Giám đốc Ali Naghiyev và Bộ trưởng Mmamoloko Kubayi", True),  # comma, title; "và", title
        (", Ali Naghiyev và Mmamoloko Kubayi", True),  # plain names, as before
        (" và ông Ali Naghiyev, Mmamoloko Kubayi", False),  # a list must close with its conjunction
    ],
)
def test_titled_lists(gap_text: str, listed: bool) -> None:
    text = f"Đại tướng Lương Tam Quang đã tiếp Bộ trưởng Paulo Chachine{gap_text}."
    found = _consult(text, "vi", VI_GUESTS)
    targets = {t for _, meeting in found for t in meeting}  # one meeting per guest read
    assert ("person:kubayi" in targets) == listed, found


def test_held_a_string_of_meetings_is_a_meeting_of_its_subject() -> None:
    names = {
        "Luong Tam Quang": ("person", "person:quang", "Luong Tam Quang", "minister", None),
        "Vietnam": ("place", "place:vn", "Vietnam", None, None),
    }
    text = (
        "Vietnam's Minister of Public Security Luong Tam Quang held a string of bilateral meetings on Sunday."
    )
    found = _consult(text, "en", names)
    assert found and found[0][0] == ("person:quang",), found
