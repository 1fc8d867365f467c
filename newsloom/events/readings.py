"""The sides of a classifier's reading: who did it to whom when no trigger rule read the sentence.

By default the first actor named is the source and the next the target. Two things the order gets
wrong are read from the language pack instead:

- a visit ("X is on an official visit to Y", "thăm chính thức Việt Nam", "kunjungan ... ke"): the
  visitor is the source and the host the target, whatever order they are written in ("the first
  visit to Y by X", "chuyến thăm Việt Nam ... của X");
- a sentence whose subject is a pronoun ("In the evening he hosted ..."): the pronoun is the person
  the sentences before made their subject, when exactly one is available.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from newsloom.article import Article
from newsloom.events.arguments import chain_forward
from newsloom.events.rules import EventRules
from newsloom.events.slots import Slot
from newsloom.events.types import Actor

#: How many sentences back a pronoun subject may look for its person.
PRONOUN_LOOKBACK = 3

Resolved = list[tuple[Slot, Actor]]


def reading_sides(
    text: str, rules: EventRules, slots: Sequence[Slot], start: int, end: int, subject: Actor | None
) -> tuple[list[Actor], list[Actor]]:
    """(source, target) of a reading of the sentence ``text[start:end]`` from its actor ``slots``;
    ``subject`` stands for a pronoun that opens the sentence's slots."""
    resolved: Resolved = []
    for index, slot in enumerate(slots):
        if slot.actor is not None:
            resolved.append((slot, slot.actor))
        elif slot.kind == "pronoun" and index == 0 and subject is not None:
            resolved.append((slot, replace(subject, text=slot.text, resolved_by="pronoun")))
    visit = _visit_sides(text, rules, resolved, start, end)
    if visit is not None:
        return visit
    actors = [actor for _, actor in resolved]
    source = actors[:1]
    return source, [a for a in actors[1:2] if a.key != actors[0].key]


def _visit_sides(
    text: str, rules: EventRules, resolved: Resolved, start: int, end: int
) -> tuple[list[Actor], list[Actor]] | None:
    """Visitor and host around the pack's visit phrase, when the host follows it directly."""
    cue = rules.compiled("visit_to").search(text, start, end)
    if cue is None:
        return None
    hosts = [
        (slot, actor)
        for slot, actor in resolved
        if slot.start >= cue.end() and not text[cue.end() : min(slot.start, slot.lead or slot.start)].strip()
    ]
    if not hosts:
        return None
    host_slot, host = hosts[0]
    visitors = [actor for slot, actor in resolved if slot.end <= cue.end()]
    if not visitors:  # "the first visit to Y by X": the visitor after the host
        by = rules.compiled("visit_by").search(text, host_slot.end, end)
        visitors = [actor for slot, actor in resolved if by is not None and slot.start >= by.end()][:1]
    if not visitors or visitors[-1].key == host.key:
        return None
    return [visitors[-1]], [host]


def previous_subject(
    article: Article, index: int, slots_of: Callable[[int], list[Slot]], rules_of: Callable[[int], EventRules]
) -> Actor | None:
    """The person the sentences before ``index`` made their subject (a pronoun subject carries it
    on), when exactly one is: a sentence opening with two people, or with a body, gives none."""
    text = article.text
    for earlier in range(index - 1, max(-1, index - 1 - PRONOUN_LOOKBACK), -1):
        sentence = article.sentences[earlier]
        opener = rules_of(earlier).compiled("adverbial_opener")
        head = text[sentence.start : sentence.end].split(",", 1)[0]
        skip = (
            sentence.start + len(head)
            if "," in text[sentence.start : sentence.end] and opener.match(head)
            else -1
        )
        slots = [
            s for s in slots_of(earlier) if s.start > skip and (s.actor is not None or s.kind == "pronoun")
        ]
        if not slots:
            continue
        if slots[0].kind == "pronoun":
            continue  # "He ..." again: the same person, named further back
        chain = chain_forward(slots, text)
        people = {s.actor.key: s.actor for s in chain if s.actor is not None and s.actor.type == "person"}
        if len(chain) != 1 or len(people) != 1:
            return None
        return next(iter(people.values()))
    return None
