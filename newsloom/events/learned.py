"""The learned classifier's types combined with the trigger rules' events.

Candidate sentences (an entity mention, a rule event or a trigger word; every sentence of a
language without triggers) are embedded in one batched encoder call per article. Per sentence:

- a rule event of a weak trigger whose type the classifier finds very unlikely (below ``VETO`` x
  its threshold) is dropped; a kept one gets the mean of its rule confidence and the calibrated probability;
- a type the classifier reports (at or above its threshold) that no rule event has becomes an
  event: it takes the actors of a rule event of the same sentence (a retyped rule reading), else
  the first actor mentioned as source and the next as target, else none;
- classifier-only events are dropped where the sentence is not asserted as fact (the pack's
  negation, hypothetical, opinion or non-factual cues; see :func:`asserted`), except REJECT (a
  denial is itself a rejection).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

import numpy as np

from newsloom.article import Article
from newsloom.events.classifier import EventClassifier, embed_sentences
from newsloom.events.extract import sentence_event
from newsloom.events.rules import EventRules
from newsloom.events.types import Event
from newsloom.lang import load_part

#: A rule event is dropped when the classifier's probability of its type is below this fraction
#: of the type's threshold (the rules fire on words; the classifier reads the whole sentence).
VETO = 0.35
#: ... unless its trigger is a strong one (confidence at least this): the packs' strongest triggers
#: ("hội kiến", "held talks with") are right more often than the classifier on short sentences.
STRONG_RULE = 0.85
#: Sentences shorter than this (in words) are not embedded (captions, bylines, headings).
MIN_WORDS = 4
#: Types whose classifier-only events survive a non-factual cue (the cue is the event itself).
CUE_TYPES = frozenset({"REJECT"})


def _rules(article: Article, index: int) -> EventRules:
    sentence = article.sentences[index]
    rules: EventRules = load_part(sentence.language or article.language, "events")
    return rules


def candidate_sentences(article: Article, events: Sequence[Event]) -> list[int]:
    """Sentences worth embedding: a rule event, an entity mention or a trigger word in them."""
    with_events = {e.sentence for e in events}
    found = []
    for index, sentence in enumerate(article.sentences):
        if len(sentence.text.split()) < MIN_WORDS:
            continue
        rules = _rules(article, index)
        if (
            index in with_events
            or not rules.triggers
            or any(sentence.start <= m.start < sentence.end for m in article.entities)
            or rules.any_trigger.search(article.text, sentence.start, sentence.end)
        ):
            found.append(index)
    return found


def asserted(text: str, rules: EventRules) -> bool:
    """Whether a sentence asserts an event: no hedge, denial, plan, condition, opinion or non-event."""
    cues = ("nonfactual", "hypothetical", "opinion", "non_event")
    return not any(rules.compiled(name).search(text) for name in cues)


def _combined_confidence(rule_confidence: float, probability: float) -> float:
    return round(max(0.05, min(0.99, (rule_confidence + probability) / 2)), 3)


def _model_event(
    article: Article, index: int, type_: str, probability: float, rule_events: list[Event]
) -> Event:
    base = rule_events[0] if rule_events else None
    if base is not None:
        return dataclasses.replace(
            base,
            type=type_,
            confidence=round(probability, 3),
            rule="model:retyped",
            classifier="model",
            mode=None,
        )
    found = sentence_event(article, index, type_, confidence=round(probability, 3), require_actor=False)
    assert found is not None  # require_actor=False always gives an event
    return dataclasses.replace(found, rule="model", classifier="model")


def _sentence_events(
    article: Article, index: int, row: np.ndarray, classifier: EventClassifier, rule_events: list[Event]
) -> list[Event]:
    probability = dict(zip(classifier.types, (float(p) for p in row), strict=True))
    threshold = dict(zip(classifier.types, (float(t) for t in classifier.thresholds), strict=True))
    kept: list[Event] = []
    vetoed: list[Event] = []
    for event in rule_events:
        p = probability.get(event.type, 0.0)
        if event.confidence < STRONG_RULE and p < VETO * threshold.get(event.type, 1.0):
            vetoed.append(event)
            continue
        confidence = _combined_confidence(event.confidence, p)
        kept.append(dataclasses.replace(event, confidence=confidence, classifier="rules+model"))
    covered = {e.type for e in kept}
    rules = _rules(article, index)
    factual = asserted(article.sentences[index].text, rules)
    for type_ in classifier.types:
        if type_ in covered or probability[type_] < threshold[type_]:
            continue
        if not factual and type_ not in CUE_TYPES:
            continue
        kept.append(_model_event(article, index, type_, probability[type_], vetoed + kept))
    return kept


def add_classifier_events(
    article: Article, events: list[Event], classifier: EventClassifier, encoder: Any = None
) -> list[Event]:
    """The rule events vetted by the classifier, plus the classifier's own (see the module doc)."""
    candidates = candidate_sentences(article, events)
    if not candidates:
        return events
    vectors = embed_sentences([article.sentences[i].text for i in candidates], encoder)
    rows = classifier.probabilities(vectors)
    by_sentence: dict[int, list[Event]] = {}
    for event in events:
        by_sentence.setdefault(event.sentence, []).append(event)
    result = [e for e in events if e.sentence not in set(candidates)]
    for index, row in zip(candidates, rows, strict=True):
        result.extend(_sentence_events(article, index, row, classifier, by_sentence.get(index, [])))
    return result
