"""The PLOVER mode of an event from its trigger and the pack's mode cues.

A meeting's mode (visit, phone, multilateral, ...) comes from the consult cues of the sentence; other
types take the trigger's own mode, else the first cue of their type after the trigger, else the first
in the clause before it ("a roadside bomb killed ..."), else none. A meeting placed in one side's
country is a visit that side hosts. A classifier's event, which has no trigger, reads the cues in its
whole sentence (:func:`sentence_mode`).

No mode is guessed where the sentence names none: a mode is coded only where the text says it, as
the event golds do (a per-type default, "a protest is a demonstration", was measured and dropped; see
``tests/gold/events/README.md``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsloom.article import Sentence
from newsloom.events.locations import place_country
from newsloom.events.rules import EventRules
from newsloom.events.triggers import TriggerMatch
from newsloom.events.types import Actor


def cue_mode(type_: str, text: str, rules: EventRules, start: int = 0, end: int | None = None) -> str | None:
    """The mode of the first of the pack's mode cues of ``type_`` in ``text[start:end]``."""
    window = text[start:end]
    return next(
        (
            mode
            for name, pattern, mode in rules.mode_cues
            if name == type_ and re.search(pattern, window, re.I)
        ),
        None,
    )


def sentence_mode(text: str, rules: EventRules, type_: str) -> str | None:
    """The mode of an event of ``type_`` read from a whole sentence (a classifier's event): CONSULT's
    mode cues; else a trigger of the type that carries a mode; else the type's mode cues."""
    if type_ == "CONSULT":
        return next((mode for pattern, mode in rules.consult_modes if re.search(pattern, text, re.I)), None)
    for trigger in rules.triggers:
        if trigger.type == type_ and trigger.mode and trigger.regex.search(text):
            return trigger.mode
    return cue_mode(type_, text, rules)


def trigger_mode(
    match: TriggerMatch, sentence: Sentence, text: str, rules: EventRules, clause: tuple[int, int]
) -> str | None:
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
    return cue_mode(trigger.type, text, rules, match.end, clause[1]) or cue_mode(
        trigger.type, text, rules, clause[0], match.start
    )


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
