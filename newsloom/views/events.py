"""Events as a person looks at them: a filtered list, and one event with every source sentence in its
language and where the sources disagree."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import computed_field

from newsloom.events.queries import event_detail, list_events
from newsloom.store import Connection
from newsloom.views.common import Model, Page, page_of
from newsloom.views.names import with_canonical_actors, with_canonical_names
from newsloom.views.trust import Trust, event_trust


class EventSummary(Model):
    """An event in a list: what, when, who (names), where, in which languages, how many reports."""

    id: int
    type: str
    mode: str | None
    date: str | None
    date_end: str | None
    precision: str | None
    title: str
    source: list[str]
    target: list[str]
    location: str | None
    languages: list[str]
    n_sources: int
    n_articles: int
    confidence: float
    parent_id: int | None
    rules_only: bool = False  # no report read by the classifier: the confidence is the rule's prior

    @computed_field  # type: ignore[prop-decorator]
    @property
    def trust(self) -> Trust:
        """Independent reports (articles), languages, confidence, checked or not, and the badges to show."""
        return event_trust(self.n_articles, self.languages, self.confidence, self.rules_only)


#: The kinds of words a source sentence was read from, in the order a character in two of them is
#: shown as (the trigger over the mode's words over an actor's name).
SPAN_KINDS = ("trigger", "mode", "source", "target")
#: How a source's spans were found: offsets the events stage recorded (for a row of a store written
#: before schema 13, the trigger alone, from its offsets: store migration 13), or, where none were
#: recorded (a row migration 13 could not place), the first occurrence of the trigger's word.
RECORDED, SEARCHED = "recorded", "searched"


class EvidenceWords(Model):
    """Words of a source sentence the event was read from; ``start``/``end`` index ``sentence``."""

    kind: str  # trigger | mode | source | target
    start: int
    end: int
    text: str


class EventSource(Model):
    """One sentence of one article reporting the event, in its own language, and what it says;
    ``spans`` are the words to highlight, ``spans_from`` says how they were found (``recorded`` or,
    for a row stored without them, ``searched``: the trigger's first occurrence)."""

    path: str
    language: str | None
    sentence: str
    sentence_index: int
    trigger: str
    start: int
    end: int
    article_id: str
    title: str | None
    url: str | None
    published: str | None
    date: str | None
    date_end: str | None
    date_source: str | None
    time_text: str | None
    location: str | None
    location_source: str | None
    source: list[str]
    target: list[str]
    confidence: float
    classifier: str
    spans: list[EvidenceWords]
    spans_from: str


class Actors(Model):
    """The actors of an event on each side (key, name, type, affiliations, ...)."""

    source: list[dict[str, Any]]
    target: list[dict[str, Any]]


class SourceLabel(Model):
    path: str
    language: str | None
    sentence: str


class StatedValue(Model):
    """One value some sources state (a date, a place, a list of participants) and who states it."""

    value: str | list[str]
    sources: list[SourceLabel]


class Discrepancy(Model):
    """Where the sources of one event disagree."""

    field: str
    summary: str
    values: list[StatedValue]


class EventDetail(Model):
    """One event: its record, every source, the discrepancies, its meeting and its statements."""

    id: int
    type: str
    mode: str | None
    date: str | None
    date_end: str | None
    precision: str | None
    date_source: str | None
    actors: Actors
    joint: bool
    host: str | None
    location: str | None
    context: list[str]
    confidence: float
    parent_id: int | None
    statements: list[int]
    title: str
    languages: list[str]
    n_articles: int
    sources: list[EventSource]  # the articles reporting it
    discrepancies: list[Discrepancy]
    #: articles about something else that tell it in passing ("came a day after police arrested"):
    #: shown apart ("Also mentioned in"), counted in none of its figures
    mentions: list[EventSource] = []
    parent: EventSummary | None = None
    statement_summaries: list[EventSummary]
    rules_only: bool = False

    @computed_field  # type: ignore[prop-decorator]
    @property
    def trust(self) -> Trust:
        return event_trust(self.n_articles, self.languages, self.confidence, self.rules_only)


@dataclass(frozen=True)
class EventQuery:
    date_from: str | None = None
    date_to: str | None = None
    type: str | None = None
    entity: str | None = None
    language: str | None = None
    limit: int = 20
    offset: int = 0
    min_sources: int = 0  # distinct reporting articles
    min_confidence: float = 0.0


def events_view(conn: Connection, query: EventQuery) -> Page[EventSummary]:
    """Merged events newest first, filtered by dates, PLOVER type, actor (any alias), language and trust
    (at least ``min_sources`` reporting articles, at least ``min_confidence``)."""
    rows = list_events(
        conn, date_from=query.date_from, date_to=query.date_to, type=query.type, entity=query.entity,
        language=query.language, limit=query.limit + 1, offset=query.offset, min_sources=query.min_sources,
        min_confidence=query.min_confidence,
    )  # fmt: skip
    named = with_canonical_names(conn, rows)
    return page_of([EventSummary.model_validate(r) for r in named], query.limit, query.offset)


def event_view(conn: Connection, event_id: int) -> EventDetail | None:
    """One event with all its sources, its actors under their canonical names with their roles in
    words; None when there is no such event."""
    record = event_detail(conn, event_id)
    if record is None:
        return None
    record = with_canonical_actors(conn, record)
    record["sources"] = [{**source, **source_spans(source)} for source in record["sources"]]
    record["mentions"] = [{**source, **source_spans(source)} for source in record.get("mentions", [])]
    record["statement_summaries"] = with_canonical_names(conn, record["statement_summaries"])
    if record.get("parent"):
        record["parent"] = with_canonical_names(conn, [record["parent"]])[0]
    return EventDetail.model_validate(record)


def sources_by_language(event: EventDetail) -> list[tuple[str, list[EventSource]]]:
    """An event's sources grouped by language, most sources first."""
    groups: dict[str, list[EventSource]] = {}
    for source in event.sources:
        groups.setdefault(source.language or "", []).append(source)
    return sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))


