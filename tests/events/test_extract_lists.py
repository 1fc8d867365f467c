"""Who acts together: lists whose second actor carries a title, bracketed acronyms, co-chairs."""

from __future__ import annotations

from newsloom.events.extract import extract_events

from .helpers import make_article

CUONG = ("person", "person:luong cuong", "Luong Cuong", "head_of_state", None)
RAMAPHOSA = ("person", "person:cyril ramaphosa", "Cyril Ramaphosa", "head_of_state", None)
GUTERRES = ("person", "person:antonio guterres", "António Guterres", "un_secretary_general", "org:un")
CHINH = ("person", "person:pham minh chinh", "Phạm Minh Chính", "head_of_government", None)
BNN = ("organization", "org:bnn", "Badan Narkotika Nasional", None, None)
AFP = ("organization", "org:afp", "Australian Federal Police", None, None)


def _sources(event):
    return sorted(a.name for a in event.source_actors)


def test_a_conjunction_then_the_next_actors_title_still_lists_them():
    text = (
        "Vietnamese President Luong Cuong and South African President Cyril Ramaphosa agreed on "
        "Thursday to begin upgrading relations."
    )
    (event,) = extract_events(make_article(text, "en", {"Luong Cuong": CUONG, "Cyril Ramaphosa": RAMAPHOSA}))
    assert event.type == "AGREE"
    assert _sources(event) == ["Cyril Ramaphosa", "Luong Cuong"]


def test_lowercase_words_after_the_conjunction_break_the_list():
    text = "Luong Cuong and the visiting delegation of Cyril Ramaphosa agreed to meet again."
    events = extract_events(make_article(text, "en", {"Luong Cuong": CUONG, "Cyril Ramaphosa": RAMAPHOSA}))
    assert [_sources(e) for e in events if e.type == "AGREE"] == [["Cyril Ramaphosa"]]


def test_a_bracketed_acronym_is_part_of_its_name():
    names = {"Badan Narkotika Nasional": BNN, "BNN": BNN, "Kepolisian Federal Australia": AFP, "AFP": AFP}
    text = (
        "Badan Narkotika Nasional (BNN) dan Kepolisian Federal Australia (AFP) sepakat memperkuat kerja sama."
    )
    events = extract_events(make_article(text, "id", names))
    agree = next(e for e in events if e.type == "AGREE")
    assert _sources(agree) == ["Australian Federal Police", "Badan Narkotika Nasional"]


def test_and_the_lists_two_organizations():
    names = {"National Narcotics Agency": BNN, "Australian Federal Police": AFP}
    text = "The National Narcotics Agency and the Australian Federal Police agreed to share intelligence."
    agree = next(e for e in extract_events(make_article(text, "en", names)) if e.type == "AGREE")
    assert _sources(agree) == ["Australian Federal Police", "Badan Narkotika Nasional"]


def test_co_chaired_with_makes_the_object_a_co_chair():
    text = (
        "UN Secretary-General António Guterres described the newly signed convention as a victory, "
        "at a press conference he co-chaired with Prime Minister Phạm Minh Chính."
    )
    events = extract_events(
        make_article(text, "en", {"António Guterres": GUTERRES, "Phạm Minh Chính": CHINH})
    )
    assert [e.type for e in events] == ["CONSULT"]  # "the newly signed convention" is no signing
    assert _sources(events[0]) == ["António Guterres", "Phạm Minh Chính"] and not events[0].target_actors


def test_held_talks_with_keeps_the_host_and_the_guest_apart():
    text = "State President Luong Cuong held talks with António Guterres at the Presidential Palace."
    (event,) = extract_events(make_article(text, "en", {"Luong Cuong": CUONG, "António Guterres": GUTERRES}))
    assert event.type == "CONSULT"
    assert _sources(event) == ["Luong Cuong"] and [a.name for a in event.target_actors] == [
        "António Guterres"
    ]
