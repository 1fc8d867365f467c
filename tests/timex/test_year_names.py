"""A bare year that names a law, a plan or an edition: after a possessive in English ("Vietnam's
2013 constitution"), after a capitalised name in Indonesian ("Visi ASEAN 2045"); counts after the
same words are no years (#13, session 17). Sentences written here."""

from __future__ import annotations

import pytest

from newsloom.timex import resolve_times

PUB = "2025-11-14"


def _years(text: str, lang: str) -> list[tuple[str, str | None, str]]:
    return [(e.text, e.value, e.precision) for e in resolve_times(text, lang=lang, published=PUB)]


@pytest.mark.parametrize(
    ("text", "lang", "year"),
    [
        ("Under Vietnam's 2013 constitution, the assembly elects the president.", "en", "2013"),
        ("The party’s 2021 congress chose a new leadership.", "en", "2021"),
        ("Para menteri membahas Visi Komunitas ASEAN 2045 di Jakarta.", "id", "2045"),
        ("Kontingen Indonesia bersiap untuk SEA Games 2025 di Thailand.", "id", "2025"),
    ],
)
def test_a_year_naming_a_law_plan_or_edition_is_a_year(text, lang, year):
    assert _years(text, lang) == [(year, year, "year")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The army's 2000 soldiers left the base.", "en"),
        ("The province's 1500 households received rice.", "en"),
        ("Total 2000 peserta mengikuti pelatihan itu.", "id"),
        ("Polda Metro mengerahkan 1200 personel untuk pengamanan.", "id"),
        # a law's number and year are no time expression (the gold's convention): "Tahun" is no name
        ("Undang-Undang Nomor 12 Tahun 2011 mengatur hal itu.", "id"),
    ],
)
def test_counts_and_law_numbers_are_no_bare_years(text, lang):
    assert [value for _, value, _ in _years(text, lang) if value and value.isdigit()] == []
