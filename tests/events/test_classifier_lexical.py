"""The classifier reads words beside the vector (events/lexical.py): stems, terms, vocabulary, the
combined logit, its JSON, the training recipe; hand-made data (no encoder), except the test of the
shipped English reader, which reads its artifact only."""

from __future__ import annotations

import json
from importlib import resources

import numpy as np
import pytest

from newsloom.events import training
from newsloom.events.classifier import PACK_ARTIFACTS, EventClassifier, LexicalPart, load_classifier
from newsloom.events.lexical import Vocabulary, build_vocabulary, stem, terms_of, words_of
from newsloom.events.training import TrainingSet, Words, label_matrix, out_of_fold_logits, train_classifier
from newsloom.events.types import PLOVER_TYPES

PROTEST = PLOVER_TYPES.index("PROTEST")
SANCTION = PLOVER_TYPES.index("SANCTION")


def test_inflections_share_a_stem_and_negation_is_a_word():
    assert stem("sanctions") == stem("sanctioned") == stem("sanctioning") == "sanction"
    assert stem("imposes") == stem("imposed") == stem("impose")
    assert stem("stopped") == "stop" and stem("called") == "call"
    assert stem("talks") == "talk" and stem("press") == "press" and stem("status") == "status"
    assert words_of("Police didn't arrest him") == ["polic", "did", "not", "arrest", "him"]
    assert {"not", "may", "lift ban"} <= terms_of("They may not lift the ban. They may lift bans")


def test_the_vocabulary_keeps_terms_of_two_sentences_or_more():
    vocabulary = build_vocabulary(["Troops fired on crowds", "Troops fired shots", "Rain fell"])
    assert "troop fir" in vocabulary.terms and "troop" in vocabulary.terms
    assert "crowd" not in vocabulary.terms and "rain" not in vocabulary.terms
    assert vocabulary.columns("nothing known here") == []


def _reader(mix: tuple[float, float] = (1.0, 1.0)) -> EventClassifier:
    """A vector part that says nothing and words that decide PROTEST and SANCTION."""
    vocabulary = Vocabulary(("protest", "sanction", "not"))
    words = np.zeros((len(PLOVER_TYPES), 3), dtype=np.float32)
    words[PROTEST, 0] = 12.0
    words[SANCTION, 1] = 12.0
    words[:, 2] = -12.0  # "not" reads against every type
    return EventClassifier(
        types=PLOVER_TYPES,
        weights=np.zeros((len(PLOVER_TYPES), 2), dtype=np.float32),
        bias=np.full(len(PLOVER_TYPES), -3.0, dtype=np.float32),
        thresholds=np.full(len(PLOVER_TYPES), 0.5, dtype=np.float32),
        platt=(1.0, 0.0),
        lexical=LexicalPart(vocabulary, words, np.zeros(len(PLOVER_TYPES), dtype=np.float32), mix),
    )


def test_the_same_vector_reads_differently_by_its_words():
    model = _reader()
    vectors = np.zeros((3, 2), dtype=np.float32)
    texts = ["Students protested", "The EU sanctioned the bank", "Students did not protest"]
    found = model.predict(vectors, texts)
    assert list(found[0]) == ["PROTEST"] and list(found[1]) == ["SANCTION"] and found[2] == {}
    # one term of one present: 12 / sqrt(1) - 3; two terms ("protest", "not"): (12 - 12) / sqrt(2) - 3
    assert found[0]["PROTEST"] == pytest.approx(1 / (1 + np.exp(-9.0)), abs=1e-3)
    again = EventClassifier.from_json(json.loads(json.dumps(model.to_json())))
    assert again.predict(vectors, texts) == found
    assert again.lexical is not None and again.lexical.vocabulary.terms == ("protest", "sanction", "not")


def test_a_reader_of_words_without_the_texts_says_what_to_pass():
    with pytest.raises(ValueError, match=r"pass the texts, one per vector row"):
        _reader().probabilities(np.zeros((1, 2), dtype=np.float32))
    with pytest.raises(ValueError, match=r"pass the texts"):
        _reader().probabilities(np.zeros((2, 2), dtype=np.float32), ["only one"])


