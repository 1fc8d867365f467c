"""People named by what they are: "the Lao leader", "Indonesia's foreign minister", "vị lãnh đạo
Lào", "Menlu Prancis", "le dirigeant laotien".

After the first mention news names a person by nationality (or country) and office. Such a
description stands for the one person the article names with that country and an office its noun
fits (the entity stage's roles; the country of the title, the nationality or country written
before the name, or the pack's home country for a national office); when two fit or none, for the
country itself (PLOVER lets a country act); never for a person of another country. A bare title the
entity stage linked to a person ("Thủ tướng" in "Thủ tướng Lào") keeps that person unless the text
gives the person another country. The words are the pack's ``descriptions``, ``description_nouns``
and ``demonyms`` (``lang/<iso>/events.py``): a pack without them reads no description. A country
is named in the article's language (``EventRules.country_name``: "Pháp", "Prancis"), keyed by its
code.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from newsloom.article import Sentence
from newsloom.entities.rules import ROLE_BY_ORGANIZATION
from newsloom.entities.types import Mention
from newsloom.events.actors import (
    actor_from_mention,
    country_actor,
    country_at_edge,
    country_code,
    mention_key,
)
from newsloom.events.conjunctions import alternation
from newsloom.events.rules import EventRules
from newsloom.events.types import Actor

#: A role -> the broader one it is a kind of: a foreign minister is a minister, the UN's
#: Secretary-General a secretary-general ("the Indonesian minister" fits Sugiono).
BROADER = {
    "foreign_minister": "minister",
    **{narrow: generic for (generic, _), narrow in ROLE_BY_ORGANIZATION.items()},
}

#: A person named this close after a description, with no clause punctuation between and holding
#: its title, is the one it describes: the description is that name's title ("Duta Besar Indonesia
#: untuk Vietnam Denny Abdi").
TITLE_REACH = 60

#: How far before a name its nationality or country may be written ("Lao President Thongloun",
#: "Indonesia's Foreign Minister Sugiono").
NATIONALITY_REACH = 60

#: How far before a description the pack's ``description_blocked_before`` looks.
BLOCKED_REACH = 30

_CLAUSE_PUNCTUATION = re.compile(r"[,;:.()]")

#: At most this many capitalised title words between the comma after a description and a name set
#: off there ("Vietnam's Minister of Public Security, General Luong Tam Quang, met ...").
APPOSITIVE_TITLE_WORDS = 3


@dataclass(frozen=True)
class Description:
    """A description in a sentence: its span, the country it names and the offices it fits."""

    start: int
    end: int
    text: str
    country: str  # ISO alpha-3
    roles: tuple[str, ...]  # role ids its noun fits; () fits anyone
    #: the country's name in the article's language ("Pháp" in Vietnamese), when it stands for it
    country_name: str | None = None


@dataclass(frozen=True)
class Holder:
    """A person the article names, with the country (None: not said) and offices the text gives."""

    actor: Actor
    roles: frozenset[str]


def _folded_table(table: dict[str, tuple[str, ...]] | dict[str, str]) -> dict[str, object]:
    return {" ".join(word.split()).casefold(): value for word, value in table.items()}


def _lookup(table: dict[str, object], words: str) -> object:
    return table.get(" ".join(words.split()).casefold())


def _templates(rules: EventRules) -> tuple[str, ...]:
    """The pack's description patterns with {noun} and {nat} filled in (cached per pack)."""
    cache = rules.__dict__.setdefault("_descriptions", {})
    if "templates" not in cache:
        nouns = alternation(rules.description_nouns)
        nationalities = alternation(rules.demonyms)
        cache["templates"] = tuple(
            t.replace("{noun}", f"(?P<noun>{nouns})").replace("{nat}", f"(?P<nat>{nationalities})")
            for t in rules.descriptions
        )
        cache["nouns"] = _folded_table(rules.description_nouns)
        cache["nationalities"] = _folded_table(rules.demonyms)
    return tuple(cache["templates"])


@lru_cache(maxsize=4096)
def _pattern(template: str, countries: tuple[str, ...]) -> re.Pattern[str] | None:
    if "{country}" in template:
        if not countries:
            return None
        template = template.replace("{country}", f"(?P<country>{alternation(countries)})")
    return re.compile(template, re.IGNORECASE)


