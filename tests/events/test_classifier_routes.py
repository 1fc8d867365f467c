"""Routing by language: a second classifier reads the languages its artifact lists, the shipped one
every other language; without the second artifact one classifier reads all (hand-made classifiers
and encoder: no model loaded, except in the test of the shipped files)."""

from __future__ import annotations

import json
from importlib import resources

import numpy as np
import pytest

from newsloom.events import classifier
from newsloom.events.classifier import (
    PACK_ARTIFACT,
    PACK_ARTIFACTS,
    EventClassifier,
    load_classifier,
    pack_routes,
    routable_languages,
)
from newsloom.events.sentence_eval import classifier_types
from newsloom.events.stage import EventFinder, EventSettings, routed
from newsloom.events.types import PLOVER_TYPES
from tests.events.helpers import make_article
from tests.events.test_learned import CUES, POLICE, PROTESTERS, KeywordEncoder, _classifier

TEXT = "Police used tear gas near the ministry, witnesses said."
NAMES = {"Police": POLICE, "Students": PROTESTERS}


def _silent() -> EventClassifier:
    """Reports nothing: every type's probability is far under its threshold."""
    return EventClassifier(
        types=PLOVER_TYPES,
        weights=np.zeros((len(PLOVER_TYPES), len(CUES)), dtype=np.float32),
        bias=np.full(len(PLOVER_TYPES), -9.0, dtype=np.float32),
        thresholds=np.full(len(PLOVER_TYPES), 0.5, dtype=np.float32),
        platt=(1.0, 0.0),
    )


def _model_types(article) -> set[str]:
    return {e.type for e in article.events if e.classifier == "model"}


def test_a_language_reads_its_route_and_every_other_the_default():
    default, packs = _classifier(), _silent()
    model = default.with_routes(packs, ["en", "vi"])
    assert model.for_language("en") is model.for_language("vi") is model.routes["en"]
    assert model.for_language("en").predict(np.ones((1, len(CUES)), dtype=np.float32)) == [{}]
    assert model.for_language("es") is model and model.for_language(None) is model
    assert default.for_language("en") is default  # no routes: one classifier for all
    assert default.with_routes(packs, []).routes == {}
    # the routes are not part of the artifact
    assert "routes" not in model.to_json() and EventClassifier.from_json(model.to_json()).routes == {}


def test_the_stage_reads_each_article_with_its_languages_classifier():
    english, spanish = make_article(TEXT, "en", NAMES), make_article(TEXT, "es", NAMES, article_id="b")
    plain = EventFinder(EventSettings(), KeywordEncoder(), _classifier())
    assert "COERCE" in _model_types(plain(english)) and "COERCE" in _model_types(plain(spanish))
    encoder = KeywordEncoder()
    finder = EventFinder(EventSettings(), encoder, _classifier().with_routes(_silent(), ["en"]))
    one_by_one = [finder(english), finder(spanish)]
    assert _model_types(one_by_one[0]) == set()  # the English route reports nothing
    assert "COERCE" in _model_types(one_by_one[1])  # Spanish: the default classifier
    calls = len(encoder.calls)
    assert finder.pipe([english, spanish]) == one_by_one
    assert len(encoder.calls) == calls + 2  # one encoder call per classifier of the batch


def test_the_batch_splits_by_classifier_in_order():
    model = _classifier().with_routes(_silent(), ["en", "fr"])
    routes = routed(model, ["es", "en", None, "fr", "de"])
    assert [r.indices for r in routes] == [(0, 2, 4), (1, 3)]
    assert routes[0].classifier is model and routes[1].classifier is model.routes["en"]
    assert [r.indices for r in routed(_classifier(), ["es", "en"])] == [(0, 1)]


def test_classifier_alone_routes_each_row_by_its_language():
    vectors = np.ones((3, len(CUES)), dtype=np.float32)
    model = _classifier().with_routes(_silent(), ["en"])
    found = classifier_types(model, vectors, ["es", "en", "de"])
    assert found[1] == frozenset() and found[0] == found[2] != frozenset()
    assert classifier_types(model, vectors) == [found[0]] * 3  # no languages: the default reads all


def test_a_pack_artifact_without_routes_is_refused_with_the_fix():
    with pytest.raises(ValueError, match="metadata.routes must list"):
        pack_routes({"metadata": {}}, "data/x.json")
    with pytest.raises(ValueError, match="data/x.json"):
        pack_routes({"metadata": {"routes": [""]}}, "data/x.json")
    assert pack_routes({"metadata": {"routes": ["en", "fr"]}}) == ["en", "fr"]


def test_a_language_without_a_pack_is_never_routed_away_from_the_shipped_weights():
    """The packless guard (round 12): Spanish, German, Italian... stay with data/classifier.json."""
    assert {"en", "vi", "id", "fr"} <= set(routable_languages())
    assert not {"es", "de", "it", "ms"} & set(routable_languages())
    with pytest.raises(ValueError, match=r"\['de', 'es'\].*without a pack"):
        pack_routes({"metadata": {"routes": ["en", "es", "de"]}}, "data/x.json")


def test_the_shipped_classifier_routes_what_its_pack_artifacts_list():
    model = load_classifier()
    listed: dict[str, str] = {}
    for name in PACK_ARTIFACTS:
        path = resources.files("newsloom.events").joinpath(name)
        if path.is_file():
            for code in json.loads(path.read_text(encoding="utf-8"))["metadata"]["routes"]:
                listed[code] = name
    assert sorted(model.routes) == sorted(listed)
    assert model.for_language("es") is model and model.for_language("de") is model
    for code in listed:
        assert not np.array_equal(model.for_language(code).weights, model.weights)
    if {"en", "id"} <= set(listed) and listed["en"] != listed["id"]:  # two readers, one per file
        assert not np.array_equal(model.for_language("en").weights, model.for_language("id").weights)


def test_two_pack_artifacts_routing_one_language_is_refused(tmp_path, monkeypatch):
    data = json.loads(resources.files("newsloom.events").joinpath(PACK_ARTIFACT).read_text(encoding="utf-8"))
    data["metadata"]["routes"] = ["fr"]
    for name in ("a.json", "b.json"):
        (tmp_path / name).write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setattr(classifier, "PACK_ARTIFACTS", (str(tmp_path / "a.json"), str(tmp_path / "b.json")))
    load_classifier.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"b\.json: routes 'fr', which .*a\.json routes already"):
            load_classifier()
    finally:
        monkeypatch.undo()
        load_classifier.cache_clear()
