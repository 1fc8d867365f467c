"""The result type of the time stage (TIMEX3-style values)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsloom.serialize import to_dict

#: Precisions a TimeExpression can have.
PRECISIONS = ("part_of_day", "day", "week", "month", "year", "range", "duration", "set")
#: What a value was resolved against.
ANCHORS = ("published", "previous", "absolute", "unresolved")


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A date phrase: ``text[start:end]`` of the analysed text, resolved to a TIMEX3-style value.

    ``value`` is e.g. ``2025-10-21``, ``2025-10-21TAF`` (afternoon), ``2025-10``, ``2025``,
    ``2025-W43``, ``P3D``; ``None`` when the phrase is relative and no publication date is known.
    """

    start: int
    end: int
    text: str
    value: str | None
    precision: str
    anchor: str
    end_value: str | None = None
    sentence: int | None = None  # index into Article.sentences, when run as a stage

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = to_dict(self)
        return data
