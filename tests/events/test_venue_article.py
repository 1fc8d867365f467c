"""A venue named after an article ("at the National Convention Centre", "à la Maison des congrès") is
the sentence's place (#13): the en locative read only "at National Convention Centre", so an English
gathering told by its name alone ("the signing ceremony opened at the National Convention Centre")
had no venue and gave no meeting. The article between the preposition and the place is pack data
(``locative``)."""

from __future__ import annotations

import pytest

from newsloom.events.stage import find_events

from .helpers import make_article

CENTRE = ("place", "place:ncc", "National Convention Center", None, None)


@pytest.mark.parametrize(
    ("lang", "text", "venue", "day"),
    [
        (
            "en",
            "On Saturday, the signing ceremony opened at the National Convention Centre.",
            "National Convention Centre",
            "Saturday",
        ),
        (
            "fr",
            "Samedi, la cérémonie de signature s'est ouverte à la Maison des congrès.",
            "Maison des congrès",
            "Samedi",
        ),
    ],
)
def test_a_told_gathering_at_the_venue_is_a_meeting_there(lang, text, venue, day):
    article = make_article(
        text, lang, {venue: CENTRE}, times=[(day, "2025-10-25", "day")], published="2025-10-26"
    )
    events = find_events(article, classifier=False).events
    assert [(e.type, e.mode, e.location, e.location_source) for e in events] == [
        ("CONSULT", "multilateral", "National Convention Center", "sentence")
    ]


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        (
            "en",
            "Luong Cuong met Cyril Ramaphosa at the Presidential Palace on Thursday.",
            "Presidential Palace",
        ),
        (
            "fr",
            "Luong Cuong a rencontré Cyril Ramaphosa à la Maison des congrès jeudi.",
            "Maison des congrès",
        ),
    ],
)
def test_a_meeting_at_the_place_is_placed_there(lang, text, place):
    names = {
        "Luong Cuong": ("person", "person:luong cuong", "Lương Cường", "head_of_state", None),
        "Cyril Ramaphosa": ("person", "person:ramaphosa", "Cyril Ramaphosa", "head_of_state", None),
        place: ("place", f"place:{place.lower()}", place, None, None),
    }
    day = "Thursday" if lang == "en" else "jeudi"
    article = make_article(text, lang, names, times=[(day, "2025-10-23", "day")], published="2025-10-24")
    (event,) = [e for e in find_events(article, classifier=False).events if e.type == "CONSULT"]
    assert (event.location, event.location_source) == (place, "sentence")
