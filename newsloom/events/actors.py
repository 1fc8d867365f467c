"""Actors of events: folding keys, country codes, affiliations of a person from the sentence around it.

Country names come from CLDR (babel) in the first-class languages and ISO 3166 (pycountry), never
typed by hand; international organizations get the PLOVER non-state codes (UNO, EUR, IGO).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from newsloom.entities.types import Mention
from newsloom.events.types import Actor

#: Languages whose CLDR country names are recognised (names in other languages still match by key).
COUNTRY_NAME_LANGUAGES = ("vi", "en", "id", "fr", "de", "es", "ms")

#: Folded name patterns of international organizations -> PLOVER code. The UN family first.
_NON_STATE_PATTERNS = (
    (
        r"\b(?:lien hop quoc|lhq|united nations|un|perserikatan bangsa(?:-| )bangsa|pbb|nations unies|onu)\b",
        "UNO",
    ),
    (r"^un[a-z]{2,6}$", "UNO"),  # UNODC, UNDP, UNICEF, UNHCR ...
    (r"\b(?:eu|european union|lien minh chau au|uni eropa)\b", "EUR"),
    (
        r"\b(?:asean|nato|apec|wto|imf|world bank|ngan hang the gioi|interpol|aseanapol|who|g20|g7|brics|au|african union)\b",
        "IGO",
    ),
)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, diacritics removed, đ -> d, spaces collapsed: "Bùi Thanh Sơn" -> "bui thanh son"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return re.sub(r"\s+", " ", stripped).strip().lower()


@cache
def _country_names() -> dict[str, str]:
    """Folded country name (in several languages) -> ISO alpha-3."""
    import pycountry
    from babel import Locale

    names: dict[str, str] = {}
    for lang in COUNTRY_NAME_LANGUAGES:
        try:
            territories = Locale(lang).territories
        except Exception:  # babel without that locale
            continue
        for alpha2, name in territories.items():
            if not (len(alpha2) == 2 and alpha2.isalpha()):
                continue
            country = pycountry.countries.get(alpha_2=alpha2)
            if country is not None:
                names.setdefault(fold(name), country.alpha_3)
    for country in pycountry.countries:
        names.setdefault(fold(country.name), country.alpha_3)
        common = getattr(country, "common_name", None)
        if common:
            names.setdefault(fold(common), country.alpha_3)
    return names


def country_code(name: str | None) -> str | None:
    """ISO alpha-3 of a country name or of a gazetteer key ("place:LA", as the entity stage writes a
    title's country), or a PLOVER non-state code for an international organization."""
    if not name:
        return None
    keyed = _key_country(name)
    if keyed:
        return keyed
    folded = fold(name)
    code = _country_names().get(folded)
    if code:
        return code
    for pattern, non_state in _NON_STATE_PATTERNS:
        if re.search(pattern, folded):
            return non_state
    return None


@lru_cache(maxsize=4096)
def _key_country(key: str) -> str | None:
    """The country of a gazetteer key of a country ("place:LA", "place:vn" -> LAO, VNM)."""
    head, _, tail = key.partition(":")
    if head.lower() != "place" or len(tail) not in (2, 3) or not tail.isalpha():
        return None
    import pycountry

    tail = tail.upper()
    found = pycountry.countries.get(alpha_2=tail) if len(tail) == 2 else pycountry.countries.get(alpha_3=tail)
    return found.alpha_3 if found is not None else None


@lru_cache(maxsize=4096)
def country_name(code: str, locale: str = "") -> str | None:
    """The name of a country (ISO alpha-3) in a CLDR locale ("FRA", "vi" -> "Pháp"; "MMR", "en" ->
    "Myanmar", without CLDR's "(Burma)"), else its ISO 3166 English name; None for no country."""
    import pycountry

    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return None
    if locale:
        from babel import Locale, UnknownLocaleError

        try:
            local = Locale.parse(locale).territories.get(country.alpha_2)
        except (UnknownLocaleError, ValueError):
            local = None
        if local:
            return re.sub(r"\s*\([^)]*\)$", "", local)
    return str(getattr(country, "common_name", None) or country.name)


def country_actor(
    code: str, resolved_by: str = "sides", text: str | None = None, name: str | None = None
) -> Actor | None:
    """A country as an actor, keyed as the gazetteer keys countries ("place:mz"), named ``name``
    (the reader's language: ``EventRules.country_name``), else by its ISO 3166 English name."""
    import pycountry

    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return None
    name = name or getattr(country, "common_name", None) or country.name
    return Actor(
        key=fold(f"place:{country.alpha_2}"), name=name, text=text or name, type="place", country=code,
        resolved_by=resolved_by,
    )  # fmt: skip


@lru_cache(maxsize=4096)
def country_in_name(name: str) -> str | None:
    """The country a national organization is named after ("National Assembly of Vietnam" -> VNM)."""
    words = fold(name).replace("-", " ").split()
    names = _country_names()
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            code = names.get(" ".join(words[i : i + size]))
            if code:
                return code
    return None


@lru_cache(maxsize=4096)
def country_at_edge(key: str) -> str | None:
    """The country a body's name ends or starts with ("organization:bo noi vu mozambique" -> MOZ,
    "Azerbaijan State Security Service" -> AZE); not one inside it ("Bộ Lao động" is no Laos)."""
    words = fold(key.split(":", 1)[-1]).replace("-", " ").split()
    names = _country_names()
    for size in (3, 2, 1):
        if len(words) > size:
            for part in (words[-size:], words[:size]):
                code = names.get(" ".join(part))
                if code:
                    return code
    return None


def mention_key(mention: Mention) -> str:
    """The corpus key of a mention: its entity key (folded), else its folded canonical name or text."""
    return fold(mention.key or mention.canonical or mention.text)


def actor_from_mention(
    mention: Mention,
    affiliations: tuple[str, ...] = (),
    home_country: str | None = None,
    national_roles: tuple[str, ...] = (),
) -> Actor:
    """An Actor for one mention, with the country it belongs to when known."""
    name = mention.canonical or mention.text
    country = None
    if mention.type == "place":
        country = country_code(name)
    elif mention.type == "organization":
        country = country_code(name) or country_code(mention.text) or country_in_name(name)
    if country is None and mention.role_of:
        country = country_code(mention.role_of)
    if country is None:
        for affiliation in affiliations:
            country = country_code(affiliation)
            if country:
                break
    if country is None and mention.type == "person":
        # "Bộ trưởng Bộ Nội vụ Mozambique Paulo Chachine": the body named in the title ends with its
        # country; before the home country, which an unqualified title only suggests
        country = next((c for c in map(country_at_edge, affiliations) if c), None)
    if country is None and home_country and mention.type == "person" and mention.role in national_roles:
        country = home_country
    return Actor(
        key=mention_key(mention),
        name=name,
        text=mention.text,
        type=mention.type,
        role=mention.role,
        role_text=mention.role_text,
        country=country,
        affiliations=affiliations,
    )


@lru_cache(maxsize=8192)
def identity_keys(actor: Actor) -> frozenset[str]:
    """The keys an actor stands for: its own and its organizations' (not its country's). An
    unnamed group of no known country ("authorities") stands for nobody in particular."""
    keys = [actor.key, *(a for a in actor.affiliations if not is_state(a))]
    return frozenset(k for k in keys if not (k.startswith("group:") and k.endswith(":xx")))


def is_state(key: str) -> bool:
    """Whether a key names a country ("place:vn", "viet nam"), by its name or ISO code."""
    if key.startswith(("group:", "org:", "person:", "entity:")):
        return False
    tail = key.split(":")[-1]
    if len(tail) in (2, 3) and tail.isalpha():
        import pycountry

        found = (
            pycountry.countries.get(alpha_2=tail.upper())
            if len(tail) == 2
            else pycountry.countries.get(alpha_3=tail.upper())
        )
        if found is not None:
            return True
    return country_code(tail) in _state_codes()


@cache
def _state_codes() -> frozenset[str]:
    return frozenset(_country_names().values())


def same_actor(a: Actor, b: Actor) -> bool:
    """Whether two actors are one party: same key, or one is a person speaking for the other
    organization (a country is not a person: "Lương Cường" is not "Việt Nam")."""
    if a.key == b.key:
        return True
    if a.key in identity_keys(b) or b.key in identity_keys(a):
        return True
    return a.type == b.type == "person" and same_person_name(a.name, b.name)


@lru_cache(maxsize=8192)
def same_person_name(first: str, second: str) -> bool:
    """One full name ends with the other of at least two words: "Cyril Ramaphosa" is "Matamela Cyril
    Ramaphosa" (the entity linker may keep them apart when no article says both)."""
    a, b = fold(first).split(), fold(second).split()
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 2 and long[-len(short) :] == short
