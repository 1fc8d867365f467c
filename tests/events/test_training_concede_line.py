"""Where CONCEDE ends and RETREAT begins (the codebook docstring, decided from the PLOVER definitions
in round 5): the training sentences and the packs' rule triggers draw the same line.

The probe sentences below were written for this test and are in no training file.
"""

from __future__ import annotations

import re

import pytest

from newsloom.events.classifier import LabelledSentence, load_sentences
from newsloom.events.codebook import TYPES
from newsloom.events.sentence_eval import read_sentences, stage_types

#: Lifting a movement or economic restriction: takes effect at once, so RETREAT.
LIFTED = re.compile(
    r"\b(?:lifted|lifts|eased|eases|relaxed|relaxes)\s+(?:the\s+|a\s+|its\s+|their\s+)?(?:\w+\s+){0,3}?"
    r"(?:curfew|lockdown|state\s+of\s+emergency|sanctions|embargo|blockade)\b",
    re.I,
)
#: A promised or announced retreat: verbal, so CONCEDE (never AGREE alone, never RETREAT alone).
PROMISED = re.compile(
    r"\b(?:would|will|pledged\s+to|promised\s+to|vowed\s+to|ready\s+to)\s+(?:\w+\s+)?"
    r"(?:withdraw|pull\s+(?:out|back)|release|free|hand\s+back|return)\b",
    re.I,
)


@pytest.fixture(scope="module")
def english() -> list[LabelledSentence]:
    return [s for s in load_sentences() if s.language == "en"]


def test_lifting_a_curfew_emergency_or_sanctions_is_labelled_retreat(english):
    lifted = [s for s in english if LIFTED.search(s.text)]
    assert len(lifted) >= 10, "the training data should hold lifted curfews, emergencies and sanctions"
    wrong = [s.text for s in lifted if "RETREAT" not in s.types]
    assert not wrong, f"labelled without RETREAT (see the codebook docstring): {wrong}"


def test_a_promised_retreat_is_labelled_concede(english):
    promised = [s for s in english if PROMISED.search(s.text) and s.types]
    assert len(promised) >= 5
    wrong = [s.text for s in promised if "CONCEDE" not in s.types]
    assert not wrong, f"a promised retreat labelled without CONCEDE: {wrong}"


def test_the_codebook_definitions_state_the_line():
    assert "curfew" in TYPES["RETREAT"].definition and "curfew" not in TYPES["CONCEDE"].definition
    assert "promises or announces a retreat" in TYPES["CONCEDE"].definition


@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        (
            "Authorities in the port city lifted the curfew on Monday after a week of calm.",
            "RETREAT",
            "CONCEDE",
        ),
        (
            "The European Union lifted sanctions on the country's central bank on Friday.",
            "RETREAT",
            "CONCEDE",
        ),
        ("Thailand's government lifted the ban on political gatherings.", "CONCEDE", "RETREAT"),
        ("Le gouvernement a levé le couvre-feu dans la ville portuaire.", "RETREAT", "CONCEDE"),
        ("Le gouvernement hongrois a levé son veto sur le budget européen.", "CONCEDE", "RETREAT"),
        ("Pemerintah Indonesia mencabut jam malam di Ambon pada hari Senin.", "RETREAT", "CONCEDE"),
    ],
)
def test_rule_triggers_draw_the_same_line(text, expected, not_expected):
    (types,), _ = stage_types(read_sentences([LabelledSentence(text, "", frozenset(), "probe")]), False)
    assert expected in types and not_expected not in types, types


@pytest.mark.parametrize(
    "text",
    [
        "Kenya's president commuted the death sentences of 30 inmates on Tuesday.",
        "The High Court in Nairobi acquitted opposition leader John Mwangi of incitement.",
        "Hamas declared a three-day truce with Israel for the holiday.",
    ],
)
def test_verbal_concessions_are_concede(text):
    (types,), _ = stage_types(read_sentences([LabelledSentence(text, "", frozenset(), "probe")]), False)
    assert "CONCEDE" in types, types


def test_a_conditional_threat_is_asserted_but_a_conditional_plan_is_not():
    from newsloom.events.learned import asserted
    from newsloom.lang import load_part

    rules = load_part("en", "events")
    assert asserted("The union threatened to shut the ports unless the pay offer was improved.", rules)
    assert asserted("Beijing warned that it would respond with force if the drills went ahead.", rules)
    assert not asserted("If the talks fail, the union will shut the ports.", rules)
    assert not asserted("Officials warned that the river could burst its banks.", rules)
    vi = load_part("vi", "events")
    assert asserted("Công nhân đe dọa đình công nếu công ty không trả lương.", vi)
    assert not asserted("Nếu đàm phán thất bại, công nhân sẽ đình công.", vi)
