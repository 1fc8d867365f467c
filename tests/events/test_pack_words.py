"""The words that end a person's appositive and the additive adverbs that open a subject's next
predicate come from the language packs (#13): ``events/titles.py`` and ``events/triggers.py`` hold no
word of any language. Sentences made up here."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from newsloom.article import Sentence
from newsloom.events.conjunctions import list_words
from newsloom.events.rules import EventRules, Trigger
from newsloom.events.triggers import TriggerMatch, split_clauses
from newsloom.lang import load_part

EVENTS = Path(__file__).resolve().parents[2] / "newsloom" / "events"

#: Words of the first-class languages that were in these modules' patterns before they moved.
MOVED = ("who", "which", "nhân dịp", "để", "đang", "yang", "untuk", "sedang", "saat", "cũng", "also")


def _code_strings(path: Path) -> list[str]:
    """Every string constant of a module but its docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


@pytest.mark.parametrize("module", ["titles.py", "triggers.py"])
def test_the_module_holds_no_language_words(module):
    strings = _code_strings(EVENTS / module)
    assert strings, f"no string found: the test reads {module} wrongly"
    found = [
        (word, s) for s in strings for word in MOVED if f" {word} " in f" {s.lower()} " or f"|{word}" in s
    ]
    assert not found, f"language words in newsloom/events/{module}: {found}"


@pytest.mark.parametrize(("code", "word"), [("en", "who"), ("vi", "để"), ("id", "yang"), ("fr", "qui")])
def test_each_pack_holds_its_own_appositive_stops(code, word):
    rules: EventRules = load_part(code, "events")
    assert word in rules.appositive_stops


def test_the_appositive_stops_are_those_of_the_stage_s_languages():
    english, vietnamese = list_words(("en",)), list_words(("vi",))
    assert english.appositive_stop.search(", who heads the agency,")
    assert not vietnamese.appositive_stop.search(", who heads the agency,")
    assert vietnamese.appositive_stop.search(", nhân dịp thăm Hà Nội,")
    assert not english.appositive_stop.search(", nhân dịp thăm Hà Nội,")
    assert english.appositive_stop.search(", head of the agency;")  # punctuation is no language's


def _clauses(text: str, code: str, languages: tuple[str, ...]) -> list[str]:
    rules: EventRules = load_part(code, "events")
    sentence = Sentence(0, len(text), text, 0, code)
    second = text.index("ký")
    match = TriggerMatch(Trigger(pattern="ký", type="AGREE"), second, second + 2, second, second + 2)
    spans = split_clauses(sentence, text, rules, [match], list_words(languages))
    return [text[a:b].strip() for a, b in spans]


def test_an_additive_adverb_of_the_stage_s_languages_opens_a_clause():
    text = "Bộ trưởng hoan nghênh kế hoạch và cũng ký thỏa thuận với Lào."
    assert len(_clauses(text, "vi", ("vi",))) == 2
    assert len(_clauses(text, "vi", ("en",))) == 1
