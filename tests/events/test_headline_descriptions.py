"""A headline or a lead drops the article: "Vietnamese Prime Minister met the visiting Lao Prime
Minister" names two governments, as "The Vietnamese Prime Minister met ..." does. Before, the pack's
descriptions needed a determiner, and the host of the meeting was nobody."""

from __future__ import annotations

import pytest

from newsloom.events.extract import extract_events

from .helpers import make_article


@pytest.mark.parametrize(
    "text",
    [
        "Vietnamese Prime Minister met the visiting Lao Prime Minister in Hanoi on Monday.",
        "HANOI, Dec 1 — Vietnamese Prime Minister met the visiting Lao Prime Minister on Monday.",
    ],
)
def test_a_description_without_its_article_names_its_country(text: str) -> None:
    (event,) = [e for e in extract_events(make_article(text, "en", {})) if e.type == "CONSULT"]
    assert event.source == ("place:vn",)
    assert event.target == ("place:la",)


def test_a_named_persons_title_is_still_the_title_not_a_description() -> None:
    text = "Vietnamese Prime Minister Pham Minh Chinh met the visiting Lao Prime Minister on Monday."
    mentions = {"Pham Minh Chinh": ("person", "person:pham minh chinh", "Pham Minh Chinh", None, None)}
    (event,) = [e for e in extract_events(make_article(text, "en", mentions)) if e.type == "CONSULT"]
    assert event.source == ("person:pham minh chinh",)


def test_a_nationality_after_a_word_is_no_description() -> None:
    text = "Officials said Vietnamese prime ministers have visited Laos every year since 1977."
    for event in extract_events(make_article(text, "en", {})):
        assert "place:vn" not in event.source
