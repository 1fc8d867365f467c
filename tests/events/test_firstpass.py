"""The first-pass table (``events/firstpass.py``) and the skip reading its vector (issue #18, session 17)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from newsloom.events.extract import extract_events
from newsloom.events.firstpass import FirstPassTable, fidelity, read_table
from newsloom.events.learned import candidate_sentences
from newsloom.events.prefilter import skip_signals
from newsloom.events.skip import SkipModel
from tests.events.helpers import make_article
from tests.events.test_gate import NAMES
from tests.events.test_gate_sparing import LONG
from tests.events.test_skip import PREFILTER


def _table() -> FirstPassTable:
    vectors = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]], dtype=np.float16)
    return FirstPassTable({"talks": 0, "urged": 1, "the": 2}, vectors, np.array([1.0, 3.0, 0.1], np.float32))


def test_a_sentence_vector_is_the_weighted_mean_of_its_known_words() -> None:
    table = _table()
    found = table.vector("The TALKS, urged; Xylophone")
    expected = np.array([1.0 + 0.1, 3.0 + 0.1])
    assert np.allclose(found, expected / np.linalg.norm(expected), atol=1e-3)
    assert not table.vector("nothing known here").any()
    assert table.coverage("talks and urged") == pytest.approx(2 / 3)
    assert table.vectors_of(["talks", "urged"]).shape == (2, 2)


def test_fidelity_follows_the_encoder_it_is_given() -> None:
    table = _table()
    texts = ["talks", "urged", "the talks", "urged the talks", "talks urged", "the urged"] * 3
    same = fidelity(table, texts, table.vectors_of, 200)
    assert same.pearson == pytest.approx(1.0) and same.texts == len(texts)
    rng = np.random.default_rng(1)

    def unrelated(batch: list[str]) -> np.ndarray:
        vectors = rng.normal(size=(len(batch), 2))
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)

    assert fidelity(table, texts, unrelated, 200).pearson < 0.5  # vectors that ignore the words
    assert "Pearson of pair cosines" in same.describe()


def test_the_table_is_written_and_read_back_whole(tmp_path) -> None:
    table = dataclasses.replace(_table(), metadata={"data": "hand-made"})
    table.save(str(tmp_path / "table.npz"))
    back = read_table(str(tmp_path / "table.npz"))
    assert back.index == table.index and back.metadata == {"data": "hand-made"}
    assert np.array_equal(back.vectors, table.vectors)
    assert np.allclose(back.weights, table.weights, atol=1e-3)


def test_a_broken_table_names_its_file_and_the_fix(tmp_path) -> None:
    path = tmp_path / "broken.npz"
    np.savez(path, words=np.frombuffer(b"a\nb", dtype=np.uint8), vectors=np.zeros((3, 2)))
    with pytest.raises(ValueError, match=r"broken\.npz.*train_firstpass"):
        read_table(str(path))


def test_the_skip_reads_the_first_pass_vector() -> None:
    article = make_article(LONG, "en", NAMES)
    events = extract_events(article)
    candidates = candidate_sentences(article, events)
    urged = next(i for i in candidates if "urged" in article.sentences[i].text)
    # no hashed feature: the vector alone; "urged" points along the second column, pushed under the bar
    model = SkipModel(0, {}, bias=1.0, bar=0.5, dense=(0.0, -5.0), table=_table())
    signals = {i: skip_signals(article, i, events) for i in candidates}
    assert model.skips(signals[urged])
    kept = dataclasses.replace(PREFILTER, skip=model).kept(article, events, candidates)
    assert urged not in kept
    assert kept == [i for i in candidates if not model.skips(signals[i])]
    back = SkipModel.from_json(model.to_json())
    assert back.dense == model.dense and back.buckets == 0
    with pytest.raises(ValueError, match="reads 3 first-pass features"):
        dataclasses.replace(model, dense=(0.0, 0.0, 1.0)).probability(signals[urged])


def test_margins_read_the_classifier_on_the_estimated_encoder_vector() -> None:
    from newsloom.events.classifier import load_classifier
    from newsloom.events.skip import dense_features

    classifier = load_classifier()
    width = classifier.weights.shape[1]
    # a map sending "urged" (second column) onto the classifier's REQUEST weights, "talks" elsewhere
    to_encoder = np.zeros((3, width), dtype=np.float32)
    to_encoder[1] = classifier.weights[classifier.types.index("REQUEST")]
    to_encoder[0, 0] = 1.0
    table = dataclasses.replace(_table(), to_encoder=to_encoder)
    article = make_article(LONG, "en", NAMES)
    urged = next(i for i, s in enumerate(article.sentences) if "urged" in s.text)
    found = dense_features(table, skip_signals(article, urged, extract_events(article)), margins=True)
    assert found.shape == (2 + len(classifier.types),)
    margins = dict(zip(classifier.types, found[2:], strict=True))
    assert max(margins, key=lambda t: margins[t]) == "REQUEST"
    model = SkipModel(0, {}, bias=0.0, bar=0.5, dense=tuple(found), margins=True, table=table)
    assert SkipModel.from_json(model.to_json()).margins
    with pytest.raises(ValueError, match="no map to the encoder"):
        _table().estimate("urged")
