"""The PLOVER mode of an event from its trigger and the pack's mode cues.

A meeting's mode (visit, phone, multilateral, ...) comes from the consult cues of the sentence; other
types take the trigger's own mode, else the first cue of their type after the trigger. A meeting
placed in one side's country is a visit that side hosts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsloom.article import Sentence
from newsloom.events.locations import place_country
from newsloom.events.rules import EventRules
from newsloom.events.triggers import TriggerMatch
from newsloom.events.types import Actor


def trigger_mode(
    match: TriggerMatch, sentence: Sentence, text: str, rules: EventRules, clause_end: int
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
    rest = text[match.end : clause_end]
    for type_name, pattern, mode in rules.mode_cues:
        if type_name == trigger.type and re.search(pattern, rest, re.I):
            return mode
    return None


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
