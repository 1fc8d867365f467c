"""Actor positions of a sentence: named mentions (with their titles folded in), collective
groups, pronouns and "the two sides", in the order they are written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from newsloom.article import Article, Sentence
from newsloom.entities.types import Mention
from newsloom.events.actors import actor_from_mention, country_code
from newsloom.events.conjunctions import ListWords
from newsloom.events.dates import sentence_of
from newsloom.events.descriptions import described_actor, find_descriptions, office_holders
from newsloom.events.groups import find_groups, sector_keys
from newsloom.events.rules import EventRules
from newsloom.events.titles import affiliations, phrase_start, title_parts
from newsloom.events.types import Actor

#: Mention types that can act; cities and regions are places where things happen, not actors.
ACTOR_TYPES = ("person", "organization", "place")


@dataclass(frozen=True)
class Slot:
    """An actor position in a sentence: a mention, a pronoun, or "the two sides"."""

    start: int
    end: int
    text: str
    kind: str  # mention | pronoun | joint
    actor: Actor | None = None  # for mentions
    lead: int | None = None  # where the title before it starts ("Direktur Eksekutif ... (UNODC) Ghada Waly")
    #: the organiser phrase the slot is named in ("co-organised by VCCI and ..."): it acts only for
    #: a trigger inside that phrase
    organizer: tuple[int, int] | None = None


def mentions_by_sentence(article: Article) -> dict[int, list[Mention]]:
    by_sentence: dict[int, list[Mention]] = {}
    for mention in article.entities:
        if mention.type not in ACTOR_TYPES:
            continue
        index = mention.sentence
        if index is None:
            index = sentence_of(article.sentences, mention.start)
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


#: Between a name and its acronym in brackets.
_ACRONYM_GAP = re.compile(r"\s*\($")


def _is_actor(mention: Mention) -> bool:
    """Persons and organizations act; of places only countries (and blocs) do."""
    if mention.type != "place":
        return True
    return country_code(mention.canonical or mention.text) is not None


def sentence_slots(
    sentence: Sentence,
    mentions: list[Mention],
    text: str,
    rules: EventRules,
    article_mentions: Sequence[Mention],
    home_country: str | None,
    local_country: str | None = None,
    words: ListWords | None = None,
) -> list[Slot]:
    """Actor positions of one sentence, in order; title prefixes are folded into their person."""
    outer = _outermost(mentions)
    absorbed = title_parts(outer, text)
    organizers = [
        m.span() for m in rules.compiled("organizer_phrase").finditer(text, sentence.start, sentence.end)
    ]
    slots: list[Slot] = []
    for i, mention in enumerate(outer):
        if i in absorbed or not _is_actor(mention):
            continue
        if mention.type == "organization" and (
            rules.compiled("members_after").match(text, mention.end)
            or rules.compiled("members_before").search(
                text, max(sentence.start, mention.start - 40), mention.start
            )
        ):
            continue  # "Southeast Asian governments", "các nước ASEAN": unnamed members, not the organization
        if mention.type == "organization" and _names_document(mention, sentence, text, rules):
            continue  # "the UN Convention against Cybercrime": a title, the UN is no party
        if mention.type != "person" and _names_gathering(mention, sentence, text, rules):
            continue  # "the Việt Nam–South Africa Business Forum": a forum's name, no party
        if mention.type == "place" and _country_of_place(i, outer, text):
            continue  # "từ Kuala Lumpur (Malaysia)": where a city is, not who acted
        if mention.type == "place" and rules.compiled("nationality_before").search(
            text, max(sentence.start, mention.start - 20), mention.start
        ):
            continue  # "một người Indonesia 34 tuổi": a suspect's nationality, the country does nothing
        titles = (
            affiliations(
                mention,
                mentions,
                text,
                article_mentions,
                rules.compiled("clause_appositive"),
                words.appositive_stop if words else None,
            )  # fmt: skip
            if mention.type == "person"
            else ()
        )
        actor = actor_from_mention(mention, titles, home_country, rules.national_roles)
        if mention.type == "organization":  # "Kepolisian Daerah Bali" speaks for the Indonesian police
            actor = replace(
                actor, affiliations=(*actor.affiliations, *sector_keys(mention, rules, local_country))
            )
        if (
            slots
            and _ACRONYM_GAP.match(text, slots[-1].end, mention.start)
            and text[mention.end : mention.end + 1] == ")"
        ):
            slots[-1] = replace(slots[-1], end=mention.end + 1)  # "Badan Narkotika Nasional (BNN)": one actor
            continue
        lead = phrase_start(i, outer, absorbed, text, sentence)
        organizer = next((o for o in organizers if o[0] <= mention.start and mention.end <= o[1]), None)
        slots.append(
            Slot(mention.start, mention.end, mention.text, "mention", actor, lead=lead, organizer=organizer)
        )
    covered = [(s.start, s.end) for s in slots] + [(m.start, m.end) for m in mentions]
    groups = find_groups(sentence, text, rules, mentions, covered, local_country, article_mentions)
    slots = [  # the country a group was named with is its nationality, not another actor
        s
        for s in slots
        if not (
            s.actor and s.actor.type == "place" and any(g.start <= s.start and s.end <= g.end for g in groups)
        )
    ]
    slots.extend(Slot(g.start, g.end, text[g.start : g.end], "mention", g.actor) for g in groups)
    slots = _with_descriptions(slots, sentence, text, rules, mentions, article_mentions)
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


def _with_descriptions(
    slots: list[Slot],
    sentence: Sentence,
    text: str,
    rules: EventRules,
    mentions: Sequence[Mention],
    article_mentions: Sequence[Mention],
) -> list[Slot]:
    """The slots with each description ("the Lao leader", "vị lãnh đạo Lào") as one actor in place
    of what was read inside its words (``events/descriptions.py``)."""
    found = find_descriptions(sentence, text, rules, mentions)
    if not found:
        return slots
    holders = office_holders(article_mentions, text, rules)
    for description in found:
        inside = [s for s in slots if s.start < description.end and description.start < s.end]
        actor = described_actor(description, holders, [s.actor for s in inside if s.actor is not None])
        if actor is not None:
            slots = [s for s in slots if s not in inside]
            slots.append(Slot(description.start, description.end, description.text, "mention", actor))
    return sorted(slots, key=lambda s: s.start)


def _names_document(mention: Mention, sentence: Sentence, text: str, rules: EventRules) -> bool:
    """Whether an organization's name is part of a document's title (the pack's ``document_after``
    and ``document_before``: "the UN Convention", "Công ước Liên hợp quốc", "Konvensi PBB")."""
    return bool(
        rules.compiled("document_after").match(text, mention.end)
        or rules.compiled("document_before").search(
            text, max(sentence.start, mention.start - 30), mention.start
        )
    )


def _country_of_place(i: int, outer: list[Mention], text: str) -> bool:
    """Whether the place ``outer[i]`` is written in brackets right after another place, as its
    country ("Kuala Lumpur (Malaysia)", "Denpasar (Indonesia)")."""
    if i == 0 or outer[i - 1].type != "place" or text[outer[i].end : outer[i].end + 1] != ")":
        return False
    return bool(_ACRONYM_GAP.fullmatch(text, outer[i - 1].end, outer[i].start))


def _names_gathering(mention: Mention, sentence: Sentence, text: str, rules: EventRules) -> bool:
    """Whether a country's or organization's name is part of a forum's, conference's or ceremony's
    name (the pack's ``gathering_after`` and ``gathering_before``)."""
    return bool(
        rules.compiled("gathering_after").match(text, mention.end, sentence.end)
        or rules.compiled("gathering_before").search(
            text, max(sentence.start, mention.start - 60), mention.start
        )
    )


def _is_pronoun_use(text: str, end: int) -> bool:
    """A pronoun or bare honorific stands alone when a lower-case word follows ("Bà cũng", "He called")."""
    following = re.match(r"\s+(\w)", text[end : end + 4])
    return bool(following and following.group(1).islower())
