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
