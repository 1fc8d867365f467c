"""How sentence-level event mentions roll up into article-level events.

News reports one meeting in many sentences: "A received B", then what A affirmed, urged, welcomed,
then what B said. An event-data user (GDELT, ICEWS) wants one record per thing that happened, with
every sentence that says so kept as evidence. The rules:

1. **Meetings.** CONSULT mentions whose participants are the same people (at least two in common,
   or one side's only participant) on compatible dates are one meeting: one article-level event.
   A visit to a country and the talks held during it stay two events (different participants).
2. **Statements at a meeting.** Every other mention is attached to the meeting whose participants
   it involves (the nearest before it, else the nearest after): ``parent``. Its date and place are
   the meeting's (a statement is made when and where the meeting is). The participants split into
   two sides (the meeting's source side A, target side B; an actor joins a side by being a
   participant, an organization a participant speaks for, or the participant's country).
   Statements of one PLOVER type in one direction (A->B, B->A, or A+B jointly) are one event:
   "Sơn thanked UNODC", "Sơn valued the two sides' cooperation", "Việt Nam supports UNODC's
   programmes" are one SUPPORT A->B with three evidence sentences. A statement with no target
   joins the statement of its type from the same side. A target outside the meeting (ASEAN) makes
   its own event.
3. **Statements with no meeting** roll up when type, source and target (or no target) agree.

``rollup`` sets ``Event.group`` and ``Event.parent``; ``article_events`` rebuilds the article-level
events (with the corpus keys merging uses) from a rolled-up article.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from newsloom.events.actors import identity_keys, same_actor
from newsloom.events.types import Actor, Event

#: Two dates this many days apart or less can be one event (time zones, "late on the 21st").
DATE_TOLERANCE_DAYS = 1
#: Where a date came from, best first; only these disagree in earnest.
EXPLICIT_DATE_SOURCES = ("time", "previous", "meeting")


@dataclass(frozen=True)
class ArticleEvent:
    """One article-level event: its sentence mentions and the keys used to merge it across articles."""

    group: int
    type: str
    mode: str | None
    parent: int | None
    mentions: tuple[Event, ...]
    joint: bool
    source_actors: tuple[Actor, ...]
    target_actors: tuple[Actor, ...]
    src_keys: frozenset[str]  # identity keys of the source side (actors and the side they speak for)
    tgt_keys: frozenset[str]
    date: str | None
    date_end: str | None
    precision: str | None
    date_source: str
    location: str | None
    location_source: str | None

    @property
    def participants(self) -> tuple[Actor, ...]:
        return _unique([*self.source_actors, *self.target_actors])

    @property
    def primary(self) -> Event:
        return self.mentions[0]

    @property
    def model_only(self) -> bool:
        """Found by the learned classifier alone (no trigger rule read it)."""
        return all(m.classifier == "model" for m in self.mentions)


# -- helpers ---------------------------------------------------------------------------------------


def _unique(actors: Sequence[Actor]) -> tuple[Actor, ...]:
    seen: dict[str, Actor] = {}
    for actor in actors:
        seen.setdefault(actor.key, actor)
    return tuple(seen.values())


def _day(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _yearless(value: str | None) -> bool:
    return bool(value) and str(value).startswith("XXXX")


def _in_year_2000(value: str | None) -> str | None:
    """Any date moved to the leap year 2000, to compare month and day only."""
    return "2000" + value[4:] if value and len(value) >= 10 else value


def dates_compatible(a_start: str | None, a_end: str | None, b_start: str | None, b_end: str | None) -> bool:
    """Within DATE_TOLERANCE_DAYS of each other, or overlapping ranges; unknown dates are compatible.

    A date without its year ("XXXX-10-24": no publication date to resolve it against) is compared by
    month and day.
    """
    if any(_yearless(v) for v in (a_start, b_start)):
        a_start, a_end, b_start, b_end = (_in_year_2000(v) for v in (a_start, a_end, b_start, b_end))
    a0, b0 = _day(a_start), _day(b_start)
    if a0 is None or b0 is None:
        return True
    a1, b1 = _day(a_end) or a0, _day(b_end) or b0
    return (a0 - b1).days <= DATE_TOLERANCE_DAYS and (b0 - a1).days <= DATE_TOLERANCE_DAYS


def relates(actor: Actor, side: Sequence[Actor]) -> bool:
    """Whether an actor belongs to a side: is a member, speaks for one, or is a member's country."""
    for member in side:
        if same_actor(actor, member):
            return True
        if (
            actor.country
            and actor.country == member.country
            and {actor.type, member.type} & {"place", "organization"}
        ):
            return True  # Việt Nam, or its National Assembly, is on the side of the Vietnamese participant
    return False


