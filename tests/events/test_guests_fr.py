"""French reads the session-12 rules from its pack (#13): guests listed after "a reçu" with a title
between commas and a lower-case title before the last ("et le vice-ministre iranien ...") are one
meeting each; a sentence opening "Avec X," makes X the other party of what follows, a lower-case
title between "Avec" and the name too; speaking at a body's meeting ("S'exprimant lors de la réunion
du Conseil X, Y a déclaré", en "Speaking at the meeting of X", vi "Phát biểu tại Hội nghị X") is
attending it. Sentences made up for these tests, shaped like the bundled examples."""

from __future__ import annotations

import pytest

from newsloom.events.extract import extract_events

from .helpers import EACH_GUEST, QUANG_AND_GUESTS, make_article

NAMES = {**QUANG_AND_GUESTS, "Japon": ("place", "place:jp", "Japan", None, None)}


def _events(text: str, lang: str = "fr", names: dict | None = None, kind: str | None = None) -> list:
    article = make_article(text, lang, names or NAMES, published="2025-10-26")
    return [e for e in extract_events(article) if kind is None or e.type == kind]


def _meetings(text: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    return [(e.source, e.target) for e in _events(text, kind="CONSULT")]


# -- guests after "a reçu" ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Quang a également reçu Ali Naghiyev, chef du Service de sécurité de l'État d'Azerbaïdjan, et le "
        "vice-ministre iranien des Affaires étrangères Vahid Jalalzadeh.",
        "Quang a reçu Ali Naghiyev, directeur du service, et la vice-ministre Vahid Jalalzadeh.",
        "Quang a reçu Ali Naghiyev, chef du service, et le Vice-ministre Vahid Jalalzadeh.",
    ],
)
def test_guests_listed_with_a_lower_case_title_before_the_last_are_one_meeting_each(text):
    assert _meetings(text) == EACH_GUEST


def test_after_a_guest_s_title_a_verb_in_lower_case_lists_no_one():
    text = "Quang a reçu Ali Naghiyev, chef du service, et a discuté du commerce avec Vahid Jalalzadeh."
    assert _meetings(text)[:1] == EACH_GUEST[:1]
    # Jalalzadeh is no guest of the reception; the discussion with him is a meeting of its own (#13)
    read = [(e.target, e.trigger) for e in _events(text, kind="CONSULT")]
    assert (EACH_GUEST[1][1], "reçu") not in read and (EACH_GUEST[1][1], "discuté") in read


def test_a_guest_s_title_and_no_second_guest_is_one_meeting():
    text = "Quang a reçu Ali Naghiyev, chef du Service de sécurité de l'État, dimanche."
    assert _meetings(text) == EACH_GUEST[:1]


def test_a_person_between_commas_is_a_guest_not_a_title():
    text = "Quang a reçu Ali Naghiyev, Paulo Chachine et Vahid Jalalzadeh."
    assert [t for _, t in _meetings(text)] == [
        ("person:naghiyev",),
        ("person:chachine",),
        ("person:jalalzadeh",),
    ]


# -- "Avec X, il a ..." ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "opening",
    [
        "Avec Mmamoloko Kubayi, il a",
        "Avec la ministre sud-africaine de la Justice Mmamoloko Kubayi, il a",
        "Avec Mmamoloko Kubayi, le ministre a",
    ],
)
def test_avec_someone_opening_a_sentence_makes_them_the_other_party(opening):
    text = (
        f"Quang a tenu des entretiens dimanche. {opening} discuté de la visite d'État et a convenu "
        "d'étudier de nouveaux instruments de coopération."
    )
    agreed = _events(text, kind="AGREE")
    assert [(e.source, e.joint) for e in agreed] == [(("person:quang", "person:kubayi"), True)]


def test_an_act_done_to_the_someone_a_sentence_opens_with_has_them_as_target():
    text = "Quang a tenu des entretiens dimanche. Avec Mmamoloko Kubayi, il a salué la visite."
    praised = _events(text, kind="SUPPORT")
    assert [(e.source, e.target, e.joint) for e in praised] == [
        (("person:quang",), ("person:kubayi",), False)
    ]


def test_avec_a_thing_opening_a_sentence_adds_no_party():
    text = "Quang a tenu des entretiens dimanche. Avec l'aide du Japon, il a convenu de construire un centre."
    assert [e.source for e in _events(text, kind="AGREE")] == [("person:quang",)]


# -- speaking at a body's meeting ---------------------------------------------------------------

SUGIONO = ("person", "person:sugiono", "Sugiono", "foreign_minister", None)
COUNCIL = ("organization", "org:mekong-council", "Mekong Council", None, None)
SUMMIT = ("organization", "org:mekong-summit", "Mekong Summit", None, None)
SPEAKERS = {
    "Sugiono": SUGIONO,
    "Mekong Council": COUNCIL,
    "Conseil du Mékong": COUNCIL,
    "Hội đồng Mekong": COUNCIL,
    "Mekong Summit": SUMMIT,
}
ATTENDS = [("CONSULT", "multilateral", ("person:sugiono",), ("org:mekong-council",))]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Speaking at the 12th meeting of the Mekong Council in Vientiane, Sugiono said the region must "
               "stay united."),
        # the phrase has a comma of its own, and another body named in it: the subject follows the last
        ("en", "Speaking at the 12th meeting of the Mekong Council in Vientiane, held a day before the Mekong "
               "Summit opened, Sugiono said the region must stay united."),
        ("en", "On Saturday, speaking at a session of the Mekong Council, Sugiono said the region must stay "
               "united."),
        ("vi", "Phát biểu tại Hội nghị lần thứ 12 Hội đồng Mekong ở Vientiane, Sugiono cho biết khu vực cần "
               "đoàn kết."),
        ("vi", "Sáng 25/10, phát biểu tại Hội nghị Hội đồng Mekong, Sugiono cho biết khu vực cần đoàn kết."),
        ("fr", "S'exprimant lors de la 12e réunion du Conseil du Mékong à Vientiane, tenue la veille du sommet, "
               "Sugiono a déclaré que la région devait rester unie."),
        ("fr", "Samedi, s'exprimant lors de la réunion du Conseil du Mékong, Sugiono a déclaré que la région "
               "devait rester unie."),
    ],
)  # fmt: skip
def test_speaking_at_a_body_s_meeting_is_attending_it(lang, text):
    found = [(e.type, e.mode, e.source, e.target) for e in _events(text, lang, SPEAKERS)]
    assert found == ATTENDS


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Speaking at a news conference, Sugiono said the region must stay united."),
        ("vi", "Phát biểu tại phiên khai mạc, Sugiono cho biết khu vực cần đoàn kết."),
        (
            "fr",
            "S'exprimant lors d'une conférence de presse, Sugiono a déclaré que la région devait rester unie.",
        ),
    ],
)
def test_speaking_where_no_body_meets_is_no_meeting(lang, text):
    assert _events(text, lang, SPEAKERS, kind="CONSULT") == []
