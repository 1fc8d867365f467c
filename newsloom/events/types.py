"""The result type of the event stage."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsloom.serialize import to_dict

#: The 16 PLOVER event types.
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Event:
    """One event mention in one sentence of one article."""

    type: str  # a PLOVER type
    sentence: int  # index into Article.sentences
    evidence: str  # the sentence text
    start: int  # trigger span in the article text
    end: int
    trigger: str
    mode: str | None = None
    source: tuple[str, ...] = ()  # canonical keys of source actors
    target: tuple[str, ...] = ()
    date: str | None = None  # ISO start
    date_end: str | None = None
    precision: str | None = None
    date_source: str = "published"  # "time" when from a time expression, else "published"
    location: str | None = None
    language: str | None = None
    confidence: float = 0.5
    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = to_dict(self)
        return data
