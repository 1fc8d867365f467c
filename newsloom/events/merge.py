"""Corpus-level, incremental event merging: one event for one real-world event, all its sources kept.

``merge_article_events(conn, article)`` runs after the article's stages, inside its transaction.
Each article-level event (see ``newsloom/events/rollup.py``) is compared with the stored events it
can be, found through indexed blocking keys (an actor key and a month-day; for a statement, the
meeting it was made at), never by scanning. It joins the best compatible one or starts a new one:

- same PLOVER type;
- compatible dates: within a day, or overlapping ranges (a date without its year compares by
  month and day); unknown dates are compatible;
- meetings (CONSULT): the same participants (two in common, or all of the smaller side's; a person
  and the organization they speak for count as one); places must agree unless two participants do;
- statements: made at the same stored meeting (or neither at one), the same direction (joint or
  not), overlapping source side, and overlapping targets when both name one;
- acts done at a place (an arrest, an attack, a protest): no two places their sentences name apart
  ("Vietnamese police" arrested some in Hai Phong and others in Da Nang that day: two arrests).

Each source keeps its sentence, language and path; disagreements (date, place, participants) are
computed from the sources by ``discrepancies``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from datetime import date
from threading import Lock
from typing import Any

from newsloom.article import Article, MetaField
from newsloom.events import stored as store
from newsloom.events.actors import country_name, fold, identity_keys, is_state, same_actor
from newsloom.events.gatherings import MEETING_KEY, TOLD_KEY, gathering_name, told_name, venue_key
from newsloom.events.implicit import implied_meetings
from newsloom.events.parties import (
    Roles,
    entity_ids,
    matched_parties,
    own_side,
    parties,
    parties_match,
    roles_from_rows,
    stored_roles,
    with_roles,
)
from newsloom.events.places import place_entry, same_place
from newsloom.events.rollup import ArticleEvent, article_events, dates_compatible
from newsloom.events.types import Actor
from newsloom.events.years import (
    has_unsaid_days,
    has_yearless_dates,
    story_span,
    undated_story_members,
    with_story_days,
    with_story_years,
)
from newsloom.lang import load_part
from newsloom.serialize import from_dict
from newsloom.store import Connection
from newsloom.store import entities as entity_rows

#: Sources whose dates come from the text (not the publication date) disagree in earnest.
EXPLICIT = ("time", "previous", "meeting", "story")


def article_signature(article: Article) -> str:
    """A hash of an article's events: merging the same events again changes nothing."""
    payload = json.dumps([e.to_dict() for e in article.events], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _compatible(
    group: ArticleEvent,
    stored: store.StoredEvent,
    parent_id: int | None,
    around: frozenset[str] = frozenset(),
    own: frozenset[str] = frozenset(),
    stored_model_only: bool = False,
    gatherings: frozenset[int] = frozenset(),
    same_venue: bool = False,
) -> int:
    """A score > 0 when ``group`` can be ``stored`` (higher is a better match), else 0. ``around``:
    the keys of the stored event's meeting; ``own``: those of the group's (``parent_id``);
    ``gatherings``: which of those meetings are multilateral (their attendees are never all named);
    ``same_venue``: both are meetings at one named venue (``events/gatherings.py``)."""
    if group.type != stored.type:
        return 0
    if not dates_compatible(group.date, group.date_end, stored.date, stored.date_end):
        return 0
    gathering = _one_gathering(group, stored)
    if group.type == "CONSULT" and not (group.participants and stored.participants):
        # a gathering told by its name alone ("the ceremony opened at the Centre") is the one
        # multilateral meeting held at that venue that day, whoever the other report names
        return 10 if gathering and same_venue else 0
    if group.model_only and not _adds_nothing(group, stored, gathering):
        return 0
    if stored_model_only and not _confirms(group, stored, gathering):
        return 0
    if group.type == "CONSULT":
        return _meeting_score(group, stored)
    if stored.parent_id != parent_id:
        # a statement at a meeting belongs with that meeting's statements; one told without its
        # meeting joins them only when all its actors took part in that meeting
        # at a multilateral gathering anyone acting took part ("Quang signed first, on behalf of Việt
        # Nam" is the signing told at the ceremony by another report, though no report names him there)
        if parent_id is None and not (
            stored.parent_id and (_within(group.participants, around) or stored.parent_id in gatherings)
        ):
            return 0
        if stored.parent_id is None and not (
            parent_id and (_within(stored.participants, own) or parent_id in gatherings)
        ):
            return 0
        if parent_id is not None and stored.parent_id is not None:
            return 0
        around = around or own
    score = _statement_score(group, stored, parent_id, around)
    return score + 1 if score and parent_id is not None and stored.parent_id == parent_id else score


def _meeting_score(group: ArticleEvent, stored: store.StoredEvent) -> int:
    """Meetings: the same parties (see ``newsloom.events.parties``), and no other city named."""
    ours, theirs = meeting_parties(group), meeting_parties(stored)
    single = len(parties(ours)) == 1 or len(parties(theirs)) == 1  # one party: "Ramaphosa -> Vietnam"
    # a gathering attended is another meeting than a visit paid or received that day by one of its
    # attendees ("Tổng thống Nam Phi dự Diễn đàn Doanh nghiệp" is not his talks with the Chairman)
    other_kind = {group.mode, stored.mode} == {"multilateral", "visit"}
    strict = other_kind or not (single and group.date and group.date == stored.date)
    if not parties_match(ours, theirs, strict=strict):
        return 0
    shared, exact = matched_parties(ours, theirs)
    named_place = group.location if group.location_source in ("sentence", "visit") else None
    if named_place and stored.location_key and stored.location_key != fold(named_place) and shared < 2:
        return 0  # one participant in common and another city: another meeting
    return 10 + shared + exact + (2 if group.date == stored.date else 0)


def _statement_score(
    group: ArticleEvent, stored: store.StoredEvent, parent_id: int | None, around: frozenset[str]
) -> int:
    """Statements (same meeting already checked): the same direction, a source in common, nobody
    new on both sides, and targets that agree."""
    if group.joint != stored.joint:
        single = stored if group.joint else group
        if single.target_actors or parent_id is None:
            return 0  # "X agreed with Y" is not "X and Y agreed"; with no target, at one meeting, it is
    source_overlap = len(group.src_keys & stored.src_keys)
    if not source_overlap:
        return 0
    if _country_link_only(group, stored) and not (
        (parent_id is not None and stored.parent_id == parent_id) or group.tgt_keys & stored.tgt_keys
    ):
        return 0  # "Việt Nam was ready to contribute to peacekeeping" is not what it offered South Africa
    # around: the participants of its meeting. Either side may name fewer actors than the other
    # (whichever came first), not both others: "Lương Cường and Ramaphosa agreed" is not what
    # Lương Cường offered the UN
    if _has_stranger(
        group.participants, stored.src_keys | stored.tgt_keys | around, stored.participants
    ) and (_has_stranger(stored.participants, group.src_keys | group.tgt_keys | around, group.participants)):
        return 0
    if group.tgt_keys and stored.tgt_keys and not (group.tgt_keys & stored.tgt_keys):
        named_alike = any(same_actor(a, b) for a in group.target_actors for b in stored.target_actors)
        other_side = parent_id is not None and _participant_or_country(
            group.target_actors, stored.target_actors, around, group.source_actors
        )
        if not (named_alike or other_side):  # "Cyril Ramaphosa" and "Matamela Cyril Ramaphosa" linked apart
            return 0
    return (
        1 + source_overlap + len(group.tgt_keys & stored.tgt_keys) + (2 if group.date == stored.date else 0)
    )


def _country_link_only(group: ArticleEvent, stored: store.StoredEvent) -> bool:
    """Whether two statements share a source only through a country: a country says many things a
    day, so such statements are one only at one meeting or towards one target."""
    shared = group.src_keys & stored.src_keys
    countries = {a.key for a in (*group.source_actors, *stored.source_actors) if a.type == "place"}
    return bool(shared) and shared <= countries


def meeting_parties(event: ArticleEvent | store.StoredEvent) -> tuple[Actor, ...]:
    """The participants of a meeting as parties. A country on the target side is where a visit went
    ("Guterres visits Vietnam"), not who was met: beside a named visitor it is no party at all
    ("Ramaphosa -> Vietnam" is one party, Ramaphosa, on that day). Between countries alone ("the
    first visit of a South African president to Vietnam") the host country stands for its side."""
    sources = tuple(event.source_actors)
    # a host receives his counterparts: a country among them stands for its delegation, not a
    # destination ("received the heads of delegation of Mozambique, Azerbaijan, ...")
    if isinstance(event, store.StoredEvent):
        hosted = event.host == "source"
    else:
        hosted = any(m.host == "source" for m in event.mentions)
    named = not hosted and any(a.type in ("person", "organization") for a in sources)
    countries_only = all(a.type == "place" for a in event.participants)
    targets = tuple(
        a if countries_only or hosted or a.type != "place" else replace(a, country=None)
        for a in event.target_actors
        if not (named and a.type == "place")
    )
    keys = {a.key for a in sources}
    return (*sources, *(a for a in targets if a.key not in keys))


def _one_gathering(group: ArticleEvent, stored: store.StoredEvent) -> bool:
    """Whether two meetings of one day are one multilateral gathering's reports (either is read as
    multilateral): each report names some of the many who attended ("chaired by Lương Cường and
    attended by Guterres", "Lương Cường chaired the opening ceremony"), so a report may name someone
    the other does not without widening anything."""
    return (
        group.type == "CONSULT"
        and "multilateral" in (group.mode, stored.mode)
        and group.date is not None
        and group.date == stored.date
    )


def _adds_nothing(group: ArticleEvent, stored: store.StoredEvent, gathering: bool = False) -> bool:
    """Whether an event the classifier alone found may join a stored one: the same day; a link to
    it (a linked person or body of the stored event in common, or, when it names only countries,
    countries of the stored event or the states of its people: beside a person or body, a country,
    or the body a person only speaks for, is too wide a link); no person or body the stored event does not have; and a country on its source
    side one of the stored event's keys or the state of a person or body beside it ("Thongloun
    Sisoulith, Laos" is one participant, as in ``parties``). It confirms a reading, never widens one."""
    keys = stored.src_keys | stored.tgt_keys
    # its own people and bodies: a person's body is no link ("Guterres" reads nothing of the UN's)
    shared = {a.key for a in group.participants} & keys
    named = {a.key for a in stored.participants if a.type in ("person", "organization")}
    states = {a.country for a in stored.participants if a.type in ("person", "organization") and a.country}
    places = {a.key for a in stored.participants if a.type == "place"}
    countries_only = bool(group.participants) and all(
        a.type == "place" and (a.key in places or a.country in states) for a in group.participants
    )
    return (
        group.date == stored.date
        and (any(k.startswith("entity:") and k in named for k in shared) or countries_only)
        and (gathering or not _has_stranger(group.participants, keys, stored.participants))
        # countries alone are each already a stored participant's state
        and (countries_only or all(_known_place(a, keys, group.source_actors) for a in group.source_actors))
    )


def _known_place(actor: Actor, keys: frozenset[str], participants: Sequence[Actor]) -> bool:
    """Whether ``actor`` is no place, or one of ``keys``, or the country of a person or body among
    ``participants`` (a country beside its own person adds nobody to a meeting)."""
    if actor.type != "place" or actor.key in keys:
        return True
    return bool(actor.country) and any(
        p.type in ("person", "organization") and p.country == actor.country for p in participants
    )


def _confirms(group: ArticleEvent, stored: store.StoredEvent, gathering: bool = False) -> bool:
    """Whether a rule-backed event may join one the classifier alone found: the same conditions the
    other way round (the stored reading names nobody the new one does not; a reading of countries
    only is confirmed by their people: "the first visit of a South African president to Vietnam")."""
    keys = group.src_keys | group.tgt_keys
    states = {a.country for a in group.participants if a.type in ("person", "organization") and a.country}
    countries_only = bool(stored.participants) and all(
        a.type == "place" and (a.key in keys or a.country in states) for a in stored.participants
    )
    return (
        group.date == stored.date
        and (
            any(k.startswith("entity:") for k in keys & (stored.src_keys | stored.tgt_keys)) or countries_only
        )
        and (gathering or not _has_stranger(stored.participants, keys, group.participants))
    )


def _within(actors: Sequence[Actor], keys: frozenset[str]) -> bool:
    """Whether every person or organization among ``actors`` (one at least) is one of ``keys``."""
    named = [a for a in actors if a.type in ("person", "organization")]
    return bool(named) and all(identity_keys(a) & keys for a in named)


def _has_stranger(actors: Sequence[Actor], known: frozenset[str], others: Sequence[Actor]) -> bool:
    """Whether a person or organization among ``actors`` is none of the ``known`` keys or ``others``."""
    return any(
        a.type in ("person", "organization")
        and not (identity_keys(a) & known)
        and not any(same_actor(a, b) for b in others)
        for a in actors
    )


def _participant_or_country(
    first: Sequence[Actor], second: Sequence[Actor], around: frozenset[str], sources: Sequence[Actor]
) -> bool:
    """At one meeting, "Mẫn proposed to Ramaphosa" and "the Assembly values ties with South Africa"
    address one side: one target list is meeting participants, the other a country not the speakers'."""
    own = {a.country for a in sources if a.country}

    def participants(actors: Sequence[Actor]) -> bool:
        return bool(actors) and all(identity_keys(a) & around for a in actors)

    def foreign_country(actors: Sequence[Actor]) -> bool:
        return bool(actors) and all(a.type == "place" and a.country and a.country not in own for a in actors)

    return (participants(first) and foreign_country(second)) or (
        participants(second) and foreign_country(first)
    )


def _with_stored_roles(event: store.StoredEvent, roles: Roles) -> store.StoredEvent:
    sources = tuple(with_roles(a, roles) for a in event.source_actors)
    targets = tuple(with_roles(a, roles) for a in event.target_actors)
    unchanged = all(a is b for a, b in zip((*sources, *targets), event.participants, strict=True))
    return event if unchanged else replace(event, source_actors=sources, target_actors=targets)


@dataclass
class _RolesRead:
    """The stored roles read during one merge step: merging writes no roles (entity linking does,
    before it), so within a step each entity's role rows, and each body's role holders, are read
    once, whichever set of keys asks for them (#18)."""

    holders: dict[int, list[int]] = field(default_factory=dict)  # body id -> who holds a role of it
    rows: dict[int, list[entity_rows.RoleRow]] = field(default_factory=dict)  # entity id -> its roles
    roles: dict[frozenset[str], Roles] = field(default_factory=dict)  # keys asked for -> their roles


_ROLES_READ: ContextVar[_RolesRead | None] = ContextVar("roles_read", default=None)

#: An article's groups as :func:`_story_dated` read them during one merge step, by article: they
#: depend on its entity links, the stored roles and its story's span, none of which merging writes,
#: so a new article's groups found for its neighbourhood are the ones it is merged with (#18).
_GROUPS_READ: ContextVar[dict[str, tuple[Article, StoryDated]] | None] = ContextVar(
    "groups_read", default=None
)


#: The articles :func:`_load` built during one merge step, with their events' hash, by id.
_SIGNED: ContextVar[dict[str, tuple[Article, str]] | None] = ContextVar("signed", default=None)


@contextmanager
def _merge_step() -> Iterator[None]:
    """One merge step: stored roles and each article's groups read once inside the block, and each
    event's key and actor rows rewritten only where they change (``store.remembering_writes``)."""
    token, groups, signed = _ROLES_READ.set(_RolesRead()), _GROUPS_READ.set({}), _SIGNED.set({})
    try:
        with store.remembering_writes():
            yield
    finally:
        _SIGNED.reset(signed)
        _GROUPS_READ.reset(groups)
        _ROLES_READ.reset(token)


def _stored_roles(conn: Connection, keys: Iterable[str]) -> Roles:
    """:func:`stored_roles`; inside :func:`_merge_step` from the rows read once per entity."""
    read = _ROLES_READ.get()
    wanted = frozenset(keys)
    if read is None:
        return stored_roles(conn, wanted)
    if wanted not in read.roles:
        ids = entity_ids(wanted)
        new = [i for i in ids if i not in read.holders]
        if new:
            found = entity_rows.role_holders(conn, new)
            read.holders.update((i, found.get(i, [])) for i in new)
        everyone = sorted(set(ids) | {h for i in ids for h in read.holders[i]})
        missing = [i for i in everyone if i not in read.rows]
        if missing:
            read.rows.update((i, []) for i in missing)
            for row in entity_rows.roles_of(conn, missing):
                read.rows[row.entity_id].append(row)
        # by entity id, then as each entity's rows were read: the order of one roles_of query
        read.roles[wanted] = roles_from_rows([row for i in everyone for row in read.rows[i]])
    return read.roles[wanted]


def find_match(conn: Connection, group: ArticleEvent, parent_id: int | None) -> int | None:
    """The id of the stored event this article-level event reports, if any (indexed lookups only)."""
    match = best_match(conn, group, parent_id)
    return match.id if match is not None else None


def best_match(conn: Connection, group: ArticleEvent, parent_id: int | None) -> store.StoredEvent | None:
    """The stored event this article-level event reports, if any, as it is stored now."""
    candidates: dict[int, store.StoredEvent] = {}
    days = store.day_keys(group.date, group.date_end, slack=1)
    venue = group_venue(group)
    # the statements at its meeting, and by its actors, its participants' states and its venue:
    # one lookup (#18)
    at_parent, (by_keys, by_state, at_venue) = store.candidates_around(
        conn,
        parent_id,
        [group.src_keys | group.tgt_keys, _state_keys(group), {venue} if venue else set()],
        days,
        group.type,
    )
    for stored in (*at_parent, *by_keys, *_by_state(group, by_state), *at_venue):
        candidates.setdefault(stored.id, stored)
    venue_ids = {s.id for s in at_venue}
    named = _naming(conn, group, venue_ids)
    for stored in by_gathering_name(conn, group):  # a gathering told with no venue, and its meeting
        candidates.setdefault(stored.id, stored)
        venue_ids.add(stored.id)
    parents = {s.parent_id for s in candidates.values() if s.parent_id} | {parent_id or 0}
    # the meetings' keys and modes, and which candidates the classifier alone found: one query
    facts = store.event_facts(conn, candidates, parents - {0})
    meetings = {i: keys for i, (keys, _) in facts.meetings.items()}
    own = meetings.get(parent_id or 0, frozenset())
    # the meetings that are multilateral (their mode as their reports vote it)
    gatherings = frozenset(i for i, (_, mode) in facts.meetings.items() if mode == "multilateral")
    # roles learnt since a candidate was stored ("Thongloun" leads the party named in a later report)
    roles = _stored_roles(conn, {a.key for s in candidates.values() for a in s.participants})
    candidates = {i: _with_stored_roles(s, roles) for i, s in candidates.items()}
    model_only = facts.model_only
    apart = _acts_apart(conn, group, candidates)
    best: tuple[int, store.StoredEvent] | None = None
    for stored in candidates.values():
        if stored.id in apart:
            continue
        around = meetings.get(stored.parent_id or 0, frozenset())
        score = _compatible(
            group, stored, parent_id, around, own, stored.id in model_only, gatherings, stored.id in venue_ids
        )
        score += 2 if score and stored.id in named else 0
        if score and (best is None or score > best[0] or (score == best[0] and stored.id < best[1].id)):
            best = (score, stored)
    return best[1] if best else None


#: Acts done at a place: two of one type and day told at places apart are two acts ("Vietnamese police
#: arrested three men in Hai Phong", "... two women in Da Nang"). Statements are not here: a place a
#: statement names is mostly what it is about.
ACTS_AT_A_PLACE = ("ASSAULT", "COERCE", "MOBILIZE", "PROTEST")


def _sentence_place(group: ArticleEvent) -> str | None:
    """The place an act's own sentence names as where it happened, when the gazetteer knows it."""
    if group.type not in ACTS_AT_A_PLACE or group.location_source != "sentence" or not group.location:
        return None
    return group.location if place_entry(group.location) is not None else None


def _acts_apart(conn: Connection, group: ArticleEvent, candidates: dict[int, store.StoredEvent]) -> set[int]:
    """The candidates whose reports' sentences name places where ``group`` was not: each names a
    place the gazetteer knows, and none is its place, inside it or holding it (``same_place``). A
    dateline is where a report was filed, and a place the gazetteer does not know says nothing:
    neither counts. A city the gazetteer gives no province is apart from a province, whichever
    holds it: two arrests told apart is the safer error."""
    place = _sentence_place(group)
    if place is None or not candidates:
        return set()
    apart = set()
    for event_id, rows in store.source_rows_of(conn, sorted(candidates)).items():
        named = {
            r.location
            for r in rows
            if r.location and r.location_source == "sentence" and place_entry(r.location) is not None
        }
        if named and not any(same_place(place, other) for other in named):
            apart.add(event_id)
    return apart


#: Sectors of an unnamed group that act where they are: police a sentence places in Bali are
#: Indonesia's. Not troops (they act abroad), officials (delegations travel) nor protesters (crowds
#: gather from anywhere).
LOCAL_SECTORS = ("COP",)


def with_local_groups(group: ArticleEvent) -> ArticleEvent:
    """An act whose sentence places it in one country ("police and customs officers in Bali
    arrested two men"), its unnamed police of no country given that country: the group the other
    reports name ("Indonesian police"), with its key, so the reports can be merged. The article's
    own events are left as read."""
    place = _sentence_place(group)
    entry = place_entry(place) if place else None
    code = _alpha3(entry.country) if entry is not None and entry.country else None
    if code is None:
        return group

    def local(actor: Actor) -> Actor:
        if actor.type != "group" or actor.country or actor.role not in LOCAL_SECTORS:
            return actor
        return replace(
            actor,
            key=f"group:{actor.role.lower()}:{code.lower()}",
            name=f"{country_name(code) or code} {actor.name}",
            country=code,
        )

    sources = tuple(local(a) for a in group.source_actors)
    targets = tuple(local(a) for a in group.target_actors)
    if sources == group.source_actors and targets == group.target_actors:
        return group
    mentions = tuple(
        replace(
            m,
            source_actors=tuple(local(a) for a in m.source_actors),
            target_actors=tuple(local(a) for a in m.target_actors),
        )
        for m in group.mentions
    )
    return replace(
        group,
        mentions=mentions,
        source_actors=sources,
        target_actors=targets,
        src_keys=group.src_keys.union(*map(identity_keys, sources)),
        tgt_keys=group.tgt_keys.union(*map(identity_keys, targets)),
    )


def _alpha3(alpha2: str) -> str | None:
    import pycountry

    found = pycountry.countries.get(alpha_2=alpha2.upper())
    return str(found.alpha_3) if found is not None else None


def state_candidates(
    conn: Connection, group: ArticleEvent, days: Sequence[tuple[str, str]]
) -> list[store.StoredEvent]:
    """Stored meetings found by a participant's state ("state:ZAF") where one of the two meetings is
    read between countries alone: "the first visit of a South African president to Vietnam" names
    no one, and the meeting of Ramaphosa and Lương Cường that day is keyed by its people. Between
    named people a shared state is no link, so those candidates are left to the other keys."""
    states = _state_keys(group)
    return _by_state(group, store.candidates_by_keys(conn, states, days, group.type) if states else [])


def _state_keys(group: ArticleEvent) -> set[str]:
    return store.state_keys_of(group.type, (a.country for a in group.participants))


def _by_state(group: ArticleEvent, found: Sequence[store.StoredEvent]) -> list[store.StoredEvent]:
    """Of the meetings found by a participant's state, those :func:`state_candidates` keeps."""
    if countries_only(group):
        return [s for s in found if not countries_only(s)]
    return [s for s in found if countries_only(s)]


def countries_only(event: ArticleEvent | store.StoredEvent) -> bool:
    """Whether a meeting's participants are all countries (one at least)."""
    return bool(event.participants) and all(a.type == "place" for a in event.participants)


def by_gathering_name(conn: Connection, group: ArticleEvent) -> list[store.StoredEvent]:
    """The stored meeting a gathering told by its name alone, with no venue, reports (the one
    multilateral meeting of its day one of whose reports writes that name, when exactly one does);
    or, for a meeting naming participants, the stored gathering of its day told by a name its
    report writes, when no other stored meeting of that day writes it (``events/gatherings.py``)."""
    if group.type != "CONSULT" or not group.date or group_venue(group):
        return []
    days = store.day_keys(group.date, group.date_end)
    if not group.participants:
        meetings = store.candidates_by_keys(conn, {MEETING_KEY}, days, group.type)
        named = _naming(conn, group, {s.id for s in meetings})
        return [s for s in meetings if s.id in named] if len(named) == 1 else []
    told = store.candidates_by_keys(conn, {TOLD_KEY}, days, group.type)
    if not told:
        return []
    written = " ".join(fold(m.evidence) for m in group.mentions)
    names = _told_names(conn, [s.id for s in told])
    meeting_ids = [s.id for s in store.candidates_by_keys(conn, {MEETING_KEY}, days, group.type)]
    others = store.source_sentences(conn, meeting_ids)
    found = []
    for stored in told:
        name = next((n for n in names.get(stored.id, ()) if n in written), None)
        if name and not any(name in fold(s) for sentences in others.values() for s in sentences):
            found.append(stored)
    return found


def _told_names(conn: Connection, event_ids: list[int]) -> dict[int, list[str]]:
    """The gathering names the reports of ``event_ids`` tell (the pack's ``gathering_held``)."""
    names: dict[int, list[str]] = {}
    for event_id, rows in store.source_rows_of(conn, event_ids).items():
        for row in rows:
            if row.rule.endswith(":gathering_held"):
                name = gathering_name(row.sentence, load_part(row.language, "events"))
                names.setdefault(event_id, []).extend([name] if name else [])
    return names


def _naming(conn: Connection, group: ArticleEvent, ids: set[int]) -> set[int]:
    """Which of the stored meetings ``ids`` (at the venue of a gathering told by its name alone) have
    a report writing that name: the ceremony, not the press conference held there after it."""
    name = told_name(group.primary) if ids and not group.participants else None
    if not name:
        return set()
    found = store.source_sentences(conn, sorted(ids))
    return {i for i, sentences in found.items() if any(name in fold(s) for s in sentences)}


def group_venue(group: ArticleEvent) -> str | None:
    """The venue key of a multilateral meeting at a venue its report names (see ``venue_key``)."""
    return venue_key(group.type, group.mode, group.location, group.location_source)


def corpus_keys(conn: Connection, article: Article) -> dict[str, str]:
    """In-article actor keys -> corpus entity keys ("entity:12"), from the entity linking step.

    Entity linking (``newsloom.entities.linking``) runs before merging and records which stored
    entity each mention was linked to; merging then compares "Cyril Ramaphosa" in one article and
    "Matamela Cyril Ramaphosa" in another as the one entity they are. Without linking (a store
    without the entity tables, or an article not linked) the in-article keys are used as they are.
    """
    spans = entity_rows.linked_spans(conn, article.id)
    mapping: dict[str, str] = {}
    for mention in article.entities:
        entity_id = spans.get((mention.start, mention.end))
        if entity_id is not None and mention.key:
            mapping.setdefault(fold(mention.key), f"entity:{entity_id}")
    # organizations a person speaks for may not be named in this article: find them by key
    wanted = {
        fold(k)
        for event in article.events
        for actor in (*event.source_actors, *event.target_actors)
        for k in (actor.key, *actor.affiliations)
    } - set(mapping)
    for key, entity_id in entity_rows.ids_of_keys(conn, wanted).items():
        mapping.setdefault(fold(key), f"entity:{entity_id}")
    return mapping


def _remap_actor(actor: Actor, mapping: dict[str, str], roles: Roles) -> Actor:
    remapped = replace(
        actor,
        key=mapping.get(actor.key, actor.key),
        # countries stay as they are: an affiliation to a country is not an identity (see same_actor)
        affiliations=tuple(a if is_state(a) else mapping.get(a, a) for a in actor.affiliations),
    )
    return with_roles(remapped, roles)


def remap(group: ArticleEvent, mapping: dict[str, str], roles: Roles | None = None) -> ArticleEvent:
    """An article-level event with its actor keys replaced by corpus keys, and its actors given the
    bodies they speak for and the state they belong to from the stored roles."""
    roles = roles or Roles()
    if not mapping and not roles.bodies and not roles.states:
        return group
    actor = lambda a: _remap_actor(a, mapping, roles)  # noqa: E731
    mentions = tuple(
        replace(
            m,
            source_actors=tuple(actor(a) for a in m.source_actors),
            target_actors=tuple(actor(a) for a in m.target_actors),
            source=tuple(mapping.get(k, k) for k in m.source),
            target=tuple(mapping.get(k, k) for k in m.target),
        )
        for m in group.mentions
    )
    sources = tuple(actor(a) for a in group.source_actors)
    targets = tuple(actor(a) for a in group.target_actors)
    if group.type == "CONSULT":  # the countries of the counterparts listed beside the host
        kept_sources, kept_targets = own_side(sources), own_side(targets)
        dropped = {a.key for a in (*sources, *targets)} - {a.key for a in (*kept_sources, *kept_targets)}
        sources, targets = kept_sources, kept_targets
        mentions = tuple(
            replace(
                m,
                source_actors=tuple(a for a in own_side(m.source_actors) if a.key not in dropped),
                target_actors=tuple(a for a in own_side(m.target_actors) if a.key not in dropped),
            )
            for m in mentions
        )
    return replace(
        group,
        mentions=mentions,
        source_actors=sources,
        target_actors=targets,
        src_keys=frozenset(mapping.get(k, k) for k in group.src_keys).union(*map(identity_keys, sources)),
        tgt_keys=frozenset(mapping.get(k, k) for k in group.tgt_keys).union(*map(identity_keys, targets)),
    )


#: At most this many stored articles are merged again around a new one; past it, the new article is
#: merged alone (greedily) and the result may depend on the order articles came in.
REPLAY_LIMIT = 48


def merge_article_events(conn: Connection, article: Article, replay_all: bool = False) -> list[int]:
    """Merge an article's events into the stored events; return the event ids, one per article-level
    event in reading order. Re-merging an unchanged article changes nothing.

    Merging one report at a time is greedy: which stored event a report joins could depend on which
    reports came before. So the stored articles whose events the new one could join (and those
    sharing events with them, up to ``REPLAY_LIMIT``) are merged in a fixed order (publication date,
    then article id): the same articles give the same events in any order. Those that come before
    the new article in that order were merged before it would have been, and stay as they are; only
    those after it are merged again, after it (none when reports come in the order they were
    published). ``replay_all`` merges the whole neighbourhood again (the slower way, for comparison).
    """
    signature = article_signature(article)
    previous = store.article_signature(conn, article.id)
    if previous and _same_events(previous[0], signature):
        return previous[1]
    with _merge_step():
        return _merge_with_neighbours(conn, article, signature, replay_all)


def _merge_with_neighbours(conn: Connection, article: Article, signature: str, replay_all: bool) -> list[int]:
    """:func:`merge_article_events` past its unchanged-article check."""
    # only the neighbours after the article in merge order are merged again (all with replay_all)
    replay = _neighbourhood(conn, article, None if replay_all else merge_order(article))
    if not replay:
        return _merge(conn, article, signature)
    _forget(conn, replay)
    result: list[int] = []
    for other in sorted([*replay, article], key=merge_order):
        if other.id == article.id:
            result = _merge(conn, article, signature)
        else:
            _merge(conn, other, _signature(other), forgotten=True)
    return result


def _forget(conn: Connection, articles: Sequence[Article]) -> None:
    """Take the sources of ``articles`` (to be merged again) out of their events, and refresh those
    events once, all together (one statement per table, not one per event and article)."""
    store.refresh_events(conn, store.forget_articles(conn, [a.id for a in articles]))


def merge_order(article: Article) -> tuple[str, str]:
    """The fixed order articles are merged in: publication date, then id."""
    return (article.published or "", article.id)


def _groups(conn: Connection, article: Article) -> list[ArticleEvent]:
    """The article-level events of an article with corpus keys, roles and implied meetings.

    An event no one is named in (a classifier's reading of "In the evening a banquet was held") is
    left out: with no actor key it can be neither merged nor found, so each report of it would stand
    alone as a fact nobody did. The article keeps it (sentence gold still scores it); the corpus not.
    A gathering at a venue its report names is kept: its venue and day find its meeting."""
    mapping = corpus_keys(conn, article)
    roles = _stored_roles(conn, mapping.values())
    known = _GROUPED.get(article.id)
    if known is not None and known[0] is article and known[1] == mapping and known[2] == roles:
        return list(known[3])
    groups = implied_meetings(
        [with_local_groups(remap(g, mapping, roles)) for g in article_events(article.events)]
    )
    found = _meetings_of_statements(
        [g for g in groups if g.participants or group_venue(g) or told_name(g.primary)]
    )
    _GROUPED.put(
        article.id, (article, mapping, roles, tuple(found)), ARTICLE_BYTES_PER_CHAR * len(article.text)
    )
    return found


class Memo:
    """A process-wide memo bounded by entries and by an estimate of the bytes it holds (each entry's
    given with it); past either bound the oldest entries are dropped. Thread-safe."""

    def __init__(self, limit: int, budget: int) -> None:
        self.limit = limit
        self.budget = budget
        self.entries: dict[Any, tuple[Any, int]] = {}
        self.bytes = 0
        self._lock = Lock()

    def get(self, key: Any) -> Any:
        found = self.entries.get(key)
        return found[0] if found is not None else None

    def put(self, key: Any, value: Any, size: int) -> None:
        """Remember ``value`` (about ``size`` bytes) under ``key``; one larger than the budget is not kept."""
        with self._lock:
            old = self.entries.pop(key, None)
            if old is not None:
                self.bytes -= old[1]
            if size > self.budget:
                return
            while self.entries and (len(self.entries) >= self.limit or self.bytes + size > self.budget):
                self.bytes -= self.entries.pop(next(iter(self.entries)))[1]
            self.entries[key] = (value, size)
            self.bytes += size

    def items(self) -> list[tuple[Any, Any]]:
        with self._lock:
            return [(key, value) for key, (value, _) in self.entries.items()]

    def clear(self) -> None:
        with self._lock:
            self.entries.clear()
            self.bytes = 0

    def __len__(self) -> int:
        return len(self.entries)


#: Bytes a built Article holds per character of its text, and a _BUILT entry per character of its
#: record, estimated: on the 41 gold articles the deep sizes were 16.6-48.4 (mean 32.5) bytes per
#: character of text, and 3.1-4.8 (mean 4.0) per character of record (session 16)
ARTICLE_BYTES_PER_CHAR = 32
RECORD_BYTES_PER_CHAR = 4
#: An article's groups by its id, with what they were computed from: the Article (one built by
#: :func:`_load` is the same object while its record stays the same), its corpus keys and the stored
#: roles; the rest is a function of those, so a neighbour merged again for each new article near it
#: is grouped once while its links and roles stay as they are (#18). Bounded by 256 entries and
#: ~16 MB (session 16: filled on 341 articles, 256 entries held 7.6 MB, the largest 206 KB).
_GROUPED = Memo(256, 16 * 1024 * 1024)


#: An article's groups with the dates their story gives, whether they wait for it, the story's span.
StoryDated = tuple[list[ArticleEvent], bool, tuple[date, date] | None]


def _story_dated(conn: Connection, article: Article) -> StoryDated:
    """The article's groups with their year, or the day of an undated report's "on Saturday", read
    from its story once it has one; whether they wait for the story; the story's span. Inside
    :func:`_merge_step` read once per article (the same object)."""
    read = _GROUPS_READ.get()
    if read is None:
        return _read_story_dated(conn, article)
    if article.id not in read or read[article.id][0] is not article:
        read[article.id] = (article, _read_story_dated(conn, article))
    groups, waits, span = read[article.id][1]
    return list(groups), waits, span


def _read_story_dated(conn: Connection, article: Article) -> StoryDated:
    groups = _groups(conn, article)
    unsaid = not article.published and has_unsaid_days(groups)
    waits = has_yearless_dates(groups) or unsaid
    span = story_span(conn, article.id) if waits else None
    if has_yearless_dates(groups):  # the year from the article's story, once it has one
        groups = with_story_years(groups, span)
    if unsaid:  # "on Saturday": the day, from the story
        groups = with_story_days(groups, span, article.language)
    return groups, waits, span


def _meetings_of_statements(groups: list[ArticleEvent]) -> list[ArticleEvent]:
    """A meeting the classifier alone read in a sentence whose rule-backed statement was made at a
    meeting of the same host is that meeting ("Quang held a string of bilateral meetings on Sunday
    ... With Minister Kubayi, he discussed ... and agreed ...": the agreement was read as made at
    Sunday's meetings, so the talk with Kubayi is one of them, on their day, not a meeting alone)."""
    by_group = {g.group: g for g in groups}
    folded: dict[int, int] = {}
    for group in groups:
        if group.type != "CONSULT" or not group.model_only:
            continue
        sentences = {m.sentence for m in group.mentions}
        hosts = {a.key for a in group.source_actors}
        meeting = next(
            (
                by_group[g.parent]
                for g in groups
                if not g.model_only
                and g.parent in by_group
                and sentences & {m.sentence for m in g.mentions}
                and hosts & {a.key for a in by_group[g.parent].source_actors}
            ),
            None,
        )
        if meeting is not None and meeting.group != group.group:
            folded[group.group] = meeting.group
    if not folded:
        return groups
    result: list[ArticleEvent] = []
    for group in groups:
        if group.group in folded:
            continue
        for extra in (g for g in groups if folded.get(g.group) == group.group):
            known = {a.key for a in group.participants}
            group = replace(
                group,
                mentions=(*group.mentions, *extra.mentions),
                target_actors=(*group.target_actors, *(a for a in extra.target_actors if a.key not in known)),
                tgt_keys=group.tgt_keys | (extra.tgt_keys - group.src_keys),
            )
        result.append(group)
    return result


def _neighbour_ids(conn: Connection, articles: Sequence[Article]) -> set[str]:
    """The stored articles to merge again with ``articles``: those reporting an event one of them
    could join (on the day its story gives it), and (while under REPLAY_LIMIT) those sharing an event
    with them; none past the limit."""
    if not store.has_articles(conn):
        return set()  # nothing to load the other articles from: merge greedily
    own = {a.id for a in articles}
    candidates: set[int] = set()
    for article in articles:
        for group in _story_dated(conn, article)[0]:
            days = store.day_keys(group.date, group.date_end, slack=1)
            venue = group_venue(group)
            keys = group.src_keys | group.tgt_keys | ({venue} if venue else set())
            # which told gathering joins which meeting of a day depends on all of them
            told = group.type == "CONSULT" and (group.mode == "multilateral" or not group.participants)
            by_keys, by_state, gatherings = store.candidates_by_key_sets(
                conn, [keys, _state_keys(group), {MEETING_KEY, TOLD_KEY} if told else set()], days, group.type
            )
            candidates.update(s.id for s in (*by_keys, *_by_state(group, by_state), *gatherings))
    found = store.articles_of_events(conn, candidates) - own
    if len(found) > REPLAY_LIMIT:
        return set()
    while True:
        wider = store.articles_of_events(conn, store.events_of_articles(conn, found)) - own
        if wider <= found or len(wider) > REPLAY_LIMIT:
            break
        found = wider
    return found


def _neighbourhood(conn: Connection, article: Article, after: tuple[str, str] | None = None) -> list[Article]:
    """:func:`_neighbour_ids` of one article, loaded (only those after ``after`` in merge order)."""
    return _load(conn, _neighbour_ids(conn, [article]), after)


def _load(conn: Connection, ids: Iterable[str], after: tuple[str, str] | None = None) -> list[Article]:
    """The stored articles ``ids`` in id order, read in one query; with ``after``, only those that
    come after it in merge order are built (the others' records are read for their date only)."""
    records = store.article_records(conn, sorted(set(ids)))
    signed = _SIGNED.get()
    loaded = []
    for article_id in sorted(records):
        text = records[article_id]
        built = _BUILT.get(text)
        if built is None and after is not None and _record_order(json.loads(text)) <= after:
            continue
        article, signature = built or _build(text)
        if after is None or merge_order(article) > after:
            loaded.append(article)
            if signed is not None:
                signed[article.id] = (article, signature)
    return loaded


#: Stored articles built from their records, with their events' hash, by the record's text: a
#: neighbour is merged again for each new article near it, and while its record stays the same
#: (the same text) it is the same Article with the same events (#18). Bounded by 256 entries and
#: ~32 MB, most recent kept (session 16: a mean entry held 73 KB, the largest 298 KB; by entries
#: alone, long articles could hold 256 x their size: ``python bench/profile.py --memory``).
_BUILT = Memo(256, 32 * 1024 * 1024)


def _build(text: str) -> tuple[Article, str]:
    """:data:`_BUILT`'s entry for ``text`` (built now; the oldest entries dropped past the bounds)."""
    article = Article.from_dict(json.loads(text))
    built = (article, article_signature(article))
    _BUILT.put(text, built, RECORD_BYTES_PER_CHAR * len(text))
    return built


def _signature(article: Article) -> str:
    """:func:`article_signature`; of an article :func:`_load` built in this step, as it was built."""
    signed = _SIGNED.get()
    known = signed.get(article.id) if signed is not None else None
    return known[1] if known is not None and known[0] is article else article_signature(article)


def _record_order(record: dict[str, Any]) -> tuple[str, str]:
    """:func:`merge_order` of a stored article's record (``Article.to_dict()``) without building it."""
    published = record.get("metadata", {}).get("published")
    return (from_dict(MetaField, published).value if published else "", str(record["id"]))


def _merge_again(conn: Connection, articles: Sequence[Article]) -> dict[str, list[int]]:
    """Merge ``articles`` (reports whose dates their story now gives) again together with their
    neighbourhood, in the fixed order, as :func:`merge_article_events` does for a new report: a
    report that has its day at last may bridge events stored apart meanwhile, and which report came
    first must not decide it. Each neighbour is loaded once per call."""
    loaded = _load(conn, _neighbour_ids(conn, articles))
    # a neighbour whose dates wait for its story was merged against an older span: it is merged
    # again too, wherever it falls in the order, and so is every neighbour after the first of them
    # by article id: a reloaded Article is another object, and comparing Articles compares their text
    waiting = list({a.id: a for a in [*articles, *(a for a in loaded if _dates_pending(a))]}.values())
    waiting_ids = {a.id for a in waiting}
    first = min(merge_order(a) for a in waiting)
    replay = [*waiting, *(a for a in loaded if a.id not in waiting_ids and merge_order(a) > first)]
    _forget(conn, replay)
    return {
        other.id: _merge(conn, other, _signature(other), forgotten=True)
        for other in sorted(replay, key=merge_order)
    }


def _merge(conn: Connection, article: Article, signature: str, forgotten: bool = False) -> list[int]:
    """Merge one article's events greedily against what is stored (``forgotten``: its sources were
    taken out already, by :func:`_forget`)."""
    if not forgotten:
        _forget(conn, [article])
    # events the classifier alone found join only a stored event of their type that shares a linked
    # participant on a compatible date (see _compatible): they never start a merge of their own
    groups, waits, span = _story_dated(conn, article)
    ids: dict[int, int] = {}
    # meetings first, so the statements made at them can find their stored parent
    for group in sorted(groups, key=lambda g: (g.parent is not None, g.group)):
        parent_id = ids.get(group.parent) if group.parent is not None else None
        match = best_match(conn, group, parent_id)
        if match is None:
            event_id = store.insert_event(conn, group, parent_id)
        else:
            event_id = match.id
            if parent_id is not None and match.parent_id is None:  # a later report says where
                store.attach_to_meeting(conn, event_id, parent_id)
        store.add_sources(conn, event_id, article, group)
        store.refresh_event(conn, event_id)
        ids[group.group] = event_id
    ordered = [ids[g.group] for g in sorted(groups, key=lambda g: g.group)]
    store.record_article(conn, article.id, _recorded(signature, _span_mark(span) if waits else None), ordered)
    return ordered


#: How many characters of an article's events hash are recorded beside the story span it was
#: merged against (the column holds 64: 40 + "|" + "YYYYMMDD-YYYYMMDD").
EVENTS_HASH_CHARS = 40


def _span_mark(span: tuple[date, date] | None) -> str:
    return f"{span[0]:%Y%m%d}-{span[1]:%Y%m%d}" if span else "none"


def _recorded(signature: str, mark: str | None) -> str:
    """What is recorded of an article's merge: its events' hash and the story span its dates were
    read against ("-": its events wait for no story), so the story step can tell without loading
    the article whether a new span could change them."""
    return f"{signature[:EVENTS_HASH_CHARS]}|{mark or '-'}"


def _same_events(recorded: str, signature: str) -> bool:
    """Whether a recorded merge was of these events (records of older versions hold the full hash)."""
    head = recorded.split("|", 1)[0]
    return len(head) >= EVENTS_HASH_CHARS and signature.startswith(head)


def _dated_against(recorded: str | None, span: tuple[date, date] | None) -> bool:
    """Whether a recorded merge already read its dates against ``span`` or waited for no story."""
    mark = recorded.split("|", 1)[1] if recorded and "|" in recorded else None
    return mark is not None and mark in ("-", _span_mark(span))


def date_from_story(conn: Connection, article: Article) -> list[int]:
    """The corpus step after ``cluster_stories``: an article whose events lack their year, or (with no
    publication date) the day of their "on Saturday", is merged again, with the year or the day of the
    story it joined (``newsloom.events.years``). A dated article may fix the days of its story's
    undated reports that came before it: those are merged again too (in any arrival order, the same
    dates)."""
    pending = [article] if _dates_pending(article) else []
    members = (
        [m for m in undated_story_members(conn, article.id) if m != article.id] if article.published else []
    )
    if members:
        # a member merged against the story's present span (or waiting for none) cannot change: it
        # is not loaded again, so a story of U undated and D dated reports loads each undated one
        # once per span the story takes, not D times
        span = story_span(conn, article.id)
        recorded = store.article_signatures(conn, members)
        stale = [m for m in members if not _dated_against(recorded.get(m), span)]
        pending.extend(other for other in _load(conn, stale) if _dates_pending(other))
    if not pending:
        return []
    with _merge_step():
        return _merge_again(conn, pending).get(article.id, [])


def _dates_pending(article: Article) -> bool:
    """Whether some event of the article waits for its story: no year, or no day for its phrase."""
    return "events" in article.stages and any(
        (e.date or "").startswith("XXXX") or (not article.published and not e.date and e.time_text)
        for e in article.events
    )


# -- discrepancies ---------------------------------------------------------------------------------


def _source_label(row: Any) -> dict[str, Any]:
    return {"path": row.path, "language": row.language, "sentence": row.sentence}


def discrepancies(event_type: str, rows: Sequence[Any]) -> list[dict[str, Any]]:
    """Where the sources of one event disagree: date, place, and (for meetings) who took part.

    Each item: ``{"field", "summary", "values": [{"value", "sources": [{path, language, sentence}]}]}``.
    Only what a report states counts (a publication-date fallback or a dateline does not contradict
    a date or place written in another report, nor does an article telling the event in passing).
    """
    rows = store.reporting_rows(rows)  # a mention in passing states nothing against the reports
    primaries = store.primary_rows(rows)
    found: list[dict[str, Any]] = []

    dated = [r for r in primaries if r.date_source in EXPLICIT and r.date]
    clusters: list[list[Any]] = []
    for row in dated:
        for cluster in clusters:
            if all(
                dates_compatible(row.date, row.date_end, o.date, o.date_end) and _same_day(row, o)
                for o in cluster
            ):
                cluster.append(row)
                break
        else:
            clusters.append([row])
    if len(clusters) > 1:
        values = [{"value": _date_text(c[0]), "sources": [_source_label(r) for r in c]} for c in clusters]
        found.append(_item("date", values))

    placed = [r for r in primaries if r.location and r.location_source in ("sentence", "visit", "meeting")]
    # one place at two scales or in two languages is no disagreement (see newsloom.events.places)
    places: list[list[Any]] = []
    for row in placed:
        for cluster in places:
            if all(same_place(row.location or "", other.location or "") for other in cluster):
                cluster.append(row)
                break
        else:
            places.append([row])
    if len(places) > 1:
        values = [{"value": rs[0].location, "sources": [_source_label(r) for r in rs]} for rs in places]
        found.append(_item("location", values))

    if event_type == "CONSULT":
        participants = _participants_disagree(rows)
        if participants:
            found.append(participants)
    return found


def _participants_disagree(rows: Sequence[Any]) -> dict[str, Any] | None:
    """Who took part, when two reports name parties neither of which holds the other's, and no third
    report names both reports' parties. Parties as
    merging counts them (``newsloom.events.parties``): a person and the body they speak for, or a
    country beside its own person, are one participant ("Lao People's Revolutionary Party" stands
    for Thongloun Sisoulith). The classifier's own readings only confirm a report's, so they are
    compared only where the event has no rule-backed source."""
    ruled = [r for r in rows if getattr(r, "classifier", "") != "model"] or list(rows)
    per_article: dict[str, tuple[Any, list[Actor]]] = {}
    for row in ruled:
        entry = per_article.setdefault(row.article_id, (row, []))
        for column in ("source_actors", "target_actors"):
            for actor in store.row_actors(getattr(row, column)):
                if actor.key not in {a.key for a in entry[1]}:
                    entry[1].append(actor)
    sides = [parties(actors) for _, actors in per_article.values()]

    def holds(a: list[Actor], b: list[Actor]) -> bool:
        return matched_parties(a, b)[0] >= min(len(a), len(b))

    def names_all(c: list[Actor], a: list[Actor], b: list[Actor]) -> bool:
        return matched_parties(c, a)[0] >= len(a) and matched_parties(c, b)[0] >= len(b)

    # two reports naming different guests of one meeting series are partial accounts, not a
    # disagreement, when a third report names them all
    if all(holds(a, b) or any(names_all(c, a, b) for c in sides) for a in sides for b in sides):
        return None
    values = [
        {"value": sorted(a.name or a.key for a in actors), "sources": [_source_label(first)]}
        for first, actors in per_article.values()
    ]
    return _item("participants", values)


def _same_day(a: Any, b: Any) -> bool:
    """Two explicit dates agree when their days are equal or their ranges overlap."""
    a0, a1 = (a.date or "")[-5:], (a.date_end or a.date or "")[-5:]
    b0, b1 = (b.date or "")[-5:], (b.date_end or b.date or "")[-5:]
    return a0 <= b1 and b0 <= a1


def _date_text(row: Any) -> str:
    if row.date_end and row.date_end != row.date:
        return f"{row.date}/{row.date_end}"
    return str(row.date)


def _item(field: str, values: list[dict[str, Any]]) -> dict[str, Any]:
    parts = "; ".join(
        f"{v['value']} ({', '.join(sorted({s['path'] for s in v['sources']}))})" for v in values
    )
    return {"field": field, "summary": f"sources disagree on the {field}: {parts}", "values": values}
