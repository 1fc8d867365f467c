"""The words that list actors and join a partner come from the language packs (#13): the events
stage builds their patterns from the packs of the languages it is built for, and
``events/arguments.py`` holds no word of any language in its patterns. Sentences made up here."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from newsloom.events.conjunctions import ListWords, default_list_words, list_words
from newsloom.events.extract import extract_events
from newsloom.events.rules import EventRules
from newsloom.events.stage import EventFinder, EventSettings
from newsloom.lang import load_part
from newsloom.settings import Settings

from .helpers import make_article

ARGUMENTS = Path(__file__).resolve().parents[2] / "newsloom" / "events" / "arguments.py"

SON = ("person", "person:son", "Bùi Thanh Sơn", "minister", None)
NAMES = {
    "Bùi Thanh Sơn": SON,
    "Lào": ("place", "place:la", "Laos", None, None),
    "Việt Nam": ("place", "place:vn", "Vietnam", None, None),
    "Campuchia": ("place", "place:kh", "Cambodia", None, None),
}


@pytest.mark.parametrize(
    ("code", "word"),
    [("vi", "và"), ("en", "and"), ("id", "serta"), ("fr", "et"), ("en", "together with"), ("id", "bersama")],
)
def test_each_pack_holds_its_own_list_words(code, word):
    rules: EventRules = load_part(code, "events")
    assert word in (*rules.conjunctions, *rules.comitatives)


def test_the_patterns_list_only_the_words_of_the_stage_s_languages():
    english, vietnamese = list_words(("en",)), list_words(("vi",))
    assert english.list_gap.match(" and ") and not english.list_gap.match(" và ")
    assert vietnamese.list_gap.match(" và ") and not vietnamese.list_gap.match(" and ")
    assert english.list_gap.match(" & ") and vietnamese.list_gap.match(" & ")  # the generic pack's, always in
    both = list_words(("en", "vi"))
    assert both.list_gap.match(" và ") and both.list_gap.match(", and the ")


def test_a_phrase_matches_across_any_whitespace_and_longest_first():
    words = ListWords.from_rules([EventRules(comitatives=("bersama", "bersama dengan"))])
    assert words.co_actor_gap.match(" bersama\n dengan X")
    assert words.conj_gap.search("X bersama  dengan")


def test_the_stage_builds_its_words_from_its_settings():
    finder = EventFinder(EventSettings.from_settings(Settings(languages=("en", "fr"))))
    assert finder.settings.languages == ("en", "fr")
    assert EventSettings().languages == Settings().languages


def test_a_list_in_a_language_the_stage_is_not_built_for_is_one_actor():
    text = "Bộ trưởng Bùi Thanh Sơn đã hội đàm với Lào và Campuchia tại Hà Nội."
    article = make_article(text, "vi", NAMES)

    def targets(events: list) -> set[str]:
        return {t for e in events if e.type == "CONSULT" for t in e.target}

    assert targets(extract_events(article)) == {"place:la", "place:kh"}
    assert targets(extract_events(article, list_words(("en",)))) == {"place:la"}


def test_the_default_words_are_those_of_every_first_class_language():
    default = default_list_words()
    for word in (" và ", " and ", " dan ", " et ", " với ", " bersama dengan "):
        assert default.list_gap.match(word), word


#: Words of the first-class languages that were in the argument patterns before they moved.
MOVED = ("và", "dan", "serta", "với", "cùng", "bersama", "dengan", "together", "rằng", "bahwa", "telah")


def test_the_argument_patterns_hold_no_language_words():
    tree = ast.parse(ARGUMENTS.read_text(encoding="utf-8"))
    patterns = [
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("compile", "match", "search", "fullmatch")
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    ]
    assert patterns, "no pattern found: the test reads arguments.py wrongly"
    found = [(word, p) for p in patterns for word in MOVED if word in p.lower()]
    assert not found, f"language words in newsloom/events/arguments.py patterns: {found}"