def matched_participants(first: Sequence[Actor], second: Sequence[Actor]) -> int:
    """How many participants of the smaller list are in the other (a person and the organization
    they speak for count as one)."""
    small, large = (first, second) if len(first) <= len(second) else (second, first)
    return sum(1 for p in _unique(small) if any(same_actor(p, q) for q in large))


def participants_match(first: Sequence[Actor], second: Sequence[Actor], strict: bool = False) -> bool:
    """Two meetings have the same participants: two in common, or all of the smaller one. Across
    articles (``strict``) one participant alone is not enough: a minister meets many people a day."""
    small = min(len(_unique(first)), len(_unique(second)))
    if not small:
        return False
    matched = matched_participants(first, second)
    return matched >= 2 or (not strict and matched >= 1 and matched == small)


def _explicit(event: Event) -> bool:
    return event.date_source in ("time", "previous")


# -- roll-up ---------------------------------------------------------------------------------------


@dataclass
class _Meeting:
    members: list[int]
    sources: list[Actor]
    targets: list[Actor]
    date: str | None = None
    date_end: str | None = None
    precision: str | None = None
    date_source: str = "none"
    location: str | None = None
    location_source: str | None = None

    @property
    def participants(self) -> tuple[Actor, ...]:
        return _unique([*self.sources, *self.targets])


def _attends_gathering(event: Event) -> bool:
    """A CONSULT read as attending a gathering (a forum, a conference, a ceremony: PLOVER mode
    ``multilateral``), not as a meeting of its participants."""
    return event.mode == "multilateral"


def _meetings(events: Sequence[Event]) -> list[_Meeting]:
    meetings: list[_Meeting] = []
    for index, event in enumerate(events):
        if event.type != "CONSULT":
            continue
        actors = [*event.source_actors, *event.target_actors]
        for meeting in meetings:
            first = events[meeting.members[0]]
            # a gathering attended and a meeting held are one only with two participants in common:
            # "Tổng thống Nam Phi dự Diễn đàn Doanh nghiệp" is not his talks with the Chairman
            other_kind = _attends_gathering(first) != _attends_gathering(event)
            if participants_match(meeting.participants, actors, strict=other_kind) and (
                not (_explicit(first) and _explicit(event))
                or dates_compatible(first.date, first.date_end, event.date, event.date_end)
            ):
                meeting.members.append(index)
                meeting.sources.extend(event.source_actors)
                meeting.targets.extend(a for a in event.target_actors if not relates(a, meeting.sources))
                break
        else:
            meetings.append(_Meeting([index], list(event.source_actors), list(event.target_actors)))
    for meeting in meetings:
        members = [events[i] for i in meeting.members]
        best = next((e for e in members if e.date_source == "time"), None) or next(
            (e for e in members if e.date_source == "previous"), members[0]
        )
        meeting.date, meeting.date_end, meeting.precision = best.date, best.date_end, best.precision
        meeting.date_source = best.date_source
        placed = next((e for e in members if e.location_source in ("sentence", "visit")), None) or members[0]
        meeting.location, meeting.location_source = placed.location, placed.location_source
    return meetings


def _involvement(event: Event, meeting: _Meeting) -> int:
    """How much a statement involves a meeting: 2 for each of its actors that is a participant (or
    speaks for one), 1 for each that only shares a participant's country; 0 for none."""
    participants = meeting.participants
    score = 0
    for actor in _unique([*event.source_actors, *event.target_actors]):
        if any(same_actor(actor, p) for p in participants):
            score += 2
        elif actor.type in ("place", "organization") and relates(actor, participants):
            score += 2  # a country speaks through its participant ("Việt Nam sẵn sàng ...")
        elif relates(actor, participants):
            score += 1
    return score


