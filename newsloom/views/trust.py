"""Trust marks: how many independent reports, in how many languages, and how confident the record is.

Every event and story carries one, so a single-source guess does not look like an established fact.
The confidence is the stored one (for an event, the noisy-or of its reports' extraction confidences,
see ``events/stored.py``; a calibrated value replaces it there without changing this module).
"""

from __future__ import annotations

from pydantic import computed_field

from newsloom.views.common import Model

#: Below this confidence a record is marked "low confidence".
LOW_CONFIDENCE = 0.7
SINGLE_SOURCE = "single source"
LOW = "low confidence"


class Trust(Model):
    """Independent reports (distinct articles), their languages, the record's confidence (None when
    nothing estimates one, as for stories) and the badges a person should see."""

    sources: int
    languages: int
    confidence: float | None

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
        return [
            label for label, on in ((SINGLE_SOURCE, self.single_source), (LOW, self.low_confidence)) if on
        ]

    @property
    def uncertain(self) -> bool:
        """Single source and low confidence: what the timeline hides unless asked to show it."""
        return self.single_source and self.low_confidence


def passes(trust: Trust, min_sources: int = 0, min_confidence: float = 0.0) -> bool:
    """Whether a record meets the filters (a record without a confidence passes a confidence floor
    only when the floor is zero)."""
    if trust.sources < min_sources:
        return False
    unknown = trust.confidence is None
    return min_confidence <= 0 or (not unknown and (trust.confidence or 0.0) >= min_confidence)
