"""The learned classifier's data, artifact and scoring, without loading the encoder."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from newsloom.events.classifier import EventClassifier, _parse_line, load_classifier, load_sentences
from newsloom.events.sentence_eval import calibration, score_types
from newsloom.events.types import PLOVER_TYPES


def test_written_sentences_cover_every_type_in_every_main_language():
    sentences = load_sentences()
    for language, least in (("en", 12), ("vi", 4), ("id", 4), ("fr", 3)):
        counts = Counter(t for s in sentences if s.language == language for t in s.types)
        thin = {t: counts[t] for t in PLOVER_TYPES if counts[t] < least}
        assert not thin, (language, thin)
    negatives = Counter(s.language for s in sentences if not s.types)
    assert negatives["en"] >= 30 and negatives["vi"] >= 8 and negatives["id"] >= 8


def test_heldout_split_is_about_a_fifth_and_the_packless_languages_are_never_trained_on():
    sentences = load_sentences()
    main = [s for s in sentences if s.language in ("en", "vi", "id", "fr")]
    share = sum(s.split == "heldout" for s in main) / len(main)
    assert 0.12 < share < 0.3
    assert {s.split for s in sentences if s.language in ("es", "de")} == {"heldout"}
    assert len({s.text for s in sentences}) == len(sentences), "a sentence is written twice"


def test_a_bad_line_names_its_file_line_and_the_known_types():
    with pytest.raises(ValueError, match=r"x\.tsv:3: unknown PLOVER type\(s\) \['MEET'\]"):
        _parse_line("MEET\tThe two ministers met.", "en", "x.tsv:3")
    with pytest.raises(ValueError, match="expected 'types TAB text'"):
        _parse_line("The two ministers met.", "en", "x.tsv:4")


def _toy() -> EventClassifier:
    weights = np.zeros((len(PLOVER_TYPES), 2), dtype=np.float32)
    weights[PLOVER_TYPES.index("PROTEST")] = [4.0, 0.0]
    weights[PLOVER_TYPES.index("COERCE")] = [0.0, 4.0]
    return EventClassifier(
        types=PLOVER_TYPES,
        weights=weights,
        bias=np.full(len(PLOVER_TYPES), -2.0, dtype=np.float32),
        thresholds=np.full(len(PLOVER_TYPES), 0.5, dtype=np.float32),
        platt=(1.0, 0.0),
    )


def test_probabilities_thresholds_and_json_round_trip():
    model = _toy()
    found = model.predict(np.array([[1.0, 0.0], [1.0, 1.0], [0.0, 0.0]], dtype=np.float32))
    assert list(found[0]) == ["PROTEST"] and set(found[1]) == {"PROTEST", "COERCE"} and found[2] == {}
    assert found[0]["PROTEST"] == pytest.approx(1 / (1 + np.exp(-2.0)), abs=1e-3)
    again = EventClassifier.from_json(model.to_json())
    assert again.predict(np.array([[1.0, 1.0]], dtype=np.float32)) == found[1:2]


def test_the_shipped_artifact_documents_its_data_and_has_every_type():
    model = load_classifier()
    assert model.types == PLOVER_TYPES and model.weights.shape == (16, 384)
    meta = model.metadata
    assert meta["data"]["public_corpora"] and meta["data"]["licence"] and meta["versions"]["scikit-learn"]
    assert meta["trained"] and meta["examples"] > 500
    assert np.all((model.thresholds > 0.05) & (model.thresholds < 0.95))


def test_type_scores_count_each_type_of_each_sentence():
    gold = [frozenset({"PROTEST", "COERCE"}), frozenset({"AID"}), frozenset()]
    found = [frozenset({"PROTEST"}), frozenset({"AID", "SUPPORT"}), frozenset({"ASSAULT"})]
    scores = score_types(gold, found)
    assert scores.counts["PROTEST"] == [1, 0, 0] and scores.counts["COERCE"] == [0, 0, 1]
    assert scores.counts["SUPPORT"] == [0, 1, 0] and scores.counts["ASSAULT"] == [0, 1, 0]
    assert scores.scored_types == ["AID", "PROTEST", "COERCE"]
    assert scores.macro_f1 == pytest.approx((1 + 1 + 0) / 3)
    assert scores.micro_f1 == pytest.approx(2 * 2 / (2 * 2 + 2 + 1))


def test_calibration_error_is_zero_when_confidence_matches_precision():
    pairs = [(0.9, True)] * 9 + [(0.9, False)] + [(0.3, True)] * 3 + [(0.3, False)] * 7
    error, table = calibration(pairs)
    assert error == pytest.approx(0.0, abs=1e-9) and len(table) == 2
    overconfident, _ = calibration([(0.9, False)] * 10)
    assert overconfident == pytest.approx(0.9)


def test_training_recovers_separable_types():
    pytest.importorskip("sklearn")
    from newsloom.events.training import TrainingSet, label_matrix, train_classifier

    rng = np.random.default_rng(0)
    centres = {"PROTEST": 0, "AID": 1, "ASSAULT": 2}
    vectors, labels = [], []
    for type_, axis in centres.items():
        for _ in range(30):
            v = rng.normal(0, 0.1, 8)
            v[axis] += 1.0
            vectors.append(v)
            labels.append(frozenset({type_}))
    for _ in range(30):
        vectors.append(rng.normal(0, 0.1, 8))
        labels.append(frozenset())
    model = train_classifier(TrainingSet(np.asarray(vectors, dtype=np.float32), label_matrix(labels)))
    probe = np.zeros((2, 8), dtype=np.float32)
    probe[0, 1] = 1.0
    assert model.predict(probe)[0].keys() == {"AID"} and model.predict(probe)[1] == {}
    assert model.metadata["cv_macro_f1"] > 0.9
