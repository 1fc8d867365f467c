"""An act told as earlier than the day a report is about (past perfect, "trước đó đã", "sebelumnya
telah", plus-que-parfait) is dated "before" that day, never on the publication day (#13, session 17).

Sentences written here; the names are made up for the test.
"""

from __future__ import annotations

import pytest

from newsloom.events.dates import BEFORE
from newsloom.events.stage import find_events
from newsloom.events.types import Event

from .helpers import make_article

HANOI_POLICE = ("organization", "org:hanoi police", "Hanoi Police", None, None)
LAO_POLICE = ("organization", "org:lao police", "Lao Police", None, None)
NAMES = {"Hanoi Police": HANOI_POLICE, "Lao Police": LAO_POLICE}
PUBLISHED = "2025-11-14"


def _events(text: str, lang: str, times: list[tuple[str, str, str]]) -> list[Event]:
    article = make_article(text, lang, NAMES, times=times, published=PUBLISHED)
    return list(find_events(article, classifier=False).events)


def _tip_off(text: str, lang: str, times: list[tuple[str, str, str]]) -> Event:
    return next(e for e in _events(text, lang, times) if e.type == "COOPERATE")


EARLIER = [
    (
        "en",
        "Hanoi Police seized 60 kilograms of heroin at Noi Bai airport on Tuesday.\n\n"
        "Lao Police had followed the couriers since June and passed details of their flight to "
        "Hanoi Police, an officer said.",
        ("Tuesday", "2025-11-11", "day"),
    ),
    (
        "en",
        "Hanoi Police seized 60 kilograms of heroin at Noi Bai airport on Tuesday.\n\n"
        "Lao Police had already shared intelligence with Hanoi Police.",
        ("Tuesday", "2025-11-11", "day"),
    ),
    (
        "vi",
        "Ngày 11/11, Hanoi Police thu giữ 60 kg heroin tại sân bay Nội Bài.\n\n"
        "Trước đó, Lao Police đã chia sẻ thông tin về đường dây với Hanoi Police.",
        ("Ngày 11/11", "2025-11-11", "day"),
    ),
    (
        "vi",
        "Ngày 11/11, Hanoi Police thu giữ 60 kg heroin tại sân bay Nội Bài.\n\n"
        "Lao Police đã từng trao đổi thông tin với Hanoi Police về đường dây này.",
        ("Ngày 11/11", "2025-11-11", "day"),
    ),
    (
        "id",
        "Hanoi Police menyita 60 kilogram heroin di Bandara Noi Bai pada Selasa (11/11).\n\n"
        "Sebelumnya, Lao Police telah membagikan data perjalanan para kurir kepada Hanoi Police.",
        ("Selasa (11/11)", "2025-11-11", "day"),
    ),
    (
        "id",
        "Hanoi Police menyita 60 kilogram heroin di Bandara Noi Bai pada Selasa (11/11).\n\n"
        "Lao Police sudah lebih dulu berbagi informasi dengan Hanoi Police.",
        ("Selasa (11/11)", "2025-11-11", "day"),
    ),
    (
        "fr",
        "Mardi 11 novembre, Hanoi Police a saisi 60 kilos d'héroïne à l'aéroport de Noi Bai.\n\n"
        "La Lao Police avait transmis des renseignements à Hanoi Police.",
        ("Mardi 11 novembre", "2025-11-11", "day"),
    ),
]


@pytest.mark.parametrize(("lang", "text", "time"), EARLIER, ids=[f"{x[0]}{i}" for i, x in enumerate(EARLIER)])
def test_an_act_told_as_earlier_is_dated_before_the_day_told(lang, text, time):
    tip = _tip_off(text, lang, [time])
    # on or before Tuesday 11 Nov, the day the report told before it: not Friday's paper, nor "on" Tuesday
    assert (tip.date, tip.date_end, tip.precision, tip.date_source) == (
        "2025-11-11",
        "2025-11-11",
        BEFORE,
        "previous",
    )
    assert tip.time_text == time[0]


