"""Modes from the packs' cues: the codebook's third-party meetings and requests to yield."""

from __future__ import annotations

import pytest

from newsloom.events.extract import extract_events

from .helpers import make_article

QATAR = ("place", "place:qa", "Qatar", None, None)
PH = ("place", "place:ph", "Philippines", None, None)
CN = ("place", "place:cn", "China", None, None)
ID = ("place", "place:id", "Indonesia", None, None)
MY = ("place", "place:my", "Malaysia", None, None)


@pytest.mark.parametrize(
    ("text", "lang", "names", "type_", "mode"),
    [
        ("The Philippines held talks with China in Doha, mediated by Qatar.", "en",
         {"Qatar": QATAR, "Philippines": PH, "China": CN}, "CONSULT", "third-party"),
        ("The Philippines urged China to free the detained fishermen.", "en",
         {"Philippines": PH, "China": CN}, "REQUEST", "yield"),
        ("The Philippines held talks with China in Doha.", "en",
         {"Philippines": PH, "China": CN}, "CONSULT", None),
        ("Malaysia mengadakan pertemuan dengan Filipina di Jakarta yang dimediasi Indonesia.", "id",
         {"Indonesia": ID, "Malaysia": MY, "Filipina": PH}, "CONSULT", "third-party"),
    ],
)  # fmt: skip
def test_mode_cues(text: str, lang: str, names: dict, type_: str, mode: str | None) -> None:
    events = [
        e for e in extract_events(make_article(text, lang, names, published="2025-10-26")) if e.type == type_
    ]
    assert events and {e.mode for e in events} == {mode}, [(e.type, e.mode, e.trigger) for e in events]
