"""French hedging, negation and plan cues (#13, session 17): an event is a fact only where the sentence
asserts it.

The French pack had no ``nonfactual`` and no ``possibility`` cue, and its auxiliary pattern read the
conditionnel passé ("aurait signé": reportedly signed) as a past act. Each kind the en/vi/id packs have is
checked here (modal, expected, plan, reported, denial, negation, cancellation, question, generic), with the
sentences that must stay asserted beside them ("comme prévu", an undone plan, "n'a pas hésité à"). A meeting
called off is in ``test_undone_meetings.py``. Every sentence is written for the test.
"""

from __future__ import annotations

import pytest

from newsloom.events.extract import extract_events
from newsloom.events.learned import asserted
from newsloom.lang.fr.events import RULES

from .helpers import make_article

NAMES = {
    "Jean-Noël Barrot": ("person", "person:jean-noel barrot", "Jean-Noël Barrot", "minister", None),
    "Sergueï Lavrov": ("person", "person:sergei lavrov", "Sergueï Lavrov", "minister", None),
    "Bassirou Diomaye Faye": ("person", "person:faye", "Bassirou Diomaye Faye", "head_of_state", None),
    "Emmanuel Macron": ("person", "person:macron", "Emmanuel Macron", "head_of_state", None),
    "Algérie": ("place", "place:dz", "Algeria", None, None),
    "Sénégal": ("place", "place:sn", "Senegal", None, None),
    "Russie": ("place", "place:ru", "Russia", None, None),
    "Dakar": ("place", "place:dakar", "Dakar", None, None),
}


def _types(text: str) -> list[str]:
    article = make_article(text, "fr", NAMES, published="2025-11-04")
    return [e.type for e in extract_events(article)]


@pytest.mark.parametrize(
    "sentence",
    [
        # modal and possibility
        "Le Sénégal pourrait suspendre sa coopération militaire avec la Russie.",
        "Jean-Noël Barrot se rendra peut-être à Dakar avant la fin du mois.",
        "L'Algérie va probablement rappeler son ambassadeur.",
        # expected or scheduled
        "Le texte devrait être signé par les deux gouvernements en décembre.",
        "La rencontre entre Jean-Noël Barrot et son homologue est prévue jeudi à Dakar.",
        "La visite programmée en janvier portera sur la sécurité régionale.",
        "Les ministres sont censés adopter une déclaration commune.",
        # a planned thing as the subject
        "La rencontre prévue jeudi portera sur la sécurité au Sahel.",
        # plans and intentions
        "Jean-Noël Barrot envisage de se rendre en Algérie au printemps.",
        "Le Sénégal prévoit de fermer deux bases étrangères.",
        "Le gouvernement a l'intention de rétablir le dialogue avec l'Algérie.",
        "La ministre a présenté son projet de réformer la police des frontières.",
        # reported, not vouched for
        "Selon des sources sécuritaires, l'armée a abattu deux drones au-dessus de Dakar.",
        "Le chef de la junte aurait signé un accord avec la Russie.",
        "Deux soldats seraient morts dans l'embuscade.",
        # denial and what is left open
        "Le ministère a démenti toute livraison d'armes au Sénégal.",
        "Moscou nie avoir envoyé des instructeurs au Sahel.",
        "Le porte-parole n'exclut pas des sanctions supplémentaires.",
        # negation
        "Emmanuel Macron n'a pas reçu les représentants des syndicats.",
        "Bassirou Diomaye Faye ne s'est pas rendu au sommet de Dakar.",
        "Sergueï Lavrov n'est pas venu à Alger malgré l'invitation.",
        "Le Sénégal ne signera pas la déclaration finale.",
        # a yes/no question
        "L'Algérie a-t-elle expulsé des diplomates français ?",
        # generic
        "Les deux pays organisent généralement des consultations politiques au printemps.",
    ],
)
def test_hedged_sentence_is_not_asserted(sentence: str) -> None:
    assert not asserted(sentence, RULES)


@pytest.mark.parametrize(
    "sentence",
    [
        "Jean-Noël Barrot a rencontré son homologue algérien à Alger, comme prévu.",
        "Le gouvernement a renoncé à son projet de fermer la frontière.",
        "Le projet de fermer la frontière avec le Sénégal a été abandonné.",
        "Le Parlement a adopté le projet de loi sur l'immigration.",
        "La police n'a pas hésité à interpeller les manifestants.",
        "Jean-Noël Barrot a déclaré que la France soutiendrait le Sénégal.",
        "Pourquoi Emmanuel Macron a-t-il reçu Bassirou Diomaye Faye ?",
        "Sans aucun doute, les deux pays ont signé un accord historique.",
        # a negation in a relative clause between commas is another predicate's
        "Jean-Noël Barrot, qui ne s'était pas rendu au sommet, a reçu Bassirou Diomaye Faye.",
        # a threat is conditional by nature: a negation in its condition leaves it asserted
        "Les ravisseurs menacent d'exécuter les otages si la rançon n'est pas payée avant lundi.",
    ],
)
def test_asserted_sentence_stays_asserted(sentence: str) -> None:
    assert asserted(sentence, RULES)


@pytest.mark.parametrize(
    ("sentence", "unasserted"),
    [
        # the conditionnel passé was read as the passé composé by the triggers
        ("Emmanuel Macron aurait reçu Bassirou Diomaye Faye en secret.", "CONSULT"),
        ("La Russie aurait signé un accord de défense avec le Sénégal.", "SUPPORT"),
        # unnamed sources and the conditionnel before the trigger, in its clause (session 18: with the passé
        # composé and a named doer the act is reported as fact, tests/events/test_hedges_held_fr.py)
        ("Selon des sources diplomatiques, l'Algérie aurait expulsé deux diplomates.", "SANCTION"),
    ],
)
def test_rule_trigger_after_a_hedge_is_no_event(sentence: str, unasserted: str) -> None:
    assert unasserted not in _types(sentence)


def test_warning_of_a_possibility_is_no_threat() -> None:
    sentence = "Sergueï Lavrov a averti que les sanctions pourraient provoquer une crise avec l'Algérie."
    assert "THREATEN" not in _types(sentence)


def test_warning_without_possibility_stays_a_threat() -> None:
    sentence = "Sergueï Lavrov a menacé de rompre les relations avec l'Algérie."
    assert "THREATEN" in _types(sentence)


def test_meeting_to_come_stays_agree() -> None:
    # "devrait rencontrer" is a hedge for what the classifier reads, and still the AGREE of a meeting to come
    sentence = "Emmanuel Macron devrait rencontrer Bassirou Diomaye Faye à Dakar."
    assert _types(sentence) == ["AGREE"]
    assert not asserted(sentence, RULES)


def test_asserted_past_acts_are_still_read() -> None:
    text = "Emmanuel Macron, qui n'avait pas assisté au sommet, a reçu Bassirou Diomaye Faye à l'Élysée."
    assert "CONSULT" in _types(text)
    assert "CONSULT" in _types("Emmanuel Macron a reçu Bassirou Diomaye Faye à l'Élysée.")
    assert "SUPPORT" in _types("La Russie a signé un accord de défense avec le Sénégal.")
