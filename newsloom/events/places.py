"""Whether two places sources give for one event disagree, read through the gazetteer.

"Presidential Palace", "Hanoi" and "Istana Kepresidenan" (Indonesian for the palace) are one place
told at three scales or in two languages, not three reports that disagree. Two places agree when
they are one gazetteer entry (whatever the language of the name), when one is inside the other
(its parent chain; a country and a place in it; a landmark the gazetteer gives no city for and a
place of its country), or when a name is unknown but built on a known one ("East Jakarta" on Jakarta).
"""

from __future__ import annotations

from functools import lru_cache

from newsloom.entities.gazetteer import GazetteerEntry, load_gazetteer
from newsloom.entities.names import name_tokens
from newsloom.events.actors import country_code, fold


@lru_cache(maxsize=4096)
def place_entry(name: str) -> GazetteerEntry | None:
    """The gazetteer place a name stands for: its own entry, the one it begins with followed by a
    country's name ("Istana Kepresidenan" + "Vietnam"), else the longest known place inside it."""
    gazetteer = load_gazetteer()
    tokens = name_tokens(name)
    if not tokens:
        return None
    found = {s.entry_id for s in gazetteer.lookup(tokens, None)}
    if len(found) == 1:
        return gazetteer.entries[found.pop()]
    if not found and len(tokens) >= 2:
        longer = {
            s.entry_id
            for key, surfaces in gazetteer.index.items()
            if len(key) > len(tokens)
            and key[: len(tokens)] == tokens
            and country_code(" ".join(key[len(tokens) :]))
            for s in surfaces
        }
        if len(longer) == 1:
            return gazetteer.entries[longer.pop()]
    for size in range(len(tokens) - 1, 0, -1):
        for start in range(len(tokens) - size + 1):
            inner = {s.entry_id for s in gazetteer.lookup(tokens[start : start + size], None)}
            if len(inner) == 1:
                return gazetteer.entries[inner.pop()]
    return None


def _ancestors(entry: GazetteerEntry) -> set[str]:
    entries = load_gazetteer().entries
    seen: set[str] = set()
    parent = entry.parent
    while parent and parent not in seen:
        seen.add(parent)
        parent = entries[parent].parent if parent in entries else None
    return seen


def same_place(first: str, second: str) -> bool:
    """Whether two place names can be the one place of an event (see the module's docstring)."""
    if fold(first) == fold(second):
        return True
    a, b = place_entry(first), place_entry(second)
    if a is None or b is None:
        return False
    if a.id == b.id or a.id in _ancestors(b) or b.id in _ancestors(a):
        return True
    if not a.country or a.country != b.country:
        return False
    kinds = {a.kind, b.kind}
    # a country holds all its places; a landmark whose city the gazetteer does not say may be in any
    return "country" in kinds or ("landmark" in kinds and len(kinds) == 2 and not (a.parent or b.parent))
