"""A place told in a later clause is that clause's, not the earlier event's."""

from __future__ import annotations

from newsloom.api import analyze


def _places(text: str, lang: str, type_: str) -> list[str | None]:
    return [e.location for e in analyze(text, lang=lang).events if e.type == type_]


def test_a_place_after_a_clause_break_is_not_the_earlier_events() -> None:
    text = (
        "Menteri Luar Negeri Sugiono mendesak negara anggota memperkuat sinergi lintas pilar, "
        "serta mengumumkan forum dialog kerja sama kepolisian di Bali pada akhir bulan ini."
    )
    places = _places(text, "id", "REQUEST")
    assert places and "Bali" not in places, places


def test_a_place_in_the_events_own_clause_is_kept() -> None:
    text = "Menteri Luar Negeri Sugiono mendesak negara anggota ASEAN di Kuala Lumpur memperkuat sinergi lintas pilar."
    assert "Kuala Lumpur" in _places(text, "id", "REQUEST")
