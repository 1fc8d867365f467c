"""Separate meetings listed in one sentence: "Quang met X, Y and Z on the sidelines" is three
bilateral meetings, one per counterpart, unless the text says they met together.

A host receiving a list of guests ("đã lần lượt tiếp Bộ trưởng Paulo Chachine, Giám đốc Ali
Naghiyev, ...", "Quang also received Ali Naghiyev ... and Vahid Jalalzadeh") reports one meeting
with each: a journalist counts them apart, and each has its own statements ("Với ông Ali Naghiyev,
hai bên thống nhất ..."). A gathering the host attends or chairs (the trigger's own mode is
multilateral: "dự Hội nghị", "co-chaired") is one event, and so is a meeting the pack's
``met_together`` says was held together ("a trilateral meeting", "cùng lúc").
"""

from __future__ import annotations

from dataclasses import replace

from newsloom.article import Sentence
from newsloom.events.parties import parties
from newsloom.events.rules import EventRules, Trigger
from newsloom.events.types import Event

#: The mode a meeting takes from a cue of the gathering around it ("bên lề", "on the sidelines of"):
#: a meeting with one counterpart there is two-party, not the gathering.
GATHERING_MODE = "multilateral"


def one_per_counterpart(event: Event, trigger: Trigger, sentence: Sentence, rules: EventRules) -> list[Event]:
    """``event`` as one meeting per counterpart party when it lists several and the text does not
    say they met together; else ``[event]``."""
    if event.type != "CONSULT" or trigger.mode == GATHERING_MODE:
        return [event]
    if len(parties(event.source_actors)) != 1:
        return [event]
    counterparts = [a for a in parties(event.target_actors) if a.type in ("person", "organization", "place")]
    if len(counterparts) < 2 or rules.compiled("met_together").search(sentence.text):
        return [event]
    kept = {a.key for a in counterparts}
    others = [a for a in event.target_actors if a.key not in kept]  # a counterpart's own country
    mode = trigger.mode if event.mode == GATHERING_MODE else event.mode
    result = []
    for counterpart in counterparts:
        targets = (counterpart, *(a for a in others if a.country and a.country == counterpart.country))
        # a country listed among counterparts stands for its delegation, which the host received
        host = "source" if counterpart.type == "place" else event.host
        result.append(
            replace(event, target_actors=targets, target=tuple(a.key for a in targets), mode=mode, host=host)
        )
    return result
