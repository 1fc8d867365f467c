"""French: what the sentence asserts, fr17's leftovers (#13, session 18).

- "devrait" is an expectation ("La visite devrait avoir lieu en mai": not asserted) unless it is what a speaker says
  another ought to do ("X a déclaré que Y devrait retirer ses troupes": X's demand, a REQUEST, asserted).
- "selon des sources" attributes; the mood carries the hedge: a past act in the passé composé by a named doer is
  reported as fact (asserted); the conditionnel ("aurait expulsé"), another tense, or a doer only the sources name
  ("l'armée a abattu") is not (the line is in ``tests/gold/events/README.md``, guideline 7).
- the present conditionnel of reported speech in a main clause ("La Russie fournirait des armes") is not asserted;
  the future in the past after "que" ("a annoncé que la France fournirait une aide": a promise) and the imparfait
  ("préparaient") are.
Every sentence is written for the test.
"""

from __future__ import annotations

import pytest

from newsloom.events.extract import extract_events
from newsloom.events.learned import asserted
from newsloom.lang.fr.events import RULES

from .helpers import make_article

NAMES = {
    "Emmanuel Macron": ("person", "person:macron", "Emmanuel Macron", "head_of_state", None),
    "Algérie": ("place", "place:dz", "Algeria", None, None),
    "Maroc": ("place", "place:ma", "Morocco", None, None),
    "Russie": ("place", "place:ru", "Russia", None, None),
    "France": ("place", "place:fr", "France", None, None),
}


def _types(text: str) -> list[str]:
    return [e.type for e in extract_events(make_article(text, "fr", NAMES, published="2026-03-02"))]


@pytest.mark.parametrize(
    "sentence",
    [
        # a demand: what the speaker says another ought to do
        "Emmanuel Macron a déclaré que la Russie devrait retirer ses troupes d'Ukraine.",
        "Le ministre sénégalais a estimé que la France devrait restituer les biens culturels au Sénégal.",
        "L'Algérie exige que le Maroc devrait libérer les prisonniers sans délai.",
        # unnamed sources, a named doer, the passé composé: reported as fact
        "Selon des sources policières, la police de Bali a arrêté trois suspects à Denpasar.",
        "Selon des sources diplomatiques, l'Algérie a expulsé deux diplomates français.",
    ],
)
def test_fr_demand_or_attributed_past_act_is_asserted(sentence: str) -> None:
    assert asserted(sentence, RULES)


@pytest.mark.parametrize(
    "sentence",
    [
        # the present conditionnel of reported speech, no source phrase
        "La Russie fournirait des armes aux rebelles maliens.",
        "Le gouvernement malien préparerait une offensive contre les rebelles.",
        "Les deux pays négocieraient en secret un accord sur la frontière.",
    ],
)
def test_fr_reported_conditionnel_is_not_asserted(sentence: str) -> None:
    assert not asserted(sentence, RULES)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # guards that already held: an expectation, the conditionnel passé, unnamed doer, another tense
        ("La visite d'Emmanuel Macron au Maroc devrait avoir lieu en mai.", False),
        ("Emmanuel Macron a déclaré que la rencontre avec le Maroc devrait avoir lieu en juin.", False),
        ("La France devrait imposer de nouvelles sanctions à la Russie.", False),
        ("Selon des sources diplomatiques, l'Algérie aurait expulsé deux diplomates français.", False),
        (
            "Selon des sources diplomatiques, l'Algérie prépare de nouvelles sanctions contre la France.",
            False,
        ),
        ("Selon des sources sécuritaires, l'armée a abattu deux drones au-dessus de la ville.", False),
        ("Le ministre aurait rencontré secrètement des responsables russes à Moscou.", False),
        # the future in the past after "que", the imparfait of a -rer verb, "retrait": asserted
        (
            "Emmanuel Macron a annoncé que la France fournirait une aide de dix millions d'euros au Maroc.",
            True,
        ),
        ("La police marocaine a arrêté trois suspects qui préparaient un attentat à Rabat.", True),
        ("Le Maroc a salué le retrait des troupes russes.", True),
    ],
)
def test_fr_hedge_guards(sentence: str, expected: bool) -> None:
    assert asserted(sentence, RULES) is expected


def test_fr_attributed_past_act_keeps_its_rule_event() -> None:
    # on main the SANCTION of the passé composé after "selon des sources" was dropped by the cue
    assert "SANCTION" in _types(
        "Selon des sources diplomatiques, l'Algérie a expulsé deux diplomates français."
    )
    assert "SANCTION" not in _types(
        "Selon des sources diplomatiques, l'Algérie aurait expulsé deux diplomates français."
    )