def source_spans(source: dict[str, Any]) -> dict[str, Any]:
    """``spans`` and ``spans_from`` of a source record: the recorded spans, or for a row stored
    without them (``spans`` None: see store migration 13) the first occurrence of the trigger's word
    in the sentence, as the pages showed before session 13; it may not be the word the rule read."""
    recorded = source.get("spans")
    if recorded is not None:
        return {"spans": recorded, "spans_from": RECORDED}
    sentence, trigger = str(source.get("sentence") or ""), str(source.get("trigger") or "")
    at = sentence.find(trigger) if trigger else -1
    found = [{"kind": "trigger", "start": at, "end": at + len(trigger), "text": trigger}] if at >= 0 else []
    return {"spans": found, "spans_from": SEARCHED}


def evidence_segments(
    sentence: str, spans: Sequence[EvidenceWords | Mapping[str, Any]]
) -> list[tuple[str, str | None]]:
    """``sentence`` cut at ``spans``: ``[(text, kind or None), ...]`` in order, joined back the whole
    sentence; a character in two spans takes the kind first in :data:`SPAN_KINDS`. What the web page,
    the CLI and any other rendering mark."""
    kinds: list[str | None] = [None] * len(sentence)
    for span in spans:
        kind, start, end = (span.kind, span.start, span.end) if isinstance(span, EvidenceWords) else (
            span["kind"], span["start"], span["end"])  # fmt: skip
        if kind not in SPAN_KINDS:
            continue
        for i in range(max(0, start), min(end, len(sentence))):
            held = kinds[i]
            if held is None or SPAN_KINDS.index(kind) < SPAN_KINDS.index(held):
                kinds[i] = kind
    segments: list[tuple[str, str | None]] = []
    for char, kind in zip(sentence, kinds, strict=True):
        if segments and segments[-1][1] == kind:
            segments[-1] = (segments[-1][0] + char, kind)
        else:
            segments.append((char, kind))
    return segments
