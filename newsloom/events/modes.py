"""The PLOVER mode of an event from its trigger and the pack's mode cues, with the words that gave it.

A meeting's mode (visit, phone, multilateral, ...) comes from the consult cues of the sentence; other
types take the trigger's own mode, else the first cue of their type after the trigger, else the first
in the clause before it ("a roadside bomb killed ..."), else none. A meeting placed in one side's
country is a visit that side hosts. A classifier's event, which has no trigger, reads the cues in its
whole sentence (:func:`sentence_mode`).

No mode is guessed where the sentence names none: a mode is coded only where the text says it, as
the event golds do (a per-type default, "a protest is a demonstration", was measured and dropped; see
``tests/gold/events/README.md``). Every mode the codebook defines for the type is reported (the
finest the text names: "jets bombed" is aerial, not explosives; "moved tanks" is weapons, not troops);
a gold set written to a closed list of modes is scored in its own convention by the evaluator
(``sentence_eval.load_coded_modes``), never by narrowing what the stage reports.

Each reading keeps the words that gave the mode (:data:`Reading`); the events stage writes them
into the event's ``rule`` after :data:`EVIDENCE_MARK` (:func:`with_evidence`), which the store keeps
beside the sentence, so a reader can check why a mode was given.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsloom.article import Sentence
from newsloom.events.locations import place_country
from newsloom.events.rules import EventRules
from newsloom.events.triggers import TriggerMatch
from newsloom.events.types import Actor

#: (mode, the words of the text that gave it); (None, None) when the text names no mode
Reading = tuple[str | None, str | None]
NO_MODE: Reading = (None, None)

#: Where an event's ``rule`` says which words gave its mode: ``"en:\\b(?:bombed|...)|mode=warplanes"``.
EVIDENCE_MARK = "|mode="

#: Modes that name how an attack was delivered, which tell more than the munition a trigger names
#: (the codebook's ASSAULT modes: a bomb dropped by a jet is ``aerial``, one carried by a drone
#: ``drone``, one worn by its carrier ``suicide-attack``). A cue of one of these in the event's
#: clause replaces the trigger's own mode ("fighter jets bombed" is aerial, not explosives).
DELIVERY_MODES: dict[str, tuple[str, ...]] = {"ASSAULT": ("suicide-attack", "drone", "aerial")}


def with_evidence(rule: str, reading: Reading) -> str:
    """``rule`` with the words that gave the event's mode after :data:`EVIDENCE_MARK` (unchanged
    when there is no mode)."""
    mode, words = reading
    if mode is None or not words:
        return rule
    return f"{rule}{EVIDENCE_MARK}{' '.join(words.split())}"


def mode_evidence(rule: str) -> str | None:
    """The words that gave an event's mode, from its ``rule`` (None when it records none)."""
    _, mark, words = rule.partition(EVIDENCE_MARK)
    return (words or None) if mark else None


def _first_cue(cues: Sequence[tuple[str, str]], text: str) -> Reading:
    for pattern, mode in cues:
        found = re.search(pattern, text, re.I)
        if found:
            return mode, found.group(0)
    return NO_MODE


def cue_reading(type_: str, text: str, rules: EventRules, start: int = 0, end: int | None = None) -> Reading:
    """The first of the pack's mode cues of ``type_`` in ``text[start:end]`` (pack order: the
    codebook's precedence), with its words."""
    return _first_cue(
        [(pattern, mode) for name, pattern, mode in rules.mode_cues if name == type_], text[start:end]
    )


def cue_mode(type_: str, text: str, rules: EventRules, start: int = 0, end: int | None = None) -> str | None:
    """The mode of the first of the pack's mode cues of ``type_`` in ``text[start:end]``."""
    return cue_reading(type_, text, rules, start, end)[0]


def _delivery(type_: str, text: str, rules: EventRules, start: int = 0, end: int | None = None) -> Reading:
    """A cue of one of ``type_``'s :data:`DELIVERY_MODES` in ``text[start:end]``."""
    delivery = DELIVERY_MODES.get(type_, ())
    if not delivery:
        return NO_MODE
    cues = [(pattern, mode) for name, pattern, mode in rules.mode_cues if name == type_ and mode in delivery]
    return _first_cue(cues, text[start:end])


def sentence_reading(text: str, rules: EventRules, type_: str) -> Reading:
    """The mode of an event of ``type_`` read from a whole sentence (a classifier's event), with its
    words: CONSULT's mode cues; else a trigger of the type that carries a mode (unless the sentence
    names how the act was delivered, :data:`DELIVERY_MODES`); else the type's mode cues."""
    if type_ == "CONSULT":
        return _first_cue(rules.consult_modes, text)
    delivery = _delivery(type_, text, rules)
    if delivery[0]:
        return delivery
    for trigger in rules.triggers:
        if trigger.type == type_ and trigger.mode:
            found = trigger.regex.search(text)
            if found:
                return trigger.mode, found.group(0)
    return cue_reading(type_, text, rules)


def sentence_mode(text: str, rules: EventRules, type_: str) -> str | None:
    """The mode of an event of ``type_`` read from a whole sentence (see :func:`sentence_reading`)."""
    return sentence_reading(text, rules, type_)[0]


def trigger_reading(
    match: TriggerMatch, sentence: Sentence, text: str, rules: EventRules, clause: tuple[int, int]
) -> Reading:
    """The mode of a rule event and the words that gave it (see the module's docstring)."""
    trigger = match.trigger
    words = text[match.start : match.end]
    if trigger.type == "CONSULT":
        bilateral = rules.compiled("bilateral").search(text, sentence.start, sentence.end)
        for pattern, mode in rules.consult_modes:
            if bilateral and mode == "multilateral":
                continue  # "a bilateral meeting on the sidelines of the summit" is two-party
            found = re.search(pattern, text[sentence.start : sentence.end], re.I)
            if found:
                if trigger.mode in (None, "visit") or mode == "phone":
                    return mode, found.group(0)
                return trigger.mode, words
        if bilateral and trigger.mode == "multilateral":
            return NO_MODE
        return (trigger.mode, words) if trigger.mode else NO_MODE
    delivery = _delivery(trigger.type, text, rules, clause[0], clause[1])
    if delivery[0]:
        return delivery
    if trigger.mode:
        return trigger.mode, words
    # from the trigger's own words on: "delivered wheat and vaccines" says the aid is humanitarian
    after = cue_reading(trigger.type, text, rules, match.start, clause[1])
    if not after[0]:
        after = cue_reading(trigger.type, text, rules, clause[0], match.start)
    return after


def trigger_mode(
    match: TriggerMatch, sentence: Sentence, text: str, rules: EventRules, clause: tuple[int, int]
) -> str | None:
    """The mode of a rule event (see :func:`trigger_reading`)."""
    return trigger_reading(match, sentence, text, rules, clause)[0]


def host_by_place(
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