def find_descriptions(
    sentence: Sentence, text: str, rules: EventRules, mentions: Sequence[Mention]
) -> list[Description]:
    """The descriptions of a sentence, in order; none that is a named person's title ("Lao
    President Thongloun", "Duta Besar Indonesia untuk Vietnam Denny Abdi") or an appositive after
    a name ("Thongloun, the Lao leader, said")."""
    if not rules.descriptions or not rules.description_nouns:
        return []
    templates = _templates(rules)
    tables = rules.__dict__["_descriptions"]
    countries: dict[tuple[int, int], str] = {}
    for mention in mentions:
        code = country_code(mention.canonical or mention.text) if mention.type == "place" else None
        if code:
            countries[(mention.start, mention.end)] = code
    written = tuple(sorted({text[a:b] for a, b in countries}))
    names = [m for m in mentions if m.type == "person"]
    blocked = rules.compiled("description_blocked_before")
    joins = re.compile(rf"(?<!\w)(?:{alternation([*rules.conjunctions, *rules.comitatives])})(?!\w)", re.I)
    found: list[Description] = []
    for template in templates:
        pattern = _pattern(template, written)
        if pattern is None:
            continue
        for match in pattern.finditer(text, sentence.start, sentence.end):
            groups = match.groupdict()
            if groups.get("country") is not None:
                code = countries.get(match.span("country"))
            elif groups.get("nat") is not None:
                code = _lookup(tables["nationalities"], groups["nat"])  # type: ignore[assignment]
            else:
                code = None
            roles = _lookup(tables["nouns"], groups.get("noun") or "")
            start, end = match.span()
            if not isinstance(code, str) or not isinstance(roles, tuple):
                continue
            if blocked.search(text[max(sentence.start, start - BLOCKED_REACH) : start]):
                continue
            if any(d.start < end and start < d.end for d in found):
                continue
            if _names_someone(start, end, text, names, joins):
                continue
            found.append(Description(start, end, text[start:end], code, roles, rules.country_name(code)))
    return sorted(found, key=lambda d: d.start)


def _names_someone(start: int, end: int, text: str, names: Sequence[Mention], joins: re.Pattern[str]) -> bool:
    """Whether the words at ``start:end`` are a named person's title or appositive, or hold a name
    (``joins``: the pack's words that join a second actor, "and", "với")."""
    for name in names:
        if name.start < end and start < name.end:
            if name.kind == "name":
                return True
            continue  # a bare title inside ("Thủ tướng" of "Thủ tướng Lào"): the description's own
        if name.start >= end:
            if _titles(text[end : name.start], text[name.end : name.end + 2], joins):
                return True
        elif re.fullmatch(r"\s*,\s*", text[name.end : start]):
            return True  # "Thongloun Sisoulith, the Lao leader, ...": said of the name before
    return False


def _titles(gap: str, after: str, joins: re.Pattern[str]) -> bool:
    """Whether a description is the title of a name written ``gap`` after it (``after``: the text
    right after the name): right before it ("the Lao President Thongloun"), after the rest of the
    title ("le vice-ministre iranien des Affaires étrangères Vahid Jalalzadeh", "Duta Besar
    Indonesia untuk Vietnam Denny Abdi"), or up to a comma that sets the name off ("Vietnam's
    Minister of Public Security, General Luong Tam Quang", "La ministre sud-africaine des Relations
    internationales, Naledi Pandor,"): no clause punctuation and no word joining another actor
    between ("the Lao leader and Prime Minister X" are two)."""
    if not gap.strip():
        return True
    head, comma, tail = gap.rpartition(",") if "," in gap else (gap, "", "")
    split = tail.split()
    if len(gap) > TITLE_REACH or _CLAUSE_PUNCTUATION.search(head) or joins.search(head):
        return False
    if len(split) > APPOSITIVE_TITLE_WORDS or not all(w[:1].isupper() for w in split):
        return False
    return not comma or not head.strip() or after.lstrip().startswith(",")


