"""Titles resolved within an article (newsloom/entities/coref.py) and the French titles that feed them
(lang/fr/entities.py): a title said with its country never goes to a holder of another or unsaid country."""

from __future__ import annotations

from newsloom.article import Article
from tests.entities.conftest import make_article


def _by_text(article: Article) -> dict[str, tuple[str, str | None, str | None]]:
    return {m.text: (m.key, m.role, m.role_of) for m in article.entities}


def test_a_title_with_a_country_does_not_go_to_a_holder_whose_country_is_not_said() -> None:
    text = (
        "Presiden Prabowo Subianto menerima Emmanuel Macron di Jakarta. "
        "Presiden Prancis mengatakan kerja sama itu penting."
    )
    article = make_article(text, "id")
    prabowo = [m for m in article.entities if m.key == "person:prabowo subianto"]
    assert [m.text for m in prabowo] == ["Prabowo Subianto"], prabowo  # "Presiden" (Prancis) is not his
    assert prabowo[0].role == "head_of_state" and prabowo[0].role_of is None, prabowo


def test_a_title_with_a_country_still_goes_to_that_countrys_holder() -> None:
    text = "Chủ tịch nước Lương Cường tiếp Thủ tướng Lào Sonexay Siphandone. Thủ tướng Lào cảm ơn Việt Nam."
    found = _by_text(make_article(text, "vi"))
    assert found["Thủ tướng"] == ("person:sonexay siphandone", "head_of_government", "place:LA"), found


def test_french_titles_in_lower_case_with_a_nationality_after_them() -> None:
    text = (
        "Le président laotien Thongloun Sisoulith est arrivé à Hanoï lundi. "
        "Le président laotien a ensuite rencontré Tô Lâm."
    )
    found = _by_text(make_article(text, "fr"))
    assert found["Thongloun Sisoulith"] == ("person:thongloun sisoulith", "head_of_state", "place:LA"), found
    assert found["président laotien"] == ("person:thongloun sisoulith", "head_of_state", "place:LA"), found


def test_a_french_minister_with_nationality_and_portfolio_named_between_commas() -> None:
    text = (
        "La ministre sud-africaine des Relations internationales, Naledi Pandor, a rencontré Bùi Thanh Sơn."
    )
    found = _by_text(make_article(text, "fr"))
    assert found["Naledi Pandor"] == ("person:naledi pandor", "minister", "place:ZA"), found


def test_a_french_title_of_one_country_never_goes_to_another_countrys_or_an_unsaid_holder() -> None:
    text = "Le président Prabowo Subianto a reçu Emmanuel Macron. Le président français a salué l'accord."
    found = _by_text(make_article(text, "fr"))
    assert found["Prabowo Subianto"] == ("person:prabowo subianto", "head_of_state", None), found
    assert "président français" not in found, found


def test_a_french_adjective_that_is_also_a_title_stays_an_adjective_in_lower_case() -> None:
    text = "Au nom de l'intérêt général Jean Dupont a rencontré les syndicats."
    found = _by_text(make_article(text, "fr"))
    assert all(role is None for _, role, _ in found.values()), found


def test_an_english_nationality_before_a_title_names_its_country() -> None:
    text = (
        "Lao President Thongloun Sisoulith met President Prabowo Subianto. "
        "The French President praised the talks."
    )
    article = make_article(text, "en")
    found = _by_text(article)
    assert found["Thongloun Sisoulith"] == ("person:thongloun sisoulith", "head_of_state", "place:LA"), found
    prabowo = [m.text for m in article.entities if m.key == "person:prabowo subianto"]
    assert prabowo == ["Prabowo Subianto"], prabowo  # "The French President" is not his
