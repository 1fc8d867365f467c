"""Modes read where the sentence says them: a cue before a rule trigger in its clause, the shared
whole-sentence reading of a classifier's event, no guess where no cue is, and the dev gold."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsloom.events.extract import extract_events
from newsloom.events.modes import cue_mode, sentence_mode
from newsloom.lang import load_part

from .helpers import make_article

ROOT = Path(__file__).resolve().parents[2]
EN = load_part("en", "events")
SOLDIERS = ("organization", "org:soldiers", "soldiers", None, None)
ARMY = ("organization", "org:army", "army", None, None)


@pytest.mark.parametrize(
    ("text", "names", "type_", "mode"),
    [
        # the weapon is the subject, before "killed" (the trigger carries no mode)
        ("A roadside bomb killed four soldiers near the border.", {"soldiers": SOLDIERS}, "ASSAULT", "explosives"),
        # after the trigger, as before
        ("The army attacked the soldiers with grenades and explosives.", {"army": ARMY, "soldiers": SOLDIERS},
         "ASSAULT", "explosives"),
        # artillery is the codebook's heavy-weapons
        ("The army attacked the soldiers with artillery and rockets.", {"army": ARMY, "soldiers": SOLDIERS},
         "ASSAULT", "heavy-weapons"),
        # no cue anywhere in the clause: no mode is guessed
        ("The army attacked the soldiers near the border.", {"army": ARMY, "soldiers": SOLDIERS}, "ASSAULT", None),
    ],
)  # fmt: skip
def test_rule_event_reads_cues_in_its_clause(text: str, names: dict, type_: str, mode: str | None) -> None:
    events = [
        e for e in extract_events(make_article(text, "en", names, published="2025-10-26")) if e.type == type_
    ]
    assert events and {e.mode for e in events} == {mode}, [(e.type, e.mode, e.trigger) for e in events]


def test_a_cue_in_another_clause_is_not_read() -> None:
    text = "The army attacked the soldiers near the border; a bomb went off in the capital later."
    events = [
        e
        for e in extract_events(make_article(text, "en", {"army": ARMY, "soldiers": SOLDIERS}))
        if e.type == "ASSAULT"
    ]
    assert events and {e.mode for e in events} == {None}, [(e.mode, e.trigger) for e in events]


def test_cue_mode_window() -> None:
    text = "A roadside bomb killed four soldiers."
    killed = text.index("killed")
    assert cue_mode("ASSAULT", text, EN) == "explosives"
    assert cue_mode("ASSAULT", text, EN, killed) is None  # only after the trigger
    assert cue_mode("ASSAULT", text, EN, 0, killed) == "explosives"
    assert cue_mode("PROTEST", text, EN) is None  # cues of another type


@pytest.mark.parametrize(
    ("text", "type_", "mode"),
    [
        (
            "The mayor asked the national government for emergency funds after the typhoon.",
            "REQUEST",
            "assist",
        ),
        ("Students called on the university to scrap the new fee rules.", "REQUEST", "change"),
        ("The army pulled its troops out of the disputed valley.", "RETREAT", "withdraw"),
        ("Leaders met on the sidelines of the summit.", "CONSULT", "multilateral"),
        ("Thousands gathered in the square on Sunday.", "SUPPORT", None),  # a type without modes
        ("Officials met the delegation on Sunday.", "CONSULT", None),  # nothing says how
    ],
)
def test_sentence_mode(text: str, type_: str, mode: str | None) -> None:
    assert sentence_mode(text, EN, type_) == mode


def test_dev_gold_modes_are_codebook_modes_and_read() -> None:
    """Every mode of the dev gold is one the codebook defines for its type; and the stage gives the
    gold mode for nine in ten of the dev events it finds (the dev set is written to read clearly:
    this checks the cues still work, not quality)."""
    from newsloom.events.codebook import is_mode
    from newsloom.events.sentence_eval import (
        load_coded_modes,
        load_jsonl_gold,
        load_jsonl_modes,
        mode_accuracy,
        read_sentences,
        stage_events,
    )

    right = scored = 0
    # modes_dev3 (session 13, every PLOVER mode since session 14) beside modes_dev, each scored in its
    # own declared convention (tests/gold/events/coded_modes.json)
    for name in ("modes_dev.jsonl", "modes_dev3.jsonl"):
        path = str(ROOT / "tests" / "gold" / "events" / name)
        gold = load_jsonl_modes(path)
        assert len(gold) >= 100
        assert all(is_mode(type_, mode) for row in gold for type_, mode in row)
        found = stage_events(read_sentences(load_jsonl_gold(path)), classifier=False)
        r, s = mode_accuracy(gold, found, load_coded_modes(path))
        right, scored = right + r, scored + s
    assert scored >= 40 and right / scored >= 0.9, (right, scored)
