"""The entity stage (newsloom/entities/stage.py): untyped names where a language has no pack."""

from __future__ import annotations

from newsloom.entities.stage import untyped_guesses
from newsloom.entities.types import ENTITY_TYPES, Mention
from tests.entities.conftest import make_article


def found(text: str, language: str) -> dict[str, str]:
    return {m.text: m.type for m in make_article(text, language).entities if m.kind == "name"}


def test_a_language_without_a_pack_gets_untyped_names_not_guessed_persons() -> None:
    text = "Angela Merkel traf Emmanuel Macron in Berlin. Merkel sagte, Herr Olaf Scholz sei auch da."
    types = found(text, "de")
    assert types["Angela Merkel"] == "name" and types["Merkel"] == "name", types
    assert types["Berlin"] == "place", types  # the gazetteer still types what it knows
    assert types["Olaf Scholz"] == "person", types  # and an honorific still says person
    assert "name" in ENTITY_TYPES


def test_a_language_with_a_pack_keeps_its_types() -> None:
    types = found("Angela Merkel met Emmanuel Macron in Berlin on Monday.", "en")
    assert types["Angela Merkel"] == "person", types


def test_an_entity_with_one_typed_mention_keeps_its_type() -> None:
    guess = Mention(0, 6, "Merkel", "person", sentence=0, key="person:merkel", rule="name-part")
    titled = Mention(20, 26, "Merkel", "person", sentence=1, key="person:merkel", rule="title")
    assert untyped_guesses((guess, titled), {0, 1}) == (guess, titled)
    (alone,) = untyped_guesses((guess,), {0})
    assert (alone.type, alone.key) == ("name", "name:merkel")
    assert untyped_guesses((guess,), set()) == (guess,)


def test_indonesian_verbs_opening_a_sentence_are_not_names() -> None:
    """The id pack's opening verbs veto the model's one-word "names" at a sentence's start (data, not code)."""
    assert found("Menjawab pertanyaan wartawan, ia mengatakan harga beras naik.", "id") == {}
    assert "Dikatakan" not in found("Dikatakan bahwa banjir melanda Kabupaten Bogor.", "id")
    # names that look like prefixed words stay: "Me" + g, a short "ber-" word, a gazetteer place
    assert found("Megawati Soekarnoputri hadir di Jakarta.", "id").get("Megawati Soekarnoputri") == "person"
    assert found("Medan diguyur hujan deras.", "id").get("Medan") == "place"
    assert found("Sementara itu, Budi mengatakan hal lain.", "id").get("Budi") == "person"