def _parent(index: int, event: Event, events: Sequence[Event], meetings: Sequence[_Meeting]) -> int | None:
    """The meeting a statement was made at: the nearest before it involving its actors, else the one
    after it that it involves most (a lead sentence before the meeting is told)."""
    candidates = []
    for number, meeting in enumerate(meetings):
        involvement = _involvement(event, meeting)
        if not involvement or _told_as_background(event, meeting):
            continue
        first = events[meeting.members[0]]
        candidates.append((involvement, number, first.sentence))
    if not candidates:
        return None
    # "Trong các cuộc gặp với ông A và ông B, các bên nhất trí": a statement naming a guest is not
    # filed under a meeting with another guest
    named = [c for c in candidates if not _names_another_guest(event, meetings[c[1]])]
    if not named:
        return None
    candidates = named
    direct = [c for c in candidates if c[0] >= 2]
    candidates = direct or candidates
    before = [c for c in candidates if c[2] <= event.sentence]
    if before:  # the meeting told last before the statement that it involves most: of a host's
        # meetings with X, Y and Z, "with Y, the two sides agreed" was said at Y's
        return max(before, key=lambda c: (c[0], c[2], -c[1]))[1]
    return min(candidates, key=lambda c: (-c[0], c[2]))[1]  # a lead: the meeting it involves most


#: A statement its own clause dates this many days or more before a meeting was not made there.
BACKGROUND_DAYS = 30


def _told_as_background(event: Event, meeting: _Meeting) -> bool:
    """Whether a statement's own clause dates it well before the meeting ("Hai nước thiết lập quan
    hệ ngoại giao ngày 22-12-1993" in a report of the 2025 talks): a past act told as background,
    not said at the meeting. A date after the meeting ("agreed to meet again on 5 March") is what
    was agreed there, and keeps it at the meeting. An act the report dates a day or more before
    the meeting's day from the day told ("a day after police arrested ...") was not done there."""
    said, held = _day(event.date_end or event.date), _day(meeting.date)
    if said is None or held is None:
        return False
    if event.date_source == "previous" and meeting.date_source in ("time", "previous"):
        # counted back from the day told ("The talks came a day after police arrested ..."): an
        # act done before the meeting's day was not done at it
        return (held - said).days >= 1
    return event.date_source == "time" and (held - said).days >= BACKGROUND_DAYS


def _names_another_guest(event: Event, meeting: _Meeting) -> bool:
    """Whether a statement names a person who is no participant of ``meeting`` while the meeting has
    a participant it does not name (nor their country): each was with someone else ("With Kubayi,
    he agreed" is not said at the meeting with Naghiyev, nor at the one with Mozambique)."""
    actors = _unique([*event.source_actors, *event.target_actors])
    participants = meeting.participants
    outsider = any(
        a.type == "person" and not any(same_actor(a, p) or relates(a, [p]) for p in participants)
        for a in actors
    )
    if not outsider:
        return False
    return any(not any(same_actor(a, p) or relates(a, [p]) for a in actors) for p in participants)


def _side(actors: Sequence[Actor], meeting: _Meeting) -> str | None:
    in_a = any(relates(a, meeting.sources) for a in actors)
    in_b = any(relates(a, meeting.targets) for a in actors)
    if in_a and in_b:
        return "AB"
    if in_a:
        return "A"
    if in_b:
        return "B"
    return None


_OTHER = {"A": "B", "B": "A"}


def _speakers(actors: Sequence[Actor], meeting: _Meeting) -> str | None:
    """At a meeting read with no other side ("X and Y attended the forum": every participant on side
    A), the participants a statement's source speaks for, when they are not all of them: "A:" and
    their keys. Chính's call on businesses and Ramaphosa's at that forum are two statements, not
    one of the whole side."""
    if meeting.targets:
        return None
    members = _unique(meeting.sources)
    speakers = sorted({m.key for m in members if any(relates(a, [m]) for a in actors)})
    return "A:" + "|".join(speakers) if 0 < len(speakers) < len(members) else None