def test_the_same_act_told_in_the_simple_past_keeps_its_date():
    text = (
        "Hanoi Police seized 60 kilograms of heroin at Noi Bai airport on Tuesday.\n\n"
        "Lao Police shared intelligence with Hanoi Police."
    )
    tip = _tip_off(text, "en", [("Tuesday", "2025-11-11", "day")])
    assert (tip.date, tip.precision, tip.date_source) == (PUBLISHED, "day", "published")
    # "who had followed them" is the subject's relative clause: the seizure is no earlier act
    seized = [
        e
        for e in _events(
            "Hanoi Police, who had followed the couriers since June, arrested two men on Tuesday.",
            "en",
            [("Tuesday", "2025-11-11", "day")],
        )
        if e.type == "COERCE"
    ]
    assert [(e.date, e.precision) for e in seized] == [("2025-11-11", "day")]


def test_an_earlier_act_with_its_own_day_keeps_that_day():
    text = (
        "Hanoi Police seized 60 kilograms of heroin at Noi Bai airport on Tuesday.\n\n"
        "Lao Police had shared intelligence with Hanoi Police on 2 November."
    )
    tip = _tip_off(text, "en", [("Tuesday", "2025-11-11", "day"), ("2 November", "2025-11-02", "day")])
    assert (tip.date, tip.precision, tip.date_source) == ("2025-11-02", "day", "time")


def test_a_background_day_is_no_narrative_day():
    # the only day told before is decades old: the act is before publication, not before 1998
    text = (
        "The two forces signed their first accord on 3 March 1998.\n\n"
        "Lao Police had shared intelligence with Hanoi Police, an officer said."
    )
    tip = _tip_off(text, "en", [("3 March 1998", "1998-03-03", "day")])
    assert (tip.date, tip.precision, tip.date_source) == (PUBLISHED, BEFORE, "published")


def test_a_reader_sees_by_the_day_not_on_it():
    from newsloom.events.dates import date_label

    assert date_label("2025-11-11", "2025-11-11", BEFORE) == "by 2025-11-11"
    assert date_label("2025-11-11", "2025-11-11", "day") == "2025-11-11"
    assert date_label("2025-10-25", "2025-10-26", "range") == "2025-10-25..2025-10-26"
    assert date_label(None) == "?"


def test_french_n_days_after_is_counted_back_from_the_day_told():
    names = {
        **NAMES,
        "Royal Thai Police": ("organization", "org:royal thai police", "Royal Thai Police", None, None),
    }
    text = (
        "Mardi 11 novembre, la Hanoi Police a reçu la Lao Police.\n\n"
        "La rencontre a eu lieu deux jours après que la Royal Thai Police a arrêté trois passeurs à la frontière."
    )
    article = make_article(
        text, "fr", names, times=[("Mardi 11 novembre", "2025-11-11", "day")], published=PUBLISHED
    )
    arrest = next(e for e in find_events(article, classifier=False).events if e.type == "COERCE")
    assert (arrest.date, arrest.precision, arrest.date_source, arrest.time_text) == (
        "2025-11-09",
        "day",
        "previous",
        "deux jours après que",
    )


def test_an_act_counted_back_from_a_meeting_is_not_filed_under_it():
    # the arrest came the day before the talks: it was not done at them, and keeps its own day
    text = (
        "Hanoi Police received Lao Police on Tuesday.\n\n"
        "The talks came a day after Lao Police arrested three smugglers at the border."
    )
    events = _events(text, "en", [("Tuesday", "2025-11-11", "day")])
    talks = next(e for e in events if e.type == "CONSULT")
    arrest = next(e for e in events if e.type == "COERCE")
    assert arrest.parent is None and arrest.group != talks.group
    assert (arrest.date, arrest.date_source) == ("2025-11-10", "previous")
    # a statement told after the talks is still said at them
    said = _events(
        "Hanoi Police received Lao Police on Tuesday.\n\nLao Police thanked Hanoi Police for its help.",
        "en",
        [("Tuesday", "2025-11-11", "day")],
    )
    thanks = next(e for e in said if e.type == "SUPPORT")
    assert thanks.parent == talks.group and (thanks.date, thanks.date_source) == ("2025-11-11", "meeting")