def office_holders(article_mentions: Sequence[Mention], text: str, rules: EventRules) -> list[Holder]:
    """The people an article names, each with the country the text gives them (the most said)
    and every office its titles give."""
    by_key: dict[str, list[Mention]] = {}
    for mention in article_mentions:
        if mention.type == "person" and mention.kind == "name" and mention.key:
            by_key.setdefault(mention_key(mention), []).append(mention)
    places = [m for m in article_mentions if m.type == "place"]
    holders = []
    for mentions in by_key.values():
        roles = frozenset(r.role for m in mentions for r in m.roles) | frozenset(
            m.role for m in mentions if m.role
        )
        said = Counter(code for m in mentions for code in _stated_countries(m, text, rules, places))
        country = said.most_common(1)[0][0] if said else None
        if country is None and rules.home_country and roles & set(rules.national_roles):
            country = rules.home_country  # "Thủ tướng Phạm Minh Chính" in Vietnamese news
        holders.append(Holder(replace(actor_from_mention(mentions[0]), country=country), roles))
    return holders


def _stated_countries(
    mention: Mention, text: str, rules: EventRules, places: Sequence[Mention]
) -> Iterable[str]:
    """The countries written with one mention of a person: its titles' ("Chủ tịch nước Lào", "President
    of Laos"), a nationality or country right before the name, with only the title between ("Lao
    President Thongloun", "Indonesia's Foreign Minister Sugiono", "le président laotien X")."""
    for of in dict.fromkeys([mention.role_of, *(role.of for role in mention.roles)]):
        code = (country_code(of) or country_at_edge(of)) if of else None
        if code:
            yield code
    title = r"\s+".join(re.escape(w) for w in (mention.role_text or "").split())
    between = rf"(?:['’]s)?\s+(?:{title}\s+)?" if title else r"(?:['’]s)?\s+"
    head = text[max(0, mention.start - NATIONALITY_REACH) : mention.start]
    nationality = demonym_before(head, rules, between)
    if nationality:
        yield nationality
    for place in places:
        if mention.start - NATIONALITY_REACH <= place.end <= mention.start and re.fullmatch(
            between, text[place.end : mention.start], re.IGNORECASE
        ):
            code = country_code(place.canonical or place.text)
            if code:
                yield code


def demonym_before(head: str, rules: EventRules, between: str = r"\s+(?:\w+\s+){0,2}") -> str | None:
    """The country of a nationality (the pack's ``demonyms``, as written) that ``head`` ends with,
    before ``between`` ("South African President" before a name)."""
    if not rules.demonyms:
        return None
    cache = rules.__dict__.setdefault("_demonyms", {})
    if "alternation" not in cache:
        cache["alternation"] = alternation(rules.demonyms)
        cache["codes"] = {" ".join(name.split()): code for name, code in rules.demonyms.items()}
    found = _ending(cache["alternation"], between).search(head)
    return cache["codes"].get(" ".join(found.group("nat").split())) if found else None


@lru_cache(maxsize=1024)
def _ending(nationalities: str, between: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?P<nat>{nationalities}){between}$")


def described_actor(
    description: Description, holders: Sequence[Holder], inside: Sequence[Actor]
) -> Actor | None:
    """Who ``description`` stands for, given the actors the sentence already read inside its words
    (``inside``); None to keep those: a person the entity stage linked a bare title to, when the
    text gives that person no other country, and an organization or group when no one fits (the
    country would say less than "Bộ Ngoại giao Lào" or "Indonesian police")."""
    country = {h.actor.key: h.actor.country for h in holders}
    linked = [a for a in inside if a.type == "person"]
    if linked and all(country.get(a.key) in (None, description.country) for a in linked):
        return None
    fits = {
        h.actor.key: h
        for h in holders
        if h.actor.country == description.country and _fits(description.roles, h.roles)
    }
    if len(fits) == 1:
        holder = next(iter(fits.values()))
        return replace(holder.actor, text=description.text, resolved_by="description")
    if any(a.type in ("organization", "group") for a in inside):
        return None
    return country_actor(description.country, "description", description.text, description.country_name)


def _fits(wanted: Sequence[str], held: frozenset[str]) -> bool:
    """Whether a person holding ``held`` has an office of ``wanted`` (any, when it is empty)."""
    if not wanted:
        return True
    return bool(set(wanted) & (held | {BROADER[r] for r in held if r in BROADER}))
