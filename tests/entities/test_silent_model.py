"""Where the learned model reads nothing, a body named by its country stays (an event's actor)."""

from __future__ import annotations

import dataclasses

from newsloom.article import Article
from newsloom.entities.stage import find_mentions_many
from newsloom.sentences import split_sentences


def _hybrid(text: str, language: str) -> list[tuple[str, str]]:
    sentences = tuple(dataclasses.replace(s, language=language) for s in split_sentences(text, language))
    article = Article(id="t", path="t", text=text, language=language, sentences=sentences)
    return [(m.text, m.type) for m in find_mentions_many([article], "hybrid")[0] if m.kind == "name"]


def test_a_government_named_by_its_country_is_kept_where_the_model_reads_nothing() -> None:
    # the Indonesian model (1.1.0) proposes nothing over "Pemerintah Indonesia"; the rules' body stays
    found = _hybrid("Pemerintah Indonesia mencabut jam malam di Ambon pada hari Senin.", "id")
    assert ("Pemerintah Indonesia", "organization") in found, found
    assert ("Ambon", "place") in found, found


def test_the_models_own_reading_of_the_country_still_wins() -> None:
    # where the model reads the country, its span stands: the body is not put over it
    found = _hybrid("Indonesia mencabut jam malam di Ambon pada hari Senin.", "id")
    assert ("Indonesia", "place") in found and not any(t.startswith("Pemerintah") for t, _ in found), found
