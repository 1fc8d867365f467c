"""Where the words an event was read from are in its sentence, recorded with the event so that every
view (web page, API, CLI, exports) highlights those words, never the first occurrence of the trigger's
word elsewhere in the sentence ("tiếp tục ... tiếp Bộ trưởng": the rule read the second "tiếp").

- the trigger: the match's own offsets, already :attr:`Event.start` and :attr:`Event.end`;
- the named source and target actors: the entity stage's mention of the actor (same key) in the
  sentence, the one nearest the trigger when the sentence names it twice; an actor resolved from a
  pronoun or "the two sides" at the words the resolver recorded (:attr:`Actor.text`), nearest the
  trigger; an actor carried from an earlier sentence has no span;
- the mode's words: ``newsloom.events.modes`` keeps them as text only (after ``EVIDENCE_MARK`` in
  :attr:`Event.rule`); they are placed where its rules look for them: nearest the trigger, after it
  first (a mode cue follows its trigger in the clause, "talks by phone"), else before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from newsloom.article import Article
from newsloom.entities.types import Mention
from newsloom.events.actors import mention_key
from newsloom.events.modes import mode_evidence
from newsloom.events.rules import EventRules
from newsloom.events.slots import mentions_by_sentence
from newsloom.events.types import Actor, Event, EvidenceSpan
from newsloom.lang import load_part

#: How actors found without a mention of their own were resolved: the words are in the sentence
#: ("He", "the two sides", "the Lao leader").
WORDS_IN_SENTENCE = ("pronoun", "sides", "description")


def with_spans(article: Article, events: Sequence[Event]) -> list[Event]:
    """``events`` of ``article`` with their evidence spans recorded (see the module's docstring)."""
    if not events:
        return list(events)
    mentions = mentions_by_sentence(article)
    return [replace(e, spans=event_spans(article, e, mentions.get(e.sentence, []))) for e in events]


def event_spans(article: Article, event: Event, mentions: Sequence[Mention]) -> tuple[EvidenceSpan, ...]:
    """The mode and actor spans of one event, in article offsets, ordered by start."""
    if not 0 <= event.sentence < len(article.sentences):
        return ()
    sentence = article.sentences[event.sentence]
    text = article.text
    found: list[EvidenceSpan] = []
    words = mode_evidence(event.rule) if event.mode else None
    if words and _gives_mode(words, event):
        occurrences = _occurrences(words, text, sentence.start, sentence.end)
        span = _nearest(occurrences, event.start, event.end, after_first=True)
        if span is not None and span != (event.start, event.end):
            found.append(EvidenceSpan("mode", *span))
    for kind, actors in (("source", event.source_actors), ("target", event.target_actors)):
        for actor in actors:
            span = _actor_span(actor, mentions, text, sentence.start, sentence.end, event)
            if span is not None:
                found.append(EvidenceSpan(kind, *span))
    unique = {(s.kind, s.start, s.end): s for s in found}
    return tuple(sorted(unique.values(), key=lambda s: (s.start, s.end, s.kind)))


def _gives_mode(words: str, event: Event) -> bool:
    """Whether the recorded mode words give the event's mode: not when they are a cue of the pack
    for another mode only (a meeting "bên lề" a conference, read as one bilateral visit per
    counterpart, keeps "bên lề" in its rule though its mode is now the visit)."""
    rules: EventRules = load_part(event.language, "events")
    cues = [*rules.consult_modes] if event.type == "CONSULT" else []
    cues += [(pattern, mode) for name, pattern, mode in rules.mode_cues if name == event.type]
    modes = {mode for pattern, mode in cues if re.fullmatch(pattern, words, re.I)}
    return not modes or event.mode in modes


def _actor_span(
    actor: Actor, mentions: Sequence[Mention], text: str, start: int, end: int, event: Event
) -> tuple[int, int] | None:
    named = [(m.start, m.end) for m in mentions if mention_key(m) == actor.key and start <= m.start < end]
    if named:
        return _nearest(named, event.start, event.end)
    if actor.resolved_by in WORDS_IN_SENTENCE and actor.text:
        return _nearest(_occurrences(actor.text, text, start, end), event.start, event.end)
    return None


def _occurrences(words: str, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where ``words`` (any spacing, any case) are written in ``text[start:end]``: as whole words
    when they are, else inside a word (a cue may match part of one)."""
    body = r"\s+".join(re.escape(w) for w in words.split())
    if not body:
        return []
    for pattern in (rf"(?<!\w){body}(?!\w)", body):
        spans = [m.span() for m in re.compile(pattern, re.I).finditer(text, start, end)]
        if spans:
            return spans
    return []


def _nearest(
    spans: Sequence[tuple[int, int]], start: int, end: int, after_first: bool = False
) -> tuple[int, int] | None:
    """Of ``spans``, the one nearest the trigger ``[start, end)`` (one overlapping it first); with
    ``after_first``, any after the trigger before any before it."""

    def distance(span: tuple[int, int]) -> tuple[int, int, int]:
        if span[0] < end and span[1] > start:
            return (0, 0, span[0])
        if span[0] >= end:
            return (1, span[0] - end, span[0])
        return (2 if after_first else 1, start - span[1], span[0])

    return min(spans, key=distance) if spans else None


def spans_in_sentence(article: Article, event: Event) -> list[dict[str, int | str]] | None:
    """The words ``event`` was read from as offsets within its evidence sentence, the trigger first
    (``[{"kind": "trigger", "start": 57, "end": 61}, {"kind": "source", ...}]``): what a source row
    stores. An event read from the whole sentence (the classifier's) has no trigger span. None when
    the sentence is not the article's (the event cannot be placed)."""
    if not 0 <= event.sentence < len(article.sentences):
        return None
    sentence = article.sentences[event.sentence]
    if sentence.text != event.evidence:
        return None
    read = [("trigger", event.start, event.end)] if event.trigger else []
    read += [(s.kind, s.start, s.end) for s in event.spans]
    return [
        {"kind": kind, "start": start - sentence.start, "end": end - sentence.start}
        for kind, start, end in read
        if sentence.start <= start < end <= sentence.end
    ]
