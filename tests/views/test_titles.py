"""Titles: a story's best headline in the reader's language, sentences never cut mid-phrase, storyline names."""

from __future__ import annotations

import pytest

from newsloom.store import Connection
from newsloom.views.stories import storylines_view
from newsloom.views.titles import HEADLINE, best_title, clean_title, storyline_name, storyline_names

LONG = (
    "National Assembly Chairman Trần Thanh Mẫn received South African President Cyril Ramaphosa yesterday, "
    "on the second and final day of the South African leader's state visit to Việt Nam."
)
CUT = (  # a lead sentence as stored, cut by length in the middle of a phrase
    "Chiều 24/10, sau lễ đón chính thức tại Phủ Chủ tịch, Chủ tịch nước Lương Cường đã hội đàm với Tổng "
    "Thư ký Liên hợp quốc António Guterres, người đang thăm chính thức Việt Nam và dự Lễ mở ký Công ước"
)


def test_a_long_sentence_is_cut_where_a_phrase_ends() -> None:
    title = clean_title(LONG)
    assert (
        title
        == "National Assembly Chairman Trần Thanh Mẫn received South African President Cyril Ramaphosa yesterday…"
    )
    cut = clean_title(CUT)
    assert cut.endswith("…") and len(cut) <= 121
    assert (
        CUT.startswith(cut[:-1]) and CUT[len(cut) - 1] in ",;:"
    )  # it stopped at a comma, not inside a phrase


def test_short_titles_stay_whole() -> None:
    assert (
        clean_title("Vietnam and UNODC agree to fight cybercrime.")
        == "Vietnam and UNODC agree to fight cybercrime"
    )
    assert clean_title("Ramaphosa visits Hà Nội") == "Ramaphosa visits Hà Nội"


def test_a_phrase_without_a_boundary_is_cut_between_words() -> None:
    words = "word " * 40
    title = clean_title(words)
    assert title.endswith("word…") and not title.endswith(" …")


def test_best_title_prefers_a_headline_in_the_readers_language() -> None:
    titles = {
        "vi": ("Phó Thủ tướng tiếp Giám đốc UNODC", HEADLINE),
        "id": ("Vietnam dan UNODC Sepakat", HEADLINE),
        "en": (LONG, 1),  # only a lead sentence in English
    }
    assert best_title(titles, "vi") == "Phó Thủ tướng tiếp Giám đốc UNODC"
    assert best_title(titles, "id") == "Vietnam dan UNODC Sepakat"
    assert best_title(titles, "en") in {"Phó Thủ tướng tiếp Giám đốc UNODC", "Vietnam dan UNODC Sepakat"}
    assert best_title({"en": (LONG, 1)}, "vi") == clean_title(LONG)
    assert best_title({}, "en") is None


def test_storylines_are_named_by_their_principal_actors(conn: Connection) -> None:
    lines = storylines_view(conn, limit=50).items
    names = storyline_names(conn, lines)
    assert names and set(names) <= {line.id for line in lines}
    assert any("Lương Cường" in name or "António Guterres" in name for name in names.values())


def test_a_storyline_view_with_a_name_keeps_it(conn: Connection) -> None:
    class Named:
        id = 1
        name = "Việt Nam–UN cooperation"

    assert storyline_name(conn, 1, Named()) == "Việt Nam–UN cooperation"
    assert storyline_name(conn, 1, {"id": 1, "name": "A dict with a name"}) == "A dict with a name"


def test_a_storyline_whose_stories_name_no_actor_takes_its_first_storys_title(
    conn: Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsloom.views import titles as module

    lines = storylines_view(conn, limit=50).items
    line = next(line for line in lines if module.story_rows.stories_in_storyline(conn, line.id))
    monkeypatch.setattr(module, "principal_actors", lambda conn, stories, top=3: [])
    first = module.story_rows.stories_in_storyline(conn, line.id)[0].id
    expected = best_title(module.story_rows.titles_of(conn, [first])[first], "en")
    assert expected
    assert storyline_name(conn, line.id) == expected
