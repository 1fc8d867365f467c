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
class Actor:
    """A source or target actor of an event, as resolved from the article's mentions."""

    key: str  # canonical key (the Mention key, diacritic-folded)
    name: str  # canonical name, with diacritics where known
    text: str = ""  # as written in the evidence sentence ("He", "Phó Thủ tướng", "UNODC")
    type: str = ""  # person | organization | place | group
    role: str | None = None  # role vocabulary id from the entity stage
    role_text: str | None = None  # the title as written
    country: str | None = None  # ISO 3166 alpha-3, or a PLOVER non-state code (UNO, EUR, IGO, ...)
    affiliations: tuple[str, ...] = ()  # keys of the organizations/countries the actor speaks for
    resolved_by: str = "mention"  # mention | pronoun | subject | sides | description (how it was found)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = to_dict(self)
        return data


@dataclass(frozen=True, slots=True)
class EvidenceSpan:
    """Words of the evidence sentence the extraction read besides the trigger: the words that gave
    the mode, or where a source or target actor is named. Offsets point into the article text, as
    :attr:`Event.start` does; see ``newsloom/events/spans.py``."""

    kind: str  # mode | source | target
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Event:
    """One event mention in one sentence of one article.

    Sentence-level mentions roll up within the article: ``group`` numbers the article-level event
    the mention belongs to (several sentences about one meeting share a group), and ``parent`` is
    the group of the meeting (CONSULT) a statement was made at. See ``newsloom/events/rollup.py``.
    """

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
    date_source: str = "published"  # time | previous | meeting | year | published | none
    location: str | None = None
    language: str | None = None
    confidence: float = 0.5
    rule: str = ""
    # -- added by the events engineer (all with defaults) --------------------------------------
    source_actors: tuple[Actor, ...] = ()
    target_actors: tuple[Actor, ...] = ()
    joint: bool = False  # all participants act together ("the two sides agreed", "held talks")
    host: str | None = None  # for a visit: which side hosts ("source" for "A received B")
    paragraph: int = 0
    time_text: str | None = None  # the time expression the date came from
    location_source: str | None = None  # sentence | visit | dateline | meeting
    location_key: str | None = None
    group: int = -1  # article-level event this mention belongs to
    parent: int | None = None  # group of the meeting a statement was made at
    context: tuple[str, ...] = ()  # PLOVER contexts (cyber, illegal_drugs, ...)
    classifier: str = "rules"  # rules | embedding
    #: the other words read (mode evidence, named actors); the trigger is ``start``/``end``
    spans: tuple[EvidenceSpan, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = to_dict(self)
        return data