def test_the_mix_weighs_the_two_logits():
    half = _reader((0.5, 0.5))
    p = half.raw_probabilities(np.zeros((1, 2), dtype=np.float32), ["Students protested"])[0, PROTEST]
    assert p == pytest.approx(1 / (1 + np.exp(-(0.5 * -3.0 + 0.5 * 12.0))), abs=1e-4)


def _toy_set(mode: str) -> TrainingSet:
    """Vectors that are noise; the words say PROTEST ("marched") or SANCTION ("froze assets")."""
    rng = np.random.default_rng(5)
    texts, labels = [], []
    for i in range(60):
        if i % 3 == 0:
            texts.append(f"Workers marched in town {i}")
            labels.append(frozenset({"PROTEST"}))
        elif i % 3 == 1:
            texts.append(f"The council froze assets of firm {i}")
            labels.append(frozenset({"SANCTION"}))
        else:
            texts.append(f"Rain fell on the town {i}")
            labels.append(frozenset())
    vectors = rng.normal(size=(60, 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    vocabulary = build_vocabulary(texts)
    words = Words(vocabulary, vocabulary.matrix(texts), mode, 16.0)
    return TrainingSet(vectors, label_matrix(labels), (), None, words)  # no languages: no transfer


@pytest.mark.parametrize("mode", ["concat", "mean"])
def test_words_are_learned_out_of_fold_and_shipped_with_the_model(mode, monkeypatch):
    monkeypatch.setattr(training, "C_GRID", (16.0,))
    data = _toy_set(mode)
    logits = out_of_fold_logits(data, 16.0)
    truth = data.labels[:, PROTEST] == 1
    assert logits[truth, PROTEST].min() > logits[~truth, PROTEST].max()  # unseen rows, read by words
    bare = out_of_fold_logits(TrainingSet(data.vectors, data.labels), 16.0)
    assert not bare[truth, PROTEST].min() > bare[~truth, PROTEST].max()  # the noise alone cannot
    model = train_classifier(data, {"command": "toy"})
    assert model.lexical is not None and model.lexical.mix == ((1.0, 1.0) if mode == "concat" else (0.5, 0.5))
    assert "reads words beside the vector" in model.metadata["model"]
    texts = ["Workers marched in the capital", "The council froze assets of a bank"]
    found = model.predict(np.zeros((2, 8), dtype=np.float32), texts)
    assert "PROTEST" in found[0] and "SANCTION" not in found[0]
    assert "SANCTION" in found[1] and "PROTEST" not in found[1]


def test_an_unknown_lexical_mode_is_refused_with_the_known_ones():
    data = _toy_set("sum")
    with pytest.raises(ValueError, match=r"unknown lexical mode 'sum'; use one of \('concat', 'mean'\)"):
        out_of_fold_logits(data, 16.0)


def test_the_shipped_english_reader_reads_words_and_no_packless_language_does():
    """Round 16: English is read by vector and words (data/classifier_packs_en.json); since round 17
    French, Vietnamese and Indonesian too (tests/events/test_classifier_lexical_langs.py); a language
    without a pack is read by the vector alone, as before."""
    model = load_classifier()
    english = model.for_language("en")
    assert english.lexical is not None and english.lexical.weights.shape == (
        16,
        len(english.lexical.vocabulary),
    )
    assert "--lexical concat" in english.metadata["command"]
    assert english.metadata["routes"] == ["en"]
    assert english.lexical.vocabulary.tokenizer == "en"
    for code in ("es", "de", None):
        assert model.for_language(code).lexical is None
    name = next(n for n in PACK_ARTIFACTS if n.endswith("_en.json"))
    size = len(resources.files("newsloom.events").joinpath(name).read_bytes())
    assert size <= 2_000_000  # the ship rule's bound on the artifact
