"""French minister titles whose portfolio opens with an elided article ("ministre de l'Intérieur"):
the article is glued to the word ("l'Intérieur" is one token), so main read no role there."""

from __future__ import annotations

import pytest

from tests.entities.conftest import make_article


@pytest.mark.parametrize(
    ("text", "name", "title", "country"),
    [
        (
            "Le ministre de l'Intérieur, Laurent Nuñez, a parlé jeudi.",
            "Laurent Nuñez",
            "ministre de l'Intérieur",
            None,
        ),
        (
            "Le ministre malaisien de l’Intérieur Saifuddin Nasution Ismail est arrivé à Hanoï.",
            "Saifuddin Nasution Ismail",
            "ministre malaisien de l’Intérieur",
            "place:MY",
        ),
        (
            "La ministre sud-africaine de l'Agriculture et de la Souveraineté alimentaire, Thoko Didiza, a signé.",
            "Thoko Didiza",
            "ministre sud-africaine de l'Agriculture et de la Souveraineté alimentaire",
            "place:ZA",
        ),
    ],
)
def test_a_portfolio_after_an_elided_article_gives_the_minister_a_role(
    text: str, name: str, title: str, country: str | None
) -> None:
    article = make_article(text, "fr")
    (person,) = [m for m in article.entities if m.text == name]
    assert (person.role, person.role_text, person.role_of) == ("minister", title, country)


def test_a_lower_case_word_after_de_is_no_portfolio() -> None:
    # "l'intérieur" in lower case is the inside of something, not the ministry
    article = make_article("Le ministre a visité l'intérieur du pays avec Laurent Nuñez.", "fr")
    (person,) = [m for m in article.entities if m.text == "Laurent Nuñez"]
    assert person.role is None
