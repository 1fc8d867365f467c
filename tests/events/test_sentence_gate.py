"""Quality gate of the learned classifier on the held-out split of the project-written sentences
(never trained on; Spanish and German have no language pack and are never trained on at all).

Floors: ``sentences_*`` in tests/gold/event_floors.json, set just under what was measured.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsloom.events.classifier import embed_sentences, load_classifier, load_sentences
from newsloom.events.sentence_eval import classifier_types, read_sentences, score_types, stage_types

ROOT = Path(__file__).resolve().parents[2]
FLOORS = json.loads((ROOT / "tests" / "gold" / "event_floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def heldout():
    return [s for s in load_sentences() if s.split == "heldout"]


def _by_language(items, predicted) -> dict[str, float]:
    found = {}
    for language in ("en", "vi", "id", "fr", "es", "de"):
        index = [i for i, s in enumerate(items) if s.language == language]
        found[language] = round(
            score_types([items[i].types for i in index], [predicted[i] for i in index]).micro_f1, 3
        )
    return found


def test_classifier_alone_on_the_heldout_sentences(heldout):
    vectors = embed_sentences([s.text for s in heldout])
    predicted = classifier_types(
        load_classifier(), vectors, [s.language for s in heldout], [s.text for s in heldout]
    )
    scores = score_types([s.types for s in heldout], predicted)
    print(
        "classifier alone",
        round(scores.macro_f1, 3),
        round(scores.micro_f1, 3),
        _by_language(heldout, predicted),
    )
    assert scores.macro_f1 >= FLOORS["sentences_classifier_macro_f1"]
    packless = [i for i, s in enumerate(heldout) if s.language in ("es", "de")]
    fallback = score_types([heldout[i].types for i in packless], [predicted[i] for i in packless])
    assert fallback.micro_f1 >= FLOORS["sentences_packless_micro_f1"]


def test_events_stage_on_the_heldout_sentences(heldout):
    rules, _ = stage_types(read_sentences(heldout), classifier=False)
    combined, _ = stage_types(read_sentences(heldout), classifier=True)
    gold = [s.types for s in heldout]
    before, after = score_types(gold, rules), score_types(gold, combined)
    print("rules", round(before.macro_f1, 3), "rules + classifier", round(after.macro_f1, 3))
    assert after.macro_f1 >= FLOORS["sentences_stage_macro_f1"]
    assert after.macro_f1 > before.macro_f1 + 0.2