def direction(event: Event, meeting: _Meeting) -> tuple[str | None, str | None]:
    """(source side, target side) of a statement at a meeting; None when not known."""
    src = _side(event.source_actors, meeting)
    if src == "A":
        src = _speakers(event.source_actors, meeting) or src
    tgt = _side(event.target_actors, meeting) if event.target_actors else None
    if src is None and tgt in _OTHER:
        src = _OTHER[tgt]
    if event.joint and src == "AB":
        tgt = None
    if tgt is None and event.target_actors and src in _OTHER:
        tgt = None  # an outside target (ASEAN): keyed by its actors, not a side
    if src == tgt and src is not None:
        tgt = None
    return src, tgt


def rollup(events: Sequence[Event]) -> list[Event]:
    """Set ``group`` and ``parent`` of each sentence-level event, and give statements their meeting's date."""
    events = list(events)
    meetings = _meetings(events)
    group_of: dict[int, int] = {}
    for number, meeting in enumerate(meetings):
        for index in meeting.members:
            group_of[index] = number
    parent_meeting = _group_statements(events, meetings, group_of)
    # number groups in reading order
    order = sorted(set(group_of.values()), key=lambda g: min(i for i, x in group_of.items() if x == g))
    renumber = {old: new for new, old in enumerate(order)}
    meeting_group = {number: renumber[number] for number in range(len(meetings))}
    result: list[Event] = []
    for index, event in enumerate(events):
        group = renumber[group_of[index]]
        parent = parent_meeting.get(index)
        if parent is None:
            result.append(replace(event, group=group, parent=None))
        else:
            result.append(_at_meeting(event, meetings[parent], group, meeting_group[parent]))
    return result


def at_rule_meetings(ruled: Sequence[Event], rolled: Sequence[Event], alone: Sequence[Event]) -> list[Event]:
    """The statements the classifier alone found (``alone``, rolled up among themselves), each
    filed under the meeting the rules read that it was told at, as a rule statement would be
    (:func:`_parent`): "X received Y yesterday. ... Y replied that ..." is said at that meeting, on
    its day, not on the publication day. They keep their own groups (the rules' groups do not
    change); only their meeting, date and place are the meeting's. ``rolled`` is ``rollup(ruled)``."""
    meetings = _meetings(list(ruled))
    if not meetings:
        return list(alone)
    meeting_group = [rolled[m.members[0]].group for m in meetings]
    result: list[Event] = []
    for event in alone:
        parent = (
            None
            if event.type == "CONSULT" or event.parent is not None
            else _parent(-1, event, ruled, meetings)
        )
        if parent is None:
            result.append(event)
        else:
            result.append(_at_meeting(event, meetings[parent], event.group, meeting_group[parent]))
    return result


def _statement_key(event: Event, meeting: _Meeting, parent: int) -> tuple[object, ...]:
    """(meeting, type, source side, target side): "*" where the statement names no target."""
    src, tgt = direction(event, meeting)
    target_part: object = tgt or (
        frozenset(a.key for a in event.target_actors) if event.target_actors else "*"
    )
    source_part: object = src or frozenset(a.key for a in event.source_actors)
    return (parent, event.type, source_part, target_part)


def _group_statements(
    events: list[Event], meetings: list[_Meeting], group_of: dict[int, int]
) -> dict[int, int | None]:
    """Group the statements (fills ``group_of``); return each one's meeting (None: made at none)."""
    parent_meeting: dict[int, int | None] = {}
    keys: dict[tuple[object, ...], int] = {}
    pending: list[tuple[int, tuple[object, ...]]] = []
    loose: list[int] = []
    next_group = len(meetings)
    for index, event in enumerate(events):
        if event.type == "CONSULT":
            continue
        parent = _parent(index, event, events, meetings)
        parent_meeting[index] = parent
        if parent is None:
            loose.append(index)
            continue
        key = _statement_key(event, meetings[parent], parent)
        if key[3] == "*":
            pending.append((index, key))
            continue
        if key not in keys:
            keys[key] = next_group
            next_group += 1
        group_of[index] = keys[key]
    for index, key in pending:
        same = [g for k, g in keys.items() if k[:3] == key[:3]]
        if same:
            group_of[index] = min(same)
        else:
            keys[key] = next_group
            group_of[index] = next_group
            next_group += 1
    _group_loose(events, loose, group_of, next_group)
    return parent_meeting


