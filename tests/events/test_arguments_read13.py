"""Arguments and triggers read in session 13 (#13), on sentences made up for these tests (en, vi,
id, fr): a speaker named before a participle phrase set off by commas ("Sugiono, speaking at the
meeting of X, said ...") is its subject, and X no body he speaks for; "discussed ... with X" is a
meeting with X; a past tense after "and" opens a clause of its own even after a "to" complement
("agreed to promote X and voiced support for Y")."""

from __future__ import annotations

import pytest

from newsloom.events.extract import extract_events

from .helpers import QUANG_AND_GUESTS, make_article

SUGIONO = ("person", "person:sugiono", "Sugiono", "foreign_minister", None)
COUNCIL = ("organization", "org:mekong-council", "Mekong Council", None, None)
NAMES = {
    **QUANG_AND_GUESTS,
    "Lương Tam Quang": QUANG_AND_GUESTS["Luong Tam Quang"],
    "Sugiono": SUGIONO,
    "Mekong Council": COUNCIL,
    "Conseil du Mékong": COUNCIL,
    "Hội đồng Mekong": COUNCIL,
    "Dewan Mekong": COUNCIL,
    "Indonesia": ("place", "place:id", "Indonesia", None, None),
    "Vientiane": ("place", "place:vientiane", "Vientiane", None, None),
    "ASEAN": ("organization", "org:asean", "ASEAN", None, None),
    "Guterres": ("person", "person:guterres", "António Guterres", None, None),
}


def _events(text: str, lang: str, kind: str | None = None) -> list:
    article = make_article(text, lang, NAMES, published="2025-10-26")
    return [e for e in extract_events(article) if kind is None or e.type == kind]


ATTENDS = [("multilateral", ("person:sugiono",), ("org:mekong-council",))]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Sugiono, speaking at a session of the Mekong Council, said Indonesia would host the next round."),
        ("en", "Indonesia's Foreign Minister Sugiono, speaking at the 12th meeting of the Mekong Council in "
               "Vientiane, said the region must stay united."),
        ("fr", "Sugiono, s'exprimant lors de la réunion du Conseil du Mékong, a déclaré que l'Indonesia "
               "accueillerait la prochaine session."),
        ("vi", "Ông Sugiono, phát biểu tại Hội nghị Hội đồng Mekong, cho biết Indonesia sẽ đăng cai phiên họp tới."),
        ("id", "Sugiono, berbicara dalam Pertemuan Dewan Mekong, mengatakan Indonesia akan menjadi tuan rumah "
               "putaran berikutnya."),
    ],
)  # fmt: skip
def test_a_speaker_before_a_participle_phrase_attends_the_body_s_meeting(lang, text):
    found = [(e.mode, e.source, e.target) for e in _events(text, lang, "CONSULT")]
    assert found == ATTENDS


@pytest.mark.parametrize(
    "text",
    [
        "In Vientiane, speaking at a session of the Mekong Council, Sugiono said the region must stay united.",
        "On Saturday, speaking at a session of the Mekong Council, Sugiono said the region must stay united.",
        "Speaking at a session of the Mekong Council, Sugiono said Indonesia would host the next round.",
    ],
)
def test_an_opening_adverbial_before_the_phrase_names_no_subject(text):
    assert [(e.mode, e.source, e.target) for e in _events(text, "en", "CONSULT")] == ATTENDS


def test_the_body_of_a_participle_phrase_is_no_affiliation_of_the_speaker():
    text = "Sugiono, speaking at a session of the Mekong Council, said Indonesia would host the next round."
    (event,) = _events(text, "en", "CONSULT")
    (sugiono,) = event.source_actors
    assert "org:mekong-council" not in sugiono.affiliations


MEETS_NAGHIYEV = [(("person:quang",), ("person:naghiyev",), True)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Quang discussed border security with Ali Naghiyev on Sunday."),
        ("en", "Quang discussed with Ali Naghiyev ways to fight drug trafficking."),
        ("en", "Quang held discussions with Ali Naghiyev in Hanoi."),
        ("fr", "Quang a discuté avec Ali Naghiyev de la lutte contre la drogue."),
        ("fr", "Quang a discuté de la sécurité des frontières avec Ali Naghiyev."),
        ("vi", "Bộ trưởng Lương Tam Quang đã thảo luận với Ali Naghiyev về an ninh biên giới."),
        ("vi", "Bộ trưởng Lương Tam Quang thảo luận về an ninh biên giới với Ali Naghiyev."),
        ("id", "Menteri Luong Tam Quang berdiskusi dengan Ali Naghiyev tentang keamanan perbatasan."),
        ("id", "Menteri Luong Tam Quang berdiskusi tentang keamanan perbatasan dengan Ali Naghiyev."),
    ],
)
def test_discussing_with_someone_is_a_meeting_with_them(lang, text):
    assert [(e.source, e.target, e.joint) for e in _events(text, lang, "CONSULT")] == MEETS_NAGHIYEV


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Quang discussed the plan on Sunday."),
        ("en", "Quang discussed the plan with reporters on Sunday."),
        ("fr", "Quang a discuté du plan dimanche."),
        ("vi", "Hai bên thảo luận về an ninh biên giới."),
        ("id", "Menteri Luong Tam Quang berdiskusi tentang keamanan perbatasan."),
    ],
)
def test_discussing_with_no_one_named_is_no_meeting(lang, text):
    assert _events(text, lang, "CONSULT") == []


def test_a_past_tense_after_and_opens_its_own_clause_after_a_to_complement():
    text = "Guterres agreed to promote ASEAN–UN cooperation and voiced support for ASEAN's central role."
    found = {(e.type, e.source, e.target) for e in _events(text, "en")}
    assert ("SUPPORT", ("person:guterres",), ("org:asean",)) in found
    assert ("AGREE", ("person:guterres",), ("org:asean",)) in found


def test_a_bare_verb_after_and_stays_in_the_complement():
    text = "Guterres urged Indonesia to sign and ratify the convention."
    assert [e.type for e in _events(text, "en")] == ["REQUEST"]


CHACHINE = ("person", "person:chachine", "Paulo Chachine", "minister", "Mozambique")


@pytest.mark.parametrize(
    "text",
    [
        "Meeting Mozambique's Interior Minister Paulo Chachine, Quang said the two countries should make full "
        "use of their agreements on extradition and step up the exchange of information.",
        "Quang met Paulo Chachine on Sunday. Quang said the two countries should step up cooperation against "
        "drug trafficking.",
    ],
)
def test_the_two_countries_a_speaker_says_should_act_are_his_side_and_the_other_country(text):
    article = make_article(text, "en", {**NAMES, "Paulo Chachine": CHACHINE}, published="2025-10-26")
    proposed = [e for e in extract_events(article) if e.type == "AGREE"]
    assert [(e.source, e.target, e.joint) for e in proposed] == [(("person:quang",), ("place:mz",), False)]
    (country,) = proposed[0].target_actors
    assert (country.type, country.country, country.name) == ("place", "MOZ", "Mozambique")


def test_the_two_countries_with_no_other_party_named_have_no_target():
    text = "Quang said the two countries should step up cooperation."
    assert [(e.type, e.source, e.target) for e in _events(text, "en")] == [("AGREE", ("person:quang",), ())]


def test_one_country_that_should_act_is_no_proposal_of_the_two():
    text = "Meeting Paulo Chachine, Quang said Indonesia should step up cooperation."
    assert [e.type for e in _events(text, "en")] == ["CONSULT"]
