"""French as a language pack: the folder ``newsloom/lang/fr`` is found and used with no engine change.

Unit tests on sentences written here, then a gate on the French gold (tests/gold/fr/, sixteen articles
written for newsloom and annotated before any stage ran on them). The gate also measures, in the
same run, the same articles with the pack hidden (the generic fallback every language without a
folder gets), and checks that the pack does better. ``pytest tests/lang -s`` prints the figures.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.lang import fr_measure

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "fr"
FLOORS = json.loads((Path(__file__).with_name("fr_floors.json")).read_text(encoding="utf-8"))


# -- the pack is found -----------------------------------------------------------------------------


def test_pack_is_found_in_its_folder() -> None:
    from newsloom.lang import FIRST_CLASS, available_packs, get_pack, load_part

    assert "fr" in available_packs()
    assert "fr" in FIRST_CLASS and "ms" not in FIRST_CLASS  # ms has no extraction rules of its own
    assert get_pack("fr").name == "French"
    assert load_part("fr", "time").code == "fr"
    assert load_part("fr", "events").triggers, "French events must come from the pack's triggers"
    assert not load_part("fr", "events").use_embeddings


def test_language_is_detected_as_french() -> None:
    from newsloom.langid import detect_language

    for path in sorted(FIXTURES.glob("*.txt")):
        code, _ = detect_language(path.read_text(encoding="utf-8"))
        assert code == "fr", path.name


# -- reading -----------------------------------------------------------------------------------------


def test_byline_dateline_and_boilerplate_are_read() -> None:
    from newsloom.ingest.text import parse_text

    dump = (
        " date 2025-03-06 Paris et Jakarta renforcent leur coopération\n\n"
        "Par Claire Dubois\n\n"
        "Publié le 06/03/2025 à 14h32\n"
        "PARIS (AFP) – Le ministre a reçu son homologue.\n\n"
        "Lire aussi : Le Quai d'Orsay et l'Asie\n"
        "Mis à jour le 6 mars 2025 à 18h05\n"
    )
    article = parse_text(dump, "t.txt")
    assert article.meta("author") == "Claire Dubois"
    assert article.meta("dateline") == "PARIS"
    assert article.text == "PARIS (AFP) – Le ministre a reçu son homologue."


def test_abbreviations_do_not_end_sentences() -> None:
    from newsloom.sentences import split_sentences

    text = "M. Barrot a reçu Mme Kallas au IVe siècle av. J.-C. selon la légende. Elle est repartie le soir."
    sentences = [s.text for s in split_sentences(text, "fr")]
    assert sentences == [
        "M. Barrot a reçu Mme Kallas au IVe siècle av. J.-C. selon la légende.",
        "Elle est repartie le soir.",
    ]


# -- times -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        (
            "Il a été reçu hier soir à l'Élysée.",
            "2025-03-06",
            [("hier soir", "2025-03-05TEV", "part_of_day")],
        ),
        ("L'accord a été signé avant-hier.", "2025-03-06", [("avant-hier", "2025-03-04", "day")]),
        ("Elle arrivera demain.", "2025-03-06", [("demain", "2025-03-07", "day")]),
        ("Ils se sont vus mardi dernier.", "2025-03-06", [("mardi dernier", "2025-03-04", "day")]),
        ("Le ministre l'a dit mardi.", "2025-03-06", [("mardi", "2025-03-04", "day")]),
        ("Le ministre se rendra mardi à Rome.", "2025-03-06", [("mardi", "2025-03-11", "day")]),
        ("La réunion a eu lieu le 5 mars.", "2025-03-10", [("5 mars", "2025-03-05", "day")]),
        (
            "Le sommet s'ouvre le 1er septembre 2026.",
            "2025-03-10",
            [("1er septembre 2026", "2026-09-01", "day")],
        ),
        (
            "Les prix ont baissé la semaine dernière.",
            "2025-05-21",
            [("la semaine dernière", "2025-W20", "week")],
        ),
        ("Il l'avait promis l'an dernier.", "2025-05-21", [("l'an dernier", "2024", "year")]),
        ("Ce matin, les trains roulaient.", "2025-05-06", [("Ce matin", "2025-05-06TMO", "part_of_day")]),
        ("La grève a duré trois semaines.", "2025-05-06", [("trois semaines", "P3W", "duration")]),
        ("La commission se réunira chaque année.", "2025-05-06", [("chaque année", "P1Y", "set")]),
        ("Il a été élu en 2024.", "2025-05-06", [("2024", "2024", "year")]),
    ],
)
def test_time_words_resolve(sentence: str, published: str, expected: list[tuple[str, str, str]]) -> None:
    from newsloom.timex.resolve import resolve_times

    found = [(t.text, t.value, t.precision) for t in resolve_times(sentence, lang="fr", published=published)]
    assert found == expected


def test_ranges_and_anaphora_resolve() -> None:
    from newsloom.timex.resolve import resolve_times

    text = "Il est arrivé mardi. Dans la soirée, il a dîné. Le lendemain, la conférence du 9 au 13 juin a été annoncée."
    found = [(t.text, t.value, t.end_value) for t in resolve_times(text, lang="fr", published="2025-06-05")]
    assert found == [
        ("mardi", "2025-06-03", None),
        ("la soirée", "2025-06-03TEV", None),
        ("Le lendemain", "2025-06-04", None),
        ("du 9 au 13 juin", "2025-06-09", "2025-06-13"),
    ]


def test_numbers_that_are_not_dates() -> None:
    from newsloom.timex.resolve import resolve_times

    text = "Plus de 2000 personnes et 1500 soldats ont manifesté ; le décret 2024 prévoit 30 pour cent."
    assert [t.text for t in resolve_times(text, lang="fr", published="2025-06-05")] == []


# -- entities and events on tiny articles ----------------------------------------------------------


def _article(text: str, published: str = "2025-03-06") -> Any:
    from newsloom.article import Article
    from newsloom.pipeline import Pipeline

    article = (
        Article(id="fr-test", path="fr-test.txt", text=text)
        .with_meta("published", published, "header", 1.0, published)
        .with_meta("language", "fr", "argument", 1.0)
    )
    return Pipeline(("language", "sentences", "entities", "times", "events"))(article)


def test_persons_and_places_are_found() -> None:
    article = _article("M. Barrot a rencontré mercredi à Bruxelles la haute représentante Kaja Kallas.")
    found = {(m.text, m.type) for m in article.entities if m.kind == "name"}
    assert ("Barrot", "person") in found
    assert ("Kaja Kallas", "person") in found
    assert ("Bruxelles", "place") in found


@pytest.mark.parametrize(
    ("sentence", "plover"),
    [
        ("Jean-Noël Barrot a rencontré mercredi à Paris son homologue Kaja Kallas.", "CONSULT"),
        ("Emmanuel Macron s'est entretenu par téléphone avec Cyril Ramaphosa.", "CONSULT"),
        ("Agnès Pannier-Runacher a signé mercredi un accord avec Nguyen Hong Dien.", "SUPPORT"),
        ("Emmanuel Macron a appelé la Russie à cesser le feu.", "REQUEST"),
        ("Emmanuel Macron a condamné les frappes.", "ACCUSE"),
        ("Emmanuel Macron a menacé de suspendre l'accord.", "THREATEN"),
        ("Kaja Kallas a rejeté ces critiques.", "REJECT"),
    ],
)
def test_events_are_typed(sentence: str, plover: str) -> None:
    article = _article(sentence)
    assert plover in {e.type for e in article.events}, [(e.type, e.trigger) for e in article.events]


def test_negated_meeting_is_no_event() -> None:
    article = _article("Emmanuel Macron n'a pas rencontré Cyril Ramaphosa.")
    assert "CONSULT" not in {e.type for e in article.events}


# -- the gate on the French gold -------------------------------------------------------------------


@pytest.fixture(scope="module")
def with_pack() -> dict[str, Any]:
    return fr_measure.measure()


@pytest.fixture(scope="module")
def without_pack() -> dict[str, Any]:
    """The same articles with ``lang/fr`` hidden, in a fresh process (the stages cache their rules)."""
    done = subprocess.run(
        [sys.executable, str(Path(fr_measure.__file__)), "--without-pack"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _figures(report: dict[str, Any]) -> dict[str, float]:
    return {
        "time_exact": report["times"]["exact"],
        "time_value_accuracy": report["times"]["value_accuracy"],
        "entity_micro_f1": report["entities"]["micro_f1"],
        "entity_person_f1": report["entities"]["person"],
        "entity_place_f1": report["entities"]["place"],
        "entity_organization_f1": report["entities"]["organization"],
        "event_type_micro_f1": report["events"]["type_micro_f1"],
        "event_type_macro_f1": report["events"]["type_macro_f1"],
        "event_actors_f1": report["events"]["actors_f1"],
    }


def test_gold_matches_the_bodies_the_reader_gives() -> None:
    from newsloom.ingest import read_path

    for line in (ROOT / "tests" / "gold" / "fr" / "entities.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        (article,) = read_path(str(ROOT / gold["doc"]))
        assert hashlib.sha1(article.text.encode()).hexdigest() == gold["text_sha1"], gold["doc"]
        for m in gold["mentions"]:
            assert article.text[m["start"] : m["end"]] == m["text"], (gold["doc"], m)


def test_french_gold_floors(with_pack: dict[str, Any], without_pack: dict[str, Any]) -> None:
    print(
        "\nFrench gold (16 articles; dev = the 8 the rules were written on, blind = the 8 never looked at):"
    )
    for part in ("all", "dev", "blind"):
        print(f"  {part:5} with the pack    {json.dumps(_figures(with_pack[part]))}")
        print(f"  {part:5} without the pack {json.dumps(_figures(without_pack[part]))}")
    assert with_pack["language_fr"] == len(list(FIXTURES.glob("*.txt")))
    for part in ("all", "blind"):
        got = _figures(with_pack[part])
        for name, floor in FLOORS[part].items():
            assert got[name] >= floor, f"French {part} {name} {got[name]:.3f} fell below {floor}"
    assert with_pack["all"]["times"]["false_dates"] <= FLOORS["false_dates_max"]


def test_the_pack_does_better_than_the_generic_fallback(
    with_pack: dict[str, Any], without_pack: dict[str, Any]
) -> None:
    got, base = _figures(with_pack["all"]), _figures(without_pack["all"])
    for name in ("time_exact", "entity_micro_f1", "event_type_micro_f1"):
        assert got[name] > base[name], f"{name}: {got[name]} with the pack, {base[name]} without"
