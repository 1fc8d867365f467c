"""CONCEDE and RETREAT read from a clause's head verb, by the pack's concession words (#13).

The codebook's line (``events/codebook.py``): a concession said, promised or granted is CONCEDE (an
apology, an admission, a pardon, a dropped lawsuit, "pledged to withdraw", "said it would release"); a
retreat carried out now is RETREAT ("released the hostages", "withdrew its troops", "resigned"). The
learned reader often scores such sentences under its threshold; these cues let the stage report the
type at a lower bar (``Combination.concession_bar`` in ``events/learned.py``).

No parse is loaded for this: the "head verb" is a verb form the pack writes finite (a past or present
tense, or a promise verb governing a retreat verb) that no word right before it makes unasserted (to, a
modal, a negation, a relative pronoun: the pack's ``concession_blocked_before``). A pack without these
patterns reads nothing.
"""

from __future__ import annotations

import re

from newsloom.events.rules import EventRules

#: The pack's patterns and the type each one signals.
SIGNALS = (("admission", "CONCEDE"), ("promised_retreat", "CONCEDE"), ("retreat_done", "RETREAT"))


def _asserted_matches(pattern: re.Pattern[str], text: str, blocked_before: re.Pattern[str]) -> bool:
    """Whether ``pattern`` matches somewhere in ``text`` with no blocking words right before it."""
    return any(not blocked_before.search(text, 0, match.start()) for match in pattern.finditer(text))


def concession_types(text: str, rules: EventRules) -> frozenset[str]:
    """The types (CONCEDE, RETREAT) the pack's concession words read as asserted in ``text``."""
    blocked = rules.compiled("concession_blocked_before")
    found = set()
    for name, type_ in SIGNALS:
        if type_ not in found and _asserted_matches(rules.compiled(name), text, blocked):
            found.add(type_)
    return frozenset(found)
