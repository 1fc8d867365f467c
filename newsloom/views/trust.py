"""Trust marks: how many independent reports, in how many languages, how confident the record is, and
whether the events classifier checked it.

Every event and story carries one, so a single-source guess does not look like an established fact.
The confidence is the stored one (for an event, the noisy-or of its reports' extraction confidences,
see ``events/stored.py``). An event no report of which the classifier read (``rules_only``: the
prefilter, the gate or the sparing kept its sentences from the encoder) has its rule's prior for its
PLOVER type as confidence (``events.gate.rule_confidence``, 0.70-0.99): calibrated over a type's
events, the same for each of them, never under ``LOW_CONFIDENCE``. It is marked "not checked by the
model" instead, and a single-source one counts as uncertain as a low-confidence one does.
"""

from __future__ import annotations

from collections.abc import Sized

from pydantic import computed_field

from newsloom.views.common import Model

#: Below this confidence a record is marked "low confidence".
LOW_CONFIDENCE = 0.7
SINGLE_SOURCE = "single source"
LOW = "low confidence"
NOT_CHECKED = "not checked by the model"


class Trust(Model):
    """Independent reports (distinct articles), their languages, the record's confidence (None when
    nothing estimates one, as for stories), whether the classifier read none of its reports
    (``rules_only``: the confidence is the rule's prior) and the badges a person should see."""

    sources: int
    languages: int
    confidence: float | None
    rules_only: bool = False

    @computed_field  # type: ignore[prop-decorator]
    @property
    def single_source(self) -> bool:
        return self.sources <= 1

    @computed_field  # type: ignore[prop-decorator]
    @property
    def low_confidence(self) -> bool:
        return self.confidence is not None and self.confidence < LOW_CONFIDENCE

    @computed_field  # type: ignore[prop-decorator]
    @property
    def badges(self) -> list[str]:
        marks = (
            (SINGLE_SOURCE, self.single_source),
            (LOW, self.low_confidence),
            (NOT_CHECKED, self.rules_only),
        )
        return [label for label, on in marks if on]

    @property
    def uncertain(self) -> bool:
        """Single source, and low confidence or not checked by the model: what the timeline hides
        unless asked to show it."""
        return is_uncertain(self.sources, self.confidence, self.rules_only)


def event_trust(n_articles: int, languages: Sized, confidence: float, rules_only: bool) -> Trust:
    """The trust mark of an event record (list row, event page or timeline row): its reporting
    articles, the languages they are in, its stored confidence and whether the classifier read any."""
    return Trust(sources=n_articles, languages=len(languages), confidence=confidence, rules_only=rules_only)


def is_uncertain(sources: int, confidence: float | None, rules_only: bool) -> bool:
    """Whether a record of ``sources`` reports is uncertain (``Trust.uncertain``), from its stored
    numbers (the timeline asks this of every event of a window without making its mark)."""
    low = confidence is not None and confidence < LOW_CONFIDENCE
    return sources <= 1 and (low or rules_only)


def passes(trust: Trust, min_sources: int = 0, min_confidence: float = 0.0) -> bool:
    """Whether a record meets the filters (a record without a confidence passes a confidence floor
    only when the floor is zero)."""
    if trust.sources < min_sources:
        return False
    unknown = trust.confidence is None
    return min_confidence <= 0 or (not unknown and (trust.confidence or 0.0) >= min_confidence)
