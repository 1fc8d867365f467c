"""Unnamed collective actors: "Indonesian police", "cảnh sát Indonesia", "đại diện hai nước".

The pack's group patterns name a sector (police, customs, officials); the nationality comes from
the words of the match, a country named right after it, or the dateline's country.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from newsloom.article import Sentence
from newsloom.entities.types import Mention
from newsloom.events.actors import country_code
from newsloom.events.rules import EventRules
from newsloom.events.types import Actor


@dataclass(frozen=True)
class Group:
    """A collective actor found in a sentence, with its span."""

    start: int
    end: int
    actor: Actor


#: A country named this close after a collective noun is its country ("cảnh sát tỉnh Bali (Indonesia)").
GROUP_COUNTRY_REACH = 30


def find_groups(
    sentence: Sentence,
    text: str,
    rules: EventRules,
    mentions: Sequence[Mention],
    covered: Sequence[tuple[int, int]],
    local_country: str | None = None,
    article_mentions: Sequence[Mention] = (),
) -> list[Group]:
    """Unnamed collective actors: "Indonesian police", "cảnh sát Indonesia", "petugas"; without a
    nationality in the text, the country of the dateline ("DENPASAR —" -> Indonesia)."""
    found: list[Group] = []
    for pattern, sector, label in rules.group_actors:
        for match in re.finditer(pattern, text[sentence.start : sentence.end], re.IGNORECASE):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            if any(a < end and start < b for a, b in covered) or any(
                a < end and start < b for a, b, *_ in [(f.start, f.end) for f in found]
            ):
                continue
            country: str | None = None
            name: str | None = None
            nationality = match.groupdict().get("nat")
            nationalities = re.split(r"\s+(?:and|&)\s+", nationality) if nationality else []
            if nationalities and all(n in rules.demonyms for n in nationalities):
                country = rules.demonyms[nationalities[-1]]
                for other in nationalities[:-1]:  # "Australian and Indonesian officials": one group each
                    other_code = rules.demonyms[other]
                    found.append(
                        Group(
                            start,
                            end,
                            _group_actor(other_code, sector, label, text[start:end]),
                        )
                    )
            elif nationality:  # a capitalised word that is no nationality: not part of the group
                start += len(nationality) + 1
            both = rules.compiled("two_countries")
            tail = both.match(text, end)
            if country is None and (tail or both.search(text, start, end)):
                pair = _main_countries(article_mentions)
                if len(pair) == 2:  # "đại diện hai nước": one group for each of the article's two countries
                    end = tail.end() if tail else end
                    for each in pair:
                        found.append(
                            Group(
                                start,
                                end,
                                _group_actor(each, sector, label, text[start:end]),
                            )
                        )
                    continue
            if country is None:
                for mention in mentions:
                    code = (
                        country_code(mention.canonical or mention.text) if mention.type == "place" else None
                    )
                    if (
                        code
                        and 0 <= mention.start - end <= GROUP_COUNTRY_REACH
                        and rules.compiled("group_country_gap").fullmatch(text[end : mention.start])
                    ):
                        country, name = code, mention.canonical or mention.text
                        end = mention.end  # "cảnh sát Indonesia" is one actor, not the police and a country
                        break
            if country is None and local_country and sector != "GOV":
                country = local_country
            if country and not name:
                name = _country_name(country)
            actor = Actor(
                key=f"group:{sector.lower()}:{(country or 'xx').lower()}",
                name=f"{name} {label}" if name else label,
                text=text[start:end],
                type="group",
                role=sector,
                country=country,
            )
            found.append(Group(start, end, actor))
    # "Indonesian police and customs officers": a group with no country shares its neighbour's
    known = {s.actor.role: s.actor for s in found if s.actor is not None and s.actor.country}
    return [
        replace(
            s,
            actor=replace(
                s.actor,
                key=known[s.actor.role].key,
                name=known[s.actor.role].name,
                country=known[s.actor.role].country,
            ),
        )
        if s.actor is not None and not s.actor.country and s.actor.role in known
        else s
        for s in found
    ]


def _main_countries(mentions: Sequence[Mention]) -> tuple[str, ...]:
    """The two countries an article names most (ties: the first named), or fewer if it names fewer."""
    counted: dict[str, int] = {}
    for mention in mentions:
        code = country_code(mention.canonical or mention.text) if mention.type == "place" else None
        if code:
            counted[code] = counted.get(code, 0) + 1
    return tuple(sorted(counted, key=lambda c: -counted[c])[:2])


def _country_name(code: str) -> str | None:
    import pycountry

    country = pycountry.countries.get(alpha_3=code)
    return getattr(country, "common_name", None) or getattr(country, "name", None) if country else None


def _group_actor(country: str | None, sector: str, label: str, written: str) -> Actor:
    name = _country_name(country) if country else None
    return Actor(
        key=f"group:{sector.lower()}:{(country or 'xx').lower()}",
        name=f"{name} {label}" if name else label,
        text=written,
        type="group",
        role=sector,
        country=country,
    )


def sector_keys(mention: Mention, rules: EventRules, local_country: str | None) -> tuple[str, ...]:
    """The group key of an organization named after a collective actor (a police force, customs)."""
    country = country_code(mention.canonical or mention.text) or local_country
    for pattern, sector, _ in rules.group_actors:
        if sector != "GOV" and country and re.search(pattern, mention.text, re.IGNORECASE):
            return (f"group:{sector.lower()}:{country.lower()}",)
    return ()
