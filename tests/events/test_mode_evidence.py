"""Modes with the words that gave them, and the codebook's sub-kinds the packs now tell apart:
recalling one's own envoy (SANCTION withdraw, not expel), a bombing from the air (aerial over
explosives), a beating (beat, not primitive), a generic deployment verb (the force it names, not
police), "protested" alone (no kind of protest said)."""

from __future__ import annotations

import pytest

from newsloom.events.extract import extract_events
from newsloom.events.modes import (
    EVIDENCE_MARK,
    NO_MODE,
    mode_evidence,
    sentence_reading,
    with_evidence,
)
from newsloom.lang import load_part

from .helpers import make_article

EN = load_part("en", "events")
CANADA = ("place", "place:ca", "Canada", None, None)
IRAN = ("place", "place:ir", "Iran", None, None)
REBELS = ("organization", "org:rebels", "rebels", None, None)
GUARDS = ("organization", "org:guards", "security guards", None, None)
JOURNALIST = ("person", "person:reporter", "journalist", None, None)
RESIDENTS = ("organization", "org:residents", "Residents", None, None)
TNI = ("organization", "org:tni", "TNI", None, None)
POLICE_VI = ("organization", "org:cong-an", "Công an tỉnh", None, None)


def _events(text: str, lang: str, names: dict, type_: str) -> list:
    found = extract_events(make_article(text, lang, names, published="2025-10-26"))
    return [e for e in found if e.type == type_]


@pytest.mark.parametrize(
    ("text", "lang", "names", "type_", "mode", "words"),
    [
        ("Canada recalled its ambassador from Iran on Monday.", "en", {"Canada": CANADA, "Iran": IRAN},
         "SANCTION", "withdraw", "recalled its ambassador"),
        ("Canada expelled two diplomats of Iran on Monday.", "en", {"Canada": CANADA, "Iran": IRAN},
         "SANCTION", "expel", "expelled"),
        ("Fighter jets bombed the rebels overnight.", "en", {"rebels": REBELS}, "ASSAULT", "aerial",
         "Fighter jets"),
        ("The security guards beat a journalist at the gate.", "en",
         {"security guards": GUARDS, "journalist": JOURNALIST}, "ASSAULT", "beat", "beat"),
        ("TNI mengerahkan dua batalion ke wilayah perbatasan.", "id", {"TNI": TNI}, "MOBILIZE", "troops",
         "batalion"),
        ("Công an tỉnh đã khởi tố vụ án để điều tra sai phạm.", "vi", {"Công an tỉnh": POLICE_VI},
         "ACCUSE", "investigate", "khởi tố vụ án"),
    ],
)  # fmt: skip
def test_rule_modes_and_their_words(
    text: str, lang: str, names: dict, type_: str, mode: str | None, words: str | None
) -> None:
    events = _events(text, lang, names, type_)
    assert events, extract_events(make_article(text, lang, names))
    assert {e.mode for e in events} == {mode}, [(e.mode, e.trigger, e.rule) for e in events]
    assert all(mode_evidence(e.rule) == words for e in events), [e.rule for e in events]


def test_protested_alone_says_no_kind_of_protest() -> None:
    text = "Residents protested against the planned coal plant."
    events = _events(text, "en", {"Residents": RESIDENTS}, "PROTEST")
    assert events and {e.mode for e in events} == {None}
    assert all(EVIDENCE_MARK not in e.rule for e in events)  # no mode, no mode evidence
    marched = _events(
        "Residents marched against the planned coal plant.", "en", {"Residents": RESIDENTS}, "PROTEST"
    )
    assert marched and {e.mode for e in marched} == {"demo"}


@pytest.mark.parametrize(
    ("text", "type_", "reading"),
    [
        # the delivery (a drone, aircraft, a suicide bomber) over the munition the trigger names
        ("A drone strike hit a fuel depot outside the city.", "ASSAULT", ("drone", "drone")),
        ("Warplanes bombed the bridge at dawn.", "ASSAULT", ("aerial", "Warplanes")),
        (
            "A suicide bomber blew himself up at the checkpoint.",
            "ASSAULT",
            ("suicide-attack", "suicide"),
        ),
        ("A bomb hidden in a truck exploded at the checkpoint.", "ASSAULT", ("explosives", "bomb")),
        ("Opposition lawmakers demanded that the minister step down.", "REQUEST", ("change", "step down")),
        ("Parliament voted down the proposed constitutional amendment.", "REJECT", ("change", "amendment")),
        ("The rebels rejected calls to free the hostages.", "REJECT", ("yield", "free")),
        ("The two presidents spoke by telephone on Saturday.", "CONSULT", ("phone", "telephone")),
        ("The two presidents met on Saturday.", "CONSULT", NO_MODE),
    ],
)
def test_sentence_readings_keep_their_words(text: str, type_: str, reading: tuple) -> None:
    assert sentence_reading(text, EN, type_) == reading


def test_evidence_round_trip() -> None:
    rule = with_evidence("model", ("phone", "by  video\nlink"))
    assert rule == f"model{EVIDENCE_MARK}by video link"
    assert mode_evidence(rule) == "by video link"
    assert with_evidence("model", NO_MODE) == "model"
    assert mode_evidence("model") is None
    assert mode_evidence("en:\\b(?:met)\\b") is None


@pytest.mark.parametrize(
    ("lang", "text", "mode"),
    [
        # "tiếp tục" (continue) and "trực tiếp" (direct) hold the syllable "tiếp" (receive): no visit
        ("vi", "Hai bộ trưởng hội đàm và nhất trí tiếp tục thúc đẩy hợp tác trực tiếp.", None),
        ("vi", "Thứ trưởng đã tiếp Đại sứ Hàn Quốc tại trụ sở Bộ.", "visit"),
        # "menerima bantuan" (received aid) is no reception
        ("id", "Kedua menteri bertemu setelah provinsi itu menerima bantuan dari pusat.", None),
        ("id", "Menteri menerima Duta Besar Jepang di Jakarta.", "visit"),
    ],
)
def test_a_syllable_or_an_object_is_no_visit(lang: str, text: str, mode: str | None) -> None:
    assert sentence_reading(text, load_part(lang, "events"), "CONSULT")[0] == mode
