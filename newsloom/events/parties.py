"""Who is one party at a meeting: a person, the body they lead or speak for, and their country.

One meeting is written "Lương Tam Quang met Ghada Waly" in one report, "the Ministry of Public
Security received the UNODC chief" in another and "Vietnam and UNODC met" in a third. The entity
stage records each person's roles (minister *of* the Ministry of Public Security, *of* Vietnam);
entity linking stores them (``entity_roles``). Merging reads them back here:

- a person speaks for the organizations they hold a role of, unless that organization belongs to
  another state or body than the person's own ("head of state" of the UN is a misread, not a role);
- a person, or a national organization, belongs to the state they hold a role of;
- at a meeting, a country is the party of its person or organization there (a weaker match than
  the same person or body: an exact match wins when both are possible).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from newsloom.events.actors import country_code, country_in_name, same_actor
from newsloom.events.types import Actor
from newsloom.store import Connection
from newsloom.store import entities as entity_rows

#: Codes of the PLOVER non-state bodies: a body with one of them is not a national organization.
NON_STATE_CODES = ("UNO", "EUR", "IGO")
#: How strongly two actors are one party: the same actor (or person and their body), or one is the
#: other's country.
SAME, COUNTRY = 2, 1


@dataclass(frozen=True)
class Roles:
    """The stored roles of some corpus entities, keyed by corpus key ("entity:24")."""

    bodies: dict[str, frozenset[str]] = field(default_factory=dict)  # person -> organizations
    states: dict[str, str] = field(default_factory=dict)  # person or organization -> ISO alpha-3


def _entity_id(key: str) -> int | None:
    head, _, tail = key.partition(":")
    return int(tail) if head == "entity" and tail.isdigit() else None


def stored_roles(conn: Connection, keys: Iterable[str]) -> Roles:
    """The roles stored for the entities behind ``keys``, and the state of each body among them from
    the people holding a role of it (indexed lookups by entity id)."""
    ids = entity_ids(keys)
    holders = entity_rows.role_holders(conn, ids)
    return roles_from_rows(
        entity_rows.roles_of(conn, sorted(set(ids) | {h for hs in holders.values() for h in hs}))
    )


def entity_ids(keys: Iterable[str]) -> list[int]:
    """The stored entity ids behind corpus keys ("entity:24" -> 24), sorted; other keys have none."""
    return sorted({i for i in (_entity_id(k) for k in keys) if i is not None})


def roles_from_rows(rows: Sequence[entity_rows.RoleRow]) -> Roles:
    """:func:`stored_roles` from the role rows read (``roles_of`` of the entities and of the holders
    of a role of them, by entity id, first seen and role)."""
    states: dict[str, set[str]] = {}
    offered: dict[str, list[tuple[str, str | None]]] = {}
    for row in rows:
        if row.role_of_entity_id is None:
            continue
        person = f"entity:{row.entity_id}"
        code = country_code(row.of_name) or country_in_name(row.of_name or "")
        if row.role_of_key.startswith("place:"):
            if code and code not in NON_STATE_CODES:
                states.setdefault(person, set()).add(code)
            continue
        offered.setdefault(person, []).append((f"entity:{row.role_of_entity_id}", code))
    for person, options in offered.items():  # no state role: the state its national bodies name
        if person not in states:
            named = {code for _, code in options if code and code not in NON_STATE_CODES}
            states[person] = named
    state_of = {k: next(iter(v)) for k, v in states.items() if len(v) == 1}
    bodies: dict[str, frozenset[str]] = {}
    body_states: dict[str, set[str]] = {}
    for person, options in offered.items():
        own = state_of.get(person)
        kept = [body for body, code in options if code is None or own is None or code == own]
        if kept:
            bodies[person] = frozenset(kept)
        for body, code in options:
            if own and body in kept and code is None:
                body_states.setdefault(body, set()).add(own)  # the ministry of a Vietnamese minister
    for body, codes in body_states.items():
        if len(codes) == 1:
            state_of.setdefault(body, next(iter(codes)))
    return Roles(bodies=bodies, states=state_of)


def with_roles(actor: Actor, roles: Roles) -> Actor:
    """An actor with the bodies it speaks for and the state it belongs to, from the stored roles."""
    extra = tuple(sorted(roles.bodies.get(actor.key, frozenset()) - set(actor.affiliations)))
    state = roles.states.get(actor.key)
    if not extra and (state is None or state == actor.country):
        return actor
    country = state if state and actor.type in ("person", "organization") else actor.country
    return replace(actor, affiliations=(*actor.affiliations, *extra), country=country)


def _is_country(actor: Actor) -> bool:
    return actor.type == "place" and bool(actor.country) and actor.country not in NON_STATE_CODES


def party_match(a: Actor, b: Actor) -> int:
    """SAME when two actors are one party, COUNTRY when one is the other's country, else 0."""
    if same_actor(a, b):
        return SAME
    for place, other in ((a, b), (b, a)):
        if (
            _is_country(place)
            and other.type in ("person", "organization")
            and other.country == place.country
            and not _is_country(other)
        ):
            return COUNTRY
    return 0


def parties(actors: Sequence[Actor]) -> list[Actor]:
    """One actor per party: a person and the body they speak for are one participant, and a country
    beside its own person or body at a meeting is that participant."""
    kept: list[Actor] = []
    for actor in sorted(actors, key=_is_country):  # people and bodies first
        if not any(party_match(actor, k) for k in kept):
            kept.append(actor)
    return kept


def matched_parties(first: Sequence[Actor], second: Sequence[Actor]) -> tuple[int, int]:
    """(parties matched one to one, of which the same actor): exact matches are paired first, then a
    country with its person or organization. The result does not depend on the order of either list."""
    small, large = parties(first), parties(second)
    pairs = sorted(
        ((party_match(a, b), i, j) for i, a in enumerate(small) for j, b in enumerate(large)),
        key=lambda p: (-p[0], p[1], p[2]),
    )
    used_small: set[int] = set()
    used_large: set[int] = set()
    matched = exact = 0
    for strength, i, j in pairs:
        if not strength or i in used_small or j in used_large:
            continue
        used_small.add(i)
        used_large.add(j)
        matched += 1
        exact += strength == SAME
    return matched, exact


def parties_match(first: Sequence[Actor], second: Sequence[Actor], strict: bool) -> bool:
    """Two meetings have the same parties: two in common, or (not ``strict``) all of the smaller one."""
    small = min(len(parties(first)), len(parties(second)))
    if not small:
        return False
    matched, _ = matched_parties(first, second)
    return matched >= 2 or (not strict and matched >= 1 and matched == small)


def own_side(actors: Sequence[Actor]) -> tuple[Actor, ...]:
    """One side of a meeting without the foreign countries listed beside its person or body.

    "Lương Tam Quang received the delegations of Mozambique, Azerbaijan, Iran and South Africa"
    puts four countries beside the minister; they are his counterparts' countries, not his side.
    A country stays when no person or body is on the side ("Vietnam met UNODC"), or when it is
    the state of one of them.
    """
    speakers = [a for a in actors if a.type in ("person", "organization")]
    if not speakers:
        return tuple(actors)
    states = {a.country for a in speakers if a.country}
    return tuple(a for a in actors if not _is_country(a) or a.country in states)