def _group_loose(events: list[Event], loose: list[int], group_of: dict[int, int], next_group: int) -> None:
    """Statements made at no meeting: one group per matching statement."""
    loose_groups: list[tuple[int, Event]] = []
    for index in loose:
        event = events[index]
        for number, representative in loose_groups:
            if _statements_match(representative, event):
                group_of[index] = number
                break
        else:
            loose_groups.append((next_group, event))
            group_of[index] = next_group
            next_group += 1


def _at_meeting(event: Event, meeting: _Meeting, group: int, parent_group: int) -> Event:
    """A statement made at a meeting: its group, its meeting's group, the meeting's date and place."""
    changes: dict[str, object] = {"group": group, "parent": parent_group}
    if meeting.date_source in ("time", "previous"):
        changes.update(date=meeting.date, date_end=meeting.date_end, precision=meeting.precision)
        changes["date_source"] = "meeting"
    if meeting.location:  # said where the meeting was; a place in the statement is its content
        changes.update(location=meeting.location, location_source="meeting")
    return replace(event, **changes)  # type: ignore[arg-type]


def _statements_match(first: Event, second: Event) -> bool:
    if first.type != second.type:
        return False
    if not any(same_actor(a, b) for a in first.source_actors for b in second.source_actors):
        return False
    both_targeted = bool(first.target_actors and second.target_actors)
    if both_targeted and not any(same_actor(a, b) for a in first.target_actors for b in second.target_actors):
        return False
    return dates_compatible(first.date, first.date_end, second.date, second.date_end)


# -- article-level events --------------------------------------------------------------------------


def _keys(actors: Sequence[Actor]) -> set[str]:
    keys: set[str] = set()
    for actor in actors:
        keys.update(identity_keys(actor))
    return keys


def _vote(values: Sequence[str | None]) -> str | None:
    counted: dict[str, int] = {}
    for value in values:
        if value:
            counted[value] = counted.get(value, 0) + 1
    return max(counted, key=lambda v: counted[v]) if counted else None


def article_events(events: Sequence[Event]) -> list[ArticleEvent]:
    """The article-level events of rolled-up sentence events (grouped by ``Event.group``)."""
    groups: dict[int, list[Event]] = {}
    for event in events:
        groups.setdefault(event.group, []).append(event)
    meetings: dict[int, _Meeting] = {}
    for number, members in groups.items():
        if members[0].type == "CONSULT":
            sources: list[Actor] = []
            targets: list[Actor] = []
            for event in members:
                sources.extend(event.source_actors)
                targets.extend(a for a in event.target_actors if not relates(a, sources))
            meetings[number] = _Meeting([], sources, targets)
    result: list[ArticleEvent] = []
    for number in sorted(groups):
        members = groups[number]
        first = members[0]
        sources = list(_unique([a for e in members for a in e.source_actors]))
        targets = [
            a
            for a in _unique([a for e in members for a in e.target_actors])
            if a.key not in {s.key for s in sources}
        ]
        joint = any(e.joint for e in members)
        src_keys = _keys(sources)
        tgt_keys = _keys(targets)
        parent = first.parent
        if parent is not None and parent in meetings:
            meeting = meetings[parent]
            src, tgt = direction(
                replace(first, source_actors=tuple(sources), target_actors=tuple(targets)), meeting
            )
            side = {"A": meeting.sources, "B": meeting.targets, "AB": [*meeting.sources, *meeting.targets]}
            if src in side:
                src_keys |= _keys(side[src])
            if tgt in side:
                tgt_keys |= _keys(side[tgt])
        best = next((e for e in members if e.date_source in EXPLICIT_DATE_SOURCES), first)
        placed = next((e for e in members if e.location_source in ("sentence", "visit", "meeting")), first)
        result.append(
            ArticleEvent(
                group=number,
                type=first.type,
                mode=_vote([e.mode for e in members]),
                parent=parent,
                mentions=tuple(members),
                joint=joint,
                source_actors=tuple(sources),
                target_actors=tuple(targets),
                src_keys=frozenset(src_keys),
                tgt_keys=frozenset(tgt_keys),
                date=best.date,
                date_end=best.date_end,
                precision=best.precision,
                date_source=best.date_source,
                location=placed.location,
                location_source=placed.location_source,
            )
        )
    return result
