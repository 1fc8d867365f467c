"""The sides of a classifier's reading: who did it to whom when no trigger rule read the sentence.

By default the first actor named is the source and the next the target. Two things the order gets
wrong are read from the language pack instead:

- a visit ("X is on an official visit to Y", "thăm chính thức Việt Nam", "kunjungan ... ke"): the
  visitor is the source and the host the target, whatever order they are written in ("the first
  visit to Y by X", "chuyến thăm Việt Nam ... của X");
- a sentence whose subject is a pronoun ("In the evening he hosted ..."): the pronoun is the person
  the sentences before made their subject, when exactly one is available;
- a subject that ought to do something ("The UN should press on with reform"): it is asked, so it is
  the target, and the person the sentences before made their subject (the one asking) the source.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from newsloom.article import Article
from newsloom.events.arguments import chain_forward
from newsloom.events.conjunctions import ListWords
from newsloom.events.rules import EventRules
from newsloom.events.slots import Slot
from newsloom.events.types import Actor

#: How many sentences back a pronoun subject may look for its person.
PRONOUN_LOOKBACK = 3

Resolved = list[tuple[Slot, Actor]]


#: At most this many words before an actor (and its title) that opens a clause as its subject
#: ("The", "Vietnamese" President ...): more, and the actor is an object of an unnamed subject
#: ("Before leaving, the South African president visited the family of General Võ Nguyên Giáp").
SUBJECT_LEAD_WORDS = 2


def _opens(text: str, slot: Slot, at: int) -> bool:
    begin = slot.lead if slot.lead is not None else slot.start
    return begin >= at and len(text[at:begin].split()) <= SUBJECT_LEAD_WORDS


def subject_start(text: str, rules: EventRules, slots: Sequence[Slot], start: int, end: int) -> int:
    """Where the subject of the sentence ``text[start:end]`` is written: the sentence's start, or
    after a leading adverbial phrase the start of the first comma segment an actor opens ("With
    Minister X, he discussed", "Speaking at the ASEAN council, held ..., Sugiono said"); the
    sentence's start when no segment does ("Theo Chủ tịch nước, việc ...")."""
    head = text[start:end].split(",", 1)[0]
    if start + len(head) >= end or not rules.compiled("adverbial_opener").match(head):
        return start
    at = start + len(head) + 1
    while at < end:
        comma = text.find(",", at, end)
        stop = end if comma < 0 else comma
        inside = [s for s in slots if at <= s.start < stop]
        if inside and _opens(text, inside[0], at):
            return at
        if comma < 0:
            break
        at = comma + 1
    return start


def subject_first(text: str, rules: EventRules, slots: Sequence[Slot], start: int, end: int) -> list[Slot]:
    """A sentence's slots with those of a leading adverbial phrase moved after the rest: they are
    not its subject (see :func:`subject_start`)."""
    at = subject_start(text, rules, slots, start, end)
    return [s for s in slots if s.start >= at] + [s for s in slots if s.start < at]


def reading_sides(
    text: str, rules: EventRules, slots: Sequence[Slot], start: int, end: int, subject: Actor | None
) -> tuple[list[Actor], list[Actor]]:
    """(source, target) of a reading of the sentence ``text[start:end]`` from its actor ``slots``;
    ``subject`` stands for a pronoun that opens the sentence's slots."""
    resolved: Resolved = []
    slots = [s for s in slots if s.organizer is None]  # a whole-sentence reading is not the organisers'
    for index, slot in enumerate(slots):
        if slot.actor is not None:
            resolved.append((slot, slot.actor))
        elif slot.kind == "pronoun" and index == 0 and subject is not None:
            resolved.append((slot, replace(subject, text=slot.text, resolved_by="pronoun")))
    visit = _visit_sides(text, rules, resolved, start, end)
    if visit is not None:
        return visit
    counterparts = _counterparts(text, rules, resolved, start, end)
    if counterparts is not None:
        return counterparts
    if resolved and obliged(text, rules, resolved[0][0]):
        # "The UN should press on with reform": what someone asks of the UN, the asker (the
        # subject before, if any) its source and the UN its target
        asked = resolved[0][1]
        return ([subject] if subject is not None and subject.key != asked.key else []), [asked]
    actors = [actor for _, actor in resolved]
    source = actors[:1]
    rest = [a for a in actors[1:] if not (source and _own_country(a, source[0]))]
    return source, [a for a in rest[:1] if a.key != actors[0].key]


def _counterparts(
    text: str, rules: EventRules, resolved: Resolved, start: int, end: int
) -> tuple[list[Actor], list[Actor]] | None:
    """A sentence opening with a "with" phrase (the pack's ``counterparts_before``) before its
    subject: "With Minister Mmamoloko Kubayi, he discussed ...": the subject met the person named in
    it, whoever else the rest of the sentence names (Ramaphosa, whose visit they discussed)."""
    at = subject_start(text, rules, [slot for slot, _ in resolved], start, end)
    lead = [(slot, actor) for slot, actor in resolved if slot.start < at]
    main = [actor for slot, actor in resolved if slot.start >= at]
    if not lead or not main or at == start:
        return None
    first = lead[0][0]
    if not rules.compiled("counterparts_before").search(text[start : first.lead or first.start]):
        return None
    people = [actor for _, actor in lead if actor.type == "person" and actor.key != main[0].key]
    return ([main[0]], people[:1]) if people else None


def obliged(text: str, rules: EventRules, slot: Slot) -> bool:
    """Whether the pack's ``obligation_after`` ("should", "cần", "harus") follows the actor of
    ``slot``: the sentence says what it ought to do, someone else's demand."""
    return slot.actor is not None and bool(rules.compiled("obligation_after").match(text, slot.end))


def _own_country(actor: Actor, source: Actor) -> bool:
    """Whether ``actor`` is the country of the person or body ``source`` ("Ramaphosa told reporters
    that South Africa regarded Vietnam as a key partner": South Africa is his side, not the target)."""
    return (
        actor.type == "place"
        and source.type in ("person", "organization")
        and actor.country is not None
        and actor.country == source.country
    )


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
    article: Article,
    index: int,
    slots_of: Callable[[int], list[Slot]],
    rules_of: Callable[[int], EventRules],
    words: ListWords | None = None,
) -> Actor | None:
    """The person the sentences before ``index`` made their subject (a pronoun subject carries it
    on), when exactly one is: a sentence opening with two people, or with a body, gives none
    (``words``: the stage's list words, ``events/conjunctions.py``)."""
    text = article.text
    for earlier in range(index - 1, max(-1, index - 1 - PRONOUN_LOOKBACK), -1):
        sentence = article.sentences[earlier]
        named = [s for s in slots_of(earlier) if s.actor is not None or s.kind == "pronoun"]
        if not named:
            continue  # a sentence naming no one leaves the subject as it was
        at = subject_start(text, rules_of(earlier), named, sentence.start, sentence.end)
        slots = [s for s in named if s.start >= at]
        if not slots or not _opens(text, slots[0], at):
            return None  # its subject is no one named ("the South African president"): no guess
        if slots[0].kind == "pronoun":
            continue  # "He ..." again: the same person, named further back
        chain = chain_forward(slots, text, words=words)
        people = {s.actor.key: s.actor for s in chain if s.actor is not None and s.actor.type == "person"}
        if len(chain) != 1 or len(people) != 1:
            return None
        return next(iter(people.values()))
    return None
