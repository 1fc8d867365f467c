"""Round 17: the French, Vietnamese and Indonesian readers' words (events/lexical.py's plain
tokenizer, a vocabulary per language, scripts/train_events.py --vocabulary-language); hand-made data
(no encoder)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

from newsloom.events.classifier import EventClassifier, LexicalPart
from newsloom.events.lexical import Vocabulary, build_vocabulary, terms_of, words_of
from newsloom.events.types import PLOVER_TYPES

ROOT = Path(__file__).resolve().parents[2]


def test_plain_words_are_read_as_written_and_negation_stays():
    assert words_of("La police n'a pas arrêté les manifestants", "plain") == [
        "la", "police", "n", "a", "pas", "arrêté", "les", "manifestants",
    ]  # fmt: skip
    # the English stemmer would cut "manifestants" and "arrêtés"; plain keeps them apart from the singular
    assert words_of("arrêtés", "plain") == ["arrêtés"] and words_of("arrested", "en") == ["arrest"]
    assert {"không", "bác bỏ", "không bác"} <= terms_of("Bộ Ngoại giao không bác bỏ thông tin", "plain")
    assert {"tidak", "belum", "menolak"} <= terms_of("Pemerintah tidak menolak, belum menolak", "plain")


def test_an_unknown_tokenizer_is_refused_with_the_known_ones():
    with pytest.raises(ValueError, match=r"unknown tokenizer 'xx'; use one of \('en', 'plain'\)"):
        Vocabulary(("a",), "xx")
    with pytest.raises(ValueError, match=r"unknown tokenizer 'xx'"):
        words_of("a", "xx")


def test_a_vietnamese_vocabulary_keeps_syllable_bigrams_of_two_sentences():
    vocabulary = build_vocabulary(
        ["Cảnh sát bắt giữ hai người", "Cảnh sát bắt giữ nghi phạm", "Trời mưa"], tokenizer="plain"
    )
    assert vocabulary.tokenizer == "plain"
    assert {"cảnh sát", "bắt giữ", "sát bắt"} <= set(vocabulary.terms)
    assert "mưa" not in vocabulary.terms and "hai người" not in vocabulary.terms
    assert vocabulary.columns("Cảnh sát bắt giữ") == sorted(
        vocabulary.index[t] for t in ("cảnh", "sát", "bắt", "giữ", "cảnh sát", "sát bắt", "bắt giữ")
    )


def test_the_tokenizer_travels_with_the_artifact_and_english_writes_none():
    types = PLOVER_TYPES
    for tokenizer in ("plain", "en"):
        vocabulary = Vocabulary(("arrêtés", "arrest"), tokenizer)
        words = np.zeros((len(types), 2), dtype=np.float32)
        words[types.index("COERCE")] = 12.0
        model = EventClassifier(
            types=types,
            weights=np.zeros((len(types), 2), dtype=np.float32),
            bias=np.full(len(types), -3.0, dtype=np.float32),
            thresholds=np.full(len(types), 0.5, dtype=np.float32),
            platt=(1.0, 0.0),
            lexical=LexicalPart(vocabulary, words, np.zeros(len(types), dtype=np.float32)),
        )
        data = json.loads(json.dumps(model.to_json()))
        assert ("tokenizer" in data["lexical"]) == (tokenizer == "plain")
        again = EventClassifier.from_json(data)
        assert again.lexical is not None and again.lexical.vocabulary.tokenizer == tokenizer
        found = again.predict(
            np.zeros((2, 2), dtype=np.float32), ["Ils ont été arrêtés", "They arrested him"]
        )
        # plain reads "arrêtés" and not "arrested" (no stem "arrest"); en reads "arrested" as "arrest"
        assert ("COERCE" in found[0]) == (tokenizer == "plain")
        assert ("COERCE" in found[1]) == (tokenizer == "en")


def test_the_training_script_builds_the_vocabulary_from_the_named_language():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import train_events
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    texts = ["Cảnh sát bắt giữ", "Cảnh sát bắt giữ hai", "Police arrested two", "Police arrested three"]
    codes = ["vi", "vi", "en", "en"]
    words = train_events.words_of_rows(texts, codes, "concat", 16.0, "vi")
    assert words.vocabulary.tokenizer == "plain" and "bắt giữ" in words.vocabulary.terms
    assert "polic" not in words.vocabulary.terms and "police" not in words.vocabulary.terms
    assert words.matrix.shape == (4, len(words.vocabulary)) and words.matrix[2].nnz == 0
    english = train_events.words_of_rows(texts, codes, "concat", 16.0)
    assert english.vocabulary.tokenizer == "en" and "polic arrest" in english.vocabulary.terms
    with pytest.raises(SystemExit, match=r"--vocabulary-language fr: no training row of that language"):
        train_events.words_of_rows(texts, codes, "concat", 16.0, "fr")


def test_the_shipped_french_reader_reads_french_words_and_beat_its_reader_by_the_route_rule():
    """Round 17: French is read by vector and words, the vocabulary from the French training rows (plain
    tokenizer), routed where it beat round 16's French reader (the vector alone, same rows) by the route
    rule with --min-gain 0.01. The Vietnamese and Indonesian candidates won the route rule too but lost
    the event gate (vi: a merge, type macro-F1) and the held-out split (id) and the gate's stories, so
    data/classifier.json still reads Vietnamese and round 12's vector reader Indonesian."""
    from importlib import resources

    from newsloom.events import training
    from newsloom.events.classifier import PACK_ARTIFACTS, load_classifier

    name = "data/classifier_packs_fr.json"
    assert name in PACK_ARTIFACTS
    meta = json.loads(resources.files("newsloom.events").joinpath(name).read_text(encoding="utf-8"))[
        "metadata"
    ]
    assert meta["routes"] == ["fr"] and "fr18" in meta["command"]
    assert "--lexical concat" in meta["command"] and "--vocabulary-language fr" in meta["command"]
    cv = meta["routes_cv"]
    assert cv["baseline_languages"] == "en,vi,id,fr,packless,concede,weak,news12,fr18,vi18,id18"
    assert cv["min_gain"] == 0.01
    assert cv["gain"]["fr"] >= 0.01 and cv["bootstrap_wins"]["fr"] >= training.ROUTE_CONFIDENCE
    model = load_classifier()
    french = model.for_language("fr")
    assert french is not model and french.lexical is not None
    assert french.lexical.vocabulary.tokenizer == "plain"
    assert french.lexical.weights.shape == (len(french.types), len(french.lexical.vocabulary))
    assert all(french is not model.for_language(other) for other in ("en", "vi", "id"))
    assert model.for_language("vi") is model and model.lexical is None
    assert model.for_language("id") is not model and model.for_language("id").lexical is None
