"""Meetings a report implies without naming them: "X and Y agreed / signed / will cooperate".

Two parties who agree together met: the statement is also a meeting (CONSULT) of both, and the
statement is made at it. Merging then joins that meeting with the reports that tell the meeting
itself ("X received Y"), and the statement with the statements made there. Only joint statements
of two parties or more imply a meeting; a ceremony mentioned in passing ("after the signing
ceremony") names no parties acting together and implies none, and neither does a meeting still
to come ("officials were due to meet in Jakarta"): the gold codes it AGREE, and the report does not
say it was held.

A sentence that points back to a meeting ("Dalam pertemuan itu, ...", "Tại cuộc hội đàm này, ...",
"lors de cette rencontre": the pack's ``meeting_reference``) tells what was said at the meeting the
report told last before it, read by the rules or implied here: its statements take that meeting as
theirs, whoever they name ("at that meeting, X asked Y ..."), and imply no second one. With no
meeting told before, a statement there names the parties who met, on either side.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from newsloom.events.parties import parties
from newsloom.events.rollup import EXPLICIT_DATE_SOURCES, ArticleEvent
from newsloom.events.rules import EventRules
from newsloom.events.types import Actor, Event
from newsloom.lang import load_part

#: Statement types that, made jointly by two parties, mean those parties met.
MEETING_TYPES = ("AGREE", "COOPERATE")
#: The rule name given to the evidence of an implied meeting (prefixed to the statement's rule).
IMPLIED_RULE = "implied-meeting"


def implied_meetings(groups: Sequence[ArticleEvent]) -> list[ArticleEvent]:
    """The article-level events with a meeting added for each joint statement of two parties or more
    made at no meeting; those statements get the new meeting as their parent. A statement told at
    "that meeting" takes the meeting told last before it (see the module's doc)."""
    numbers = [g.group for g in groups]
    next_group = max(numbers, default=-1) + 1
    result: list[ArticleEvent] = []
    meetings: list[ArticleEvent] = []
    referring: list[int] = []
    for group in groups:
        if _refers_to_meeting(group):
            referring.append(len(result))
            result.append(group)
            continue
        if not _implies_meeting(group):
            result.append(group)
            continue
        meeting = _meeting_of(group, next_group)
        meetings.append(meeting)
        result.append(replace(group, parent=next_group, mentions=_with_parent(group, next_group)))
        next_group += 1
    told = [g for g in result if g.type == "CONSULT" and g.parent is None] + meetings
    for index in sorted(referring, key=lambda i: _first_sentence(result[i])):
        group = result[index]
        before = [m for m in told if _first_sentence(m) < _first_sentence(group)]
        if before:
            meeting = max(before, key=_first_sentence)
            result[index] = _at(group, meeting)
        elif len(parties(group.participants)) >= 2 and not all(_plans_a_meeting(m) for m in group.mentions):
            meeting = _meeting_of(group, next_group)  # "At that meeting, X asked Y": X and Y met
            meetings.append(meeting)
            told.append(meeting)
            result[index] = replace(group, parent=next_group, mentions=_with_parent(group, next_group))
            next_group += 1
    return [*result, *meetings]


def _first_sentence(group: ArticleEvent) -> int:
    return min(m.sentence for m in group.mentions)


def _refers_to_meeting(group: ArticleEvent) -> bool:
    """Whether a statement made at no meeting is told, in every sentence of it, as said at a
    meeting the report already told (the pack's ``meeting_reference``: "Dalam pertemuan itu")."""
    return group.type != "CONSULT" and group.parent is None and all(_reference_in(m) for m in group.mentions)


def _reference_in(mention: Event) -> bool:
    rules: EventRules = load_part(mention.language, "events")
    return bool(rules.compiled("meeting_reference").search(mention.evidence))


def _at(group: ArticleEvent, meeting: ArticleEvent) -> ArticleEvent:
    """A statement made at ``meeting``: its parent, and the meeting's day and place when the
    statement has none of its own. "Dalam pertemuan itu, kedua pihak ..." (the pack's
    ``joint_subject`` before the trigger, read as no one's sides): the two sides are the meeting's
    participants, together."""
    group = _sides_of(group, meeting)
    changes: dict[str, object] = {"parent": meeting.group, "mentions": _with_parent(group, meeting.group)}
    if group.date_source not in EXPLICIT_DATE_SOURCES and meeting.date_source in EXPLICIT_DATE_SOURCES:
        changes.update(
            date=meeting.date, date_end=meeting.date_end, precision=meeting.precision, date_source="meeting"
        )
    if meeting.location and group.location_source not in ("sentence", "visit", "meeting"):
        changes.update(location=meeting.location, location_source="meeting")
    return replace(group, **changes)  # type: ignore[arg-type]


def _implies_meeting(group: ArticleEvent) -> bool:
    return (
        group.type in MEETING_TYPES
        and group.parent is None
        and (group.joint or not group.target_actors)  # "X and Y agreed": together, at nobody
        and len(parties(group.participants)) >= 2
        and not all(_plans_a_meeting(m) for m in group.mentions)
    )


def _plans_a_meeting(mention: Event) -> bool:
    """Whether a statement is a meeting still to come ("officials were due to meet in Jakarta",
    the pack's ``planned_meeting``): an AGREE, not a meeting held (precision before recall: the
    report does not say it took place)."""
    rules: EventRules = load_part(mention.language, "events")
    return bool(rules.compiled("planned_meeting").search(mention.trigger))


def _with_parent(group: ArticleEvent, parent: int) -> tuple[Event, ...]:
    return tuple(replace(m, parent=parent) for m in group.mentions)


def _meeting_of(group: ArticleEvent, number: int) -> ArticleEvent:
    mentions = tuple(
        replace(
            m,
            type="CONSULT",
            mode=None,
            group=number,
            parent=None,
            rule=f"{IMPLIED_RULE}:{m.rule}",
            joint=True,
            source_actors=group.participants,
            target_actors=(),
        )
        for m in group.mentions
    )
    return replace(
        group,
        group=number,
        type="CONSULT",
        mode=None,
        parent=None,
        mentions=mentions,
        joint=True,
        source_actors=group.participants,
        target_actors=(),
        src_keys=group.src_keys | group.tgt_keys,
        tgt_keys=frozenset(),
    )


def _sides_of(group: ArticleEvent, meeting: ArticleEvent) -> ArticleEvent:
    """``group`` with "the two sides" read as ``meeting``'s participants, where every sentence of it
    names them before its trigger and the extraction found no meeting to read them from."""
    if any(a.resolved_by == "sides" for a in group.source_actors) or len(parties(meeting.participants)) < 2:
        return group
    sides = [_joint_subject(m) for m in group.mentions]
    if not all(sides):
        return group

    def actors(text: str) -> tuple[Actor, ...]:
        return tuple(replace(a, text=text, resolved_by="sides") for a in meeting.participants)

    mentions = tuple(
        replace(m, source_actors=actors(side or ""), target_actors=(), joint=True)
        for m, side in zip(group.mentions, sides, strict=True)
    )
    return replace(
        group,
        mentions=mentions,
        joint=True,
        source_actors=actors(sides[0] or ""),
        target_actors=(),
        src_keys=meeting.src_keys | meeting.tgt_keys,
        tgt_keys=frozenset(),
    )


def _joint_subject(mention: Event) -> str | None:
    """The words "the two sides" ("kedua pihak", "hai bên") before the trigger of a mention, if any."""
    rules: EventRules = load_part(mention.language, "events")
    at = mention.evidence.find(mention.trigger) if mention.trigger else -1
    if at < 0:
        return None
    found = rules.compiled("joint_subject").search(mention.evidence, 0, at)
    return found.group(0) if found else None
