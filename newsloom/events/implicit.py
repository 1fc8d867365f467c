"""Meetings a report implies without naming them: "X and Y agreed / signed / will cooperate".

Two parties who agree together met: the statement is also a meeting (CONSULT) of both, and the
statement is made at it. Merging then joins that meeting with the reports that tell the meeting
itself ("X received Y"), and the statement with the statements made there. Only joint statements
of two parties or more imply a meeting; a ceremony mentioned in passing ("after the signing
ceremony") names no parties acting together and implies none, and neither does a meeting still
to come ("officials were due to meet in Jakarta"): the gold codes it AGREE, and the report does not
say it was held.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from newsloom.events.parties import parties
from newsloom.events.rollup import ArticleEvent
from newsloom.events.rules import EventRules
from newsloom.events.types import Event
from newsloom.lang import load_part

#: Statement types that, made jointly by two parties, mean those parties met.
MEETING_TYPES = ("AGREE", "COOPERATE")
#: The rule name given to the evidence of an implied meeting (prefixed to the statement's rule).
IMPLIED_RULE = "implied-meeting"


def implied_meetings(groups: Sequence[ArticleEvent]) -> list[ArticleEvent]:
    """The article-level events with a meeting added for each joint statement of two parties or more
    made at no meeting; those statements get the new meeting as their parent."""
    numbers = [g.group for g in groups]
    next_group = max(numbers, default=-1) + 1
    result: list[ArticleEvent] = []
    meetings: list[ArticleEvent] = []
    for group in groups:
        if not _implies_meeting(group):
            result.append(group)
            continue
        meeting = _meeting_of(group, next_group)
        meetings.append(meeting)
        result.append(replace(group, parent=next_group, mentions=_with_parent(group, next_group)))
        next_group += 1
    return [*result, *meetings]


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
